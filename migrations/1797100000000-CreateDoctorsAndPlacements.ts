import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Doctors into enterprise: the doctors of the trial institutions, kept by the hospitals' users;
 * their placements with enterprises, started from a request for the programme and confirmed by
 * both sides for each term; and the park's periodic reviews of a placement.
 */
export class CreateDoctorsAndPlacements1797100000000 implements MigrationInterface {
  name = 'CreateDoctorsAndPlacements1797100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE doctors (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        institution_id uuid NOT NULL REFERENCES trial_institutions (id),
        name text NOT NULL,
        specialty text NOT NULL,
        title text NOT NULL CHECK (title IN ('RESIDENT', 'ATTENDING', 'ASSOCIATE_CHIEF', 'CHIEF')),
        licence_number text NOT NULL UNIQUE,
        active boolean NOT NULL DEFAULT true,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX doctors_by_institution ON doctors (institution_id, name, id)`,
    );
    await queryRunner.query(`
      CREATE TABLE doctor_placements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES applications (id),
        doctor_id uuid NOT NULL REFERENCES doctors (id),
        institution_id uuid NOT NULL REFERENCES trial_institutions (id),
        enterprise_id uuid NOT NULL REFERENCES enterprises (id),
        department_code text NOT NULL,
        status text NOT NULL CHECK (status IN ('PROPOSED', 'ACTIVE', 'RENEWING', 'ENDED')),
        term_from date NOT NULL,
        term_until date NOT NULL,
        next_from date,
        next_until date,
        hospital_confirmed_at timestamptz,
        enterprise_confirmed_at timestamptz,
        duties text NOT NULL,
        hours_per_week integer NOT NULL CHECK (hours_per_week BETWEEN 1 AND 40),
        renewals integer NOT NULL DEFAULT 0,
        ended_by text CHECK (ended_by IN ('HOSPITAL', 'ENTERPRISE')),
        exit_reason text,
        ended_at timestamptz,
        created_by uuid NOT NULL REFERENCES users (id),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (term_until >= term_from),
        CHECK ((next_from IS NULL) = (next_until IS NULL) AND (next_until IS NULL OR next_until >= next_from)),
        CHECK ((status = 'ENDED') = (ended_at IS NOT NULL))
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX doctor_placements_live ON doctor_placements (application_id) WHERE status <> 'ENDED'`,
    );
    for (const column of ['institution_id', 'enterprise_id', 'department_code', 'doctor_id'])
      await queryRunner.query(
        `CREATE INDEX doctor_placements_by_${column} ON doctor_placements (${column}, created_at DESC, id DESC)`,
      );
    await queryRunner.query(`
      CREATE TABLE placement_reviews (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        placement_id uuid NOT NULL REFERENCES doctor_placements (id),
        outcome text NOT NULL CHECK (outcome IN ('SATISFACTORY', 'NEEDS_IMPROVEMENT', 'UNSATISFACTORY')),
        notes text NOT NULL,
        reviewed_by uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX placement_reviews_by_placement ON placement_reviews (placement_id, created_at DESC)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE placement_reviews`);
    await queryRunner.query(`DROP TABLE doctor_placements`);
    await queryRunner.query(`DROP TABLE doctors`);
  }
}
