import type { Pool } from 'pg';
import { hashPassword } from '../auth/passwords';
import { creditCodeCheckCharacter } from '../enterprises/credit-code';
import type { ProviderKind } from '../providers/dto/provider.dto';
import { DemoRandom } from './demo-data';

export const DEMO_PARTNER_PASSWORD = 'Demo-Partner-2026';

/** What each kind of agency delivers, among the catalogue's value-added services. */
const SERVICES_OF: Record<ProviderKind, string[]> = {
  CRO: ['CRO_CDMO_MATCHING', 'REGISTRATION_GUIDANCE', 'PHARMACOLOGY_SAFETY_EVALUATION'],
  CDMO: ['CRO_CDMO_MATCHING'],
  TESTING: ['TESTING_INSPECTION', 'PHARMACOLOGY_SAFETY_EVALUATION'],
  LEGAL: ['LEGAL_COMPLIANCE'],
  IP: ['IP_SERVICES', 'TECH_TRANSFER'],
  FINANCING: ['FINANCING_MATCHING', 'POLICY_SUBSIDY'],
  RECRUITMENT: ['TALENT_RECRUITMENT'],
};

const CAPABILITIES_OF: Record<ProviderKind, string[]> = {
  CRO: ['IND', '临床监查', 'I期', '药代动力学', '注册申报', '医学撰写', '数据管理'],
  CDMO: ['单抗', 'GMP', '中试', '细胞治疗', '质粒', '制剂', '原料药'],
  TESTING: ['GLP', '毒理', '生物分析', '无菌检测', '医疗器械检测', 'CNAS'],
  LEGAL: ['合规', '股权', '数据出境', '劳动', '合同'],
  IP: ['专利', 'PCT', 'FTO', '商标', '技术转让'],
  FINANCING: ['天使轮', 'A轮', '政府引导基金', '贷款贴息', '知识产权质押'],
  RECRUITMENT: ['猎头', '校园招聘', '注册专员', '临床医学', 'QA'],
};

/** Name stems of the agencies, after 杭州 and before the kind's suffix. */
const STEMS = [
  '钱塘',
  '江干',
  '滨江',
  '西湖',
  '之江',
  '临平',
  '下沙',
  '云栖',
  '良渚',
  '湘湖',
  '天目',
  '富春',
  '运河',
  '六和',
  '望潮',
  '文澜',
  '智汇',
  '启睿',
  '华研',
  '同创',
];

const SUFFIX_OF: Record<ProviderKind, string> = {
  CRO: '医药研发服务有限公司',
  CDMO: '生物制造有限公司',
  TESTING: '检测技术有限公司',
  LEGAL: '律师事务所',
  IP: '知识产权代理有限公司',
  FINANCING: '创业投资管理有限公司',
  RECRUITMENT: '人力资源服务有限公司',
};

const ADDRESSES = [
  '杭州市钱塘区 6 号大街 452 号',
  '杭州市钱塘区福城路 291 号',
  '杭州市滨江区江陵路 88 号',
  '杭州市西湖区文一西路 998 号',
  '杭州市余杭区仓前街道良睦路 1399 号',
  '杭州市上城区钱江路 1366 号',
];

const PEOPLE = ['陈静', '王磊', '李娜', '张伟', '刘洋', '赵敏', '孙丽', '周杰', '吴婷', '郑浩'];

interface DemoProvider {
  name: string;
  kind: ProviderKind;
  creditCode: string;
  status: 'APPLIED' | 'LISTED' | 'SUSPENDED';
  capabilities: string[];
  capacity: number;
  address: string;
  contact: string;
  email: string;
}

function creditCodeFor(random: DemoRandom): string {
  const body = `913301${String(random.int(10, 99))}MA${Array.from({ length: 9 }, () =>
    '0123456789ABCDEFGHJKLMNPQRTUWXY'.charAt(random.int(0, 30)),
  ).join('')}`;
  return body + creditCodeCheckCharacter(body);
}

function planProviders(random: DemoRandom, count: number): DemoProvider[] {
  const kinds = Object.keys(SERVICES_OF) as ProviderKind[];
  return Array.from({ length: count }, (_, index) => {
    const kind = kinds[index % kinds.length];
    const stem = STEMS[Math.floor(index / kinds.length) % STEMS.length];
    const capabilities = CAPABILITIES_OF[kind].filter(() => random.chance(0.5));
    return {
      name: `杭州${stem}${SUFFIX_OF[kind]}`,
      kind,
      creditCode: creditCodeFor(random),
      // Most are listed; a few still wait for review or are suspended.
      status: index % 13 === 5 ? 'APPLIED' : index % 17 === 9 ? 'SUSPENDED' : 'LISTED',
      capabilities: capabilities.length > 0 ? capabilities : [CAPABILITIES_OF[kind][0]],
      capacity: random.int(3, 12),
      address: random.pick(ADDRESSES),
      contact: random.pick(PEOPLE),
      email: `partner${String(index + 1).padStart(2, '0')}@providers.demo.parkline.cn`,
    };
  });
}

