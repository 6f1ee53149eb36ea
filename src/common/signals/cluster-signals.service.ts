import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../../config/app-config';

export type SignalTopic = 'outbox' | 'principals' | 'catalogue';

/**
 * Best-effort messages to every process of the platform over Redis pub/sub: a relay to wake, a
 * cached principal or service version to drop. Nothing may depend on delivery alone; each user has a fallback (the
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

  /** Resolves once subscribed; never rejects: while Redis is away, it subscribes when back. */
  async subscribe(topic: SignalTopic, handler: (message: string) => void): Promise<void> {
    const channel = this.channel(topic);
    const handlers = this.handlers.get(channel) ?? new Set();
    handlers.add(handler);
    this.handlers.set(channel, handlers);
    if (!this.subscriber) {
      const subscriber = this.redis();
      subscriber.on('message', (from: string, message: string) =>
        this.handlers.get(from)?.forEach((handle) => handle(message)),
      );
      // A subscription that failed while Redis was away is made on the next connection.
      subscriber.on('ready', () => void this.subscribeTo([...this.handlers.keys()]));
      this.subscriber = subscriber;
    }
    if (handlers.size === 1) await this.subscribeTo([channel]);
  }

  private subscribeTo(channels: string[]): Promise<void> {
    return this.subscriber!.subscribe(...channels).then(
      () => undefined,
      (error: Error) =>
        this.logger.warn(`Not subscribed to ${channels.join(', ')}: ${error.message}`),
    );
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
