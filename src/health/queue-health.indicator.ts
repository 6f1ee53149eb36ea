import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { AppConfig } from '../config/app-config';
import { QueueRegistry } from '../queues/queues.module';

const PING_TIMEOUT_MS = 1000;

@Injectable()
export class QueueHealthIndicator {
  constructor(
    private readonly health: HealthIndicatorService,
    private readonly queues: QueueRegistry,
    private readonly config: AppConfig,
  ) {}

  async isRedisUp(key = 'redis') {
    const indicator = this.health.check(key);
    const { queue } = this.queues.all()[0];
    try {
      const started = Date.now();
      await Promise.race([
        queue.client.ping(),
        new Promise((_, reject) =>
          setTimeout(() => reject(new Error('ping timed out')), PING_TIMEOUT_MS),
        ),
      ]);
      return indicator.up({ latencyMs: Date.now() - started });
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }

  /**
   * A worker whose blocking connection did not come back after a Redis restart takes no jobs
   * while looking alive; readiness says so, so an orchestrator can restart it.
   */
  async areWorkersConnected(key = 'workers') {
    const indicator = this.health.check(key);
    if (!this.config.runsWorker)
      return indicator.up({ role: this.config.APP_ROLE, consuming: false });
    const disconnected = this.queues
      .all()
      .filter(({ queue }) => queue.clients.some((client) => client.status !== 'ready'))
      .map(({ name }) => name);
    return disconnected.length === 0
      ? indicator.up({ queues: this.queues.all().length })
      : indicator.down({ disconnectedQueues: disconnected });
  }
}
