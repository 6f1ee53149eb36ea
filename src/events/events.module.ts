import { Module } from '@nestjs/common';
import { OutboxModule } from '../outbox/outbox.module';
import { EventsService } from './events.service';

@Module({
  imports: [OutboxModule],
  providers: [EventsService],
  exports: [EventsService, OutboxModule],
})
export class EventsModule {}
