/** A point of the park plan, in plan units with the origin top left. */
/** `[x, y]`, as the API sends it. */
export type PlanPoint = readonly number[];

export interface ViewBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The SVG path of a closed zone outline. */
export function outlinePath(outline: readonly PlanPoint[]): string {
  if (outline.length === 0) return '';
  const [first, ...rest] = outline.map(([x, y]) => `${round(x)},${round(y)}`);
  return `M${first}${rest.map((point) => `L${point}`).join('')}Z`;
}

const round = (value: number) => Math.round(value * 10) / 10;

/**
 * The part of the plan the zones cover, with a margin: the drawing fills its box (a phone's
 * width) instead of the plan's empty edges. An empty plan keeps its whole space.
 */
export function zonesViewBox(
  outlines: readonly (readonly PlanPoint[])[],
  plan: { width: number; height: number },
  margin = 12,
): ViewBox {
  const points = outlines.flat();
  if (points.length === 0) return { x: 0, y: 0, width: plan.width, height: plan.height };
  const xs = points.map(([x]) => x);
  const ys = points.map(([, y]) => y);
  const left = Math.max(0, Math.min(...xs) - margin);
  const top = Math.max(0, Math.min(...ys) - margin);
  const right = Math.min(plan.width, Math.max(...xs) + margin);
  const bottom = Math.min(plan.height, Math.max(...ys) + margin);
  return { x: left, y: top, width: right - left, height: bottom - top };
}

export const viewBoxAttribute = ({ x, y, width, height }: ViewBox) =>
  `${x} ${y} ${width} ${height}`;

/** The width of an outline at its label's height, or its whole width if the line misses it. */
export function widthAt(outline: readonly PlanPoint[], y: number): number {
  const crossings: number[] = [];
  outline.forEach(([x1, y1], index) => {
    const [x2, y2] = outline[(index + 1) % outline.length];
    if ((y1 <= y && y < y2) || (y2 <= y && y < y1))
      crossings.push(x1 + ((y - y1) / (y2 - y1)) * (x2 - x1));
  });
  if (crossings.length < 2) {
    const xs = outline.map(([x]) => x);
    return Math.max(...xs) - Math.min(...xs);
  }
  return Math.max(...crossings) - Math.min(...crossings);
}

const EMPTY_FILL = '#f0f0f0';
const LIGHT: RGB = [204, 235, 229];
const DARK: RGB = [15, 118, 110];
type RGB = [number, number, number];

/**
 * A zone's fill for its count: from a pale to the desk's dark teal in proportion to the
 * busiest zone; grey for a zone with nothing in it.
 */
export function zoneFill(count: number, max: number): string {
  if (count <= 0 || max <= 0) return EMPTY_FILL;
  const share = Math.min(1, count / max);
  const mix = LIGHT.map((light, index) => Math.round(light + (DARK[index] - light) * share));
  return `#${mix.map((channel) => channel.toString(16).padStart(2, '0')).join('')}`;
}

/** Dark fills take white text, light ones dark text. */
export function textColourOn(fill: string): string {
  const [r, g, b] = [1, 3, 5].map((start) => parseInt(fill.slice(start, start + 2), 16));
  return 0.299 * r + 0.587 * g + 0.114 * b < 140 ? '#ffffff' : '#1f1f1f';
}

/** Chinese characters (and other wide ones) take a full em; Latin letters about half. */
const isWide = (character: string) => /[\u2e80-\u9fff\uff00-\uffef]/.test(character);
const emsOf = (text: string) => [...text].reduce((ems, c) => ems + (isWide(c) ? 1 : 0.55), 0);

/**
 * A label broken into lines of at most `maxEms` ems: between words where there are spaces
 * (English), between characters where there are none (Chinese). At most `maxLines`; the last
 * one ends in an ellipsis if the label is longer.
 */
export function labelLines(text: string, maxEms: number, maxLines = 2): string[] {
  const spaced = /\s/.test(text.trim());
  const words = spaced ? text.trim().split(/\s+/) : [...text.trim()];
  const fill = (width: number) => {
    const lines: string[] = [];
    let line = '';
    for (const word of words) {
      const candidate = line ? `${line}${spaced ? ' ' : ''}${word}` : word;
      if (line && emsOf(candidate) > width) {
        lines.push(line);
        line = word;
      } else line = candidate;
    }
    return line ? [...lines, line] : lines;
  };
  let lines = fill(maxEms);
  // As many lines, of even length: no last line of one character under a full one.
  if (lines.length > 1 && lines.length <= maxLines) {
    const even = fill(emsOf(text.trim()) / lines.length + 0.5);
    if (even.length === lines.length) lines = even;
  }
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]}…`;
  return kept;
}
