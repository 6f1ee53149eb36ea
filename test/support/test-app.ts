import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/bootstrap';
import { Clock } from '../../src/common/clock/clock';
import { AppConfig, loadConfig } from '../../src/config/app-config';
import { deleteQueueKeys } from '../../src/queues/delete-queue-keys';
import { checkedAgainstContract } from './contract-checked-agent';
import { assertNoEventProblems, recordedEventProblems } from './recorded-events';
import { createTestDatabase, databaseUrl, dropTestDatabase } from './test-database';

export const TEST_ADMIN = { email: 'admin@parkline.test', password: 'Parkline-Test-Admin-1' };

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  /** Every exchange is checked against openapi.json (test/support/openapi-contract.ts). */
  http: () => ReturnType<typeof request>;
  dataSource: DataSource;
  close: () => Promise<void>;
}

/**
 * The whole platform (api and workers in one process) on its own database and its own Bull
 * prefix, so test files never see each other's data or jobs. `database`: boot on that one
 * instead (a restart), which closing leaves to the caller.
 */
export async function startTestApp(
  overrides: Record<string, string> = {},
  options: { clock?: Clock; database?: string } = {},
): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const prefix = `parkline-test-${randomBytes(4).toString('hex')}`;
  const config = loadConfig(
    {
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl(database),
      DATABASE_CREATE_IF_MISSING: 'false',
      BULL_PREFIX: prefix,
      ADMIN_EMAIL: TEST_ADMIN.email,
      ADMIN_PASSWORD: TEST_ADMIN.password,
      RATE_LIMIT_ENABLED: 'false',
      LOG_LEVEL: 'warn',
      OUTBOX_SWEEP_INTERVAL_MS: '250',
      JOB_BACKOFF_MS: '50',
      SHUTDOWN_GRACE_MS: '2000',
      STORAGE_DIR: `/tmp/${prefix}`,
      ...overrides,
    },
    '/nonexistent/.env',
  );
  const app = await createApp(config, { clock: options.clock });
  const server = app.getHttpServer();
  const dataSource = app.get(DataSource);
  return {
    app,
    config,
    http: () => checkedAgainstContract(request(server)),
    dataSource,
    close: async () => {
      // Every event the file recorded matches its documented schema, or the file fails.
      const problems = await recordedEventProblems(dataSource);
      await app.close();
      if (!options.database) await dropTestDatabase(database);
      await deleteQueueKeys('redis://127.0.0.1:6379', prefix);
      assertNoEventProblems(problems);
    },
  };
}

/** One more api process on the test app's database and Redis prefix, as behind a load balancer. */
export async function startApiProcess(
  t: TestApp,
): Promise<{ http: () => ReturnType<typeof request>; close: () => Promise<void> }> {
  const app = await createApp(Object.assign(new AppConfig(), t.config, { APP_ROLE: 'api' }));
  const server = app.getHttpServer();
  return { http: () => checkedAgainstContract(request(server)), close: () => app.close() };
}

/** Polls until `check` returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
