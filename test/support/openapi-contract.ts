import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { OpenApiDocument, Operation, Parameter, Response, Schema } from './openapi-document';

/** One request and its answer, as they went over the wire. */
export interface Exchange {
  method: string;
  /** Path and query string as sent, percent-encoded. */
  url: string;
  /** Header names in lower case. */
  requestHeaders: Record<string, unknown>;
  /** The JSON body as sent, when it was JSON. */
  requestBody?: unknown;
  status: number;
  /** Header names in lower case. */
  responseHeaders: Record<string, unknown>;
  /** Undefined when the client did not read it (a stream it was not asked to buffer). */
  responseBody?: Buffer | string;
}

/**
 * Outside the contract: the Swagger UI and its JSON (`/docs`), the queue dashboard (a Bull
 * Board app with its own routes) and the console's static files. Everything under the API
 * prefix, and the probes and metrics the document lists, is inside it.
 */
const API_PREFIX = '/api/';

type Direction = 'request' | 'response';

const DEFINITIONS: Record<Direction, string> = {
  request: 'openapi-request',
  response: 'openapi-response',
};

interface Route {
  operation: Operation;
  pattern: RegExp;
  /** Per segment: 0 literal, 1 template; Fastify prefers literals, so lower sorts first. */
  rank: number[];
}

/**
 * Checks exchanges against the committed openapi.json. The answer must be one the document
 * describes for that operation: status, media type and body. The request is checked only when
 * the answer is a success, since requests refused with 4xx are meant to be invalid, while a
 * success for a request the document calls invalid is the drift to catch.
 *
 * Objects that the document describes property by property are taken as closed: a property
 * the code sends that the document does not name is drift too (or a leak), and a writeOnly
 * property must not come back, nor a readOnly one be sent.
 */
export class OpenApiContract {
  private readonly routes: Route[];
  private readonly ajv: Ajv;
  /** Parameters arrive as strings: coerced to the documented type before they are checked. */
  private readonly parameterAjv: Ajv;
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(private readonly document: OpenApiDocument) {
    this.routes = document.operations
      .map((operation) => {
        const segments = operation.path.split('/');
        return {
          operation,
          pattern: new RegExp(
            `^${segments.map((segment) => (/^\{\w+\}$/.test(segment) ? '([^/]+)' : escapeRegExp(segment))).join('/')}$`,
          ),
          rank: segments.map((segment) => (segment.startsWith('{') ? 1 : 0)),
        };
      })
      .sort((a, b) => compareRanks(a.rank, b.rank));
    this.ajv = newAjv({ coerceTypes: false });
    this.parameterAjv = newAjv({ coerceTypes: true });
    for (const ajv of [this.ajv, this.parameterAjv])
      for (const direction of ['request', 'response'] as const)
        ajv.addSchema(
          {
            $id: DEFINITIONS[direction],
            definitions: Object.fromEntries(
              Object.entries(document.schemas).map(([name, schema]) => [
                name,
                toJsonSchema(schema, direction),
              ]),
            ),
          },
          DEFINITIONS[direction],
        );
  }

  static load(): OpenApiContract {
    return new OpenApiContract(OpenApiDocument.load());
  }

  /** What in the exchange the document does not describe; empty when it conforms. */
  violations(exchange: Exchange): string[] {
    const [rawPath, rawQuery = ''] = exchange.url.split('?', 2);
    const method = exchange.method.toUpperCase();
    const matches = this.routes.filter((route) => route.pattern.test(rawPath));
    const route = matches.find((candidate) => candidate.operation.method === method);
    if (!route) {
      const inside = rawPath.startsWith(API_PREFIX) || matches.length > 0;
      // No such route: the server said so, which no operation needs to document.
      if (!inside || exchange.status === 404 || exchange.status === 405) return [];
      return [
        `${method} ${rawPath} answered ${exchange.status}, but openapi.json has no such operation`,
      ];
    }
    const { operation } = route;
    const label = `${operation.method} ${operation.path} (${operation.operationId}) answered ${exchange.status}`;
    const found = [
      ...this.responseViolations(operation, exchange),
      ...(exchange.status >= 200 && exchange.status < 300
        ? this.requestViolations(operation, route.pattern.exec(rawPath) ?? [], rawQuery, exchange)
        : []),
    ];
    return found.map((violation) => `${label}: ${violation}`);
  }

