import { Process, Processor } from '@nestjs/bull';
import type { Job } from 'bull';
import { JobPayloads, QUEUES } from '../queues/queues';
import { WebhookDeliveriesService } from './webhook-deliveries.service';

/** Webhook deliveries; a thrown attempt is retried by Bull with the webhook backoff. */
@Processor(QUEUES.WEBHOOKS)
export class WebhooksProcessor {
  constructor(private readonly deliveries: WebhookDeliveriesService) {}

  @Process({ name: 'webhook.deliver', concurrency: 8 })
  deliverWebhook(job: Job<JobPayloads['webhook.deliver']>) {
    const attempt = job.attemptsMade + 1;
    return this.deliveries.attemptDelivery(
      job.data.deliveryId,
      attempt,
      attempt >= (job.opts.attempts ?? 1),
    );
  }
}
