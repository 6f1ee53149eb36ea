import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Proxy handling: an enterprise mandates the park service centre's window (or one of its
 * staff) or a listed provider to file, upload and answer supplements for it, within a scope of
 * services and a period, with or without the right to submit. Applications keep the mandate
 * they were drafted under.
 */
export class CreateMandates1797000000000 implements MigrationInterface {
  name = 'CreateMandates1797000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE mandates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enterprise_id uuid NOT NULL REFERENCES enterprises (id),
        holder_kind text NOT NULL CHECK (holder_kind IN ('SERVICE_CENTRE', 'USER', 'PROVIDER')),
        holder_user_id uuid REFERENCES users (id),
        holder_provider_id uuid REFERENCES service_providers (id),
        service_codes text[],
        valid_from date NOT NULL,
        valid_until date NOT NULL,
        can_submit boolean NOT NULL,
        note text NOT NULL DEFAULT '',
        granted_by uuid NOT NULL REFERENCES users (id),
        granted_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_by uuid REFERENCES users (id),
        revoke_reason text,
        version integer NOT NULL DEFAULT 1,
        CHECK (valid_until >= valid_from),
        CHECK ((holder_kind = 'USER') = (holder_user_id IS NOT NULL)),
        CHECK ((holder_kind = 'PROVIDER') = (holder_provider_id IS NOT NULL)),
        CHECK (service_codes IS NULL OR cardinality(service_codes) > 0)
      )`);
    await queryRunner.query(
      `CREATE INDEX mandates_of_enterprise ON mandates (enterprise_id, granted_at DESC, id DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX mandates_live_of_holder ON mandates (holder_kind, holder_user_id, holder_provider_id) WHERE revoked_at IS NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE applications ADD COLUMN mandate_id uuid REFERENCES mandates (id)`,
    );
    await queryRunner.query(
      `CREATE INDEX applications_by_mandate ON applications (mandate_id) WHERE mandate_id IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE applications DROP COLUMN mandate_id`);
    await queryRunner.query(`DROP TABLE mandates`);
  }
}
