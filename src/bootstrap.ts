import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import { Logger as NestLogger, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { CalendarService } from './calendar/calendar.service';
import { CatalogueService } from './catalogue/catalogue.service';
import { DomainError } from './common/problem/domain-error';
import { preventCaching } from './common/http/cache-control';
import {
  installContentSecurityPolicy,
  QUEUE_DASHBOARD_DIRECTIVES,
  SWAGGER_UI_DIRECTIVES,
} from './common/http/content-security-policy';
import {
  httpEdgeOptions,
  installBodyParsers,
  refuseBadRequestTarget,
} from './common/http/http-edge';
import { MULTIPART_LIMITS } from './common/http/multipart-upload';
import { ProblemDetailsFilter } from './common/problem/problem-details.filter';
import { sendProblem } from './common/problem/send-problem';
import { validationFailed } from './common/problem/validation-errors';
import { Clock } from './common/clock/clock';
import { serveConsole } from './console/serve-console';
import { AppConfig } from './config/app-config';
import { runPendingMigrations } from './database/migrate';
import { MetricsService } from './metrics/metrics.service';
import { buildOpenApiDocument, OPENAPI_UI_PATH, serveOpenApi } from './openapi/openapi';
import { QUEUE_DASHBOARD_PATH } from './queues/queue-dashboard.service';
import { SeedService } from './seed/seed.service';
import { requestIdFor } from './logging/request-id';
import { serveAsyncApi } from './webhooks/webhook-asyncapi';
import { GracefulShutdown } from './shutdown/graceful-shutdown.service';

export const API_PREFIX = 'api/v1';
const UNPREFIXED = ['health', 'health/ready', 'metrics'];

export interface CreateAppOptions {
  /** Build the app without touching PostgreSQL or Redis (to write the OpenAPI document). */
  preview?: boolean;
  /** The time source; tests pass one they can move. */
  clock?: Clock;
}

/**
 * Builds the platform as configured: migrations, reference data, then an app that serves the
 * API (role api), consumes jobs (role worker), or both (role all). Workers also serve
 * /health and /metrics so orchestrators can probe them.
 */
export async function createApp(
  config: AppConfig,
  options: CreateAppOptions = {},
): Promise<NestFastifyApplication> {
  if (!options.preview) await runPendingMigrations(config);
  const adapter = new FastifyAdapter({
    ...httpEdgeOptions(),
    // Forwarded addresses only from the configured proxies: anyone else could name any address.
    trustProxy: config.TRUST_PROXY,
    genReqId: requestIdFor,
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, options.clock),
    adapter,
    {
      bufferLogs: true,
      abortOnError: false,
      preview: options.preview,
    },
  );
  app.useLogger(options.preview ? new NestLogger() : app.get(Logger));
  app.setGlobalPrefix(API_PREFIX, { exclude: UNPREFIXED });
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      validationError: { target: false, value: false },
      exceptionFactory: validationFailed,
    }),
  );
  // Nest routes Fastify's own errors (body parsing, unknown routes) through this filter too.
  app.useGlobalFilters(new ProblemDetailsFilter());
  // Exit (code 0) once shut down rather than die of the signal: 'exit' handlers run, so the
  // logs are flushed and `node --cpu-prof` writes its profile.
  app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
  if (config.CORS_ORIGINS.length > 0)
    app.enableCors({
      origin: config.CORS_ORIGINS,
      exposedHeaders: [
        'ETag',
        'Location',
        'X-Request-Id',
        'Retry-After',
        'Idempotent-Replayed',
        'Deprecation',
        'Sunset',
        'Link',
      ],
    });

  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  installBodyParsers(app);
  await app.register(multipart as never, { limits: MULTIPART_LIMITS });
  // The refresh-token cookie of browser sessions (src/auth/refresh-cookie.ts).
  await app.register(cookie as never);
  // Helmet's other headers as they are; the policy differs by page, so it is set below.
  await app.register(helmet as never, { contentSecurityPolicy: false });
  installContentSecurityPolicy(fastify, [
    { prefix: OPENAPI_UI_PATH, directives: SWAGGER_UI_DIRECTIVES },
    { prefix: QUEUE_DASHBOARD_PATH, directives: QUEUE_DASHBOARD_DIRECTIVES },
  ]);
  fastify.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  fastify.addHook('onRequest', refuseBadRequestTarget);
  preventCaching(fastify, API_PREFIX);
  if (!config.runsApi) {
    // A worker serves its probes only; feature modules it imports keep their routes unreachable.
    fastify.addHook('onRequest', async (request, reply) => {
      const path = request.url.split('?')[0];
      if (!UNPREFIXED.includes(path.slice(1))) {
        sendProblem(
          new DomainError('not-found', 'A worker process serves only /health and /metrics'),
          request,
          reply,
          new NestLogger('HTTP'),
        );
        return reply;
      }
    });
  }
  if (!options.preview) {
    const metrics = app.get(MetricsService);
    fastify.addHook('onResponse', async (request, reply) => {
      metrics.httpDuration.observe(
        {
          method: request.method,
          route: request.routeOptions.url ?? 'unmatched',
          status: reply.statusCode,
        },
        reply.elapsedTime / 1000,
      );
    });
  }

  if (config.runsApi) serveOpenApi(app, buildOpenApiDocument(app));
  if (config.runsApi) serveAsyncApi(app);
  if (config.runsApi && !options.preview) await serveConsole(app);
  if (!options.preview) {
    try {
      await app.init();
      await fastify.ready();
      app.get(GracefulShutdown).attach(app);
      await app.get(SeedService).seedReferenceData();
      // Loaded before traffic: requests read both inside their transactions.
      await app.get(CalendarService).calendar();
      await app.get(CatalogueService).loadPublishedDefinitions();
    } catch (error) {
      // Release pools, queues and timers of a half-started app, so the process can exit.
      await app.close().catch(() => undefined);
      throw error;
    }
  }
  return app;
}
