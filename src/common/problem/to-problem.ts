import { HttpException, HttpStatus } from '@nestjs/common';
import { en } from '../../i18n/en/problems';
import { DomainError } from './domain-error';
import { PROBLEM_TYPES, ProblemDetails, ProblemType, problemTypeUri } from './problem-types';

const TYPE_BY_STATUS: Partial<Record<number, ProblemType>> = {
  [HttpStatus.BAD_REQUEST]: 'bad-request',
  [HttpStatus.UNAUTHORIZED]: 'unauthenticated',
  [HttpStatus.FORBIDDEN]: 'forbidden',
  [HttpStatus.NOT_FOUND]: 'not-found',
  [HttpStatus.METHOD_NOT_ALLOWED]: 'method-not-allowed',
  [HttpStatus.CONFLICT]: 'conflict',
  [HttpStatus.REQUEST_TIMEOUT]: 'request-timeout',
  [HttpStatus.PRECONDITION_FAILED]: 'precondition-failed',
  [HttpStatus.PAYLOAD_TOO_LARGE]: 'payload-too-large',
  [HttpStatus.URI_TOO_LONG]: 'uri-too-long',
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: 'unsupported-media-type',
  [HttpStatus.UNPROCESSABLE_ENTITY]: 'unprocessable',
  [HttpStatus.TOO_MANY_REQUESTS]: 'rate-limited',
  431: 'header-fields-too-large',
  [HttpStatus.SERVICE_UNAVAILABLE]: 'service-unavailable',
};

export interface ProblemResponse {
  type: ProblemType;
  /** In English; sendProblem writes it in the caller's language. */
  body: ProblemDetails;
  headers: Record<string, string>;
  /** Unexpected errors are logged with their stack; expected ones are not. */
  unexpected: boolean;
}

function build(
  type: ProblemType,
  detail: string,
  extensions: Record<string, unknown> = {},
): ProblemDetails {
  const { status } = PROBLEM_TYPES[type];
  return { type: problemTypeUri(type), title: en.titles[type], status, detail, ...extensions };
}

function messageOf(response: string | object): string | undefined {
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : undefined;
}

/**
 * Turns anything thrown while serving a request into RFC 9457 problem details. Errors the
 * client caused keep their status; anything else is a 500 without internals.
 */
export function toProblem(error: unknown): ProblemResponse {
  if (error instanceof DomainError) {
    const { retryAfterSeconds, headers: extraHeaders, ...extensions } = error.extensions;
    const headers: Record<string, string> = {
      ...extraHeaders,
      ...(retryAfterSeconds !== undefined ? { 'retry-after': String(retryAfterSeconds) } : {}),
    };
    return {
      type: error.type,
      body: build(error.type, error.message, extensions),
      headers,
      unexpected: false,
    };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const type = TYPE_BY_STATUS[status];
    if (type) {
      const detail = messageOf(error.getResponse()) ?? en.titles[type];
      return { type, body: build(type, detail), headers: {}, unexpected: false };
    }
  }
  // Fastify's own errors (body parsing, multipart limits) carry a client status code.
  const fastifyError = error as { statusCode?: number; code?: string; message?: string };
  if (typeof fastifyError?.statusCode === 'number' && fastifyError.statusCode < 500) {
    const type = TYPE_BY_STATUS[fastifyError.statusCode] ?? 'bad-request';
    return {
      type,
      body: build(type, fastifyError.message ?? en.titles[type]),
      headers: {},
      unexpected: false,
    };
  }
  return {
    type: 'internal',
    body: build('internal', en.details.unexpected),
    headers: {},
    unexpected: true,
  };
}
