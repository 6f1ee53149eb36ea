import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The industry map: an enterprise's place in the chain, its pipeline (drug products by stage,
 * devices by class and registration), each item verified by staff, every change kept in an
 * append-only history; and a rollup of the counts the directory shows, kept by statement
 * triggers so that any write (the API, the demo seed, a bulk import) keeps it true.
 *
 * The rollup counts cells of (kind, segment, zone, bucket, verified): `enterprise` by month
 * of registration, `product` by stage, `device` by class, `drug_approval`, `device_approval`
 * (class II and III registrations) and `device_filing` (class I) by year. `verified` marks
 * what the public variant may count: a verified item of a verified enterprise (for an
 * enterprise, its own verification).
 */
export class CreateIndustryMap1796600000000 implements MigrationInterface {
  name = 'CreateIndustryMap1796600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE enterprises ADD COLUMN chain_segment text CHECK (chain_segment IN ('RESEARCH_DEVELOPMENT',
        'CRO', 'CDMO', 'API_MANUFACTURING', 'MEDICAL_DEVICES', 'CELL_GENE_THERAPY', 'DISTRIBUTION', 'SERVICES'))`);
    await queryRunner.query(
      `CREATE INDEX enterprises_chain_segment_idx ON enterprises (chain_segment, created_at DESC, id DESC)`,
    );

    const verification = `
        verification text NOT NULL DEFAULT 'PENDING' CHECK (verification IN ('PENDING', 'VERIFIED', 'REJECTED')),
        verified_by uuid REFERENCES users (id),
        verified_at timestamptz,
        verification_note text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
        updated_at timestamptz NOT NULL DEFAULT clock_timestamp()`;
    await queryRunner.query(`
      CREATE TABLE pipeline_products (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enterprise_id uuid NOT NULL REFERENCES enterprises (id),
        name text NOT NULL,
        name_en text,
        modality text,
        indication text,
        stage text NOT NULL CHECK (stage IN ('PRECLINICAL', 'IND', 'PHASE_1', 'PHASE_2', 'PHASE_3', 'NDA_BLA', 'APPROVED')),
        approval_number text,
        approved_on date,
        ${verification},
        CONSTRAINT pipeline_products_approval_check
          CHECK ((stage = 'APPROVED') = (approved_on IS NOT NULL) AND (approval_number IS NULL OR approved_on IS NOT NULL))
      )`);
    await queryRunner.query(`
      CREATE TABLE pipeline_devices (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enterprise_id uuid NOT NULL REFERENCES enterprises (id),
        name text NOT NULL,
        name_en text,
        device_class text NOT NULL CHECK (device_class IN ('I', 'II', 'III')),
        registration_number text,
        registered_on date,
        ${verification},
        CONSTRAINT pipeline_devices_registration_check
          CHECK ((registration_number IS NULL) = (registered_on IS NULL))
      )`);
    for (const table of ['pipeline_products', 'pipeline_devices']) {
      await queryRunner.query(
        `CREATE INDEX ${table}_enterprise_idx ON ${table} (enterprise_id, created_at DESC, id DESC)`,
      );
    }
    await queryRunner.query(
      `CREATE INDEX pipeline_products_stage_idx ON pipeline_products (stage, enterprise_id)`,
    );
    await queryRunner.query(
      `CREATE INDEX pipeline_devices_class_idx ON pipeline_devices (device_class, enterprise_id)`,
    );
    await queryRunner.query(
      `CREATE INDEX pipeline_products_pending_idx ON pipeline_products (created_at, id) WHERE verification = 'PENDING'`,
    );
    await queryRunner.query(
      `CREATE INDEX pipeline_devices_pending_idx ON pipeline_devices (created_at, id) WHERE verification = 'PENDING'`,
    );

    await queryRunner.query(`
      CREATE TABLE pipeline_history (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enterprise_id uuid NOT NULL REFERENCES enterprises (id),
        item_kind text NOT NULL CHECK (item_kind IN ('PRODUCT', 'DEVICE')),
        item_id uuid NOT NULL,
        change text NOT NULL CHECK (change IN ('CREATED', 'UPDATED', 'DELETED', 'VERIFIED', 'REJECTED')),
        actor_type text NOT NULL,
        actor_id uuid,
        before jsonb,
        after jsonb,
        created_at timestamptz(3) NOT NULL DEFAULT clock_timestamp()
      )`);
    await queryRunner.query(
      `CREATE INDEX pipeline_history_enterprise_idx ON pipeline_history (enterprise_id, created_at DESC, id DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX pipeline_history_item_idx ON pipeline_history (item_id, created_at DESC, id DESC)`,
    );
    await queryRunner.query(`
      CREATE FUNCTION refuse_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER pipeline_history_append_only BEFORE UPDATE OR DELETE ON pipeline_history
      FOR EACH ROW EXECUTE FUNCTION refuse_history_change()`);
    await queryRunner.query(`
      CREATE TRIGGER pipeline_history_no_truncate BEFORE TRUNCATE ON pipeline_history
      FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change()`);

    await queryRunner.query(`
      CREATE TABLE industry_rollup (
        kind text NOT NULL,
        segment text NOT NULL,
        zone text NOT NULL,
        bucket text NOT NULL,
        verified boolean NOT NULL,
        n integer NOT NULL,
        PRIMARY KEY (kind, segment, zone, bucket, verified)
      )`);

    // The cells an item counts in, besides its segment and zone (those of its enterprise).
    await queryRunner.query(`
      CREATE FUNCTION industry_buckets(item pipeline_products) RETURNS TABLE (kind text, bucket text)
      LANGUAGE sql IMMUTABLE AS $$
        SELECT 'product', item.stage
        UNION ALL
        SELECT 'drug_approval', to_char(item.approved_on, 'YYYY') WHERE item.approved_on IS NOT NULL
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION industry_buckets(item pipeline_devices) RETURNS TABLE (kind text, bucket text)
      LANGUAGE sql IMMUTABLE AS $$
        SELECT 'device', item.device_class
        UNION ALL
        SELECT CASE item.device_class WHEN 'I' THEN 'device_filing' ELSE 'device_approval' END,
               to_char(item.registered_on, 'YYYY')
        WHERE item.registered_on IS NOT NULL
      $$`);
    // Adds (or takes away, delta -1) the items of a statement. Their enterprises are locked
    // for share first, so that one changing its segment or zone at the same time is either
    // seen here or sees these items once they commit. Cells are upserted in key order, so
    // concurrent statements lock them in the same order.
    await queryRunner.query(`
      CREATE FUNCTION industry_rollup_items() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        item text := format('ROW(t.*)::%I', TG_TABLE_NAME);
        changed text := CASE TG_OP
          WHEN 'INSERT' THEN format('SELECT %s AS item, 1 AS delta FROM new_rows t', item)
          WHEN 'DELETE' THEN format('SELECT %s AS item, -1 AS delta FROM old_rows t', item)
          ELSE format('SELECT %s AS item, 1 AS delta FROM new_rows t UNION ALL SELECT %s, -1 FROM old_rows t', item, item)
        END;
      BEGIN
        EXECUTE format(
          'SELECT 1 FROM enterprises WHERE id IN (SELECT (c.item).enterprise_id FROM (%s) c) ORDER BY id FOR SHARE',
          changed);
        EXECUTE format($sql$
          INSERT INTO industry_rollup (kind, segment, zone, bucket, verified, n)
          SELECT k.kind, COALESCE(e.chain_segment, ''), e.zone, k.bucket,
                 e.verified_at IS NOT NULL AND (c.item).verification = 'VERIFIED', sum(c.delta)
          FROM (%s) c
          JOIN enterprises e ON e.id = (c.item).enterprise_id
          CROSS JOIN LATERAL industry_buckets(c.item) k
          GROUP BY 1, 2, 3, 4, 5
          HAVING sum(c.delta) <> 0
          ORDER BY 1, 2, 3, 4, 5
          ON CONFLICT (kind, segment, zone, bucket, verified)
          DO UPDATE SET n = industry_rollup.n + EXCLUDED.n
        $sql$, changed);
        RETURN NULL;
      END $$`);
    for (const table of ['pipeline_products', 'pipeline_devices']) {
      await queryRunner.query(`
        CREATE TRIGGER ${table}_rollup_insert AFTER INSERT ON ${table}
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION industry_rollup_items()`);
      await queryRunner.query(`
        CREATE TRIGGER ${table}_rollup_update AFTER UPDATE ON ${table}
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION industry_rollup_items()`);
      await queryRunner.query(`
        CREATE TRIGGER ${table}_rollup_delete AFTER DELETE ON ${table}
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION industry_rollup_items()`);
    }
    // An enterprise counts by its month of registration; when its segment, zone or
    // verification changes, it and its items move from the old cells to the new ones.
    await queryRunner.query(`
      CREATE FUNCTION industry_rollup_enterprises() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        changed text := CASE TG_OP
          WHEN 'INSERT' THEN 'SELECT t.*, 1 AS delta FROM new_rows t'
          WHEN 'DELETE' THEN 'SELECT t.*, -1 AS delta FROM old_rows t'
          ELSE 'SELECT t.*, 1 AS delta FROM new_rows t UNION ALL SELECT t.*, -1 FROM old_rows t'
        END;
      BEGIN
        EXECUTE format($sql$
          WITH e AS MATERIALIZED (
            SELECT id, COALESCE(chain_segment, '') AS segment, zone, verified_at IS NOT NULL AS verified,
                   created_at, delta
            FROM (%s) c
          ), cells AS (
            SELECT 'enterprise' AS kind, e.segment, e.zone,
                   to_char(e.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS bucket, e.verified, e.delta
            FROM e
            UNION ALL
            SELECT k.kind, e.segment, e.zone, k.bucket, e.verified AND p.verification = 'VERIFIED', e.delta
            FROM e JOIN pipeline_products p ON p.enterprise_id = e.id
            CROSS JOIN LATERAL industry_buckets(ROW(p.*)::pipeline_products) k
            UNION ALL
            SELECT k.kind, e.segment, e.zone, k.bucket, e.verified AND d.verification = 'VERIFIED', e.delta
            FROM e JOIN pipeline_devices d ON d.enterprise_id = e.id
            CROSS JOIN LATERAL industry_buckets(ROW(d.*)::pipeline_devices) k
          )
          INSERT INTO industry_rollup (kind, segment, zone, bucket, verified, n)
          SELECT kind, segment, zone, bucket, verified, sum(delta) FROM cells
          GROUP BY 1, 2, 3, 4, 5
          HAVING sum(delta) <> 0
          ORDER BY 1, 2, 3, 4, 5
          ON CONFLICT (kind, segment, zone, bucket, verified)
          DO UPDATE SET n = industry_rollup.n + EXCLUDED.n
        $sql$, changed);
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER enterprises_rollup_insert AFTER INSERT ON enterprises
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION industry_rollup_enterprises()`);
    await queryRunner.query(`
      CREATE TRIGGER enterprises_rollup_update AFTER UPDATE ON enterprises
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION industry_rollup_enterprises()`);
    await queryRunner.query(`
      CREATE TRIGGER enterprises_rollup_delete AFTER DELETE ON enterprises
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION industry_rollup_enterprises()`);
    // The enterprises already registered.
    await queryRunner.query(`
      INSERT INTO industry_rollup (kind, segment, zone, bucket, verified, n)
      SELECT 'enterprise', COALESCE(chain_segment, ''), zone,
             to_char(created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM'), verified_at IS NOT NULL, count(*)
      FROM enterprises GROUP BY 1, 2, 3, 4, 5`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const trigger of ['insert', 'update', 'delete']) {
      await queryRunner.query(`DROP TRIGGER enterprises_rollup_${trigger} ON enterprises`);
    }
    await queryRunner.query(`DROP FUNCTION industry_rollup_enterprises()`);
    await queryRunner.query(`DROP TABLE pipeline_history`);
    await queryRunner.query(`DROP FUNCTION industry_rollup_items() CASCADE`);
    await queryRunner.query(`DROP FUNCTION industry_buckets(pipeline_products)`);
    await queryRunner.query(`DROP FUNCTION industry_buckets(pipeline_devices)`);
    await queryRunner.query(`DROP TABLE pipeline_devices, pipeline_products`);
    await queryRunner.query(`DROP FUNCTION refuse_history_change()`);
    await queryRunner.query(`DROP TABLE industry_rollup`);
    await queryRunner.query(`ALTER TABLE enterprises DROP COLUMN chain_segment`);
  }
}
