import { BullModule, getQueueToken } from '@nestjs/bull';
import { Global, Injectable, Module } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bull';
import { AppConfig } from '../config/app-config';
import { QUEUES, QueueName } from './queues';

const QUEUE_NAMES = Object.values(QUEUES);
export const WEBHOOK_MAX_DELAY_MS = 2 * 3600_000;

/** Exponential from the base, capped at two hours, with ±20% jitter so retries do not stampede. */
export function webhookRetryDelay(attemptsMade: number, baseMs: number): number {
  const exponential = Math.min(baseMs * 2 ** Math.max(0, attemptsMade - 1), WEBHOOK_MAX_DELAY_MS);
  return Math.round(exponential * (0.8 + Math.random() * 0.4));
}

/** Looks queues up by the name an outbox row carries. */
@Injectable()
export class QueueRegistry {
  constructor(private readonly moduleRef: ModuleRef) {}

  get(name: string): Queue {
    if (!(QUEUE_NAMES as string[]).includes(name)) throw new Error(`Unknown queue "${name}"`);
    return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
  }

  all(): { name: QueueName; queue: Queue }[] {
    return QUEUE_NAMES.map((name) => ({ name, queue: this.get(name) }));
  }
}

@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        url: config.REDIS_URL,
        prefix: config.BULL_PREFIX,
        redis: {
          // Required by Bull's blocking and subscriber connections.
          maxRetriesPerRequest: null,
          enableReadyCheck: false,
        },
        settings: {
          lockDuration: config.BULL_LOCK_DURATION_MS,
          stalledInterval: config.BULL_LOCK_DURATION_MS,
        },
        defaultJobOptions: {
          attempts: config.JOB_ATTEMPTS,
          backoff: { type: 'exponential', delay: config.JOB_BACKOFF_MS },
          removeOnComplete: { age: 24 * 3600, count: 50_000 },
          removeOnFail: { age: 14 * 24 * 3600 },
        },
      }),
    }),
    BullModule.registerQueue(
      ...QUEUE_NAMES.filter((name) => name !== QUEUES.WEBHOOKS).map((name) => ({ name })),
    ),
    BullModule.registerQueueAsync({
      name: QUEUES.WEBHOOKS,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        settings: {
          lockDuration: config.BULL_LOCK_DURATION_MS,
          stalledInterval: config.BULL_LOCK_DURATION_MS,
          backoffStrategies: {
            webhook: (attemptsMade: number) =>
              webhookRetryDelay(attemptsMade, config.WEBHOOK_BACKOFF_MS),
          },
        },
        defaultJobOptions: {
          attempts: config.WEBHOOK_MAX_ATTEMPTS,
          backoff: { type: 'webhook' },
          removeOnComplete: { age: 24 * 3600, count: 50_000 },
          removeOnFail: { age: 14 * 24 * 3600 },
        },
      }),
    }),
  ],
  providers: [QueueRegistry],
  exports: [BullModule, QueueRegistry],
})
export class QueuesModule {}
