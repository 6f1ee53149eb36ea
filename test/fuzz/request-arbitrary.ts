import fc from 'fast-check';
import { deeplyNested, hostileString, holdsUnacceptableText } from './hostile';
import { invalidValue } from './invalid-value';
import { OpenApiDocument, Operation, Schema } from '../support/openapi-document';
import { RawRequest } from './raw-http';
import { validValue } from './schema-arbitrary';

const ROLES = ['anonymous', 'enterprise', 'integrator', 'officer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** What the fuzzer needs of a seeded park: credentials per role and real ids for path templates. */
export interface FuzzFixture {
  headersOf(role: Role): Record<string, string>;
  /** Values for the path parameters of a template that name existing resources. */
  pathParams(template: string): Record<string, string>;
}

export interface FuzzCase {
  role: Role;
  request: RawRequest;
  /** How the request was made, for the failure message. */
  how: string;
  /** The request is certainly invalid: anything but a 4xx is silent acceptance. */
  mustRefuse: boolean;
}

/** Path segments and query values as they go on the wire, including bytes that are not UTF-8. */
const HOSTILE_ENCODED = [
  '%00',
  'a%00b',
  '%ED%A0%80',
  '%FF',
  '%C0%AF',
  '%2e%2e%2f%2e%2e',
  '%',
  '-1',
  '0x10',
  '1e3',
  '99999999999999999999',
  '00000000-0000-0000-0000-000000000000',
  'x'.repeat(300),
];

/** Encoded bytes that are NUL or not UTF-8: no route may take them. */
const UNACCEPTABLE_ENCODED = /%00|%ED%[AB]|%FF|%C0/i;

/** Query values a parameter's schema certainly refuses. */
function invalidQueryValues(schema: Schema): string[] {
  if (schema.enum) return ['NOT_IN_ENUM'];
  switch (schema.type) {
    case 'integer':
      return [
        'abc',
        '0x10',
        '1.5',
        '1e2',
        ...(schema.minimum !== undefined ? [String(schema.minimum - 1)] : []),
        ...(schema.maximum !== undefined ? [String(schema.maximum + 1)] : []),
      ];
    case 'number':
      return ['abc', 'NaN'];
    case 'boolean':
      return ['maybe', '2'];
    case 'string':
      if (schema.format === 'uuid') return ['not-a-uuid', '00000000-0000-0000-0000-00000000000g'];
      if (schema.format === 'date') return ['2026-02-31', 'notadate', '2026-1-1'];
      if (schema.format === 'date-time')
        return ['2026-02-31T00:00:00Z', 'notadate', '2026-13-01T25:61:00Z'];
      return [];
    default:
      return [];
  }
}

/** Percent-encodes text as UTF-8; lone surrogates go out as the bytes a careless client sends. */
function encode(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff) {
      out += `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`;
    } else
      out += encodeURIComponent(char).replace(
        /[!'()*]/g,
        (c) => `%${c.charCodeAt(0).toString(16)}`,
      );
  }
  return out;
}

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

