import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { WebhookSecretsService } from './webhook-secrets.service';
import { WebhooksController } from './webhooks.controller';
import { WebhooksService } from './webhooks.service';

@Module({
  imports: [EventsModule],
  controllers: [WebhooksController],
  providers: [WebhooksService, WebhookSecretsService],
  exports: [WebhooksService],
})
export class WebhooksModule {}
