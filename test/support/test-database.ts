import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export const ADMIN_DATABASE_URL =
  process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const TEMPLATE_ENV = 'PARKLINE_TEST_TEMPLATE_DATABASE';

/**
 * The migrated template of this run. Global setup names it and passes the name to the test
 * workers through the environment, so runs in other checkouts on the same server never meet.
 */
export function templateDatabase(): string {
  const name = process.env[TEMPLATE_ENV];
  if (!name) throw new Error(`${TEMPLATE_ENV} is not set: run the e2e tests through Jest`);
  return name;
}

export function nameTemplateDatabase(): string {
  const name = `parkline_test_template_${randomBytes(4).toString('hex')}`;
  process.env[TEMPLATE_ENV] = name;
  return name;
}

export function databaseUrl(name: string): string {
  const url = new URL(ADMIN_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withAdminClient<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: ADMIN_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh database cloned from the migrated template: isolated and fast. */
export async function createTestDatabase(): Promise<string> {
  const name = `parkline_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient(async (client) => {
    for (let attempt = 0; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE ${name} TEMPLATE ${templateDatabase()}`);
        return;
      } catch (error) {
        // Two test files cloning the template at the same instant: wait and try again.
        if ((error as { code?: string }).code !== '55006' || attempt >= 20) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
      }
    }
  });
  return name;
}

export async function dropTestDatabase(name: string): Promise<void> {
  await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}
