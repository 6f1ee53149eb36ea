import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { documentEdgeProblems } from './edge-problems';
import { documentOptionalBodies } from './optional-bodies';

const API_DESCRIPTION = `
Parkline is the one service window of a biomedical industry park: enterprises file requests for
27 basic government services and 19 value-added services, park officers work their
department's queue, and every request is followed to a decision within a promised number of
working days.

**Conventions.** Base path \`/api/v1\`. Errors are RFC 9457 \`application/problem+json\`
(\`type\`, \`title\`, \`status\`, \`detail\`, and \`errors: [{ field, message }]\` for invalid input).
Lists take \`limit\` (1–100, default 20) and an opaque \`cursor\` and return \`{ data, nextCursor }\`.
Resources carry \`version\` and an \`ETag\`; a stale \`If-Match\` answers 412, a stale
\`expectedVersion\` 409. Rate limits answer 429 with \`Retry-After\`.

**Authentication.** People: \`POST /auth/login\` returns a short-lived access token for
\`Authorization: Bearer\` and a single-use refresh token. Integrators: \`X-API-Key\`, scoped and
bound to enterprises.
`.trim();

function sortKeys<T extends Record<string, unknown>>(record: T): T {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b))) as T;
}

/** The OpenAPI document, with paths and schemas sorted so the committed file diffs cleanly. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Parkline API')
    .setDescription(API_DESCRIPTION)
    .setVersion('1.0.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key' }, 'api-key')
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    operationIdFactory: (_controllerKey, methodKey) => methodKey,
  });
  documentEdgeProblems(document);
  documentOptionalBodies(document);
  document.paths = sortKeys(document.paths);
  if (document.components?.schemas)
    document.components.schemas = sortKeys(document.components.schemas);
  document.tags = [...(document.tags ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  return document;
}

/** Where Swagger UI is served; the document itself is at /docs-json and /docs-yaml. */
export const OPENAPI_UI_PATH = '/docs';

export function serveOpenApi(app: INestApplication, document: OpenAPIObject): void {
  SwaggerModule.setup(OPENAPI_UI_PATH.slice(1), app, document, {
    jsonDocumentUrl: 'docs-json',
    yamlDocumentUrl: 'docs-yaml',
    customSiteTitle: 'Parkline API',
  });
}
