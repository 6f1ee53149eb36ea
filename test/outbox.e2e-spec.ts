import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { QUEUES } from '../src/queues/queues';
import { Session, loginAdmin, newStaff, registerEnterprise } from './support/factories';
import { TcpProxy } from './support/tcp-proxy';
import { TestApp, eventually, startApiProcess, startTestApp } from './support/test-app';

interface OutboxRow {
  id: string;
  sent_at: Date | null;
  attempts: number;
}

/** The enterprise's notifications, once there are any. */
const firstNotifications = (t: TestApp, enterprise: Session) =>
  eventually(async () => {
    const response = await t.http().get('/api/v1/notifications').set(enterprise.auth).expect(200);
    return response.body.data.length > 0 ? response.body.data : undefined;
  });

describe('outbox', () => {
  const redisProxy = new TcpProxy(6379);
  let t: TestApp;
  let officer: Session;

  beforeAll(async () => {
    const port = await redisProxy.start();
    t = await startTestApp({
      REDIS_URL: `redis://127.0.0.1:${port}`,
      OUTBOX_ENQUEUE_TIMEOUT_MS: '300',
    });
    officer = await newStaff(t, await loginAdmin(t), 'OFFICER', 'PSC');
  });

  afterAll(async () => {
    await t.close();
    await redisProxy.stop();
  });

  const outboxRowFor = async (enterpriseId: string): Promise<OutboxRow | undefined> => {
    const [row] = await t.dataSource.query(
      `SELECT o.id, o.sent_at, o.attempts FROM outbox o
       JOIN events e ON e.id = (o.payload->>'eventId')::uuid
       WHERE e.type = 'enterprise.verified' AND e.subject_id = $1`,
      [enterpriseId],
    );
    return row;
  };

  it('relays an event to Bull as soon as its transaction commits', async () => {
    const enterprise = await registerEnterprise(t);
    await t
      .http()
      .post(`/api/v1/enterprises/${enterprise.enterpriseId}/verify`)
      .set(officer.auth)
      .expect(200);
    const inbox = await firstNotifications(t, enterprise);
    expect(inbox).toEqual([expect.objectContaining({ type: 'enterprise.verified', readAt: null })]);
    const row = await outboxRowFor(enterprise.enterpriseId);
    expect(row?.sent_at).not.toBeNull();
  });

  it('delivers a row written while Redis is unreachable once Redis is back, exactly once', async () => {
    const enterprise = await registerEnterprise(t);
    await redisProxy.cut();
    try {
      // The state change needs only PostgreSQL, so it succeeds during the outage.
      await t
        .http()
        .post(`/api/v1/enterprises/${enterprise.enterpriseId}/verify`)
        .set(officer.auth)
        .expect(200);
      const failed = await eventually(
        async () => {
          const row = await outboxRowFor(enterprise.enterpriseId);
          return row && row.attempts >= 2 && row.sent_at === null ? row : undefined;
        },
        15_000,
        'the relay to try and fail',
      );
      expect(failed.sent_at).toBeNull();
      const ready = await t.http().get('/health/ready').expect(503);
      expect(ready.body.details.redis.status).toBe('down');
      const inbox = await t.http().get('/api/v1/notifications').set(enterprise.auth).expect(200);
      expect(inbox.body.data).toEqual([]);
    } finally {
      await redisProxy.restore();
    }

    const inbox = await eventually(
      async () => {
        const response = await t
          .http()
          .get('/api/v1/notifications')
          .set(enterprise.auth)
          .expect(200);
        return response.body.data.length > 0 ? response.body.data : undefined;
      },
      20_000,
      'the notification after Redis came back',
    );
    const row = (await outboxRowFor(enterprise.enterpriseId))!;
    expect(row.sent_at).not.toBeNull();

    // Give any duplicate a chance to show up before counting.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const queue = t.app.get<Queue>(getQueueToken(QUEUES.EVENTS));
    const job = await queue.getJob(row.id);
    expect(job?.finishedOn).toBeDefined();
    // Bull counts failed attempts only: 0 means the one run succeeded, and it notified the admin.
    expect(job?.attemptsMade).toBe(0);
    expect(job?.returnvalue).toEqual({ notified: 1 });
    const completed = await queue.getCompleted(0, -1);
    expect(completed.filter((done) => done.data.eventId === job!.data.eventId)).toHaveLength(1);
    const notifications = await t
      .http()
      .get('/api/v1/notifications')
      .set(enterprise.auth)
      .expect(200);
    expect(notifications.body.data).toHaveLength(1);
    expect(inbox).toHaveLength(1);
    await eventually(async () =>
      (await t.http().get('/health/ready')).status === 200 ? true : undefined,
    );
  });
});

describe('outbox signals', () => {
  let t: TestApp;
  let api: Awaited<ReturnType<typeof startApiProcess>>;

  beforeAll(async () => {
    // No sweep within the test: only the committing process's signal can wake the relay.
    t = await startTestApp({ OUTBOX_SWEEP_INTERVAL_MS: '600000' });
    api = await startApiProcess(t);
  });

  afterAll(async () => {
    await api.close();
    await t.close();
  });

  it('has no NOTIFY on the commit path', async () => {
    const triggers = await t.dataSource.query(
      `SELECT tgname FROM pg_trigger WHERE tgrelid = 'outbox'::regclass AND NOT tgisinternal`,
    );
    expect(triggers).toEqual([]);
  });

  it('wakes the relay of a worker process from an api process, through Redis', async () => {
    const admin = await loginAdmin(t);
    const officer = await newStaff(t, admin, 'OFFICER', 'PSC');
    const enterprise = await registerEnterprise(t);
    await api
      .http()
      .post(`/api/v1/enterprises/${enterprise.enterpriseId}/verify`)
      .set(officer.auth)
      .expect(200);
    const inbox = await firstNotifications(t, enterprise);
    expect(inbox).toEqual([expect.objectContaining({ type: 'enterprise.verified' })]);
  });
});
