import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthenticatedRequest } from '../common/auth/auth.decorators';
import { routeAccess } from '../common/auth/route-access';
import { DomainError } from '../common/problem/domain-error';
import { PrincipalResolver } from './principal-resolver.service';

/**
 * Deny by default: a route is reachable only when it is marked public, or the caller's role
 * is in its `@Roles`, or the caller's API key holds its `@Scopes`.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly resolver: PrincipalResolver,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const access = routeAccess(this.reflector, context.getHandler(), context.getClass());
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const authorization = request.headers.authorization;
    if (access.public) {
      // Public routes may show more to a signed-in caller (an admin sees drafts); bad credentials just count as none.
      if (typeof authorization === 'string' && /^Bearer /i.test(authorization)) {
        request.principal = await this.resolver
          .fromAccessToken(authorization.slice(7).trim())
          .catch(() => undefined);
      }
      return true;
    }

    const apiKey = request.headers['x-api-key'];
    if (typeof authorization === 'string' && /^Bearer /i.test(authorization)) {
      const principal = await this.resolver.fromAccessToken(authorization.slice(7).trim());
      request.principal = principal;
      if (!access.roles.includes(principal.role)) {
        throw new DomainError(
          'forbidden',
          `This action is not available to the ${principal.role} role`,
        );
      }
      return true;
    }
    if (typeof apiKey === 'string' && apiKey.length > 0) {
      const principal = await this.resolver.fromApiKey(apiKey);
      request.principal = principal;
      const { scopes } = access;
      if (!scopes) throw new DomainError('forbidden', 'This action is not available to API keys');
      const missing = scopes.filter((scope) => !principal.scopes.includes(scope));
      if (missing.length > 0) {
        throw new DomainError('forbidden', `The API key lacks the scope ${missing.join(', ')}`);
      }
      return true;
    }
    throw new DomainError('unauthenticated', 'Send a Bearer access token or an X-API-Key');
  }
}
