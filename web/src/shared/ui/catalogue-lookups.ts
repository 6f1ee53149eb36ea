import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { components } from '@parkline/client';
import { call, parkline } from '../api/session';
import { useI18n } from '../i18n/i18n';

export type Department = components['schemas']['DepartmentDto'];
export type ServiceSummary = components['schemas']['ServiceSummaryDto'];

/** The catalogue changes rarely: screens that only name things read it once in a while. */
const CATALOGUE_STALE_MS = 10 * 60_000;

export const departmentsQuery = {
  queryKey: ['departments'],
  queryFn: () => call(() => parkline.GET('/api/v1/departments')),
  staleTime: CATALOGUE_STALE_MS,
} as const;

/** Every service, retired ones too, every page of them. */
export const allServicesQuery = {
  queryKey: ['services', 'all'],
  queryFn: async (): Promise<ServiceSummary[]> => {
    const services: ServiceSummary[] = [];
    let cursor: string | undefined;
    do {
      const page = await call(() =>
        parkline.GET('/api/v1/services', {
          params: { query: { limit: 100, includeRetired: true, cursor } },
        }),
      );
      services.push(...page.data);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return services;
  },
  staleTime: CATALOGUE_STALE_MS,
} as const;

/**
 * Names of departments and services in the user's language; the code until they load. The
 * functions change only when the names do, so they may key memoised charts.
 */
export function useCatalogueNames() {
  const { pick } = useI18n();
  const departments = useQuery(departmentsQuery).data;
  const services = useQuery(allServicesQuery).data;
  return useMemo(() => {
    const named = (list: { code: string; name: string; nameEn: string }[] | undefined) => {
      const names = new Map(list?.map((item) => [item.code, pick(item.name, item.nameEn)]));
      return (code: string) => names.get(code) ?? code;
    };
    return {
      departments,
      services,
      departmentName: named(departments),
      serviceName: named(services),
    };
  }, [departments, services, pick]);
}
