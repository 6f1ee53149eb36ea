import { createHmac, timingSafeEqual } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { createServer, IncomingMessage, Server } from 'node:http';
import { Session, loginAdmin } from './support/factories';
import { fileComplete, verifiedEnterprise } from './support/filing';
import { readAllPages } from './support/pages';
import { TestApp, eventually, startTestApp } from './support/test-app';

/** The receiver-side check, exactly as README.md documents it for integrators. */
function verifyParklineSignature(
  secret: string,
  timestamp: string,
  body: string,
  signature: string,
): boolean {
  const expected =
    'sha256=' + createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  const fresh = Math.abs(Date.now() / 1000 - Number(timestamp)) < 300;
  return (
    fresh &&
    expected.length === signature.length &&
    timingSafeEqual(Buffer.from(expected), Buffer.from(signature))
  );
}

interface Received {
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

describe('webhooks', () => {
  const received: Received[] = [];
  const failuresLeft = new Map<string, number>();
  let receiver: Server;
  let base: string;
  let t: TestApp;
  let admin: Session;
  let enterprise: Session & { enterpriseId: string };

  beforeAll(async () => {
    receiver = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        received.push({ path: request.url ?? '', headers: request.headers, body });
        const left = failuresLeft.get(request.url ?? '') ?? 0;
        if (left > 0) failuresLeft.set(request.url ?? '', left - 1);
        response.writeHead(left > 0 ? 500 : 200).end(left > 0 ? 'temporarily broken' : 'ok');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const port = (receiver.address() as AddressInfo).port;
    base = `http://127.0.0.1:${port}`;
    t = await startTestApp({
      WEBHOOK_ALLOWLIST: `127.0.0.1:${port}`,
      WEBHOOK_BACKOFF_MS: '50',
      WEBHOOK_MAX_ATTEMPTS: '4',
      WEBHOOK_DISABLE_AFTER: '2',
    });
    admin = await loginAdmin(t);
    enterprise = await verifiedEnterprise(t, admin);
  });

  afterAll(async () => {
    await t.close();
    await new Promise((resolve) => receiver.close(resolve));
  });

  const deliveriesTo = (path: string) => received.filter((request) => request.path === path);

  it('delivers a signed application.submitted that verifies with the documented check', async () => {
    const created = await t
      .http()
      .post('/api/v1/webhooks')
      .set(enterprise.auth)
      .send({ url: `${base}/submitted`, events: ['application.submitted'] })
      .expect(201);
    expect(created.body.secret).toMatch(/^whsec_/);
    const { id } = await fileComplete(t, enterprise, 'TALENT_RECRUITMENT');

    const [delivery] = await eventually(async () =>
      deliveriesTo('/submitted').length > 0 ? deliveriesTo('/submitted') : undefined,
    );
    const body = JSON.parse(delivery.body);
    expect(body).toMatchObject({
      type: 'application.submitted',
      data: { subjectId: id, serviceCode: 'TALENT_RECRUITMENT' },
    });
    expect(delivery.headers['x-parkline-event-id']).toBe(body.id);
    expect(
      verifyParklineSignature(
        created.body.secret,
        String(delivery.headers['x-parkline-timestamp']),
        delivery.body,
        String(delivery.headers['x-signature']),
      ),
    ).toBe(true);
    expect(
      verifyParklineSignature(
        'whsec_wrong-secret-000000',
        String(delivery.headers['x-parkline-timestamp']),
        delivery.body,
        String(delivery.headers['x-signature']),
      ),
    ).toBe(false);
  });

  it('retries a receiver that answers 500 twice, records all three attempts, and keeps one event id', async () => {
    failuresLeft.set('/flaky', 2);
    const created = await t
      .http()
      .post('/api/v1/webhooks')
      .set(enterprise.auth)
      .send({ url: `${base}/flaky`, events: ['application.submitted'] })
      .expect(201);
    await fileComplete(t, enterprise, 'TALENT_RECRUITMENT');
    const deliveries = await eventually(async () => {
      const response = await t
        .http()
        .get(`/api/v1/webhooks/${created.body.id}/deliveries`)
        .set(enterprise.auth)
        .expect(200);
      return response.body.data[0]?.status === 'SUCCEEDED' ? response.body.data : undefined;
    }, 20_000);
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({ attempts: 3, lastStatusCode: 200 });
    expect(
      deliveries[0].attemptLog.map((attempt: { statusCode: number }) => attempt.statusCode),
    ).toEqual([500, 500, 200]);
    expect(deliveries[0].attemptLog[0].responseExcerpt).toBe('temporarily broken');
    const ids = deliveriesTo('/flaky').map((request) => request.headers['x-parkline-event-id']);
    expect(ids).toHaveLength(3);
    expect(new Set(ids)).toEqual(new Set([deliveries[0].eventId]));
    expect(
      deliveriesTo('/flaky').every(
        (request) => JSON.parse(request.body).id === deliveries[0].eventId,
      ),
    ).toBe(true);
  });

  it.each([
    'http://169.254.169.254/latest/meta-data',
    'http://10.0.0.1/hook',
    'http://localhost:9/hook',
  ])('refuses to subscribe %s', async (url) => {
    const refused = await t
      .http()
      .post('/api/v1/webhooks')
      .set(enterprise.auth)
      .send({ url, events: ['application.submitted'] })
      .expect(400);
    expect(refused.body.errors[0].field).toBe('url');
  });

  it('pings, rotates the secret, disables after a run of failures, tells the owner, and re-enables', async () => {
    failuresLeft.set('/down', 1000);
    const created = await t
      .http()
      .post('/api/v1/webhooks')
      .set(enterprise.auth)
      .send({ url: `${base}/down`, events: ['application.submitted'] })
      .expect(201);
    failuresLeft.set('/down', 0);
    const ping = await t
      .http()
      .post(`/api/v1/webhooks/${created.body.id}/test`)
      .set(enterprise.auth)
      .expect(200);
    expect(ping.body.eventType).toBe('webhook.ping');
    await eventually(async () =>
      deliveriesTo('/down').some((request) => JSON.parse(request.body).type === 'webhook.ping')
        ? true
        : undefined,
    );

    const rotated = await t
      .http()
      .post(`/api/v1/webhooks/${created.body.id}/rotate-secret`)
      .set(enterprise.auth)
      .expect(200);
    expect(rotated.body.secret).not.toBe(created.body.secret);

    failuresLeft.set('/down', 1000);
    await fileComplete(t, enterprise, 'TALENT_RECRUITMENT');
    await fileComplete(t, enterprise, 'TALENT_RECRUITMENT');
    const disabled = await eventually(async () => {
      const response = await t
        .http()
        .get(`/api/v1/webhooks/${created.body.id}`)
        .set(enterprise.auth)
        .expect(200);
      return response.body.active ? undefined : response.body;
    }, 20_000);
    expect(disabled.disabledReason).toMatch(/failed in a row/);
    await eventually(async () => {
      const inbox = await t.http().get('/api/v1/notifications').set(enterprise.auth).expect(200);
      return inbox.body.data.find(
        (notification: { type: string }) => notification.type === 'webhook.disabled',
      );
    });

    const enabled = await t
      .http()
      .patch(`/api/v1/webhooks/${created.body.id}`)
      .set(enterprise.auth)
      .send({ active: true })
      .expect(200);
    expect(enabled.body).toMatchObject({
      active: true,
      disabledReason: null,
      consecutiveFailures: 0,
    });
    const other = await verifiedEnterprise(t, admin);
    await t.http().get(`/api/v1/webhooks/${created.body.id}`).set(other.auth).expect(404);
  });

  it('pages through every subscription and every delivery with limit=1, each exactly once', async () => {
    const owner = await verifiedEnterprise(t, admin);
    const subscriptions: string[] = [];
    for (const path of ['/paged-a', '/paged-b', '/paged-c']) {
      const created = await t
        .http()
        .post('/api/v1/webhooks')
        .set(owner.auth)
        .send({ url: `${base}${path}`, events: ['application.submitted'] })
        .expect(201);
      subscriptions.push(created.body.id);
    }
    const listed = await readAllPages<{ id: string }>(t, '/api/v1/webhooks', owner.auth, {
      limit: 1,
    });
    expect(listed.items.map((webhook) => webhook.id)).toEqual([...subscriptions].reverse());
    expect(listed.pages).toBe(3);

    const pings: string[] = [];
    for (let ping = 0; ping < 3; ping += 1) {
      const delivery = await t
        .http()
        .post(`/api/v1/webhooks/${subscriptions[0]}/test`)
        .set(owner.auth)
        .expect(200);
      pings.push(delivery.body.id);
    }
    const deliveries = await readAllPages<{ id: string }>(
      t,
      `/api/v1/webhooks/${subscriptions[0]}/deliveries`,
      owner.auth,
      { limit: 1 },
    );
    expect(deliveries.items.map((delivery) => delivery.id)).toEqual([...pings].reverse());
    await t
      .http()
      .get(`/api/v1/webhooks/${subscriptions[0]}/deliveries?cursor=not-a-cursor`)
      .set(owner.auth)
      .expect(400);
  });
});
