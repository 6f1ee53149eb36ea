import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { RateLimitedAccount } from '../common/rate-limit/rate-limit.guard';
import { presentedRefreshToken } from './refresh-cookie';
import { TokensService } from './tokens.service';

const bodyField = (request: FastifyRequest, field: string): string | undefined => {
  const value = (request.body as Record<string, unknown> | undefined)?.[field];
  return typeof value === 'string' ? value : undefined;
};

/**
 * Sign-ins count per e-mail address, written however the caller likes: the lookup ignores case,
 * so the limit must too.
 */
@Injectable()
export class LoginAccount implements RateLimitedAccount {
  async accountOf(request: FastifyRequest): Promise<string | undefined> {
    const email = bodyField(request, 'email');
    return email === undefined
      ? undefined
      : `login:${email.normalize('NFKC').trim().toLowerCase()}`;
  }
}

/**
 * Refreshes count per session (refresh-token family), the token read from the body or the
 * cookie as the route reads it; an unknown token names none.
 */
@Injectable()
export class RefreshSession implements RateLimitedAccount {
  constructor(private readonly tokens: TokensService) {}

  async accountOf(request: FastifyRequest): Promise<string | undefined> {
    const token = presentedRefreshToken(request, bodyField(request, 'refreshToken'))?.token;
    const familyId = token === undefined ? undefined : await this.tokens.familyOf(token);
    return familyId === undefined ? undefined : `session:${familyId}`;
  }
}
