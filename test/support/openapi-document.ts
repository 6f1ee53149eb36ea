import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The subset of OpenAPI 3.0 schema objects that the committed document uses. */
export interface Schema {
  $ref?: string;
  type?: 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object';
  format?: string;
  enum?: unknown[];
  example?: unknown;
  examples?: unknown[];
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minItems?: number;
  maxItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  readOnly?: boolean;
  writeOnly?: boolean;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema: Schema;
}

export interface Operation {
  method: string;
  /** The path template, e.g. `/api/v1/applications/{id}`. */
  path: string;
  operationId: string;
  parameters: Parameter[];
  /** Media type → schema of the request body, when the operation takes one. */
  body?: Record<string, Schema>;
  bodyRequired: boolean;
  /** Public operations declare an empty security requirement, `security: []`. */
  public: boolean;
  /** Status code (or `default`, `4XX`) → what the operation documents for it. */
  responses: Record<string, Response>;
}

export interface Response {
  description: string;
  /** Media type → schema; absent for a response without a body. */
  content?: Record<string, { schema?: Schema }>;
}

interface Document {
  paths: Record<string, Record<string, RawOperation>>;
  components: { schemas: Record<string, Schema> };
}

interface RawOperation {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: Schema }> };
  security?: unknown[];
  responses?: Record<string, Response>;
}

const OPENAPI_PATH = join(__dirname, '..', '..', 'openapi.json');

export class OpenApiDocument {
  readonly operations: Operation[];
  /** `components.schemas`, by name. */
  readonly schemas: Record<string, Schema>;

  constructor(document: Document) {
    this.schemas = document.components.schemas;
    this.operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({
        method: method.toUpperCase(),
        path,
        operationId: operation.operationId,
        parameters: operation.parameters ?? [],
        body: operation.requestBody
          ? Object.fromEntries(
              Object.entries(operation.requestBody.content).map(([type, { schema }]) => [
                type,
                schema,
              ]),
            )
          : undefined,
        bodyRequired: operation.requestBody?.required ?? false,
        public: operation.security?.length === 0,
        responses: operation.responses ?? {},
      })),
    );
  }

  static load(): OpenApiDocument {
    return new OpenApiDocument(JSON.parse(readFileSync(OPENAPI_PATH, 'utf8')) as Document);
  }

  /** Follows `$ref`s and folds `allOf` into one schema. */
  resolve(schema: Schema): Schema {
    if (schema.$ref) {
      const name = schema.$ref.replace('#/components/schemas/', '');
      const target = this.schemas[name];
      if (!target) throw new Error(`openapi.json: unknown schema ${schema.$ref}`);
      return this.resolve({ ...target, ...withoutRef(schema) });
    }
    if (schema.allOf) {
      const { allOf, ...rest } = schema;
      return allOf.map((part) => this.resolve(part)).reduce(mergeSchemas, rest);
    }
    return schema;
  }
}

function withoutRef(schema: Schema): Schema {
  const { $ref: _ref, ...rest } = schema;
  return rest;
}

function mergeSchemas(into: Schema, part: Schema): Schema {
  const merged: Schema = { ...part, ...into };
  if (part.properties || into.properties)
    merged.properties = { ...part.properties, ...into.properties };
  if (part.required || into.required)
    merged.required = [...(part.required ?? []), ...(into.required ?? [])];
  return merged;
}
