import fc from 'fast-check';
import { hostileValue, REMOVE, replaceAt } from './hostile';
import { OpenApiDocument, Schema } from '../support/openapi-document';

/** A place inside a valid value where the schema is known, so breaking it is certainly invalid. */
interface Site {
  path: (string | number)[];
  schema: Schema;
  value: unknown;
}

function sitesOf(
  document: OpenApiDocument,
  raw: Schema,
  value: unknown,
  path: (string | number)[] = [],
): Site[] {
  const schema = document.resolve(raw);
  const here: Site = { path, schema, value };
  if (schema.oneOf || schema.anyOf) return [];
  if (schema.type === 'array' && Array.isArray(value) && schema.items)
    return [
      here,
      ...value.flatMap((item, i) => sitesOf(document, schema.items!, item, [...path, i])),
    ];
  if (schema.properties && value && typeof value === 'object' && !Array.isArray(value))
    return [
      here,
      ...Object.entries(value).flatMap(([key, item]) =>
        schema.properties![key]
          ? sitesOf(document, schema.properties![key], item, [...path, key])
          : [],
      ),
    ];
  return [here];
}

function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** Whether a value of this JSON type can never satisfy the schema. */
function wrongType(schema: Schema, value: unknown): boolean {
  const type = jsonTypeOf(value);
  if (type === 'null') return !schema.nullable;
  if (!schema.type) return false;
  if (schema.type === 'number') return type !== 'number' && type !== 'integer';
  return schema.type !== type;
}

export interface BrokenValue {
  value: unknown;
  how: string;
}

/**
 * Values that break the schema for certain: a required property removed, an unknown property
 * added to a closed object, a value of the wrong type, a number or string past its bounds.
 */
export function invalidValue(
  document: OpenApiDocument,
  schema: Schema,
  valid: unknown,
): fc.Arbitrary<BrokenValue> | undefined {
  const options: fc.Arbitrary<BrokenValue>[] = [];
  for (const site of sitesOf(document, schema, valid)) {
    const at = site.path.join('.') || '(body)';
    const { schema: s, value } = site;
    if (s.properties && value && typeof value === 'object' && !Array.isArray(value)) {
      for (const name of s.required ?? [])
        if (name in value)
          options.push(
            fc.constant({
              value: replaceAt(valid, [...site.path, name], REMOVE),
              how: `without required ${at}.${name}`,
            }),
          );
      if (!s.additionalProperties)
        options.push(
          fc.constant({
            value: replaceAt(valid, [...site.path, 'unexpectedField'], 1),
            how: `unknown property in ${at}`,
          }),
        );
    }
    options.push(
      hostileValue
        .filter((bad) => wrongType(s, bad))
        .map((bad) => ({ value: replaceAt(valid, site.path, bad), how: `wrong type at ${at}` })),
    );
    if (s.enum && s.type === 'string')
      options.push(
        fc.constant({
          value: replaceAt(valid, site.path, 'NOT_IN_ENUM'),
          how: `unknown value at ${at}`,
        }),
      );
    if (s.type === 'integer' || s.type === 'number') {
      if (s.minimum !== undefined)
        options.push(
          fc.constant({
            value: replaceAt(valid, site.path, s.minimum - 1),
            how: `below minimum at ${at}`,
          }),
        );
      if (s.maximum !== undefined)
        options.push(
          fc.constant({
            value: replaceAt(valid, site.path, s.maximum + 1),
            how: `above maximum at ${at}`,
          }),
        );
    }
    if (s.type === 'string' && s.maxLength !== undefined)
      options.push(
        fc.constant({
          value: replaceAt(valid, site.path, 'x'.repeat(s.maxLength + 1)),
          how: `too long at ${at}`,
        }),
      );
  }
  return options.length > 0 ? fc.oneof(...options) : undefined;
}
