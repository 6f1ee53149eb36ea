import { EVENT_TYPES } from '../events/event-types';

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

export const PING_EVENT = 'webhook.ping';
