import fc from 'fast-check';
import { OpenApiDocument, Schema } from '../support/openapi-document';

const MAX_DEPTH = 4;

/** Calendar dates that exist, as `YYYY-MM-DD`, around the years the platform serves. */
const calendarDate = fc
  .date({
    min: new Date('2004-01-01T00:00:00Z'),
    max: new Date('2030-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((date) => date.toISOString().slice(0, 10));

const dateTime = fc
  .date({
    min: new Date('2004-01-01T00:00:00Z'),
    max: new Date('2030-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((date) => date.toISOString());

function stringOf(schema: Schema): fc.Arbitrary<string> {
  switch (schema.format) {
    case 'uuid':
      return fc.uuid();
    case 'date':
      return calendarDate;
    case 'date-time':
      return dateTime;
    case 'email':
      return fc.emailAddress();
    case 'uri':
    case 'url':
      return fc.webUrl();
    default:
      return fc.string({
        minLength: schema.minLength ?? 0,
        maxLength: Math.min(schema.maxLength ?? 40, 200),
        unit: 'grapheme',
      });
  }
}

/**
 * Values that satisfy a schema of the document, mixed with its own examples so that requests
 * also reach the code behind the validation (a real service code, a real material type).
 */
export function validValue(
  document: OpenApiDocument,
  raw: Schema,
  depth = 0,
): fc.Arbitrary<unknown> {
  const schema = document.resolve(raw);
  const own = ownValue(document, schema, depth);
  const examples = [
    ...(schema.example !== undefined ? [schema.example] : []),
    ...(schema.examples ?? []),
  ];
  const withExamples =
    examples.length > 0
      ? fc.oneof({ arbitrary: fc.constantFrom(...examples), weight: 2 }, own)
      : own;
  return schema.nullable ? fc.option(withExamples, { nil: null, freq: 6 }) : withExamples;
}

function ownValue(document: OpenApiDocument, schema: Schema, depth: number): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const variants = schema.oneOf ?? schema.anyOf;
  if (variants) return fc.oneof(...variants.map((variant) => validValue(document, variant, depth)));
  switch (schema.type) {
    case 'string':
      return stringOf(schema);
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1_000_000, max: schema.maximum ?? 1_000_000 });
    case 'number':
      return fc.double({
        min: schema.minimum ?? -1e9,
        max: schema.maximum ?? 1e9,
        noNaN: true,
        noDefaultInfinity: true,
      });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(
        schema.items ? validValue(document, schema.items, depth + 1) : fc.jsonValue(),
        {
          minLength: schema.minItems ?? 0,
          maxLength: Math.min(schema.maxItems ?? 3, 3),
        },
      );
    default:
      if (schema.type === 'object' || schema.properties) return objectOf(document, schema, depth);
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function objectOf(document: OpenApiDocument, schema: Schema, depth: number): fc.Arbitrary<unknown> {
  const properties = Object.entries(schema.properties ?? {}).filter(
    ([, property]) => !document.resolve(property).readOnly,
  );
  const required = new Set(schema.required ?? []);
  if (depth >= MAX_DEPTH) {
    // Deep enough: the required properties with their examples or simplest values.
    return fc.record(
      Object.fromEntries(
        properties
          .filter(([name]) => required.has(name))
          .map(([name, property]) => [name, validValue(document, property, MAX_DEPTH + 1)]),
      ),
    );
  }
  const record = fc.record(
    Object.fromEntries(
      properties.map(([name, property]) => [name, validValue(document, property, depth + 1)]),
    ),
    { requiredKeys: properties.map(([name]) => name).filter((name) => required.has(name)) },
  );
  const extra = schema.additionalProperties;
  if (extra && typeof extra === 'object') {
    return fc
      .tuple(
        record,
        fc.dictionary(
          fc.string({ minLength: 1, maxLength: 12 }),
          validValue(document, extra, depth + 1),
          { maxKeys: 3 },
        ),
      )
      .map(([known, more]) => ({ ...more, ...known }));
  }
  return record;
}
