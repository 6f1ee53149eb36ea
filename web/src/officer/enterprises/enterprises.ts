import type { components } from '@parkline/client';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { call, parkline } from '../../shared/api/session';
import { replaceInPages } from '../cached-pages';

export type Enterprise = components['schemas']['EnterpriseDto'];
export type Sector = Enterprise['sector'];

export type VerificationView = 'awaiting' | 'verified' | 'all';

export interface EnterpriseFilter {
  view: VerificationView;
  sector?: Sector;
  q?: string;
}

const VERIFIED: Record<VerificationView, 'true' | 'false' | undefined> = {
  awaiting: 'false',
  verified: 'true',
  all: undefined,
};

const listKey = (filter: EnterpriseFilter) => ['enterprises', 'list', filter] as const;

/** Enterprises, newest first, a page at a time by the API's cursor. */
export function useEnterprises(filter: EnterpriseFilter) {
  return useInfiniteQuery({
    queryKey: listKey(filter),
    queryFn: ({ pageParam }) =>
      call(() =>
        parkline.GET('/api/v1/enterprises', {
          params: {
            query: {
              limit: 30,
              cursor: pageParam,
              verified: VERIFIED[filter.view],
              sector: filter.sector,
              q: filter.q || undefined,
            },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/**
 * Verifies an enterprise with the staff member's notes. The row changes in place (a list of
 * those awaiting keeps it, marked verified, until it is next fetched: no row jumps away).
 */
export function useVerifyEnterprise() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, notes }: { id: string; notes?: string }) =>
      call(() =>
        parkline.POST('/api/v1/enterprises/{id}/verify', {
          params: { path: { id } },
          body: { notes: notes?.trim() || undefined },
        }),
      ),
    onSuccess: (verified) => {
      queryClient.setQueryData(['enterprises', verified.id], verified);
      replaceInPages(queryClient, ['enterprises', 'list'], verified);
    },
  });
}
