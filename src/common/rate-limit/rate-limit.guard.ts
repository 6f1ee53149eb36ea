import { ExecutionContext, Injectable, SetMetadata, Type } from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerGuard,
  ThrottlerLimitDetail,
  ThrottlerModuleOptions,
  ThrottlerRequest,
  ThrottlerStorage,
} from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';
import { AuthenticatedRequest } from '../auth/auth.decorators';
import { DomainError } from '../problem/domain-error';

export const STRICT_RATE_LIMIT = 'parkline:strict-rate-limit';
export const ACCOUNT_RATE_LIMIT = 'parkline:account-rate-limit';

/** Names the account a request tries to act as, or undefined when it names none. */
export interface RateLimitedAccount {
  accountOf(request: FastifyRequest): Promise<string | undefined>;
}

/** Routes that guess secrets (login, refresh, register) get the stricter `auth` limit too. */
export const StrictRateLimit = () => SetMetadata(STRICT_RATE_LIMIT, true);

/**
 * The route is also limited per account (the `account` limit), however many addresses the
 * attempts come from; the provider `account` names the account from the request.
 */
export const AccountRateLimit = (account: Type<RateLimitedAccount>) =>
  SetMetadata(ACCOUNT_RATE_LIMIT, account);

/**
 * Limits per principal (user or API key) once authenticated, per client address otherwise
 * (IPv6 per /64, as the throttler groups them), and per account on the routes that say so;
 * answers with problem+json and Retry-After.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    private readonly moduleRef: ModuleRef,
  ) {
    super(options, storage, reflector);
  }

  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const { principal } = request as unknown as AuthenticatedRequest;
    return principal
      ? `${principal.kind}:${principal.id}`
      : `ip:${await super.getTracker(request)}`;
  }

  protected override async handleRequest(requestProps: ThrottlerRequest): Promise<boolean> {
    const { context, throttler } = requestProps;
    if (throttler.name === 'auth') {
      return this.routeMetadata<boolean>(STRICT_RATE_LIMIT, context)
        ? super.handleRequest(requestProps)
        : true;
    }
    if (throttler.name === 'account') {
      const accountType = this.routeMetadata<Type<RateLimitedAccount>>(ACCOUNT_RATE_LIMIT, context);
      if (!accountType) return true;
      const account = await this.moduleRef
        .get(accountType, { strict: false })
        .accountOf(context.switchToHttp().getRequest<FastifyRequest>());
      if (account === undefined) return true;
      return super.handleRequest({ ...requestProps, getTracker: () => account });
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

  private routeMetadata<T>(key: string, context: ExecutionContext): T | undefined {
    return this.reflector.getAllAndOverride<T>(key, [context.getHandler(), context.getClass()]);
  }
}
