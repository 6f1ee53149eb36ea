import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { ApplicationsModule } from './applications/applications.module';
import { CertificatesModule } from './certificates/certificates.module';
import { Clock } from './common/clock/clock';
import { SignalsModule } from './common/signals/signals.module';
import { ClockModule } from './common/clock/clock.module';
import { MaterialsModule } from './materials/materials.module';
import { TasksModule } from './tasks/tasks.module';
import { AuditModule } from './audit/audit.module';
import { AccessGuard } from './auth/access.guard';
import { ApiKeyUseInterceptor } from './auth/api-key-use.interceptor';
import { AuthModule } from './auth/auth.module';
import { CalendarModule } from './calendar/calendar.module';
import { CatalogueModule } from './catalogue/catalogue.module';
import { RequestBodyInterceptor } from './common/http/request-body';
import { IdempotencyModule } from './common/idempotency/idempotency.module';
import { RateLimitGuard } from './common/rate-limit/rate-limit.guard';
import { RateLimitModule } from './common/rate-limit/rate-limit.module';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { DirectoryModule } from './directory/directory.module';
import { EnterprisesModule } from './enterprises/enterprises.module';
import { HealthModule } from './health/health.module';
import { LoggingModule } from './logging/logging.module';
import { MetricsModule } from './metrics/metrics.module';
import { NotificationsModule } from './notifications/notifications.module';
import { ParkPlanModule } from './park-plan/park-plan.module';
import { PipelineModule } from './pipeline/pipeline.module';
import { QueueDashboard } from './queues/queue-dashboard.service';
import { QueuesModule } from './queues/queues.module';
import { ResourcesModule } from './resources/resources.module';
import { SeedModule } from './seed/seed.module';
import { ShutdownModule } from './shutdown/shutdown.module';
import { StatsModule } from './stats/stats.module';
import { WebhooksModule } from './webhooks/webhooks.module';
import { MandatesModule } from './mandates/mandates.module';
import { ProvidersModule } from './providers/providers.module';
import { InstitutionsModule } from './institutions/institutions.module';
import { PlacementsModule } from './placements/placements.module';
import { UsersModule } from './users/users.module';
import { WorkerModule } from './worker.module';

/** The HTTP API's feature modules. */
@Module({
  imports: [
    AuthModule,
    UsersModule,
    ApiKeysModule,
    EnterprisesModule,
    ParkPlanModule,
    PipelineModule,
    DirectoryModule,
    NotificationsModule,
    CatalogueModule,
    CalendarModule,
    ApplicationsModule,
    TasksModule,
    CertificatesModule,
    MaterialsModule,
    StatsModule,
    WebhooksModule,
    ResourcesModule,
    ProvidersModule,
    MandatesModule,
    InstitutionsModule,
    PlacementsModule,
  ],
  providers: [QueueDashboard],
})
export class ApiModule {}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule.forRoot(clock),
        LoggingModule,
        DatabaseModule,
        SignalsModule,
        QueuesModule,
        AuditModule,
        IdempotencyModule,
        AuthModule,
        SeedModule,
        ShutdownModule,
        HealthModule,
        MetricsModule,
        RateLimitModule,
        ...(config.runsApi ? [ApiModule] : []),
        ...(config.runsWorker ? [WorkerModule] : []),
      ],
      providers: [
        // Deny by default in every role. Order matters: the rate limit keys on the principal.
        { provide: APP_GUARD, useExisting: AccessGuard },
        { provide: APP_GUARD, useClass: RateLimitGuard },
        // Before any route interceptor: nothing reads a body its route does not take.
        { provide: APP_INTERCEPTOR, useClass: RequestBodyInterceptor },
        { provide: APP_INTERCEPTOR, useClass: ApiKeyUseInterceptor },
      ],
    };
  }
}
