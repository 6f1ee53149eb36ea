import type { components } from '@parkline/client';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, parkline } from '../shared/api/session';

export type Doctor = components['schemas']['DoctorDto'];
export type NewDoctor = components['schemas']['NewDoctorDto'];
export type Placement = components['schemas']['PlacementDto'];
export type PlacementStatus = Placement['status'];
export type ReviewOutcome = components['schemas']['NewPlacementReviewDto']['outcome'];
export type NewPlacement = components['schemas']['NewPlacementDto'];
export type PlacementTerm = components['schemas']['PlacementTermDto'];

const PAGE = 30;
const nextCursor = (page: { nextCursor: string | null }) => page.nextCursor ?? undefined;

export function useDoctors() {
  return useInfiniteQuery({
    queryKey: ['doctors', 'list'],
    queryFn: ({ pageParam }) =>
      call(() =>
        parkline.GET('/api/v1/doctors', { params: { query: { limit: PAGE, cursor: pageParam } } }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursor,
  });
}

/** Active doctors to place, of one specialty when the request names one (the first hundred). */
export function useDoctorChoices(specialty: Doctor['specialty'] | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['doctors', 'choices', specialty ?? 'all'],
    queryFn: () =>
      call(() => parkline.GET('/api/v1/doctors', { params: { query: { limit: 100, specialty } } })),
    select: (page) => page.data.filter((doctor) => doctor.active),
    enabled,
  });
}

export function useAddDoctor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (doctor: NewDoctor) =>
      call(() => parkline.POST('/api/v1/doctors', { body: doctor })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['doctors'] }),
  });
}

export function usePlacements(filter: { status?: PlacementStatus; applicationId?: string } = {}, enabled = true) {
  return useInfiniteQuery({
    queryKey: ['placements', 'list', filter],
    queryFn: ({ pageParam }) =>
      call(() =>
        parkline.GET('/api/v1/placements', {
          params: { query: { limit: PAGE, cursor: pageParam, ...filter } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursor,
    enabled,
  });
}

/** The request's officer proposes a doctor's placement; both sides confirm it then. */
export function useProposePlacement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (placement: NewPlacement) =>
      call(() => parkline.POST('/api/v1/placements', { body: placement })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['placements'] }),
  });
}

/** What the sides and the park's officer do with a placement. */
export type PlacementStep =
  | { step: 'confirm' }
  | { step: 'exit'; reason: string }
  | { step: 'review'; outcome: ReviewOutcome; notes: string }
  | ({ step: 'renew' } & PlacementTerm);

export function usePlacementStep() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, ...input }: PlacementStep & { id: string; version: number }) => {
      const params = { path: { id } };
      switch (input.step) {
        case 'confirm':
          return call(() =>
            parkline.POST('/api/v1/placements/{id}/confirm', {
              params,
              body: { expectedVersion: version },
            }),
          );
        case 'exit':
          return call(() =>
            parkline.POST('/api/v1/placements/{id}/exit', {
              params,
              body: { reason: input.reason, expectedVersion: version },
            }),
          );
        case 'renew':
          return call(() =>
            parkline.POST('/api/v1/placements/{id}/renewal', {
              params,
              body: { from: input.from, until: input.until, expectedVersion: version },
            }),
          );
        case 'review':
          return call(() =>
            parkline.POST('/api/v1/placements/{id}/reviews', {
              params,
              body: { outcome: input.outcome, notes: input.notes },
            }),
          );
      }
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['placements'] }),
  });
}
