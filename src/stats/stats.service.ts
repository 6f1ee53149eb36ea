import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { departmentOf, UserPrincipal } from '../common/auth/principal';
import { TtlCache } from '../common/cache/ttl-cache';
import { AppConfig } from '../config/app-config';
import { DomainError } from '../common/problem/domain-error';
import type { PlatformEvent } from '../events/platform-event.entity';
import {
  PerformanceDto,
  StatsFilter,
  StatsOverviewDto,
  TimeseriesPointDto,
  TimeseriesQuery,
} from './dto/stats.dto';
import { DayCount, quantileOf } from './percentiles';
import { KEY_ISSUES, KeyIssue } from '../catalogue/service-definition';

type Counter =
  | 'submitted'
  | 'decided'
  | 'on_time'
  | 'approved'
  | 'denied'
  | 'rejected'
  | 'withdrawn'
  | 'completed'
  | 'overdue';

const OUTCOME_COUNTERS: Partial<Record<string, Counter>> = {
  'application.approved': 'approved',
  'application.denied': 'denied',
  'application.rejected': 'rejected',
  'application.withdrawn': 'withdrawn',
  'application.completed': 'completed',
};
const OPEN = `('IN_PROGRESS', 'SUPPLEMENT_REQUIRED', 'APPROVED')`;
const TIMESERIES_COLUMNS = {
  submitted: 'submitted',
  completed: 'completed',
  overdue: 'overdue',
} as const;

