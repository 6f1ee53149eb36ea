import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Worklists, and the next task to claim, are ordered by COALESCE(due_at, <no deadline>), id so tasks without a deadline
 * come last and the cursor stays simple. Indexes on that very expression let a page read its
 * rows in order instead of sorting every open task of a department.
 */
const ORDER = `(COALESCE(due_at, '9999-12-31T00:00:00.000Z'::timestamptz)), id`;

export class OrderWorklistByDeadline1795800000000 implements MigrationInterface {
  name = 'OrderWorklistByDeadline1795800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX tasks_worklist_idx`);
    await queryRunner.query(
      `CREATE INDEX tasks_worklist_idx ON tasks (department_code, ${ORDER}) WHERE status IN ('OPEN', 'CLAIMED')`,
    );
    // Admins see every department's queue.
    await queryRunner.query(
      `CREATE INDEX tasks_worklist_all_idx ON tasks (${ORDER}) WHERE status IN ('OPEN', 'CLAIMED')`,
    );
    await queryRunner.query(`DROP INDEX tasks_department_all_idx`);
    await queryRunner.query(
      `CREATE INDEX tasks_department_all_idx ON tasks (department_code, status, ${ORDER})`,
    );
    // Claiming the next task reads tasks_department_all_idx in order now.
    await queryRunner.query(`DROP INDEX tasks_open_idx`);
    // An officer's unfiltered application list: their department, newest first.
    await queryRunner.query(
      `CREATE INDEX applications_department_created_idx ON applications (department_code, created_at DESC, id DESC)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX applications_department_created_idx`);
    await queryRunner.query(
      `CREATE INDEX tasks_open_idx ON tasks (department_code, role, due_at, id) WHERE status = 'OPEN'`,
    );
    await queryRunner.query(`DROP INDEX tasks_department_all_idx`);
    await queryRunner.query(
      `CREATE INDEX tasks_department_all_idx ON tasks (department_code, status, due_at, id)`,
    );
    await queryRunner.query(`DROP INDEX tasks_worklist_all_idx`);
    await queryRunner.query(`DROP INDEX tasks_worklist_idx`);
    await queryRunner.query(
      `CREATE INDEX tasks_worklist_idx ON tasks (department_code, due_at, id) WHERE status IN ('OPEN', 'CLAIMED')`,
    );
  }
}
