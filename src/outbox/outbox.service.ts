import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { JOB_QUEUES, OutboxJob } from '../queues/queues';

/**
 * Hands work to Bull through PostgreSQL: the row is written in the caller's transaction, so
 * the job exists exactly when the state change that asked for it committed.
 */
@Injectable()
export class OutboxService {
  async enqueue(manager: EntityManager, ...jobs: OutboxJob[]): Promise<string[]> {
    if (jobs.length === 0) return [];
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO outbox (queue, job_name, payload, delay_ms)
       SELECT * FROM unnest($1::text[], $2::text[], $3::jsonb[], $4::int[]) RETURNING id`,
      [
        jobs.map((job) => JOB_QUEUES[job.name]),
        jobs.map((job) => job.name),
        jobs.map((job) => JSON.stringify(job.data)),
        jobs.map((job) => job.delayMs ?? 0),
      ],
    );
    return rows.map((row) => row.id);
  }
}
