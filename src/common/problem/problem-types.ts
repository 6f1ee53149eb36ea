import { HttpStatus } from '@nestjs/common';

/**
 * Every kind of failure the API reports, with its status. One place, one meaning; the titles,
 * in each language, are in src/i18n.
 */
export const PROBLEM_TYPES = {
  'validation-failed': { status: HttpStatus.BAD_REQUEST },
  'bad-request': { status: HttpStatus.BAD_REQUEST },
  unauthenticated: { status: HttpStatus.UNAUTHORIZED },
  'invalid-credentials': { status: HttpStatus.UNAUTHORIZED },
  'invalid-token': { status: HttpStatus.UNAUTHORIZED },
  forbidden: { status: HttpStatus.FORBIDDEN },
  'not-found': { status: HttpStatus.NOT_FOUND },
  'method-not-allowed': { status: HttpStatus.METHOD_NOT_ALLOWED },
  conflict: { status: HttpStatus.CONFLICT },
  'version-conflict': { status: HttpStatus.CONFLICT },
  'request-in-progress': { status: HttpStatus.CONFLICT },
  'precondition-failed': { status: HttpStatus.PRECONDITION_FAILED },
  'request-timeout': { status: HttpStatus.REQUEST_TIMEOUT },
  'payload-too-large': { status: HttpStatus.PAYLOAD_TOO_LARGE },
  'uri-too-long': { status: HttpStatus.URI_TOO_LONG },
  'unsupported-media-type': { status: HttpStatus.UNSUPPORTED_MEDIA_TYPE },
  unprocessable: { status: HttpStatus.UNPROCESSABLE_ENTITY },
  'idempotency-key-reused': { status: HttpStatus.UNPROCESSABLE_ENTITY },
  'rate-limited': { status: HttpStatus.TOO_MANY_REQUESTS },
  'header-fields-too-large': { status: 431 },
  'service-unavailable': { status: HttpStatus.SERVICE_UNAVAILABLE },
  internal: { status: HttpStatus.INTERNAL_SERVER_ERROR },
} as const satisfies Record<string, { status: number }>;

export type ProblemType = keyof typeof PROBLEM_TYPES;

export const problemTypeUri = (type: ProblemType) => `urn:parkline:problem:${type}`;

export interface FieldError {
  field: string;
  message: string;
}

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}
