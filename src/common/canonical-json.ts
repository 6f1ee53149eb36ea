/**
 * Deterministic JSON: object keys sorted (UTF-16 code unit order, as in RFC 8785) at every
 * depth, no whitespace, arrays in order. Throws TypeError on anything JSON would silently drop
 * or distort: undefined, functions, symbols, bigints, non-finite numbers, non-plain objects and
 * cycles.
 */
export function canonicalJson(value: unknown): string {
  return serializeCanonical(value, new Set<object>(), '$');
}

function serializeCanonical(value: unknown, ancestors: Set<object>, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) {
        throw new TypeError(`canonicalJson: non-finite number at ${path}`);
      }
      return JSON.stringify(value);
    case 'object':
      return serializeCanonicalObject(value, ancestors, path);
    default:
      throw new TypeError(`canonicalJson: ${typeof value} at ${path} has no JSON form`);
  }
}

function serializeCanonicalObject(value: object, ancestors: Set<object>, path: string): string {
  if (ancestors.has(value)) throw new TypeError(`canonicalJson: cycle at ${path}`);
  ancestors.add(value);
  let serialized: string;
  if (Array.isArray(value)) {
    const items = value.map((item, index) =>
      serializeCanonical(item, ancestors, `${path}[${index}]`),
    );
    serialized = `[${items.join(',')}]`;
  } else {
    const prototype = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) {
      throw new TypeError(`canonicalJson: non-plain object at ${path}`);
    }
    const record = value as Record<string, unknown>;
    const members = Object.keys(record)
      .sort()
      .map(
        (key) =>
          `${JSON.stringify(key)}:${serializeCanonical(record[key], ancestors, `${path}.${key}`)}`,
      );
    serialized = `{${members.join(',')}}`;
  }
  ancestors.delete(value);
  return serialized;
}
