import { Process, Processor } from '@nestjs/bull';
import { Logger } from '@nestjs/common';
import type { Job } from 'bull';
import { BundleCoordinator } from '../applications/bundle-coordinator.service';
import { NotificationsService } from '../notifications/notifications.service';
import { StatsService } from '../stats/stats.service';
import { WebhookDeliveriesService } from '../webhooks/webhook-deliveries.service';
import { JobPayloads, QUEUES } from '../queues/queues';
import { EventsService } from './events.service';

/** Fans each recorded event out to its subscribers; each subscriber is idempotent per event. */
@Processor(QUEUES.EVENTS)
export class EventsProcessor {
  private readonly logger = new Logger(EventsProcessor.name);

  constructor(
    private readonly events: EventsService,
    private readonly notifications: NotificationsService,
    private readonly bundles: BundleCoordinator,
    private readonly stats: StatsService,
    private readonly webhooks: WebhookDeliveriesService,
  ) {}

  @Process({ name: 'event.published', concurrency: 4 })
  async publishEvent(job: Job<JobPayloads['event.published']>): Promise<{ notified: number }> {
    const event = await this.events.findById(job.data.eventId);
    if (!event) {
      // The outbox row commits with its event, so this only happens for a foreign job.
      this.logger.warn(
        `Event ${job.data.eventId} of job ${job.id} does not exist; nothing to publish`,
      );
      return { notified: 0 };
    }
    const notified = await this.notifications.notifyAbout(event);
    await this.bundles.onEvent(event);
    await this.stats.applyEvent(event);
    await this.webhooks.enqueueDeliveries(event);
    return { notified };
  }
}
