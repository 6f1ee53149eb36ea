import {
  applyDecorators,
  CallHandler,
  ExecutionContext,
  NestInterceptor,
  UseInterceptors,
} from '@nestjs/common';
import { ApiExtension, ApiPropertyOptions, DECORATORS } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Observable } from 'rxjs';

export interface DeprecationNotice {
  /** When the deprecation was announced, `YYYY-MM-DD` (UTC). */
  since: string;
  /** From when the operation may be gone, `YYYY-MM-DD` (UTC): at least six months after `since`. */
  sunset: string;
  /** Where integrators read what to use instead. */
  link: string;
}

/** How long a deprecated operation keeps working after its announcement (docs/versioning.md). */
export const MINIMUM_DEPRECATION_MONTHS = 6;

function parseDay(value: string, name: keyof DeprecationNotice): Date {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : undefined;
  if (!day || Number.isNaN(day.getTime()))
    throw new Error(`Deprecation ${name} must be a date such as 2027-06-30, not "${value}"`);
  return day;
}

/** The response headers of RFC 9745 (Deprecation, Link rel=deprecation) and RFC 8594 (Sunset). */
export function deprecationHeaders(notice: DeprecationNotice): Record<string, string> {
  const since = parseDay(notice.since, 'since');
  const sunset = parseDay(notice.sunset, 'sunset');
  const earliestSunset = new Date(since);
  earliestSunset.setUTCMonth(earliestSunset.getUTCMonth() + MINIMUM_DEPRECATION_MONTHS);
  if (sunset < earliestSunset)
    throw new Error(
      `Deprecation sunset ${notice.sunset} is less than ${MINIMUM_DEPRECATION_MONTHS} months after ${notice.since}`,
    );
  return {
    deprecation: `@${since.getTime() / 1000}`,
    sunset: sunset.toUTCString(),
    link: `<${notice.link}>; rel="deprecation"; type="text/html"`,
  };
}

class DeprecationInterceptor implements NestInterceptor {
  constructor(private readonly headers: Record<string, string>) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    // Set before the handler runs, so error answers carry the notice too.
    context.switchToHttp().getResponse<FastifyReply>().headers(this.headers);
    return next.handle();
  }
}

/** Marks the operation deprecated in the OpenAPI document, keeping its other operation fields. */
const ApiDeprecatedOperation = (): MethodDecorator => (_target, _key, descriptor) => {
  const operation = Reflect.getMetadata(DECORATORS.API_OPERATION, descriptor.value as object);
  Reflect.defineMetadata(
    DECORATORS.API_OPERATION,
    { ...operation, deprecated: true },
    descriptor.value as object,
  );
  return descriptor;
};

/**
 * A deprecated operation: `deprecated: true` and its `x-sunset` date in the OpenAPI document (the
 * breaking-change check lets it go once that date has passed), and every response carries
 * `Deprecation`, `Sunset` and `Link: rel="deprecation"`. Refuses a sunset sooner than the policy
 * allows.
 */
export function Deprecated(notice: DeprecationNotice): MethodDecorator {
  const headers = deprecationHeaders(notice);
  return applyDecorators(
    ApiDeprecatedOperation(),
    ApiExtension('x-sunset', notice.sunset),
    ApiExtension('x-deprecation-link', notice.link),
    UseInterceptors(new DeprecationInterceptor(headers)),
  );
}

/**
 * The options that deprecate a DTO field, spread into its `@ApiProperty`:
 * `@ApiProperty({ example: 'x', ...deprecatedField('2027-06-30') })`.
 */
export function deprecatedField(sunset: string): ApiPropertyOptions {
  parseDay(sunset, 'sunset');
  // Swagger copies extension keys into the schema; its option type does not list them.
  return { deprecated: true, 'x-sunset': sunset } as ApiPropertyOptions;
}
