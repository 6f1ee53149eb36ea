import type { Pool } from 'pg';

/**
 * Mandates at park scale: about one verified enterprise in six lets the service centre's
 * window (for everything, or a few value-added services) or one of its listed providers (for
 * what the provider delivers) act for it; some prepare only, some were revoked.
 */
export async function seedMandatesDemo(pool: Pool, count = 120): Promise<number> {
  const inserted = await pool.query(
    `WITH granters AS (
       SELECT enterprise_id, admin_id, row_number() OVER (ORDER BY enterprise_id) AS n FROM (
         SELECT DISTINCT ON (e.id) e.id AS enterprise_id, u.id AS admin_id
         FROM enterprises e JOIN users u ON u.enterprise_id = e.id AND u.role = 'ENTERPRISE_ADMIN' AND u.active
         WHERE e.verified_at IS NOT NULL ORDER BY e.id, u.created_at) AS admins
       ORDER BY enterprise_id LIMIT $1
     ), listed AS (
       SELECT p.id, row_number() OVER (ORDER BY p.id) AS k, count(*) OVER () AS total,
         (SELECT array_agg(ps.service_code ORDER BY ps.service_code) FROM provider_services ps WHERE ps.provider_id = p.id) AS codes
       FROM service_providers p WHERE p.status = 'LISTED'
     ), value_added AS (
       SELECT array_agg(code ORDER BY code) AS codes FROM services
       WHERE category = 'VALUE_ADDED' AND current_version IS NOT NULL AND retired_at IS NULL
     ), planned AS (
       SELECT g.*, CASE WHEN g.n % 3 = 1 AND l.id IS NOT NULL THEN 'PROVIDER' ELSE 'SERVICE_CENTRE' END AS kind,
         l.id AS provider_id, l.codes AS provider_codes,
         (current_date - (g.n % 120)::int) AS valid_from
       FROM granters g LEFT JOIN listed l ON l.k = g.n % GREATEST((SELECT count(*) FROM listed), 1) + 1
     )
     INSERT INTO mandates (enterprise_id, holder_kind, holder_provider_id, service_codes, valid_from, valid_until,
       can_submit, note, granted_by, granted_at, revoked_at, revoked_by, revoke_reason)
     SELECT p.enterprise_id, p.kind, CASE WHEN p.kind = 'PROVIDER' THEN p.provider_id END,
       CASE WHEN p.kind = 'PROVIDER' THEN p.provider_codes
            WHEN p.n % 3 = 2 THEN (SELECT codes[1 + (p.n % 4)::int : 3 + (p.n % 4)::int] FROM value_added) END,
       p.valid_from, p.valid_from + CASE WHEN p.n % 5 = 0 THEN 90 ELSE 365 END,
       p.n % 4 <> 0,
       CASE p.kind WHEN 'PROVIDER' THEN '委托服务机构代办外包对接材料' ELSE '园区企业服务中心窗口帮办代办' END,
       p.admin_id, p.valid_from::timestamptz + interval '9 hours',
       CASE WHEN p.n % 7 = 0 THEN p.valid_from::timestamptz + interval '30 days' END,
       CASE WHEN p.n % 7 = 0 THEN p.admin_id END,
       CASE WHEN p.n % 7 = 0 THEN '企业已自行办理' END
     FROM planned p
     WHERE p.kind = 'SERVICE_CENTRE' OR cardinality(p.provider_codes) > 0
     RETURNING id`,
    [count],
  );
  return inserted.rowCount ?? 0;
}