const shanghaiDay = (instant: Date) =>
  new Date(instant.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

interface Row {
  service_code: string;
  department_code: string;
  submitted: number;
  decided: number;
  on_time: number;
  rating_sum: number;
  rating_count: number;
}

/**
 * Statistics for the command desk from rollups (per day × service × department, and a
 * histogram of working days to decision) that the events feed once each — never a scan of
 * the applications per request.
 */
@Injectable()
export class StatsService {
  private departments?: Map<string, string>;
  /** Dashboards poll: a busy park's heads and admins share one computation per scope. */
  private readonly overviews: TtlCache<StatsOverviewDto>;
  private readonly series: TtlCache<TimeseriesPointDto[]>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    config: AppConfig,
  ) {
    this.overviews = new TtlCache(config.STATS_CACHE_MS);
    this.series = new TtlCache(config.STATS_CACHE_MS);
  }

  /**
   * Applies an event to the rollups, exactly once (the event id is remembered), in one
   * statement; an event that changes no rollup costs none.
   */
  async applyEvent(event: PlatformEvent): Promise<boolean> {
    if (event.subjectType !== 'application' || typeof event.data.serviceCode !== 'string')
      return false;
    const service = event.data.serviceCode;
    const counters: Counter[] = [];
    if (event.type === 'application.submitted') counters.push('submitted');
    const outcome = OUTCOME_COUNTERS[event.type];
    if (outcome) counters.push(outcome);
    const decision = event.data.decision as { workingDays: number; onTime: boolean } | undefined;
    if (decision) {
      counters.push('decided');
      if (decision.onTime) counters.push('on_time');
    }
    if (event.type === 'application.overdue' && (await this.firstOverdue(event)))
      counters.push('overdue');
    const rating = event.type === 'rating.created' ? Number(event.data.score) : null;
    const from = event.data.fromStatus as string | undefined;
    const to = event.data.status as string | undefined;
    const statusChanges: [string, number][] = [];
    if (to && from !== to) {
      if (from && from !== 'DRAFT') statusChanges.push([from, -1]);
      statusChanges.push([to, 1]);
    }
    if (counters.length === 0 && rating === null && statusChanges.length === 0) return false;

    const department = await this.departmentOfService(service);
    // $1-$4 always; further parameters are numbered as the parts that use them are added.
    const params: unknown[] = [event.id, shanghaiDay(event.occurredAt), service, department];
    const param = (value: unknown) => `$${params.push(value)}`;
    const ctes = [
      `fresh AS (INSERT INTO stats_applied_events (event_id) VALUES ($1) ON CONFLICT DO NOTHING RETURNING event_id)`,
    ];
    if (decision)
      ctes.push(`decisions AS (
        INSERT INTO stats_decision_days (day, service_code, department_code, working_days, decisions)
        SELECT $2, $3, $4, ${param(decision.workingDays)}, 1 FROM fresh
        ON CONFLICT (day, service_code, department_code, working_days) DO UPDATE SET decisions = stats_decision_days.decisions + 1)`);
    if (counters.length > 0 || rating !== null) {
      const increments = counters.map((counter) => `${counter} = stats_daily.${counter} + 1`);
      const columns: string[] = [...counters];
      const values = counters.map(() => '1');
      if (rating !== null) {
        const score = `${param(rating)}::int`;
        increments.push(
          `rating_sum = stats_daily.rating_sum + ${score}`,
          'rating_count = stats_daily.rating_count + 1',
        );
        columns.push('rating_sum', 'rating_count');
        values.push(score, '1');
      }
      ctes.push(`daily AS (
        INSERT INTO stats_daily (day, service_code, department_code, ${columns.join(', ')})
        SELECT $2, $3, $4, ${values.join(', ')} FROM fresh
        ON CONFLICT (day, service_code, department_code) DO UPDATE SET ${increments.join(', ')})`);
    }
    if (statusChanges.length > 0)
      ctes.push(`statuses AS (
        INSERT INTO stats_status (service_code, department_code, status, applications)
        SELECT $3, $4, change.status, change.delta FROM fresh, unnest(${param(statusChanges.map(([status]) => status))}::text[], ${param(statusChanges.map(([, delta]) => delta))}::int[]) AS change (status, delta)
        ON CONFLICT (service_code, department_code, status) DO UPDATE SET applications = stats_status.applications + excluded.applications)`);
    const [{ applied }]: { applied: boolean }[] = await this.dataSource.query(
      `WITH ${ctes.join(', ')} SELECT EXISTS (SELECT 1 FROM fresh) AS applied`,
      params,
    );
    return applied;
  }

  overview(principal: UserPrincipal, filter: StatsFilter): Promise<StatsOverviewDto> {
    return this.overviews.get(this.cacheKey(principal, filter), () =>
      this.computeOverview(principal, filter),
    );
  }

  timeseries(principal: UserPrincipal, query: TimeseriesQuery): Promise<TimeseriesPointDto[]> {
    return this.series.get(this.cacheKey(principal, query), () =>
      this.computeTimeseries(principal, query),
    );
  }

  /** What the answer depends on: the department a head is bound to, and the filter. */
  private cacheKey(principal: UserPrincipal, filter: object): string {
    return JSON.stringify([principal.role === 'ADMIN' ? null : departmentOf(principal), filter]);
  }

  private async computeOverview(
    principal: UserPrincipal,
    filter: StatsFilter,
  ): Promise<StatsOverviewDto> {
    const { where, parameters } = this.scope(principal, filter, 'd');
    const rows: Row[] = await this.dataSource.query(
      `SELECT d.service_code, d.department_code, sum(d.submitted)::int AS submitted, sum(d.decided)::int AS decided,
              sum(d.on_time)::int AS on_time, sum(d.rating_sum)::int AS rating_sum, sum(d.rating_count)::int AS rating_count
       FROM stats_daily d WHERE ${where} GROUP BY 1, 2 ORDER BY 1`,
      parameters,
    );
    const histogram: (DayCount & { service_code: string; department_code: string })[] =
      await this.dataSource.query(
        `SELECT d.service_code, d.department_code, d.working_days AS "workingDays", sum(d.decisions)::int AS count
       FROM stats_decision_days d WHERE ${where} GROUP BY 1, 2, 3`,
        parameters,
      );
    const statusScope = this.scope(principal, { ...filter, from: undefined, to: undefined }, 's');
    const byStatus: { status: string; applications: number }[] = await this.dataSource.query(
      `SELECT s.status, sum(s.applications)::int AS applications FROM stats_status s
       WHERE ${statusScope.where} GROUP BY 1 HAVING sum(s.applications) > 0 ORDER BY 1`,
      statusScope.parameters,
    );
    const overdueScope = this.scope(
      principal,
      { ...filter, from: undefined, to: undefined },
      'a',
      'service_code',
      'department_code',
    );
    const overdue: { service_code: string; department_code: string; n: number }[] =
      await this.dataSource.query(
        `SELECT a.service_code, a.department_code, count(*)::int AS n FROM applications a
       WHERE a.sla_state = 'OVERDUE' AND a.status IN ${OPEN} AND a.kind <> 'BUNDLE' AND ${overdueScope.where} GROUP BY 1, 2`,
        overdueScope.parameters,
      );

    const summarize = (
      match: (key: { service_code: string; department_code: string }) => boolean,
    ): PerformanceDto => {
      const selected = rows.filter(match);
      const sum = (key: keyof Row) => selected.reduce((total, row) => total + Number(row[key]), 0);
      const buckets = new Map<number, number>();
      for (const bucket of histogram.filter(match))
        buckets.set(bucket.workingDays, (buckets.get(bucket.workingDays) ?? 0) + bucket.count);
      const days = [...buckets].map(([workingDays, count]) => ({ workingDays, count }));
      const decided = sum('decided');
      const ratings = sum('rating_count');
      return {
        submitted: sum('submitted'),
        decided,
        medianWorkingDays: quantileOf(days, 0.5),
        p90WorkingDays: quantileOf(days, 0.9),
        onTimeRate: decided > 0 ? Math.round((sum('on_time') / decided) * 1000) / 1000 : null,
        overdueNow: overdue.filter(match).reduce((total, row) => total + row.n, 0),
        averageRating: ratings > 0 ? Math.round((sum('rating_sum') / ratings) * 100) / 100 : null,
      };
    };
    const tagged: { code: string; key_issues: KeyIssue[] }[] = await this.dataSource.query(
      `SELECT code, key_issues FROM services WHERE cardinality(key_issues) > 0 ORDER BY code`,
    );
    const services = [
      ...new Set([...rows, ...overdue].map((row) => `${row.service_code}|${row.department_code}`)),
    ].sort();
    const departments = [...new Set(services.map((key) => key.split('|')[1]))].sort();
    return {
      total: summarize(() => true),
      byStatus,
      byService: services.map((key) => {
        const [serviceCode, departmentCode] = key.split('|');
        return {
          serviceCode,
          departmentCode,
          ...summarize((row) => row.service_code === serviceCode),
        };
      }),
      byKeyIssue: KEY_ISSUES.map((keyIssue) => {
        const serviceCodes = tagged
          .filter((service) => service.key_issues.includes(keyIssue))
          .map((service) => service.code);
        return {
          keyIssue,
          serviceCodes,
          ...summarize((row) => serviceCodes.includes(row.service_code)),
        };
      }),
      byDepartment: departments.map((departmentCode) => ({
        departmentCode,
        ...summarize((row) => row.department_code === departmentCode),
      })),
    };
  }

  private async computeTimeseries(
    principal: UserPrincipal,
    query: TimeseriesQuery,
  ): Promise<TimeseriesPointDto[]> {
    const { where, parameters } = this.scope(principal, query, 'd');
    const column = TIMESERIES_COLUMNS[query.metric];
    const rows: { period: string; value: number }[] = await this.dataSource.query(
      `SELECT to_char(date_trunc('${query.interval}', d.day), 'YYYY-MM-DD') AS period, sum(d.${column})::int AS value
       FROM stats_daily d WHERE ${where} GROUP BY 1 HAVING sum(d.${column}) > 0 ORDER BY 1`,
      parameters,
    );
    return rows.map((row) => ({ periodStart: row.period, value: row.value }));
  }

  /** Heads see their own department; admins what they ask for. */
  private scope(
    principal: UserPrincipal,
    filter: StatsFilter,
    alias: string,
    serviceColumn = 'service_code',
    departmentColumn = 'department_code',
  ): { where: string; parameters: unknown[] } {
    const department = principal.role === 'ADMIN' ? filter.department : departmentOf(principal);
    if (principal.role !== 'ADMIN' && filter.department && filter.department !== department) {
      throw new DomainError(
        'forbidden',
        'Department heads see the statistics of their own department',
      );
    }
    const conditions: string[] = ['true'];
    const parameters: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      parameters.push(value);
      conditions.push(sql.replace('?', `$${parameters.length}`));
    };
    if (department) add(`${alias}.${departmentColumn} = ?`, department);
    if (filter.service) add(`${alias}.${serviceColumn} = ?`, filter.service);
    if (filter.from) add(`${alias}.day >= ?::date`, filter.from);
    if (filter.to) add(`${alias}.day <= ?::date`, filter.to);
    return { where: conditions.join(' AND '), parameters };
  }

  private async firstOverdue(event: PlatformEvent): Promise<boolean> {
    const [earlier] = await this.dataSource.query(
      `SELECT 1 FROM events WHERE subject_id = $1 AND type = 'application.overdue' AND seq < $2 LIMIT 1`,
      [event.subjectId, event.seq],
    );
    return !earlier;
  }

  private async departmentOfService(service: string): Promise<string> {
    if (!this.departments?.has(service)) {
      const rows: { code: string; department_code: string }[] = await this.dataSource.query(
        `SELECT code, department_code FROM services`,
      );
      this.departments = new Map(rows.map((row) => [row.code, row.department_code]));
    }
    return this.departments.get(service) ?? 'PSC';
  }
}
