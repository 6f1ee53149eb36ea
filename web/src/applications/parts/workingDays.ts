import { useQuery } from '@tanstack/react-query';
import { call, parkline } from '../../shared/api/session';
import { PARK_TIME_ZONE } from '../../shared/ui/format';

const parkDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: PARK_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The park's calendar day (YYYY-MM-DD) of an instant. */
export function parkDateOf(instant: string | Date): string {
  return parkDay.format(typeof instant === 'string' ? new Date(instant) : instant);
}

/**
 * Working days from `today` to a deadline's day, as the API counts a clock: the days after
 * today up to and including the deadline's; negative (the days over) once it has passed.
 */
export function workingDaysBetween(workingDays: readonly string[], today: string, deadlineDay: string): number {
  const [from, to] = deadlineDay >= today ? [today, deadlineDay] : [deadlineDay, today];
  const count = workingDays.filter((day) => day > from && day <= to).length;
  return deadlineDay >= today ? count : -count;
}

/**
 * Working days left until each of some deadlines (rows of a list carry deadlines, not the
 * clocks): one request to the platform's calendar covers them all.
 */
export function useWorkingDaysLeft(
  deadlines: readonly (string | null | undefined)[],
): (deadline: string | null | undefined) => number | undefined {
  const today = parkDateOf(new Date());
  const days = deadlines.filter((deadline): deadline is string => Boolean(deadline)).map(parkDateOf);
  const from = [today, ...days].sort()[0];
  const to = [today, ...days].sort().at(-1)!;
  const calendar = useQuery({
    queryKey: ['calendar', 'working-days', from, to],
    queryFn: () => call(() => parkline.GET('/api/v1/calendar/working-days', { params: { query: { from, to } } })),
    enabled: days.length > 0,
    staleTime: 60 * 60_000,
    placeholderData: (previous) => previous,
  });
  const workingDays = calendar.data;
  return (deadline) => {
    if (!deadline || !workingDays || workingDays.from > from || workingDays.to < to) return undefined;
    return workingDaysBetween(workingDays.workingDays, today, parkDateOf(deadline));
  };
}
