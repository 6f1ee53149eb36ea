import dayjs from 'dayjs';

/** What the desk's figures count: the stats API's filter, days inclusive (Asia/Shanghai). */
export interface DeskFilter {
  department?: string;
  service?: string;
  /** 'YYYY-MM-DD', first day counted. */
  from?: string;
  /** 'YYYY-MM-DD', last day counted. */
  to?: string;
}

export const DESK_FILTER_KEYS = ['department', 'service', 'from', 'to'] as const;

export function deskFilterOf(params: URLSearchParams): DeskFilter {
  const filter: DeskFilter = {};
  for (const key of DESK_FILTER_KEYS) {
    const value = params.get(key);
    if (value) filter[key] = value;
  }
  return filter;
}

/** What a figure narrows the list to, beyond the desk's filter. */
export interface Narrowing {
  status?: string;
  sla?: string;
  service?: string;
  department?: string;
}

/** Days counted, inclusive; null for a figure of right now (overdue now, current status). */
export type Days = { from?: string; to?: string } | null;

/** Midnight at the start of a park day, as the list's `from`/`to` instants take it. */
const startOfParkDay = (day: string) => `${day}T00:00:00+08:00`;

/**
 * The applications list behind a figure: the desk's department and service, the figure's own
 * narrowing, and its days as the list's creation-time range ([from, day after `to`)).
 */
export function applicationsLink(filter: DeskFilter, narrowing: Narrowing, days: Days): string {
  const query = new URLSearchParams();
  const set = (key: string, value: string | undefined) => value && query.set(key, value);
  set('status', narrowing.status);
  set('sla', narrowing.sla);
  set('service', narrowing.service ?? filter.service);
  set('department', narrowing.department ?? filter.department);
  if (days?.from) set('from', startOfParkDay(days.from));
  if (days?.to) set('to', startOfParkDay(dayjs(days.to).add(1, 'day').format('YYYY-MM-DD')));
  const search = query.toString();
  return search ? `/applications?${search}` : '/applications';
}

export type Interval = 'day' | 'week' | 'month';

export interface Point {
  periodStart: string;
  value: number;
}

/** The last day of the period that starts on `periodStart`. */
export function periodEnd(periodStart: string, interval: Interval): string {
  return dayjs(periodStart).add(1, interval).subtract(1, 'day').format('YYYY-MM-DD');
}

/**
 * The series with its empty periods as zeros: the API leaves out periods with nothing in them,
 * and a chart that skips them would draw a quiet month as no month at all.
 */
export function withEmptyPeriods(points: readonly Point[], interval: Interval): Point[] {
  if (points.length === 0) return [];
  const values = new Map(points.map((point) => [point.periodStart, point.value]));
  const last = points[points.length - 1].periodStart;
  const filled: Point[] = [];
  for (
    let period = dayjs(points[0].periodStart);
    !period.isAfter(last);
    period = period.add(1, interval)
  ) {
    const periodStart = period.format('YYYY-MM-DD');
    filled.push({ periodStart, value: values.get(periodStart) ?? 0 });
  }
  return filled;
}
