import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The catalogue's key-issue dimension (kept on the service, like its department, for
 * filtering) and every task's own stage clock.
 */
export class KeyIssuesAndStageClocks1796400000000 implements MigrationInterface {
  name = 'KeyIssuesAndStageClocks1796400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE services ADD COLUMN key_issues text[] NOT NULL DEFAULT '{}'`);
    await queryRunner.query(
      `UPDATE services s SET key_issues = ARRAY(SELECT jsonb_array_elements_text(v.definition->'keyIssues'))
       FROM service_versions v
       WHERE v.service_code = s.code AND v.version = s.current_version AND jsonb_typeof(v.definition->'keyIssues') = 'array'`,
    );
    // The stage's own deadline; due_at is the earlier of it and the application's promise.
    await queryRunner.query(`ALTER TABLE tasks ADD COLUMN stage_deadline timestamptz`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE tasks DROP COLUMN stage_deadline`);
    await queryRunner.query(`ALTER TABLE services DROP COLUMN key_issues`);
  }
}
