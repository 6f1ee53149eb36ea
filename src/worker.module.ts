import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ApplicationsModule } from './applications/applications.module';
import { StagesProcessor } from './applications/stages.processor';
import { TimersProcessor } from './applications/timers.processor';
import { CertificatesModule } from './certificates/certificates.module';
import { EventsModule } from './events/events.module';
import { EventsProcessor } from './events/events.processor';
import { MaintenanceService } from './maintenance/maintenance.service';
import { MaterialsModule } from './materials/materials.module';
import { NotificationsModule } from './notifications/notifications.module';
import { OutboxRelayModule } from './outbox/outbox.module';
import { JobHandlersCheck } from './queues/job-handlers.check';
import { StatsModule } from './stats/stats.module';
import { WebhooksModule } from './webhooks/webhooks.module';
import { WebhooksProcessor } from './webhooks/webhooks.processor';
import { TasksModule } from './tasks/tasks.module';

/** Everything that consumes jobs or runs on a timer. Only worker processes import it. */
@Module({
  imports: [
    DiscoveryModule,
    ApplicationsModule,
    CertificatesModule,
    EventsModule,
    MaterialsModule,
    NotificationsModule,
    OutboxRelayModule,
    StatsModule,
    TasksModule,
    WebhooksModule,
  ],
  providers: [
    EventsProcessor,
    StagesProcessor,
    TimersProcessor,
    WebhooksProcessor,
    MaintenanceService,
    JobHandlersCheck,
  ],
})
export class WorkerModule {}
