import { DEPARTMENT_ROLES, ENTERPRISE_ROLES, PARTNER_ROLES } from '../../app/auth';
import type { Role } from '../../shared/api/session';

export const STAFF_ROLES: readonly Role[] = [...DEPARTMENT_ROLES, 'ADMIN'];
export const ALL_ROLES: readonly Role[] = [...ENTERPRISE_ROLES, ...STAFF_ROLES, ...PARTNER_ROLES];

/** A user stays on their side: enterprise roles among themselves, staff roles likewise; a provider's or hospital's user keeps the role. */
export function rolesLike(role: Role): readonly Role[] {
  if (PARTNER_ROLES.includes(role)) return [role];
  return ENTERPRISE_ROLES.includes(role) ? ENTERPRISE_ROLES : STAFF_ROLES;
}

export const needsDepartment = (role: Role | undefined) =>
  role !== undefined && DEPARTMENT_ROLES.includes(role);
