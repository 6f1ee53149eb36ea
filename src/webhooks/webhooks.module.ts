import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { WebhookDeliveriesService } from './webhook-deliveries.service';
import { WebhookSecretsService } from './webhook-secrets.service';
import { WebhooksController } from './webhooks.controller';
import { WebhooksService } from './webhooks.service';

@Module({
  imports: [EventsModule],
  controllers: [WebhooksController],
  providers: [WebhooksService, WebhookDeliveriesService, WebhookSecretsService],
  exports: [WebhooksService, WebhookDeliveriesService],
})
export class WebhooksModule {}
