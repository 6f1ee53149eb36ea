import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreatePlatformFoundation1795400000000 implements MigrationInterface {
  name = 'CreatePlatformFoundation1795400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    // Keyset cursors carry created_at with millisecond precision, so listed tables store exactly that.

    await queryRunner.query(`
      CREATE TABLE departments (
        code text PRIMARY KEY,
        name text NOT NULL,
        name_en text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await queryRunner.query(`
      CREATE TABLE enterprises (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        name_en text,
        credit_code char(18) NOT NULL,
        sector text NOT NULL CHECK (sector IN ('ANTIBODY_PROTEIN', 'CELL_GENE_THERAPY', 'SMALL_MOLECULE',
          'VACCINE', 'MEDICAL_DEVICE', 'DIAGNOSTICS', 'CXO', 'DIGITAL_HEALTH', 'OTHER')),
        zone text NOT NULL,
        legal_representative text,
        registered_capital_cny numeric(18, 2),
        established_on date,
        pipeline_stage text,
        contact_name text,
        contact_phone text,
        contact_email text,
        verified_at timestamptz,
        verified_by uuid,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
        updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT enterprises_credit_code_key UNIQUE (credit_code)
      )`);
    await queryRunner.query(
      `CREATE INDEX enterprises_created_idx ON enterprises (created_at DESC, id DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX enterprises_sector_idx ON enterprises (sector, created_at DESC, id DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX enterprises_zone_idx ON enterprises (zone, created_at DESC, id DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX enterprises_unverified_idx ON enterprises (created_at DESC, id DESC) WHERE verified_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX enterprises_name_trgm_idx ON enterprises USING gin (name gin_trgm_ops)`,
    );

    await queryRunner.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        password_hash text NOT NULL,
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('ENTERPRISE_ADMIN', 'ENTERPRISE_MEMBER', 'OFFICER', 'DEPARTMENT_HEAD', 'ADMIN')),
        enterprise_id uuid REFERENCES enterprises (id),
        department_code text REFERENCES departments (code),
        active boolean NOT NULL DEFAULT true,
        last_login_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
        updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT users_enterprise_role_check
          CHECK ((role IN ('ENTERPRISE_ADMIN', 'ENTERPRISE_MEMBER')) = (enterprise_id IS NOT NULL)),
        CONSTRAINT users_department_role_check
          CHECK ((role IN ('OFFICER', 'DEPARTMENT_HEAD')) = (department_code IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX users_email_key ON users (lower(email))`);
    await queryRunner.query(
      `CREATE INDEX users_enterprise_idx ON users (enterprise_id) WHERE enterprise_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX users_department_idx ON users (department_code, role) WHERE department_code IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX users_created_idx ON users (created_at DESC, id DESC)`);

    await queryRunner.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        family_id uuid NOT NULL,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        token_hash text NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT refresh_tokens_token_hash_key UNIQUE (token_hash)
      )`);
    await queryRunner.query(`CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id)`);
    await queryRunner.query(
      `CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id) WHERE revoked_at IS NULL`,
    );

    await queryRunner.query(`
      CREATE TABLE api_keys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        key_prefix text NOT NULL,
        key_hash text NOT NULL,
        scopes text[] NOT NULL,
        enterprise_ids uuid[] NOT NULL DEFAULT '{}',
        created_by uuid REFERENCES users (id),
        created_at timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
        revoked_at timestamptz,
        last_used_at timestamptz,
        CONSTRAINT api_keys_key_hash_key UNIQUE (key_hash)
      )`);

    await queryRunner.query(`
      CREATE TABLE audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        actor_id uuid,
        actor_type text NOT NULL,
        action text NOT NULL,
        target_type text NOT NULL,
        target_id text NOT NULL,
        details jsonb NOT NULL DEFAULT '{}',
        occurred_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await queryRunner.query(
      `CREATE INDEX audit_log_target_idx ON audit_log (target_type, target_id, id)`,
    );

    // The platform's event log: every state change, append-only, ordered by seq.
    await queryRunner.query(`
      CREATE TABLE events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY,
        type text NOT NULL,
        enterprise_id uuid,
        subject_type text NOT NULL,
        subject_id uuid NOT NULL,
        actor_id uuid,
        actor_type text NOT NULL,
        data jsonb NOT NULL DEFAULT '{}',
        occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT events_seq_key UNIQUE (seq)
      )`);
    await queryRunner.query(`CREATE INDEX events_subject_idx ON events (subject_id, seq)`);
    await queryRunner.query(
      `CREATE INDEX events_enterprise_idx ON events (enterprise_id, seq) WHERE enterprise_id IS NOT NULL`,
    );
    await queryRunner.query(`
      CREATE FUNCTION refuse_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'events are append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
      FOR EACH ROW EXECUTE FUNCTION refuse_event_change()`);
    await queryRunner.query(`
      CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
      FOR EACH STATEMENT EXECUTE FUNCTION refuse_event_change()`);

    await queryRunner.query(`
      CREATE TABLE outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        queue text NOT NULL,
        job_name text NOT NULL,
        payload jsonb NOT NULL,
        delay_ms integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        sent_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        last_error text
      )`);
    await queryRunner.query(
      `CREATE INDEX outbox_unsent_idx ON outbox (created_at) WHERE sent_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX outbox_sent_idx ON outbox (sent_at) WHERE sent_at IS NOT NULL`,
    );
    // Wakes the relay as soon as a transaction that wrote rows commits.
    await queryRunner.query(`
      CREATE FUNCTION notify_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('outbox', '');
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER outbox_notify AFTER INSERT ON outbox
      FOR EACH STATEMENT EXECUTE FUNCTION notify_outbox()`);

    await queryRunner.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        event_id uuid NOT NULL REFERENCES events (id),
        type text NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        data jsonb NOT NULL DEFAULT '{}',
        read_at timestamptz,
        created_at timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT notifications_user_event_key UNIQUE (user_id, event_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC, id DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX notifications_unread_idx ON notifications (user_id, created_at DESC, id DESC) WHERE read_at IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE notifications`);
    await queryRunner.query(`DROP TABLE outbox`);
    await queryRunner.query(`DROP FUNCTION notify_outbox`);
    await queryRunner.query(`DROP TABLE events`);
    await queryRunner.query(`DROP FUNCTION refuse_event_change`);
    await queryRunner.query(`DROP TABLE audit_log`);
    await queryRunner.query(`DROP TABLE api_keys`);
    await queryRunner.query(`DROP TABLE refresh_tokens`);
    await queryRunner.query(`DROP TABLE users`);
    await queryRunner.query(`DROP TABLE enterprises`);
    await queryRunner.query(`DROP TABLE departments`);
  }
}
