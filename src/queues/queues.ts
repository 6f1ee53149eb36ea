/**
 * Every queue and job of the platform, in one place. DO NOT CHANGE THE VALUES: jobs waiting
 * in Redis refer to them by these strings, so a rename would orphan them.
 */
export const QUEUES = {
  EVENTS: 'events',
  STAGES: 'stages',
  TIMERS: 'timers',
  WEBHOOKS: 'webhooks',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** Job payloads carry ids only; handlers load the state they act on from PostgreSQL. */
export interface JobPayloads {
  /** Fan a recorded platform event out to its subscribers (notifications, bundles, webhooks). */
  'event.published': { eventId: string };
  /** Run an automated stage; a no-op unless the application is still at that stage and version. */
  'stage.run': { applicationId: string; stage: string; version: number };
  /** Re-evaluate an application's time limits; a no-op unless its SLA generation still matches. */
  'sla.check': { applicationId: string; generation: number };
  /** Confirm a value-added result the enterprise left unconfirmed; a no-op once it moved on. */
  'confirmation.auto': { applicationId: string; stage: string; version: number };
  /** Take a stage's implied action (默示许可) once its days ran out unanswered. */
  'stage.implied': { applicationId: string; stage: string; version: number };
  /** POST one webhook delivery; retried with backoff until it succeeds or attempts run out. */
  'webhook.deliver': { deliveryId: string };
}

export type JobName = keyof JobPayloads;

export const JOB_QUEUES: { readonly [N in JobName]: QueueName } = {
  'event.published': QUEUES.EVENTS,
  'stage.run': QUEUES.STAGES,
  'sla.check': QUEUES.TIMERS,
  'confirmation.auto': QUEUES.TIMERS,
  'stage.implied': QUEUES.TIMERS,
  'webhook.deliver': QUEUES.WEBHOOKS,
};

export const JOB_NAMES = Object.keys(JOB_QUEUES) as JobName[];

export type OutboxJob = {
  [N in JobName]: { name: N; data: JobPayloads[N]; delayMs?: number };
}[JobName];
