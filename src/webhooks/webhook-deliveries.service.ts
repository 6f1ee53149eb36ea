import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../common/clock/clock';
import { AppConfig } from '../config/app-config';
import { updateReturning } from '../database/update-returning';
import { EventsService } from '../events/events.service';
import type { PlatformEvent } from '../events/platform-event.entity';
import { OutboxService } from '../outbox/outbox.service';
import { DeliveryBody, deliveryBodyOf, PING_EVENT } from './webhook-events';
import { postWebhook, RESPONSE_EXCERPT_CHARS } from './webhook-post';
import { DeliveryRow, SubscriptionRow } from './webhook-rows';
import { WebhookSecretsService } from './webhook-secrets.service';
import { signWebhook, WEBHOOK_HEADERS } from './webhook-signature';
import { resolveWebhookTarget, WebhookTargetError } from './webhook-target';

export const WEBHOOK_USER_AGENT = 'Parkline-Webhooks/1';

/** Answers worth retrying; any other 4xx is the receiver refusing for good. */
export const RETRYABLE_CLIENT_ERRORS = [408, 425, 429];

export class RetryableDeliveryError extends Error {}

/**
 * Delivering events to subscriptions: one delivery per subscription and event (so an event is
 * never sent under two ids), posted through Bull with retries and every attempt recorded; a run
 * of failures disables the subscription and tells its owner.
 */
@Injectable()
export class WebhookDeliveriesService {
  private readonly logger = new Logger(WebhookDeliveriesService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly events: EventsService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly secrets: WebhookSecretsService,
  ) {}

  /** Fan-out: one delivery per matching active subscription; a repeated event adds none. */
  async enqueueDeliveries(event: PlatformEvent): Promise<number> {
    const subscriptions: { id: string }[] = await this.dataSource.query(
      `SELECT s.id FROM webhook_subscriptions s LEFT JOIN api_keys k ON k.id = s.api_key_id
       WHERE s.active AND $1 = ANY(s.events) AND (
         s.owner_type = 'PARK'
         OR (s.owner_type = 'ENTERPRISE' AND s.enterprise_id = $2)
         OR (s.owner_type = 'INTEGRATOR' AND k.revoked_at IS NULL AND $2 = ANY(k.enterprise_ids)))`,
      [event.type, event.enterpriseId],
    );
    if (subscriptions.length === 0) return 0;
    const body = deliveryBodyOf(event);
    let created = 0;
    await this.dataSource.transaction(async (manager) => {
      for (const subscription of subscriptions)
        created += (await this.createDelivery(manager, subscription.id, body)) ? 1 : 0;
    });
    return created;
  }

