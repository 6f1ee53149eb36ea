import {
  CallHandler,
  ExecutionContext,
  NestInterceptor,
  UseInterceptors,
  createParamDecorator,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { map, Observable } from 'rxjs';
import { DomainError } from '../problem/domain-error';

/** What the client believes the current version is, and how it said so. */
export interface ExpectedVersion {
  ifMatch?: number;
  body?: number;
}

/** Parses `If-Match: "3"` (or W/"3"); anything else is a 400 rather than silently ignored. */
export const IfMatchVersion = createParamDecorator(
  (_: unknown, context: ExecutionContext): number | undefined => {
    const header = context.switchToHttp().getRequest<FastifyRequest>().headers['if-match'];
    if (header === undefined) return undefined;
    const match = /^(?:W\/)?"(\d+)"$/.exec(String(header).trim());
    if (!match)
      throw DomainError.invalidField('If-Match', 'must be an ETag this API issued, such as "3"');
    return Number(match[1]);
  },
);

/** A stale If-Match is 412 (RFC 9110); a stale expectedVersion in the body is 409 (API.md). */
export function assertVersion(current: number, expected: ExpectedVersion, what: string): void {
  if (expected.ifMatch !== undefined && expected.ifMatch !== current) {
    throw new DomainError(
      'precondition-failed',
      `${what} is at version ${current}, If-Match said ${expected.ifMatch}`,
    );
  }
  if (expected.body !== undefined && expected.body !== current) {
    throw new DomainError(
      'version-conflict',
      `${what} is at version ${current}, not ${expected.body}`,
    );
  }
}

class ETagInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((resource: { version?: unknown }) => {
        if (typeof resource?.version === 'number') {
          context
            .switchToHttp()
            .getResponse<FastifyReply>()
            .header('etag', `"${resource.version}"`);
        }
        return resource;
      }),
    );
  }
}

/** Sends the resource's `version` as its ETag. */
export const WithETag = () => UseInterceptors(ETagInterceptor);
