import { DomainError } from '../problem/domain-error';
import { ApiKeyScope, Role } from './roles';

/**
 * A signed-in person. Enterprise users carry their enterprise, officers their department,
 * provider users their provider, institution users their hospital.
 */
export interface UserPrincipal {
  kind: 'user';
  id: string;
  role: Role;
  enterpriseId: string | null;
  departmentCode: string | null;
  providerId: string | null;
  institutionId: string | null;
}

/** An integrator's system, acting for the enterprises its key is bound to. */
export interface ApiKeyPrincipal {
  kind: 'api_key';
  id: string;
  scopes: ApiKeyScope[];
  enterpriseIds: string[];
}

export type Principal = UserPrincipal | ApiKeyPrincipal;

/** Who did something, as recorded in events and the audit log. */
export interface Actor {
  type: 'user' | 'api_key' | 'system';
  id: string | null;
  /** Acting as a proxy: the mandate and the enterprise it was granted by. */
  mandate?: { id: string; enterpriseId: string };
}

export const SYSTEM_ACTOR: Actor = { type: 'system', id: null };

export const actorOf = (principal: Principal): Actor => ({
  type: principal.kind,
  id: principal.id,
});

export const isStaff = (principal: Principal): boolean =>
  principal.kind === 'user' && ['OFFICER', 'DEPARTMENT_HEAD', 'ADMIN'].includes(principal.role);

export const isAdmin = (principal: Principal): boolean =>
  principal.kind === 'user' && principal.role === 'ADMIN';

/** The department of an officer or head; null for everyone else. */
export const departmentOf = (principal: Principal): string | null =>
  principal.kind === 'user' ? principal.departmentCode : null;

/**
 * The enterprise a request is for: an enterprise user's own (naming another is 404), or the one
 * an integrator names among those its key is bound to. Null for users of no enterprise, whose
 * routes decide (a mandate's holder names the enterprise too).
 */
export function enterpriseNamedBy(
  principal: Principal,
  requested: string | undefined,
): string | null {
  if (principal.kind === 'user') {
    if (!principal.enterpriseId) return null;
    if (requested && requested !== principal.enterpriseId) throw DomainError.notFound('Enterprise');
    return principal.enterpriseId;
  }
  if (!requested)
    throw DomainError.invalidField(
      'enterpriseId',
      'is required for integrators: name the enterprise you act for',
    );
  if (!principal.enterpriseIds.includes(requested)) throw DomainError.notFound('Enterprise');
  return requested;
}

/** Can this principal act for the enterprise? Staff is handled by the caller's own rules. */
export function actsForEnterprise(principal: Principal, enterpriseId: string): boolean {
  return principal.kind === 'user'
    ? principal.enterpriseId === enterpriseId
    : principal.enterpriseIds.includes(enterpriseId);
}