  private responseViolations(operation: Operation, exchange: Exchange): string[] {
    const status = String(exchange.status);
    const response: Response | undefined =
      operation.responses[status] ??
      operation.responses[`${status[0]}XX`] ??
      operation.responses.default;
    if (!response)
      return [
        `status ${status} is not documented (documented: ${Object.keys(operation.responses).join(', ')})`,
      ];
    if (!hasBody(exchange)) return [];
    const mediaType = mediaTypeOf(exchange.responseHeaders['content-type']);
    const content = response.content ?? {};
    const documented = content[mediaType ?? ''];
    if (!documented)
      return [
        `a body of type ${mediaType ?? '(none)'} is not documented (documented: ${Object.keys(content).join(', ') || 'no body'})`,
      ];
    const body = exchange.responseBody;
    if (!documented.schema || !isJson(mediaType) || body === undefined) return [];
    let value: unknown;
    try {
      value = JSON.parse(body.toString());
    } catch {
      return [`the ${mediaType} body is not JSON: ${body.toString().slice(0, 100)}`];
    }
    const validate = this.validator(
      this.ajv,
      `${operation.operationId} ${status} ${mediaType}`,
      documented.schema,
      'response',
    );
    return validate(value) ? [] : describeErrors('body', validate.errors);
  }

  private requestViolations(
    operation: Operation,
    pathValues: string[],
    rawQuery: string,
    exchange: Exchange,
  ): string[] {
    const found: string[] = [];
    const pathParameters = [...operation.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
    // Unknown query parameters are not checked: the document does not close the list.
    const query = new URLSearchParams(rawQuery);
    for (const parameter of operation.parameters) {
      const value =
        parameter.in === 'path'
          ? decodePathValue(pathValues[pathParameters.indexOf(parameter.name) + 1])
          : parameter.in === 'query'
            ? (query.get(parameter.name) ?? undefined)
            : headerValue(exchange.requestHeaders[parameter.name.toLowerCase()]);
      found.push(...this.parameterViolations(operation, parameter, value));
    }
    const mediaType = mediaTypeOf(exchange.requestHeaders['content-type']);
    const json = isJson(mediaType);
    // Multipart bodies are streamed by the client and not seen here, only their media type.
    const sent = exchange.requestBody !== undefined || Boolean(mediaType?.startsWith('multipart/'));
    if (!sent) {
      if (operation.bodyRequired) found.push('the request body is required');
      return found;
    }
    if (!operation.body) {
      found.push('it takes no request body');
      return found;
    }
    const schema = operation.body[mediaType ?? ''];
    if (!schema) {
      found.push(
        `a request body of type ${mediaType ?? '(none)'} is not documented (documented: ${Object.keys(operation.body).join(', ')})`,
      );
      return found;
    }
    if (!json) return found;
    const validate = this.validator(
      this.ajv,
      `${operation.operationId} request ${mediaType}`,
      schema,
      'request',
    );
    if (!validate(exchange.requestBody))
      found.push(...describeErrors('request body', validate.errors));
    return found;
  }

  private parameterViolations(
    operation: Operation,
    parameter: Parameter,
    value: string | undefined,
  ): string[] {
    const where = `the ${parameter.in} parameter ${parameter.name}`;
    if (value === undefined) return parameter.required ? [`${where} is required`] : [];
    const validate = this.validator(
      this.parameterAjv,
      `${operation.operationId} ${parameter.in} ${parameter.name}`,
      parameter.schema,
      'request',
    );
    // Coercion writes into the holder, so the value is checked as a property of one.
    return validate({ value }) ? [] : describeErrors(where, validate.errors, '/value');
  }

  /** Compiled once per operation, status and media type (or parameter) for the process. */
  private validator(ajv: Ajv, key: string, schema: Schema, direction: Direction): ValidateFunction {
    const cacheKey = `${ajv === this.ajv ? 'body' : 'parameter'} ${key}`;
    let validate = this.validators.get(cacheKey);
    if (!validate) {
      const converted = toJsonSchema(schema, direction);
      validate = ajv.compile(
        ajv === this.ajv
          ? converted
          : { type: 'object', properties: { value: converted }, required: ['value'] },
      );
      this.validators.set(cacheKey, validate);
    }
    return validate;
  }
}

/** A body sent as JSON text, parsed; text that is not JSON stays as it is. */
export function jsonOrText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function newAjv(options: { coerceTypes: boolean }): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    // The schemas are generated; checking them against the meta-schema takes most of the
    // start-up and finds nothing that compiling them in strict mode would not.
    validateSchema: false,
    strict: true,
    strictTypes: false,
    allowUnionTypes: true,
    coerceTypes: options.coerceTypes,
  });
  addFormats(ajv);
  // The document's uploads; their bytes are not JSON and are not checked here.
  ajv.addFormat('binary', true);
  return ajv;
}

