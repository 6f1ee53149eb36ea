import fc from 'fast-check';

/** Strings that have broken parsers, databases and encoders before. */
const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'mail\udfff@example.cn',
  '\ud83d\ude00\u200b\u202e',
  'x'.repeat(100_000),
  '../../../../etc/passwd',
  "' OR 1=1 --",
  '%00',
  '%',
  '0x10',
  '-1',
  '1e309',
  'NaN',
  '2026-02-31',
  '2026-13-01T25:61:00Z',
  'notadate',
  '__proto__',
  '{"$gt":""}',
  '<script>alert(1)</script>',
  '\\',
  '全角文字テスト',
];

const HOSTILE_NUMBERS = [
  -1,
  0,
  0.5,
  -0.0001,
  2 ** 31,
  -(2 ** 31) - 1,
  Number.MAX_SAFE_INTEGER + 2,
  -Number.MAX_SAFE_INTEGER - 2,
  1e308,
  -1e308,
];

export const hostileString = fc.constantFrom(...HOSTILE_STRINGS);

/** Any JSON value of the wrong kind somewhere: strings, numbers, nulls, containers. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constantFrom(...HOSTILE_NUMBERS),
  fc.constantFrom(null, true, false, [], {}, [null], { '': null }),
  fc.jsonValue({ maxDepth: 3 }),
);

/** A JSON text nested `depth` levels deep, written without recursion. */
export function deeplyNested(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array'
    ? `${'['.repeat(depth)}${']'.repeat(depth)}`
    : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** A copy of `value` with the value at `path` replaced (or removed when `replacement` is the REMOVE marker). */
export function replaceAt(
  value: unknown,
  path: (string | number)[],
  replacement: unknown,
): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    if (replacement === REMOVE && rest.length === 0) copy.splice(Number(head), 1);
    else copy[Number(head)] = replaceAt(copy[Number(head)], rest, replacement);
    return copy;
  }
  const copy = { ...(value as Record<string, unknown>) };
  if (replacement === REMOVE && rest.length === 0) delete copy[head];
  else copy[head] = replaceAt(copy[head], rest, replacement);
  return copy;
}

export const REMOVE = Symbol('remove');

/** Text no API should take: it would reach PostgreSQL or an encoder and break there. */
function isUnacceptableText(text: string): boolean {
  return text.includes('\u0000') || !text.isWellFormed();
}

/** True when a JSON value holds a string (or key) that no API should take. */
export function holdsUnacceptableText(value: unknown): boolean {
  if (typeof value === 'string') return isUnacceptableText(value);
  if (Array.isArray(value)) return value.some(holdsUnacceptableText);
  if (value && typeof value === 'object')
    return Object.entries(value).some(
      ([key, item]) => isUnacceptableText(key) || holdsUnacceptableText(item),
    );
  return false;
}
