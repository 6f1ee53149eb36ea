/**
 * A small JSON Schema evaluator for the keywords the catalogue uses (form fields and situation
 * rules). Ajv is not an option in the browser: it compiles schemas with `new Function`, which the
 * console's CSP (`script-src 'self'`, no 'unsafe-eval') refuses, and the schemas are data that
 * administrators publish, so they cannot be precompiled at build time. The server validates
 * with Ajv and stays the authority; this only lets the browser answer at once.
 */
export type JsonSchema = Record<string, unknown>;

/** What a value breaks: the keyword and the schema's value for it (e.g. `maxLength`, 100). */
export interface Violation {
  keyword: string;
  limit?: unknown;
  /** For `required`: the missing property. */
  property?: string;
}

/** A schema keyword this evaluator does not know: never guess a result for it. */
export class UnsupportedSchemaError extends Error {
  constructor(readonly keyword: string) {
    super(`JSON Schema keyword '${keyword}' is not supported in the browser`);
    this.name = 'UnsupportedSchemaError';
  }
}

const ANNOTATIONS = new Set([
  'title',
  'titleEn',
  'description',
  'examples',
  'default',
  '$comment',
  'enumTitles',
  'enumTitlesEn',
  'personal',
]);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function typeMatches(type: string, value: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'null':
      return value === null;
    default:
      throw new UnsupportedSchemaError(`type: ${type}`);
  }
}

/** Deep equality of JSON values, as `const`, `enum` and `uniqueItems` compare. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, index) => jsonEqual(item, b[index]));
  if (typeMatches('object', a) && typeMatches('object', b)) {
    const left = a as Record<string, Json>;
    const right = b as Record<string, Json>;
    const keys = Object.keys(left);
    return (
      keys.length === Object.keys(right).length &&
      keys.every((key) => key in right && jsonEqual(left[key], right[key]))
    );
  }
  return false;
}

/** Characters as JSON Schema counts them (code points, not UTF-16 units). */
const lengthOf = (text: string) => [...text].length;

/** ajv-formats' email (its default, full mode). */
const EMAIL =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** RFC 3339 full-date, as ajv-formats checks it. */
function isDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
  return month >= 1 && month <= 12 && day >= 1 && day <= days;
}

const FORMATS: Record<string, (text: string) => boolean> = {
  email: (text) => EMAIL.test(text),
  date: isDate,
};

/** Patterns compiled once; `u` as Ajv compiles them. */
const patterns = new Map<string, RegExp>();
function patternOf(source: string): RegExp {
  let pattern = patterns.get(source);
  if (!pattern) {
    pattern = new RegExp(source, 'u');
    patterns.set(source, pattern);
  }
  return pattern;
}

type Check = (limit: unknown, value: unknown, schema: JsonSchema) => Violation[] | boolean;

/** Each keyword: true when the value passes, false (or the nested violations) when it does not. */
const KEYWORDS: Record<string, Check> = {
  type: (type, value) =>
    (Array.isArray(type) ? type : [type]).some((each) => typeMatches(String(each), value)),
  enum: (allowed, value) => (allowed as unknown[]).some((each) => jsonEqual(each, value)),
  const: (expected, value) => jsonEqual(expected, value),

  minLength: (limit, value) => typeof value !== 'string' || lengthOf(value) >= Number(limit),
  maxLength: (limit, value) => typeof value !== 'string' || lengthOf(value) <= Number(limit),
  pattern: (source, value) => typeof value !== 'string' || patternOf(String(source)).test(value),
  format: (format, value) => {
    const check = FORMATS[String(format)];
    if (!check) throw new UnsupportedSchemaError(`format: ${String(format)}`);
    return typeof value !== 'string' || check(value);
  },

  minimum: (limit, value) => typeof value !== 'number' || value >= Number(limit),
  maximum: (limit, value) => typeof value !== 'number' || value <= Number(limit),
  exclusiveMinimum: (limit, value) => typeof value !== 'number' || value > Number(limit),
  exclusiveMaximum: (limit, value) => typeof value !== 'number' || value < Number(limit),

  minItems: (limit, value) => !Array.isArray(value) || value.length >= Number(limit),
  maxItems: (limit, value) => !Array.isArray(value) || value.length <= Number(limit),
  uniqueItems: (unique, value) =>
    !unique ||
    !Array.isArray(value) ||
    value.every((item, index) => value.findIndex((other) => jsonEqual(item, other)) === index),
  items: (items, value) =>
    !Array.isArray(value) || value.flatMap((item) => violationsOf(items as JsonSchema, item)),
  contains: (contained, value) =>
    !Array.isArray(value) || value.some((item) => matchesSchema(contained as JsonSchema, item)),

  required: (names, value) =>
    !typeMatches('object', value) ||
    (names as string[])
      .filter((name) => !Object.hasOwn(value as object, name))
      .map((property) => ({ keyword: 'required', property })),
  properties: (properties, value) =>
    !typeMatches('object', value) ||
    Object.entries(properties as Record<string, JsonSchema>).flatMap(([name, schema]) =>
      Object.hasOwn(value as object, name)
        ? violationsOf(schema, (value as Record<string, unknown>)[name]).map((violation) => ({
            ...violation,
            property: violation.property ?? name,
          }))
        : [],
    ),
  additionalProperties: (allowed, value, schema) => {
    if (allowed === true || allowed === undefined || !typeMatches('object', value)) return true;
    const known = Object.keys((schema.properties as object | undefined) ?? {});
    const extra = Object.keys(value as object).filter((name) => !known.includes(name));
    if (allowed === false)
      return extra.map((property) => ({ keyword: 'additionalProperties', property }));
    return extra.flatMap((name) =>
      violationsOf(allowed as JsonSchema, (value as Record<string, unknown>)[name]),
    );
  },

  allOf: (schemas, value) =>
    (schemas as JsonSchema[]).flatMap((schema) => violationsOf(schema, value)),
  anyOf: (schemas, value) =>
    (schemas as JsonSchema[]).some((schema) => matchesSchema(schema, value)),
  oneOf: (schemas, value) =>
    (schemas as JsonSchema[]).filter((schema) => matchesSchema(schema, value)).length === 1,
  not: (schema, value) => !matchesSchema(schema as JsonSchema, value),
};

/**
 * Every keyword the value breaks, in the schema's order; empty when it matches. Throws
 * UnsupportedSchemaError for a keyword outside the supported subset.
 */
export function violationsOf(schema: JsonSchema, value: unknown): Violation[] {
  const found: Violation[] = [];
  for (const [keyword, limit] of Object.entries(schema)) {
    if (ANNOTATIONS.has(keyword)) continue;
    const check = KEYWORDS[keyword];
    if (!check) throw new UnsupportedSchemaError(keyword);
    const result = check(limit, value, schema);
    if (result === false) found.push({ keyword, limit });
    else if (Array.isArray(result)) found.push(...result);
  }
  return found;
}

export function matchesSchema(schema: JsonSchema, value: unknown): boolean {
  return violationsOf(schema, value).length === 0;
}
