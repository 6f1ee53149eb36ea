import { writeFileSync } from 'node:fs';
import { Pool } from 'pg';

interface HotQuery {
  name: string;
  /** Where the application runs it. */
  source: string;
  sql: string;
  parameters: unknown[];
  /** Statements that change rows are explained inside a transaction that is rolled back. */
  writes?: boolean;
}

const OPEN = `('IN_PROGRESS', 'SUPPLEMENT_REQUIRED', 'APPROVED')`;

async function hotQueries(pool: Pool): Promise<HotQuery[]> {
  const [queue] = (
    await pool.query<{ department_code: string; officer: string }>(
      `SELECT t.department_code,
              (SELECT u.id FROM users u WHERE u.department_code = t.department_code AND u.role = 'OFFICER' LIMIT 1) AS officer
       FROM tasks t WHERE t.status = 'OPEN' AND t.role = 'OFFICER' GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
    )
  ).rows;
  const [busiest] = (
    await pool.query<{ enterprise_id: string; application_id: string }>(
      `SELECT enterprise_id, (array_agg(id))[1] AS application_id FROM applications
       GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
    )
  ).rows;
  return [
    {
      name: "A department's open tasks, first page",
      source: 'TasksService.listTasks (GET /tasks)',
      sql: `SELECT t.*, a.number, a.service_code, a.service_version FROM tasks t JOIN applications a ON a.id = t.application_id
WHERE t.department_code = $1 AND t.status IN ('OPEN', 'CLAIMED')
ORDER BY COALESCE(t.due_at, '9999-12-31T00:00:00.000Z'), t.id LIMIT 21`,
      parameters: [queue.department_code],
    },
    {
      name: 'Claim one of the 16 most urgent open tasks',
      source: 'TasksService.claimNextTask (POST /tasks/next)',
      sql: `WITH claim_window AS (
  SELECT id FROM tasks WHERE department_code = $2 AND status = 'OPEN' AND role = ANY($3)
  ORDER BY COALESCE(due_at, '9999-12-31T00:00:00.000Z'), id LIMIT 16
), free_in_window AS MATERIALIZED (
  SELECT id FROM tasks WHERE id IN (SELECT id FROM claim_window) AND status = 'OPEN'
  ORDER BY random() LIMIT 1 FOR NO KEY UPDATE SKIP LOCKED
), first_free AS MATERIALIZED (
  SELECT id FROM tasks WHERE department_code = $2 AND status = 'OPEN' AND role = ANY($3)
  ORDER BY COALESCE(due_at, '9999-12-31T00:00:00.000Z'), id LIMIT 1 FOR NO KEY UPDATE SKIP LOCKED
), chosen AS (
  SELECT id FROM free_in_window UNION ALL SELECT id FROM first_free LIMIT 1
)
UPDATE tasks t SET status = 'CLAIMED', assignee_id = $1, claimed_at = now(), version = t.version + 1
FROM chosen WHERE t.id = chosen.id RETURNING t.id, t.application_id`,
      parameters: [queue.officer, queue.department_code, ['OFFICER']],
      writes: true,
    },
    {
      name: "An enterprise's applications by status, first page",
      source: 'ApplicationReader.listApplications (GET /applications?status=)',
      sql: `SELECT a.* FROM applications a WHERE a.enterprise_id = $1 AND a.status = $2
ORDER BY a.created_at DESC, a.id DESC LIMIT 21`,
      parameters: [busiest.enterprise_id, 'COMPLETED'],
    },
    {
      name: "A department's applications, first page",
      source: 'ApplicationReader.listApplications (GET /applications as an officer)',
      sql: `SELECT a.* FROM applications a WHERE a.department_code = $1
ORDER BY a.created_at DESC, a.id DESC LIMIT 21`,
      parameters: [queue.department_code],
    },
    {
      name: 'Statistics overview: counters per service',
      source: 'StatsService.overview (GET /stats/overview)',
      sql: `SELECT d.service_code, d.department_code, sum(d.submitted)::int AS submitted, sum(d.decided)::int AS decided,
  sum(d.on_time)::int AS on_time, sum(d.rating_sum)::int AS rating_sum, sum(d.rating_count)::int AS rating_count
FROM stats_daily d WHERE true GROUP BY 1, 2 ORDER BY 1`,
      parameters: [],
    },
    {
      name: 'Statistics overview: decision-time histogram',
      source: 'StatsService.overview (GET /stats/overview)',
      sql: `SELECT d.service_code, d.department_code, d.working_days, sum(d.decisions)::int AS count
FROM stats_decision_days d WHERE true GROUP BY 1, 2, 3`,
      parameters: [],
    },
    {
      name: 'Statistics overview: applications by status',
      source: 'StatsService.overview (GET /stats/overview)',
      sql: `SELECT s.status, sum(s.applications)::int AS applications FROM stats_status s
WHERE true GROUP BY 1 HAVING sum(s.applications) > 0 ORDER BY 1`,
      parameters: [],
    },
    {
      name: 'Statistics overview: overdue right now',
      source: 'StatsService.overview (GET /stats/overview)',
      sql: `SELECT a.service_code, a.department_code, count(*)::int AS n FROM applications a
WHERE a.sla_state = 'OVERDUE' AND a.status IN ${OPEN} AND a.kind <> 'BUNDLE' AND true GROUP BY 1, 2`,
      parameters: [],
    },
    {
      name: "An application's history",
      source: 'ApplicationReader (GET /applications/{id}/events)',
      sql: `SELECT * FROM events WHERE subject_id = $1 ORDER BY seq LIMIT 101`,
      parameters: [busiest.application_id],
    },
    {
      name: 'Outbox relay: the next batch to enqueue',
      source: 'OutboxRelay.relayBatch',
      sql: `SELECT id, queue, job_name, payload, delay_ms FROM outbox
WHERE sent_at IS NULL ORDER BY created_at LIMIT 500 FOR UPDATE SKIP LOCKED`,
      parameters: [],
      writes: true,
    },
  ];
}

