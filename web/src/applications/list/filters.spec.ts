import { apiQueryOf, filtersOf, searchOf } from './filters';

describe('application list filters', () => {
  it('read the filters a link from the command desk writes, dropping unknown values', () => {
    const params = new URLSearchParams('status=IN_PROGRESS&department=CUSTOMS&sla=OVERDUE&limit=5&q=%20&status2=x');
    expect(filtersOf(params)).toEqual({ status: 'IN_PROGRESS', department: 'CUSTOMS', sla: 'OVERDUE' });
    expect(filtersOf(new URLSearchParams('status=LOST&sla=LATE'))).toEqual({});
  });

  it('ask the API for whole park days, both included', () => {
    expect(apiQueryOf({ from: '2026-11-01', to: '2026-11-30' })).toEqual({
      from: '2026-11-01T00:00:00+08:00',
      to: '2026-12-01T00:00:00+08:00',
    });
    expect(apiQueryOf({ to: '2026-12-31' }).to).toBe('2027-01-01T00:00:00+08:00');
    expect(apiQueryOf({ from: '2026-11-01T08:00:00Z' }).from).toBe('2026-11-01T08:00:00Z');
  });

  it('write back only the filters that are set', () => {
    expect(searchOf({ status: 'DRAFT', q: '', service: undefined }).toString()).toBe('status=DRAFT');
  });
});
