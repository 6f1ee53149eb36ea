import { plainToInstance } from 'class-transformer';
import { IsOptional, validateSync } from 'class-validator';
import { IsCalendarDate, IsInstant, isCalendarDate, QueryInteger } from './strict-values';

class Filter {
  @IsOptional()
  @QueryInteger()
  limit?: number;

  @IsOptional()
  @IsCalendarDate()
  day?: string;

  @IsOptional()
  @IsInstant()
  at?: string;
}

const errorsOf = (query: Record<string, string>) =>
  validateSync(plainToInstance(Filter, query)).map((error) => error.property);

describe('strict query values', () => {
  it('reads integers from decimal digits only', () => {
    expect(plainToInstance(Filter, { limit: '20' }).limit).toBe(20);
    expect(plainToInstance(Filter, { limit: '-3' }).limit).toBe(-3);
    for (const limit of ['0x10', '1e3', ' 7', '', '1.5', '０１', '99999999999999999'])
      expect([limit, errorsOf({ limit })]).toEqual([limit, ['limit']]);
  });

  it('takes calendar dates that exist', () => {
    for (const day of ['2026-01-31', '2024-02-29', '2026-12-31'])
      expect(isCalendarDate(day)).toBe(true);
    for (const day of [
      '2026-02-31',
      '2025-02-29',
      '2026-13-01',
      '2026-00-10',
      '2026-1-1',
      'notadate',
      '20260101',
    ])
      expect([day, errorsOf({ day })]).toEqual([day, ['day']]);
  });

  it('takes moments with an offset on dates that exist', () => {
    for (const at of ['2026-11-01T00:00:00+08:00', '2026-11-01T00:00:00.123Z', '2026-11-01T08:30Z'])
      expect([at, errorsOf({ at })]).toEqual([at, []]);
    for (const at of [
      '2026-02-31T00:00:00Z',
      '2026-11-01T24:00:00Z',
      '2026-11-01T00:00:00',
      '2026-11-01',
      'notadate',
    ])
      expect([at, errorsOf({ at })]).toEqual([at, ['at']]);
  });
});
