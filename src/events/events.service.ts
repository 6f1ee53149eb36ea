import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../common/auth/principal';
import { OutboxService } from '../outbox/outbox.service';
import { EventType } from './event-types';
import { PlatformEvent } from './platform-event.entity';

export interface NewEvent {
  type: EventType;
  subjectType: 'enterprise' | 'application' | 'certificate' | 'task' | 'user' | 'webhook';
  subjectId: string;
  enterpriseId: string | null;
  actor: Actor;
  data?: Record<string, unknown>;
}

@Injectable()
export class EventsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
  ) {}

  /** Appends an event and queues its fan-out, both inside the caller's transaction. */
  async record(manager: EntityManager, event: NewEvent): Promise<string> {
    const [{ id: eventId }]: { id: string }[] = await manager.query(
      `INSERT INTO events (type, subject_type, subject_id, enterprise_id, actor_type, actor_id, data)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        event.type,
        event.subjectType,
        event.subjectId,
        event.enterpriseId,
        event.actor.type,
        event.actor.id,
        event.data ?? {},
      ],
    );
    await this.outbox.enqueue(manager, { name: 'event.published', data: { eventId } });
    return eventId;
  }

  findById(eventId: string): Promise<PlatformEvent | null> {
    return this.dataSource.getRepository(PlatformEvent).findOneBy({ id: eventId });
  }
}
