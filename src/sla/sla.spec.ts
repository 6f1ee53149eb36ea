import { officialCalendarYears } from '../calendar/official-holidays';
import { WorkingDayCalendar } from '../calendar/working-day-calendar';
import { computeSla, SlaClocksInput } from './sla';

const calendar = new WorkingDayCalendar(officialCalendarYears());
const shanghai = (local: string) => new Date(`${local}+08:00`);

// Submitted on Monday 2026-09-14 at 10:00. Ahead: make-up Sunday 09-20, Mid-Autumn 09-25…27 off,
// National Day 10-01…07 off, make-up Saturday 10-10.
const base: SlaClocksInput = {
  submittedAt: shanghai('2026-09-14T10:00:00'),
  statutoryDays: 20,
  promisedDays: 10,
  extensionDays: 0,
  pausedWorkingDays: 0,
  pausedSince: null,
};

describe('computeSla', () => {
  it('counts both deadlines in working days from the next day, across holidays and make-up days', () => {
    const sla = computeSla(calendar, base, shanghai('2026-09-15T09:00:00'));
    // 10 working days: 15, 16, 17, 18, 20 (Sun, worked), 21, 22, 23, 24, 28 → end of 09-28.
    expect(sla.promised.deadline).toEqual(shanghai('2026-09-28T23:59:59.999'));
    // 20: … 28, 29, 30, 10-08, 09, 10 (Sat, worked), 12, 13, 14, 15, 16 → end of 10-16.
    expect(sla.statutory!.deadline).toEqual(shanghai('2026-10-16T23:59:59.999'));
    expect(sla.state).toBe('ON_TRACK');
    expect(sla.promised.workingDaysUsed).toBe(1);
  });

  it('turns at risk at 80% and overdue after the deadline', () => {
    // Promised 10 days: at risk once 8 are used, from the start of the 8th working day (09-23).
    const atRisk = computeSla(calendar, base, shanghai('2026-09-23T08:00:00'));
    expect(atRisk.promised.state).toBe('AT_RISK');
    expect(atRisk.state).toBe('AT_RISK');
    expect(computeSla(calendar, base, shanghai('2026-09-22T23:00:00')).promised.state).toBe(
      'ON_TRACK',
    );
    const overdue = computeSla(calendar, base, shanghai('2026-09-29T00:00:01'));
    expect(overdue.promised.state).toBe('OVERDUE');
    expect(overdue.statutory!.state).toBe('ON_TRACK');
    expect(overdue.state).toBe('OVERDUE');
  });

  it('moves deadlines by exactly the working days a stop lasted, and shows PAUSED meanwhile', () => {
    const paused = computeSla(
      calendar,
      { ...base, pausedSince: shanghai('2026-09-16T12:00:00') },
      shanghai('2026-09-18T12:00:00'),
    );
    expect(paused.state).toBe('PAUSED');
    const resumed = computeSla(
      calendar,
      { ...base, pausedWorkingDays: 2 },
      shanghai('2026-09-18T12:00:00'),
    );
    const unpaused = computeSla(calendar, base, shanghai('2026-09-18T12:00:00'));
    expect(calendar.workingDaysBetween(unpaused.promised.deadline, resumed.promised.deadline)).toBe(
      2,
    );
    expect(paused.promised.deadline).toEqual(resumed.promised.deadline);
    expect(resumed.promised.workingDaysUsed).toBe(unpaused.promised.workingDaysUsed - 2);
  });

  it('adds an extension to the statutory clock only', () => {
    const extended = computeSla(
      calendar,
      { ...base, extensionDays: 10 },
      shanghai('2026-09-15T09:00:00'),
    );
    const plain = computeSla(calendar, base, shanghai('2026-09-15T09:00:00'));
    expect(
      calendar.workingDaysBetween(plain.statutory!.deadline, extended.statutory!.deadline),
    ).toBe(10);
    expect(extended.statutory).toMatchObject({ extended: true, workingDaysAllowed: 30 });
    expect(extended.promised.deadline).toEqual(plain.promised.deadline);
  });

  it('flags deadlines in a year without official data as provisional', () => {
    const late = computeSla(
      calendar,
      { ...base, submittedAt: shanghai('2026-12-20T10:00:00') },
      shanghai('2026-12-21T10:00:00'),
    );
    expect(late.statutory!.provisional).toBe(true);
    expect(computeSla(calendar, base, shanghai('2026-09-15T09:00:00')).statutory!.provisional).toBe(
      false,
    );
  });

  it('runs the promise alone where no statutory limit applies', () => {
    const sla = computeSla(
      calendar,
      { ...base, statutoryDays: null },
      shanghai('2026-09-29T00:00:01'),
    );
    expect(sla.statutory).toBeNull();
    expect(sla.promised.state).toBe('OVERDUE');
    expect(sla.state).toBe('OVERDUE');
  });
});
