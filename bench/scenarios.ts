import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { drive, LatencyRecorder, LoadFigures, round, Step } from './load';

/** A service with an automated completeness check and automated risk routing to a customs task. */
export const FILING_SERVICE = 'SPECIAL_ARTICLE_ENTRY';
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

export class Api {
  constructor(readonly baseUrl: string) {}

  async call<T>(
    method: string,
    path: string,
    options: { token?: string; body?: unknown; form?: FormData } = {},
  ): Promise<T> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: options.form ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  async login(email: string, password: string): Promise<string> {
    const tokens = await this.call<{ accessToken: string }>('POST', '/api/v1/auth/login', {
      body: { email, password },
    });
    return tokens.accessToken;
  }
}

/** Runs the tasks with at most `limit` in flight. */
export async function inParallel<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await task(items[index]);
      }
    }),
  );
  return results;
}

export interface Filer {
  enterpriseId: string;
  token: string;
  /** Library document per material type. */
  library: Record<string, string>;
}

export interface FilingPlan {
  form: Record<string, unknown>;
  formBytes: number;
  /** What the checklist asks for: library documents are referenced, the rest uploaded. */
  materials: { type: string; fromLibrary: boolean }[];
  filers: Filer[];
}

/** Bytes of each uploaded document: a small scan. */
export const UPLOAD_BYTES = 8 * 1024;

/** A PDF of UPLOAD_BYTES that no other upload repeats, as a multipart body. */
function multipartUpload(materialType: string): { body: Buffer; contentType: string } {
  const boundary = `----parkline-bench-${randomUUID()}`;
  const unique = Buffer.from(`% ${randomUUID()}\n`);
  const filler = Buffer.alloc(UPLOAD_BYTES - PDF.length - unique.length, 0x20);
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="materialType"\r\n\r\n${materialType}\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${materialType}.pdf"\r\n` +
        `Content-Type: application/pdf\r\n\r\n`,
    ),
    PDF,
    unique,
    filler,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

/** The service's example form, the materials it asks for, and enterprises with them in their library. */
export async function prepareFiling(
  api: Api,
  pool: Pool,
  enterprisePassword: string,
  count: number,
): Promise<FilingPlan> {
  const service = await api.call<{
    formSchema: { properties: Record<string, { examples: unknown[] }> };
    materials: { code: string; fromLibrary: boolean }[];
  }>('GET', `/api/v1/services/${FILING_SERVICE}`);
  const form = Object.fromEntries(
    Object.entries(service.formSchema.properties).map(([key, property]) => [
      key,
      property.examples[0],
    ]),
  );
  const { rows } = await pool.query<{ id: string; email: string }>(
    `SELECT e.id, u.email FROM enterprises e
     JOIN users u ON u.enterprise_id = e.id AND u.role = 'ENTERPRISE_ADMIN'
     WHERE e.verified_at IS NOT NULL ORDER BY e.created_at, e.id LIMIT $1`,
    [count],
  );
  if (rows.length < count) throw new Error(`Only ${rows.length} verified enterprises to file with`);
  const tokens = await inParallel(rows, 4, (row) => api.login(row.email, enterprisePassword));

  const probe = await api.call<{ id: string }>('POST', '/api/v1/applications', {
    token: tokens[0],
    body: { serviceCode: FILING_SERVICE, form },
  });
  const checklist = await api.call<{ requiredMaterialTypes: string[] }>(
    'GET',
    `/api/v1/applications/${probe.id}/checklist`,
    { token: tokens[0] },
  );
  const materials = checklist.requiredMaterialTypes.map((type) => ({
    type,
    fromLibrary: service.materials.some(
      (material) => material.code === type && material.fromLibrary,
    ),
  }));
  const libraryTypes = materials.filter((m) => m.fromLibrary).map((m) => m.type);
  const filers = await inParallel(rows, 8, async (row) => {
    const token = tokens[rows.indexOf(row)];
    const library: Record<string, string> = {};
    for (const materialType of libraryTypes) {
      const upload = new FormData();
      upload.append('materialType', materialType);
      upload.append('file', new Blob([PDF], { type: 'application/pdf' }), `${materialType}.pdf`);
      const material = await api.call<{ id: string }>(
        'POST',
        `/api/v1/enterprises/${row.id}/materials`,
        { token, form: upload },
      );
      library[materialType] = material.id;
    }
    return { enterpriseId: row.id, token, library };
  });
  return { form, formBytes: Buffer.byteLength(JSON.stringify(form)), materials, filers };
}

