import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { QueueRegistry } from '../queues/queues.module';
import { OutboxSignal } from './outbox-signal.service';

interface UnsentRow {
  id: string;
  queue: string;
  job_name: string;
  payload: Record<string, unknown>;
  delay_ms: number;
}

const BATCH_SIZE = 500;
const SENT_RETENTION = '7 days';
const PRUNE_EVERY_MS = 3600_000;
const BUSY_PASS_INTERVAL_MS = 10;

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * Moves committed outbox rows into Bull. Woken by the OutboxSignal when rows commit, and by a sweep
 * that re-sends whatever is left unsent (Redis was down, a process died between add and mark).
 * The Bull job id is the row id, so sending a row twice never queues the job twice while the
 * first copy is kept.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private sweepTimer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private rerun = false;
  private nextPass?: NodeJS.Timeout;
  private stopped = false;
  private lastPrunedAt = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: QueueRegistry,
    private readonly config: AppConfig,
    private readonly signal: OutboxSignal,
  ) {}

  private readonly wakeUp = () => this.wake();

  async onApplicationBootstrap(): Promise<void> {
    await this.signal.addRelay(this.wakeUp);
    this.sweepTimer = setInterval(() => this.sweep(), this.config.OUTBOX_SWEEP_INTERVAL_MS);
    this.wake();
  }

  /** The safety net under the signals: re-sends leftovers, prunes old rows. */
  private sweep(): void {
    this.wake();
    if (Date.now() - this.lastPrunedAt > PRUNE_EVERY_MS) {
      this.lastPrunedAt = Date.now();
      this.pruneSent().catch((error) =>
        this.logger.warn(`Outbox prune: ${(error as Error).message}`),
      );
    }
  }

  /** Stops relaying; the current pass finishes and unsent rows wait for the next process. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.signal.removeRelay(this.wakeUp);
    clearInterval(this.sweepTimer);
    clearTimeout(this.nextPass);
    await this.running;
  }

  onApplicationShutdown(): Promise<void> {
    return this.stop();
  }

  /** Runs a relay pass now, or shortly after the one in progress. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.rerun = true;
      return;
    }
    if (this.nextPass) return;
    this.running = this.relayUntilDrained()
      .then(() => undefined)
      .catch((error) => this.logger.warn(`Outbox relay pass failed: ${(error as Error).message}`))
      .finally(() => {
        this.running = undefined;
        if (this.rerun) {
          // Under load, rows arrive with every commit: gathering them for a moment makes one
          // pass (four statements and one Redis round trip) carry many instead of one or two.
          this.rerun = false;
          this.nextPass = setTimeout(() => {
            this.nextPass = undefined;
            this.wake();
          }, BUSY_PASS_INTERVAL_MS);
        }
      });
  }

  /** Sends every unsent row; returns how many were sent. */
  async relayUntilDrained(): Promise<number> {
    let total = 0;
    for (;;) {
      const { sent, failed } = await this.relayBatch();
      total += sent;
      if (failed > 0 || sent < BATCH_SIZE || this.stopped) return total;
    }
  }

  private async relayBatch(): Promise<{ sent: number; failed: number }> {
    return this.dataSource.transaction(async (manager) => {
      const rows: UnsentRow[] = await manager.query(
        `SELECT id, queue, job_name, payload, delay_ms FROM outbox
         WHERE sent_at IS NULL ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [BATCH_SIZE],
      );
      if (rows.length === 0) return { sent: 0, failed: 0 };
      const byQueue = new Map<string, UnsentRow[]>();
      for (const row of rows) byQueue.set(row.queue, [...(byQueue.get(row.queue) ?? []), row]);

      const sentIds: string[] = [];
      let failure: Error | undefined;
      for (const [queueName, queueRows] of byQueue) {
        try {
          const queue = this.queues.get(queueName);
          await withTimeout(
            queue.addBulk(
              queueRows.map((row) => ({
                name: row.job_name,
                data: row.payload,
                opts: { jobId: row.id, delay: row.delay_ms || undefined },
              })),
            ),
            this.config.OUTBOX_ENQUEUE_TIMEOUT_MS,
            `Enqueueing into ${queueName}`,
          );
          sentIds.push(...queueRows.map((row) => row.id));
        } catch (error) {
          failure = error as Error;
          break;
        }
      }
      if (sentIds.length > 0) {
        await manager.query(
          `UPDATE outbox SET sent_at = clock_timestamp(), attempts = attempts + 1 WHERE id = ANY($1)`,
          [sentIds],
        );
      }
      if (failure) {
        const failedIds = rows.map((row) => row.id).filter((id) => !sentIds.includes(id));
        await manager.query(
          `UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE id = ANY($1)`,
          [failedIds, failure.message.slice(0, 500)],
        );
        this.logger.warn(
          `Outbox relay left ${failedIds.length} rows for the sweep: ${failure.message}`,
        );
      }
      return { sent: sentIds.length, failed: rows.length - sentIds.length };
    });
  }

  /** Deletes rows sent long ago; the events table keeps the history. */
  private async pruneSent(): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM outbox WHERE sent_at < clock_timestamp() - $1::interval`,
      [SENT_RETENTION],
    );
  }
}
