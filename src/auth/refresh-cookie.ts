import type { CookieSerializeOptions } from '@fastify/cookie';
import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { mediaTypeOf } from '../common/http/request-body';
import { DomainError } from '../common/problem/domain-error';
import { AppConfig } from '../config/app-config';
import type { TokenPair } from './tokens.service';

/** The cookie a browser session keeps its refresh token in, out of reach of scripts. */
export const REFRESH_COOKIE = 'parkline_refresh';

export const REFRESH_TOKEN_DELIVERIES = ['body', 'cookie'] as const;
export type RefreshTokenDelivery = (typeof REFRESH_TOKEN_DELIVERIES)[number];

export interface PresentedRefreshToken {
  token: string;
  from: RefreshTokenDelivery;
}

/**
 * The refresh token a request presents: the body's, else the cookie's. The cookie counts only
 * beside a JSON body: a page on another origin cannot send one without a CORS preflight, so
 * together with SameSite=Strict no other site can make a browser spend its cookie.
 */
export function presentedRefreshToken(
  request: FastifyRequest,
  bodyToken: string | undefined,
): PresentedRefreshToken | undefined {
  if (bodyToken !== undefined) return { token: bodyToken, from: 'body' };
  const cookieToken = request.cookies?.[REFRESH_COOKIE];
  return cookieToken && mediaTypeOf(request) === 'application/json'
    ? { token: cookieToken, from: 'cookie' }
    : undefined;
}

/** As presentedRefreshToken, for the routes that cannot go on without one. */
export function requiredRefreshToken(
  request: FastifyRequest,
  bodyToken: string | undefined,
): PresentedRefreshToken {
  const presented = presentedRefreshToken(request, bodyToken);
  if (!presented)
    throw new DomainError(
      'unauthenticated',
      `Send refreshToken in the JSON body, or the ${REFRESH_COOKIE} cookie with a JSON body such as {}`,
    );
  return presented;
}

export type DeliveredTokens<T extends TokenPair> = Omit<T, 'refreshToken'> &
  Partial<Pick<T, 'refreshToken'>>;

/** Writes and clears the refresh-token cookie of browser sessions. */
@Injectable()
export class RefreshCookie {
  private readonly options: CookieSerializeOptions;
  private readonly maxAgeSeconds: number;

  constructor(config: AppConfig) {
    this.options = {
      httpOnly: true,
      sameSite: 'strict',
      // Sent to the auth routes only, not with every API call.
      path: '/api/v1/auth',
      secure: new URL(config.PUBLIC_BASE_URL).protocol === 'https:',
    };
    this.maxAgeSeconds = config.REFRESH_TOKEN_TTL_DAYS * 86_400;
  }

  /** The response body for newly issued tokens: as issued, or with the refresh token in the cookie. */
  deliver<T extends TokenPair>(
    reply: FastifyReply,
    issued: T,
    to: RefreshTokenDelivery,
  ): DeliveredTokens<T> {
    if (to === 'body') return issued;
    const { refreshToken, ...body } = issued;
    reply.setCookie(REFRESH_COOKIE, refreshToken, { ...this.options, maxAge: this.maxAgeSeconds });
    return body;
  }

  /** Tells the browser to forget the cookie (Max-Age=0), whatever it held. */
  clear(reply: FastifyReply): void {
    reply.clearCookie(REFRESH_COOKIE, this.options);
  }
}
