/** One year of official calendar data; dates are Asia/Shanghai local dates, 'YYYY-MM-DD'. */
export interface CalendarYearData {
  year: number;
  holidays: string[];
  makeUpWorkdays: string[];
}

const MS_PER_DAY = 86_400_000;
// Asia/Shanghai has been UTC+8 without DST since 1991, so a fixed offset is exact.
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
// 1970-01-05, the first Monday on or after the epoch.
const FIRST_MONDAY_DAY_NUMBER = 4;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
function dayNumberFromCivil(year: number, month: number, day: number): number {
  const marchBasedYear = month <= 2 ? year - 1 : year;
  const era = Math.floor(marchBasedYear / 400);
  const yearOfEra = marchBasedYear - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

// Inverse of dayNumberFromCivil (Howard Hinnant's civil_from_days).
function civilFromDayNumber(dayNumber: number): { year: number; month: number; day: number } {
  const shifted = dayNumber + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const marchBasedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * marchBasedMonth + 2) / 5) + 1;
  const month = marchBasedMonth < 10 ? marchBasedMonth + 3 : marchBasedMonth - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function yearOfDayNumber(dayNumber: number): number {
  return civilFromDayNumber(dayNumber).year;
}

function parseLocalDate(localDate: string): number {
  const match = typeof localDate === 'string' ? LOCAL_DATE_PATTERN.exec(localDate) : null;
  if (match) {
    const year = Number(match[1]);
    const month = Number(match[2]);
    const day = Number(match[3]);
    if (month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) {
      return dayNumberFromCivil(year, month, day);
    }
  }
  throw new RangeError(
    `Invalid local date ${JSON.stringify(localDate)}: expected an existing calendar date as YYYY-MM-DD`,
  );
}

function parseDateOfYear(localDate: string, year: number): number {
  const dayNumber = parseLocalDate(localDate);
  if (yearOfDayNumber(dayNumber) !== year) {
    throw new RangeError(`Date ${localDate} is listed under calendar year ${year}`);
  }
  return dayNumber;
}

function formatDayNumber(dayNumber: number): string {
  const { year, month, day } = civilFromDayNumber(dayNumber);
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

function shanghaiDayNumber(instant: Date): number {
  const time = instant instanceof Date ? instant.getTime() : NaN;
  if (Number.isNaN(time)) {
    throw new RangeError(`Invalid instant ${String(instant)}: expected a valid Date`);
  }
  return Math.floor((time + SHANGHAI_OFFSET_MS) / MS_PER_DAY);
}

function assertWorkingDayCount(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`Invalid working-day count ${n}: expected a non-negative integer`);
  }
}

function isWeekday(dayNumber: number): boolean {
  // 1970-01-01 was a Thursday; 0 = Sunday … 6 = Saturday.
  const dayOfWeek = (((dayNumber + 4) % 7) + 7) % 7;
  return dayOfWeek !== 0 && dayOfWeek !== 6;
}

// Monday–Friday days in [FIRST_MONDAY_DAY_NUMBER, dayNumber), negative before it.
function weekdaysBefore(dayNumber: number): number {
  const daysSinceMonday = dayNumber - FIRST_MONDAY_DAY_NUMBER;
  const fullWeeks = Math.floor(daysSinceMonday / 7);
  return fullWeeks * 5 + Math.min(daysSinceMonday - fullWeeks * 7, 5);
}

/**
 * Mainland-China working days in Asia/Shanghai: weekends off, statutory holidays off and
 * make-up working days (调休) on. Years without data are provisional: weekends only.
 */
export class WorkingDayCalendar {
  private readonly officialYears = new Set<number>();
  private readonly holidayDays = new Set<number>();
  private readonly makeUpWorkdayDays = new Set<number>();
  /** Sorted days whose status differs from the plain weekday rule. */
  private readonly exceptionDays: number[];
  /** exceptionDeltaPrefix[i] = sum of the +1/-1 corrections of exceptionDays[0..i). */
  private readonly exceptionDeltaPrefix: number[];

  constructor(years: Iterable<CalendarYearData>) {
    for (const { year, holidays, makeUpWorkdays } of years) {
      if (!Number.isSafeInteger(year)) {
        throw new RangeError(`Invalid calendar year ${year}: expected an integer`);
      }
      if (this.officialYears.has(year)) {
        throw new RangeError(`Calendar year ${year} is given more than once`);
      }
      this.officialYears.add(year);
      for (const holiday of holidays) this.holidayDays.add(parseDateOfYear(holiday, year));
      for (const workday of makeUpWorkdays) {
        this.makeUpWorkdayDays.add(parseDateOfYear(workday, year));
      }
    }

    const corrections = [...new Set([...this.holidayDays, ...this.makeUpWorkdayDays])]
      .map((dayNumber) => ({
        dayNumber,
        delta: Number(this.isWorkingDayNumber(dayNumber)) - Number(isWeekday(dayNumber)),
      }))
      .filter(({ delta }) => delta !== 0)
      .sort((a, b) => a.dayNumber - b.dayNumber);
    this.exceptionDays = corrections.map(({ dayNumber }) => dayNumber);
    this.exceptionDeltaPrefix = [0];
    let runningDelta = 0;
    for (const { delta } of corrections) {
      runningDelta += delta;
      this.exceptionDeltaPrefix.push(runningDelta);
    }
  }

