import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhook signing secrets are kept encrypted (AES-256-GCM envelopes `v1:keyId:...` under
 * WEBHOOK_SECRET_KEYS). A migration cannot know the key, so it marks the existing plaintext
 * secrets `plaintext:`, a prefix no envelope has, and the platform encrypts them at boot, before
 * it serves requests. From then on the column holds envelopes only.
 */
export class EncryptWebhookSecretsAtRest1795910000001 implements MigrationInterface {
  name = 'EncryptWebhookSecretsAtRest1795910000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE webhook_subscriptions SET secret = 'plaintext:' || secret`);
    await queryRunner.query(
      `ALTER TABLE webhook_subscriptions ADD CONSTRAINT webhook_secret_sealed_check
         CHECK (starts_with(secret, 'v1:') OR starts_with(secret, 'plaintext:'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Encrypted secrets cannot be decrypted here: their subscriptions need a new secret
    // (rotate-secret) after a revert.
    await queryRunner.query(
      `ALTER TABLE webhook_subscriptions DROP CONSTRAINT webhook_secret_sealed_check`,
    );
    await queryRunner.query(
      `UPDATE webhook_subscriptions SET secret = substr(secret, length('plaintext:') + 1)
       WHERE starts_with(secret, 'plaintext:')`,
    );
  }
}
