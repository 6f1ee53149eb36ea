import type { Pool } from 'pg';
import { DemoRandom } from './demo-data';

const SURNAMES = [
  '陈',
  '王',
  '李',
  '张',
  '刘',
  '赵',
  '孙',
  '周',
  '吴',
  '郑',
  '钱',
  '沈',
  '许',
  '何',
];
const GIVEN = ['立群', '文博', '海燕', '志强', '晓梅', '建华', '雅琴', '振宇', '慧敏', '国平'];
const TITLES = [
  'RESIDENT',
  'ATTENDING',
  'ATTENDING',
  'ASSOCIATE_CHIEF',
  'ASSOCIATE_CHIEF',
  'CHIEF',
];

/**
 * Six doctors at every trial institution (the Hangzhou hospitals), and a placement for most
 * doctors-into-enterprise requests: those being handled proposed (some confirmed by the
 * hospital already), those completed running with a quarterly review, a few ended; each with
 * its life-cycle events. Appends: doctors and placements already there are kept.
 */
export async function seedPlacementsDemo(
  pool: Pool,
  random: DemoRandom,
): Promise<{ doctors: number; placements: number }> {
  const { rows: institutions } = await pool.query<{ id: string; specialties: string[] }>(
    `SELECT id, specialties FROM trial_institutions ORDER BY code`,
  );
  const planned = institutions.flatMap((institution) =>
    Array.from({ length: 6 }, () => ({
      institutionId: institution.id,
      name: random.pick(SURNAMES) + random.pick(GIVEN),
      specialty: random.pick(institution.specialties),
      title: random.pick(TITLES),
      licence: `1103301${String(random.int(0, 99_999_999)).padStart(8, '0')}`,
    })),
  );
  const doctors = await pool.query(
    `INSERT INTO doctors (institution_id, name, specialty, title, licence_number)
     SELECT "institutionId", name, specialty, title, licence
     FROM jsonb_to_recordset($1::jsonb) AS d("institutionId" uuid, name text, specialty text, title text, licence text)
     ON CONFLICT (licence_number) DO NOTHING`,
    [JSON.stringify(planned)],
  );
  const placements = await pool.query(
    `WITH candidates AS (
       SELECT a.id, a.enterprise_id, a.department_code, a.status, a.updated_at, abs(hashtext(a.id::text)) AS h,
              (SELECT u.id FROM users u WHERE u.role = 'OFFICER' AND u.department_code = a.department_code
                ORDER BY u.id LIMIT 1) AS officer,
              (SELECT d.id FROM doctors d WHERE d.active ORDER BY md5(a.id::text || d.id::text) LIMIT 1) AS doctor_id
       FROM applications a
       WHERE a.service_code = 'DOCTORS_INTO_ENTERPRISE' AND abs(hashtext(a.id::text)) % 5 <> 0
         AND ((a.stage = 'handling' AND a.status = 'IN_PROGRESS') OR a.status = 'COMPLETED')
         AND NOT EXISTS (SELECT 1 FROM doctor_placements p WHERE p.application_id = a.id)
     ), inserted AS (
       INSERT INTO doctor_placements (application_id, doctor_id, institution_id, enterprise_id, department_code,
         status, term_from, term_until, hospital_confirmed_at, enterprise_confirmed_at, duties, hours_per_week,
         ended_by, exit_reason, ended_at, created_by, created_at, updated_at)
       SELECT c.id, c.doctor_id, d.institution_id, c.enterprise_id, c.department_code, s.status,
         (c.updated_at AT TIME ZONE 'Asia/Shanghai')::date + 14, (c.updated_at AT TIME ZONE 'Asia/Shanghai')::date + 194,
         CASE WHEN s.status <> 'PROPOSED' OR c.h % 2 = 0 THEN c.updated_at END,
         CASE WHEN s.status <> 'PROPOSED' THEN c.updated_at END,
         (ARRAY['指导临床前研究方案设计', '参与 I 期临床试验方案论证', '医疗器械临床评价咨询', '真实世界研究设计与数据解读'])[1 + c.h % 4],
         4 + c.h % 13,
         CASE WHEN s.status = 'ENDED' THEN (ARRAY['HOSPITAL', 'ENTERPRISE'])[1 + c.h % 2] END,
         CASE WHEN s.status = 'ENDED' THEN '项目阶段性任务完成' END,
         CASE WHEN s.status = 'ENDED' THEN c.updated_at END,
         c.officer, c.updated_at, c.updated_at
       FROM candidates c JOIN doctors d ON d.id = c.doctor_id
       CROSS JOIN LATERAL (SELECT CASE WHEN c.status <> 'COMPLETED' THEN 'PROPOSED'
         WHEN c.h % 7 = 3 THEN 'ENDED' ELSE 'ACTIVE' END AS status) s
       WHERE c.officer IS NOT NULL
       RETURNING id, enterprise_id, application_id, doctor_id, institution_id, status, term_from, term_until,
         hours_per_week, ended_by, exit_reason, created_by, created_at
     ), reviewed AS (
       INSERT INTO placement_reviews (placement_id, outcome, notes, reviewed_by, created_at)
       SELECT id, (ARRAY['SATISFACTORY', 'SATISFACTORY', 'NEEDS_IMPROVEMENT'])[1 + abs(hashtext(id::text)) % 3],
              '季度走访：医生按约到岗，企业评价良好', created_by, created_at + interval '90 days'
       FROM inserted WHERE status = 'ACTIVE'
     ), recorded AS (
       INSERT INTO events (type, enterprise_id, subject_type, subject_id, actor_id, actor_type, data, occurred_at)
       SELECT e.type, i.enterprise_id, 'placement', i.id, i.created_by, 'user',
              jsonb_build_object('applicationId', i.application_id, 'doctorId', i.doctor_id) || e.data,
              i.created_at + e.after
       FROM inserted i
       CROSS JOIN LATERAL (SELECT jsonb_build_object('from', i.term_from, 'until', i.term_until) AS term) t
       CROSS JOIN LATERAL (VALUES
         ('placement.proposed', interval '0',
          jsonb_build_object('institutionId', i.institution_id, 'term', t.term, 'hoursPerWeek', i.hours_per_week)),
         ('placement.started', interval '1 day', jsonb_build_object('term', t.term)),
         ('placement.ended', interval '2 days', jsonb_build_object('side', i.ended_by, 'reason', i.exit_reason))
       ) AS e(type, after, data)
       WHERE e.type = 'placement.proposed' OR (e.type = 'placement.started' AND i.status <> 'PROPOSED')
         OR (e.type = 'placement.ended' AND i.status = 'ENDED')
     )
     SELECT count(*)::int AS count FROM inserted`,
  );
  return { doctors: doctors.rowCount ?? 0, placements: placements.rows[0].count };
}
