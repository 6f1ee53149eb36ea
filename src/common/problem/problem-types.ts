import { HttpStatus } from '@nestjs/common';

/** Every kind of failure the API reports, with its status and title. One place, one meaning. */
export const PROBLEM_TYPES = {
  'validation-failed': { status: HttpStatus.BAD_REQUEST, title: 'Request validation failed' },
  'bad-request': { status: HttpStatus.BAD_REQUEST, title: 'Bad request' },
  unauthenticated: { status: HttpStatus.UNAUTHORIZED, title: 'Authentication required' },
  'invalid-credentials': { status: HttpStatus.UNAUTHORIZED, title: 'Invalid credentials' },
  'invalid-token': { status: HttpStatus.UNAUTHORIZED, title: 'Invalid or expired token' },
  forbidden: { status: HttpStatus.FORBIDDEN, title: 'Not allowed' },
  'not-found': { status: HttpStatus.NOT_FOUND, title: 'Resource not found' },
  'method-not-allowed': { status: HttpStatus.METHOD_NOT_ALLOWED, title: 'Method not allowed' },
  conflict: { status: HttpStatus.CONFLICT, title: 'Conflict with the current state' },
  'version-conflict': { status: HttpStatus.CONFLICT, title: 'The resource has changed' },
  'request-in-progress': {
    status: HttpStatus.CONFLICT,
    title: 'The same request is still running',
  },
  'precondition-failed': { status: HttpStatus.PRECONDITION_FAILED, title: 'Precondition failed' },
  'request-timeout': { status: HttpStatus.REQUEST_TIMEOUT, title: 'Request timeout' },
  'payload-too-large': { status: HttpStatus.PAYLOAD_TOO_LARGE, title: 'Payload too large' },
  'uri-too-long': { status: HttpStatus.URI_TOO_LONG, title: 'Request target too long' },
  'unsupported-media-type': {
    status: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
    title: 'Unsupported media type',
  },
  unprocessable: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    title: 'The request cannot be carried out',
  },
  'idempotency-key-reused': {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    title: 'Idempotency key reused with another request',
  },
  'rate-limited': { status: HttpStatus.TOO_MANY_REQUESTS, title: 'Too many requests' },
  'header-fields-too-large': { status: 431, title: 'Request header fields too large' },
  'service-unavailable': { status: HttpStatus.SERVICE_UNAVAILABLE, title: 'Service unavailable' },
  internal: { status: HttpStatus.INTERNAL_SERVER_ERROR, title: 'Internal server error' },
} as const satisfies Record<string, { status: number; title: string }>;

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
