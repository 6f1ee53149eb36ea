import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { QueueRegistry } from '../queues/queues.module';
import { roundTrips } from './round-trips';

const JOB_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed'] as const;

@Injectable()
export class MetricsService implements OnModuleDestroy {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by method, route and status code',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  constructor(queues: QueueRegistry) {
    collectDefaultMetrics({ register: this.registry });
    const roundTripCounters = [
      [
        'parkline_database_statements_total',
        'Statements this process has sent to PostgreSQL, transaction control included (one round trip each)',
        'databaseStatements',
      ],
      [
        'parkline_redis_commands_total',
        'Commands this process has sent to Redis (pipelined ones share a round trip)',
        'redisCommands',
      ],
    ] as const;
    for (const [name, help, count] of roundTripCounters)
      new Counter({
        name,
        help,
        registers: [this.registry],
        // Counted where they are sent, for the whole process; a scrape reports the total.
        collect() {
          this.reset();
          this.inc(roundTrips[count]);
        },
      });
    new Gauge({
      name: 'queue_jobs',
      help: 'Bull jobs per queue and state',
      labelNames: ['queue', 'state'] as const,
      registers: [this.registry],
      async collect() {
        await Promise.all(
          queues.all().map(async ({ name, queue }) => {
            const counts = await queue.getJobCounts();
            for (const state of JOB_STATES) this.set({ queue: name, state }, counts[state] ?? 0);
          }),
        );
      },
    });
  }

  onModuleDestroy(): void {
    this.registry.clear();
  }
}
