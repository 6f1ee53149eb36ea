import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { JOB_QUEUES, OutboxJob } from '../queues/queues';
import { OutboxSignal } from './outbox-signal.service';

/** Outbox rows as the arrays of `unnest($n::text[], $n+1::text[], $n+2::jsonb[], $n+3::int[])`. */
export function outboxColumns(
  jobs: readonly OutboxJob[],
): [string[], string[], string[], number[]] {
  return [
    jobs.map((job) => JOB_QUEUES[job.name]),
    jobs.map((job) => job.name),
    jobs.map((job) => JSON.stringify(job.data)),
    jobs.map((job) => job.delayMs ?? 0),
  ];
}

/**
 * Hands work to Bull through PostgreSQL: the row is written in the caller's transaction, so
 * the job exists exactly when the state change that asked for it committed.
 */
@Injectable()
export class OutboxService {
  constructor(private readonly signal: OutboxSignal) {}

  async enqueue(manager: EntityManager, ...jobs: OutboxJob[]): Promise<void> {
    if (jobs.length === 0) return;
    await manager.query(
      `INSERT INTO outbox (queue, job_name, payload, delay_ms)
       SELECT * FROM unnest($1::text[], $2::text[], $3::jsonb[], $4::int[])`,
      outboxColumns(jobs),
    );
    this.rowsWritten(manager);
  }

  /** Rows written by another statement of `manager` (one that records events with its jobs). */
  rowsWritten(manager: EntityManager): void {
    this.signal.rowsWritten(manager);
  }
}
