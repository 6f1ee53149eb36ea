import {
  applyDecorators,
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  UseInterceptors,
} from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { catchError, from, mergeMap, Observable, of, throwError } from 'rxjs';
import { AuthenticatedRequest } from '../auth/auth.decorators';
import { ApiProblems } from '../openapi/api-problems.decorator';
import { DomainError } from '../problem/domain-error';
import { IdempotencyScope, IdempotencyService } from './idempotency.service';
import { requestFingerprint } from './request-fingerprint';

const KEY_HEADER = 'idempotency-key';
const VALID_KEY = /^[\x21-\x7e]{1,200}$/;
/** The response headers a replay repeats. */
const REPLAYED_HEADERS = ['location', 'etag'];

/**
 * Runs a request carrying `Idempotency-Key` at most once per principal and key: repeats replay
 * the first response. Requests without the header, or without a principal, run as usual.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly idempotency: IdempotencyService) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest>();
    const reply = http.getResponse<FastifyReply>();
    const header = request.headers[KEY_HEADER];
    if (header === undefined || !request.principal) return next.handle();

    const key = String(header);
    if (!VALID_KEY.test(key))
      throw DomainError.invalidField(
        'Idempotency-Key',
        'must be 1 to 200 visible ASCII characters',
      );
    const scope: IdempotencyScope = {
      principal: `${request.principal.kind}:${request.principal.id}`,
      key,
    };
    const path = request.url.split('?')[0];
    const claim = await this.idempotency.claim(
      scope,
      requestFingerprint(request.method, path, request.body),
    );
    if (claim.kind === 'replay') {
      reply
        .status(claim.response.status)
        .headers({ ...claim.response.headers, 'idempotent-replayed': 'true' });
      return of(claim.response.body ?? undefined);
    }

    return next.handle().pipe(
      mergeMap(async (body: unknown) => {
        // Nest sets the route's status (@HttpCode, else 201 for POST) before any interceptor runs.
        await this.idempotency.complete(scope, {
          status: reply.statusCode,
          body,
          headers: replayedHeadersOf(reply),
        });
        return body;
      }),
      // Also after a failed store: a key stuck IN_PROGRESS would block the client for a day.
      catchError((error: unknown) =>
        from(this.idempotency.release(scope)).pipe(mergeMap(() => throwError(() => error))),
      ),
    );
  }
}

function replayedHeadersOf(reply: FastifyReply): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = reply.getHeader(name);
    if (value !== undefined) headers[name] = String(value);
  }
  return headers;
}

/**
 * Accepts `Idempotency-Key` on a POST that creates or acts. Put it below `@Created()` and
 * `@WithETag()`: the decorator nearest the method wraps the others, and so sees their headers.
 */
export const Idempotent = () =>
  applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'Up to 200 visible ASCII characters, unique per request you mean once. A repeat with the same key and body within 24 h replays the first response with `Idempotent-Replayed: true`; the same key with another body answers 422; a repeat while the first still runs answers 409 with `Retry-After`.',
    }),
    ApiProblems(400, 409, 422),
  );
