import { PARK_ZONES, PlanPoint, PLAN_HEIGHT, PLAN_WIDTH } from './park-zones';

/** Twice the signed area; positive when the outline runs clockwise on screen (y grows down). */
const signedArea = (outline: readonly PlanPoint[]) =>
  outline.reduce((sum, [x, y], i) => {
    const [nextX, nextY] = outline[(i + 1) % outline.length];
    return sum + x * nextY - nextX * y;
  }, 0);

/** Ray casting: whether the point lies strictly inside the outline. */
function contains(outline: readonly PlanPoint[], [px, py]: PlanPoint): boolean {
  let inside = false;
  for (let i = 0, j = outline.length - 1; i < outline.length; j = i++) {
    const [xi, yi] = outline[i];
    const [xj, yj] = outline[j];
    if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

describe('the park plan', () => {
  it('names each zone once, in both languages', () => {
    const codes = PARK_ZONES.map((zone) => zone.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const zone of PARK_ZONES) {
      expect(zone.name).toMatch(/\p{Script=Han}/u);
      expect(zone.nameEn).toMatch(/^[A-Z]/);
    }
  });

  it('draws every outline clockwise inside the plan, its label within it and no other', () => {
    for (const zone of PARK_ZONES) {
      expect(zone.outline.length).toBeGreaterThanOrEqual(3);
      for (const [x, y] of zone.outline) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(PLAN_WIDTH);
        expect(y).toBeGreaterThanOrEqual(0);
        expect(y).toBeLessThanOrEqual(PLAN_HEIGHT);
      }
      expect(signedArea(zone.outline)).toBeGreaterThan(0);
      expect(contains(zone.outline, zone.label)).toBe(true);
      const others = PARK_ZONES.filter((other) => other !== zone);
      expect(others.filter((other) => contains(other.outline, zone.label))).toEqual([]);
    }
  });
});
