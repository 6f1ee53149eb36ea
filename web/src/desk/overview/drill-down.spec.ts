import { applicationsLink, deskFilterOf, periodEnd, withEmptyPeriods } from './drill-down';

const query = (link: string) =>
  Object.fromEntries(new URL(link, 'https://park.example').searchParams);

describe('the list behind a desk figure', () => {
  const filter = deskFilterOf(
    new URLSearchParams('department=CUSTOMS&from=2026-01-01&to=2026-06-30'),
  );

  it('keeps the desk filter and turns its days into the list’s creation-time range', () => {
    expect(query(applicationsLink(filter, {}, filter))).toEqual({
      department: 'CUSTOMS',
      from: '2026-01-01T00:00:00+08:00',
      to: '2026-07-01T00:00:00+08:00',
    });
  });

  it('narrows to the figure, without dates for figures of right now', () => {
    const link = applicationsLink(filter, { department: 'EEB', sla: 'OVERDUE' }, null);
    expect(link.startsWith('/applications?')).toBe(true);
    expect(query(link)).toEqual({ department: 'EEB', sla: 'OVERDUE' });
    expect(applicationsLink({}, {}, null)).toBe('/applications');
  });

  it('spans a period of the time series, months of any length', () => {
    expect(periodEnd('2026-02-01', 'month')).toBe('2026-02-28');
    expect(periodEnd('2026-11-16', 'week')).toBe('2026-11-22');
    const days = { from: '2026-02-01', to: periodEnd('2026-02-01', 'month') };
    expect(query(applicationsLink({}, { status: 'COMPLETED' }, days))).toEqual({
      status: 'COMPLETED',
      from: '2026-02-01T00:00:00+08:00',
      to: '2026-03-01T00:00:00+08:00',
    });
  });
});

describe('a time series with its empty periods', () => {
  it('fills the periods the API leaves out with zeros', () => {
    const points = [
      { periodStart: '2026-11-02', value: 3 },
      { periodStart: '2026-11-23', value: 1 },
    ];
    expect(withEmptyPeriods(points, 'week')).toEqual([
      { periodStart: '2026-11-02', value: 3 },
      { periodStart: '2026-11-09', value: 0 },
      { periodStart: '2026-11-16', value: 0 },
      { periodStart: '2026-11-23', value: 1 },
    ]);
    expect(withEmptyPeriods([], 'month')).toEqual([]);
  });
});
