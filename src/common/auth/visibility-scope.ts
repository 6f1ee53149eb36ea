import { isAdmin, UserPrincipal } from './principal';

/**
 * Who sees a record handed to an organisation (a provider, a hospital) for an enterprise's
 * application: that organisation's users, the enterprise's users, officers of the department
 * and admins. A SQL condition on `$1` and the value to bind; nobody else sees any row.
 */
export function visibilityScope(
  principal: UserPrincipal,
  columns: {
    organisation: string;
    organisationId: string | null;
    enterprise: string;
    department: string;
  },
): { sql: string; value: string | null } {
  if (isAdmin(principal)) return { sql: '$1::text IS NULL', value: null };
  if (columns.organisationId)
    return { sql: `${columns.organisation} = $1`, value: columns.organisationId };
  if (principal.enterpriseId)
    return { sql: `${columns.enterprise} = $1`, value: principal.enterpriseId };
  if (principal.departmentCode)
    return { sql: `${columns.department} = $1`, value: principal.departmentCode };
  return { sql: 'false AND $1::text IS NULL', value: null };
}
