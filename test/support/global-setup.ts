import { DataSource } from 'typeorm';
import { loadConfig } from '../../src/config/app-config';
import { databaseOptions } from '../../src/database/database-options';
import { databaseUrl, nameTemplateDatabase, withAdminClient } from './test-database';

/** Migrates a template database once per run; each test file clones it. */
export default async function globalSetup(): Promise<void> {
  const template = nameTemplateDatabase();
  await withAdminClient((client) => client.query(`CREATE DATABASE ${template}`));
  const config = loadConfig({ DATABASE_URL: databaseUrl(template) }, '/nonexistent/.env');
  const dataSource = new DataSource({ ...databaseOptions(config), extra: { max: 1 } });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}
