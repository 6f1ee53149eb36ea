import type { Principal } from '../common/auth/principal';

/** The department whose window staff act for enterprises (the park service centre). */
export const SERVICE_CENTRE_DEPARTMENT = 'PSC';

/** The calendar day in the park (Asia/Shanghai is UTC+8 without DST). */
export const parkDay = (instant: Date): string =>
  new Date(instant.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * Who holds the mandate `m`: the service centre's staff, the named staff user, or the users of
 * a provider that is still listed. The placeholders bind the caller's user id, department and
 * provider (see holderValues), e.g. `['$3', '$4', '$5']`.
 */
export function holdsMandate([user, department, provider]: readonly string[]): string {
  return `(m.holder_user_id = ${user}::uuid
    OR (m.holder_kind = 'SERVICE_CENTRE' AND ${department}::text = '${SERVICE_CENTRE_DEPARTMENT}')
    OR (m.holder_kind = 'PROVIDER' AND m.holder_provider_id = ${provider}::uuid
        AND EXISTS (SELECT 1 FROM service_providers sp WHERE sp.id = m.holder_provider_id AND sp.status = 'LISTED')))`;
}

/** Whether the principal could hold a mandate at all (spares others the query). */
export function mayHoldMandates(principal: Principal): boolean {
  const [, department, provider] = holderValues(principal);
  return department === SERVICE_CENTRE_DEPARTMENT || provider !== null;
}

/** The values holdsMandate binds; nobody holds anything for an API key. */
export function holderValues(principal: Principal): [string | null, string | null, string | null] {
  if (principal.kind !== 'user') return [null, null, null];
  const department = ['OFFICER', 'DEPARTMENT_HEAD'].includes(principal.role)
    ? principal.departmentCode
    : null;
  return [principal.id, department, principal.providerId];
}

/** In force on the day bound at `day`: not revoked, begun and not ended. */
export const mandateInForce = (day: string): string =>
  `m.revoked_at IS NULL AND m.valid_from <= ${day}::date AND m.valid_until >= ${day}::date`;

/** Covers the service (a column or placeholder); a bundle (null) only a mandate for all services. */
export const mandateCovers = (service: string): string =>
  `(m.service_codes IS NULL OR ${service} = ANY (m.service_codes))`;

/**
 * The user acted on the application as a proxy: drafted it under a mandate, or recorded an
 * event on it under one. `application` and `user` are columns or placeholders.
 */
export const actedAsProxy = (application: string, user: string): string =>
  `(EXISTS (SELECT 1 FROM applications pa WHERE pa.id = ${application} AND pa.mandate_id IS NOT NULL AND pa.created_by = ${user})
    OR EXISTS (SELECT 1 FROM events pe WHERE pe.subject_id = ${application} AND pe.actor_id = ${user} AND pe.data ? 'mandateId'))`;
