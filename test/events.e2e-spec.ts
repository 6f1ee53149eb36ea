import { readFileSync } from 'node:fs';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { schemas } from '@asyncapi/specs';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import request from 'supertest';
import {
  createWebhookReceiver,
  isGenuine,
  type ParklineEvent,
} from '../client/examples/webhook-receiver';
import { EVENT_TYPES } from '../src/events/event-types';
import { ASYNCAPI_PATH, buildAsyncApiDocument } from '../src/webhooks/webhook-asyncapi';
import { PING_EVENT, WEBHOOK_EVENT_TYPES } from '../src/webhooks/webhook-events';
import { signWebhook, verifyWebhookSignature } from '../src/webhooks/webhook-signature';
import { Session, loginAdmin } from './support/factories';
import { fileComplete, verifiedEnterprise } from './support/filing';
import { recordedEventProblems } from './support/recorded-events';
import { TestApp, eventually, startTestApp } from './support/test-app';

const committed = JSON.parse(readFileSync(join(__dirname, '..', 'asyncapi.json'), 'utf8'));

/** Every `$ref` of the document, with what it points at (undefined: nothing). */
function references(document: unknown): { ref: string; target: unknown }[] {
  const refs: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object')
      for (const [key, value] of Object.entries(node))
        if (key === '$ref' && typeof value === 'string') refs.push(value);
        else walk(value);
  };
  walk(document);
  return refs.map((ref) => ({
    ref,
    target: ref
      .slice(2)
      .split('/')
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], document),
  }));
}

