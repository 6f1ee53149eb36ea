import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateApplicationsAndTasks1795600000000 implements MigrationInterface {
  name = 'CreateApplicationsAndTasks1795600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SEQUENCE application_number_seq`);

    await queryRunner.query(`
      CREATE TABLE applications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('SINGLE', 'BUNDLE', 'CHILD')),
        enterprise_id uuid NOT NULL REFERENCES enterprises (id),
        service_code text REFERENCES services (code),
        service_version integer,
        bundle_code text REFERENCES bundles (code),
        parent_id uuid REFERENCES applications (id),
        renewal_of uuid,
        status text NOT NULL CHECK (status IN ('DRAFT', 'IN_PROGRESS', 'SUPPLEMENT_REQUIRED', 'APPROVED', 'DENIED',
          'REJECTED', 'WITHDRAWN', 'COMPLETED')),
        stage text,
        department_code text REFERENCES departments (code),
        waiting_for text,
        form jsonb NOT NULL DEFAULT '{}',
        facts jsonb NOT NULL DEFAULT '{}',
        supplement_notices jsonb NOT NULL DEFAULT '{}',
        supplement_request jsonb,
        matching jsonb NOT NULL DEFAULT '{"declined": []}',
        outcome_reason text,
        created_by uuid,
        submitted_at timestamptz,
        decided_at timestamptz,
        finished_at timestamptz,
        statutory_days integer,
        promised_days integer,
        extension_days integer NOT NULL DEFAULT 0,
        extension_reason text,
        extended_by uuid,
        paused_since timestamptz,
        paused_working_days integer NOT NULL DEFAULT 0,
        statutory_deadline timestamptz,
        promised_deadline timestamptz,
        statutory_at_risk_at timestamptz,
        promised_at_risk_at timestamptz,
        deadline_provisional boolean NOT NULL DEFAULT false,
        statutory_state text NOT NULL DEFAULT 'ON_TRACK',
        promised_state text NOT NULL DEFAULT 'ON_TRACK',
        sla_state text NOT NULL DEFAULT 'ON_TRACK' CHECK (sla_state IN ('ON_TRACK', 'AT_RISK', 'OVERDUE', 'PAUSED')),
        sla_generation integer NOT NULL DEFAULT 0,
        rating smallint CHECK (rating BETWEEN 1 AND 5),
        rating_comment text,
        rated_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
        updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT applications_number_key UNIQUE (number),
        CONSTRAINT applications_service_check CHECK ((kind = 'BUNDLE') = (service_code IS NULL)),
        CONSTRAINT applications_child_check CHECK ((kind = 'CHILD') = (parent_id IS NOT NULL))
      )`);
    // One index per list filter, each ending in the keyset order (created_at, id).
    await queryRunner.query(
      `CREATE INDEX applications_enterprise_idx ON applications (enterprise_id, created_at DESC, id DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX applications_enterprise_status_idx ON applications (enterprise_id, status, created_at DESC, id DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX applications_status_idx ON applications (status, created_at DESC, id DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX applications_service_idx ON applications (service_code, created_at DESC, id DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX applications_department_idx ON applications (department_code, status, created_at DESC, id DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX applications_stage_idx ON applications (stage, created_at DESC, id DESC) WHERE stage IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX applications_sla_idx ON applications (sla_state, created_at DESC, id DESC) WHERE status IN ('IN_PROGRESS', 'SUPPLEMENT_REQUIRED', 'APPROVED')`,
    );
    await queryRunner.query(
      `CREATE INDEX applications_created_idx ON applications (created_at DESC, id DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX applications_parent_idx ON applications (parent_id) WHERE parent_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX applications_open_deadline_idx ON applications (statutory_deadline) WHERE status IN ('IN_PROGRESS', 'APPROVED') AND paused_since IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX applications_number_trgm_idx ON applications USING gin (number gin_trgm_ops)`,
    );

    await queryRunner.query(`
      CREATE TABLE stored_files (
        sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        size_bytes bigint NOT NULL,
        format text NOT NULL,
        media_type text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await queryRunner.query(`
      CREATE TABLE library_materials (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enterprise_id uuid NOT NULL REFERENCES enterprises (id),
        material_type text NOT NULL,
        title text NOT NULL,
        sha256 text NOT NULL REFERENCES stored_files (sha256),
        file_name text NOT NULL,
        source text NOT NULL CHECK (source IN ('UPLOAD', 'CERTIFICATE')),
        certificate_id uuid,
        valid_until date,
        created_by uuid,
        created_at timestamptz(3) NOT NULL DEFAULT clock_timestamp()
      )`);
    await queryRunner.query(
      `CREATE INDEX library_materials_enterprise_idx ON library_materials (enterprise_id, created_at DESC, id DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX library_materials_type_idx ON library_materials (enterprise_id, material_type, created_at DESC)`,
    );

    await queryRunner.query(`
      CREATE TABLE application_materials (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES applications (id),
        material_type text NOT NULL,
        sha256 text NOT NULL REFERENCES stored_files (sha256),
        file_name text NOT NULL,
        library_material_id uuid REFERENCES library_materials (id),
        superseded_at timestamptz,
        created_by uuid,
        created_at timestamptz(3) NOT NULL DEFAULT clock_timestamp()
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX application_materials_current_key ON application_materials (application_id, material_type) WHERE superseded_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX application_materials_sha_idx ON application_materials (sha256)`,
    );

    await queryRunner.query(`
      CREATE TABLE tasks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL DEFAULT 'STAGE' CHECK (kind IN ('STAGE', 'RECTIFICATION')),
        application_id uuid NOT NULL REFERENCES applications (id),
        stage text,
        department_code text NOT NULL REFERENCES departments (code),
        role text NOT NULL CHECK (role IN ('OFFICER', 'DEPARTMENT_HEAD')),
        status text NOT NULL CHECK (status IN ('OPEN', 'CLAIMED', 'DONE', 'CANCELLED')),
        assignee_id uuid REFERENCES users (id),
        claimed_at timestamptz,
        due_at timestamptz,
        sla_state text NOT NULL DEFAULT 'ON_TRACK',
        escalated_at timestamptz,
        action text,
        comment text,
        data jsonb,
        completed_by uuid REFERENCES users (id),
        completed_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz(3) NOT NULL DEFAULT clock_timestamp()
      )`);
    // The worklist: a department's open tasks, most urgent first.
    await queryRunner.query(
      `CREATE INDEX tasks_worklist_idx ON tasks (department_code, due_at, id) WHERE status IN ('OPEN', 'CLAIMED')`,
    );
    await queryRunner.query(
      `CREATE INDEX tasks_open_idx ON tasks (department_code, role, due_at, id) WHERE status = 'OPEN'`,
    );
    await queryRunner.query(
      `CREATE INDEX tasks_assignee_idx ON tasks (assignee_id, due_at, id) WHERE status = 'CLAIMED'`,
    );
    await queryRunner.query(
      `CREATE INDEX tasks_application_idx ON tasks (application_id, created_at)`,
    );
    await queryRunner.query(
      `CREATE INDEX tasks_department_all_idx ON tasks (department_code, status, due_at, id)`,
    );
    // A stage opens at most one live task per application: a repeated job cannot open a second.
    await queryRunner.query(
      `CREATE UNIQUE INDEX tasks_one_live_stage_key ON tasks (application_id) WHERE kind = 'STAGE' AND status IN ('OPEN', 'CLAIMED')`,
    );

    await queryRunner.query(`
      CREATE TABLE clock_stops (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES applications (id),
        reason_code text NOT NULL CHECK (reason_code IN ('SUPPLEMENT', 'EXPERT_REVIEW', 'TESTING', 'INSPECTION_SCHEDULING', 'HEARING')),
        comment text,
        started_at timestamptz NOT NULL,
        ended_at timestamptz,
        working_days integer,
        started_by uuid,
        ended_by uuid
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX clock_stops_one_open_key ON clock_stops (application_id) WHERE ended_at IS NULL`,
    );

    await queryRunner.query(`
      CREATE TABLE signing_keys (
        key_id text PRIMARY KEY,
        algorithm text NOT NULL,
        public_key_pem text NOT NULL,
        private_key_pem text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX signing_keys_one_active_key ON signing_keys (active) WHERE active`,
    );

    await queryRunner.query(`
      CREATE TABLE certificate_counters (
        service_code text NOT NULL,
        year integer NOT NULL,
        last_number integer NOT NULL,
        PRIMARY KEY (service_code, year)
      )`);

    await queryRunner.query(`
      CREATE TABLE certificates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL,
        application_id uuid NOT NULL REFERENCES applications (id),
        enterprise_id uuid NOT NULL REFERENCES enterprises (id),
        service_code text NOT NULL,
        content jsonb NOT NULL,
        signature text NOT NULL,
        key_id text NOT NULL REFERENCES signing_keys (key_id),
        verification_code text NOT NULL,
        valid_from date NOT NULL,
        valid_until date,
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'REVOKED')),
        revoked_at timestamptz,
        revoked_by uuid,
        revocation_reason text,
        reminders_sent integer[] NOT NULL DEFAULT '{}',
        issued_at timestamptz NOT NULL,
        CONSTRAINT certificates_number_key UNIQUE (number),
        CONSTRAINT certificates_application_key UNIQUE (application_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX certificates_enterprise_idx ON certificates (enterprise_id, issued_at DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX certificates_expiry_idx ON certificates (valid_until) WHERE status = 'ACTIVE' AND valid_until IS NOT NULL`,
    );

    await queryRunner.query(`
      CREATE TABLE trial_institutions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        name_en text NOT NULL,
        specialties text[] NOT NULL,
        indications text[] NOT NULL,
        active boolean NOT NULL DEFAULT true
      )`);

    await queryRunner.query(`
      CREATE TABLE idempotency_keys (
        principal text NOT NULL,
        key text NOT NULL,
        request_hash text NOT NULL,
        status text NOT NULL CHECK (status IN ('IN_PROGRESS', 'DONE')),
        response_status integer,
        response_body jsonb,
        response_headers jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (principal, key)
      )`);
    await queryRunner.query(
      `CREATE INDEX idempotency_keys_expiry_idx ON idempotency_keys (expires_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'idempotency_keys',
      'trial_institutions',
      'certificates',
      'certificate_counters',
      'signing_keys',
      'clock_stops',
      'tasks',
      'application_materials',
      'library_materials',
      'stored_files',
      'applications',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
    await queryRunner.query(`DROP SEQUENCE application_number_seq`);
  }
}