function multipart(fields: Record<string, string>, file?: { name: string; content: Buffer }) {
  const boundary = `----parkline-fuzz-${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      ),
    );
  if (file)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { contentType: `multipart/form-data; boundary=${boundary}`, body: Buffer.concat(parts) };
}

interface Parts {
  path: Record<string, string>;
  query: [string, string][];
  headers: Record<string, string>;
  body?: Buffer;
  contentType?: string;
  how: string[];
  mustRefuse: boolean;
}

function toRequest(operation: Operation, parts: Parts): RawRequest {
  let path = operation.path.replace(
    /\{(\w+)\}/g,
    (_, name: string) => parts.path[name] ?? 'missing',
  );
  if (parts.query.length > 0) path += `?${parts.query.map(([k, v]) => `${k}=${v}`).join('&')}`;
  return {
    method: operation.method,
    path,
    headers: {
      ...parts.headers,
      ...(parts.contentType ? { 'content-type': parts.contentType } : {}),
    },
    body: parts.body,
  };
}

/** Builds requests for one operation: valid ones per its schema and broken ones of every kind. */
export class RequestArbitraries {
  constructor(
    private readonly document: OpenApiDocument,
    private readonly fixture: FuzzFixture,
  ) {}

  cases(operation: Operation): fc.Arbitrary<FuzzCase> {
    const start = fc.record({ role: fc.constantFrom(...ROLES), parts: this.validParts(operation) });
    const breakers = [
      this.brokenPath(operation),
      this.brokenQuery(operation),
      this.brokenHeaders(),
      ...(operation.body ? [this.brokenBody(operation)] : [this.unexpectedBody()]),
    ].filter((breaker): breaker is fc.Arbitrary<(parts: Parts) => Parts> => breaker !== undefined);
    return fc
      .tuple(
        start,
        fc.oneof({ arbitrary: fc.constant((parts: Parts) => parts), weight: 1 }, ...breakers),
      )
      .map(([{ role, parts }, breaker]) => {
        const broken = breaker(parts);
        return {
          role,
          request: toRequest(operation, {
            ...broken,
            headers: { ...this.fixture.headersOf(role), ...broken.headers },
          }),
          how: broken.how.join('; ') || 'valid',
          mustRefuse: broken.mustRefuse,
        };
      });
  }

  private validParts(operation: Operation): fc.Arbitrary<Parts> {
    const real = operation.parameters.some((p) => p.in === 'path')
      ? this.fixture.pathParams(operation.path)
      : {};
    const query = operation.parameters.filter((p) => p.in === 'query');
    return fc
      .record({
        query: fc.tuple(
          ...query.map((parameter) => {
            const pair = validValue(this.document, parameter.schema).map(
              (value) => [parameter.name, encode(String(value))] as [string, string],
            );
            return parameter.required ? pair : fc.option(pair, { freq: 2 });
          }),
        ),
        body: this.validBody(operation),
      })
      .map(({ query: values, body }) => ({
        path: Object.fromEntries(Object.entries(real).map(([k, v]) => [k, encode(v)])),
        query: values.filter((pair): pair is [string, string] => pair !== null),
        headers: {},
        ...body,
        how: [],
        mustRefuse: false,
      }));
  }

  private validBody(operation: Operation): fc.Arbitrary<{ body?: Buffer; contentType?: string }> {
    if (!operation.body) return fc.constant({});
    const json = operation.body['application/json'];
    const arbitraries: fc.Arbitrary<{ body?: Buffer; contentType?: string }>[] = [];
    if (json)
      arbitraries.push(
        validValue(this.document, json).map((value) => ({
          body: Buffer.from(JSON.stringify(value)),
          contentType: 'application/json',
        })),
      );
    if (operation.body['multipart/form-data'])
      arbitraries.push(
        fc
          .constantFrom('business_licence', 'gmp_certificate', 'article_description')
          .map((materialType) => {
            const { contentType, body } = multipart(
              { materialType },
              { name: 'licence.pdf', content: PDF },
            );
            return { body, contentType };
          }),
      );
    return fc.oneof(...arbitraries);
  }

  private brokenPath(operation: Operation): fc.Arbitrary<(parts: Parts) => Parts> | undefined {
    const names = operation.parameters.filter((p) => p.in === 'path').map((p) => p.name);
    if (names.length === 0) return undefined;
    return fc
      .tuple(
        fc.constantFrom(...names),
        fc.oneof(fc.constantFrom(...HOSTILE_ENCODED), hostileString.map(encode), fc.uuid()),
      )
      .map(([name, value]) => (parts: Parts) => ({
        ...parts,
        path: { ...parts.path, [name]: value },
        how: [...parts.how, `path ${name}=${value.slice(0, 40)}`],
        // None of these names a resource (an empty segment may name another route).
        mustRefuse: parts.mustRefuse || value !== '',
      }));
  }

  private brokenQuery(operation: Operation): fc.Arbitrary<(parts: Parts) => Parts> {
    const known = operation.parameters.filter((p) => p.in === 'query');
    const invalid = known.flatMap((parameter) =>
      invalidQueryValues(this.document.resolve(parameter.schema)).map(
        (value) => [parameter.name, value] as const,
      ),
    );
    const setQuery =
      (name: string, value: string, how: string, mustRefuse: boolean) => (parts: Parts) => ({
        ...parts,
        query: [...parts.query.filter(([k]) => k !== name), [name, value] as [string, string]],
        how: [...parts.how, how],
        mustRefuse: parts.mustRefuse || mustRefuse,
      });
    return fc.oneof(
      fc
        .tuple(
          fc.constantFrom(...known.map((p) => p.name), 'unknownParameter'),
          fc.oneof(fc.constantFrom(...HOSTILE_ENCODED), hostileString.map(encode)),
        )
        .map(([name, value]) =>
          setQuery(
            name,
            value,
            `query ${name}=${value.slice(0, 40)}`,
            UNACCEPTABLE_ENCODED.test(value),
          ),
        ),
      ...(known.length > 0
        ? [
            fc.constantFrom(...known.map((p) => p.name)).map((name) => (parts: Parts) => ({
              ...parts,
              query: [...parts.query.filter(([k]) => k !== name), [name, '1'], [name, '2']] as [
                string,
                string,
              ][],
              how: [...parts.how, `query ${name} repeated`],
              mustRefuse: true,
            })),
          ]
        : []),
      ...(invalid.length > 0
        ? [
            fc
              .constantFrom(...invalid)
              .map(([name, value]) =>
                setQuery(name, encode(value), `query ${name}=${value} is invalid`, true),
              ),
          ]
        : []),
    );
  }

  private brokenHeaders(): fc.Arbitrary<(parts: Parts) => Parts> {
    return fc
      .tuple(
        fc.constantFrom(
          'if-match',
          'idempotency-key',
          'x-request-id',
          'authorization',
          'x-api-key',
          'content-type',
        ),
        fc.constantFrom(
          '"abc"',
          'W/"-1"',
          '*',
          '',
          ' ',
          'x'.repeat(5000),
          'Bearer',
          'Bearer e30.e30.',
          'Basic Og==',
          '../',
          '\u00ff\u00fe',
        ),
      )
      .map(([name, value]) => (parts: Parts) => ({
        ...parts,
        headers: { ...parts.headers, [name]: value },
        ...(name === 'content-type' ? { contentType: value } : {}),
        how: [...parts.how, `header ${name}: ${value.slice(0, 20)}`],
      }));
  }

  private needsProperties(json: Schema | undefined): boolean {
    return json !== undefined && (this.document.resolve(json).required ?? []).length > 0;
  }

  private unexpectedBody(): fc.Arbitrary<(parts: Parts) => Parts> {
    return fc
      .constantFrom('{"unexpected":true}', '[1,2,3]', '"text"')
      .map((text) => (parts: Parts) => ({
        ...parts,
        body: Buffer.from(text),
        contentType: 'application/json',
        how: [...parts.how, `body ${text} on a route that takes none`],
        mustRefuse: true,
      }));
  }

  private brokenBody(operation: Operation): fc.Arbitrary<(parts: Parts) => Parts> {
    const json = operation.body?.['application/json'];
    const setBody =
      (body: Buffer, contentType: string | undefined, how: string, mustRefuse: boolean) =>
      (parts: Parts) => ({
        ...parts,
        body,
        contentType,
        how: [...parts.how, how],
        mustRefuse: parts.mustRefuse || mustRefuse,
      });
    const transport = fc.oneof(
      fc.constantFrom(
        setBody(
          Buffer.from(deeplyNested(5000, 'array')),
          'application/json',
          'arrays nested 5000 deep',
          true,
        ),
        setBody(
          Buffer.from(deeplyNested(5000, 'object')),
          'application/json',
          'objects nested 5000 deep',
          true,
        ),
        setBody(Buffer.from('{"a":'), 'application/json', 'truncated JSON', true),
        setBody(
          Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]),
          'application/json',
          'JSON that is not UTF-8',
          true,
        ),
        // No body is fine where every property is optional (a draft copied from the current version).
        setBody(Buffer.from(''), 'application/json', 'empty JSON body', this.needsProperties(json)),
        setBody(
          Buffer.from('a=1&b=2'),
          'application/x-www-form-urlencoded',
          'form-encoded body',
          true,
        ),
        setBody(Buffer.from('{"a":1}'), 'text/plain', 'JSON sent as text/plain', true),
        setBody(Buffer.from('<a/>'), 'application/xml', 'XML body', true),
        setBody(Buffer.from('{"a":1}'), undefined, 'body without a content type', true),
        setBody(
          Buffer.from('--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n'),
          'multipart/form-data',
          'multipart without a boundary',
          true,
        ),
        setBody(
          Buffer.from(
            '--b\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF',
          ),
          'multipart/form-data; boundary=b',
          'multipart cut off',
          true,
        ),
        setBody(
          Buffer.from('garbage'),
          'multipart/form-data; boundary=b',
          'multipart garbage',
          true,
        ),
      ),
    );
    const multipartBreakers = operation.body?.['multipart/form-data']
      ? [
          fc
            .constantFrom(
              'a\u0000b.pdf',
              '\ud800.pdf',
              '../../../etc/passwd',
              'x'.repeat(1000) + '.pdf',
              '',
            )
            .map((name) => {
              const { contentType, body } = multipart(
                { materialType: 'business_licence' },
                { name, content: PDF },
              );
              return setBody(
                body,
                contentType,
                `file named ${JSON.stringify(name).slice(0, 30)}`,
                // A lone surrogate goes out as U+FFFD, which is fine text: only NUL is refused.
                name.includes('\u0000'),
              );
            }),
          fc.constantFrom('a\u0000b', '\udfff').map((value) => {
            const { contentType, body } = multipart(
              { materialType: value },
              { name: 'a.pdf', content: PDF },
            );
            return setBody(body, contentType, `field ${JSON.stringify(value)}`, true);
          }),
        ]
      : [];
    if (!json) return fc.oneof(transport, ...multipartBreakers);
    const schemaBroken = validValue(this.document, json).chain((valid) => {
      const broken = invalidValue(this.document, json, valid);
      const hostile = fc.constantFrom(...[valid]).chain((v) =>
        fc.constantFrom('\u0000', 'x\ud800y').map((text) => ({
          value: injectText(v, text),
          how: `text ${JSON.stringify(text)} in a string`,
        })),
      );
      return broken ? fc.oneof(broken, hostile) : hostile;
    });
    return fc.oneof(
      transport,
      ...multipartBreakers,
      schemaBroken.map(({ value, how }) =>
        setBody(
          Buffer.from(JSON.stringify(value)),
          'application/json',
          how,
          how.startsWith('text') ? holdsUnacceptableText(value) : true,
        ),
      ),
    );
  }
}

/** Puts hostile text into the first string of a value (or makes the value that text). */
function injectText(value: unknown, text: string): unknown {
  if (typeof value === 'string') return value + text;
  if (Array.isArray(value))
    return value.length > 0 ? [injectText(value[0], text), ...value.slice(1)] : [text];
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    const index = entries.findIndex(
      ([, item]) => typeof item === 'string' || (item && typeof item === 'object'),
    );
    if (index >= 0) {
      entries[index] = [entries[index][0], injectText(entries[index][1], text)];
      return Object.fromEntries(entries);
    }
    return { ...value, [text]: 1 };
  }
  return text;
}
