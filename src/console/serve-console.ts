import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { consolePolicy } from '../common/http/content-security-policy';

/** The project's root, from src/console (tests) or dist/src/console (a build). */
const above = join(__dirname, '..', '..');
const ROOT = existsSync(join(above, 'package.json')) ? above : join(above, '..');

/** Where `npm run build:web` writes the console. */
export const CONSOLE_DIR = join(ROOT, 'web', 'dist');

/** Whether `npm run build:web` has built the console, which is then served at `/`. */
export const consoleIsBuilt = () => existsSync(join(CONSOLE_DIR, 'index.html'));

/** Paths that belong to the API and its tools: never answered with the console's page. */
const SERVER_PATHS = /^\/(api|docs|health|metrics|admin\/queues)(\/|$|\?)/;

/** The placeholder Vite writes into index.html (web/vite.config.mts, `html.cspNonce`). */
const NONCE_PLACEHOLDER = /__CSP_NONCE__/g;

/**
 * Serves the web console at `/`: its hashed assets for a year, and index.html for every other
 * path of the browser (the console routes on the client), each time with a fresh style nonce in
 * a CSP that allows nothing but this origin. Without a build (web/dist), nothing is served.
 */
export async function serveConsole(app: NestFastifyApplication): Promise<boolean> {
  if (!consoleIsBuilt()) return false;
  const page = readFileSync(join(CONSOLE_DIR, 'index.html'), 'utf8');
  const favicon = readFileSync(join(CONSOLE_DIR, 'favicon.svg'));
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;

  await app.register(fastifyStatic as never, {
    root: join(CONSOLE_DIR, 'assets'),
    prefix: '/assets/',
    // Names carry a content hash: a changed file is a new name.
    immutable: true,
    maxAge: '365d',
    index: false,
  });
  fastify.get('/favicon.svg', (_request, reply) =>
    reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(favicon),
  );
  fastify.get('/*', (request, reply) => {
    if (SERVER_PATHS.test(request.url)) return reply.callNotFound();
    const nonce = randomBytes(16).toString('base64');
    return (
      reply
        .type('text/html; charset=utf-8')
        .header('content-security-policy', consolePolicy(nonce))
        // The page names the current assets: always revalidated, so a deploy is seen at once.
        .header('cache-control', 'no-cache')
        .send(page.replace(NONCE_PLACEHOLDER, nonce))
    );
  });
  return true;
}
