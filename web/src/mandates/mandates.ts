import type { components } from '@parkline/client';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, parkline } from '../shared/api/session';

export type Mandate = components['schemas']['MandateDto'];
export type MandateStatus = Mandate['status'];
export type NewMandate = components['schemas']['NewMandateDto'];

const PAGE = 30;

/** The enterprise's mandates, or, for a holder, those it holds. */
export function useMandates(status?: MandateStatus) {
  return useInfiniteQuery({
    queryKey: ['mandates', 'list', status ?? 'all'],
    queryFn: ({ pageParam }) =>
      call(() => parkline.GET('/api/v1/mandates', { params: { query: { limit: PAGE, cursor: pageParam, status } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page: { nextCursor: string | null }) => page.nextCursor ?? undefined,
  });
}

/** Listed providers whose name or credit code matches, to hold a mandate. */
export function useListedProviders(search: string, enabled: boolean) {
  return useQuery({
    queryKey: ['providers', 'listed', search],
    queryFn: () =>
      call(() =>
        parkline.GET('/api/v1/providers', {
          params: { query: { status: 'LISTED', q: search || undefined, limit: 20 } },
        }),
      ),
    select: (page) => page.data,
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useGrantMandate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewMandate) => call(() => parkline.POST('/api/v1/mandates', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['mandates'] }),
  });
}

export function useRevokeMandate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, reason }: { id: string; version: number; reason: string }) =>
      call(() =>
        parkline.POST('/api/v1/mandates/{id}/revoke', {
          params: { path: { id } },
          body: { reason, expectedVersion: version },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['mandates'] }),
  });
}
