import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Certificate private keys leave the database, so no dump, replica or backup can sign: the key
 * now comes from configuration (CERTIFICATE_SIGNING_KEY_FILE or CERTIFICATE_SIGNING_KEY) and
 * only public keys stay here, so certificates signed earlier still verify by key id. A key that
 * was kept here has been in every backup since, so it is retired, not carried over: no key
 * stays active, and the platform activates the configured one at boot (README, "Upgrading").
 */
export class DropSigningKeyPrivateKeys1795910000000 implements MigrationInterface {
  name = 'DropSigningKeyPrivateKeys1795910000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE signing_keys DROP COLUMN private_key_pem`);
    await queryRunner.query(`UPDATE signing_keys SET active = false WHERE active`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // The dropped keys are gone for good: the column comes back empty.
    await queryRunner.query(`ALTER TABLE signing_keys ADD COLUMN private_key_pem text`);
  }
}
