import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import {
  envelopePrefix,
  parseEnvelopeKeys,
  SecretEnvelopes,
} from '../common/crypto/secret-envelope';

/** What the migration that introduced encryption put before each secret it found in clear. */
const LEGACY_PLAINTEXT = 'plaintext:';
const RESEAL_BATCH = 500;

/** Binds an envelope to its subscription: copied onto another row it does not open. */
const associatedData = (subscriptionId: string) => `webhook_subscriptions.secret:${subscriptionId}`;

/**
 * Webhook signing secrets at rest: sealed under the first of WEBHOOK_SECRET_KEYS, opened only
 * to sign a delivery. At boot, secrets left in clear by the migration and secrets under an
 * older key are sealed under the current one, so a retired key can be removed once every
 * process has booted with the new list.
 */
@Injectable()
export class WebhookSecretsService implements OnApplicationBootstrap {
  private readonly logger = new Logger(WebhookSecretsService.name);
  private readonly envelopes: SecretEnvelopes;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    config: AppConfig,
  ) {
    this.envelopes = new SecretEnvelopes(parseEnvelopeKeys(config.WEBHOOK_SECRET_KEYS));
  }

  async onApplicationBootstrap(): Promise<void> {
    const resealed = await this.resealStoredSecrets();
    if (resealed > 0)
      this.logger.log(
        `Sealed ${resealed} webhook secrets under key "${this.envelopes.sealingKeyId}"`,
      );
  }

  seal(subscriptionId: string, secret: string): string {
    return this.envelopes.seal(secret, associatedData(subscriptionId));
  }

  /** The secret that signs deliveries; a row still in clear (before the boot step) works too. */
  reveal(subscriptionId: string, stored: string): string {
    return stored.startsWith(LEGACY_PLAINTEXT)
      ? stored.slice(LEGACY_PLAINTEXT.length)
      : this.envelopes.open(stored, associatedData(subscriptionId));
  }

  /**
   * Seals every secret not yet under the current key. Processes booting together share the
   * rows (SKIP LOCKED); a secret under a key no longer listed stops the boot, naming it.
   */
  async resealStoredSecrets(): Promise<number> {
    const unknown: { key_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT split_part(secret, ':', 2) AS key_id FROM webhook_subscriptions
       WHERE starts_with(secret, 'v1:') AND split_part(secret, ':', 2) <> ALL($1)`,
      [this.envelopes.keyIds],
    );
    if (unknown.length > 0)
      throw new Error(
        `WEBHOOK_SECRET_KEYS lacks ${unknown.map((row) => `"${row.key_id}"`).join(', ')}, ` +
          'which webhook secrets are sealed under: list it after the current key until the boot re-seals them',
      );
    let resealed = 0;
    for (;;) {
      const batch = await this.dataSource.transaction(async (manager) => {
        const rows: { id: string; secret: string }[] = await manager.query(
          `SELECT id, secret FROM webhook_subscriptions WHERE NOT starts_with(secret, $1)
           ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED`,
          [envelopePrefix(this.envelopes.sealingKeyId), RESEAL_BATCH],
        );
        if (rows.length > 0)
          await manager.query(
            `UPDATE webhook_subscriptions s SET secret = sealed.secret
             FROM unnest($1::uuid[], $2::text[]) AS sealed(id, secret) WHERE s.id = sealed.id`,
            [
              rows.map((row) => row.id),
              rows.map((row) => this.seal(row.id, this.reveal(row.id, row.secret))),
            ],
          );
        return rows.length;
      });
      resealed += batch;
      if (batch < RESEAL_BATCH) return resealed;
    }
  }
}
