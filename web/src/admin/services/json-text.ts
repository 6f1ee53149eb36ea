/** Where a value sits in a JSON text: [start, end) offsets. */
export interface Span {
  start: number;
  end: number;
}

export type JsonPath = readonly (string | number)[];

/** A JSON syntax error at an offset, with its line and column (from 1) for people. */
export class JsonSyntaxError extends Error {
  constructor(
    readonly offset: number,
    readonly line: number,
    readonly column: number,
    /** The character found, or undefined at the end of the text. */
    readonly found: string | undefined,
  ) {
    super(`JSON syntax error at line ${line}, column ${column}`);
  }
}

export interface ParsedJson {
  value: unknown;
  /** The span of every value, keyed by its path (`pathKey`). */
  spans: Map<string, Span>;
}

export const pathKey = (path: JsonPath) => JSON.stringify(path);

export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset && index < text.length; index += 1) {
    if (text[index] === '\n') line += 1;
  }
  return line;
}

const LITERALS = { true: true, false: false, null: null } as const;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
// JSON strings may not hold control characters raw: the class names them on purpose.
// eslint-disable-next-line no-control-regex
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;

/**
 * Parses JSON as JSON.parse does, and also records where each value is, so that a problem the
 * API reports about `materials.<code>` or a workflow stage can be shown at its place in the text.
 */
export function parseJson(text: string): ParsedJson {
  const spans = new Map<string, Span>();
  let offset = 0;

  const fail = (): never => {
    const line = lineOf(text, offset);
    const column = offset - text.lastIndexOf('\n', offset - 1);
    throw new JsonSyntaxError(offset, line, column, text[offset]);
  };
  const skipSpace = () => {
    while (offset < text.length && ' \t\n\r'.includes(text[offset])) offset += 1;
  };
  const expect = (character: string) => {
    skipSpace();
    if (text[offset] !== character) fail();
    offset += 1;
  };
  const match = (pattern: RegExp): string => {
    pattern.lastIndex = offset;
    const found = pattern.exec(text);
    if (!found) return fail();
    offset = pattern.lastIndex;
    return found[0];
  };

  function value(path: (string | number)[]): unknown {
    skipSpace();
    const start = offset;
    let result: unknown;
    const character = text[offset];
    if (character === '{') result = object(path);
    else if (character === '[') result = array(path);
    else if (character === '"') result = JSON.parse(match(STRING));
    else if (character === '-' || (character >= '0' && character <= '9')) {
      result = Number(match(NUMBER));
    } else {
      const literal = Object.keys(LITERALS).find((word) => text.startsWith(word, offset));
      if (!literal) return fail();
      offset += literal.length;
      result = LITERALS[literal as keyof typeof LITERALS];
    }
    spans.set(pathKey(path), { start, end: offset });
    return result;
  }

  function object(path: (string | number)[]): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    offset += 1;
    skipSpace();
    if (text[offset] === '}') {
      offset += 1;
      return result;
    }
    for (;;) {
      skipSpace();
      if (text[offset] !== '"') fail();
      const key = JSON.parse(match(STRING)) as string;
      expect(':');
      // As JSON.parse: "__proto__" is a key like any other, not the object's prototype.
      Object.defineProperty(result, key, {
        value: value([...path, key]),
        enumerable: true,
        writable: true,
        configurable: true,
      });
      skipSpace();
      if (text[offset] === '}') {
        offset += 1;
        return result;
      }
      expect(',');
    }
  }

  function array(path: (string | number)[]): unknown[] {
    const result: unknown[] = [];
    offset += 1;
    skipSpace();
    if (text[offset] === ']') {
      offset += 1;
      return result;
    }
    for (;;) {
      result.push(value([...path, result.length]));
      skipSpace();
      if (text[offset] === ']') {
        offset += 1;
        return result;
      }
      expect(',');
    }
  }

  const parsed = value([]);
  skipSpace();
  if (offset < text.length) fail();
  return { value: parsed, spans };
}

/** The span of the deepest value on `path` that the text has (the whole text at worst). */
export function spanOf(parsed: ParsedJson, path: JsonPath): Span {
  for (let length = path.length; length >= 0; length -= 1) {
    const span = parsed.spans.get(pathKey(path.slice(0, length)));
    if (span) return span;
  }
  return { start: 0, end: 0 };
}
