import type { paths } from '@parkline/client';
import type { ApplicationStatus } from '../parts/definition';
import { SLA_STATES, type SlaState } from '../parts/SlaBadge';
import { APPLICATION_STATUSES } from '../parts/StatusTag';

export type ApplicationListQuery = NonNullable<paths['/api/v1/applications']['get']['parameters']['query']>;
export type ApplicationFilters = Omit<ApplicationListQuery, 'limit' | 'cursor'>;

/** Filters that are plain text in the URL, as links from other screens write them. */
const TEXT_FILTERS = ['service', 'stage', 'department', 'enterprise', 'q', 'from', 'to'] as const;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The day after a YYYY-MM-DD day. */
function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/**
 * The list's filters from the URL (`/applications?status=IN_PROGRESS&department=CUSTOMS&sla=OVERDUE`),
 * unknown values dropped. `from` and `to` are park days, both included, or full date-times
 * passed on as they are.
 */
export function filtersOf(params: URLSearchParams): ApplicationFilters {
  const filters: ApplicationFilters = {};
  const status = params.get('status');
  if (status && APPLICATION_STATUSES.includes(status as ApplicationStatus))
    filters.status = status as ApplicationStatus;
  const sla = params.get('sla');
  if (sla && SLA_STATES.includes(sla as SlaState)) filters.sla = sla as SlaState;
  for (const name of TEXT_FILTERS) {
    const value = params.get(name)?.trim();
    if (value) filters[name] = value;
  }
  return filters;
}

/** The API's query for the filters: park days become the instants that bound them. */
export function apiQueryOf(filters: ApplicationFilters): ApplicationFilters {
  const { from, to } = filters;
  return {
    ...filters,
    from: from && DAY.test(from) ? `${from}T00:00:00+08:00` : from,
    to: to && DAY.test(to) ? `${nextDay(to)}T00:00:00+08:00` : to,
  };
}

/** The URL's search for filters, without the empty ones. */
export function searchOf(filters: ApplicationFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value) params.set(name, String(value));
  return params;
}
