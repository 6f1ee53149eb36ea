// The package's documented raw data: its runtime API only answers date by date.
import chineseDays from 'chinese-days/dist/chinese-days.json';
import { CalendarYearData } from './working-day-calendar';

/**
 * Every year chinese-days has official data for, with its statutory holidays and make-up
 * working days (调休) exactly as the package lists them, sorted by date.
 */
export function officialCalendarYears(): CalendarYearData[] {
  const years = new Map<number, CalendarYearData>();
  const yearData = (date: string): CalendarYearData => {
    const year = Number(date.slice(0, 4));
    let data = years.get(year);
    if (!data) {
      data = { year, holidays: [], makeUpWorkdays: [] };
      years.set(year, data);
    }
    return data;
  };

  for (const date of Object.keys(chineseDays.holidays).sort()) yearData(date).holidays.push(date);
  for (const date of Object.keys(chineseDays.workdays).sort()) {
    yearData(date).makeUpWorkdays.push(date);
  }
  return [...years.values()].sort((a, b) => a.year - b.year);
}
