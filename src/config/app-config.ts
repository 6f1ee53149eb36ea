import { existsSync, readFileSync } from 'node:fs';

import { resolve } from 'node:path';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';
import { parse as parseDotenv } from 'dotenv';
import {
  certificateSigningKey,
  certificateSigningKeyFile,
  productionSecret,
  Satisfies,
  trustedProxies,
  webhookSecretKeys,
} from './config-rules';

export const APP_ROLES = ['all', 'api', 'worker'] as const;
export type AppRole = (typeof APP_ROLES)[number];

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
const toBool = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;
const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean)
    : value;

/** The secrets `.env.example` ships: public, so production refuses them. */
export const EXAMPLE_SECRETS = {
  JWT_SECRET: 'change-me-in-production-0123456789abcdef',
  ADMIN_PASSWORD: 'Parkline-Admin-2026',
  METRICS_TOKEN: 'change-me-metrics-token',
  WEBHOOK_SECRET_KEY: 'dev:cGFya2xpbmUtZGV2ZWxvcG1lbnQtd2ViaG9vay1rZXk=',
} as const;

/** Settings whose values an error message never repeats. */
const SECRET_SETTINGS = new Set([
  'JWT_SECRET',
  'ADMIN_PASSWORD',
  'METRICS_TOKEN',
  'CERTIFICATE_SIGNING_KEY',
  'WEBHOOK_SECRET_KEYS',
]);

/** Off, the number of proxy hops in front of the api, or the proxies' addresses and ranges. */
export type TrustProxy = false | number | string[];

const toTrustProxy = ({ value }: { value: unknown }): unknown => {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  if (trimmed === '' || trimmed === 'false') return false;
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  return toList({ value: trimmed });
};

/**
 * Every setting of the platform, validated once at boot. The defaults are the values of
 * `.env.example`, so a clean clone starts against PostgreSQL and Redis on localhost.
 */
export class AppConfig {
  @IsIn(APP_ROLES)
  APP_ROLE: AppRole = 'all';

  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  /**
   * Whose X-Forwarded-For to believe: off (the peer is the client), a hop count, or the
   * proxies' addresses and CIDR ranges. Rate limits key on the address this yields.
   */
  @Transform(toTrustProxy)
  @Satisfies(trustedProxies)
  TRUST_PROXY: TrustProxy = false;

  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  PUBLIC_BASE_URL = 'http://localhost:3000';

  @IsUrl({ require_tld: false, protocols: ['postgres', 'postgresql'], require_protocol: true })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/parkline';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 10;

  @Transform(toBool)
  @IsBoolean()
  DATABASE_CREATE_IF_MISSING = true;

  @IsUrl({ require_tld: false, protocols: ['redis', 'rediss'], require_protocol: true })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Bull key prefix; wrap it in braces (e.g. `{parkline}`) on Redis Cluster. */
  @IsString()
  @MinLength(1)
  BULL_PREFIX = 'parkline';

  @Transform(toInt)
  @IsInt()
  @Min(1000)
  BULL_LOCK_DURATION_MS = 30000;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  JOB_ATTEMPTS = 8;

  @Transform(toInt)
  @IsInt()
  @Min(10)
  JOB_BACKOFF_MS = 1000;

  @Transform(toInt)
  @IsInt()
  @Min(100)
  OUTBOX_SWEEP_INTERVAL_MS = 5000;

  @Transform(toInt)
  @IsInt()
  @Min(100)
  OUTBOX_ENQUEUE_TIMEOUT_MS = 2000;

  /** Claims with no activity for this long return to the queue. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  CLAIM_IDLE_MINUTES = 240;

  /** How often worker processes run the sweeps (SLA, idle claims, confirmations, reminders, files). */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  SWEEP_INTERVAL_MS = 60000;

  /** Webhook targets allowed although their addresses are not public: `host` or `host:port`. */
  @IsOptional()
  @Transform(toList)
  @IsString({ each: true })
  WEBHOOK_ALLOWLIST: string[] = [];

  /** First retry delay of a failed delivery; it doubles (with jitter) up to two hours. */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  WEBHOOK_BACKOFF_MS = 30000;

