import { join } from 'node:path';
import { Client, types } from 'pg';
import { AdvancedConsoleLogger, DataSourceOptions } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { StatementCountingLogger } from '../metrics/round-trips';
import { SnakeNamingStrategy } from './snake-naming.strategy';

const projectRoot = join(__dirname, '..', '..');

// A DATE is a calendar day, not an instant: keep it as 'YYYY-MM-DD' instead of a local-time Date.
const DATE_ARRAY_OID = 1182 as typeof types.builtins.DATE;
const TEXT_ARRAY_OID = 1009 as typeof types.builtins.TEXT;
types.setTypeParser(types.builtins.DATE, (value: string) => value);
types.setTypeParser(DATE_ARRAY_OID, types.getTypeParser(TEXT_ARRAY_OID));

/** Shared by the app, the migration CLI and the tests, so all three see the same schema. */
export function databaseOptions(config: AppConfig): DataSourceOptions {
  const extension = __filename.endsWith('.ts') ? 'ts' : 'js';
  return {
    type: 'postgres',
    url: config.DATABASE_URL,
    namingStrategy: new SnakeNamingStrategy(),
    entities: [join(projectRoot, 'src', '**', `*.entity.${extension}`)],
    migrations: [join(projectRoot, 'migrations', `*.${extension}`)],
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // The logger TypeORM picks when given none, wrapped to count the statements for /metrics.
    logger: new StatementCountingLogger(new AdvancedConsoleLogger()),
    extra: {
      max: config.DATABASE_POOL_SIZE,
      application_name: `parkline-${config.APP_ROLE}`,
      statement_timeout: 30000,
      idle_in_transaction_session_timeout: 60000,
    },
  };
}

/** A newcomer's PostgreSQL has no `parkline` database yet: create it instead of failing. */
export async function ensureDatabaseExists(databaseUrl: string): Promise<void> {
  const target = new URL(databaseUrl);
  const databaseName = decodeURIComponent(target.pathname.replace(/^\//, ''));
  const probe = new Client({ connectionString: databaseUrl });
  try {
    await probe.connect();
    return;
  } catch (error) {
    if ((error as { code?: string }).code !== '3D000') throw error;
  } finally {
    await probe.end().catch(() => undefined);
  }
  const maintenanceUrl = new URL(databaseUrl);
  maintenanceUrl.pathname = '/postgres';
  const admin = new Client({ connectionString: maintenanceUrl.toString() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${databaseName.replace(/"/g, '""')}"`);
  } catch (error) {
    // Another process created it between our probe and this statement.
    if ((error as { code?: string }).code !== '42P04') throw error;
  } finally {
    await admin.end();
  }
}
