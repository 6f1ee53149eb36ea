import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Actor } from '../common/auth/principal';
import { DomainError } from '../common/problem/domain-error';
import { FieldError } from '../common/problem/problem-types';
import { CalendarYearDto, CalendarYearInputDto, WorkingDaysDto } from './dto/calendar.dto';
import { officialCalendarYears } from './official-holidays';
import { CalendarYearData, WorkingDayCalendar } from './working-day-calendar';

const CACHE_MS = 60_000;
const MAX_RANGE_DAYS = 3 * 366;

interface CalendarYearRow {
  year: number;
  holidays: string[];
  make_up_workdays: string[];
  source: string;
}

/** The working-day calendar as data: seeded from chinese-days, extended by admins each year. */
@Injectable()
export class CalendarService {
  private cached?: { calendar: WorkingDayCalendar; loadedAt: number };
  private reloading?: Promise<WorkingDayCalendar>;
  private generation = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /**
   * The calendar, reloaded at most once a minute so other processes see an admin's new year
   * soon. Callers hold transactions, so a stale calendar is served while one reload runs:
   * every caller waiting on its own pool connection would exhaust the pool under load.
   */
  async calendar(): Promise<WorkingDayCalendar> {
    if (this.cached && Date.now() - this.cached.loadedAt < CACHE_MS) return this.cached.calendar;
    const reload = (this.reloading ??= this.reload().finally(() => (this.reloading = undefined)));
    if (this.cached) {
      reload.catch(() => undefined); // the next call retries; the stale calendar stays valid meanwhile
      return this.cached.calendar;
    }
    return reload;
  }

  /** After a change here: the next read loads the new calendar, not one begun before it. */
  private invalidate(): void {
    this.cached = undefined;
    this.reloading = undefined;
    this.generation += 1;
  }

  private async reload(): Promise<WorkingDayCalendar> {
    const generation = this.generation;
    const rows = await this.loadYears();
    const calendar = new WorkingDayCalendar(
      rows.map((row): CalendarYearData => ({
        year: row.year,
        holidays: row.holidays,
        makeUpWorkdays: row.make_up_workdays,
      })),
    );
    if (generation === this.generation) this.cached = { calendar, loadedAt: Date.now() };
    return calendar;
  }

  async workingDays(from: string, to: string): Promise<WorkingDaysDto> {
    const span = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
    if (Number.isNaN(span)) throw DomainError.invalidField('from', 'and to must be real dates');
    if (span < 0) throw DomainError.invalidField('to', 'must not be before from');
    if (span > MAX_RANGE_DAYS)
      throw DomainError.invalidField('to', 'must be at most three years after from');
    const calendar = await this.calendar();
    const workingDays = calendar.listWorkingDays(from, to);
    return {
      from,
      to,
      count: workingDays.length,
      workingDays,
      provisionalYears: calendar.provisionalYearsBetween(from, to),
    };
  }

  async getYear(year: number): Promise<CalendarYearDto> {
    const row = (await this.loadYears(year))[0];
    return {
      year,
      holidays: row?.holidays ?? [],
      makeUpWorkdays: row?.make_up_workdays ?? [],
      provisional: !row,
      source: row?.source ?? null,
    };
  }

  /** Publishes (or corrects) a year's official data; deadlines computed later follow it. */
  async publishYear(
    actor: Actor,
    year: number,
    data: CalendarYearInputDto,
  ): Promise<CalendarYearDto> {
    const errors = yearDataErrors(year, data);
    if (errors.length > 0)
      throw new DomainError('validation-failed', 'The calendar data is not consistent', { errors });
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO calendar_years (year, holidays, make_up_workdays, source, updated_by, updated_at)
         VALUES ($1, $2::date[], $3::date[], 'admin', $4, now())
         ON CONFLICT (year) DO UPDATE SET holidays = EXCLUDED.holidays, make_up_workdays = EXCLUDED.make_up_workdays,
           source = 'admin', updated_by = EXCLUDED.updated_by, updated_at = now()`,
        [year, [...data.holidays].sort(), [...data.makeUpWorkdays].sort(), actor.id],
      );
      await this.audit.record(
        manager,
        actor,
        'calendar.published',
        { type: 'calendar_year', id: String(year) },
        {
          holidays: data.holidays.length,
          makeUpWorkdays: data.makeUpWorkdays.length,
        },
      );
    });
    this.invalidate();
    return this.getYear(year);
  }

  /** Inserts the package's years that the table lacks; years an admin published are kept. */
  async seedOfficialYears(): Promise<void> {
    const years = officialCalendarYears();
    await this.dataSource.query(
      `INSERT INTO calendar_years (year, holidays, make_up_workdays, source)
       SELECT y.year, ARRAY(SELECT jsonb_array_elements_text(y.holidays))::date[],
              ARRAY(SELECT jsonb_array_elements_text(y.make_up_workdays))::date[], 'chinese-days'
       FROM jsonb_to_recordset($1::jsonb) AS y(year int, holidays jsonb, make_up_workdays jsonb)
       ON CONFLICT (year) DO NOTHING`,
      [
        JSON.stringify(
          years.map((data) => ({
            year: data.year,
            holidays: data.holidays,
            make_up_workdays: data.makeUpWorkdays,
          })),
        ),
      ],
    );
    this.invalidate();
  }

  private loadYears(year?: number): Promise<CalendarYearRow[]> {
    return this.dataSource.query(
      `SELECT year, holidays, make_up_workdays, source FROM calendar_years
       WHERE $1::int IS NULL OR year = $1 ORDER BY year`,
      [year ?? null],
    );
  }
}

function yearDataErrors(year: number, data: CalendarYearInputDto): FieldError[] {
  const errors: FieldError[] = [];
  const check = (field: string, dates: string[]) =>
    dates.forEach((date, index) => {
      const parsed = new Date(`${date}T00:00:00Z`);
      if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) {
        errors.push({ field: `${field}[${index}]`, message: `${date} is not a real date` });
      } else if (parsed.getUTCFullYear() !== year) {
        errors.push({ field: `${field}[${index}]`, message: `${date} is not in ${year}` });
      } else if (
        field === 'makeUpWorkdays' &&
        parsed.getUTCDay() !== 0 &&
        parsed.getUTCDay() !== 6
      ) {
        errors.push({
          field: `${field}[${index}]`,
          message: `${date} is a weekday, so it is a working day already`,
        });
      }
    });
  check('holidays', data.holidays);
  check('makeUpWorkdays', data.makeUpWorkdays);
  for (const date of data.holidays.filter((holiday) => data.makeUpWorkdays.includes(holiday))) {
    errors.push({
      field: 'makeUpWorkdays',
      message: `${date} cannot be both a holiday and a make-up working day`,
    });
  }
  return errors;
}
