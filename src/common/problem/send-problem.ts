import type { LoggerService } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  CONTENT_LANGUAGE,
  localizeProblem,
  negotiateProblemLanguage,
} from '../../i18n/problem-language';
import { toProblem } from './to-problem';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function requestIdOf(request: FastifyRequest): string | undefined {
  const id = (request.raw as { id?: unknown }).id ?? request.id;
  return typeof id === 'string' ? id : undefined;
}

/**
 * Shared by the Nest exception filter and Fastify's own error and not-found handlers. Title,
 * detail and field messages are in the language Accept-Language prefers; `type` is the same
 * in every language.
 */
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
  const language = negotiateProblemLanguage(request.headers['accept-language']);
  const vary = reply.getHeader('vary');
  reply
    .status(problem.body.status)
    .headers(problem.headers)
    .header('content-language', CONTENT_LANGUAGE[language])
    .header('vary', vary ? `${String(vary)}, Accept-Language` : 'Accept-Language')
    .type(PROBLEM_CONTENT_TYPE)
    .send({
      ...localizeProblem(problem.body, problem.type, language),
      instance: request.url.split('?')[0],
      requestId,
    });
}
