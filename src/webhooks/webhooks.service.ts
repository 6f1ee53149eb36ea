import { randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
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
import {
  NewWebhookInput,
  WebhookChangeInput,
  WebhookDeliveryDto,
  WebhookDto,
  WebhookWithSecretDto,
} from './dto/webhook.dto';
import { PING_EVENT } from './webhook-events';
import { WebhookDeliveriesService } from './webhook-deliveries.service';
import { DeliveryRow, SubscriptionRow } from './webhook-rows';
import { WebhookSecretsService } from './webhook-secrets.service';

import { resolveWebhookTarget, WebhookTargetError } from './webhook-target';

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
 * Webhook subscriptions per enterprise, integrator or park, and the log of what was delivered
 * to them (see WebhookDeliveriesService).
 */
@Injectable()
export class WebhooksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly deliveries: WebhookDeliveriesService,
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
      this.deliveries.createDelivery(manager, subscription.id, {
        id: eventId,
        type: PING_EVENT,
        occurredAt: this.clock.now().toISOString(),
        data: { subscriptionId: subscription.id },
      }),
    );
    const page = await this.listDeliveries(principal, id, { limit: 100 });
    return page.data.find((delivery) => delivery.eventId === eventId)!;
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
