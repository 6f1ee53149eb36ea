import { compileSchema } from '../src/catalogue/form-schemas';
import type { JsonSchema } from '../src/catalogue/service-definition';
import {
  DEMO_ENTERPRISE_PASSWORD,
  DEMO_OFFICER_PASSWORD,
  parseSeedArguments,
  seedDemo,
  SeedDemoSummary,
  SeedProgress,
  UsageError,
} from '../src/demo/seed-demo';
import { isValidCreditCode } from '../src/enterprises/credit-code';
import { login } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

const ENTERPRISES = 30;
const APPLICATIONS = 1500;
const DEPARTMENTS = 12;

describe('demo park seeder', () => {
  let t: TestApp;
  let summary: SeedDemoSummary;
  let outboxBefore: number;
  const reports: SeedProgress[] = [];

  const count = async (sql: string, parameters: unknown[] = []): Promise<number> =>
    Number((await t.dataSource.query(sql, parameters))[0].count);

  beforeAll(async () => {
    t = await startTestApp();
    outboxBefore = await count(`SELECT count(*) FROM outbox`);
    summary = await seedDemo(
      t.config,
      { enterprises: ENTERPRISES, applications: APPLICATIONS, seed: 7 },
      (report) => reports.push(report),
    );
  }, 120_000);

  afterAll(() => t.close());

  it('creates the enterprises, their admins, the staff and the applications asked for', async () => {
    expect(await count(`SELECT count(*) FROM enterprises`)).toBe(ENTERPRISES);
    expect(await count(`SELECT count(*) FROM users WHERE role = 'ENTERPRISE_ADMIN'`)).toBe(
      ENTERPRISES,
    );
    expect(
      await count(`SELECT count(*) FROM users WHERE role IN ('OFFICER', 'DEPARTMENT_HEAD')`),
    ).toBe(DEPARTMENTS * 4);
    expect(await count(`SELECT count(*) FROM users WHERE role = 'DEPARTMENT_HEAD'`)).toBe(
      DEPARTMENTS,
    );
    expect(await count(`SELECT count(*) FROM applications WHERE kind = 'SINGLE'`)).toBe(
      APPLICATIONS,
    );
    expect(summary).toMatchObject({ enterprises: ENTERPRISES, applications: APPLICATIONS });
    expect(reports.at(-1)?.phase).toBe('statistics');
    expect(reports).toContainEqual(
      expect.objectContaining({ phase: 'applications', done: APPLICATIONS, total: APPLICATIONS }),
    );
  });

  it('registers enterprises with unique, valid credit codes, most of them verified', async () => {
    const enterprises: { credit_code: string; verified: boolean }[] = await t.dataSource.query(
      `SELECT credit_code, verified_at IS NOT NULL AS verified FROM enterprises`,
    );
    expect(enterprises.every(({ credit_code }) => isValidCreditCode(credit_code))).toBe(true);
    expect(new Set(enterprises.map(({ credit_code }) => credit_code)).size).toBe(ENTERPRISES);
    expect(enterprises.filter(({ verified }) => verified).length).toBeGreaterThanOrEqual(
      ENTERPRISES * 0.75,
    );
    expect(
      await count(
        `SELECT count(*) FROM applications a JOIN enterprises e ON e.id = a.enterprise_id
         WHERE a.submitted_at IS NOT NULL AND (e.verified_at IS NULL OR e.verified_at > a.submitted_at)`,
      ),
    ).toBe(0);
  });

  it('files every application under a published version of its service, with a valid form', async () => {
    expect(
      await count(
        `SELECT count(*) FROM applications a
         LEFT JOIN service_versions v ON v.service_code = a.service_code AND v.version = a.service_version
         WHERE v.status IS DISTINCT FROM 'PUBLISHED'`,
      ),
    ).toBe(0);
    const schemas = new Map<string, JsonSchema>(
      (
        await t.dataSource.query(
          `SELECT service_code || '/' || version AS key, definition->'formSchema' AS schema
           FROM service_versions`,
        )
      ).map((row: { key: string; schema: JsonSchema }) => [row.key, row.schema]),
    );
    const forms: { key: string; form: Record<string, unknown>; status: string }[] =
      await t.dataSource.query(
        `SELECT service_code || '/' || service_version AS key, form, status FROM applications`,
      );
    const invalid = forms.filter(
      ({ key, form, status }) => status !== 'DRAFT' && !compileSchema(schemas.get(key)!)(form),
    );
    expect(invalid).toEqual([]);
  });

  it('mixes finished, running, waiting and draft applications, some of them overdue', async () => {
    const statuses: Record<string, number> = Object.fromEntries(
      (
        await t.dataSource.query(`SELECT status, count(*)::int AS n FROM applications GROUP BY 1`)
      ).map((row: { status: string; n: number }) => [row.status, row.n]),
    );
    for (const status of ['COMPLETED', 'IN_PROGRESS', 'SUPPLEMENT_REQUIRED', 'DRAFT'])
      expect(statuses[status]).toBeGreaterThan(0);
    const finished = ['COMPLETED', 'DENIED', 'REJECTED', 'WITHDRAWN']
      .map((status) => statuses[status] ?? 0)
      .reduce((sum, n) => sum + n, 0);
    expect(finished / APPLICATIONS).toBeGreaterThan(0.6);
    expect(finished / APPLICATIONS).toBeLessThan(0.8);
    expect(statuses.IN_PROGRESS / APPLICATIONS).toBeGreaterThan(0.18);

    expect(
      await count(
        `SELECT count(*) FROM applications a WHERE a.status = 'IN_PROGRESS' AND a.sla_state = 'OVERDUE'
         AND EXISTS (SELECT 1 FROM events e WHERE e.subject_id = a.id AND e.type = 'application.overdue')`,
      ),
    ).toBeGreaterThan(0);
    expect(
      await count(
        `SELECT count(*) FROM applications
         WHERE status IN ('IN_PROGRESS', 'SUPPLEMENT_REQUIRED') AND sla_state = 'OVERDUE' AND promised_deadline >= now()`,
      ),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*) FROM applications WHERE status IN ('COMPLETED', 'DENIED', 'REJECTED')
         AND (decision_working_days IS NULL OR decided_on_time <> (decision_working_days <= promised_days)
              OR finished_at IS NULL OR finished_at < submitted_at)`,
      ),
    ).toBe(0);
  });

  it('gives each application at a human stage exactly one live task for that stage', async () => {
    const running: { stage_kind: string; live: number; matching: number }[] =
      await t.dataSource.query(
        `SELECT (SELECT s->>'kind' FROM jsonb_array_elements(v.definition->'workflow'->'stages') s
                 WHERE s->>'code' = a.stage) AS stage_kind,
                count(t.id) FILTER (WHERE t.status IN ('OPEN', 'CLAIMED'))::int AS live,
                count(t.id) FILTER (WHERE t.status IN ('OPEN', 'CLAIMED') AND t.stage = a.stage
                                    AND t.due_at = a.promised_deadline)::int AS matching
         FROM applications a
         JOIN service_versions v ON v.service_code = a.service_code AND v.version = a.service_version
         LEFT JOIN tasks t ON t.application_id = a.id AND t.kind = 'STAGE'
         WHERE a.status = 'IN_PROGRESS' GROUP BY a.id, v.definition`,
      );
    expect(running.length).toBeGreaterThan(0);
    expect(running.filter((row) => row.stage_kind !== 'HUMAN')).toEqual([]);
    expect(running.filter((row) => row.live !== 1 || row.matching !== 1)).toEqual([]);
    expect(
      await count(
        `SELECT count(*) FROM tasks t JOIN applications a ON a.id = t.application_id
         WHERE t.kind = 'STAGE' AND t.status IN ('OPEN', 'CLAIMED') AND a.status <> 'IN_PROGRESS'`,
      ),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*) FROM applications a WHERE a.status = 'SUPPLEMENT_REQUIRED' AND NOT EXISTS
           (SELECT 1 FROM clock_stops c WHERE c.application_id = a.id AND c.ended_at IS NULL
            AND c.started_at = a.paused_since)`,
      ),
    ).toBe(0);
  });

  it('records the history as events, without queuing anything for webhooks or notifications', async () => {
    expect(await count(`SELECT count(*) FROM events WHERE type = 'application.submitted'`)).toBe(
      await count(`SELECT count(*) FROM applications WHERE submitted_at IS NOT NULL`),
    );
    expect(
      await count(
        `SELECT count(*) FROM applications a WHERE a.status IN ('COMPLETED', 'DENIED', 'REJECTED', 'WITHDRAWN')
         AND NOT EXISTS (SELECT 1 FROM events e WHERE e.subject_id = a.id
                         AND e.type = 'application.' || lower(a.status) AND e.data->>'serviceCode' = a.service_code)`,
      ),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*) FROM events WHERE subject_type = 'application'
         AND (data->>'serviceCode' IS NULL OR occurred_at > now())`,
      ),
    ).toBe(0);
    expect(await count(`SELECT count(*) FROM outbox`)).toBe(outboxBefore);
  });

  it('lists tens of providers and gives every provider and hospital users, with requests handed to them', async () => {
    expect(
      await count(`SELECT count(*) FROM service_providers WHERE status = 'LISTED'`),
    ).toBeGreaterThanOrEqual(30);
    expect(
      await count(
        `SELECT count(*) FROM service_providers p WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.provider_id = p.id)`,
      ),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*) FROM trial_institutions i WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.institution_id = i.id)`,
      ),
    ).toBe(0);
    // Handed only to listed providers of the request's own service, one live at a time.
    expect(
      await count(
        `SELECT count(*) FROM provider_handovers h JOIN applications a ON a.id = h.application_id
         WHERE NOT EXISTS (SELECT 1 FROM provider_services s WHERE s.provider_id = h.provider_id AND s.service_code = a.service_code)`,
      ),
    ).toBe(0);
    // Every handover is on its request's timeline, each step by whoever took it.
    expect(
      await count(
        `SELECT count(*) FROM provider_handovers h WHERE NOT EXISTS (SELECT 1 FROM events e
           WHERE e.subject_id = h.application_id AND e.type = 'application.handed_to_provider'
             AND e.data ->> 'handoverId' = h.id::text AND e.actor_id = h.handed_by)
           OR (h.status = 'CLOSED') <> EXISTS (SELECT 1 FROM events e WHERE e.subject_id = h.application_id
             AND e.type = 'application.provider_closed' AND e.data ->> 'handoverId' = h.id::text
             AND e.actor_id IN (SELECT id FROM users WHERE provider_id = h.provider_id))`,
      ),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*) FROM applications a WHERE a.matching -> 'current' IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM institution_dockings d WHERE d.application_id = a.id)`,
      ),
    ).toBe(0);
  });

  it('gives every hospital doctors, placed with the enterprises that asked for them', async () => {
    expect(
      await count(
        `SELECT count(*) FROM trial_institutions i WHERE NOT EXISTS (SELECT 1 FROM doctors d WHERE d.institution_id = i.id)`,
      ),
    ).toBe(0);
    expect(await count(`SELECT count(*) FROM doctor_placements`)).toBeGreaterThan(0);
    // Each answers a doctors-into-enterprise request of its own enterprise; running ones both confirmed.
    expect(
      await count(
        `SELECT count(*) FROM doctor_placements p JOIN applications a ON a.id = p.application_id
         WHERE a.service_code <> 'DOCTORS_INTO_ENTERPRISE' OR a.enterprise_id <> p.enterprise_id
           OR (p.status = 'ACTIVE' AND (p.hospital_confirmed_at IS NULL OR p.enterprise_confirmed_at IS NULL))`,
      ),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*) FROM doctor_placements p WHERE NOT EXISTS
           (SELECT 1 FROM events e WHERE e.subject_id = p.id AND e.type = 'placement.proposed')`,
      ),
    ).toBe(0);
  });

  it('has enterprises mandate the service centre window and their providers, a few revoked', async () => {
    const [mandates] = await t.dataSource.query(
      `SELECT count(*)::int AS total,
         count(*) FILTER (WHERE holder_kind = 'SERVICE_CENTRE')::int AS window,
         count(*) FILTER (WHERE holder_kind = 'PROVIDER')::int AS providers,
         count(*) FILTER (WHERE revoked_at IS NOT NULL)::int AS revoked
       FROM mandates`,
    );
    expect(mandates.window).toBeGreaterThan(0);
    expect(mandates.providers).toBeGreaterThan(0);
    expect(mandates.revoked).toBeGreaterThan(0);
    expect(mandates.revoked).toBeLessThan(mandates.total);
    // A provider's mandate covers only what the provider delivers.
    expect(
      await count(
        `SELECT count(*) FROM mandates m, unnest(m.service_codes) AS code WHERE m.holder_kind = 'PROVIDER'
           AND NOT EXISTS (SELECT 1 FROM provider_services s WHERE s.provider_id = m.holder_provider_id AND s.service_code = code)`,
      ),
    ).toBe(0);
  });

  it('rolls the statistics up from the applications', async () => {
    const [rollup] = await t.dataSource.query(
      `SELECT sum(submitted)::int AS submitted, sum(decided)::int AS decided, sum(rating_count)::int AS ratings
       FROM stats_daily`,
    );
    expect(rollup.submitted).toBe(
      await count(`SELECT count(*) FROM applications WHERE submitted_at IS NOT NULL`),
    );
    expect(rollup.decided).toBe(
      await count(`SELECT count(*) FROM applications WHERE decision_working_days IS NOT NULL`),
    );
    expect(rollup.ratings).toBe(
      await count(`SELECT count(*) FROM applications WHERE rating IS NOT NULL`),
    );
    expect(await count(`SELECT coalesce(sum(applications), 0) AS count FROM stats_status`)).toBe(
      rollup.submitted,
    );
  });

  it('lets demo staff work their queue and enterprises follow their applications', async () => {
    const [open] = await t.dataSource.query(
      `SELECT t.id, t.department_code, a.id AS application_id, a.enterprise_id
       FROM tasks t JOIN applications a ON a.id = t.application_id
       WHERE t.status = 'OPEN' AND t.stage = 'acceptance' ORDER BY t.due_at LIMIT 1`,
    );
    const officer = await login(
      t,
      `${open.department_code.toLowerCase()}.officer1@parkline.local`,
      DEMO_OFFICER_PASSWORD,
    );
    const queue = await t.http().get('/api/v1/tasks?limit=100').set(officer.auth).expect(200);
    expect(queue.body.data.map((task: { id: string }) => task.id)).toContain(open.id);
    await t.http().post(`/api/v1/tasks/${open.id}/claim`).set(officer.auth).expect(200);
    await t
      .http()
      .post(`/api/v1/tasks/${open.id}/complete`)
      .set(officer.auth)
      .send({ action: 'accept' })
      .expect(200);

    const [admin] = await t.dataSource.query(
      `SELECT email FROM users WHERE enterprise_id = $1 AND role = 'ENTERPRISE_ADMIN'`,
      [open.enterprise_id],
    );
    const enterprise = await login(t, admin.email, DEMO_ENTERPRISE_PASSWORD);
    const application = await t
      .http()
      .get(`/api/v1/applications/${open.application_id}`)
      .set(enterprise.auth)
      .expect(200);
    expect(application.body).toMatchObject({ status: 'IN_PROGRESS', stage: 'review' });
    const timeline = await t
      .http()
      .get(`/api/v1/applications/${open.application_id}/events`)
      .set(enterprise.auth)
      .expect(200);
    expect(timeline.body.map((event: { type: string }) => event.type)).toContain(
      'application.submitted',
    );
  });
});

describe('seed:demo arguments', () => {
  it('defaults to the park of the brief', () => {
    expect(parseSeedArguments([])).toEqual({
      help: false,
      enterprises: 800,
      applications: 100_000,
      seed: 1,
      reset: false,
    });
  });

  it('reads numbers in both spellings and the reset flag', () => {
    expect(
      parseSeedArguments(['--enterprises', '5', '--applications=200', '--seed', '9', '--reset']),
    ).toEqual({ help: false, enterprises: 5, applications: 200, seed: 9, reset: true });
  });

  it.each([
    [['--enterprises', 'many'], '--enterprises must be an integer from 1 to 100000 (got "many")'],
    [['--enterprises', '0'], '--enterprises must be an integer from 1 to 100000 (got "0")'],
    [['--applications=-1'], '--applications must be an integer from 0 to 1000000 (got "-1")'],
    [['--colour'], "Unknown option '--colour'"],
    [['--seed'], "Option '--seed <value>' argument missing"],
  ])('refuses %j in one line', (argv, message) => {
    expect(() => parseSeedArguments(argv)).toThrow(new UsageError(message));
  });
});
