import Ajv, { AnySchema } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Json = Record<string, unknown>;

interface Example {
  /** JSON pointer of the example in openapi.json. */
  at: string;
  schema: Json;
  value: unknown;
}

const DOCUMENT_ID = 'openapi.json';
const document = JSON.parse(
  readFileSync(join(__dirname, '..', '..', DOCUMENT_ID), 'utf8'),
) as Json & {
  paths: Record<string, Record<string, Json>>;
  components: { schemas: Record<string, Json> };
};

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every `example` of a schema and of the schemas nested in it. */
function schemaExamples(schema: unknown, at: string): Example[] {
  if (!isObject(schema)) return [];
  const found: Example[] =
    'example' in schema ? [{ at: `${at}/example`, schema, value: schema.example }] : [];
  const nested: [string, unknown][] = [
    ...Object.entries(isObject(schema.properties) ? schema.properties : {}).map(
      ([name, property]): [string, unknown] => [`properties/${name}`, property],
    ),
    ['items', schema.items],
    ['additionalProperties', schema.additionalProperties],
    ...(['allOf', 'oneOf', 'anyOf'] as const).flatMap((key) =>
      Array.isArray(schema[key])
        ? (schema[key] as unknown[]).map((part, index): [string, unknown] => [
            `${key}/${index}`,
            part,
          ])
        : [],
    ),
  ];
  return [...found, ...nested.flatMap(([path, part]) => schemaExamples(part, `${at}/${path}`))];
}

/** The examples of a parameter, header or media type: its own, and its schema's. */
function carrierExamples(carrier: unknown, at: string): Example[] {
  if (!isObject(carrier) || !isObject(carrier.schema)) return [];
  const schema = carrier.schema;
  const own: Example[] =
    'example' in carrier ? [{ at: `${at}/example`, schema, value: carrier.example }] : [];
  const named = Object.entries(isObject(carrier.examples) ? carrier.examples : {}).map(
    ([name, example]) => ({
      at: `${at}/examples/${name}`,
      schema,
      value: isObject(example) ? example.value : undefined,
    }),
  );
  return [...own, ...named, ...schemaExamples(schema, `${at}/schema`)];
}

const escape = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

function documentExamples(): Example[] {
  const components = Object.entries(document.components.schemas).flatMap(([name, schema]) =>
    schemaExamples(schema, `#/components/schemas/${name}`),
  );
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).flatMap(([method, operation]) => {
      const at = `#/paths/${escape(path)}/${method}`;
      const parameters = (Array.isArray(operation.parameters) ? operation.parameters : []).flatMap(
        (parameter: unknown, index: number) =>
          carrierExamples(parameter, `${at}/parameters/${index}`),
      );
      const requestBody = isObject(operation.requestBody) ? operation.requestBody : {};
      const requests = Object.entries(
        isObject(requestBody.content) ? requestBody.content : {},
      ).flatMap(([type, media]) =>
        carrierExamples(media, `${at}/requestBody/content/${escape(type)}`),
      );
      const responses = Object.entries(
        isObject(operation.responses) ? operation.responses : {},
      ).flatMap(([status, response]) => {
        if (!isObject(response)) return [];
        const bodies = Object.entries(isObject(response.content) ? response.content : {}).flatMap(
          ([type, media]) =>
            carrierExamples(media, `${at}/responses/${status}/content/${escape(type)}`),
        );
        const headers = Object.entries(isObject(response.headers) ? response.headers : {}).flatMap(
          ([name, header]) => carrierExamples(header, `${at}/responses/${status}/headers/${name}`),
        );
        return [...bodies, ...headers];
      });
      return [...parameters, ...requests, ...responses];
    }),
  );
  return [...components, ...operations];
}

/** References point into the document, which Ajv knows under its own id. */
function pointingIntoDocument(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(pointingIntoDocument);
  if (!isObject(schema)) return schema;
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([key]) => key !== 'example')
      .map(([key, value]) => [
        key,
        key === '$ref' && typeof value === 'string'
          ? `${DOCUMENT_ID}${value}`
          : pointingIntoDocument(value),
      ]),
  );
}

function openApiValidator(): Ajv {
  // OpenAPI 3.0 schemas: `nullable` is a keyword, `example` and the binary formats are annotations.
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv
    .addFormat('binary', true)
    .addFormat('byte', true)
    .addFormat('int32', true)
    .addFormat('int64', true);
  ajv.addSchema(
    pointingIntoDocument({ components: document.components }) as AnySchema,
    DOCUMENT_ID,
  );
  return ajv;
}

describe('the examples of the committed openapi.json', () => {
  const examples = documentExamples();
  const ajv = openApiValidator();

  it('finds the examples of schemas, properties, parameters and media types', () => {
    const places = new Set(examples.map(({ at }) => at.split('/')[1]));
    expect(places).toEqual(new Set(['components', 'paths']));
    expect(examples.some(({ at }) => at.includes('/parameters/'))).toBe(true);
    expect(examples.some(({ at }) => at.includes('/content/'))).toBe(true);
  });

  it('are each valid against the schema they illustrate', () => {
    const invalid = examples.flatMap(({ at, schema, value }) => {
      const validate = ajv.compile(pointingIntoDocument(schema) as AnySchema);
      return validate(value) ? [] : [`${at}: ${ajv.errorsText(validate.errors)}`];
    });
    expect(invalid).toEqual([]);
  });
});
