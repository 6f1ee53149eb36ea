import { Logger, OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import Redis from 'ioredis';
import { AppConfig } from '../../config/app-config';
import { DomainError } from '../problem/domain-error';

/** Retry-After of a request refused because Redis could not be asked. */
const UNAVAILABLE_RETRY_SECONDS = 5;

/**
 * Rate-limit counters in Redis, so every api process counts against the same limit. Keys live
 * under `<BULL_PREFIX>:rate-limit:`; the connection closes after HTTP has drained.
 */
export class RedisRateLimitStorage
  extends ThrottlerStorageRedisService
  implements OnApplicationShutdown
{
  private readonly logger = new Logger(RedisRateLimitStorage.name);

  constructor(config: AppConfig) {
    super(
      new Redis(config.REDIS_URL, {
        keyPrefix: `${config.BULL_PREFIX}:rate-limit:`,
        // Fail fast while Redis is away instead of holding requests in the offline queue.
        maxRetriesPerRequest: 1,
        // A socket that failed to connect is never 'closed' again; drop it soon on shutdown.
        disconnectTimeout: 200,
      }),
    );
    this.redis.on('error', (error: Error) =>
      this.logger.warn(`Redis for rate limits: ${error.message}`),
    );
  }

  /** Refuses the request when the counters cannot be read: an outage must not lift the limits. */
  override async increment(
    ...args: Parameters<ThrottlerStorageRedisService['increment']>
  ): ReturnType<ThrottlerStorageRedisService['increment']> {
    try {
      return await super.increment(...args);
    } catch (error) {
      this.logger.error(`Rate-limit counters unavailable: ${(error as Error).message}`);
      throw new DomainError('service-unavailable', 'Rate limits cannot be checked right now', {
        retryAfterSeconds: UNAVAILABLE_RETRY_SECONDS,
      });
    }
  }

  async onApplicationShutdown(): Promise<void> {
    // QUIT lets pending counts finish; a connection that is not up has none and just stops retrying.
    if (this.redis.status === 'ready') await this.redis.quit();
    else this.redis.disconnect();
  }
}