/**
 * Tens of third-party agencies of every kind with a user each, the value-added requests being
 * handled in the park handed to them (offered or accepted, with progress), those completed
 * closed and rated; and users for every trial institution, with the trials matched to them
 * offered or accepted. Appends: agencies, users and handovers already there are kept.
 */
export async function seedProvidersDemo(
  pool: Pool,
  random: DemoRandom,
  options: { providers?: number } = {},
): Promise<{ providers: number; handovers: number; dockings: number }> {
  const planned = planProviders(random, options.providers ?? 42);
  const passwordHash = await hashPassword(DEMO_PARTNER_PASSWORD);
  const providers = await pool.query(
    `WITH planned AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS p(name text, kind text, "creditCode" text, status text,
         capabilities text[], capacity int, address text, contact text, email text)
     ), inserted AS (
       INSERT INTO service_providers (name, kind, credit_code, description, address, contact_name, contact_phone,
         contact_email, capabilities, capacity, status, status_reason, status_changed_at)
       SELECT name, kind, "creditCode", name || '：服务钱塘生物医药园区企业', address, contact, '0571-86' || lpad((row_number() OVER ())::text, 6, '0'),
         email, capabilities, capacity, status,
         CASE status WHEN 'LISTED' THEN '资质审核通过' WHEN 'SUSPENDED' THEN '企业投诉核查中' END,
         CASE WHEN status <> 'APPLIED' THEN now() - interval '30 days' END
       FROM planned ON CONFLICT (credit_code) DO NOTHING RETURNING id, kind, contact_name, contact_email
     ), services AS (
       INSERT INTO provider_services (provider_id, service_code)
       SELECT i.id, s.code FROM inserted i
       JOIN services s ON s.code = ANY (($2::jsonb ->> i.kind)::text[]) AND s.category = 'VALUE_ADDED'
       ON CONFLICT DO NOTHING
     )
     INSERT INTO users (email, password_hash, name, role, provider_id)
     SELECT contact_email, $3, contact_name, 'PROVIDER_USER', id FROM inserted
     ON CONFLICT DO NOTHING RETURNING id`,
    [
      JSON.stringify(planned),
      JSON.stringify(
        Object.fromEntries(
          Object.entries(SERVICES_OF).map(([kind, codes]) => [kind, `{${codes.join(',')}}`]),
        ),
      ),
      passwordHash,
    ],
  );

  // Requests being handled: two in three handed to a listed provider of their service, chosen
  // by the request's hash; completed ones closed, most of them rated.
  const handovers = await pool.query(
    `WITH candidates AS (
       SELECT a.id, a.enterprise_id, a.department_code, a.status, a.updated_at,
              (SELECT u.id FROM users u WHERE u.role = 'OFFICER' AND u.department_code = a.department_code
                ORDER BY u.id LIMIT 1) AS officer,
              (SELECT ps.provider_id FROM provider_services ps JOIN service_providers p ON p.id = ps.provider_id
                WHERE ps.service_code = a.service_code AND p.status = 'LISTED'
                ORDER BY md5(a.id::text || ps.provider_id::text) LIMIT 1) AS provider_id
       FROM applications a
       WHERE a.service_code = ANY ($1::text[]) AND abs(hashtext(a.id::text)) % 3 <> 0
         AND ((a.stage = 'handling' AND a.status = 'IN_PROGRESS') OR a.status = 'COMPLETED')
         AND NOT EXISTS (SELECT 1 FROM provider_handovers h WHERE h.application_id = a.id)
     ), inserted AS (
       INSERT INTO provider_handovers (application_id, provider_id, enterprise_id, department_code, status, note,
         handed_by, match_score, percent, progress, summary, rating, rating_comment, rated_at, accepted_at, closed_at,
         created_at, updated_at)
       SELECT c.id, c.provider_id, c.enterprise_id, c.department_code, s.status, '请尽快与企业联系', c.officer, 6,
         s.percent,
         CASE WHEN s.percent > 0 THEN jsonb_build_array(jsonb_build_object('at', c.updated_at, 'by', c.officer,
           'note', '已与企业对接需求，正在推进', 'percent', s.percent)) ELSE '[]'::jsonb END,
         CASE WHEN s.status = 'CLOSED' THEN '服务已完成，成果已交付企业' END,
         s.rating, CASE WHEN s.rating IS NOT NULL THEN '服务专业，响应及时' END,
         CASE WHEN s.rating IS NOT NULL THEN c.updated_at END,
         CASE WHEN s.status <> 'OFFERED' THEN c.updated_at END,
         CASE WHEN s.status = 'CLOSED' THEN c.updated_at END,
         c.updated_at, c.updated_at
       FROM candidates c
       CROSS JOIN LATERAL (SELECT
         CASE WHEN c.status = 'COMPLETED' THEN 'CLOSED' WHEN abs(hashtext(c.id::text)) % 2 = 0 THEN 'ACCEPTED' ELSE 'OFFERED' END AS status,
         CASE WHEN c.status = 'COMPLETED' THEN 100 WHEN abs(hashtext(c.id::text)) % 2 = 0 THEN 20 + abs(hashtext(c.id::text)) % 70 ELSE 0 END AS percent,
         CASE WHEN c.status = 'COMPLETED' AND abs(hashtext(c.id::text)) % 5 <> 0 THEN 3 + abs(hashtext(c.id::text)) % 3 END AS rating
       ) s
       WHERE c.provider_id IS NOT NULL AND c.officer IS NOT NULL
       RETURNING id, application_id, enterprise_id, provider_id, department_code, status, percent, note,
         summary, rating, rating_comment, handed_by, match_score, created_at
     ), recorded AS (
       -- Each handover's steps on its request's timeline, as the provider's own acts record them.
       INSERT INTO events (type, enterprise_id, subject_type, subject_id, actor_id, actor_type, data, occurred_at)
       SELECT e.type, i.enterprise_id, 'application', i.application_id, e.actor, 'user',
              jsonb_build_object('handoverId', i.id, 'providerId', i.provider_id, 'serviceCode', a.service_code) || e.data,
              -- A closed handover's steps came before the request completed; none is yet to come.
              LEAST(now(), i.created_at + e.after
                - CASE WHEN i.status = 'CLOSED' THEN interval '1 day' ELSE interval '0' END)
       FROM inserted i JOIN service_providers p ON p.id = i.provider_id JOIN applications a ON a.id = i.application_id
       CROSS JOIN LATERAL (SELECT u.id FROM users u WHERE u.provider_id = i.provider_id ORDER BY u.id LIMIT 1) pu (id)
       CROSS JOIN LATERAL (SELECT u.id FROM users u WHERE u.enterprise_id = i.enterprise_id
         AND u.role = 'ENTERPRISE_ADMIN' ORDER BY u.id LIMIT 1) eu (id)
       CROSS JOIN LATERAL (VALUES
         ('application.handed_to_provider', i.handed_by, interval '0', true,
           jsonb_build_object('providerName', p.name, 'score', i.match_score, 'note', i.note)),
         ('application.provider_accepted', pu.id, interval '1 hour', i.status <> 'OFFERED',
           jsonb_build_object('providerName', p.name, 'departmentCode', i.department_code)),
         ('application.provider_progress', pu.id, interval '2 hours', i.percent > 0,
           jsonb_build_object('providerName', p.name, 'departmentCode', i.department_code,
             'note', '已与企业对接需求，正在推进', 'percent', LEAST(i.percent, 99))),
         ('application.provider_closed', pu.id, interval '3 hours', i.status = 'CLOSED',
           jsonb_build_object('providerName', p.name, 'departmentCode', i.department_code, 'summary', i.summary)),
         ('application.provider_rated', eu.id, interval '4 hours', i.rating IS NOT NULL,
           jsonb_build_object('score', i.rating, 'comment', i.rating_comment))
       ) AS e (type, actor, after, happened, data)
       WHERE e.happened
     ), rated AS (
       SELECT provider_id, COALESCE(sum(rating), 0)::int AS total, count(rating)::int AS ratings FROM inserted GROUP BY provider_id
     ), counted AS (
       UPDATE service_providers p SET rating_sum = p.rating_sum + r.total, rating_count = p.rating_count + r.ratings
       FROM rated r WHERE p.id = r.provider_id
     )
     SELECT count(*)::int AS count FROM inserted`,
    [[...new Set(Object.values(SERVICES_OF).flat())]],
  );

  // Two users at every hospital's GCP office, and the trials matched to it offered or accepted.
  await pool.query(
    `INSERT INTO users (email, password_hash, name, role, institution_id)
     SELECT 'gcp' || n || '.' || lower(replace(i.code, '_', '-')) || '@hospitals.demo.parkline.cn', $1,
            (ARRAY['许医生', '沈老师'])[n], 'INSTITUTION_USER', i.id
     FROM trial_institutions i CROSS JOIN generate_series(1, 2) n
     ON CONFLICT DO NOTHING`,
    [passwordHash],
  );
  const dockings = await pool.query(
    `INSERT INTO institution_dockings (application_id, institution_id, enterprise_id, status, score, decided_at, created_at)
     SELECT a.id, (a.matching -> 'current' ->> 'institutionId')::uuid, a.enterprise_id,
            CASE WHEN a.stage = 'hospital_review' THEN 'OFFERED' ELSE 'ACCEPTED' END,
            COALESCE((a.matching -> 'current' ->> 'score')::int, 4),
            CASE WHEN a.stage <> 'hospital_review' THEN a.updated_at END, a.updated_at
     FROM applications a
     WHERE a.matching -> 'current' ->> 'institutionId' IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM institution_dockings d WHERE d.application_id = a.id)
       AND EXISTS (SELECT 1 FROM trial_institutions i WHERE i.id = (a.matching -> 'current' ->> 'institutionId')::uuid)`,
  );
  return {
    providers: providers.rowCount ?? 0,
    handovers: handovers.rows[0].count,
    dockings: dockings.rowCount ?? 0,
  };
}
