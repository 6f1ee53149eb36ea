import { queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import { call, parkline } from '../../shared/api/session';
import { useI18n } from '../../shared/i18n/i18n';
import { nameOf, serviceQuery, type Named } from './definition';

/** The whole catalogue fits one page (46 services); retired ones still name old applications. */
export const serviceNamesQuery = queryOptions({
  queryKey: ['services', 'names'],
  queryFn: () =>
    call(() => parkline.GET('/api/v1/services', { params: { query: { limit: 100, includeRetired: true } } })),
  select: (page) => page.data,
  staleTime: 10 * 60_000,
});

export const bundleNamesQuery = queryOptions({
  queryKey: ['bundles'],
  queryFn: () => call(() => parkline.GET('/api/v1/bundles')),
  staleTime: 10 * 60_000,
});

export const departmentsQuery = queryOptions({
  queryKey: ['departments'],
  queryFn: () => call(() => parkline.GET('/api/v1/departments')),
  staleTime: 10 * 60_000,
});

/** Names of services, bundles and departments by code, in the current language. */
export function useCatalogueNames() {
  const { pick } = useI18n();
  const services = useQuery(serviceNamesQuery);
  const bundles = useQuery(bundleNamesQuery);
  const departments = useQuery(departmentsQuery);
  return {
    services: services.data,
    departments: departments.data,
    /** The service's name, or the bundle's for a "one thing" application. */
    subject: (row: { serviceCode?: string | null; bundleCode?: string | null }) =>
      row.serviceCode ? nameOf(services.data, row.serviceCode, pick) : nameOf(bundles.data, row.bundleCode, pick),
    department: (code: string | null | undefined) => nameOf(departments.data, code, pick),
  };
}

/**
 * Stage names for rows of several services, from each service's current version: a row of a
 * list names its stage but not its version, and stages rarely change between versions.
 */
export function useStageNames(serviceCodes: readonly (string | null | undefined)[]) {
  const { pick } = useI18n();
  const codes = [...new Set(serviceCodes.filter((code): code is string => Boolean(code)))].sort();
  const services = useQueries({ queries: codes.map((code) => serviceQuery(code)) });
  const stagesByService = new Map<string, Named[]>();
  services.forEach((service, index) => {
    const stages = (service.data?.workflow as { stages?: Named[] } | undefined)?.stages;
    if (stages) stagesByService.set(codes[index], stages);
  });
  return (serviceCode: string | null | undefined, stage: string | null | undefined) =>
    nameOf(serviceCode ? stagesByService.get(serviceCode) : undefined, stage, pick);
}
