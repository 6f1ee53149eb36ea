import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { CreatePlatformFoundation1795400000000 } from '../migrations/1795400000000-CreatePlatformFoundation';
import { CreateCatalogueAndCalendar1795500000000 } from '../migrations/1795500000000-CreateCatalogueAndCalendar';
import { CreateApplicationsAndTasks1795600000000 } from '../migrations/1795600000000-CreateApplicationsAndTasks';
import { CreateStatisticsAndWebhooks1795700000000 } from '../migrations/1795700000000-CreateStatisticsAndWebhooks';
import { OrderWorklistByDeadline1795800000000 } from '../migrations/1795800000000-OrderWorklistByDeadline';
import { generateSigningKeyPair } from '../src/certificates/certificate-signature';
import { EXAMPLE_SECRETS, loadConfig } from '../src/config/app-config';
import { databaseOptions } from '../src/database/database-options';
import { verifyWebhookSignature } from '../src/webhooks/webhook-signature';
import { loginAdmin, Session } from './support/factories';
import {
  approveToCertificate,
  department,
  fileComplete,
  verifiedEnterprise,
} from './support/filing';
import { eventually, startTestApp, TestApp } from './support/test-app';
import { databaseUrl, dropTestDatabase, withAdminClient } from './support/test-database';
import { startWebhookReceiver, WebhookReceiver } from './support/webhook-receiver';

/** The schema of the release that kept signing keys and webhook secrets in the database. */
const PREVIOUS_RELEASE = [
  CreatePlatformFoundation1795400000000,
  CreateCatalogueAndCalendar1795500000000,
  CreateApplicationsAndTasks1795600000000,
  CreateStatisticsAndWebhooks1795700000000,
  OrderWorklistByDeadline1795800000000,
];

const keyFile = (directory: string, name: string) => {
  const pair = generateSigningKeyPair();
  const path = join(directory, `${name}.pem`);
  writeFileSync(path, pair.privateKeyPem, { mode: 0o600 });
  return { path, keyId: pair.keyId };
};

const newWebhookKey = (id: string) => `${id}:${randomBytes(32).toString('base64')}`;

