import { INestApplication, Type } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type {
  SecurityRequirementObject,
  TagObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { routeAccess, RouteAccess } from '../common/auth/route-access';
import { documentEdgeProblems } from './edge-problems';
import { documentOptionalBodies } from './optional-bodies';

const API_DESCRIPTION = `
Parkline is the one service window of a biomedical industry park: enterprises file requests for
27 basic government services and 19 value-added services, park officers work their
department's queue, and every request is followed to a decision within a promised number of
working days.

**Conventions.** Base path \`/api/v1\`. Errors are RFC 9457 \`application/problem+json\`
(\`type\`, \`title\`, \`status\`, \`detail\`, and \`errors: [{ field, message }]\` for invalid input).
Send \`Accept-Language\` (\`zh-CN\` or \`en\`, with q-values) for \`title\`, \`detail\` and \`errors[].message\`
in that language, said by \`Content-Language\`; \`type\`, \`status\` and \`errors[].field\` never change.
Lists take \`limit\` (1–100, default 20) and an opaque \`cursor\` and return \`{ data, nextCursor }\`.
Resources carry \`version\` and an \`ETag\`; a stale \`If-Match\` answers 412, a stale
\`expectedVersion\` 409. Rate limits answer 429 with \`Retry-After\`.

**Authentication.** People: \`POST /auth/login\` returns a short-lived access token for
\`Authorization: Bearer\` and a single-use refresh token. Integrators: \`X-API-Key\`, scoped and
bound to enterprises.

**Versioning.** \`info.version\` follows semantic versioning, and whatever is deprecated
(\`deprecated: true\` with an \`x-sunset\` date; such operations answer with \`Deprecation\` and
\`Sunset\` headers) keeps working for at least six months, as docs/versioning.md sets out.

**Webhooks.** Every event type's payload, the signature and the retry policy are described by
the AsyncAPI document at [\`/asyncapi.json\`](/asyncapi.json).
`.trim();

/** In the order an integrator reads them: signing in, what can be filed, filing, and what follows. */
const TAGS: TagObject[] = [
  {
    name: 'auth',
    description:
      'Registering an enterprise, signing in and out, and rotating tokens. People send the access token as `Authorization: Bearer`; integrators send `X-API-Key` instead and need none of these.',
  },
  {
    name: 'catalogue',
    description:
      'The services an enterprise can file for, with their materials, form schema, workflow and time limits; the bundles that combine them; and the departments that handle them. Public to read; admins keep it.',
  },
  {
    name: 'applications',
    description:
      'Filing a request: create a draft, attach materials, check what is missing, submit, answer supplement requests, and follow it to a decision with its SLA clocks and timeline.',
  },
  {
    name: 'tasks',
    description:
      "Officers' work queue: the open tasks of a department, claiming the most urgent one, and completing it with one of the actions its stage allows.",
  },
  {
    name: 'certificates',
    description:
      'The signed outcome of an approved application, its public verification by number and code, the Ed25519 keys that verify it, and revocation.',
  },
  {
    name: 'webhooks',
    description:
      'Subscriptions that POST application and certificate events to your URL, signed with HMAC-SHA256 (`X-Signature`), with their delivery log, test sends and secret rotation.',
  },
  {
    name: 'statistics',
    description:
      'Volumes, decision times, on-time rates and resource use for park management, per service, department and period.',
  },
  {
    name: 'administration',
    description:
      "Staff accounts, departments' staff and API keys: what an admin sets up before anyone else can work.",
  },
  {
    name: 'enterprises',
    description:
      'The enterprises of the park: their profile and verification, their members, and the material library their applications reuse.',
  },
  {
    name: 'notifications',
    description: 'The in-app notifications of the signed-in user.',
  },
  {
    name: 'calendar',
    description:
      'The working-day calendar every deadline counts in, with official holidays and make-up working days; years without official data are provisional.',
  },
  {
    name: 'mandates',
    description: 'An enterprise lets a service provider act for it on chosen services, for a term.',
  },
  {
    name: 'service providers',
    description:
      'The listed service providers (CROs, CDMOs, agencies, ...), their applications to be listed, and the handovers of value-added applications to them.',
  },
  {
    name: 'trial institutions',
    description:
      "Clinical-trial institutions (hospitals) and the dockings that match an enterprise's trial with one.",
  },
  {
    name: 'doctors into enterprise',
    description:
      'Placements of hospital doctors in enterprises: the doctors, the proposed terms, both confirmations, reviews, renewals and exits.',
  },
  {
    name: 'resources',
    description:
      'Shared park resources (platforms, instruments, rooms): their availability and bookings.',
  },
  {
    name: 'industry map',
    description:
      "The park's industry map: the park plan, the directory of enterprises, their products and devices in the pipeline, and anonymised public counts.",
  },
  {
    name: 'ops',
    description: 'Liveness, readiness and Prometheus metrics for operators.',
  },
];

const SECURITY_SCHEMES = {
  bearer: 'bearer',
  apiKey: 'api-key',
  metricsToken: 'metrics-token',
} as const;

function sortKeys<T extends Record<string, unknown>>(record: T): T {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b))) as T;
}

