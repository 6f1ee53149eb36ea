import { Module } from '@nestjs/common';
import { OutboxService } from '../outbox/outbox.service';
import { EventsService } from './events.service';

@Module({ providers: [EventsService, OutboxService], exports: [EventsService, OutboxService] })
export class EventsModule {}
