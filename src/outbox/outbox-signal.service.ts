import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import Redis from 'ioredis';
import {
  DataSource,
  EntityManager,
  EntitySubscriberInterface,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';
import { AppConfig } from '../config/app-config';

/**
 * Wakes the outbox relay once rows it should send have committed. NOTIFY would do it inside
 * PostgreSQL, but a notifying transaction takes a database-wide lock at commit, which
 * serialises every write under load; so the committing process signals after COMMIT instead:
 * directly when it runs a relay itself, otherwise through a Redis channel the relays listen
 * on. A lost signal costs latency only: the relay's sweep sends whatever is left.
 */
@Injectable()
export class OutboxSignal implements EntitySubscriberInterface, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxSignal.name);
  private readonly channel: string;
  /** Transactions that wrote outbox rows and have not committed yet. */
  private readonly pending = new WeakSet<QueryRunner>();
  private readonly localRelays = new Set<() => void>();
  private publisher?: Redis;
  private subscriber?: Redis;
  private publishing = false;
  private publishAgain = false;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly config: AppConfig,
  ) {
    dataSource.subscribers.push(this);
    this.channel = `${config.BULL_PREFIX}:outbox`;
  }

  /** Called after outbox rows were written through `manager`: signals now, or after its commit. */
  rowsWritten(manager: EntityManager): void {
    const runner = manager.queryRunner;
    if (runner?.isTransactionActive) this.pending.add(runner);
    else this.signal();
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    const runner = event.queryRunner;
    // A released savepoint is not a commit: wait for the outermost one.
    if (runner.isTransactionActive || !this.pending.delete(runner)) return;
    this.signal();
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) this.pending.delete(event.queryRunner);
  }

  /** A relay of this process: woken directly, and by the signals of other processes. */
  async addRelay(wake: () => void): Promise<void> {
    this.localRelays.add(wake);
    if (this.subscriber) return;
    this.subscriber = this.redis();
    this.subscriber.on('message', () => this.localRelays.forEach((relay) => relay()));
    await this.subscriber.subscribe(this.channel);
  }

  removeRelay(wake: () => void): void {
    this.localRelays.delete(wake);
  }

  onApplicationShutdown(): void {
    this.subscriber?.disconnect();
    this.publisher?.disconnect();
  }

  private signal(): void {
    if (this.localRelays.size > 0) this.localRelays.forEach((relay) => relay());
    else this.publish();
  }

  /**
   * At most one PUBLISH in flight: commits meanwhile are covered by one more after it, since a
   * relay woken by the first may have read the outbox before they committed.
   */
  private publish(): void {
    if (this.publishing) {
      this.publishAgain = true;
      return;
    }
    this.publishing = true;
    this.publisher ??= this.redis();
    this.publisher
      .publish(this.channel, '')
      .catch((error: Error) => this.logger.warn(`Outbox signal not sent: ${error.message}`))
      .finally(() => {
        this.publishing = false;
        if (this.publishAgain) {
          this.publishAgain = false;
          this.publish();
        }
      });
  }

  /** Gives up on a signal after one reconnect while Redis is away: the sweep covers it. */
  private redis(): Redis {
    const redis = new Redis(this.config.REDIS_URL, { maxRetriesPerRequest: 1 });
    redis.on('error', (error: Error) => this.logger.debug(`Outbox signal: ${error.message}`));
    return redis;
  }
}
