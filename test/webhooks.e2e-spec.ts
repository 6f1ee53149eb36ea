import { createHmac, timingSafeEqual } from 'node:crypto';
import { Session, loginAdmin } from './support/factories';
import { fileComplete, verifiedEnterprise } from './support/filing';
import { readAllPages } from './support/pages';
import { TestApp, eventually, startTestApp } from './support/test-app';
import {
  ReceivedDelivery,
  startWebhookReceiver,
  WebhookReceiver,
} from './support/webhook-receiver';

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

describe('webhooks', () => {
  let receiver: WebhookReceiver;
  let base: string;
  let t: TestApp;
  let admin: Session;
  let enterprise: Session & { enterpriseId: string };

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    base = receiver.base;
    t = await startTestApp({
      WEBHOOK_ALLOWLIST: receiver.hostPort,
      WEBHOOK_BACKOFF_MS: '50',
      WEBHOOK_MAX_ATTEMPTS: '4',
      WEBHOOK_DISABLE_AFTER: '2',
    });
    admin = await loginAdmin(t);
    enterprise = await verifiedEnterprise(t, admin);
  });

  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  const deliveriesTo = (path: string) => receiver.deliveriesTo(path);
  const storedSecret = async (id: string): Promise<string> =>
    (await t.dataSource.query(`SELECT secret FROM webhook_subscriptions WHERE id = $1`, [id]))[0]
      .secret;
  const verifies = (secret: string, delivery: ReceivedDelivery) =>
    verifyParklineSignature(
      secret,
      String(delivery.headers['x-parkline-timestamp']),
      delivery.body,
      String(delivery.headers['x-signature']),
    );

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
    expect(verifies(created.body.secret, delivery)).toBe(true);
    expect(verifies('whsec_wrong-secret-000000', delivery)).toBe(false);
  });

  it('keeps the secret encrypted, shows it only at creation and rotation, and signs with the rotated one', async () => {
    const own = 'whsec_chosen-by-the-receiver-0123456789';
    const created = await t
      .http()
      .post('/api/v1/webhooks')
      .set(enterprise.auth)
      .send({ url: `${base}/sealed`, events: ['application.submitted'], secret: own })
      .expect(201);
    expect(created.body.secret).toBe(own);
    const { id } = created.body;
    const sealed = await storedSecret(id);
    expect(sealed).toMatch(/^v1:dev:/);
    expect(sealed).not.toContain(own);
    expect(sealed).not.toContain(own.slice(6));

    const read = await t.http().get(`/api/v1/webhooks/${id}`).set(enterprise.auth).expect(200);
    const changed = await t
      .http()
      .patch(`/api/v1/webhooks/${id}`)
      .set(enterprise.auth)
      .send({ events: ['application.submitted', 'application.approved'] })
      .expect(200);
    const listed = await t.http().get('/api/v1/webhooks').set(enterprise.auth).expect(200);
    for (const shown of [read.body, changed.body, ...listed.body.data])
      expect(shown).not.toHaveProperty('secret');
    expect(JSON.stringify(listed.body)).not.toContain(own);

    const rotated = await t
      .http()
      .post(`/api/v1/webhooks/${id}/rotate-secret`)
      .set(enterprise.auth)
      .expect(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(await storedSecret(id)).not.toContain(rotated.body.secret);
    expect(await storedSecret(id)).not.toBe(sealed);
    await t.http().post(`/api/v1/webhooks/${id}/test`).set(enterprise.auth).expect(200);
    const [ping] = await eventually(async () =>
      deliveriesTo('/sealed').length > 0 ? deliveriesTo('/sealed') : undefined,
    );
    expect(verifies(rotated.body.secret, ping)).toBe(true);
    expect(verifies(own, ping)).toBe(false);
  });

  it('refuses a sealed secret copied onto another subscription rather than signing with it', async () => {
    const subscribe = (path: string) =>
      t
        .http()
        .post('/api/v1/webhooks')
        .set(enterprise.auth)
        .send({ url: `${base}${path}`, events: ['application.submitted'] })
        .expect(201);
    const source = (await subscribe('/copied-from')).body;
    const target = (await subscribe('/copied-to')).body;
    await t.dataSource.query(`UPDATE webhook_subscriptions SET secret = $2 WHERE id = $1`, [
      target.id,
      await storedSecret(source.id),
    ]);
    await t.http().post(`/api/v1/webhooks/${target.id}/test`).set(enterprise.auth).expect(200);
    const [attempt] = await eventually(async () => {
      const page = await t
        .http()
        .get(`/api/v1/webhooks/${target.id}/deliveries`)
        .set(enterprise.auth)
        .expect(200);
      return page.body.data[0]?.attemptLog.length > 0 ? page.body.data[0].attemptLog : undefined;
    });
    expect(attempt.error).toMatch(/does not authenticate/);
    expect(deliveriesTo('/copied-to')).toHaveLength(0);
  });

  it('retries a receiver that answers 500 twice, records all three attempts, and keeps one event id', async () => {
    receiver.failuresLeft.set('/flaky', 2);
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
    receiver.failuresLeft.set('/down', 1000);
    const created = await t
      .http()
      .post('/api/v1/webhooks')
      .set(enterprise.auth)
      .send({ url: `${base}/down`, events: ['application.submitted'] })
      .expect(201);
    receiver.failuresLeft.set('/down', 0);
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

    receiver.failuresLeft.set('/down', 1000);
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