  /**
   * One attempt, recorded whatever happens. Network errors, timeouts, refused targets, 5xx and
   * 408/429 throw so Bull retries with backoff; success or a final refusal (other 4xx, or a
   * redirect, which is not followed) settles the delivery.
   */
  async attemptDelivery(
    deliveryId: string,
    attempt: number,
    lastAttempt: boolean,
  ): Promise<{ statusCode: number | null }> {
    const [delivery]: (DeliveryRow & { url: string; secret: string; active: boolean })[] =
      await this.dataSource.query(
        `SELECT d.*, s.url, s.secret, s.active FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id WHERE d.id = $1`,
        [deliveryId],
      );
    if (!delivery || delivery.status !== 'PENDING')
      return { statusCode: delivery?.last_status_code ?? null };
    if (!delivery.active && delivery.event_type !== PING_EVENT) {
      await this.settle(delivery, 'FAILED', null);
      return { statusCode: null };
    }
    const started = this.clock.now();
    const timestamp = Math.floor(started.getTime() / 1000);
    const body = JSON.stringify(delivery.body);
    let statusCode: number | null = null;
    let error: string | null = null;
    let excerpt: string | null = null;
    try {
      const target = await resolveWebhookTarget(delivery.url, this.config.WEBHOOK_ALLOWLIST);
      const answer = await postWebhook(target, {
        headers: {
          'content-type': 'application/json',
          'user-agent': WEBHOOK_USER_AGENT,
          [WEBHOOK_HEADERS.eventId]: delivery.event_id,
          [WEBHOOK_HEADERS.timestamp]: String(timestamp),
          [WEBHOOK_HEADERS.signature]: signWebhook(
            this.secrets.reveal(delivery.subscription_id, delivery.secret),
            timestamp,
            body,
          ),
        },
        body,
        timeoutMs: this.config.WEBHOOK_TIMEOUT_MS,
      });
      statusCode = answer.statusCode;
      excerpt = answer.excerpt;
    } catch (failure) {
      error =
        failure instanceof WebhookTargetError
          ? `refused target: ${failure.message}`
          : (failure as Error).message.slice(0, RESPONSE_EXCERPT_CHARS);
    }
    await this.dataSource.query(
      `INSERT INTO webhook_attempts (delivery_id, attempt, attempted_at, duration_ms, status_code, error, response_excerpt)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [deliveryId, attempt, started, Date.now() - started.getTime(), statusCode, error, excerpt],
    );
    await this.dataSource.query(
      `UPDATE webhook_deliveries SET attempts = attempts + 1, last_status_code = $2 WHERE id = $1`,
      [deliveryId, statusCode],
    );
    if (statusCode !== null && statusCode >= 200 && statusCode < 300) {
      await this.settle(delivery, 'SUCCEEDED', statusCode);
      return { statusCode };
    }
    const retryable =
      statusCode === null || statusCode >= 500 || RETRYABLE_CLIENT_ERRORS.includes(statusCode);
    if (retryable && !lastAttempt)
      throw new RetryableDeliveryError(error ?? `receiver answered ${statusCode}`);
    await this.settle(delivery, 'FAILED', statusCode);
    return { statusCode };
  }

  private async settle(
    delivery: DeliveryRow,
    status: 'SUCCEEDED' | 'FAILED',
    statusCode: number | null,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `UPDATE webhook_deliveries SET status = $2, finished_at = now() WHERE id = $1 AND status = 'PENDING'`,
        [delivery.id, status],
      );
      if (delivery.event_type === PING_EVENT) return;
      if (status === 'SUCCEEDED') {
        await manager.query(
          `UPDATE webhook_subscriptions SET consecutive_failures = 0 WHERE id = $1`,
          [delivery.subscription_id],
        );
        return;
      }
      const [subscription] = await updateReturning<SubscriptionRow>(
        manager,
        `UPDATE webhook_subscriptions SET consecutive_failures = consecutive_failures + 1,
           active = CASE WHEN consecutive_failures + 1 >= $2 THEN false ELSE active END,
           disabled_reason = CASE WHEN consecutive_failures + 1 >= $2 AND active THEN $3 ELSE disabled_reason END
         WHERE id = $1 RETURNING *`,
        [
          delivery.subscription_id,
          this.config.WEBHOOK_DISABLE_AFTER,
          `${this.config.WEBHOOK_DISABLE_AFTER} deliveries failed in a row (last: ${statusCode ?? 'no response'})`,
        ],
      );
      if (
        subscription &&
        !subscription.active &&
        subscription.consecutive_failures === this.config.WEBHOOK_DISABLE_AFTER
      ) {
        this.logger.warn(
          `Webhook ${subscription.id} disabled after ${subscription.consecutive_failures} failed deliveries`,
        );
        await this.events.record(manager, {
          type: 'webhook.disabled',
          subjectType: 'webhook',
          subjectId: subscription.id,
          enterpriseId: subscription.enterprise_id,
          actor: { type: 'system', id: null },
          data: {
            url: subscription.url,
            ownerType: subscription.owner_type,
            reason: subscription.disabled_reason,
          },
        });
      }
    });
  }

  /** Creates a pending delivery and its outbox row; a repeat of the same event creates none. */
  async createDelivery(
    manager: EntityManager,
    subscriptionId: string,
    body: DeliveryBody,
  ): Promise<boolean> {
    const [created] = await manager.query(
      `INSERT INTO webhook_deliveries (subscription_id, event_id, event_type, body, status) VALUES ($1, $2, $3, $4, 'PENDING')
       ON CONFLICT (subscription_id, event_id) DO NOTHING RETURNING id`,
      [subscriptionId, body.id, body.type, body],
    );
    if (!created) return false;
    await this.outbox.enqueue(manager, {
      name: 'webhook.deliver',
      data: { deliveryId: created.id },
    });
    return true;
  }
}
