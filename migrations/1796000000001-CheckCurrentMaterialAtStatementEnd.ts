import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One statement replaces an application's material: it supersedes the current one of the type
 * and inserts the new one, in an order PostgreSQL does not promise. A unique index checks each
 * row as it goes; a deferrable exclusion constraint checks once the statement is done, still
 * allowing one current material per type.
 */
export class CheckCurrentMaterialAtStatementEnd1796000000001 implements MigrationInterface {
  name = 'CheckCurrentMaterialAtStatementEnd1796000000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX application_materials_current_key`);
    await queryRunner.query(`
      ALTER TABLE application_materials ADD CONSTRAINT application_materials_current_key
      EXCLUDE USING btree (application_id WITH =, material_type WITH =) WHERE (superseded_at IS NULL)
      DEFERRABLE INITIALLY IMMEDIATE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE application_materials DROP CONSTRAINT application_materials_current_key`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX application_materials_current_key ON application_materials (application_id, material_type) WHERE superseded_at IS NULL`,
    );
  }
}
