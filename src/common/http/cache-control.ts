import { Header } from '@nestjs/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** Lets browsers and shared caches keep a route's answer, which must be the same for everyone. */
export const PublicCache = (maxAgeSeconds: number) =>
  Header('cache-control', `public, max-age=${maxAgeSeconds}`);

const carriesCredentials = (request: FastifyRequest) =>
  request.headers.authorization !== undefined || request.headers['x-api-key'] !== undefined;

/**
 * API answers are personal or change with state, so no browser or proxy keeps one unless its
 * route opts in (PublicCache): every response under the API prefix, and any response to a
 * request that carried credentials, is `Cache-Control: no-store`.
 */
export function preventCaching(fastify: FastifyInstance, apiPrefix: string): void {
  const underApi = (url: string) => {
    const path = url.split('?')[0];
    return path === `/${apiPrefix}` || path.startsWith(`/${apiPrefix}/`);
  };
  fastify.addHook('onSend', async (request, reply, payload) => {
    if (!reply.hasHeader('cache-control') && (underApi(request.url) || carriesCredentials(request)))
      reply.header('cache-control', 'no-store');
    return payload;
  });
}
