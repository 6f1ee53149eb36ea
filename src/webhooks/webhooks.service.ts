import { randomBytes, randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../common/clock/clock';
import { Principal } from '../common/auth/principal';
import { assertVersion } from '../common/http/versioning';
import {
  mapPage,
  newestFirstPage,
  newestFirstPosition,
  Page,
  PageQuery,
} from '../common/pagination/page';
import { DomainError } from '../common/problem/domain-error';
import { AppConfig } from '../config/app-config';
import { updateReturning } from '../database/update-returning';
import { EventsService } from '../events/events.service';
import type { PlatformEvent } from '../events/platform-event.entity';
import { OutboxService } from '../outbox/outbox.service';
import {
  NewWebhookInput,
  WebhookChangeInput,
  WebhookDeliveryDto,
  WebhookDto,
  WebhookWithSecretDto,
} from './dto/webhook.dto';
import { PING_EVENT } from './webhook-events';
import { WebhookSecretsService } from './webhook-secrets.service';
import { signWebhook } from './webhook-signature';
import { postWebhook, RESPONSE_EXCERPT_CHARS } from './webhook-post';
import { resolveWebhookTarget, WebhookTargetError } from './webhook-target';

interface SubscriptionRow {
  id: string;
  owner_type: 'ENTERPRISE' | 'INTEGRATOR' | 'PARK';
  enterprise_id: string | null;
  api_key_id: string | null;
  url: string;
  events: string[];
  /** Sealed (see WebhookSecretsService); the plaintext is shown only at creation and rotation. */
  secret: string;
  active: boolean;
  disabled_reason: string | null;
  consecutive_failures: number;
  version: number;
  created_at: Date;
}

interface DeliveryRow {
  id: string;
  subscription_id: string;
  event_id: string;
  event_type: string;
  body: Record<string, unknown>;
  status: 'PENDING' | 'SUCCEEDED' | 'FAILED';
  attempts: number;
  last_status_code: number | null;
  created_at: Date;
}

/** Answers worth retrying; any other 4xx is the receiver refusing for good. */
const RETRYABLE_CLIENT_ERRORS = [408, 425, 429];

export class RetryableDeliveryError extends Error {}

const positionOf = (row: { created_at: Date; id: string }) => ({
  createdAt: row.created_at,
  id: row.id,
});

const newSecret = () => `whsec_${randomBytes(24).toString('hex')}`;

function toDto(row: SubscriptionRow): WebhookDto {
  return {
    id: row.id,
    ownerType: row.owner_type,
    enterpriseId: row.enterprise_id,
    url: row.url,
    events: row.events,
    active: row.active,
    disabledReason: row.disabled_reason,
    consecutiveFailures: row.consecutive_failures,
    version: row.version,
    createdAt: row.created_at.toISOString(),
  };
}

/**
 * Signed webhooks: subscriptions per enterprise, integrator or park; one delivery per
 * subscription and event (so an event is never sent under two ids), posted through Bull with
 * retries, every attempt recorded; a run of failures disables the subscription and tells its owner.
 */
@Injectable()
export class WebhooksService {
  private readonly logger = new Logger(WebhooksService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly events: EventsService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly secrets: WebhookSecretsService,
  ) {}

  async createWebhook(principal: Principal, input: NewWebhookInput): Promise<WebhookWithSecretDto> {
    await this.assertTarget(input.url);
    const owner = this.ownerOf(principal);
    const secret = input.secret ?? newSecret();
    // The id is chosen here: the sealed secret is bound to it.
    const id = randomUUID();
    const [row]: SubscriptionRow[] = await this.dataSource.query(
      `INSERT INTO webhook_subscriptions (id, owner_type, enterprise_id, api_key_id, created_by, url, events, secret)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
      [
        id,
        owner.type,
        owner.enterpriseId,
        owner.apiKeyId,
        principal.id,
        input.url,
        input.events,
        this.secrets.seal(id, secret),
      ],
    );
    return { ...toDto(row), secret };
  }

  async listWebhooks(principal: Principal, page: PageQuery): Promise<Page<WebhookDto>> {
    const owner = this.ownerOf(principal);
    const after = newestFirstPosition(page);
    const rows: SubscriptionRow[] = await this.dataSource.query(
      `SELECT * FROM webhook_subscriptions WHERE owner_type = $1 AND enterprise_id IS NOT DISTINCT FROM $2
         AND api_key_id IS NOT DISTINCT FROM $3 AND ($5::timestamptz IS NULL OR (created_at, id) < ($5, $6::uuid))
       ORDER BY created_at DESC, id DESC LIMIT $4`,
      [owner.type, owner.enterpriseId, owner.apiKeyId, page.limit + 1, after.createdAt, after.id],
    );
    return mapPage(newestFirstPage(rows, page, positionOf), toDto);
  }

  async getWebhook(principal: Principal, id: string): Promise<WebhookDto> {
    return toDto(await this.findOwned(this.dataSource.manager, principal, id));
  }

  /** Changes the URL or events, or re-enables a disabled subscription (which resets its failures). */
  async updateWebhook(
    principal: Principal,
    id: string,
    change: WebhookChangeInput,
  ): Promise<WebhookDto> {
    if (change.url) await this.assertTarget(change.url);
    return this.dataSource.transaction(async (manager) => {
      const row = await this.findOwned(manager, principal, id, true);
      assertVersion(row.version, { body: change.expectedVersion }, 'Webhook');
      const reenable = change.active === true && !row.active;
      const [updated] = await updateReturning<SubscriptionRow>(
        manager,
        `UPDATE webhook_subscriptions SET url = $2, events = $3, active = $4,
           disabled_reason = CASE WHEN $4 THEN NULL ELSE disabled_reason END,
           consecutive_failures = CASE WHEN $5 THEN 0 ELSE consecutive_failures END,
           version = version + 1, updated_at = now() WHERE id = $1 RETURNING *`,
        [
          id,
          change.url ?? row.url,
          change.events ?? row.events,
          change.active ?? row.active,
          reenable,
        ],
      );
      return toDto(updated);
    });
  }

  async rotateSecret(principal: Principal, id: string): Promise<WebhookWithSecretDto> {
    await this.findOwned(this.dataSource.manager, principal, id);
    const secret = newSecret();
    const [row] = await updateReturning<SubscriptionRow>(
      this.dataSource,
      `UPDATE webhook_subscriptions SET secret = $2, version = version + 1, updated_at = now() WHERE id = $1 RETURNING *`,
      [id, this.secrets.seal(id, secret)],
    );
    return { ...toDto(row), secret };
  }

  async deleteWebhook(principal: Principal, id: string): Promise<void> {
    await this.findOwned(this.dataSource.manager, principal, id);
    await this.dataSource.query(`DELETE FROM webhook_subscriptions WHERE id = $1`, [id]);
  }

  async listDeliveries(
    principal: Principal,
    id: string,
    page: PageQuery,
  ): Promise<Page<WebhookDeliveryDto>> {
    await this.findOwned(this.dataSource.manager, principal, id);
    const after = newestFirstPosition(page);
    const { data: rows, nextCursor } = newestFirstPage<DeliveryRow>(
      await this.dataSource.query(
        `SELECT * FROM webhook_deliveries WHERE subscription_id = $1
           AND ($3::timestamptz IS NULL OR (created_at, id) < ($3, $4::uuid))
         ORDER BY created_at DESC, id DESC LIMIT $2`,
        [id, page.limit + 1, after.createdAt, after.id],
      ),
      page,
      positionOf,
    );
    const attempts: {
      delivery_id: string;
      attempt: number;
      attempted_at: Date;
      duration_ms: number;
      status_code: number | null;
      error: string | null;
      response_excerpt: string | null;
    }[] = await this.dataSource.query(
      `SELECT * FROM webhook_attempts WHERE delivery_id = ANY($1) ORDER BY delivery_id, attempt`,
      [rows.map((row) => row.id)],
    );
    return {
      data: rows.map((row) => ({
        id: row.id,
        eventId: row.event_id,
        eventType: row.event_type,
        status: row.status,
        attempts: row.attempts,
        lastStatusCode: row.last_status_code,
        attemptLog: attempts
          .filter((attempt) => attempt.delivery_id === row.id)
          .map((attempt) => ({
            attempt: attempt.attempt,
            attemptedAt: attempt.attempted_at.toISOString(),
            durationMs: attempt.duration_ms,
            statusCode: attempt.status_code,
            error: attempt.error,
            responseExcerpt: attempt.response_excerpt,
          })),
        createdAt: row.created_at.toISOString(),
      })),
      nextCursor,
    };
  }

  /** Sends a `webhook.ping` now, through the same path as real events. */
  async sendTest(principal: Principal, id: string): Promise<WebhookDeliveryDto> {
    const subscription = await this.findOwned(this.dataSource.manager, principal, id);
    const eventId = randomUUID();
    await this.dataSource.transaction((manager) =>
      this.createDelivery(manager, subscription.id, {
        id: eventId,
        type: PING_EVENT,
        occurredAt: this.clock.now().toISOString(),
        data: { subscriptionId: subscription.id },
      }),
    );
    const page = await this.listDeliveries(principal, id, { limit: 100 });
    return page.data.find((delivery) => delivery.eventId === eventId)!;
  }

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
    const body = {
      id: event.id,
      type: event.type,
      occurredAt: event.occurredAt.toISOString(),
      data: {
        subjectType: event.subjectType,
        subjectId: event.subjectId,
        enterpriseId: event.enterpriseId,
        ...event.data,
      },
    };
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
          'user-agent': 'Parkline-Webhooks/1',
          'x-parkline-event-id': delivery.event_id,
          'x-parkline-timestamp': String(timestamp),
          'x-signature': signWebhook(
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

  private async createDelivery(
    manager: EntityManager,
    subscriptionId: string,
    body: { id: string; type: string; occurredAt: string; data: Record<string, unknown> },
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

  private async assertTarget(url: string): Promise<void> {
    try {
      await resolveWebhookTarget(url, this.config.WEBHOOK_ALLOWLIST);
    } catch (error) {
      if (error instanceof WebhookTargetError) throw DomainError.invalidField('url', error.message);
      throw error;
    }
  }

  /** Enterprises own theirs, integrators theirs (all bound enterprises), admins the park's. */
  private ownerOf(principal: Principal): {
    type: SubscriptionRow['owner_type'];
    enterpriseId: string | null;
    apiKeyId: string | null;
  } {
    if (principal.kind === 'api_key')
      return { type: 'INTEGRATOR', enterpriseId: null, apiKeyId: principal.id };
    if (principal.enterpriseId)
      return { type: 'ENTERPRISE', enterpriseId: principal.enterpriseId, apiKeyId: null };
    if (principal.role === 'ADMIN') return { type: 'PARK', enterpriseId: null, apiKeyId: null };
    throw new DomainError('forbidden', 'Officers do not subscribe to webhooks');
  }

  private async findOwned(
    manager: EntityManager,
    principal: Principal,
    id: string,
    lock = false,
  ): Promise<SubscriptionRow> {
    const owner = this.ownerOf(principal);
    const [row]: SubscriptionRow[] = await manager.query(
      `SELECT * FROM webhook_subscriptions WHERE id = $1 AND owner_type = $2 AND enterprise_id IS NOT DISTINCT FROM $3
         AND api_key_id IS NOT DISTINCT FROM $4 ${lock ? 'FOR UPDATE' : ''}`,
      [id, owner.type, owner.enterpriseId, owner.apiKeyId],
    );
    if (!row) throw DomainError.notFound('Webhook');
    return row;
  }
}
