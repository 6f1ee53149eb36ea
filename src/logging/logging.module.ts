import type { IncomingMessage } from 'node:http';
import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '../config/app-config';
import { requestIdFor } from './request-id';

/** Probes are polled every few seconds by orchestrators; logging each would drown the requests. */
const HEALTH_PROBES = new Set(['/health', '/health/ready']);

/**
 * Under Fastify, Nest runs this middleware through @fastify/middie, which strips the mount path
 * from `url` while middleware runs (every path reads as `/`); `originalUrl` keeps the request's.
 */
export function isHealthProbe(request: IncomingMessage & { originalUrl?: string }): boolean {
  const target = request.originalUrl ?? request.url ?? '';
  return HEALTH_PROBES.has(target.split('?')[0]);
}

@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          level: config.LOG_LEVEL,
          genReqId: (request) => (request as { id?: string }).id ?? requestIdFor(request),
          customProps: () => ({ role: config.APP_ROLE }),
          redact: ['req.headers.authorization', 'req.headers["x-api-key"]', 'req.headers.cookie'],
          autoLogging: { ignore: isHealthProbe },
          serializers: {
            req: (request: { id: string; method: string; url: string }) => ({
              id: request.id,
              method: request.method,
              url: request.url,
            }),
            res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
          },
        },
        forRoutes: ['*path'],
      }),
    }),
  ],
})
export class LoggingModule {}
