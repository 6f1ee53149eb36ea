/** Event types that webhooks and the timeline expose (API.md), plus the platform's own. */
export const EVENT_TYPES = [
  'enterprise.registered',
  'enterprise.verified',
  'application.submitted',
  'application.stage_changed',
  'application.supplement_requested',
  'application.supplemented',
  'application.clock_stopped',
  'application.clock_resumed',
  'application.extended',
  'application.approved',
  'application.denied',
  'application.rejected',
  'application.withdrawn',
  'application.completed',
  'application.at_risk',
  'application.overdue',
  'certificate.issued',
  'certificate.expiring',
  'certificate.revoked',
  'rating.created',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];
