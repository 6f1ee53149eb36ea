import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { Client } from 'pg';
import { QUEUES } from '../src/queues/queues';
import { Session, loginAdmin } from './support/factories';
import { draftComplete, verifiedEnterprise, waitForApplication } from './support/filing';
import { TestApp, eventually, startTestApp } from './support/test-app';

const WORKER_ENTRY = join(__dirname, '..', 'dist', 'src', 'worker.js');

/** A separate worker process on the test's database and Bull prefix. */
function startWorker(t: TestApp): ChildProcess {
  const worker = spawn(process.execPath, [WORKER_ENTRY], {
    env: {
      ...process.env,
      DATABASE_URL: t.config.DATABASE_URL,
      DATABASE_CREATE_IF_MISSING: 'false',
      REDIS_URL: t.config.REDIS_URL,
      BULL_PREFIX: t.config.BULL_PREFIX,
      BULL_LOCK_DURATION_MS: '1500',
      OUTBOX_SWEEP_INTERVAL_MS: '250',
      ADMIN_EMAIL: t.config.ADMIN_EMAIL,
      ADMIN_PASSWORD: t.config.ADMIN_PASSWORD,
      STORAGE_DIR: t.config.STORAGE_DIR,
      PORT: '0',
      LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return worker;
}

const exited = (worker: ChildProcess) =>
  new Promise<void>((resolve) =>
    worker.exitCode !== null || worker.signalCode
      ? resolve()
      : worker.once('exit', () => resolve()),
  );

describe('a worker killed mid-job', () => {
  let t: TestApp;
  let admin: Session;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    // The api alone: jobs run only in the worker processes this test starts and kills.
    t = await startTestApp({ APP_ROLE: 'api' });
    admin = await loginAdmin(t);
  });

  afterAll(async () => {
    for (const worker of workers) {
      if (worker.exitCode === null && !worker.signalCode) worker.kill('SIGTERM');
      await exited(worker);
    }
    await t.close();
  });

  it('leaves the application to another worker, which finishes it with one transition', async () => {
    const enterprise = await verifiedEnterprise(t, admin);
    const { id } = await draftComplete(t, enterprise, 'FIRE_PROTECTION_REVIEW');
    await t
      .http()
      .post(`/api/v1/applications/${id}/submit`)
      .set(enterprise.auth)
      .send({})
      .expect(200);

    // Hold the tasks table so the first worker stops inside its job, after the engine decided
    // and before its transaction can commit.
    const blocker = new Client({ connectionString: t.config.DATABASE_URL });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE tasks IN SHARE MODE');

    const first = startWorker(t);
    workers.push(first);
    const queue = t.app.get<Queue>(getQueueToken(QUEUES.STAGES));
    await eventually(
      async () => ((await queue.getActiveCount()) === 1 ? true : undefined),
      30_000,
      'the job to be taken',
    );
    await eventually(
      async () => {
        const [waiting] = await t.dataSource.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        return waiting.n > 0 ? true : undefined;
      },
      10_000,
      'the worker to wait on the lock mid-job',
    );

    first.kill('SIGKILL');
    await exited(first);
    await blocker.query('COMMIT');
    await blocker.end();

    const second = startWorker(t);
    workers.push(second);
    await waitForApplication(t, enterprise, id, { stage: 'acceptance', status: 'IN_PROGRESS' });

    const timeline = await t
      .http()
      .get(`/api/v1/applications/${id}/events`)
      .set(enterprise.auth)
      .expect(200);
    const moves = timeline.body.filter(
      (event: { type: string; data: { from?: string } }) =>
        event.type === 'application.stage_changed' && event.data.from === 'completeness_check',
    );
    expect(moves).toHaveLength(1);
    const tasks = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM tasks WHERE application_id = $1`,
      [id],
    );
    expect(tasks[0].n).toBe(1);
  });
});
