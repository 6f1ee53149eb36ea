import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Third-party service providers (listed by the park, handed value-added requests) and the
 * trial institutions as managed records with their own users and dockings. Users gain two
 * affiliations, each bound to its role as enterprises and departments already are.
 */
export class CreateProvidersAndInstitutionDockings1796900000000 implements MigrationInterface {
  name = 'CreateProvidersAndInstitutionDockings1796900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE service_providers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        name_en text,
        kind text NOT NULL CHECK (kind IN ('CRO', 'CDMO', 'TESTING', 'LEGAL', 'IP', 'FINANCING', 'RECRUITMENT')),
        credit_code text NOT NULL UNIQUE,
        description text NOT NULL DEFAULT '',
        address text NOT NULL DEFAULT '',
        contact_name text NOT NULL,
        contact_phone text NOT NULL,
        contact_email text NOT NULL,
        capabilities text[] NOT NULL DEFAULT '{}',
        capacity integer NOT NULL DEFAULT 5 CHECK (capacity > 0),
        status text NOT NULL CHECK (status IN ('APPLIED', 'LISTED', 'REJECTED', 'SUSPENDED', 'DELISTED')),
        status_reason text,
        status_changed_at timestamptz,
        rating_count integer NOT NULL DEFAULT 0,
        rating_sum integer NOT NULL DEFAULT 0,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX service_providers_newest ON service_providers (created_at DESC, id DESC)`,
    );
    await queryRunner.query(`
      CREATE TABLE provider_services (
        provider_id uuid NOT NULL REFERENCES service_providers (id) ON DELETE CASCADE,
        service_code text NOT NULL REFERENCES services (code),
        PRIMARY KEY (provider_id, service_code)
      )`);
    await queryRunner.query(
      `CREATE INDEX provider_services_by_service ON provider_services (service_code, provider_id)`,
    );
    await queryRunner.query(`
      CREATE TABLE provider_handovers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES applications (id),
        provider_id uuid NOT NULL REFERENCES service_providers (id),
        enterprise_id uuid NOT NULL REFERENCES enterprises (id),
        department_code text NOT NULL REFERENCES departments (code),
        status text NOT NULL CHECK (status IN ('OFFERED', 'ACCEPTED', 'DECLINED', 'CLOSED')),
        note text NOT NULL DEFAULT '',
        handed_by uuid NOT NULL REFERENCES users (id),
        match_score numeric(6, 2),
        progress jsonb NOT NULL DEFAULT '[]',
        percent integer NOT NULL DEFAULT 0 CHECK (percent BETWEEN 0 AND 100),
        decline_reason text,
        summary text,
        rating integer CHECK (rating BETWEEN 1 AND 5),
        rating_comment text,
        rated_at timestamptz,
        accepted_at timestamptz,
        closed_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One live handover per request: a second officer handing it at once gets 409.
    await queryRunner.query(
      `CREATE UNIQUE INDEX provider_handovers_live ON provider_handovers (application_id) WHERE status IN ('OFFERED', 'ACCEPTED')`,
    );
    await queryRunner.query(
      `CREATE INDEX provider_handovers_by_provider ON provider_handovers (provider_id, created_at DESC, id DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX provider_handovers_by_department ON provider_handovers (department_code, created_at DESC, id DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX provider_handovers_by_enterprise ON provider_handovers (enterprise_id, created_at DESC, id DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX provider_handovers_by_application ON provider_handovers (application_id)`,
    );

    await queryRunner.query(`
      ALTER TABLE trial_institutions
        ADD COLUMN gcp_specialties text[] NOT NULL DEFAULT '{}',
        ADD COLUMN capacity integer NOT NULL DEFAULT 10 CHECK (capacity > 0),
        ADD COLUMN address text NOT NULL DEFAULT '',
        ADD COLUMN version integer NOT NULL DEFAULT 1,
        ADD COLUMN created_at timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
    // Institutions registered so far had GCP-filed wards in every specialty they listed.
    await queryRunner.query(`UPDATE trial_institutions SET gcp_specialties = specialties`);
    await queryRunner.query(`
      CREATE TABLE institution_dockings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES applications (id),
        institution_id uuid NOT NULL REFERENCES trial_institutions (id),
        enterprise_id uuid NOT NULL REFERENCES enterprises (id),
        status text NOT NULL CHECK (status IN ('OFFERED', 'ACCEPTED', 'DECLINED')),
        score integer NOT NULL,
        reason text,
        decided_by uuid REFERENCES users (id),
        decided_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX institution_dockings_open ON institution_dockings (application_id) WHERE status = 'OFFERED'`,
    );
    await queryRunner.query(
      `CREATE INDEX institution_dockings_by_institution ON institution_dockings (institution_id, created_at DESC, id DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX institution_dockings_by_application ON institution_dockings (application_id)`,
    );

    await queryRunner.query(`
      ALTER TABLE users
        ADD COLUMN provider_id uuid REFERENCES service_providers (id),
        ADD COLUMN institution_id uuid REFERENCES trial_institutions (id),
        DROP CONSTRAINT users_role_check,
        ADD CONSTRAINT users_role_check CHECK (role IN ('ENTERPRISE_ADMIN', 'ENTERPRISE_MEMBER', 'OFFICER', 'DEPARTMENT_HEAD', 'ADMIN', 'PROVIDER_USER', 'INSTITUTION_USER')),
        ADD CONSTRAINT users_provider_role_check CHECK ((role = 'PROVIDER_USER') = (provider_id IS NOT NULL)),
        ADD CONSTRAINT users_institution_role_check CHECK ((role = 'INSTITUTION_USER') = (institution_id IS NOT NULL))`);
    await queryRunner.query(
      `CREATE INDEX users_by_provider ON users (provider_id) WHERE provider_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX users_by_institution ON users (institution_id) WHERE institution_id IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE institution_dockings`);
    await queryRunner.query(`DROP TABLE provider_handovers`);
    // Providers' and hospitals' users go; the tasks they closed keep their outcome.
    await queryRunner.query(
      `UPDATE tasks SET completed_by = NULL WHERE completed_by IN (SELECT id FROM users WHERE role IN ('PROVIDER_USER', 'INSTITUTION_USER'))`,
    );
    await queryRunner.query(
      `DELETE FROM users WHERE role IN ('PROVIDER_USER', 'INSTITUTION_USER')`,
    );
    await queryRunner.query(`
      ALTER TABLE users
        DROP CONSTRAINT users_institution_role_check,
        DROP CONSTRAINT users_provider_role_check,
        DROP CONSTRAINT users_role_check,
        ADD CONSTRAINT users_role_check CHECK (role IN ('ENTERPRISE_ADMIN', 'ENTERPRISE_MEMBER', 'OFFICER', 'DEPARTMENT_HEAD', 'ADMIN')),
        DROP COLUMN institution_id,
        DROP COLUMN provider_id`);
    await queryRunner.query(`
      ALTER TABLE trial_institutions
        DROP COLUMN gcp_specialties, DROP COLUMN capacity, DROP COLUMN address,
        DROP COLUMN version, DROP COLUMN created_at, DROP COLUMN updated_at`);
    await queryRunner.query(`DROP TABLE provider_services`);
    await queryRunner.query(`DROP TABLE service_providers`);
  }
}
