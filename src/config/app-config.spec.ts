import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSigningKeyPair } from '../certificates/certificate-signature';
import { AppConfig, ConfigError, EXAMPLE_SECRETS, loadConfig } from './app-config';

const noEnvFile = '/nonexistent/.env';

/** A production configuration with secrets of its own: the baseline each case breaks once. */
function productionEnv(): Record<string, string> {
  return {
    NODE_ENV: 'production',
    JWT_SECRET: randomBytes(32).toString('hex'),
    ADMIN_PASSWORD: 'Own-Admin-Password-2026',
    METRICS_TOKEN: randomBytes(32).toString('hex'),
    WEBHOOK_SECRET_KEYS: `2026-11:${randomBytes(32).toString('base64')}`,
    CERTIFICATE_SIGNING_KEY: generateSigningKeyPair().privateKeyPem.replace(/\n/g, '\\n'),
  };
}

const refusal = (env: Record<string, string>) => {
  try {
    loadConfig(env, noEnvFile);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  return null;
};

describe('loadConfig', () => {
  it('starts from the documented defaults', () => {
    const config = loadConfig({}, noEnvFile);
    expect(config).toBeInstanceOf(AppConfig);
    expect(config.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/parkline');
    expect(config.APP_ROLE).toBe('all');
    expect(config.runsApi && config.runsWorker).toBe(true);
  });

  it('has defaults equal to the values of .env.example', () => {
    const fromExample = loadConfig({}, join(__dirname, '..', '..', '.env.example'));
    expect({ ...fromExample }).toEqual({ ...loadConfig({}, noEnvFile) });
  });

  it('converts numbers, booleans and lists from strings', () => {
    const config = loadConfig(
      {
        PORT: '8080',
        RATE_LIMIT_ENABLED: 'false',
        CORS_ORIGINS: 'https://a.example, https://b.example',
      },
      noEnvFile,
    );
    expect(config.PORT).toBe(8080);
    expect(config.RATE_LIMIT_ENABLED).toBe(false);
    expect(config.CORS_ORIGINS).toEqual(['https://a.example', 'https://b.example']);
  });

  it.each([
    ['', false],
    ['false', false],
    ['1', 1],
    ['10.0.0.0/8, 127.0.0.1', ['10.0.0.0/8', '127.0.0.1']],
    ['fd00::/8,::1', ['fd00::/8', '::1']],
  ])('reads TRUST_PROXY=%j as %j', (value, expected) => {
    expect(loadConfig({ TRUST_PROXY: value }, noEnvFile).TRUST_PROXY).toEqual(expected);
  });

  it('trusts no proxy unless told to', () => {
    expect(loadConfig({}, noEnvFile).TRUST_PROXY).toBe(false);
  });

  it.each(['true', '0', '-1', 'loopback', '10.0.0.0/33', '127.1', '10.0.0.1,*', 'proxy.internal'])(
    'refuses TRUST_PROXY=%j',
    (value) => {
      expect(() => loadConfig({ TRUST_PROXY: value }, noEnvFile)).toThrow(
        /^Invalid configuration: TRUST_PROXY: must be empty, a number of proxy hops/,
      );
    },
  );

  it.each([
    ['DATABASE_URL', 'not-a-url'],
    ['REDIS_URL', 'http://127.0.0.1:6379'],
    ['APP_ROLE', 'scheduler'],
    ['PORT', 'eighty'],
    ['JWT_SECRET', 'short'],
    ['WEBHOOK_SECRET_KEYS', 'no-key-here'],
  ])('names %s when it is malformed', (key, value) => {
    expect(() => loadConfig({ [key]: value }, noEnvFile)).toThrow(ConfigError);
    expect(() => loadConfig({ [key]: value }, noEnvFile)).toThrow(
      new RegExp(`^Invalid configuration: ${key}: `),
    );
  });
});

describe('loadConfig in production', () => {
  it('starts with secrets of its own', () => {
    expect(loadConfig(productionEnv(), noEnvFile).NODE_ENV).toBe('production');
  });

  it('names every setting to change at once, one line each', () => {
    const lines = refusal({ NODE_ENV: 'production' })!.split('\n');
    expect(lines.map((line) => line.split(':')[1].trim()).sort()).toEqual([
      'ADMIN_PASSWORD',
      'CERTIFICATE_SIGNING_KEY',
      'JWT_SECRET',
      'METRICS_TOKEN',
      'WEBHOOK_SECRET_KEYS',
    ]);
  });

  it('refuses the example JWT secret that would let anyone sign an admin token', () => {
    const message = refusal({ ...productionEnv(), JWT_SECRET: EXAMPLE_SECRETS.JWT_SECRET });
    expect(message).toMatch(/^Invalid configuration: JWT_SECRET: is the example value/);
    expect(message).not.toContain(EXAMPLE_SECRETS.JWT_SECRET);
    expect(message!.split('\n')).toHaveLength(1);
  });

  it.each([
    ['ADMIN_PASSWORD', EXAMPLE_SECRETS.ADMIN_PASSWORD],
    ['METRICS_TOKEN', EXAMPLE_SECRETS.METRICS_TOKEN],
  ])('refuses the example %s, naming it', (key, example) => {
    expect(refusal({ ...productionEnv(), [key]: example })).toMatch(
      new RegExp(`^Invalid configuration: ${key}: is the example value`),
    );
  });

  it('refuses the defaults, that is, every example secret left unset', () => {
    const { NODE_ENV, CERTIFICATE_SIGNING_KEY } = productionEnv();
    expect(refusal({ NODE_ENV, CERTIFICATE_SIGNING_KEY })).toMatch(
      /^Invalid configuration: (JWT_SECRET|ADMIN_PASSWORD|METRICS_TOKEN|WEBHOOK_SECRET_KEYS): /,
    );
  });

  it.each([
    ['JWT_SECRET', 'x'.repeat(31), /at least 32 characters/],
    ['METRICS_TOKEN', 'x'.repeat(31), /too short for production: at least 32/],
    ['ADMIN_PASSWORD', 'Short-2026', /at least 12 characters/],
  ])('refuses a %s that is too short', (key, value, message) => {
    const refused = refusal({ ...productionEnv(), [key]: value });
    expect(refused).toMatch(new RegExp(`^Invalid configuration: ${key}: `));
    expect(refused).toMatch(message);
    expect(refused).not.toContain(value);
  });

  it('takes an empty METRICS_TOKEN, which switches /metrics off', () => {
    expect(loadConfig({ ...productionEnv(), METRICS_TOKEN: '' }, noEnvFile).METRICS_TOKEN).toBe('');
  });

  it('refuses the example webhook-secret key, even under another id or beside a key of its own', () => {
    const exampleKey = EXAMPLE_SECRETS.WEBHOOK_SECRET_KEY.split(':')[1];
    const env = productionEnv();
    expect(
      refusal({ ...env, WEBHOOK_SECRET_KEYS: `${env.WEBHOOK_SECRET_KEYS},prod:${exampleKey}` }),
    ).toMatch(/^Invalid configuration: WEBHOOK_SECRET_KEYS: uses the example key/);
  });

  it('requires a configured certificate signing key, naming both settings', () => {
    const { CERTIFICATE_SIGNING_KEY: _key, ...withoutKey } = productionEnv();
    expect(refusal(withoutKey)).toMatch(
      /^Invalid configuration: CERTIFICATE_SIGNING_KEY: is required in production, .*CERTIFICATE_SIGNING_KEY_FILE/,
    );
  });

  it('reads the certificate signing key from a file', () => {
    const { CERTIFICATE_SIGNING_KEY: _key, ...withoutKey } = productionEnv();
    const file = join(mkdtempSync(join(tmpdir(), 'parkline-config-')), 'signing-key.pem');
    writeFileSync(file, generateSigningKeyPair().privateKeyPem, { mode: 0o600 });
    const config = loadConfig({ ...withoutKey, CERTIFICATE_SIGNING_KEY_FILE: file }, noEnvFile);
    expect(config.CERTIFICATE_SIGNING_KEY_FILE).toBe(file);
  });
});

describe('loadConfig of the certificate signing key', () => {
  it.each([
    [
      'a missing file',
      { CERTIFICATE_SIGNING_KEY_FILE: '/nonexistent/key.pem' },
      /CERTIFICATE_SIGNING_KEY_FILE: cannot be read \(ENOENT\)/,
    ],
    [
      'a value that is no key',
      { CERTIFICATE_SIGNING_KEY: 'not a key' },
      /CERTIFICATE_SIGNING_KEY: is not an Ed25519 private key/,
    ],
    [
      'a key given twice',
      {
        CERTIFICATE_SIGNING_KEY: generateSigningKeyPair().privateKeyPem,
        CERTIFICATE_SIGNING_KEY_FILE: '/run/secrets/key.pem',
      },
      /CERTIFICATE_SIGNING_KEY: is set, and so is CERTIFICATE_SIGNING_KEY_FILE/,
    ],
  ])('refuses %s in any environment', (_case, env, message) => {
    expect(refusal(env)).toMatch(message);
  });
});
