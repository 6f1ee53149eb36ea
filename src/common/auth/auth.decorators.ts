import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Principal } from './principal';
import { ApiKeyScope, Role } from './roles';

export const PUBLIC_ROUTE = 'parkline:public';
export const ALLOWED_ROLES = 'parkline:roles';
export const REQUIRED_SCOPES = 'parkline:scopes';

/** The route needs no credentials (listed as public in API.md). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** People with one of these roles may call the route. Without it, no person may. */
export const Roles = (...roles: Role[]) => SetMetadata(ALLOWED_ROLES, roles);

/** Integrators whose key holds all these scopes may call the route. Without it, no key may. */
export const Scopes = (...scopes: ApiKeyScope[]) => SetMetadata(REQUIRED_SCOPES, scopes);

export type AuthenticatedRequest = FastifyRequest & { principal?: Principal };

export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext) => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  return request.principal;
});
