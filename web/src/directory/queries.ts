import type { components } from '@parkline/client';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { call, parkline } from '../shared/api/session';
import { useI18n } from '../shared/i18n/i18n';
import type { DirectoryFilter } from './directory-filter';

export type DirectoryEntry = components['schemas']['DirectoryEntryDto'];
export type ParkPlan = components['schemas']['ParkPlanDto'];

/** The park plan changes with a release, not while a page is open. */
export function useParkPlan() {
  return useQuery({
    queryKey: ['park-plan'],
    queryFn: () => call(() => parkline.GET('/api/v1/park-plan')),
    staleTime: Infinity,
  });
}

/** A zone's name in the user's language, once the plan is there (its code until then). */
export function useZoneName(): (code: string) => string {
  const { pick } = useI18n();
  const { data: plan } = useParkPlan();
  return useCallback(
    (code: string) => {
      const zone = plan?.zones.find((candidate) => candidate.code === code);
      return zone ? pick(zone.name, zone.nameEn) : code;
    },
    [plan, pick],
  );
}

export function useIndustryAggregates() {
  return useQuery({
    queryKey: ['directory', 'aggregates'],
    queryFn: () => call(() => parkline.GET('/api/v1/directory/aggregates')),
  });
}

/** The directory's enterprises for a filter, newest first, a page at a time. */
export function useDirectory(filter: DirectoryFilter) {
  return useInfiniteQuery({
    queryKey: ['directory', 'enterprises', filter],
    queryFn: ({ pageParam }) =>
      call(() =>
        parkline.GET('/api/v1/directory/enterprises', {
          params: { query: { ...filter, limit: 30, cursor: pageParam } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}
