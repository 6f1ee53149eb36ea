import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateStatisticsAndWebhooks1795700000000 implements MigrationInterface {
  name = 'CreateStatisticsAndWebhooks1795700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Set once, when an application is first decided, so rollups never need the calendar.
    await queryRunner.query(
      `ALTER TABLE applications ADD COLUMN decision_working_days integer, ADD COLUMN decided_on_time boolean`,
    );

    await queryRunner.query(`
      CREATE TABLE stats_daily (
        day date NOT NULL,
        service_code text NOT NULL,
        department_code text NOT NULL,
        submitted integer NOT NULL DEFAULT 0,
        decided integer NOT NULL DEFAULT 0,
        on_time integer NOT NULL DEFAULT 0,
        approved integer NOT NULL DEFAULT 0,
        denied integer NOT NULL DEFAULT 0,
        rejected integer NOT NULL DEFAULT 0,
        withdrawn integer NOT NULL DEFAULT 0,
        completed integer NOT NULL DEFAULT 0,
        overdue integer NOT NULL DEFAULT 0,
        rating_sum integer NOT NULL DEFAULT 0,
        rating_count integer NOT NULL DEFAULT 0,
        PRIMARY KEY (day, service_code, department_code)
      )`);
    await queryRunner.query(
      `CREATE INDEX stats_daily_department_idx ON stats_daily (department_code, day)`,
    );
    await queryRunner.query(
      `CREATE INDEX stats_daily_service_idx ON stats_daily (service_code, day)`,
    );
    // Decisions by whole working days from submission, so medians and p90 are exact.
    await queryRunner.query(`
      CREATE TABLE stats_decision_days (
        day date NOT NULL,
        service_code text NOT NULL,
        department_code text NOT NULL,
        working_days integer NOT NULL,
        decisions integer NOT NULL DEFAULT 0,
        PRIMARY KEY (day, service_code, department_code, working_days)
      )`);
    await queryRunner.query(`
      CREATE TABLE stats_status (
        service_code text NOT NULL,
        department_code text NOT NULL,
        status text NOT NULL,
        applications integer NOT NULL DEFAULT 0,
        PRIMARY KEY (service_code, department_code, status)
      )`);
    await queryRunner.query(
      `CREATE TABLE stats_applied_events (event_id uuid PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
    );

    // Recomputes every rollup from the applications themselves (after a bulk load, or to repair).
    await queryRunner.query(`
      CREATE FUNCTION rebuild_statistics() RETURNS void LANGUAGE sql AS $$
        TRUNCATE stats_daily, stats_decision_days, stats_status;
        INSERT INTO stats_status (service_code, department_code, status, applications)
          SELECT a.service_code, s.department_code, a.status, count(*)
          FROM applications a JOIN services s ON s.code = a.service_code
          WHERE a.kind <> 'BUNDLE' AND a.submitted_at IS NOT NULL GROUP BY 1, 2, 3;
        INSERT INTO stats_daily (day, service_code, department_code, submitted)
          SELECT (a.submitted_at AT TIME ZONE 'Asia/Shanghai')::date, a.service_code, s.department_code, count(*)
          FROM applications a JOIN services s ON s.code = a.service_code
          WHERE a.kind <> 'BUNDLE' AND a.submitted_at IS NOT NULL GROUP BY 1, 2, 3;
        INSERT INTO stats_daily AS d (day, service_code, department_code, decided, on_time, approved, denied, rejected, completed, withdrawn)
          SELECT (coalesce(a.decided_at, a.finished_at) AT TIME ZONE 'Asia/Shanghai')::date, a.service_code, s.department_code,
                 count(*) FILTER (WHERE a.decision_working_days IS NOT NULL),
                 count(*) FILTER (WHERE a.decided_on_time),
                 count(*) FILTER (WHERE a.status IN ('APPROVED', 'COMPLETED') AND a.decided_at IS NOT NULL),
                 count(*) FILTER (WHERE a.status = 'DENIED'),
                 count(*) FILTER (WHERE a.status = 'REJECTED'),
                 count(*) FILTER (WHERE a.status = 'COMPLETED'),
                 count(*) FILTER (WHERE a.status = 'WITHDRAWN')
          FROM applications a JOIN services s ON s.code = a.service_code
          WHERE a.kind <> 'BUNDLE' AND a.submitted_at IS NOT NULL AND coalesce(a.decided_at, a.finished_at) IS NOT NULL
          GROUP BY 1, 2, 3
          ON CONFLICT (day, service_code, department_code) DO UPDATE SET decided = d.decided + EXCLUDED.decided,
            on_time = d.on_time + EXCLUDED.on_time, approved = d.approved + EXCLUDED.approved, denied = d.denied + EXCLUDED.denied,
            rejected = d.rejected + EXCLUDED.rejected, completed = d.completed + EXCLUDED.completed, withdrawn = d.withdrawn + EXCLUDED.withdrawn;
        INSERT INTO stats_daily AS d (day, service_code, department_code, rating_sum, rating_count)
          SELECT (a.rated_at AT TIME ZONE 'Asia/Shanghai')::date, a.service_code, s.department_code, sum(a.rating), count(*)
          FROM applications a JOIN services s ON s.code = a.service_code
          WHERE a.kind <> 'BUNDLE' AND a.rating IS NOT NULL GROUP BY 1, 2, 3
          ON CONFLICT (day, service_code, department_code) DO UPDATE SET rating_sum = d.rating_sum + EXCLUDED.rating_sum,
            rating_count = d.rating_count + EXCLUDED.rating_count;
        INSERT INTO stats_daily AS d (day, service_code, department_code, overdue)
          SELECT (e.occurred_at AT TIME ZONE 'Asia/Shanghai')::date, a.service_code, s.department_code, count(DISTINCT a.id)
          FROM events e JOIN applications a ON a.id = e.subject_id JOIN services s ON s.code = a.service_code
          WHERE e.type = 'application.overdue' GROUP BY 1, 2, 3
          ON CONFLICT (day, service_code, department_code) DO UPDATE SET overdue = d.overdue + EXCLUDED.overdue;
        INSERT INTO stats_decision_days (day, service_code, department_code, working_days, decisions)
          SELECT (coalesce(a.decided_at, a.finished_at) AT TIME ZONE 'Asia/Shanghai')::date, a.service_code, s.department_code,
                 a.decision_working_days, count(*)
          FROM applications a JOIN services s ON s.code = a.service_code
          WHERE a.kind <> 'BUNDLE' AND a.decision_working_days IS NOT NULL GROUP BY 1, 2, 3, 4;
        TRUNCATE stats_applied_events;
        INSERT INTO stats_applied_events (event_id) SELECT id FROM events WHERE subject_type = 'application';
      $$`);

    await queryRunner.query(`
      CREATE TABLE webhook_subscriptions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        owner_type text NOT NULL CHECK (owner_type IN ('ENTERPRISE', 'INTEGRATOR', 'PARK')),
        enterprise_id uuid REFERENCES enterprises (id),
        api_key_id uuid REFERENCES api_keys (id),
        created_by uuid,
        url text NOT NULL,
        events text[] NOT NULL,
        secret text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        disabled_reason text,
        consecutive_failures integer NOT NULL DEFAULT 0,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
        updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT webhook_owner_check CHECK (
          (owner_type = 'ENTERPRISE' AND enterprise_id IS NOT NULL AND api_key_id IS NULL)
          OR (owner_type = 'INTEGRATOR' AND api_key_id IS NOT NULL AND enterprise_id IS NULL)
          OR (owner_type = 'PARK' AND enterprise_id IS NULL AND api_key_id IS NULL))
      )`);
    await queryRunner.query(
      `CREATE INDEX webhook_subscriptions_active_idx ON webhook_subscriptions USING gin (events) WHERE active`,
    );
    await queryRunner.query(`
      CREATE TABLE webhook_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        subscription_id uuid NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
        event_id uuid NOT NULL,
        event_type text NOT NULL,
        body jsonb NOT NULL,
        status text NOT NULL CHECK (status IN ('PENDING', 'SUCCEEDED', 'FAILED')),
        attempts integer NOT NULL DEFAULT 0,
        last_status_code integer,
        created_at timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
        finished_at timestamptz,
        CONSTRAINT webhook_deliveries_once_key UNIQUE (subscription_id, event_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX webhook_deliveries_subscription_idx ON webhook_deliveries (subscription_id, created_at DESC, id DESC)`,
    );
    await queryRunner.query(`
      CREATE TABLE webhook_attempts (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        delivery_id uuid NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
        attempt integer NOT NULL,
        attempted_at timestamptz NOT NULL,
        duration_ms integer NOT NULL,
        status_code integer,
        error text,
        response_excerpt text
      )`);
    await queryRunner.query(
      `CREATE INDEX webhook_attempts_delivery_idx ON webhook_attempts (delivery_id, attempt)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'webhook_attempts',
      'webhook_deliveries',
      'webhook_subscriptions',
      'stats_applied_events',
      'stats_status',
      'stats_decision_days',
      'stats_daily',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
    await queryRunner.query(`DROP FUNCTION rebuild_statistics`);
    await queryRunner.query(
      `ALTER TABLE applications DROP COLUMN decision_working_days, DROP COLUMN decided_on_time`,
    );
  }
}
