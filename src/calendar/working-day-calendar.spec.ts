import { officialCalendarYears } from './official-holidays';
import { CalendarYearData, WorkingDayCalendar } from './working-day-calendar';

// Expected dates are worked out by hand from the chinese-days 1.5.7 arrangements:
// 2025: Spring Festival off 01-28…02-04, make-up 01-26 (Sun), 02-08 (Sat);
//       National Day off 10-01…10-08, make-up 09-28 (Sun), 10-11 (Sat).
// 2026: Spring Festival off 02-15…02-23, make-up 02-14 (Sat), 02-28 (Sat);
//       Mid-autumn off 09-25…09-27; National Day off 10-01…10-07, make-up 09-20 (Sun),
//       10-10 (Sat); 10-08 (Thu) is an ordinary working day.
describe('WorkingDayCalendar', () => {
  const official = officialCalendarYears();
  const calendar = new WorkingDayCalendar(official);

  describe('addWorkingDays', () => {
    it.each([
      ['2025-09-26', 1, '2025-09-28'],
      ['2025-09-26', 4, '2025-10-09'],
      ['2025-09-30', 1, '2025-10-09'],
      ['2025-09-30', 3, '2025-10-11'],
      ['2025-09-30', 4, '2025-10-13'],
    ])('crosses National Day 2025: %s + %i = %s', (start, n, expected) => {
      expect(calendar.addWorkingDays(start, n)).toEqual({ date: expected, provisional: false });
    });

    it.each([
      ['2026-09-18', 1, '2026-09-20'],
      ['2026-09-18', 6, '2026-09-28'],
      ['2026-09-30', 1, '2026-10-08'],
      ['2026-09-30', 3, '2026-10-10'],
      ['2026-09-30', 4, '2026-10-12'],
    ])('crosses National Day 2026: %s + %i = %s', (start, n, expected) => {
      expect(calendar.addWorkingDays(start, n)).toEqual({ date: expected, provisional: false });
    });

    it.each([
      ['2025-01-24', 1, '2025-01-26'],
      ['2025-01-24', 3, '2025-02-05'],
      ['2025-01-24', 6, '2025-02-08'],
      ['2025-01-24', 7, '2025-02-10'],
    ])('crosses Spring Festival 2025: %s + %i = %s', (start, n, expected) => {
      expect(calendar.addWorkingDays(start, n)).toEqual({ date: expected, provisional: false });
    });

    it.each([
      ['2026-02-12', 2, '2026-02-14'],
      ['2026-02-12', 3, '2026-02-24'],
      ['2026-02-12', 7, '2026-02-28'],
      ['2026-02-12', 8, '2026-03-02'],
    ])('crosses Spring Festival 2026: %s + %i = %s', (start, n, expected) => {
      expect(calendar.addWorkingDays(start, n)).toEqual({ date: expected, provisional: false });
    });

    it('skips a plain weekend', () => {
      expect(calendar.addWorkingDays('2025-03-07', 1)).toEqual({
        date: '2025-03-10',
        provisional: false,
      });
      expect(calendar.addWorkingDays('2025-03-08', 1).date).toBe('2025-03-10');
      expect(calendar.addWorkingDays('2025-03-07', 5).date).toBe('2025-03-14');
    });

    it('returns the start date itself for n = 0, even on a day off', () => {
      expect(calendar.addWorkingDays('2025-03-08', 0)).toEqual({
        date: '2025-03-08',
        provisional: false,
      });
    });

    it('is provisional in 2027 and follows 2027 data once it is added', () => {
      expect(calendar.isProvisional(2026)).toBe(false);
      expect(calendar.isProvisional(2027)).toBe(true);
      expect(calendar.addWorkingDays('2027-02-05', 5)).toEqual({
        date: '2027-02-12',
        provisional: true,
      });
      expect(calendar.addWorkingDays('2026-12-30', 3)).toEqual({
        date: '2027-01-04',
        provisional: true,
      });

      const hypothetical2027: CalendarYearData = {
        year: 2027,
        holidays: [
          '2027-02-06',
          '2027-02-07',
          '2027-02-08',
          '2027-02-09',
          '2027-02-10',
          '2027-02-11',
          '2027-02-12',
        ],
        makeUpWorkdays: ['2027-02-14'],
      };
      const extended = new WorkingDayCalendar([...official, hypothetical2027]);
      expect(extended.isProvisional(2027)).toBe(false);
      expect(extended.addWorkingDays('2027-02-05', 1)).toEqual({
        date: '2027-02-14',
        provisional: false,
      });
      expect(extended.addWorkingDays('2027-02-05', 5)).toEqual({
        date: '2027-02-18',
        provisional: false,
      });
    });

    it('agrees with deadlineAfter and workingDaysBetween for every start in 2024–2027', () => {
      const mismatches: string[] = [];
      const lastStart = Date.parse('2027-12-31T04:00:00Z');
      for (
        let start = Date.parse('2024-12-01T04:00:00Z');
        start <= lastStart;
        start += 86_400_000
      ) {
        const startDate = new Date(start);
        const startLocal = WorkingDayCalendar.localDate(startDate);
        for (const n of [0, 1, 3, 10, 20]) {
          const { deadline } = calendar.deadlineAfter(startDate, n);
          const counted = calendar.workingDaysBetween(startDate, deadline);
          const added = calendar.addWorkingDays(startLocal, n).date;
          if (counted !== n || added !== WorkingDayCalendar.localDate(deadline)) {
            mismatches.push(`${startLocal} + ${n}: counted ${counted}, added ${added}`);
          }
        }
      }
      expect(mismatches).toEqual([]);
    });
  });

  describe('isWorkingDay', () => {
    it('applies holidays, make-up days and weekends', () => {
      expect(calendar.isWorkingDay('2026-10-07')).toBe(false);
      expect(calendar.isWorkingDay('2026-10-08')).toBe(true);
      expect(calendar.isWorkingDay('2026-10-10')).toBe(true);
      expect(calendar.isWorkingDay('2025-10-08')).toBe(false);
      expect(calendar.isWorkingDay('2025-03-08')).toBe(false);
      expect(calendar.isWorkingDay('2027-02-08')).toBe(true);
    });
  });

  describe('localDate', () => {
    it('gives the Asia/Shanghai date of an instant', () => {
      expect(WorkingDayCalendar.localDate(new Date('2025-03-07T15:59:59.999Z'))).toBe('2025-03-07');
      expect(WorkingDayCalendar.localDate(new Date('2025-03-07T16:00:00.000Z'))).toBe('2025-03-08');
    });
  });

  describe('deadlineAfter', () => {
    it('counts from the next day and ends at 23:59:59.999 Shanghai time', () => {
      const fridayEvening = new Date('2025-03-07T20:00:00+08:00');
      expect(fridayEvening.toISOString()).toBe('2025-03-07T12:00:00.000Z');
      expect(calendar.deadlineAfter(fridayEvening, 1)).toEqual({
        deadline: new Date('2025-03-10T23:59:59.999+08:00'),
        provisional: false,
      });
      expect(calendar.deadlineAfter(fridayEvening, 1).deadline.toISOString()).toBe(
        '2025-03-10T15:59:59.999Z',
      );
    });

    it('uses the Shanghai date, not the UTC date, of the start', () => {
      const saturdayNight = new Date('2025-03-08T01:00:00+08:00');
      expect(saturdayNight.toISOString()).toBe('2025-03-07T17:00:00.000Z');
      expect(calendar.deadlineAfter(saturdayNight, 0).deadline).toEqual(
        new Date('2025-03-08T23:59:59.999+08:00'),
      );
      expect(calendar.deadlineAfter(saturdayNight, 1).deadline).toEqual(
        new Date('2025-03-10T23:59:59.999+08:00'),
      );

      const mondayNight = new Date('2025-03-10T01:00:00+08:00');
      expect(mondayNight.toISOString()).toBe('2025-03-09T17:00:00.000Z');
      expect(calendar.deadlineAfter(mondayNight, 1).deadline).toEqual(
        new Date('2025-03-11T23:59:59.999+08:00'),
      );
    });

    it('lands on a make-up Saturday and flags provisional years', () => {
      expect(calendar.deadlineAfter(new Date('2026-02-13T20:00:00+08:00'), 1)).toEqual({
        deadline: new Date('2026-02-14T23:59:59.999+08:00'),
        provisional: false,
      });
      expect(calendar.deadlineAfter(new Date('2026-12-30T10:00:00+08:00'), 3)).toEqual({
        deadline: new Date('2027-01-04T23:59:59.999+08:00'),
        provisional: true,
      });
    });
  });

  describe('workingDaysBetween', () => {
    it('skips holidays and counts make-up days', () => {
      expect(
        calendar.workingDaysBetween(
          new Date('2025-09-30T10:00:00+08:00'),
          new Date('2025-10-09T10:00:00+08:00'),
        ),
      ).toBe(1);
      expect(
        calendar.workingDaysBetween(
          new Date('2025-09-26T09:00:00+08:00'),
          new Date('2025-10-13T09:00:00+08:00'),
        ),
      ).toBe(7);
      expect(
        calendar.workingDaysBetween(
          new Date('2026-02-12T09:00:00+08:00'),
          new Date('2026-03-02T18:00:00+08:00'),
        ),
      ).toBe(8);
    });

    it('is 0 on the same local day and when reversed', () => {
      const morning = new Date('2025-03-07T08:00:00+08:00');
      const evening = new Date('2025-03-07T23:00:00+08:00');
      expect(calendar.workingDaysBetween(morning, evening)).toBe(0);
      expect(calendar.workingDaysBetween(evening, morning)).toBe(0);
      expect(calendar.workingDaysBetween(new Date('2025-03-14T09:00:00+08:00'), morning)).toBe(0);
    });
  });

  describe('listWorkingDays', () => {
    it('lists an inclusive range', () => {
      expect(calendar.listWorkingDays('2026-09-30', '2026-10-12')).toEqual([
        '2026-09-30',
        '2026-10-08',
        '2026-10-09',
        '2026-10-10',
        '2026-10-12',
      ]);
      expect(calendar.listWorkingDays('2026-10-12', '2026-09-30')).toEqual([]);
    });
  });

  describe('provisionalYearsBetween', () => {
    it('lists the years without official data', () => {
      expect(calendar.provisionalYearsBetween('2025-06-01', '2026-12-31')).toEqual([]);
      expect(calendar.provisionalYearsBetween('2026-06-01', '2028-01-01')).toEqual([2027, 2028]);
      expect(calendar.provisionalYearsBetween('2003-12-31', '2004-01-02')).toEqual([2003]);
    });
  });

  describe('input validation', () => {
    it.each(['2025-02-29', '2025-13-01', '2025-00-10', '2025-1-5', '20250105', '', 'yesterday'])(
      'rejects the local date %j',
      (localDate) => {
        expect(() => calendar.isWorkingDay(localDate)).toThrow(RangeError);
        expect(() => calendar.addWorkingDays(localDate, 1)).toThrow(/Invalid local date/);
      },
    );

    it('accepts 29 February of a leap year', () => {
      expect(calendar.isWorkingDay('2024-02-29')).toBe(true);
    });

    it('rejects negative or fractional working-day counts', () => {
      expect(() => calendar.addWorkingDays('2025-03-07', -1)).toThrow(RangeError);
      expect(() => calendar.addWorkingDays('2025-03-07', 1.5)).toThrow(RangeError);
      expect(() => calendar.deadlineAfter(new Date(), -1)).toThrow(RangeError);
    });

    it('rejects invalid instants', () => {
      expect(() => calendar.deadlineAfter(new Date('not a date'), 1)).toThrow(RangeError);
      expect(() => calendar.workingDaysBetween(new Date(NaN), new Date())).toThrow(RangeError);
      expect(() => WorkingDayCalendar.localDate(new Date(NaN))).toThrow(/Invalid instant/);
    });

    it('rejects calendar data that is malformed, misfiled or duplicated', () => {
      const year = (data: Partial<CalendarYearData>): CalendarYearData => ({
        year: 2027,
        holidays: [],
        makeUpWorkdays: [],
        ...data,
      });
      expect(() => new WorkingDayCalendar([year({ holidays: ['2027-02-30'] })])).toThrow(
        RangeError,
      );
      expect(() => new WorkingDayCalendar([year({ makeUpWorkdays: ['2028-01-02'] })])).toThrow(
        /listed under calendar year 2027/,
      );
      expect(() => new WorkingDayCalendar([year({}), year({})])).toThrow(/more than once/);
      expect(() => new WorkingDayCalendar([year({ year: 2027.5 })])).toThrow(RangeError);
    });
  });
});

