import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { loadConfig } from '../../config/app-config';
import { deleteQueueKeys } from '../../queues/delete-queue-keys';
import { DomainError } from '../problem/domain-error';
import { RedisRateLimitStorage } from './redis-rate-limit-storage';

const REDIS_URL = 'redis://127.0.0.1:6379';
const configFor = (env: Record<string, string>) => loadConfig(env, '/nonexistent/.env');

describe('RedisRateLimitStorage', () => {
  it('counts in Redis under the Bull prefix, where the run clean-up finds the keys', async () => {
    const prefix = `parkline-test-${randomBytes(4).toString('hex')}`;
    const storage = new RedisRateLimitStorage(configFor({ REDIS_URL, BULL_PREFIX: prefix }));
    const redis = new Redis(REDIS_URL);
    try {
      await storage.increment('tracker', 60_000, 2, 60_000, 'auth');
      const second = await storage.increment('tracker', 60_000, 2, 60_000, 'auth');
      expect(second).toMatchObject({ totalHits: 2, isBlocked: false });
      expect(await redis.keys(`${prefix}:*`)).toEqual([`${prefix}:rate-limit:{tracker:auth}:hits`]);
      expect(await storage.increment('tracker', 60_000, 2, 60_000, 'auth')).toMatchObject({
        isBlocked: true,
      });
    } finally {
      await storage.onApplicationShutdown();
      await deleteQueueKeys(REDIS_URL, prefix);
      redis.disconnect();
    }
  });

  it('refuses with 503 and Retry-After instead of lifting the limits when Redis is away', async () => {
    const storage = new RedisRateLimitStorage(configFor({ REDIS_URL: 'redis://127.0.0.1:1' }));
    try {
      const refusal = await storage.increment('tracker', 60_000, 2, 60_000, 'auth').catch((e) => e);
      expect(refusal).toBeInstanceOf(DomainError);
      expect(refusal).toMatchObject({
        type: 'service-unavailable',
        extensions: { retryAfterSeconds: 5 },
      });
    } finally {
      await storage.onApplicationShutdown();
    }
  });
});
