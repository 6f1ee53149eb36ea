import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCatalogueAndCalendar1795500000000 implements MigrationInterface {
  name = 'CreateCatalogueAndCalendar1795500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE services (
        code text PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]{1,63}$'),
        category text NOT NULL CHECK (category IN ('BASIC', 'VALUE_ADDED')),
        department_code text NOT NULL REFERENCES departments (code),
        name text NOT NULL,
        name_en text NOT NULL,
        current_version integer,
        retired_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX services_category_idx ON services (category, code)`);
    await queryRunner.query(
      `CREATE INDEX services_department_idx ON services (department_code, code)`,
    );
    await queryRunner.query(
      `CREATE INDEX services_name_trgm_idx ON services USING gin ((name || ' ' || name_en) gin_trgm_ops)`,
    );

    await queryRunner.query(`
      CREATE TABLE service_versions (
        service_code text NOT NULL REFERENCES services (code),
        version integer NOT NULL CHECK (version > 0),
        status text NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED')),
        definition jsonb NOT NULL,
        content_hash text NOT NULL,
        source text NOT NULL CHECK (source IN ('SEED', 'ADMIN')),
        created_by uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        published_by uuid REFERENCES users (id),
        published_at timestamptz,
        PRIMARY KEY (service_code, version),
        CONSTRAINT service_versions_published_check CHECK ((status = 'PUBLISHED') = (published_at IS NOT NULL))
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX service_versions_one_draft_key ON service_versions (service_code) WHERE status = 'DRAFT'`,
    );
    await queryRunner.query(`
      ALTER TABLE services ADD CONSTRAINT services_current_version_fkey
      FOREIGN KEY (code, current_version) REFERENCES service_versions (service_code, version) DEFERRABLE INITIALLY DEFERRED`);
    // Applications pin published versions: the database keeps them from ever changing.
    await queryRunner.query(`
      CREATE FUNCTION refuse_published_version_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status = 'PUBLISHED' THEN
          RAISE EXCEPTION 'service version %/% is published and immutable', OLD.service_code, OLD.version
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER service_versions_immutable BEFORE UPDATE OR DELETE ON service_versions
      FOR EACH ROW EXECUTE FUNCTION refuse_published_version_change()`);

    await queryRunner.query(`
      CREATE TABLE bundles (
        code text PRIMARY KEY,
        name text NOT NULL,
        name_en text NOT NULL,
        description text NOT NULL,
        service_codes text[] NOT NULL,
        prerequisites jsonb NOT NULL DEFAULT '[]',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await queryRunner.query(`
      CREATE TABLE calendar_years (
        year integer PRIMARY KEY CHECK (year BETWEEN 1990 AND 2200),
        holidays date[] NOT NULL,
        make_up_workdays date[] NOT NULL,
        source text NOT NULL,
        updated_by uuid REFERENCES users (id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE calendar_years`);
    await queryRunner.query(`DROP TABLE bundles`);
    await queryRunner.query(`ALTER TABLE services DROP CONSTRAINT services_current_version_fkey`);
    await queryRunner.query(`DROP TABLE service_versions`);
    await queryRunner.query(`DROP FUNCTION refuse_published_version_change`);
    await queryRunner.query(`DROP TABLE services`);
  }
}
