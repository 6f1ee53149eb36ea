import { ExecutionContext, Type } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ALLOWED_ROLES, PUBLIC_ROUTE, REQUIRED_SCOPES } from './auth.decorators';
import { ApiKeyScope, Role } from './roles';

/** Who may call a route, read from `@Public`, `@Roles` and `@Scopes` (the method's over the class's). */
export interface RouteAccess {
  public: boolean;
  /** People with one of these roles; none when empty. */
  roles: Role[];
  /** API keys holding all these scopes; no key at all when undefined. */
  scopes?: ApiKeyScope[];
}

type Handler = ReturnType<ExecutionContext['getHandler']>;

export function routeAccess(reflector: Reflector, handler: Handler, controller: Type): RouteAccess {
  const targets = [handler, controller];
  return {
    public: reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets) ?? false,
    roles: reflector.getAllAndOverride<Role[]>(ALLOWED_ROLES, targets) ?? [],
    scopes: reflector.getAllAndOverride<ApiKeyScope[]>(REQUIRED_SCOPES, targets),
  };
}
