import type { Principal } from '../common/auth/principal';

/** The department whose window staff act for enterprises (the park service centre). */
export const SERVICE_CENTRE_DEPARTMENT = 'PSC';

/** The calendar day in the park (Asia/Shanghai is UTC+8 without DST). */
export const parkDay = (instant: Date): string =>
  new Date(instant.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * Whether the user bound at `user` (a placeholder) holds the mandate `m`, read from the users
 * table in the same statement, never from a cached principal: an active officer or head of the
 * service centre (all of them, or the one named), or an active user of a provider still listed.
 */
export function holdsMandate(user: string): string {
  return `EXISTS (SELECT 1 FROM users hu WHERE hu.id = ${user}::uuid AND hu.active AND (
    (hu.department_code = '${SERVICE_CENTRE_DEPARTMENT}' AND hu.role IN ('OFFICER', 'DEPARTMENT_HEAD')
      AND (m.holder_kind = 'SERVICE_CENTRE' OR m.holder_user_id = hu.id))
    OR (m.holder_kind = 'PROVIDER' AND hu.provider_id = m.holder_provider_id
      AND EXISTS (SELECT 1 FROM service_providers sp WHERE sp.id = m.holder_provider_id AND sp.status = 'LISTED'))))`;
}

/**
 * Whether the principal could hold a mandate at all, by its signed-in role: spares everyone
 * else the query (whether it does hold one is read by holdsMandate).
 */
export function mayHoldMandates(principal: Principal): boolean {
  if (principal.kind !== 'user') return false;
  return (
    principal.providerId !== null ||
    (principal.departmentCode === SERVICE_CENTRE_DEPARTMENT &&
      ['OFFICER', 'DEPARTMENT_HEAD'].includes(principal.role))
  );
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