describe('officialCalendarYears', () => {
  const years = officialCalendarYears();
  const byYear = new Map(years.map((data) => [data.year, data]));

  it('covers exactly 2004 to 2026', () => {
    expect(years.map((data) => data.year)).toEqual(
      Array.from({ length: 23 }, (_, index) => 2004 + index),
    );
    expect(byYear.has(2027)).toBe(false);
  });

  it('holds the 2025 and 2026 arrangements', () => {
    const year2025 = byYear.get(2025)!;
    const year2026 = byYear.get(2026)!;
    expect(year2025.makeUpWorkdays).toEqual([
      '2025-01-26',
      '2025-02-08',
      '2025-04-27',
      '2025-09-28',
      '2025-10-11',
    ]);
    expect(year2025.holidays).toEqual(
      expect.arrayContaining([
        '2025-10-01',
        '2025-10-02',
        '2025-10-03',
        '2025-10-04',
        '2025-10-05',
        '2025-10-06',
        '2025-10-07',
        '2025-10-08',
      ]),
    );
    expect(year2026.makeUpWorkdays).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    expect(year2026.holidays).toEqual(
      expect.arrayContaining([
        '2026-02-15',
        '2026-02-16',
        '2026-02-17',
        '2026-02-18',
        '2026-02-19',
        '2026-02-20',
        '2026-02-21',
        '2026-02-22',
        '2026-02-23',
        '2026-10-01',
        '2026-10-02',
        '2026-10-03',
        '2026-10-04',
        '2026-10-05',
        '2026-10-06',
        '2026-10-07',
      ]),
    );
    expect(year2026.holidays).not.toContain('2026-10-08');
  });
});
