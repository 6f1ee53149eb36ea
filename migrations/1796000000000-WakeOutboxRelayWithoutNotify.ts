import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A transaction that has called pg_notify takes a database-wide lock at commit, so the outbox
 * trigger serialised every committing write. The committing process now signals the relay
 * itself after COMMIT (OutboxSignal), with the relay's sweep as the safety net.
 */
export class WakeOutboxRelayWithoutNotify1796000000000 implements MigrationInterface {
  name = 'WakeOutboxRelayWithoutNotify1796000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER outbox_notify ON outbox`);
    await queryRunner.query(`DROP FUNCTION notify_outbox()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION notify_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('outbox', '');
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER outbox_notify AFTER INSERT ON outbox
      FOR EACH STATEMENT EXECUTE FUNCTION notify_outbox()`);
  }
}
