export const ROLES = [
  'ENTERPRISE_ADMIN',
  'ENTERPRISE_MEMBER',
  'OFFICER',
  'DEPARTMENT_HEAD',
  'ADMIN',
] as const;
export type Role = (typeof ROLES)[number];

export const ENTERPRISE_ROLES: readonly Role[] = ['ENTERPRISE_ADMIN', 'ENTERPRISE_MEMBER'];
export const DEPARTMENT_ROLES: readonly Role[] = ['OFFICER', 'DEPARTMENT_HEAD'];
export const STAFF_ROLES: readonly Role[] = ['OFFICER', 'DEPARTMENT_HEAD', 'ADMIN'];

export const API_KEY_SCOPES = [
  'catalogue:read',
  'applications:read',
  'applications:write',
  'webhooks:manage',
] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];
