import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../../config/app-config';

export type SignalTopic = 'outbox' | 'principals';

/**
 * Best-effort messages to every process of the platform over Redis pub/sub: a relay to wake, a
 * cached principal to drop. Nothing may depend on delivery alone; each user has a fallback (the
 * relay's sweep, the cache's few seconds of life).
 */
@Injectable()
export class ClusterSignals implements OnApplicationShutdown {
  private readonly logger = new Logger(ClusterSignals.name);
  private readonly handlers = new Map<string, Set<(message: string) => void>>();
  private publisher?: Redis;
  private subscriber?: Redis;

  constructor(private readonly config: AppConfig) {}

  publish(topic: SignalTopic, message = ''): Promise<void> {
    this.publisher ??= this.redis();
    return this.publisher.publish(this.channel(topic), message).then(
      () => undefined,
      (error: Error) => this.logger.warn(`Signal ${topic} not sent: ${error.message}`),
    );
  }

  async subscribe(topic: SignalTopic, handler: (message: string) => void): Promise<void> {
    const channel = this.channel(topic);
    const handlers = this.handlers.get(channel) ?? new Set();
    handlers.add(handler);
    this.handlers.set(channel, handlers);
    if (!this.subscriber) {
      this.subscriber = this.redis();
      this.subscriber.on('message', (from: string, message: string) =>
        this.handlers.get(from)?.forEach((handle) => handle(message)),
      );
    }
    if (handlers.size === 1) await this.subscriber.subscribe(channel);
  }

  onApplicationShutdown(): void {
    this.subscriber?.disconnect();
    this.publisher?.disconnect();
  }

  private channel(topic: SignalTopic): string {
    return `${this.config.BULL_PREFIX}:${topic}`;
  }

  /** Gives up on a message after one reconnect while Redis is away. */
  private redis(): Redis {
    const redis = new Redis(this.config.REDIS_URL, { maxRetriesPerRequest: 1 });
    redis.on('error', (error: Error) => this.logger.debug(`Signals: ${error.message}`));
    return redis;
  }
}
