import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { PDF } from './filing';
import { OpenApiDocument, Schema } from './openapi-document';
import { TestApp } from './test-app';

type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

const document = OpenApiDocument.load();

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

/** Every operation of the committed openapi.json, in the document's order. */
export function openApiOperations(): Operation[] {
  return document.operations.map((operation) => ({
    method: operation.method.toLowerCase() as HttpMethod,
    path: operation.path,
    operationId: operation.operationId,
    label: `${operation.method} ${operation.path}`,
    isPublic: operation.public,
    pathParameters: operation.parameters.filter((p) => p.in === 'path').map((p) => p.name),
    query: Object.fromEntries(
      operation.parameters
        .filter((p) => p.in === 'query' && p.required)
        .map((p) => [p.name, String(exampleOf(p.schema))]),
    ),
    body: operation.body && exampleBody(operation.body),
  }));
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
  const query = { ...operation.query, ...request.query };
  const call = t.http()[operation.method](url).set(request.auth).query(query);
  const body = request.body ?? operation.body;
  if (!body) return call;
  if (body.kind === 'json') return call.send(body.value as object);
  // Fields first: the upload reads them before the file.
  for (const [name, value] of Object.entries(body.fields)) call.field(name, value);
  for (const name of body.files) call.attach(name, PDF, `${name}.pdf`);
  return call;
}

/** A file upload where the operation takes one (files are what examples can always supply), else JSON. */
function exampleBody(content: Record<string, Schema>): RequestBody {
  const upload =
    content['multipart/form-data'] &&
    alternativesOf(content['multipart/form-data']).find((form) => filesOf(form).length > 0);
  if (!upload) return { kind: 'json', value: exampleOf(content['application/json']) };
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
  const resolved = document.resolve(schema);
  return (resolved.oneOf ?? [resolved]).map((alternative) => document.resolve(alternative));
}

const filesOf = (form: Schema): string[] =>
  (form.required ?? []).filter((name) => form.properties?.[name]?.format === 'binary');

/** A value the schema accepts: its example, else its first enum value, else one of its type. */
function exampleOf(given: Schema): unknown {
  const schema = document.resolve(given);
  if (schema.example !== undefined) return schema.example;
  if (schema.enum) return schema.enum[0];
  if (schema.oneOf) return exampleOf(schema.oneOf[0]);
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
