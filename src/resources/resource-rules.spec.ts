import { WorkingDayCalendar } from '../calendar/working-day-calendar';
import {
  availability,
  bookingPrice,
  bookingRuleBreach,
  BookingRules,
  cancellationTerms,
} from './resource-rules';

const calendar = new WorkingDayCalendar([
  { year: 2026, holidays: ['2026-10-01', '2026-10-02'], makeUpWorkdays: ['2026-10-10'] },
]);
const rules: BookingRules = {
  opensAt: '08:30',
  closesAt: '17:30',
  slotMinutes: 30,
  minLeadHours: 24,
  maxBookingHours: 4,
  maxAdvanceDays: 30,
  freeCancellationHours: 48,
  lateCancellation: 'CHARGED',
  priceCnyPerHour: 380,
};
const local = (text: string) => new Date(`${text}+08:00`);
const now = local('2026-10-08T12:00:00');
const breach = (start: string, end: string) =>
  bookingRuleBreach(rules, calendar, local(start), local(end), now);

describe('booking rules', () => {
  it('takes a booking on a working day, within hours, on slots, in time', () => {
    expect(breach('2026-10-12T08:30:00', '2026-10-12T12:30:00')).toBeNull();
    // A make-up Saturday is a working day.
    expect(breach('2026-10-10T09:00:00', '2026-10-10T10:00:00')).toBeNull();
  });

  it.each([
    ['a Sunday', '2026-10-11T09:00:00', '2026-10-11T10:00:00', 'startsAt', 'not a working day'],
    ['a holiday', '2026-10-01T09:00:00', '2026-10-01T10:00:00', 'startsAt', 'not a working day'],
    ['before opening', '2026-10-12T08:00:00', '2026-10-12T09:00:00', 'startsAt', 'opening hours'],
    ['after closing', '2026-10-12T17:00:00', '2026-10-12T18:00:00', 'startsAt', 'opening hours'],
    ['off the slots', '2026-10-12T09:10:00', '2026-10-12T10:10:00', 'startsAt', 'slots'],
    ['too long', '2026-10-12T08:30:00', '2026-10-12T13:00:00', 'endsAt', 'at most 4 hours'],
    ['too soon', '2026-10-09T09:00:00', '2026-10-09T10:00:00', 'startsAt', '24 hours'],
    ['too far ahead', '2026-11-20T09:00:00', '2026-11-20T10:00:00', 'startsAt', '30 days'],
    ['backwards', '2026-10-12T10:00:00', '2026-10-12T09:00:00', 'endsAt', 'after startsAt'],
    ['over two days', '2026-10-12T16:00:00', '2026-10-13T09:00:00', 'endsAt', 'same day'],
  ])('refuses %s', (_case, start, end, field, message) => {
    expect(breach(start, end)).toEqual({ field, message: expect.stringContaining(message) });
  });

  it('prices by the hour', () => {
    expect(bookingPrice(rules, local('2026-10-12T09:00:00'), local('2026-10-12T10:30:00'))).toBe(
      570,
    );
  });

  it('cancels free before the window, then charges or refuses as the rule says', () => {
    const start = local('2026-10-12T09:00:00');
    expect(cancellationTerms(rules, start, 570, local('2026-10-10T08:00:00'))).toEqual({
      allowed: true,
      feeCny: 0,
    });
    expect(cancellationTerms(rules, start, 570, local('2026-10-11T08:00:00'))).toEqual({
      allowed: true,
      feeCny: 570,
    });
    expect(
      cancellationTerms(
        { ...rules, lateCancellation: 'REFUSED' },
        start,
        570,
        local('2026-10-11T08:00:00'),
      ),
    ).toMatchObject({ allowed: false });
    expect(cancellationTerms(rules, start, 570, start)).toMatchObject({ allowed: false });
  });

  it('counts the free units of each slot', () => {
    const days = availability(
      rules,
      2,
      ['2026-10-12'],
      [
        { unitId: 'u1', start: local('2026-10-12T09:00:00'), end: local('2026-10-12T10:00:00') },
        { unitId: 'u2', start: local('2026-10-12T09:30:00'), end: local('2026-10-12T10:00:00') },
      ],
      now,
    );
    expect(days[0].slots).toHaveLength(18);
    expect(days[0].slots.slice(0, 4).map((slot) => slot.freeUnits)).toEqual([2, 1, 0, 2]);
  });

  it('offers only the slots the lead time and the advance still allow', () => {
    const soon = local('2026-10-11T10:00:00');
    const [monday] = availability(rules, 1, ['2026-10-12'], [], soon);
    expect(monday.slots[0].startsAt).toBe(local('2026-10-12T10:00:00').toISOString());
    expect(availability(rules, 1, ['2026-12-01'], [], soon)[0].slots).toEqual([]);
  });
});
