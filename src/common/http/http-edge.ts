import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendProblem } from '../problem/send-problem';
import { answerClientError } from './client-error';
import { parseJsonBody } from './json-body';
import { requestTargetProblem } from './request-target';

const BODY_LIMIT_BYTES = 1024 * 1024;

const logger = new Logger('HTTP');

/**
 * Fastify options for what is refused before any route runs: oversized bodies, requests Node's
 * parser rejects and URLs the router cannot decode all answer problem+json.
 */
export function httpEdgeOptions() {
  return {
    bodyLimit: BODY_LIMIT_BYTES,
    clientErrorHandler: answerClientError,
    frameworkErrors: (error: Error, request: FastifyRequest, reply: FastifyReply) =>
      sendProblem(error, request, reply, logger),
  };
}

/**
 * Bodies are JSON (parsed strictly, see parseJsonBody) or multipart where a route says so;
 * anything else is read up to the body limit and left for RequestBodyInterceptor to refuse
 * with the types the route accepts.
 */
export function installBodyParsers(app: NestFastifyApplication): void {
  app.useBodyParser('application/json', { bodyLimit: BODY_LIMIT_BYTES }, (_request, body, done) => {
    try {
      done(null, parseJsonBody(body));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  fastify.removeContentTypeParser('text/plain');
  fastify.addContentTypeParser(
    '*',
    { parseAs: 'buffer', bodyLimit: BODY_LIMIT_BYTES },
    (_request, _body, done) => done(null, undefined),
  );
}

/** Refuses request targets that are too long, not UTF-8, or carry NUL, before routing reads them. */
export async function refuseBadRequestTarget(request: FastifyRequest, reply: FastifyReply) {
  const problem = requestTargetProblem(request.url);
  if (problem) {
    sendProblem(problem, request, reply, logger);
    return reply;
  }
}
