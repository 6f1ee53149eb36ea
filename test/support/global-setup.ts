import { DataSource } from 'typeorm';
import { loadConfig } from '../../src/config/app-config';
import { databaseOptions } from '../../src/database/database-options';
import { TEMPLATE_DATABASE, databaseUrl, withAdminClient } from './test-database';

/** Migrates a template database once per run; each test file clones it. */
export default async function globalSetup(): Promise<void> {
  await withAdminClient(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  });
  const config = loadConfig({ DATABASE_URL: databaseUrl(TEMPLATE_DATABASE) }, '/nonexistent/.env');
  const dataSource = new DataSource({ ...databaseOptions(config), extra: { max: 1 } });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}
