import { suppressSmallCells } from './small-cells';

describe('suppressSmallCells', () => {
  it('publishes a table without small counts as it is', () => {
    expect(suppressSmallCells([3, 12, 40])).toEqual([3, 12, 40]);
  });

  it('shows 1 and 2 as "<3" and withholds the smallest other count', () => {
    expect(suppressSmallCells([14, 1, 5, 2, 9])).toEqual([14, '<3', 'withheld', '<3', 9]);
  });

  it('withholds one count however many are small, and only one of equal smallest', () => {
    expect(suppressSmallCells([4, 4, 1])).toEqual(['withheld', 4, '<3']);
  });

  it('has nothing to withhold when every count is small', () => {
    expect(suppressSmallCells([2, 1])).toEqual(['<3', '<3']);
  });

  it('keeps zeroes, which identify no one', () => {
    expect(suppressSmallCells([0, 7])).toEqual([0, 7]);
  });
});
