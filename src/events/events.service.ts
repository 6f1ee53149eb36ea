import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../common/auth/principal';
import { outboxColumns, OutboxService } from '../outbox/outbox.service';
import { JOB_QUEUES, OutboxJob } from '../queues/queues';
import { EventType } from './event-types';
import { PlatformEvent } from './platform-event.entity';

export interface NewEvent {
  type: EventType;
  subjectType:
    | 'enterprise'
    | 'application'
    | 'certificate'
    | 'task'
    | 'user'
    | 'webhook'
    | 'booking'
    | 'provider'
    | 'institution'
    | 'placement'
    | 'mandate';
  subjectId: string;
  enterpriseId: string | null;
  actor: Actor;
  data?: Record<string, unknown>;
}

/** The event's data; an act of a proxy also names the mandate and the enterprise it acts for. */
function dataOf(event: NewEvent): Record<string, unknown> {
  const mandate = event.actor.mandate;
  return mandate
    ? { ...event.data, mandateId: mandate.id, onBehalfOf: mandate.enterpriseId }
    : (event.data ?? {});
}

@Injectable()
export class EventsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
  ) {}

  /** Appends an event and queues its fan-out, both inside the caller's transaction. */
  async record(manager: EntityManager, event: NewEvent): Promise<string> {
    const [eventId] = await this.recordAll(manager, [event]);
    return eventId;
  }

  /**
   * Appends events, queues their fan-out and the given jobs, in one statement of the caller's
   * transaction. Returns the event ids in order.
   */
  async recordAll(
    manager: EntityManager,
    events: readonly NewEvent[],
    jobs: readonly OutboxJob[] = [],
  ): Promise<string[]> {
    if (events.length === 0) {
      await this.outbox.enqueue(manager, ...jobs);
      return [];
    }
    const rows = await this.writeWithEvents<{ id: string }>(
      manager,
      { select: 'SELECT id FROM recorded ORDER BY seq' },
      events,
      jobs,
    );
    return rows.map((row) => row.id);
  }

  /**
   * One statement for a whole use case: the caller's writes (`ctes`, numbered from $1), then
   * the events with their fan-out and the jobs, which are written only when the CTE `guard`
   * returned a row (so a lost optimistic update writes nothing). Returns the rows of `select`,
   * which sees the tables as they were before the statement, and the CTEs' results.
   */
  async writeWithEvents<T>(
    manager: EntityManager,
    statement: { ctes?: string; params?: unknown[]; guard?: string; select: string },
    events: readonly NewEvent[],
    jobs: readonly OutboxJob[] = [],
  ): Promise<T[]> {
    const params = statement.params ?? [];
    const $ = (n: number) => `$${params.length + n}`;
    const onlyIf = statement.guard ? `WHERE EXISTS (SELECT 1 FROM ${statement.guard})` : '';
    const rows: T[] = await manager.query(
      `WITH ${statement.ctes ? `${statement.ctes},` : ''}
       recorded AS (
         INSERT INTO events (type, subject_type, subject_id, enterprise_id, actor_type, actor_id, data)
         SELECT * FROM unnest(${$(1)}::text[], ${$(2)}::text[], ${$(3)}::uuid[], ${$(4)}::uuid[], ${$(5)}::text[], ${$(6)}::uuid[], ${$(7)}::jsonb[])
         ${onlyIf}
         RETURNING id, seq
       ), queued AS (
         INSERT INTO outbox (queue, job_name, payload, delay_ms)
         SELECT ${$(8)}, 'event.published', jsonb_build_object('eventId', id), 0 FROM recorded
         UNION ALL SELECT * FROM unnest(${$(9)}::text[], ${$(10)}::text[], ${$(11)}::jsonb[], ${$(12)}::int[]) ${onlyIf}
       )
       ${statement.select}`,
      [
        ...params,
        events.map((event) => event.type),
        events.map((event) => event.subjectType),
        events.map((event) => event.subjectId),
        events.map((event) => event.enterpriseId),
        events.map((event) => event.actor.type),
        events.map((event) => event.actor.id),
        events.map((event) => JSON.stringify(dataOf(event))),
        JOB_QUEUES['event.published'],
        ...outboxColumns(jobs),
      ],
    );
    this.outbox.rowsWritten(manager);
    return rows;
  }

  /** A plain query: the fan-out of every event reads one, and hydration would buy nothing. */
  async findById(eventId: string): Promise<PlatformEvent | null> {
    const [event]: PlatformEvent[] = await this.dataSource.query(
      `SELECT id, seq::text, type, enterprise_id AS "enterpriseId", subject_type AS "subjectType",
              subject_id AS "subjectId", actor_id AS "actorId", actor_type AS "actorType", data,
              occurred_at AS "occurredAt"
       FROM events WHERE id = $1`,
      [eventId],
    );
    return event ?? null;
  }
}
