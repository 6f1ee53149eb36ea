import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppConfig } from '../../config/app-config';
import { RedisRateLimitStorage } from './redis-rate-limit-storage';

/** Every limit counts per minute; short, so a tripped per-account limit soon lifts by itself. */
const WINDOW_MS = 60_000;

/** The limits RateLimitGuard applies, counted in Redis so that api processes share them. */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        throttlers: [
          { name: 'default', ttl: WINDOW_MS, limit: config.RATE_LIMIT_PER_MINUTE },
          { name: 'auth', ttl: WINDOW_MS, limit: config.AUTH_RATE_LIMIT_PER_MINUTE },
          { name: 'account', ttl: WINDOW_MS, limit: config.ACCOUNT_RATE_LIMIT_PER_MINUTE },
        ],
        skipIf: () => !config.RATE_LIMIT_ENABLED,
        storage: config.RATE_LIMIT_ENABLED ? new RedisRateLimitStorage(config) : undefined,
      }),
    }),
  ],
})
export class RateLimitModule {}
