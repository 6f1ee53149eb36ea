import { queryOptions, useQuery } from '@tanstack/react-query';
import { serviceSummaryDtoKeyIssuesValues, type components } from '@parkline/client';
import { call, parkline } from '../../shared/api/session';
import { useI18n } from '../../shared/i18n/i18n';

export type ServiceSummary = components['schemas']['ServiceSummaryDto'];
export type Service = components['schemas']['ServiceDto'];
export type Bundle = components['schemas']['BundleDto'];
export type MaterialType = components['schemas']['MaterialTypeDto'];
export type MergedMaterial = components['schemas']['MergedMaterialDto'];
export type Category = ServiceSummary['category'];
export type KeyIssue = ServiceSummary['keyIssues'][number];

/** The four key issues of the park's reform, in the order the park names them. */
export const KEY_ISSUES: readonly KeyIssue[] = serviceSummaryDtoKeyIssuesValues;

export interface ServiceFilters {
  q?: string;
  category?: Category;
  department?: string;
  keyIssue?: KeyIssue;
}

/** The catalogue changes only when an administrator publishes: it may be kept a while. */
const CATALOGUE_STALE_MS = 5 * 60_000;

/** The services that match, every page of them (the catalogue holds a few dozen). */
export const servicesQuery = (filters: ServiceFilters) =>
  queryOptions({
    queryKey: ['services', filters],
    queryFn: async () => {
      const services: ServiceSummary[] = [];
      let cursor: string | undefined;
      do {
        const page = await call(() =>
          parkline.GET('/api/v1/services', {
            params: { query: { ...filters, limit: 100, cursor } },
          }),
        );
        services.push(...page.data);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return services;
    },
    staleTime: CATALOGUE_STALE_MS,
  });

export const serviceQuery = (code: string) =>
  queryOptions({
    queryKey: ['services', code],
    queryFn: () =>
      call(() => parkline.GET('/api/v1/services/{code}', { params: { path: { code } } })),
    staleTime: CATALOGUE_STALE_MS,
  });

/** A published version never changes: a draft pinned to it reads it once. */
export const serviceVersionQuery = (code: string, version: number) =>
  queryOptions({
    queryKey: ['services', code, 'versions', version],
    queryFn: () =>
      call(() =>
        parkline.GET('/api/v1/services/{code}/versions/{version}', {
          params: { path: { code, version } },
        }),
      ),
    staleTime: Infinity,
  });

export const bundlesQuery = queryOptions({
  queryKey: ['bundles'],
  queryFn: () => call(() => parkline.GET('/api/v1/bundles')),
  staleTime: CATALOGUE_STALE_MS,
});

export const bundleQuery = (code: string) =>
  queryOptions({
    queryKey: ['bundles', code],
    queryFn: () =>
      call(() => parkline.GET('/api/v1/bundles/{code}', { params: { path: { code } } })),
    staleTime: CATALOGUE_STALE_MS,
  });

export const departmentsQuery = queryOptions({
  queryKey: ['departments'],
  queryFn: () => call(() => parkline.GET('/api/v1/departments')),
  staleTime: CATALOGUE_STALE_MS,
});

/** A department's name in the user's language (its code until the list has loaded). */
export function useDepartmentName(): (code: string | null | undefined) => string {
  const { pick } = useI18n();
  const { data: departments } = useQuery(departmentsQuery);
  return (code) => {
    const department = departments?.find((candidate) => candidate.code === code);
    return department ? pick(department.name, department.nameEn) : (code ?? '—');
  };
}
