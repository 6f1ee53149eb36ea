import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, ContentObject, getSchemaPath } from '@nestjs/swagger';
import { ProblemDetailsDto } from './problem-details.dto';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input: the body, query or path failed validation (see `errors`).',
  401: 'Missing, invalid or expired credentials.',
  403: 'The caller may not perform this action.',
  404: 'Not found, or not visible to the caller.',
  409: 'Conflict with the current state (stale version, duplicate, wrong status).',
  412: 'The `If-Match` version is stale.',
  413: 'The body or upload is larger than allowed.',
  414: 'The request target (path and query) is longer than allowed.',
  415: 'The body or upload is of a media type that is not accepted.',
  422: 'The request is understood but cannot be carried out now.',
  429: 'Rate limit exceeded; retry after `Retry-After` seconds.',
};

/** A problem+json response of the given status, as the document describes it. */
export function problemResponse(status: number): { description: string; content: ContentObject } {
  return {
    description: DESCRIPTIONS[status] ?? 'Error',
    content: {
      'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDetailsDto) } },
    },
  };
}

/** Documents exactly these problem+json responses. */
export function ApiProblemResponses(...statuses: number[]): MethodDecorator & ClassDecorator {
  const all = [...new Set(statuses)].sort();
  return applyDecorators(
    ApiExtraModels(ProblemDetailsDto),
    ...all.map((status) => ApiResponse({ status, ...problemResponse(status) })),
  );
}

/** Documents the problem+json responses a route can give, beside 429 that all rate-limited ones can. */
export const ApiProblems = (...statuses: number[]) => ApiProblemResponses(...statuses, 429);

/** For authenticated routes: 401 and 403 besides the given statuses. */
export const ApiAuthProblems = (...statuses: number[]) => ApiProblems(401, 403, ...statuses);
