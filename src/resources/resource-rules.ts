/**
 * The park's bookable resources as rules: what kinds exist, when a booking may start and end,
 * what it costs and what cancelling it costs. Pure, so the HTTP layer and the tests share it.
 */
import type { WorkingDayCalendar } from '../calendar/working-day-calendar';

export const RESOURCE_KINDS = ['PLATFORM', 'VENUE', 'INSTRUMENT'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/** Categories by kind: the park's public technical platforms, its spaces and its instruments. */
export const RESOURCE_CATEGORIES = {
  PLATFORM: [
    'ANTIBODY',
    'GENE_EDITING_CELL_THERAPY',
    'SMALL_MOLECULE',
    'BIG_DATA_GENOME',
    'STEM_CELL_BANK',
    'LABORATORY_ANIMALS',
    'PHARMACOLOGY_SAFETY',
  ],
  VENUE: ['LAB', 'OFFICE', 'GMP_PLANT', 'INCUBATOR_DESK', 'MEETING_ROOM'],
  INSTRUMENT: [
    'MASS_SPECTROMETRY',
    'CHROMATOGRAPHY',
    'FLOW_CYTOMETRY',
    'SEQUENCING',
    'MICROSCOPY',
    'BIOREACTOR',
    'NMR',
    'OTHER_INSTRUMENT',
  ],
} as const satisfies Record<ResourceKind, readonly string[]>;
export const ALL_RESOURCE_CATEGORIES = Object.values(RESOURCE_CATEGORIES).flat();
export type ResourceCategory = (typeof ALL_RESOURCE_CATEGORIES)[number];

/** Who may book: only enterprises the park has verified, or any registered enterprise. */
export const BOOKING_ELIGIBILITIES = ['VERIFIED_ENTERPRISES', 'ANY_ENTERPRISE'] as const;
export type BookingEligibility = (typeof BOOKING_ELIGIBILITIES)[number];

/** What happens to a cancellation inside the free window: refused, or charged the full price. */
export const LATE_CANCELLATIONS = ['REFUSED', 'CHARGED'] as const;
export type LateCancellation = (typeof LATE_CANCELLATIONS)[number];

export const BOOKING_STATUSES = ['REQUESTED', 'CONFIRMED', 'DECLINED', 'CANCELLED'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];
/** The statuses that hold a unit's time (the exclusion constraint's predicate). */
export const HOLDING_STATUSES: readonly BookingStatus[] = ['REQUESTED', 'CONFIRMED'];

export const SLOT_MINUTES = [15, 30, 60, 120, 240] as const;

/** The value-added services whose form references a booking, and the resources each may name. */
export const BOOKING_SERVICES: Record<string, (kind: ResourceKind, category: string) => boolean> = {
  PLATFORM_BOOKING: (kind, category) => kind === 'PLATFORM' && category !== 'LABORATORY_ANIMALS',
  ANIMAL_CENTER_BOOKING: (_kind, category) => category === 'LABORATORY_ANIMALS',
  INSTRUMENT_SHARING: (kind) => kind === 'INSTRUMENT',
  SPACE_MATCHING: (kind) => kind === 'VENUE',
};

/** The form field of those services that carries the booking's id. */
export const BOOKING_FORM_FIELD = 'booking.id';

/** The rules of one resource that decide whether a booking may be made or cancelled. */
export interface BookingRules {
  /** Local (Asia/Shanghai) opening hours on working days, 'HH:MM'. */
  opensAt: string;
  closesAt: string;
  slotMinutes: number;
  minLeadHours: number;
  maxBookingHours: number;
  maxAdvanceDays: number;
  freeCancellationHours: number;
  lateCancellation: LateCancellation;
  priceCnyPerHour: number;
}

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export const minutesOfDay = (time: string): number => {
  const [hours, minutes] = time.split(':').map(Number);
  return hours * 60 + minutes;
};

/** The Asia/Shanghai date of an instant, 'YYYY-MM-DD'. */
export const shanghaiDate = (instant: Date): string =>
  new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);

/** The instant of a local Asia/Shanghai date and minute of the day. */
export const shanghaiInstant = (date: string, minuteOfDay: number): Date =>
  new Date(Date.parse(`${date}T00:00:00Z`) - SHANGHAI_OFFSET_MS + minuteOfDay * MINUTE_MS);

