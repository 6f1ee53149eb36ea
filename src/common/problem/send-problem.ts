import type { LoggerService } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toProblem } from './to-problem';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function requestIdOf(request: FastifyRequest): string | undefined {
  const id = (request.raw as { id?: unknown }).id ?? request.id;
  return typeof id === 'string' ? id : undefined;
}

/** Shared by the Nest exception filter and Fastify's own error and not-found handlers. */
export function sendProblem(
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
  logger: LoggerService,
): void {
  const problem = toProblem(error);
  const requestId = requestIdOf(request);
  if (problem.unexpected) {
    logger.error(
      { err: error, requestId, method: request.method, url: request.url },
      (error as Error)?.stack ?? String(error),
    );
  }
  reply
    .status(problem.body.status)
    .headers(problem.headers)
    .type(PROBLEM_CONTENT_TYPE)
    .send({ ...problem.body, instance: request.url.split('?')[0], requestId });
}
