import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { EventsModule } from './events/events.module';
import { EventsProcessor } from './events/events.processor';
import { NotificationsModule } from './notifications/notifications.module';
import { OutboxRelayModule } from './outbox/outbox.module';
import { JobHandlersCheck } from './queues/job-handlers.check';

/** Everything that consumes jobs. Only worker processes import it. */
@Module({
  imports: [DiscoveryModule, EventsModule, NotificationsModule, OutboxRelayModule],
  providers: [EventsProcessor, JobHandlersCheck],
})
export class WorkerModule {}
