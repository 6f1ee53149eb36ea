import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The approved particulars a certificate prints, labelled as its service's form named them when
 * it was issued. They are the holder's, not the signed content that verifiers are shown, so
 * they have their own column; certificates issued before it is filled print the particulars of
 * their application, labelled by the service's current form.
 */
export class AddCertificateParticulars1796500000000 implements MigrationInterface {
  name = 'AddCertificateParticulars1796500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE certificates ADD COLUMN particulars jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE certificates DROP COLUMN particulars`);
  }
}