describe('secrets at rest, from a database that kept them in clear to rotated keys', () => {
  const database = `parkline_test_${randomBytes(6).toString('hex')}`;
  const keys = mkdtempSync(join(tmpdir(), 'parkline-signing-keys-'));
  const firstKey = keyFile(keys, 'first');
  const legacyKey = generateSigningKeyPair();
  const legacySecret = `whsec_${randomBytes(24).toString('hex')}`;
  let subscriptionId: string;
  let receiver: WebhookReceiver;
  let t: TestApp;
  let running = false;
  let admin: Session;

  /** Stops the platform (if it runs) and starts it again on the same database. */
  const boot = async (settings: Record<string, string>) => {
    if (running) await t.close();
    running = false;
    t = await startTestApp(
      { WEBHOOK_ALLOWLIST: receiver.hostPort, WEBHOOK_BACKOFF_MS: '50', ...settings },
      { database },
    );
    running = true;
    admin = await loginAdmin(t);
  };
  const storedSecret = async () =>
    (
      await t.dataSource.query(`SELECT secret FROM webhook_subscriptions WHERE id = $1`, [
        subscriptionId,
      ])
    )[0].secret as string;
  const publicKeys = async () =>
    (await t.http().get('/api/v1/certificates/public-key').expect(200)).body as {
      keyId: string;
      active: boolean;
    }[];
  /** Sends a ping and checks its signature the way a receiver does. */
  const pingVerifiesWith = async (secret: string) => {
    const path = `/ping-${randomBytes(4).toString('hex')}`;
    await t.dataSource.query(`UPDATE webhook_subscriptions SET url = $2 WHERE id = $1`, [
      subscriptionId,
      `${receiver.base}${path}`,
    ]);
    await t.http().post(`/api/v1/webhooks/${subscriptionId}/test`).set(admin.auth).expect(200);
    const [ping] = await eventually(async () =>
      receiver.deliveriesTo(path).length > 0 ? receiver.deliveriesTo(path) : undefined,
    );
    return verifyWebhookSignature(
      secret,
      {
        timestamp: String(ping.headers['x-parkline-timestamp']),
        signature: String(ping.headers['x-signature']),
      },
      ping.body,
    );
  };

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    await withAdminClient((client) => client.query(`CREATE DATABASE ${database}`));
    const previous = new DataSource({
      ...databaseOptions(loadConfig({ DATABASE_URL: databaseUrl(database) }, '/nonexistent/.env')),
      migrations: PREVIOUS_RELEASE,
      extra: { max: 1 },
    });
    await previous.initialize();
    await previous.runMigrations({ transaction: 'each' });
    await previous.query(
      `INSERT INTO signing_keys (key_id, algorithm, public_key_pem, private_key_pem, active)
       VALUES ($1, 'Ed25519', $2, $3, true)`,
      [legacyKey.keyId, legacyKey.publicKeyPem, legacyKey.privateKeyPem],
    );
    [{ id: subscriptionId }] = await previous.query(
      `INSERT INTO webhook_subscriptions (owner_type, url, events, secret)
       VALUES ('PARK', $1, '{application.submitted}', $2) RETURNING id`,
      [`${receiver.base}/legacy`, legacySecret],
    );
    await previous.destroy();
    await boot({ CERTIFICATE_SIGNING_KEY_FILE: firstKey.path });
  });

  afterAll(async () => {
    if (running) await t.close();
    await dropTestDatabase(database);
    await receiver.close();
  });

  it('drops the private key kept in the database, keeps its public key, and signs with the configured key', async () => {
    const columns: { column_name: string }[] = await t.dataSource.query(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'signing_keys'`,
    );
    expect(columns.map((column) => column.column_name)).not.toContain('private_key_pem');
    expect(await publicKeys()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ keyId: legacyKey.keyId, active: false }),
        expect.objectContaining({ keyId: firstKey.keyId, active: true }),
      ]),
    );
  });

  it('encrypts the webhook secret the previous release kept in clear, which still signs', async () => {
    const sealed = await storedSecret();
    expect(sealed).toMatch(/^v1:dev:/);
    expect(sealed).not.toContain(legacySecret.slice(6));
    expect(await pingVerifiesWith(legacySecret)).toBe(true);
  });

  it('rotates both keys: new ones take over, and what the old ones made still verifies', async () => {
    const enterprise = await verifiedEnterprise(t, admin);
    const health = await department(t, admin, 'HEALTH');
    const { id } = await fileComplete(t, enterprise, 'PATHOGEN_LAB_FILING');
    const certificate = await approveToCertificate(t, enterprise, health, id);
    expect(certificate.keyId).toBe(firstKey.keyId);

    const secondKey = keyFile(keys, 'second');
    await boot({
      CERTIFICATE_SIGNING_KEY_FILE: secondKey.path,
      WEBHOOK_SECRET_KEYS: `${newWebhookKey('next')},${EXAMPLE_SECRETS.WEBHOOK_SECRET_KEY}`,
    });

    expect(await storedSecret()).toMatch(/^v1:next:/);
    expect(await pingVerifiesWith(legacySecret)).toBe(true);
    expect(await publicKeys()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ keyId: secondKey.keyId, active: true }),
        expect.objectContaining({ keyId: firstKey.keyId, active: false }),
        expect.objectContaining({ keyId: legacyKey.keyId, active: false }),
      ]),
    );
    const verified = await t
      .http()
      .get(`/api/v1/certificates/${certificate.number}/verify?code=${certificate.verificationCode}`)
      .expect(200);
    expect(verified.body).toMatchObject({ valid: true, status: 'VALID' });
  });

  it('refuses to boot without a key that webhook secrets are still sealed under', async () => {
    await expect(
      boot({
        CERTIFICATE_SIGNING_KEY_FILE: firstKey.path,
        WEBHOOK_SECRET_KEYS: newWebhookKey('third'),
      }),
    ).rejects.toThrow(/^WEBHOOK_SECRET_KEYS lacks "next"/);
  });
});