export interface FilingFigures extends LoadFigures {
  filingsPerSecond: number;
  requestsPerFiling: number;
  steps: Record<string, { count: number; p50Ms: number; p99Ms: number }>;
}

/**
 * The requests of one filing, in order: draft with form, each material (from the library or
 * uploaded), submit. Each sequence files for the next enterprise of the plan.
 */
export function filingSteps(plan: FilingPlan, onFiled: () => void = () => undefined): Step[] {
  let nextFiler = 0;
  const auth = (context: Record<string, unknown>) => ({
    authorization: `Bearer ${(context.filer as Filer).token}`,
  });
  return [
    {
      name: 'create draft',
      method: 'POST',
      build: (context) => {
        context.filer = plan.filers[nextFiler++ % plan.filers.length];
        return {
          path: '/api/v1/applications',
          headers: auth(context),
          body: { serviceCode: FILING_SERVICE, form: plan.form },
        };
      },
      onResponse: (status, body, context) => {
        context.applicationId =
          status === 201 ? (JSON.parse(body) as { id: string }).id : undefined;
      },
    },
    ...plan.materials.map(({ type, fromLibrary }): Step => ({
      name: fromLibrary ? 'attach from library' : 'upload',
      method: 'POST',
      build: (context) => {
        if (!context.applicationId) return undefined;
        const path = `/api/v1/applications/${String(context.applicationId)}/materials`;
        if (fromLibrary)
          return {
            path,
            headers: auth(context),
            body: { materialType: type, libraryMaterialId: (context.filer as Filer).library[type] },
          };
        const upload = multipartUpload(type);
        return {
          path,
          headers: { ...auth(context), 'content-type': upload.contentType },
          raw: upload.body,
        };
      },
    })),
    {
      name: 'submit',
      method: 'POST',
      build: (context) =>
        context.applicationId
          ? {
              path: `/api/v1/applications/${String(context.applicationId)}/submit`,
              headers: { ...auth(context), 'idempotency-key': randomUUID() },
              body: {},
            }
          : undefined,
      onResponse: (status) => {
        if (status === 200) onFiled();
      },
    },
  ];
}

/** Each connection files again and again: draft with form, materials from the library, submit. */
export async function fileApplications(
  apiUrl: string,
  plan: FilingPlan,
  load: { connections: number; durationS?: number; amount?: number },
): Promise<FilingFigures> {
  let filed = 0;
  const steps = filingSteps(plan, () => (filed += 1));
  const recorder = new LatencyRecorder();
  const figures = await drive({ url: apiUrl, ...load, steps, recorder });
  return {
    ...figures,
    filingsPerSecond: round(filed / figures.durationS, 1),
    requestsPerFiling: steps.length,
    steps: Object.fromEntries(
      ['create draft', 'attach from library', 'upload', 'submit'].map((name) => [
        name,
        recorder.percentiles(name),
      ]),
    ),
  };
}

/**
 * Grows the backlog of submitted applications to `target` by copying what the API's submit
 * wrote for the filed ones (application row, current materials, the stage job in the outbox)
 * under new ids and numbers: filing 60 s worth of work through HTTP would take minutes.
 */
export async function copyBacklog(pool: Pool, filedSince: Date, target: number): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `CREATE TEMP TABLE backlog_copies ON COMMIT DROP AS
       SELECT a.id AS source_id, gen_random_uuid() AS id,
              'QT-' || to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY') || '-' || lpad(nextval('application_number_seq')::text, 6, '0') AS number
       FROM applications a, generate_series(1, GREATEST(1, ceil($3::numeric / GREATEST(1,
         (SELECT count(*) FROM applications WHERE service_code = $1 AND created_at >= $2 AND stage = 'completeness_check'))) - 1)::int)
       WHERE a.service_code = $1 AND a.created_at >= $2 AND a.stage = 'completeness_check'`,
      [FILING_SERVICE, filedSince, target],
    );
    await client.query(
      `INSERT INTO applications
       SELECT (jsonb_populate_record(a, jsonb_build_object('id', c.id, 'number', c.number))).*
       FROM backlog_copies c JOIN applications a ON a.id = c.source_id`,
    );
    await client.query(
      `INSERT INTO application_materials
       SELECT (jsonb_populate_record(m, jsonb_build_object('id', gen_random_uuid(), 'application_id', c.id))).*
       FROM backlog_copies c JOIN application_materials m ON m.application_id = c.source_id AND m.superseded_at IS NULL`,
    );
    await client.query(
      `INSERT INTO outbox (queue, job_name, payload)
       SELECT o.queue, o.job_name, jsonb_set(o.payload, '{applicationId}', to_jsonb(c.id::text))
       FROM backlog_copies c JOIN outbox o ON o.job_name = 'stage.run' AND o.sent_at IS NULL
         AND o.payload->>'applicationId' = c.source_id::text`,
    );
    const [{ n }] = (await client.query<{ n: string }>('SELECT count(*) AS n FROM backlog_copies'))
      .rows;
    await client.query('COMMIT');
    return Number(n);
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

