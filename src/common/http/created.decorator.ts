import {
  applyDecorators,
  CallHandler,
  ExecutionContext,
  HttpCode,
  NestInterceptor,
  Type,
  UseInterceptors,
} from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { map, Observable } from 'rxjs';

class LocationInterceptor<T> implements NestInterceptor<T, T> {
  constructor(private readonly locationOf: (created: T) => string) {}

  intercept(context: ExecutionContext, next: CallHandler<T>): Observable<T> {
    return next.handle().pipe(
      map((created) => {
        context
          .switchToHttp()
          .getResponse<FastifyReply>()
          .header('location', this.locationOf(created));
        return created;
      }),
    );
  }
}

/** A creation: 201 with the resource in the body and its URL in `Location`. */
export function Created<T>(type: Type<T>, locationOf: (created: T) => string): MethodDecorator {
  return applyDecorators(
    HttpCode(201),
    ApiCreatedResponse({
      type,
      headers: {
        Location: { description: 'URL of the created resource', schema: { type: 'string' } },
      },
    }),
    UseInterceptors(new LocationInterceptor(locationOf)),
  );
}
