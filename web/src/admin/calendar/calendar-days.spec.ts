import { kindOf, monthWeeks, toggled, type Marks } from './calendar-days';

const none: Marks = { holidays: new Set(), makeUps: new Set() };

describe('editing the working-day calendar', () => {
  it('turns a weekday into a holiday and back', () => {
    const friday = '2027-02-05';
    const once = toggled(friday, none);
    expect(kindOf(friday, once)).toBe('holiday');
    expect(kindOf(friday, toggled(friday, once))).toBe('workday');
  });

  it('turns a weekend day into a holiday, a make-up working day, and back', () => {
    const saturday = '2027-02-06';
    const kinds = [];
    let marks = none;
    for (let click = 0; click < 4; click += 1) {
      kinds.push(kindOf(saturday, marks));
      marks = toggled(saturday, marks);
    }
    expect(kinds).toEqual(['weekend', 'holiday', 'makeUp', 'weekend']);
  });

  it('lays a month out in weeks from Monday', () => {
    // February 2027 starts on a Monday and has 28 days: four full weeks.
    expect(monthWeeks(2027, 1)).toHaveLength(4);
    expect(monthWeeks(2027, 1)[0][0]).toBe('2027-02-01');
    // March 2027 starts on a Monday too; May 2027 on a Saturday.
    const may = monthWeeks(2027, 4);
    expect(may[0].slice(0, 5)).toEqual([null, null, null, null, null]);
    expect(may[0][5]).toBe('2027-05-01');
    expect(may.flat().filter(Boolean)).toHaveLength(31);
  });
});
