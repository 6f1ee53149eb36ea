import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CalendarService } from '../calendar/calendar.service';
import { UserPrincipal } from '../common/auth/principal';
import { DomainError } from '../common/problem/domain-error';
import { ResourceUtilisationDto, UtilisationQuery } from './dto/utilisation.dto';
import { minutesOfDay, shanghaiInstant } from './resource-rules';

const MAX_MONTHS = 24;

interface UtilisationRow {
  id: string;
  code: string;
  name: string;
  kind: ResourceUtilisationDto['kind'];
  operator_department_code: string;
  capacity: number;
  open_minutes: number;
  month: string | null;
  bookings: number;
  booked_hours: number;
  revenue: number;
}

const monthsBetween = (from: string, to: string): string[] => {
  const months: string[] = [];
  for (let [year, month] = from.split('-').map(Number); ; month++) {
    if (month > 12) [year, month] = [year + 1, 1];
    const key = `${year}-${String(month).padStart(2, '0')}`;
    if (key > to) return months;
    months.push(key);
  }
};

const lastDayOf = (month: string): string => {
  const [year, m] = month.split('-').map(Number);
  return new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
};

/** Utilisation of the park's resources: confirmed unit-hours against the hours open, by month. */
@Injectable()
export class ResourceStatsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendar: CalendarService,
  ) {}

  /** One grouped read of the confirmed bookings; the hours open come from the calendar. */
  async utilisation(
    principal: UserPrincipal,
    query: UtilisationQuery,
  ): Promise<ResourceUtilisationDto[]> {
    if (query.to < query.from) throw DomainError.invalidField('to', 'must not be before from');
    const months = monthsBetween(query.from, query.to);
    if (months.length > MAX_MONTHS)
      throw DomainError.invalidField('to', `must be at most ${MAX_MONTHS} months after from`);
    if (
      principal.role === 'DEPARTMENT_HEAD' &&
      query.department &&
      query.department !== principal.departmentCode
    )
      throw new DomainError('forbidden', 'Heads see the utilisation of their own department');
    const department =
      principal.role === 'ADMIN' ? (query.department ?? null) : principal.departmentCode;
    const rows: UtilisationRow[] = await this.dataSource.query(
      `SELECT r.id, r.code, r.name, r.kind, r.operator_department_code, r.capacity,
              (extract(epoch FROM r.closes_at - r.opens_at) / 60)::int AS open_minutes,
              to_char(lower(b.during) AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month,
              count(b.id)::int AS bookings,
              coalesce(sum(extract(epoch FROM upper(b.during) - lower(b.during)) / 3600), 0)::float8 AS booked_hours,
              coalesce(sum(b.price_cny), 0)::float8 AS revenue
       FROM resources r
       LEFT JOIN bookings b ON b.resource_id = r.id AND b.status = 'CONFIRMED'
         AND b.during && tstzrange($3, $4)
       WHERE ($1::text IS NULL OR r.operator_department_code = $1) AND ($2::text IS NULL OR r.kind = $2)
       GROUP BY r.id, month ORDER BY r.code, month`,
      [
        department,
        query.kind ?? null,
        shanghaiInstant(`${query.from}-01`, 0),
        shanghaiInstant(lastDayOf(query.to), minutesOfDay('24:00')),
      ],
    );
    const calendar = await this.calendar.calendar();
    const workingDays = new Map(
      months.map((month) => [
        month,
        calendar.listWorkingDays(`${month}-01`, lastDayOf(month)).length,
      ]),
    );
    const byResource = new Map<string, ResourceUtilisationDto & { rows: UtilisationRow[] }>();
    for (const row of rows) {
      const entry = byResource.get(row.id) ?? {
        resourceId: row.id,
        code: row.code,
        name: row.name,
        kind: row.kind,
        operatorDepartmentCode: row.operator_department_code,
        months: [],
        rows: [],
      };
      entry.rows.push(row);
      byResource.set(row.id, entry);
    }
    return [...byResource.values()].map(({ rows: booked, ...resource }) => ({
      ...resource,
      months: months.map((month) => {
        const row = booked.find((candidate) => candidate.month === month);
        const openHours =
          ((workingDays.get(month) ?? 0) * booked[0].open_minutes * booked[0].capacity) / 60;
        const bookedHours = row?.booked_hours ?? 0;
        return {
          month,
          bookings: row?.bookings ?? 0,
          bookedHours: Math.round(bookedHours * 100) / 100,
          openHours,
          utilisation: openHours > 0 ? Math.round((bookedHours / openHours) * 10_000) / 10_000 : 0,
          revenueCny: Math.round((row?.revenue ?? 0) * 100) / 100,
        };
      }),
    }));
  }
}