describe('events', () => {
  it('commits the AsyncAPI document that the event schemas generate', () => {
    expect(committed).toEqual(JSON.parse(JSON.stringify(buildAsyncApiDocument())));
  });

  it('is a valid AsyncAPI 3.0 document whose references all resolve', () => {
    // The specification's schema bundles its own copy of the draft-07 meta-schema.
    const ajv = new Ajv({ strict: false, meta: false, validateSchema: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(schemas['3.0.0']);
    expect(validate(committed) ? [] : validate.errors).toEqual([]);
    expect(references(committed).filter((reference) => reference.target === undefined)).toEqual([]);
  });

  it('documents every webhook event type, and the test delivery, with an example signed as described', () => {
    const messages = committed.components.messages as Record<
      string,
      { examples: { headers: Record<string, string>; payload: { type: string } }[] }
    >;
    expect(Object.keys(messages).sort()).toEqual([...WEBHOOK_EVENT_TYPES, PING_EVENT].sort());
    expect(WEBHOOK_EVENT_TYPES.length).toBeGreaterThan(30);
    expect(EVENT_TYPES).toEqual(expect.arrayContaining(WEBHOOK_EVENT_TYPES));
    for (const [type, message] of Object.entries(messages)) {
      const [{ headers, payload }] = message.examples;
      expect(payload.type).toBe(type);
      const timestamp = headers['X-Parkline-Timestamp'];
      const signature = { timestamp, signature: headers['X-Signature'] };
      expect(
        verifyWebhookSignature('whsec_example', signature, JSON.stringify(payload), +timestamp),
      ).toBe(true);
    }
  });

  describe('as served', () => {
    let t: TestApp;
    let server: Server;
    let receiverUrl: string;
    let admin: Session;
    let enterprise: Session & { enterpriseId: string };
    const secret = 'whsec_receiver-example-0123456789abcdef';
    const handled: ParklineEvent[] = [];
    const received: { path?: string; headers: IncomingHttpHeaders; body: string }[] = [];

    beforeAll(async () => {
      server = createWebhookReceiver(secret, (event) => handled.push(event));
      // A second listener keeps the raw requests, to replay them.
      server.on('request', (incoming) => {
        let body = '';
        incoming.on('data', (chunk) => (body += chunk));
        incoming.on('end', () =>
          received.push({ path: incoming.url, headers: incoming.headers, body }),
        );
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as AddressInfo;
      receiverUrl = `http://127.0.0.1:${port}`;
      t = await startTestApp({ WEBHOOK_ALLOWLIST: `127.0.0.1:${port}` });
      admin = await loginAdmin(t);
      enterprise = await verifiedEnterprise(t, admin);
    });

    afterAll(async () => {
      await t.close();
      await new Promise((resolve) => server.close(resolve));
    });

    it('serves the committed document, linked from the OpenAPI description', async () => {
      const served = await t.http().get(ASYNCAPI_PATH).expect(200);
      expect(served.body).toEqual(committed);
      const openapi = await t.http().get('/docs-json').expect(200);
      expect(openapi.body.info.description).toContain(ASYNCAPI_PATH);
    });

    const subscribe = async (path: string, subscriptionSecret: string) =>
      (
        await t
          .http()
          .post('/api/v1/webhooks')
          .set(enterprise.auth)
          .send({
            url: `${receiverUrl}${path}`,
            events: ['application.submitted'],
            secret: subscriptionSecret,
          })
          .expect(201)
      ).body.id as string;

    const lastStatusOf = (webhookId: string, eventId?: string) =>
      eventually(async () => {
        const page = await t
          .http()
          .get(`/api/v1/webhooks/${webhookId}/deliveries`)
          .set(enterprise.auth)
          .expect(200);
        const delivery = (
          page.body.data as { eventId: string; status: string; lastStatusCode: number }[]
        ).find(
          (candidate) =>
            candidate.status !== 'PENDING' && (!eventId || candidate.eventId === eventId),
        );
        return delivery?.lastStatusCode;
      });

    it('the example receiver takes genuine deliveries and refuses those signed with another secret', async () => {
      const genuine = await subscribe('/genuine', secret);
      const foreign = await subscribe('/foreign', 'whsec_someone-else-0123456789abcdef');
      const { id } = await fileComplete(t, enterprise, 'TALENT_RECRUITMENT');

      expect(await lastStatusOf(genuine)).toBe(204);
      expect(await lastStatusOf(foreign)).toBe(401);
      expect(handled).toEqual([
        expect.objectContaining({
          type: 'application.submitted',
          data: expect.objectContaining({ subjectId: id }),
        }),
      ]);

      const ping = await t
        .http()
        .post(`/api/v1/webhooks/${genuine}/test`)
        .set(enterprise.auth)
        .expect(200);
      expect(await lastStatusOf(genuine, ping.body.eventId)).toBe(204);
      expect(handled.map((event) => event.type)).toEqual(['application.submitted', PING_EVENT]);
    });

    it('refuses a genuine delivery whose body was altered, and handles a replayed one once', async () => {
      const delivery = received.find(
        (candidate) =>
          candidate.path === '/genuine' && candidate.body.includes('application.submitted'),
      )!;
      const headers = {
        'content-type': 'application/json',
        'x-parkline-timestamp': String(delivery.headers['x-parkline-timestamp']),
        'x-signature': String(delivery.headers['x-signature']),
      };
      const count = handled.length;
      await request(server)
        .post('/genuine')
        .set(headers)
        .send(delivery.body.replace('TALENT_RECRUITMENT', 'FORGED_SERVICE'))
        .expect(401);
      await request(server).post('/genuine').set(headers).send(delivery.body).expect(204);
      await request(server).post('/genuine').send(delivery.body).expect(401);
      expect(handled).toHaveLength(count);
    });

    it('refuses a delivery signed too long ago', () => {
      const body = '{"id":"e1"}';
      const signedAt = Math.floor(Date.now() / 1000);
      const signature = signWebhook(secret, signedAt, body);
      expect(isGenuine(secret, String(signedAt), signature, body, signedAt + 299)).toBe(true);
      expect(isGenuine(secret, String(signedAt), signature, body, signedAt + 301)).toBe(false);
      expect(isGenuine(secret, 'soon', signature, body, signedAt)).toBe(false);
    });

    it('recorded only events that match their schemas', async () => {
      expect(await recordedEventProblems(t.dataSource)).toEqual([]);
      const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM events`);
      expect(count).toBeGreaterThan(3);
    });
  });
});