/** Why a booking of [start, end) breaks the rules, as a field and a message; null when it keeps them. */
export function bookingRuleBreach(
  rules: BookingRules,
  calendar: WorkingDayCalendar,
  start: Date,
  end: Date,
  now: Date,
): { field: 'startsAt' | 'endsAt'; message: string } | null {
  if (end <= start) return { field: 'endsAt', message: 'must be after startsAt' };
  const date = shanghaiDate(start);
  if (shanghaiDate(new Date(end.getTime() - 1)) !== date)
    return { field: 'endsAt', message: 'must be on the same day as startsAt' };
  if (!calendar.isWorkingDay(date))
    return { field: 'startsAt', message: `${date} is not a working day` };
  const opens = shanghaiInstant(date, minutesOfDay(rules.opensAt));
  const closes = shanghaiInstant(date, minutesOfDay(rules.closesAt));
  if (start < opens || end > closes)
    return {
      field: 'startsAt',
      message: `must lie within the opening hours ${rules.opensAt}–${rules.closesAt} (Asia/Shanghai)`,
    };
  const slot = rules.slotMinutes * MINUTE_MS;
  if ((start.getTime() - opens.getTime()) % slot !== 0 || (end.getTime() - opens.getTime()) % slot)
    return {
      field: 'startsAt',
      message: `must start and end on the resource's ${rules.slotMinutes}-minute slots from ${rules.opensAt}`,
    };
  if (end.getTime() - start.getTime() > rules.maxBookingHours * HOUR_MS)
    return { field: 'endsAt', message: `a booking lasts at most ${rules.maxBookingHours} hours` };
  if (start.getTime() < now.getTime() + rules.minLeadHours * HOUR_MS)
    return {
      field: 'startsAt',
      message: `must be at least ${rules.minLeadHours} hours from now`,
    };
  if (start.getTime() > now.getTime() + rules.maxAdvanceDays * DAY_MS)
    return { field: 'startsAt', message: `may be at most ${rules.maxAdvanceDays} days ahead` };
  return null;
}

/** The price of [start, end), in yuan with two decimals. */
export const bookingPrice = (rules: BookingRules, start: Date, end: Date): number =>
  Math.round(((end.getTime() - start.getTime()) / HOUR_MS) * rules.priceCnyPerHour * 100) / 100;

/**
 * What cancelling now costs: nothing before the free window closes, then either a refusal or
 * the booking's full price, as the resource's rule says. A booking that has begun is not cancelled.
 */
export function cancellationTerms(
  rules: Pick<BookingRules, 'freeCancellationHours' | 'lateCancellation'>,
  start: Date,
  price: number,
  now: Date,
): { allowed: false; reason: string } | { allowed: true; feeCny: number } {
  if (now >= start) return { allowed: false, reason: 'The booking has already begun' };
  if (now.getTime() <= start.getTime() - rules.freeCancellationHours * HOUR_MS)
    return { allowed: true, feeCny: 0 };
  return rules.lateCancellation === 'REFUSED'
    ? {
        allowed: false,
        reason: `Bookings of this resource can be cancelled until ${rules.freeCancellationHours} hours before they start`,
      }
    : { allowed: true, feeCny: price };
}

export interface HeldInterval {
  unitId: string;
  start: Date;
  end: Date;
}

export interface DaySlots {
  date: string;
  opensAt: string;
  closesAt: string;
  slots: { startsAt: string; endsAt: string; freeUnits: number }[];
}

/**
 * The slots of each working day from `from` to `to` (local dates) that may still be booked at
 * `now` (lead time and advance), with the units still free in each: capacity minus the units a
 * held booking overlaps.
 */
export function availability(
  rules: Pick<
    BookingRules,
    'opensAt' | 'closesAt' | 'slotMinutes' | 'minLeadHours' | 'maxAdvanceDays'
  >,
  capacity: number,
  workingDays: string[],
  held: HeldInterval[],
  now: Date,
): DaySlots[] {
  const earliest = now.getTime() + rules.minLeadHours * HOUR_MS;
  const latest = now.getTime() + rules.maxAdvanceDays * DAY_MS;
  const opens = minutesOfDay(rules.opensAt);
  const closes = minutesOfDay(rules.closesAt);
  return workingDays.map((date) => {
    const slots: DaySlots['slots'] = [];
    for (let minute = opens; minute + rules.slotMinutes <= closes; minute += rules.slotMinutes) {
      const start = shanghaiInstant(date, minute);
      const end = shanghaiInstant(date, minute + rules.slotMinutes);
      if (start.getTime() < earliest || start.getTime() > latest) continue;
      const busy = new Set(
        held.filter((hold) => hold.start < end && hold.end > start).map((hold) => hold.unitId),
      );
      slots.push({
        startsAt: start.toISOString(),
        endsAt: end.toISOString(),
        freeUnits: Math.max(capacity - busy.size, 0),
      });
    }
    return { date, opensAt: rules.opensAt, closesAt: rules.closesAt, slots };
  });
}
