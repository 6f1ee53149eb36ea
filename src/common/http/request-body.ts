import {
  applyDecorators,
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  SetMetadata,
} from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { Reflector } from '@nestjs/core';
import { ApiConsumes } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';
import { DomainError } from '../problem/domain-error';

const CONSUMES = 'parkline:consumes';
const JSON_TYPE = 'application/json';

/** The media types a route reads its body in, when not just JSON; documented in OpenAPI too. */
export const Consumes = (...mediaTypes: string[]) =>
  applyDecorators(SetMetadata(CONSUMES, mediaTypes), ApiConsumes(...mediaTypes));

function carriesBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return (
    (length !== undefined && length !== '0') || request.headers['transfer-encoding'] !== undefined
  );
}

/** The request's media type, without parameters, lower-cased. */
export function mediaTypeOf(request: FastifyRequest): string {
  return (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
}

function isObject(body: unknown): body is object {
  return body !== null && typeof body === 'object' && !Array.isArray(body);
}

/** An empty JSON object is what many clients send for "no body"; it says nothing. */
function isEmptyObject(body: unknown): boolean {
  return isObject(body) && Object.keys(body).length === 0;
}

/**
 * Holds every request body to what its route reads: a route without a body refuses one (400),
 * and a body in a media type the route does not read is 415 naming the ones it does. Runs
 * before any route interceptor, so nothing (the idempotency fingerprint, say) sees such a body.
 */
@Injectable()
export class RequestBodyInterceptor implements NestInterceptor {
  private readonly acceptedByHandler = new WeakMap<object, string[]>();

  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http') {
      const request = context.switchToHttp().getRequest<FastifyRequest>();
      if (carriesBody(request)) this.assertAccepted(request, this.acceptedTypes(context));
    }
    return next.handle();
  }

  private assertAccepted(request: FastifyRequest, accepted: string[]): void {
    const mediaType = mediaTypeOf(request);
    if (accepted.length === 0) {
      if (mediaType === JSON_TYPE && isEmptyObject(request.body)) return;
      throw new DomainError(
        'bad-request',
        `${request.method} ${request.routeOptions.url} takes no request body`,
      );
    }
    if (!accepted.includes(mediaType)) {
      const acceptHeader = request.method === 'PATCH' ? 'accept-patch' : 'accept-post';
      throw new DomainError(
        'unsupported-media-type',
        `Send the request body as ${accepted.join(' or ')}`,
        { acceptedTypes: accepted, headers: { [acceptHeader]: accepted.join(', ') } },
      );
    }
    // Every JSON body the API reads is an object; null, arrays and scalars would pass as none.
    if (mediaType === JSON_TYPE && request.body !== undefined && !isObject(request.body))
      throw new DomainError('bad-request', 'The request body must be a JSON object');
  }

  private acceptedTypes(context: ExecutionContext): string[] {
    const handler = context.getHandler();
    let accepted = this.acceptedByHandler.get(handler);
    if (!accepted) {
      accepted =
        this.reflector.get<string[] | undefined>(CONSUMES, handler) ??
        (readsBody(context) ? [JSON_TYPE] : []);
      this.acceptedByHandler.set(handler, accepted);
    }
    return accepted;
  }
}

/** Whether the route handler takes a `@Body()` parameter. */
function readsBody(context: ExecutionContext): boolean {
  const parameters: Record<string, unknown> =
    Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), context.getHandler().name) ?? {};
  return Object.keys(parameters).some((key) => key.startsWith(`${RouteParamtypes.BODY}:`));
}
