import { isOpenForIntake } from './intake-windows';

const windows = [
  { name: '2027年第一批', opensOn: '2027-04-01', closesOn: '2027-05-31' },
  { name: '2027年第二批', opensOn: '2027-07-01', closesOn: '2027-07-31' },
];

describe('isOpenForIntake', () => {
  it('is always open without windows', () => {
    expect(isOpenForIntake(undefined, new Date('2026-12-04T00:00:00Z'))).toBe(true);
    expect(isOpenForIntake([], new Date('2026-12-04T00:00:00Z'))).toBe(true);
  });

  it('opens on the first day and closes after the last, in Shanghai dates', () => {
    // 2027-03-31T16:00Z is already 04-01 in Shanghai.
    expect(isOpenForIntake(windows, new Date('2027-03-31T15:59:59Z'))).toBe(false);
    expect(isOpenForIntake(windows, new Date('2027-03-31T16:00:00Z'))).toBe(true);
    expect(isOpenForIntake(windows, new Date('2027-05-31T15:59:59Z'))).toBe(true);
    expect(isOpenForIntake(windows, new Date('2027-05-31T16:00:00Z'))).toBe(false);
    expect(isOpenForIntake(windows, new Date('2027-07-15T04:00:00Z'))).toBe(true);
  });
});