  /** Attempts per delivery: with the defaults they span about a day. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  WEBHOOK_MAX_ATTEMPTS = 18;

  /** A subscription whose deliveries failed this many times in a row is disabled. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  WEBHOOK_DISABLE_AFTER = 5;

  @Transform(toInt)
  @IsInt()
  @Min(100)
  WEBHOOK_TIMEOUT_MS = 10000;

  /**
   * Keys that encrypt webhook signing secrets at rest: `keyId:base64key` entries (32 bytes
   * each). The first encrypts, every one decrypts; at boot secrets under another key are
   * re-encrypted under the first.
   */
  @Transform(toList)
  @IsString({ each: true })
  @Satisfies(webhookSecretKeys(EXAMPLE_SECRETS.WEBHOOK_SECRET_KEY))
  WEBHOOK_SECRET_KEYS: string[] = [EXAMPLE_SECRETS.WEBHOOK_SECRET_KEY];

  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  @Satisfies(productionSecret(EXAMPLE_SECRETS.JWT_SECRET, 32))
  JWT_SECRET: string = EXAMPLE_SECRETS.JWT_SECRET;

  @Transform(toInt)
  @IsInt()
  @Min(30)
  JWT_ACCESS_TTL_SECONDS = 900;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  REFRESH_TOKEN_TTL_DAYS = 30;

  @IsEmail({ require_tld: false })
  ADMIN_EMAIL = 'admin@parkline.local';

  @IsString()
  @MinLength(12, { message: 'ADMIN_PASSWORD must be at least 12 characters' })
  @Satisfies(productionSecret(EXAMPLE_SECRETS.ADMIN_PASSWORD, 12))
  ADMIN_PASSWORD: string = EXAMPLE_SECRETS.ADMIN_PASSWORD;

  @IsString()
  ADMIN_NAME = 'Park Administrator';

  /**
   * Ed25519 private key (PKCS#8 PEM, newlines as \n) that signs certificates, e.g. from a
   * secret store. Neither this nor the file: development and test generate one into
   * STORAGE_DIR; production refuses to start.
   */
  @IsString()
  @Satisfies(certificateSigningKey)
  CERTIFICATE_SIGNING_KEY = '';

  /** Path of a PEM file holding that key (a mounted secret), instead of CERTIFICATE_SIGNING_KEY. */
  @IsString()
  @Satisfies(certificateSigningKeyFile)
  CERTIFICATE_SIGNING_KEY_FILE = '';

  /** Bearer token that `/metrics` requires; empty disables the endpoint. */
  @IsString()
  @Satisfies(productionSecret(EXAMPLE_SECRETS.METRICS_TOKEN, 32, true))
  METRICS_TOKEN: string = EXAMPLE_SECRETS.METRICS_TOKEN;

  @Transform(toBool)
  @IsBoolean()
  RATE_LIMIT_ENABLED = true;

  /** How old the statistics an api process answers with may be; 0 computes every request. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  STATS_CACHE_MS = 5000;

  /**
   * How long an api process trusts a checked access token's user and session before checking
   * again; logout, deactivation and role changes drop it at once in every process. 0: always check.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  PRINCIPAL_CACHE_MS = 5000;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_PER_MINUTE = 600;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  AUTH_RATE_LIMIT_PER_MINUTE = 30;

  /**
   * Sign-ins per e-mail address and refreshes per session, from all addresses together. The
   * window is one minute, so whoever trips it for someone else locks them out for a minute only.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  ACCOUNT_RATE_LIMIT_PER_MINUTE = 10;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @IsString()
  STORAGE_DIR = './storage';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  SHUTDOWN_GRACE_MS = 10000;

  @IsOptional()
  @Transform(toList)
  @IsString({ each: true })
  CORS_ORIGINS: string[] = [];

  get runsApi(): boolean {
    return this.APP_ROLE !== 'worker';
  }

  get runsWorker(): boolean {
    return this.APP_ROLE !== 'api';
  }
}

export class ConfigError extends Error {}

/** Environment first, then `.env` (if present), then the defaults above. */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  envFile = resolve(process.cwd(), '.env'),
): AppConfig {
  const fromFile = existsSync(envFile) ? parseDotenv(readFileSync(envFile)) : {};
  const defaults = new AppConfig();
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(defaults) as (keyof AppConfig)[]) {
    const value = env[key] ?? fromFile[key];
    if (value !== undefined) raw[key] = value;
  }
  const config = plainToInstance(AppConfig, raw, { exposeDefaultValues: true });
  const errors = validateSync(config, { forbidUnknownValues: true });
  if (errors.length > 0) {
    // One line per setting to change, so an operator fixes them all in one go.
    const lines = errors.map((error) => {
      const message = Object.values(error.constraints ?? {})[0] ?? 'is invalid';
      const shown =
        typeof error.value === 'string' && !SECRET_SETTINGS.has(error.property)
          ? ` (got "${error.value}")`
          : '';
      return `Invalid configuration: ${error.property}: ${message.replace(`${error.property} `, '')}${shown}`;
    });
    throw new ConfigError(lines.join('\n'));
  }
  return config;
}