/** The OpenAPI document, with paths and schemas sorted so the committed file diffs cleanly. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Parkline API')
    .setDescription(API_DESCRIPTION)
    .setVersion('1.0.0')
    // The description, not the service, is licensed openly so integrators may generate and ship clients from it.
    .setLicense('MIT', 'https://spdx.org/licenses/MIT.html')
    .addServer('/', 'The instance that serves this document (paths start with /api/v1)')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description: 'The access token from `POST /api/v1/auth/login` (people).',
      },
      SECURITY_SCHEMES.bearer,
    )
    .addApiKey(
      {
        type: 'apiKey',
        in: 'header',
        name: 'X-API-Key',
        description:
          'An integrator key from `POST /api/v1/api-keys`: scoped, and bound to the enterprises it may act for.',
      },
      SECURITY_SCHEMES.apiKey,
    )
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', description: 'The `METRICS_TOKEN` of the deployment.' },
      SECURITY_SCHEMES.metricsToken,
    )
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    operationIdFactory: (_controllerKey, methodKey) => methodKey,
  });
  declareSecurity(document, accessByOperationId(app));
  documentEdgeProblems(document);
  documentOptionalBodies(document);
  document.paths = sortKeys(document.paths);
  if (document.components?.schemas)
    document.components.schemas = sortKeys(document.components.schemas);
  document.tags = TAGS;
  return document;
}

/** The access rules of every route handler, by method name: the operationId. */
function accessByOperationId(app: INestApplication): Map<string, RouteAccess> {
  const reflector = app.get(Reflector);
  const scanner = new MetadataScanner();
  const access = new Map<string, RouteAccess>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const { metatype } of module.controllers.values()) {
      const controller = metatype as Type;
      for (const name of scanner.getAllMethodNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, () => unknown>)[name];
        if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        if (access.has(name)) throw new Error(`Two route handlers are named ${name}`);
        access.set(name, routeAccess(reflector, handler, controller));
      }
    }
  }
  return access;
}

/**
 * Each operation's `security` says what AccessGuard accepts: `[]` on public routes, Bearer where
 * roles may call, the API key where scopes are set. A public route that checks a credential of
 * its own (metrics) declares it with `@ApiSecurity`, which is kept.
 */
function declareSecurity(document: OpenAPIObject, access: Map<string, RouteAccess>): void {
  for (const operation of Object.values(document.paths).flatMap((item) =>
    (['get', 'put', 'post', 'delete', 'patch'] as const).flatMap((method) => item[method] ?? []),
  )) {
    const rules = access.get(operation.operationId ?? '');
    if (!rules) throw new Error(`No route handler for the operation ${operation.operationId}`);
    if (rules.public) {
      operation.security ??= [];
      continue;
    }
    const security: SecurityRequirementObject[] = [];
    if (rules.roles.length > 0) security.push({ [SECURITY_SCHEMES.bearer]: [] });
    if (rules.scopes) {
      security.push({ [SECURITY_SCHEMES.apiKey]: [] });
      const scopes = rules.scopes.map((scope) => `\`${scope}\``).join(', ');
      operation.description = [operation.description, `API keys need the scope ${scopes}.`]
        .filter(Boolean)
        .join('\n\n');
    }
    if (security.length === 0)
      throw new Error(`${operation.operationId} lets no one in: add @Public, @Roles or @Scopes`);
    operation.security = security;
  }
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