export interface TransitionFigures {
  backlogApplications: number;
  windowS: number;
  transitions: number;
  transitionsPerSecond: number;
  /** Whether the backlog ran out before the window closed (the rate then covers the busy span). */
  drained: boolean;
  applicationsRouted: number;
  /** Every transition since the worker started, in the window or after it, until now. */
  allTransitions: number;
}

/**
 * Counts the automated stage changes the worker records after it starts on the backlog of
 * submitted applications: the window opens at the first one, so the worker's boot is not in it.
 */
export async function measureTransitions(
  pool: Pool,
  /** Applications filed since then are the backlog. */
  filedSince: Date,
  startWorker: () => Promise<void>,
  windowS: number,
): Promise<TransitionFigures> {
  const pending = async () =>
    Number(
      (
        await pool.query<{ n: string }>(
          `SELECT count(*) AS n FROM applications
           WHERE service_code = $1 AND created_at >= $2 AND stage IN ('completeness_check', 'risk_screening')`,
          [FILING_SERVICE, filedSince],
        )
      ).rows[0].n,
    );
  const backlog = await pending();
  const [{ seq: startSeq }] = (
    await pool.query<{ seq: string }>(`SELECT COALESCE(max(seq), 0) AS seq FROM events`)
  ).rows;
  // Only the filed backlog counts, not what the worker's sweeps move meanwhile.
  const transitionsSince = `FROM events e JOIN applications a ON a.id = e.subject_id
    WHERE e.seq > $1 AND e.type = 'application.stage_changed' AND e.actor_type = 'system'
      AND a.service_code = '${FILING_SERVICE}' AND a.created_at >= $2`;
  await startWorker();

  let firstAt: Date | null = null;
  const bootDeadline = Date.now() + 60_000;
  while (!firstAt && Date.now() < bootDeadline) {
    const { rows } = await pool.query<{ first: Date | null }>(
      `SELECT min(e.occurred_at) AS first ${transitionsSince}`,
      [startSeq, filedSince],
    );
    firstAt = rows[0].first;
    if (!firstAt) await sleep(200);
  }
  if (!firstAt) throw new Error('The worker made no stage transition within a minute');
  const windowEnd = new Date(firstAt.getTime() + windowS * 1000);
  let drained = false;
  while (Date.now() < windowEnd.getTime()) {
    if ((await pending()) === 0) {
      drained = true;
      break;
    }
    await sleep(500);
  }
  const { rows } = await pool.query<{ n: string; last: Date | null; apps: string; total: string }>(
    `SELECT count(*) FILTER (WHERE e.occurred_at < $3) AS n,
            max(e.occurred_at) FILTER (WHERE e.occurred_at < $3) AS last,
            count(DISTINCT e.subject_id) FILTER (WHERE e.occurred_at < $3) AS apps,
            count(*) AS total
     ${transitionsSince}`,
    [startSeq, filedSince, windowEnd],
  );
  const transitions = Number(rows[0].n);
  const busyS =
    drained && rows[0].last ? (rows[0].last.getTime() - firstAt.getTime()) / 1000 : windowS;
  return {
    backlogApplications: backlog,
    windowS: round(busyS, 1),
    transitions,
    transitionsPerSecond: round(transitions / Math.max(busyS, 0.001), 1),
    drained,
    applicationsRouted: Number(rows[0].apps),
    allTransitions: Number(rows[0].total),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface ReadFigures {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  failures: number;
}

export interface ReadSubjects {
  officerToken: string;
  department: string;
  openTasks: number;
  enterpriseTokens: string[];
  status: string;
  adminToken: string;
}

/** The department with the deepest officer queue, its first officer, and the busiest enterprises. */
export async function readSubjects(
  api: Api,
  pool: Pool,
  passwords: { officer: string; enterprise: string; admin: { email: string; password: string } },
  enterprises: number,
): Promise<ReadSubjects> {
  const [queue] = (
    await pool.query<{ department_code: string; n: string; email: string }>(
      `SELECT t.department_code, count(*) AS n,
              (SELECT u.email FROM users u WHERE u.department_code = t.department_code AND u.role = 'OFFICER'
               AND u.active ORDER BY u.email LIMIT 1) AS email
       FROM tasks t WHERE t.status = 'OPEN' AND t.role = 'OFFICER' GROUP BY 1 ORDER BY 2 DESC LIMIT 1`,
    )
  ).rows;
  const status = 'COMPLETED';
  const { rows: busiest } = await pool.query<{ email: string }>(
    `SELECT u.email FROM (
       SELECT enterprise_id, count(*) AS n FROM applications WHERE status = $1
       GROUP BY 1 ORDER BY 2 DESC LIMIT $2) busy
     JOIN users u ON u.enterprise_id = busy.enterprise_id AND u.role = 'ENTERPRISE_ADMIN'
     ORDER BY busy.n DESC`,
    [status, enterprises],
  );
  return {
    officerToken: await api.login(queue.email, passwords.officer),
    department: queue.department_code,
    openTasks: Number(queue.n),
    enterpriseTokens: await inParallel(busiest, 4, (row) =>
      api.login(row.email, passwords.enterprise),
    ),
    status,
    adminToken: await api.login(passwords.admin.email, passwords.admin.password),
  };
}

export async function readLoad(
  apiUrl: string,
  load: { connections: number; durationS: number; warmupS: number },
  steps: Step[],
  measured: string,
): Promise<ReadFigures> {
  const { connections, durationS } = load;
  // A short unmeasured run first: connections, plans and caches warm up as in a running park.
  await drive({ url: apiUrl, connections, durationS: load.warmupS, steps });
  const recorder = new LatencyRecorder();
  const figures = await drive({ url: apiUrl, connections, durationS, steps, recorder });
  const { p50Ms, p99Ms, count } = recorder.percentiles(measured);
  return { rps: round(count / figures.durationS, 1), p50Ms, p99Ms, failures: figures.failures };
}

export async function measureReads(
  apiUrl: string,
  subjects: ReadSubjects,
  load: { connections: number; durationS: number; warmupS: number },
): Promise<Record<'worklist' | 'nextTask' | 'applications' | 'statsOverview', ReadFigures>> {
  const officer = { authorization: `Bearer ${subjects.officerToken}` };
  let nextEnterprise = 0;
  const run = (steps: Step[], measured: string) => readLoad(apiUrl, load, steps, measured);
  return {
    worklist: await run(
      [
        {
          name: 'tasks',
          method: 'GET',
          build: () => ({ path: '/api/v1/tasks?limit=20', headers: officer }),
        },
      ],
      'tasks',
    ),
    // Each claim is released again, so the queue keeps its depth for the whole run.
    nextTask: await run(
      [
        {
          name: 'next',
          method: 'POST',
          build: () => ({ path: '/api/v1/tasks/next', headers: officer, body: {} }),
          onResponse: (status, body, context) => {
            context.taskId =
              status === 200 && body ? (JSON.parse(body) as { id: string }).id : undefined;
          },
        },
        {
          name: 'release',
          method: 'POST',
          build: (context) =>
            context.taskId
              ? {
                  path: `/api/v1/tasks/${String(context.taskId)}/release`,
                  headers: officer,
                  body: {},
                }
              : undefined,
        },
      ],
      'next',
    ),
    applications: await run(
      [
        {
          name: 'applications',
          method: 'GET',
          build: () => ({
            path: `/api/v1/applications?status=${subjects.status}&limit=20`,
            headers: {
              authorization: `Bearer ${subjects.enterpriseTokens[nextEnterprise++ % subjects.enterpriseTokens.length]}`,
            },
          }),
        },
      ],
      'applications',
    ),
    statsOverview: await run(
      [
        {
          name: 'overview',
          method: 'GET',
          build: () => ({
            path: '/api/v1/stats/overview',
            headers: { authorization: `Bearer ${subjects.adminToken}` },
          }),
        },
      ],
      'overview',
    ),
  };
}