/** Runs EXPLAIN (ANALYZE, BUFFERS) on each hot query and writes the plans as Markdown. */
export async function writePlans(pool: Pool, file: string, applications: number): Promise<void> {
  const sections: string[] = [];
  const seqScans: string[] = [];
  for (const query of await hotQueries(pool)) {
    const client = await pool.connect();
    let plan: string;
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN (ANALYZE, BUFFERS) ${query.sql}`,
        query.parameters,
      );
      plan = rows.map((row) => row['QUERY PLAN']).join('\n');
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
    const scanned = /Seq Scan on (applications|events|tasks)\b/.exec(plan);
    if (scanned) seqScans.push(`${query.name} (${scanned[1]})`);
    sections.push(
      `## ${query.name}\n\n${query.source}\n\n\`\`\`sql\n${query.sql}\n\`\`\`\n\n\`\`\`\n${plan}\n\`\`\`\n`,
    );
  }
  const [{ counts }] = (
    await pool.query<{ counts: string }>(
      `SELECT format('%s applications, %s tasks (%s open), %s events',
         (SELECT count(*) FROM applications), (SELECT count(*) FROM tasks),
         (SELECT count(*) FROM tasks WHERE status = 'OPEN'), (SELECT count(*) FROM events)) AS counts`,
    )
  ).rows;
  writeFileSync(
    file,
    [
      '# Plans of the hot queries',
      '',
      `Written by \`npm run bench\` at the ${applications} applications scale (${counts}),`,
      'with the parameters of its busiest department and enterprise. Writing statements are',
      'explained inside a transaction that is rolled back.',
      '',
      seqScans.length === 0
        ? 'No plan scans applications, tasks or events sequentially.'
        : `Sequential scans of large tables: ${seqScans.join(', ')}.`,
      '',
      ...sections,
    ].join('\n'),
  );
}
