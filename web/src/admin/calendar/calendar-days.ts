import dayjs from 'dayjs';

/** What a day is on the working-day calendar, beyond its weekday. */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeUp';

export interface Marks {
  holidays: ReadonlySet<string>;
  makeUps: ReadonlySet<string>;
}

export const isWeekend = (day: string) => [0, 6].includes(dayjs(day).day());

export function kindOf(day: string, marks: Marks): DayKind {
  if (marks.holidays.has(day)) return 'holiday';
  if (marks.makeUps.has(day)) return 'makeUp';
  return isWeekend(day) ? 'weekend' : 'workday';
}

/**
 * A click on a day: a weekday becomes a holiday and back; a weekend day a holiday (within a
 * festival), then a make-up working day (调休), then an ordinary weekend day again.
 */
export function toggled(day: string, marks: Marks): Marks {
  const holidays = new Set(marks.holidays);
  const makeUps = new Set(marks.makeUps);
  const kind = kindOf(day, marks);
  holidays.delete(day);
  makeUps.delete(day);
  if (kind === 'workday' || kind === 'weekend') holidays.add(day);
  else if (kind === 'holiday' && isWeekend(day)) makeUps.add(day);
  return { holidays, makeUps };
}

/** A month as weeks from Monday; days of other months are null. */
export function monthWeeks(year: number, month: number): (string | null)[][] {
  const first = dayjs(new Date(year, month, 1));
  const lead = (first.day() + 6) % 7;
  const cells: (string | null)[] = Array.from({ length: lead }, () => null);
  for (let day = 1; day <= first.daysInMonth(); day += 1) {
    cells.push(first.date(day).format('YYYY-MM-DD'));
  }
  while (cells.length % 7 !== 0) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, week) => cells.slice(week * 7, week * 7 + 7));
}
