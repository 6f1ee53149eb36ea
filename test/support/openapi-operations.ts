import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { PDF } from './filing';
import { TestApp } from './test-app';

type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';
const HTTP_METHODS: readonly HttpMethod[] = ['get', 'post', 'put', 'patch', 'delete'];

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  example?: unknown;
  enum?: unknown[];
  minimum?: number;
  minLength?: number;
  required?: string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  oneOf?: Schema[];
  allOf?: Schema[];
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: Schema;
}

interface OperationObject {
  operationId: string;
  parameters?: Parameter[];
  security?: Record<string, string[]>[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}

interface OpenApiDocument {
  paths: Record<string, Partial<Record<HttpMethod, OperationObject>>>;
  components: { schemas: Record<string, Schema> };
}

/** One operation of the committed openapi.json, with what a request to it needs. */
export interface Operation {
  method: HttpMethod;
  /** The path template exactly as openapi.json spells it, e.g. `/api/v1/applications/{id}`. */
  path: string;
  operationId: string;
  /** `POST /api/v1/applications/{id}/submit`: how failures and tables name it. */
  label: string;
  /** No credentials needed (the document lists no security for it). */
  isPublic: boolean;
  pathParameters: string[];
  /** Required query parameters, filled with their documented examples. */
  query: Record<string, string>;
  /** A body built from the documented examples of the required properties, if it takes one. */
  body?: RequestBody;
}

export type RequestBody =
  | { kind: 'json'; value: unknown }
  | { kind: 'multipart'; fields: Record<string, string>; files: string[] };

const document: OpenApiDocument = JSON.parse(
  readFileSync(join(__dirname, '..', '..', 'openapi.json'), 'utf8'),
);

/** Every operation of the committed openapi.json, in the document's order. */
export function openApiOperations(): Operation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    HTTP_METHODS.filter((method) => item[method]).map((method) => {
      const operation = item[method]!;
      const parameters = operation.parameters ?? [];
      return {
        method,
        path,
        operationId: operation.operationId,
        label: `${method.toUpperCase()} ${path}`,
        isPublic: (operation.security ?? []).length === 0,
        pathParameters: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        query: Object.fromEntries(
          parameters
            .filter((p) => p.in === 'query' && p.required)
            .map((p) => [p.name, String(exampleOf(p.schema ?? {}))]),
        ),
        body: operation.requestBody && exampleBody(operation.requestBody.content),
      };
    }),
  );
}

/** Sends the operation with the given path parameters, credentials and body (default: its example). */
export function sendOperation(
  t: TestApp,
  operation: Operation,
  request: {
    params: Record<string, string>;
    auth: Record<string, string>;
    /** Query values in place of the documented examples. */
    query?: Record<string, string>;
    body?: RequestBody;
  },
): Promise<Response> {
  const url = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (request.params[name] === undefined)
      throw new Error(`${operation.label}: no value for the path parameter ${name}`);
    return encodeURIComponent(request.params[name]);
  });
  const call = t
    .http()
    [operation.method](url)
    .set(request.auth)
    .query({ ...operation.query, ...request.query });
  const body = request.body ?? operation.body;
  if (!body) return call;
  if (body.kind === 'json') return call.send(body.value as object);
  // Fields first: the upload reads them before the file.
  for (const [name, value] of Object.entries(body.fields)) call.field(name, value);
  for (const name of body.files) call.attach(name, PDF, `${name}.pdf`);
  return call;
}

/** A file upload where the operation takes one (files are what examples can always supply), else JSON. */
function exampleBody(content: Record<string, { schema: Schema }>): RequestBody {
  const upload =
    content['multipart/form-data'] &&
    alternativesOf(content['multipart/form-data'].schema).find((form) => filesOf(form).length > 0);
  if (!upload) return { kind: 'json', value: exampleOf(content['application/json'].schema) };
  const files = filesOf(upload);
  return {
    kind: 'multipart',
    fields: Object.fromEntries(
      (upload.required ?? [])
        .filter((name) => !files.includes(name))
        .map((name) => [name, String(exampleOf(upload.properties![name]))]),
    ),
    files,
  };
}

function alternativesOf(schema: Schema): Schema[] {
  const resolved = resolve(schema);
  return (resolved.oneOf ?? [resolved]).map(resolve);
}

const filesOf = (form: Schema): string[] =>
  (form.required ?? []).filter((name) => form.properties?.[name]?.format === 'binary');

/** A value the schema accepts: its example, else its first enum value, else one of its type. */
function exampleOf(given: Schema): unknown {
  const schema = resolve(given);
  if (schema.example !== undefined) return schema.example;
  if (schema.enum) return schema.enum[0];
  if (schema.oneOf || schema.allOf) return exampleOf((schema.oneOf ?? schema.allOf)![0]);
  switch (schema.type) {
    case 'object':
      return Object.fromEntries(
        (schema.required ?? []).map((name) => [name, exampleOf(schema.properties![name])]),
      );
    case 'array':
      return [exampleOf(schema.items ?? {})];
    case 'number':
    case 'integer':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    default:
      return schema.format === 'uuid' ? randomUUID() : 'x'.repeat(schema.minLength ?? 1);
  }
}

function resolve(schema: Schema): Schema {
  return schema.$ref
    ? resolve(document.components.schemas[schema.$ref.replace('#/components/schemas/', '')])
    : schema;
}
