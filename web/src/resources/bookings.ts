import type { components } from '@parkline/client';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, parkline } from '../shared/api/session';
import { replaceInPages } from '../officer/cached-pages';

export type Resource = components['schemas']['ResourceDto'];
export type ResourceKind = Resource['kind'];
export type Booking = components['schemas']['BookingDto'];
export type BookingStatus = Booking['status'];
export type AvailabilityDay = components['schemas']['AvailabilityDayDto'];

/** The park's resources of a kind, by code, a page at a time. */
export function useResources(kind: ResourceKind | undefined, q: string | undefined) {
  return useInfiniteQuery({
    queryKey: ['resources', 'list', { kind, q }],
    queryFn: ({ pageParam }) =>
      call(() =>
        parkline.GET('/api/v1/resources', {
          params: { query: { limit: 50, cursor: pageParam, kind, q: q || undefined } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** Free units per slot of a resource on the working days from `from` to `to`. */
export function useAvailability(resourceId: string | undefined, from: string, to: string) {
  return useQuery({
    queryKey: ['resources', resourceId, 'availability', from, to],
    enabled: Boolean(resourceId),
    queryFn: () =>
      call(() =>
        parkline.GET('/api/v1/resources/{id}/availability', {
          params: { path: { id: resourceId! }, query: { from, to } },
        }),
      ),
  });
}

/** Bookings the caller sees (its enterprise's, or its department's resources'), newest first. */
export function useBookings(status: BookingStatus | undefined) {
  return useInfiniteQuery({
    queryKey: ['bookings', 'list', { status }],
    queryFn: ({ pageParam }) =>
      call(() =>
        parkline.GET('/api/v1/bookings', { params: { query: { limit: 30, cursor: pageParam, status } } }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** The enterprise's bookings still to come and not declined or cancelled, for a form to name one. */
export function useHeldBookings(enterpriseId: string) {
  return useQuery({
    queryKey: ['bookings', 'held', enterpriseId],
    queryFn: () => call(() => parkline.GET('/api/v1/bookings', { params: { query: { limit: 100 } } })),
    select: (page) =>
      page.data.filter(
        (booking) =>
          booking.enterpriseId === enterpriseId &&
          (booking.status === 'REQUESTED' || booking.status === 'CONFIRMED') &&
          Date.parse(booking.endsAt) > Date.now(),
      ),
  });
}

export interface NewBooking {
  resourceId: string;
  startsAt: string;
  endsAt: string;
  purpose: string;
}

/** Books a slot; the lists and the resource's availability are read again. */
export function useBook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (booking: NewBooking) => call(() => parkline.POST('/api/v1/bookings', { body: booking })),
    onSuccess: (booking) => {
      void queryClient.invalidateQueries({ queryKey: ['bookings', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['resources', booking.resourceId, 'availability'] });
    },
  });
}

type BookingAction = { id: string; action: 'confirm' } | { id: string; action: 'decline' | 'cancel'; reason?: string };

/** Confirms, declines or cancels a booking; the row changes in place. */
export function useBookingAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: BookingAction) => {
      const path = { id: change.id };
      if (change.action === 'confirm')
        return call(() => parkline.POST('/api/v1/bookings/{id}/confirm', { params: { path } }));
      if (change.action === 'decline')
        return call(() =>
          parkline.POST('/api/v1/bookings/{id}/decline', { params: { path }, body: { reason: change.reason ?? '' } }),
        );
      return call(() =>
        parkline.POST('/api/v1/bookings/{id}/cancel', { params: { path }, body: { reason: change.reason } }),
      );
    },
    onSuccess: (booking) => {
      replaceInPages(queryClient, ['bookings', 'list'], booking);
      void queryClient.invalidateQueries({ queryKey: ['resources', booking.resourceId, 'availability'] });
    },
  });
}

const PARK_TIME_ZONE = 'Asia/Shanghai';

/** The day of an instant on the park's calendar, as YYYY-MM-DD. */
export function parkDayOf(instant: string | number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: PARK_TIME_ZONE }).format(new Date(instant));
}

/** A day on the park's calendar, `days` from today. */
export const parkDate = (days: number): string => parkDayOf(Date.now() + days * 86_400_000);

/** The time of day on the park's clock, 09:30. */
export function parkTime(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: PARK_TIME_ZONE, hour: '2-digit', minute: '2-digit', hour12: false }).format(
    new Date(iso),
  );
}
