import { ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail, ThrottlerRequest } from '@nestjs/throttler';
import { AuthenticatedRequest } from '../auth/auth.decorators';
import { DomainError } from '../problem/domain-error';

export const STRICT_RATE_LIMIT = 'parkline:strict-rate-limit';

/** Routes that guess secrets (login, refresh, register) get the stricter `auth` limit too. */
export const StrictRateLimit = () => SetMetadata(STRICT_RATE_LIMIT, true);

/**
 * Limits per principal (user or API key) once authenticated, per client address otherwise
 * (IPv6 per /64, as the throttler groups them), and answers with problem+json and Retry-After.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const { principal } = request as unknown as AuthenticatedRequest;
    return principal
      ? `${principal.kind}:${principal.id}`
      : `ip:${await super.getTracker(request)}`;
  }

  protected override async handleRequest(requestProps: ThrottlerRequest): Promise<boolean> {
    if (requestProps.throttler.name === 'auth') {
      const strict = this.reflector.getAllAndOverride<boolean>(STRICT_RATE_LIMIT, [
        requestProps.context.getHandler(),
        requestProps.context.getClass(),
      ]);
      if (!strict) return true;
    }
    return super.handleRequest(requestProps);
  }

  protected override async throwThrottlingException(
    _context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    throw new DomainError(
      'rate-limited',
      `Rate limit of ${detail.limit} requests per ${detail.ttl / 1000} s exceeded`,
      {
        retryAfterSeconds: Math.max(1, Math.ceil(detail.timeToBlockExpire)),
      },
    );
  }
}
