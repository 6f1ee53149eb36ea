import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The park's bookable platforms, venues and instruments, their units and the bookings of them.
 * Each unit (one seat, bench or instrument of a resource) holds at most one live booking at a
 * time: an exclusion constraint over the booking's time range, so PostgreSQL itself refuses a
 * double booking however many requests race for the last slot.
 */
export class CreateResourcesAndBookings1796800000000 implements MigrationInterface {
  name = 'CreateResourcesAndBookings1796800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await queryRunner.query(`
      CREATE TABLE resources (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z][A-Z0-9_-]{1,63}$'),
        kind text NOT NULL CHECK (kind IN ('PLATFORM', 'VENUE', 'INSTRUMENT')),
        category text NOT NULL,
        name text NOT NULL,
        name_en text,
        description text,
        location text NOT NULL,
        operator_department_code text NOT NULL REFERENCES departments (code),
        capacity integer NOT NULL CHECK (capacity BETWEEN 1 AND 500),
        opens_at time NOT NULL,
        closes_at time NOT NULL,
        slot_minutes integer NOT NULL CHECK (slot_minutes IN (15, 30, 60, 120, 240)),
        min_lead_hours integer NOT NULL CHECK (min_lead_hours BETWEEN 0 AND 720),
        max_booking_hours integer NOT NULL CHECK (max_booking_hours BETWEEN 1 AND 24),
        max_advance_days integer NOT NULL CHECK (max_advance_days BETWEEN 1 AND 365),
        eligibility text NOT NULL CHECK (eligibility IN ('VERIFIED_ENTERPRISES', 'ANY_ENTERPRISE')),
        free_cancellation_hours integer NOT NULL CHECK (free_cancellation_hours BETWEEN 0 AND 720),
        late_cancellation text NOT NULL CHECK (late_cancellation IN ('REFUSED', 'CHARGED')),
        price_cny_per_hour numeric(12, 2) NOT NULL CHECK (price_cny_per_hour >= 0),
        active boolean NOT NULL DEFAULT true,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT resources_hours_check CHECK (closes_at > opens_at)
      )`);
    await queryRunner.query(
      `CREATE INDEX resources_operator_idx ON resources (operator_department_code, code)`,
    );
    await queryRunner.query(`
      CREATE TABLE resource_units (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        resource_id uuid NOT NULL REFERENCES resources (id),
        number integer NOT NULL CHECK (number > 0),
        UNIQUE (resource_id, number)
      )`);
    await queryRunner.query(`
      CREATE TABLE bookings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        resource_id uuid NOT NULL REFERENCES resources (id),
        unit_id uuid NOT NULL REFERENCES resource_units (id),
        enterprise_id uuid NOT NULL REFERENCES enterprises (id),
        requested_by uuid REFERENCES users (id),
        during tstzrange NOT NULL CHECK (NOT isempty(during) AND lower_inc(during) AND NOT upper_inc(during)),
        status text NOT NULL CHECK (status IN ('REQUESTED', 'CONFIRMED', 'DECLINED', 'CANCELLED')),
        purpose text NOT NULL,
        price_cny numeric(12, 2) NOT NULL,
        cancellation_fee_cny numeric(12, 2),
        decision_reason text,
        decided_by uuid REFERENCES users (id),
        decided_at timestamptz(3),
        cancelled_by uuid REFERENCES users (id),
        cancelled_at timestamptz(3),
        cancellation_reason text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT bookings_no_overlap EXCLUDE USING gist (unit_id WITH =, during WITH &&)
          WHERE (status IN ('REQUESTED', 'CONFIRMED'))
      )`);
    await queryRunner.query(
      `CREATE INDEX bookings_enterprise_idx ON bookings (enterprise_id, created_at DESC, id DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX bookings_resource_idx ON bookings USING gist (resource_id, during)`,
    );
    await queryRunner.query(
      `CREATE INDEX bookings_created_idx ON bookings (created_at DESC, id DESC)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE bookings`);
    await queryRunner.query(`DROP TABLE resource_units`);
    await queryRunner.query(`DROP TABLE resources`);
  }
}