/** OpenAPI 3.0 schema → JSON Schema (draft-07) as Ajv reads it. */
function toJsonSchema(schema: Schema, direction: Direction): Record<string, unknown> {
  if (schema.$ref)
    return {
      $ref: `${DEFINITIONS[direction]}#/definitions/${schema.$ref.replace('#/components/schemas/', '')}`,
    };
  const {
    nullable,
    example: _example,
    examples: _examples,
    readOnly: _readOnly,
    writeOnly: _writeOnly,
    ...rest
  } = schema as Schema & { description?: string; default?: unknown };
  const converted: Record<string, unknown> = { ...rest };
  if (schema.items) converted.items = toJsonSchema(schema.items, direction);
  if (typeof schema.additionalProperties === 'object')
    converted.additionalProperties = toJsonSchema(schema.additionalProperties, direction);
  for (const key of ['allOf', 'oneOf', 'anyOf'] as const)
    if (schema[key]) converted[key] = schema[key].map((part) => toJsonSchema(part, direction));
  if (schema.properties) {
    // A writeOnly property never comes back; a readOnly one is never sent.
    const kept = Object.entries(schema.properties).filter(([, property]) =>
      direction === 'response' ? !property.writeOnly : !property.readOnly,
    );
    converted.properties = Object.fromEntries(
      kept.map(([name, property]) => [name, toJsonSchema(property, direction)]),
    );
    if (schema.required)
      converted.required = schema.required.filter((name) => kept.some(([kept]) => kept === name));
    if (
      schema.additionalProperties === undefined &&
      !schema.allOf &&
      !schema.oneOf &&
      !schema.anyOf
    )
      converted.additionalProperties = false;
  }
  return nullable ? { anyOf: [converted, { type: 'null' }] } : converted;
}

function describeErrors(
  where: string,
  errors: ErrorObject[] | null | undefined,
  prefix = '',
): string[] {
  return (errors ?? []).map((error) => {
    const field = error.instancePath.slice(prefix.length);
    const detail =
      error.keyword === 'additionalProperties'
        ? `has the undocumented property ${String(error.params.additionalProperty)}`
        : error.message;
    return `${where}${field ? ` at ${field}` : ''} ${detail}`;
  });
}

function hasBody(exchange: Exchange): boolean {
  const length = headerValue(exchange.responseHeaders['content-length']);
  if (length !== undefined) return Number(length) > 0;
  return (
    exchange.responseHeaders['content-type'] !== undefined ||
    (exchange.responseBody?.length ?? 0) > 0
  );
}

function mediaTypeOf(header: unknown): string | undefined {
  const value = headerValue(header);
  return value ? value.split(';')[0].trim().toLowerCase() : undefined;
}

function headerValue(header: unknown): string | undefined {
  if (header === undefined || header === null) return undefined;
  return Array.isArray(header) ? header.join(', ') : String(header);
}

function isJson(mediaType: string | undefined): boolean {
  return mediaType === 'application/json' || Boolean(mediaType?.endsWith('+json'));
}

function decodePathValue(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compareRanks(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}
