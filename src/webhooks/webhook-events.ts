import {
  EVENT_DATA_SCHEMAS,
  EVENT_SUBJECT_SCHEMA,
  EVENT_TYPES,
  EventType,
} from '../events/event-types';
import type { PlatformEvent } from '../events/platform-event.entity';

/**
 * The events integrators can subscribe to (API.md): applications, certificates, ratings,
 * bookings, doctors' placements, and the mandates the enterprise grants and revokes.
 */
export const WEBHOOK_EVENT_TYPES = EVENT_TYPES.filter(
  (type) =>
    type.startsWith('application.') ||
    type.startsWith('certificate.') ||
    type.startsWith('booking.') ||
    type.startsWith('placement.') ||
    type.startsWith('mandate.') ||
    type === 'rating.created',
);

/** Sent by `POST /webhooks/{id}/test`, to one subscription, whatever it subscribed to. */
export const PING_EVENT = 'webhook.ping';

export const PING_DATA_SCHEMA = {
  type: 'object',
  description: 'A test delivery, sent on request; it names the subscription it tests.',
  properties: {
    subscriptionId: {
      type: 'string',
      format: 'uuid',
      examples: ['5d1e2f3a-4b5c-4d6e-8f70-81a2b3c4d5e6'],
    },
  },
  required: ['subscriptionId'],
} as const;

export type DeliveredEventType = EventType | typeof PING_EVENT;

/** What a receiver is sent: the event, as the webhook documentation describes it. */
export interface DeliveryBody {
  id: string;
  type: string;
  occurredAt: string;
  data: Record<string, unknown>;
}

/** The body of every delivery of a recorded event: its subject first, then what it recorded. */
export function deliveryBodyOf(event: PlatformEvent): DeliveryBody {
  return {
    id: event.id,
    type: event.type,
    occurredAt: event.occurredAt.toISOString(),
    data: {
      subjectType: event.subjectType,
      subjectId: event.subjectId,
      enterpriseId: event.enterpriseId,
      ...event.data,
    },
  };
}

/** The JSON Schema of a delivery's `data`: the subject's fields and the event type's own. */
export function deliveredDataSchema(type: DeliveredEventType) {
  if (type === PING_EVENT) return PING_DATA_SCHEMA;
  const own = EVENT_DATA_SCHEMAS[type];
  return {
    type: 'object',
    description: own.description,
    properties: { ...EVENT_SUBJECT_SCHEMA.properties, ...own.properties },
    required: [...EVENT_SUBJECT_SCHEMA.required, ...own.required],
  } as const;
}

/** The JSON Schema of a whole delivery body of the type. */
export function deliverySchema(type: DeliveredEventType) {
  return {
    type: 'object',
    properties: {
      id: {
        type: 'string',
        format: 'uuid',
        description: 'The event id: the same in every attempt and every subscription.',
        examples: ['7c9e6679-7425-40de-944b-e07fc1f90ae7'],
      },
      type: { type: 'string', const: type },
      occurredAt: {
        type: 'string',
        format: 'date-time',
        description: 'When the event happened (not when it was sent).',
        examples: ['2026-03-02T09:30:00.000Z'],
      },
      data: deliveredDataSchema(type),
    },
    required: ['id', 'type', 'occurredAt', 'data'],
  } as const;
}

export function isDeliveredEventType(type: string): type is DeliveredEventType {
  return type === PING_EVENT || (EVENT_TYPES as string[]).includes(type);
}