  /** Asia/Shanghai calendar date of an instant, 'YYYY-MM-DD'. */
  static localDate(instant: Date): string {
    return formatDayNumber(shanghaiDayNumber(instant));
  }

  isProvisional(year: number): boolean {
    if (!Number.isSafeInteger(year)) {
      throw new RangeError(`Invalid calendar year ${year}: expected an integer`);
    }
    return !this.officialYears.has(year);
  }

  isWorkingDay(localDate: string): boolean {
    return this.isWorkingDayNumber(parseLocalDate(localDate));
  }

  /**
   * The n-th working day strictly after localDate (n = 0: localDate itself). Provisional when
   * any year from localDate's to the result's has no official data.
   */
  addWorkingDays(localDate: string, n: number): { date: string; provisional: boolean } {
    assertWorkingDayCount(n);
    const startDay = parseLocalDate(localDate);
    const resultDay = this.addWorkingDaysToDayNumber(startDay, n);
    return {
      date: formatDayNumber(resultDay),
      provisional: this.hasProvisionalYear(startDay, resultDay),
    };
  }

  /**
   * End (23:59:59.999 Asia/Shanghai) of the n-th working day after start's local date: a time
   * limit counts from the day after the event.
   */
  deadlineAfter(start: Date, n: number): { deadline: Date; provisional: boolean } {
    assertWorkingDayCount(n);
    const startDay = shanghaiDayNumber(start);
    const deadlineDay = this.addWorkingDaysToDayNumber(startDay, n);
    return {
      deadline: new Date((deadlineDay + 1) * MS_PER_DAY - SHANGHAI_OFFSET_MS - 1),
      provisional: this.hasProvisionalYear(startDay, deadlineDay),
    };
  }

  /** Working days d with localDate(from) < d <= localDate(to); 0 when to <= from. */
  workingDaysBetween(from: Date, to: Date): number {
    const fromDay = shanghaiDayNumber(from);
    const toDay = shanghaiDayNumber(to);
    if (toDay <= fromDay) return 0;
    return (
      weekdaysBefore(toDay + 1) -
      weekdaysBefore(fromDay + 1) +
      this.exceptionDeltaUpTo(toDay) -
      this.exceptionDeltaUpTo(fromDay)
    );
  }

  /** Working days from fromLocal to toLocal, both inclusive; empty when fromLocal > toLocal. */
  listWorkingDays(fromLocal: string, toLocal: string): string[] {
    const fromDay = parseLocalDate(fromLocal);
    const toDay = parseLocalDate(toLocal);
    const workingDays: string[] = [];
    for (let dayNumber = fromDay; dayNumber <= toDay; dayNumber++) {
      if (this.isWorkingDayNumber(dayNumber)) workingDays.push(formatDayNumber(dayNumber));
    }
    return workingDays;
  }

  /** Years from fromLocal's to toLocal's, both inclusive, that have no official data. */
  provisionalYearsBetween(fromLocal: string, toLocal: string): number[] {
    const fromYear = yearOfDayNumber(parseLocalDate(fromLocal));
    const toYear = yearOfDayNumber(parseLocalDate(toLocal));
    const provisionalYears: number[] = [];
    for (let year = fromYear; year <= toYear; year++) {
      if (!this.officialYears.has(year)) provisionalYears.push(year);
    }
    return provisionalYears;
  }

  private isWorkingDayNumber(dayNumber: number): boolean {
    if (this.makeUpWorkdayDays.has(dayNumber)) return true;
    return !this.holidayDays.has(dayNumber) && isWeekday(dayNumber);
  }

  private addWorkingDaysToDayNumber(startDay: number, n: number): number {
    let dayNumber = startDay;
    for (let remaining = n; remaining > 0;) {
      dayNumber++;
      if (this.isWorkingDayNumber(dayNumber)) remaining--;
    }
    return dayNumber;
  }

  private hasProvisionalYear(fromDay: number, toDay: number): boolean {
    const toYear = yearOfDayNumber(toDay);
    for (let year = yearOfDayNumber(fromDay); year <= toYear; year++) {
      if (!this.officialYears.has(year)) return true;
    }
    return false;
  }

  /** Sum of the exception corrections on days <= dayNumber (binary search). */
  private exceptionDeltaUpTo(dayNumber: number): number {
    let low = 0;
    let high = this.exceptionDays.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.exceptionDays[middle] <= dayNumber) low = middle + 1;
      else high = middle;
    }
    return this.exceptionDeltaPrefix[low];
  }
}
