import type { OpenAPIObject, OperationObject } from '@nestjs/swagger';
import { problemResponse } from '../common/openapi/api-problems.decorator';

/** What the HTTP edge (src/common/http) refuses before any route runs, on every operation. */
const EVERY_OPERATION = [
  // A malformed request target, a body on a route that takes none, JSON that does not parse.
  400,
  // A request target over MAX_URL_LENGTH.
  414,
];

/**
 * And on every method that may carry a body, which Fastify reads before routing, whether the
 * operation takes one or not: one over the limit, or of a media type it does not parse.
 */
const WITH_A_BODY = [413, 415];

/**
 * Adds the problems the HTTP edge can answer to every operation that does not document them
 * itself, so the document lists every status a client can get.
 */
export function documentEdgeProblems(document: OpenAPIObject): void {
  for (const methods of Object.values(document.paths))
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation: OperationObject | undefined = methods[method];
      if (!operation) continue;
      const statuses = [...EVERY_OPERATION, ...(method === 'get' ? [] : WITH_A_BODY)];
      for (const status of statuses) operation.responses[status] ??= problemResponse(status);
    }
}
