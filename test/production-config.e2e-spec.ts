import { randomBytes, randomUUID } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { JwtService } from '@nestjs/jwt';
import { generateSigningKeyPair } from '../src/certificates/certificate-signature';
import { EXAMPLE_SECRETS } from '../src/config/app-config';
import { loginAdmin } from './support/factories';
import { startTestApp, TEST_ADMIN, TestApp } from './support/test-app';

const root = join(__dirname, '..');

/** Production settings with secrets of its own; each case spoils one. */
const productionEnv = () => ({
  NODE_ENV: 'production',
  JWT_SECRET: randomBytes(32).toString('hex'),
  ADMIN_PASSWORD: 'Own-Admin-Password-2026',
  METRICS_TOKEN: randomBytes(32).toString('hex'),
  WEBHOOK_SECRET_KEYS: `prod:${randomBytes(32).toString('base64')}`,
  CERTIFICATE_SIGNING_KEY: generateSigningKeyPair().privateKeyPem.replace(/\n/g, '\\n'),
  // Unreachable on purpose: a process that got past its configuration fails differently.
  DATABASE_URL: 'postgres://postgres@127.0.0.1:1/parkline',
});

function startProcess(entry: string, env: Record<string, string>) {
  return spawnSync(process.execPath, [join(root, 'dist', 'src', entry)], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 20_000,
  });
}

describe('production configuration', () => {
  it.each([
    ['main.js', 'the example JWT_SECRET', 'JWT_SECRET', { JWT_SECRET: EXAMPLE_SECRETS.JWT_SECRET }],
    [
      'worker.js',
      'the example JWT_SECRET',
      'JWT_SECRET',
      { JWT_SECRET: EXAMPLE_SECRETS.JWT_SECRET },
    ],
    [
      'worker.js',
      'the example webhook-secret key',
      'WEBHOOK_SECRET_KEYS',
      { WEBHOOK_SECRET_KEYS: EXAMPLE_SECRETS.WEBHOOK_SECRET_KEY },
    ],
    [
      'main.js',
      'no certificate signing key',
      'CERTIFICATE_SIGNING_KEY',
      { CERTIFICATE_SIGNING_KEY: '' },
    ],
  ])('%s refuses to start with %s, in one line naming %s', (entry, _case, setting, spoiled) => {
    const run = startProcess(entry, { ...productionEnv(), ...spoiled });
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^Invalid configuration: ${setting}: `));
    for (const example of Object.values(EXAMPLE_SECRETS)) expect(lines[0]).not.toContain(example);
  });

  it('gets past its configuration with secrets of its own', () => {
    const run = startProcess('main.js', productionEnv());
    expect(run.status).toBe(1);
    expect(run.stderr).not.toContain('Invalid configuration');
    expect(run.stderr).toMatch(/Parkline failed to start: .*ECONNREFUSED/);
  });
});

describe('an access token forged with the example JWT secret', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ JWT_SECRET: randomBytes(32).toString('hex') });
  });

  afterAll(() => t.close());

  it('is refused by a platform with a secret of its own, though the same claims signed with its secret pass', async () => {
    const [{ id: adminId }] = await t.dataSource.query(`SELECT id FROM users WHERE email = $1`, [
      TEST_ADMIN.email,
    ]);
    const claims = { sub: adminId, sid: randomUUID(), typ: 'access' };
    const sign = (secret: string) =>
      new JwtService({ secret }).sign(claims, { algorithm: 'HS256', expiresIn: 300 });

    const forged = sign(EXAMPLE_SECRETS.JWT_SECRET);
    const refused = await t
      .http()
      .get('/api/v1/users')
      .set('Authorization', `Bearer ${forged}`)
      .expect(401);
    expect(refused.headers['content-type']).toContain('application/problem+json');

    await t
      .http()
      .get('/api/v1/users')
      .set('Authorization', `Bearer ${sign(t.config.JWT_SECRET)}`)
      .expect(200);
    await t
      .http()
      .get('/api/v1/users')
      .set((await loginAdmin(t)).auth)
      .expect(200);
  });
});
