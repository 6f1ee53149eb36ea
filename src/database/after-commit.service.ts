import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DataSource,
  EntityManager,
  EntitySubscriberInterface,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';

/**
 * Work that must wait until a transaction's changes are visible to others: waking the outbox
 * relay, dropping cached copies of what the transaction changed. A rolled-back transaction
 * drops its callbacks; the same callback queued twice runs once.
 */
@Injectable()
export class AfterCommit implements EntitySubscriberInterface {
  private readonly logger = new Logger(AfterCommit.name);
  private readonly pending = new WeakMap<QueryRunner, Set<() => void>>();

  constructor(@InjectDataSource() dataSource: DataSource) {
    dataSource.subscribers.push(this);
  }

  /** Runs `callback` once the transaction of `manager` commits; at once outside a transaction. */
  run(manager: EntityManager, callback: () => void): void {
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive) return this.call(callback);
    const callbacks = this.pending.get(runner) ?? new Set();
    callbacks.add(callback);
    this.pending.set(runner, callbacks);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    const runner = event.queryRunner;
    // A released savepoint is not a commit: wait for the outermost one.
    if (runner.isTransactionActive) return;
    const callbacks = this.pending.get(runner);
    this.pending.delete(runner);
    callbacks?.forEach((callback) => this.call(callback));
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) this.pending.delete(event.queryRunner);
  }

  private call(callback: () => void): void {
    try {
      callback();
    } catch (error) {
      this.logger.warn(`After commit: ${(error as Error).message}`);
    }
  }
}
