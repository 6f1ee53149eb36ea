import { createHmac, timingSafeEqual } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { createServer, IncomingMessage, Server } from 'node:http';
import { Session, loginAdmin } from './support/factories';
import { fileComplete, verifiedEnterprise } from './support/filing';
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
        if (request.url === '/moved') {
          response.writeHead(307, { location: `${base}/moved-here` }).end();
          return;
        }
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
    'http://2130706433/hook',
    'http://0x7f000001/hook',
    'http://0177.0.0.1/hook',
    'http://127.1/hook',
    'http://[::ffff:127.0.0.1]/hook',
    'http://[::127.0.0.1]/hook',
    'http://[64:ff9b::a9fe:a9fe]/hook',
    'http://[2002:c0a8:101::1]/hook',
    'http://[fd00::1]/hook',
  ])('refuses to subscribe %s', async (url) => {
    const refused = await t
      .http()
      .post('/api/v1/webhooks')
      .set(enterprise.auth)
      .send({ url, events: ['application.submitted'] })
      .expect(400);
    expect(refused.body.errors[0].field).toBe('url');
  });

  const attemptsOf = (webhookId: string) =>
    eventually(async () => {
      const response = await t
        .http()
        .get(`/api/v1/webhooks/${webhookId}/deliveries`)
        .set(enterprise.auth)
        .expect(200);
      const [delivery] = response.body.data;
      return delivery?.attemptLog.length > 0 ? delivery : undefined;
    });

  it('refuses at delivery time a host that now resolves to a private address', async () => {
    const created = await t
      .http()
      .post('/api/v1/webhooks')
      .set(enterprise.auth)
      .send({ url: `${base}/rebound`, events: ['application.submitted'] })
      .expect(201);
    // As if the subscriber's DNS name had been pointed at the platform's own network since.
    const port = new URL(base).port;
    await t.dataSource.query(`UPDATE webhook_subscriptions SET url = $2 WHERE id = $1`, [
      created.body.id,
      `http://localhost:${port}/rebound`,
    ]);
    await t
      .http()
      .post(`/api/v1/webhooks/${created.body.id}/test`)
      .set(enterprise.auth)
      .expect(200);
    const delivery = await attemptsOf(created.body.id);
    expect(delivery.attemptLog[0]).toMatchObject({
      statusCode: null,
      error: expect.stringMatching(/^refused target: resolves to an address that is not public/),
    });
    expect(deliveriesTo('/rebound')).toHaveLength(0);
  });

  it('fails a delivery answered with a redirect, without following it', async () => {
    const created = await t
      .http()
      .post('/api/v1/webhooks')
      .set(enterprise.auth)
      .send({ url: `${base}/moved`, events: ['application.submitted'] })
      .expect(201);
    await t
      .http()
      .post(`/api/v1/webhooks/${created.body.id}/test`)
      .set(enterprise.auth)
      .expect(200);
    const failed = await eventually(async () => {
      const delivery = await attemptsOf(created.body.id);
      return delivery.status === 'FAILED' ? delivery : undefined;
    });
    expect(failed).toMatchObject({ attempts: 1, lastStatusCode: 307 });
    expect(deliveriesTo('/moved')).toHaveLength(1);
    expect(deliveriesTo('/moved-here')).toHaveLength(0);
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
});
