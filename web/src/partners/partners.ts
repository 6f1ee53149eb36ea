import type { components } from '@parkline/client';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, parkline } from '../shared/api/session';

export type Provider = components['schemas']['ProviderDto'];
export type ProviderStatus = Provider['status'];
export type ProviderDecision = components['schemas']['ProviderStatusChangeDto']['status'];
export type Institution = components['schemas']['InstitutionDto'];
export type Handover = components['schemas']['HandoverDto'];
export type HandoverStatus = Handover['status'];
export type ProviderMatch = components['schemas']['ProviderMatchDto'];
export type Docking = components['schemas']['DockingDto'];
export type DockingStatus = Docking['status'];

const PAGE = 30;

export const partnerKeys = {
  providers: (status?: ProviderStatus) => ['providers', 'list', status ?? 'all'] as const,
  institutions: ['institutions', 'list'] as const,
  handovers: (filter: { status?: HandoverStatus; applicationId?: string }) => ['handovers', 'list', filter] as const,
  matches: (applicationId: string) => ['handovers', 'matches', applicationId] as const,
  dockings: (status?: DockingStatus) => ['dockings', 'list', status ?? 'all'] as const,
};

const nextCursor = (page: { nextCursor: string | null }) => page.nextCursor ?? undefined;

export function useProviders(status?: ProviderStatus) {
  return useInfiniteQuery({
    queryKey: partnerKeys.providers(status),
    queryFn: ({ pageParam }) =>
      call(() => parkline.GET('/api/v1/providers', { params: { query: { limit: PAGE, cursor: pageParam, status } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursor,
  });
}

/** The park lists, rejects, suspends or delists a provider, with the reason. */
export function useChangeProviderStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, status, reason }: { id: string; status: ProviderDecision; reason: string }) =>
      call(() =>
        parkline.POST('/api/v1/providers/{id}/status', { params: { path: { id } }, body: { status, reason } }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['providers'] }),
  });
}

export function useInstitutions() {
  return useInfiniteQuery({
    queryKey: partnerKeys.institutions,
    queryFn: ({ pageParam }) =>
      call(() => parkline.GET('/api/v1/institutions', { params: { query: { limit: PAGE, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursor,
  });
}

/** Takes an institution out of matching, or back in. */
export function useSetInstitutionActive() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) =>
      call(() => parkline.PATCH('/api/v1/institutions/{id}', { params: { path: { id } }, body: { active } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['institutions'] }),
  });
}

export function useHandovers(filter: { status?: HandoverStatus; applicationId?: string }, enabled = true) {
  return useInfiniteQuery({
    queryKey: partnerKeys.handovers(filter),
    queryFn: ({ pageParam }) =>
      call(() =>
        parkline.GET('/api/v1/handovers', { params: { query: { limit: PAGE, cursor: pageParam, ...filter } } }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursor,
    enabled,
  });
}

export function useProviderMatches(applicationId: string, enabled: boolean) {
  return useQuery({
    queryKey: partnerKeys.matches(applicationId),
    queryFn: () =>
      call(() =>
        parkline.GET('/api/v1/applications/{id}/provider-matches', { params: { path: { id: applicationId } } }),
      ),
    enabled,
  });
}

export function useHandOver(applicationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (providerId: string) =>
      call(() =>
        parkline.POST('/api/v1/applications/{id}/handovers', {
          params: { path: { id: applicationId } },
          body: { providerId },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['handovers'] }),
  });
}

/** What a provider user does with a handover: accept or decline it, report progress, close it. */
export type HandoverStep =
  | { step: 'accept' }
  | { step: 'decline'; reason: string }
  | { step: 'progress'; note: string; percent: number }
  | { step: 'close'; summary: string };

export function useHandoverStep() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, ...input }: HandoverStep & { id: string; version: number }) => {
      const params = { path: { id } };
      const expectedVersion = version;
      switch (input.step) {
        case 'accept':
          return call(() => parkline.POST('/api/v1/handovers/{id}/accept', { params, body: { expectedVersion } }));
        case 'decline':
          return call(() =>
            parkline.POST('/api/v1/handovers/{id}/decline', { params, body: { reason: input.reason, expectedVersion } }),
          );
        case 'progress':
          return call(() =>
            parkline.POST('/api/v1/handovers/{id}/progress', {
              params,
              body: { note: input.note, percent: input.percent, expectedVersion },
            }),
          );
        case 'close':
          return call(() =>
            parkline.POST('/api/v1/handovers/{id}/close', { params, body: { summary: input.summary, expectedVersion } }),
          );
      }
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['handovers'] }),
  });
}

export function useDockings(status?: DockingStatus) {
  return useInfiniteQuery({
    queryKey: partnerKeys.dockings(status),
    queryFn: ({ pageParam }) =>
      call(() => parkline.GET('/api/v1/dockings', { params: { query: { limit: PAGE, cursor: pageParam, status } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursor,
  });
}

export function useDecideDocking() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision, reason }: { id: string; decision: 'accept' | 'decline'; reason?: string }) =>
      decision === 'accept'
        ? call(() => parkline.POST('/api/v1/dockings/{id}/accept', { params: { path: { id } }, body: {} }))
        : call(() =>
            parkline.POST('/api/v1/dockings/{id}/decline', { params: { path: { id } }, body: { reason: reason ?? '' } }),
          ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['dockings'] }),
  });
}
