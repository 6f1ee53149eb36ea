import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig } from '../config/app-config';
import { OutboxRelay } from '../outbox/outbox-relay.service';
import { QueueRegistry } from '../queues/queues.module';

/**
 * On SIGTERM, in this order: stop taking HTTP requests (in-flight ones finish), stop relaying
 * the outbox, let running jobs finish (up to SHUTDOWN_GRACE_MS), and only then let Nest close
 * the database pool and Redis connections.
 */
@Injectable()
export class GracefulShutdown implements BeforeApplicationShutdown {
  private readonly logger = new Logger(GracefulShutdown.name);
  private app?: NestFastifyApplication;

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly queues: QueueRegistry,
    private readonly config: AppConfig,
  ) {}

  attach(app: NestFastifyApplication): void {
    this.app = app;
  }

  async beforeApplicationShutdown(signal?: string): Promise<void> {
    if (signal) this.logger.log(`Received ${signal}; shutting down`);
    if (this.app) {
      const server = this.app.getHttpServer();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await closed;
    }
    if (!this.config.runsWorker) return;
    await this.moduleRef.get(OutboxRelay, { strict: false }).stop();
    const closing = Promise.all(this.queues.all().map(({ queue }) => queue.close()));
    const timedOut = await Promise.race([
      closing.then(() => false),
      new Promise<boolean>((resolve) =>
        setTimeout(() => resolve(true), this.config.SHUTDOWN_GRACE_MS).unref(),
      ),
    ]);
    if (timedOut)
      this.logger.warn('Jobs still running after the grace period; Bull will retry them');
  }
}
