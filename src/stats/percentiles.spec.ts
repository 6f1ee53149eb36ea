import { quantileOf } from './percentiles';

describe('quantileOf', () => {
  const expand = (values: number[]) => {
    const counts = new Map<number, number>();
    for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
    return [...counts].map(([workingDays, count]) => ({ workingDays, count }));
  };

  it('gives the exact median and p90 of the values behind the histogram', () => {
    const values = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3];
    // Sorted: 1 1 2 3 3 4 5 5 6 9 → lower median is the 5th value, p90 the 9th.
    expect(quantileOf(expand(values), 0.5)).toBe(3);
    expect(quantileOf(expand(values), 0.9)).toBe(6);
    expect(quantileOf(expand(values), 1)).toBe(9);
  });

  it('handles one value and no data', () => {
    expect(quantileOf([{ workingDays: 7, count: 3 }], 0.9)).toBe(7);
    expect(quantileOf([], 0.5)).toBeNull();
    expect(quantileOf([{ workingDays: 2, count: 0 }], 0.5)).toBeNull();
  });
});
