import {
  labelLines,
  outlinePath,
  textColourOn,
  viewBoxAttribute,
  widthAt,
  zoneFill,
  zonesViewBox,
} from './plan-geometry';

const SQUARE = [
  [100, 100],
  [300, 100],
  [300, 300],
  [100, 300],
];
const TRIANGLE = [
  [400, 50],
  [600, 400],
  [200, 400],
];

describe('the park plan drawn from zone outlines', () => {
  it('closes each outline into one SVG path', () => {
    expect(outlinePath(SQUARE)).toBe('M100,100L300,100L300,300L100,300Z');
    expect(
      outlinePath([
        [0.04, 1.26],
        [2, 3],
        [4, 5],
      ]),
    ).toBe('M0,1.3L2,3L4,5Z');
    expect(outlinePath([])).toBe('');
  });

  it('frames the zones, not the empty plan around them, within the plan', () => {
    const plan = { width: 1000, height: 700 };
    expect(zonesViewBox([SQUARE, TRIANGLE], plan, 10)).toEqual({
      x: 90,
      y: 40,
      width: 520,
      height: 370,
    });
    // The margin never reaches outside the plan.
    expect(
      zonesViewBox(
        [
          [
            [0, 0],
            [1000, 0],
            [1000, 700],
          ],
        ],
        plan,
        10,
      ),
    ).toEqual({
      x: 0,
      y: 0,
      width: 1000,
      height: 700,
    });
    expect(zonesViewBox([], plan)).toEqual({ x: 0, y: 0, width: 1000, height: 700 });
    expect(viewBoxAttribute({ x: 90, y: 40, width: 520, height: 370 })).toBe('90 40 520 370');
  });

  it("measures a zone's width at its label's height", () => {
    expect(widthAt(SQUARE, 200)).toBe(200);
    // The triangle widens downwards: 400 wide at its base, half that half-way up.
    expect(widthAt(TRIANGLE, 225)).toBe(200);
    // A line that misses the outline falls back to its whole width.
    expect(widthAt(SQUARE, 500)).toBe(200);
  });

  it('shades zones by their share of the busiest one, and leaves empty ones grey', () => {
    expect(zoneFill(0, 10)).toBe('#f0f0f0');
    expect(zoneFill(3, 0)).toBe('#f0f0f0');
    expect(zoneFill(10, 10)).toBe('#0f766e');
    // The palest shade for the quietest zone, half-way for half the busiest.
    expect(zoneFill(1, 1000)).toBe('#ccebe5');
    expect(zoneFill(5, 10)).toBe('#6eb1aa');
    expect(textColourOn(zoneFill(10, 10))).toBe('#ffffff');
    expect(textColourOn(zoneFill(1, 10))).toBe('#1f1f1f');
  });

  it('breaks Chinese labels between characters and English ones between words', () => {
    expect(labelLines('临江原料药与制剂制造区', 6)).toEqual(['临江原料药与', '制剂制造区']);
    expect(labelLines('细胞与基因治疗产业园', 20)).toEqual(['细胞与基因治疗产业园']);
    // Lines of even length rather than one character left over.
    expect(labelLines('杭州医药港小镇核心区', 9)).toEqual(['杭州医药港', '小镇核心区']);
    expect(labelLines('Advanced medical devices park', 10)).toEqual([
      'Advanced medical',
      'devices park',
    ]);
    expect(labelLines('Advanced medical devices park', 6)).toEqual(['Advanced', 'medical…']);
    expect(labelLines('Advanced medical devices park', 6, 4)).toEqual([
      'Advanced',
      'medical',
      'devices',
      'park',
    ]);
  });
});
