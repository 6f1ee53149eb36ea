import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { databaseOptions, ensureDatabaseExists } from './database-options';

const MIGRATION_LOCK_KEY = 7_352_011;

/**
 * Applies pending migrations before the app starts. An advisory lock keeps api and worker
 * processes that boot together from running the same migration twice.
 */
export async function runPendingMigrations(config: AppConfig): Promise<string[]> {
  if (config.DATABASE_CREATE_IF_MISSING) await ensureDatabaseExists(config.DATABASE_URL);
  const dataSource = new DataSource({ ...databaseOptions(config), extra: { max: 1 } });
  await dataSource.initialize();
  try {
    await dataSource.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((migration) => migration.name);
    } finally {
      await dataSource.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await dataSource.destroy();
  }
}
