export const ROLES = [
  'ENTERPRISE_ADMIN',
  'ENTERPRISE_MEMBER',
  'OFFICER',
  'DEPARTMENT_HEAD',
  'ADMIN',
  'PROVIDER_USER',
  'INSTITUTION_USER',
] as const;
export type Role = (typeof ROLES)[number];

export const ENTERPRISE_ROLES: readonly Role[] = ['ENTERPRISE_ADMIN', 'ENTERPRISE_MEMBER'];
export const DEPARTMENT_ROLES: readonly Role[] = ['OFFICER', 'DEPARTMENT_HEAD'];
export const STAFF_ROLES: readonly Role[] = ['OFFICER', 'DEPARTMENT_HEAD', 'ADMIN'];
/** People of a listed service provider (CRO, CDMO, law firm, ...), bound to it. */
export const PROVIDER_ROLES: readonly Role[] = ['PROVIDER_USER'];
/** People of a clinical-trial institution (a hospital), bound to it. */
export const INSTITUTION_ROLES: readonly Role[] = ['INSTITUTION_USER'];

/** Whom a role belongs to: a user never moves between these. */
export function affiliationOf(role: Role): 'enterprise' | 'park' | 'provider' | 'institution' {
  if (ENTERPRISE_ROLES.includes(role)) return 'enterprise';
  if (PROVIDER_ROLES.includes(role)) return 'provider';
  if (INSTITUTION_ROLES.includes(role)) return 'institution';
  return 'park';
}

export const API_KEY_SCOPES = [
  'catalogue:read',
  'applications:read',
  'applications:write',
  'webhooks:manage',
  'bookings:read',
  'bookings:write',
] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];
