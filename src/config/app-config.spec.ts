import { join } from 'node:path';
import { AppConfig, ConfigError, loadConfig } from './app-config';

const noEnvFile = '/nonexistent/.env';

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
  ])('names %s when it is malformed', (key, value) => {
    expect(() => loadConfig({ [key]: value }, noEnvFile)).toThrow(ConfigError);
    expect(() => loadConfig({ [key]: value }, noEnvFile)).toThrow(
      new RegExp(`^Invalid configuration: ${key}: `),
    );
  });
});
