/**
 * Every queue and job of the platform, in one place. DO NOT CHANGE THE VALUES: jobs waiting
 * in Redis refer to them by these strings, so a rename would orphan them.
 */
export const QUEUES = {
  EVENTS: 'events',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** Job payloads carry ids only; handlers load the state they act on from PostgreSQL. */
export interface JobPayloads {
  /** Fan a recorded platform event out to its subscribers (notifications, webhooks, statistics). */
  'event.published': { eventId: string };
}

export type JobName = keyof JobPayloads;

export const JOB_QUEUES: { readonly [N in JobName]: QueueName } = {
  'event.published': QUEUES.EVENTS,
};

export const JOB_NAMES = Object.keys(JOB_QUEUES) as JobName[];

export type OutboxJob = {
  [N in JobName]: { name: N; data: JobPayloads[N]; delayMs?: number };
}[JobName];
