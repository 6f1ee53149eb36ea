import { createHash } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig } from '../config/app-config';
import { WEBHOOK_MAX_DELAY_MS } from '../queues/queues.module';
import { deliveryProblems } from './delivery-validation';
import { RETRYABLE_CLIENT_ERRORS, WEBHOOK_USER_AGENT } from './webhook-deliveries.service';
import {
  DeliveredEventType,
  deliverySchema,
  PING_EVENT,
  WEBHOOK_EVENT_TYPES,
} from './webhook-events';
import { SIGNATURE_TOLERANCE_SECONDS, signWebhook, WEBHOOK_HEADERS } from './webhook-signature';

/** Where the api serves the document, beside the OpenAPI document at /docs-json. */
export const ASYNCAPI_PATH = '/asyncapi.json';

/** The secret the examples are signed with, so that a receiver can check its code against them. */
const EXAMPLE_SECRET = 'whsec_example';
const EXAMPLE_TIMESTAMP = Date.parse('2026-03-02T09:30:00Z') / 1000;

interface SchemaLike {
  type?: unknown;
  format?: string;
  examples?: readonly unknown[];
  const?: unknown;
  properties?: Record<string, SchemaLike>;
  items?: SchemaLike;
}

/** A stable id of its own for each named uuid of the examples. */
function exampleUuid(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A value made of the first example of every leaf; undefined where a schema has none. */
function exampleOf(schema: SchemaLike, name = ''): unknown {
  if (schema.examples) return schema.examples[0];
  if ('const' in schema) return schema.const;
  if (schema.format === 'uuid') return exampleUuid(name);
  if (schema.properties)
    return Object.fromEntries(
      Object.entries(schema.properties)
        .map(([property, value]) => [property, exampleOf(value, property)])
        .filter(([, value]) => value !== undefined),
    );
  if (schema.items) {
    const item = exampleOf(schema.items, name);
    return item === undefined ? undefined : [item];
  }
  return undefined;
}

/** What the events of a type are about: most are about an application. */
function subjectTypeOf(type: DeliveredEventType): string {
  const prefix = type.split('.')[0];
  return ['enterprise', 'provider', 'webhook', 'booking', 'placement', 'mandate'].includes(prefix)
    ? prefix
    : 'application';
}

const headerName = (lowerCase: string) =>
  lowerCase.replace(
    /(^|-)([a-z])/g,
    (_match, dash: string, letter: string) => `${dash}${letter.toUpperCase()}`,
  );

const HEADERS = {
  eventId: headerName(WEBHOOK_HEADERS.eventId),
  timestamp: headerName(WEBHOOK_HEADERS.timestamp),
  signature: headerName(WEBHOOK_HEADERS.signature),
};

const DELIVERY_HEADERS_SCHEMA = {
  type: 'object',
  properties: {
    [HEADERS.eventId]: {
      type: 'string',
      format: 'uuid',
      description: 'The event id, as `id` in the body: deduplicate on it.',
    },
    [HEADERS.timestamp]: {
      type: 'string',
      pattern: '^[0-9]+$',
      description: 'Unix seconds at which this attempt was signed (each retry is signed anew).',
    },
    [HEADERS.signature]: {
      type: 'string',
      pattern: '^sha256=[0-9a-f]{64}$',
      description:
        '`sha256=` and the hex HMAC-SHA256, keyed with the subscription secret, of the timestamp, a dot and the raw body.',
    },
    'Content-Type': { type: 'string', const: 'application/json' },
    'User-Agent': { type: 'string', const: WEBHOOK_USER_AGENT },
  },
  required: [HEADERS.eventId, HEADERS.timestamp, HEADERS.signature, 'Content-Type'],
};

/** The nominal wait before each retry (each is jittered by ±20%). */
function retryDelaysMs(config: AppConfig): number[] {
  return Array.from({ length: config.WEBHOOK_MAX_ATTEMPTS - 1 }, (_, retry) =>
    Math.min(config.WEBHOOK_BACKOFF_MS * 2 ** retry, WEBHOOK_MAX_DELAY_MS),
  );
}

const duration = (ms: number) =>
  ms < 60_000 ? `${ms / 1000} s` : ms < 3600_000 ? `${ms / 60_000} min` : `${ms / 3600_000} h`;

function description(config: AppConfig): string {
  const delays = retryDelaysMs(config);
  const spanHours = Math.round(delays.reduce((sum, delay) => sum + delay, 0) / 3600_000);
  return `
Parkline POSTs every event a webhook subscription asked for (\`POST /api/v1/webhooks\`) to the
subscription's URL. Each message below is one event type: its \`data\` schema and an example.

**The body** is \`{ id, type, occurredAt, data }\`. \`data\` always names the subject
(\`subjectType\`, \`subjectId\`, \`enterpriseId\`) and, when the holder of a mandate acted,
\`mandateId\` and \`onBehalfOf\`. Fields are added to events over time, never removed or retyped:
ignore the ones you do not know.

**Verifying a delivery.** Compute HMAC-SHA256 with the subscription's secret over
\`<${HEADERS.timestamp}>.<raw body>\` (the header's value, a dot, the body bytes exactly as
received), hex-encode it, and compare \`sha256=<hex>\` with \`${HEADERS.signature}\` in constant
time. Refuse deliveries whose timestamp is more than ${SIGNATURE_TOLERANCE_SECONDS} seconds from
your clock: a replay of an old delivery carries an old timestamp. In Node.js:

\`\`\`js
const expected = 'sha256=' + createHmac('sha256', secret).update(\`\${timestamp}.\${rawBody}\`).digest('hex');
const genuine = signature.length === expected.length && timingSafeEqual(Buffer.from(signature), Buffer.from(expected));
\`\`\`

The examples are signed with the secret \`${EXAMPLE_SECRET}\` over the body as compact JSON.
\`client/examples/webhook-receiver.ts\` is a complete receiver.

**Secrets.** The secret is shown once, when the subscription is created or its secret rotated
(\`POST /api/v1/webhooks/{id}/rotate-secret\`). Rotation takes effect at once, for retries of
earlier events too: while you switch, accept a signature made with either secret.

**Retries.** An answer of 2xx within ${config.WEBHOOK_TIMEOUT_MS / 1000} seconds counts as
delivered. No answer, a timeout, 5xx, ${RETRYABLE_CLIENT_ERRORS.join(', ')} are retried; any other
answer (other 4xx, and redirects, which are not followed) fails the delivery at once. A delivery is
tried ${config.WEBHOOK_MAX_ATTEMPTS} times in all, the waits doubling from
${duration(config.WEBHOOK_BACKOFF_MS)} up to ${duration(WEBHOOK_MAX_DELAY_MS)} (±20%): the last
attempt comes about ${spanHours} hours after the first. After ${config.WEBHOOK_DISABLE_AFTER}
deliveries in a row have failed, the subscription is disabled and its owner told;
\`PATCH /api/v1/webhooks/{id}\` with \`{ "active": true }\` re-enables it. Every attempt is listed
by \`GET /api/v1/webhooks/{id}/deliveries\`.

**Idempotency and order.** An event is delivered to a subscription under one id, whatever the
number of attempts, so a receiver that has processed an id ignores it when it comes again. Answer
quickly (queue the work) and do not rely on order: deliveries run concurrently, and a retried one
arrives after later events. \`occurredAt\` and the resource itself (\`GET\` its subject) tell the
current state.

**Testing.** \`POST /api/v1/webhooks/{id}/test\` sends a \`${PING_EVENT}\` delivery, signed like
any other, even to a disabled subscription.
`.trim();
}

function message(type: DeliveredEventType) {
  const payload = deliverySchema(type);
  const example = exampleOf(payload) as { data: Record<string, unknown> };
  if (type !== PING_EVENT) example.data.subjectType = subjectTypeOf(type);
  const problems = deliveryProblems(example);
  if (problems.length > 0)
    throw new Error(`The example of ${type} does not match its schema: ${problems.join('; ')}`);
  return {
    name: type,
    title: type,
    summary: payload.properties.data.description,
    contentType: 'application/json',
    headers: { $ref: '#/components/schemas/DeliveryHeaders' },
    payload,
    examples: [
      {
        name: type.replace(/\W/g, '-'),
        headers: {
          [HEADERS.eventId]: payload.properties.id.examples[0],
          [HEADERS.timestamp]: String(EXAMPLE_TIMESTAMP),
          [HEADERS.signature]: signWebhook(
            EXAMPLE_SECRET,
            EXAMPLE_TIMESTAMP,
            JSON.stringify(example),
          ),
          'Content-Type': 'application/json',
          'User-Agent': WEBHOOK_USER_AGENT,
        },
        payload: example,
      },
    ],
  };
}

/** The AsyncAPI 3.0 document of the webhook deliveries, from the event schemas in code. */
export function buildAsyncApiDocument(config = new AppConfig()) {
  const types: DeliveredEventType[] = [...WEBHOOK_EVENT_TYPES, PING_EVENT];
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Parkline webhooks',
      version: '1.0.0',
      description: description(config),
    },
    defaultContentType: 'application/json',
    channels: {
      webhook: {
        address: null,
        title: 'Your webhook endpoint',
        description:
          'The URL of a webhook subscription: every event it subscribed to is POSTed there.',
        messages: Object.fromEntries(
          types.map((type) => [type, { $ref: `#/components/messages/${type}` }]),
        ),
      },
    },
    operations: {
      deliverEvent: {
        action: 'send',
        channel: { $ref: '#/channels/webhook' },
        title: 'Deliver an event',
        summary:
          'POSTs one event to a subscription, signed, retried until it is answered with 2xx.',
        bindings: { http: { method: 'POST', bindingVersion: '0.3.0' } },
        messages: types.map((type) => ({ $ref: `#/channels/webhook/messages/${type}` })),
      },
    },
    components: {
      schemas: { DeliveryHeaders: DELIVERY_HEADERS_SCHEMA },
      messages: Object.fromEntries(types.map((type) => [type, message(type)])),
    },
  };
}

/** Serves the document, public like the OpenAPI document. */
export function serveAsyncApi(app: INestApplication): void {
  const document = buildAsyncApiDocument(app.get(AppConfig));
  (app as NestFastifyApplication)
    .getHttpAdapter()
    .getInstance()
    .get(ASYNCAPI_PATH, (_request, reply) => reply.send(document));
}
