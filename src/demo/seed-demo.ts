import { parseArgs } from 'node:util';
import { Client, Pool, PoolClient } from 'pg';
import { hashPassword } from '../auth/passwords';
import { createApp } from '../bootstrap';
import { WorkingDayCalendar } from '../calendar/working-day-calendar';
import type { ServiceDefinition } from '../catalogue/service-definition';
import { AppConfig, ConfigError, loadConfig } from '../config/app-config';
import { runPendingMigrations } from '../database/migrate';
import { DemoDevice, DemoHistoryEntry, DemoProduct, generatePipelines } from './demo-pipeline';
import {
  DemoCalendar,
  DemoEnterprise,
  DemoRandom,
  DemoStaffMember,
  DemoStaffRow,
  generateEnterprises,
  ParkPlanner,
  PlannedApplication,
  PlannedClockStop,
  PlannedEvent,
  PlannedTask,
  shanghaiDay,
  staffRoster,
} from './demo-data';
import { seedResourcesDemo } from './resources-demo';
import { seedProvidersDemo } from './providers-demo';
import { seedPlacementsDemo } from './placements-demo';
import { seedMandatesDemo } from './mandates-demo';

export const DEMO_ENTERPRISE_PASSWORD = 'Demo-Enterprise-2026';
export const DEMO_OFFICER_PASSWORD = 'Demo-Officer-2026';

const BATCH_SIZE = 5_000;
const PARK_HISTORY_DAYS = 730;
const PROTECTED_DATABASES = ['postgres', 'template0', 'template1'];

export interface SeedDemoOptions {
  enterprises: number;
  applications: number;
  /** Seed of the pseudo-random generator: the same seed plans the same park. */
  seed: number;
  /** Drop and recreate the database first. */
  reset?: boolean;
  /** Also file one application in every status for the enterprise verified first. */
  showcase?: boolean;
}

export interface SeedProgress {
  phase: string;
  done: number;
  total: number;
  /** Since seeding started. */
  elapsedMs: number;
}

export interface SeedDemoSummary {
  database: string;
  enterprises: number;
  /** Drug products and devices of the enterprises' pipelines. */
  products: number;
  devices: number;
  staffCreated: number;
  applications: number;
  applicationsByStatus: Record<string, number>;
  liveTasks: number;
  events: number;
  elapsedMs: number;
  sampleEnterpriseAdmin: string | null;
  /** With `showcase`: the enterprise that filed an application in every status. */
  showcaseEnterpriseId: string | null;
}

/**
 * Fills the configured database with a park of demo enterprises and two years of applications,
 * in bulk and without the outbox, so no webhook or notification fires for history. Appends to
 * whatever is there; with `reset`, starts from an empty, migrated database.
 */
export async function seedDemo(
  config: AppConfig,
  options: SeedDemoOptions,
  progress: (report: SeedProgress) => void = () => undefined,
): Promise<SeedDemoSummary> {
  const started = Date.now();
  const report = (phase: string, done = 1, total = 1) =>
    progress({ phase, done, total, elapsedMs: Date.now() - started });
  const database = databaseNameOf(config.DATABASE_URL);

  if (options.reset) {
    await recreateDatabase(config.DATABASE_URL);
    report(`database ${database} recreated`);
  }
  await runPendingMigrations(config);
  const pool = new Pool({
    connectionString: config.DATABASE_URL,
    max: 3,
    application_name: 'parkline-seed-demo',
  });
  try {
    if (!(await hasReferenceData(pool))) {
      await seedReferenceData(config);
      report('reference data');
    }
    const reference = await loadReference(pool);
    const random = new DemoRandom(options.seed);
    const now = new Date();
    const today = shanghaiDay(now);
    const firstDay = today - PARK_HISTORY_DAYS;

    // One hash per password for every account: argon2 is slow on purpose.
    const officerHash = await hashPassword(DEMO_OFFICER_PASSWORD);
    const enterpriseHash = await hashPassword(DEMO_ENTERPRISE_PASSWORD);
    const roster = staffRoster(random, reference.departmentCodes);
    const staffCreated = await insertRows(
      pool,
      'users',
      staffColumns(officerHash, firstDay, reference.calendar, random),
      roster,
      'ON CONFLICT DO NOTHING',
    );
    const staff = await loadStaff(pool);
    report('staff', roster.length, roster.length);

    const enterprises = generateEnterprises(random, options.enterprises, {
      now,
      firstDay,
      calendar: reference.calendar,
      verifierIds: staff.map((member) => member.id),
      takenCreditCodes: reference.takenCreditCodes,
      takenEmails: reference.takenEmails,
      takenNames: reference.takenNames,
    });
    await inBatches(
      pool,
      enterprises,
      1,
      async (client, batch) => {
        await insertRows(client, 'enterprises', ENTERPRISE_COLUMNS, batch);
        await insertRows(client, 'users', enterpriseAdminColumns(enterpriseHash), batch);
      },
      (done) => report('enterprises', done, enterprises.length),
    );

    const pipelines = generatePipelines(random, enterprises, {
      now,
      calendar: reference.calendar,
      verifierIds: staff.map((member) => member.id),
    });
    const insertAll = <Row>(table: string, columns: Column<Row>[], rows: Row[]) =>
      inBatches(
        pool,
        rows,
        1,
        (client, batch) => insertRows(client, table, columns, batch),
        (done) => report(table, done, rows.length),
      );
    await insertAll('pipeline_products', PRODUCT_COLUMNS, pipelines.products);
    await insertAll('pipeline_devices', DEVICE_COLUMNS, pipelines.devices);
    await insertAll('pipeline_history', HISTORY_COLUMNS, pipelines.history);

    const planner = new ParkPlanner(random, {
      now,
      firstDay,
      calendar: reference.calendar,
      enterprises,
      services: reference.services,
      staff,
      institutions: reference.institutions,
      claimIdleMinutes: config.CLAIM_IDLE_MINUTES,
    });
    planner.planEnterpriseEvents();
    const planned: PlannedApplication[] = [];
    while (planned.length < options.applications) {
      planned.push(planner.planApplication());
      if (planned.length % BATCH_SIZE === 0 || planned.length === options.applications)
        report('applications planned', planned.length, options.applications);
    }
    const showcase = options.showcase ? planner.planShowcase() : null;
    if (showcase) planned.push(...showcase.applications);
    // Numbers follow the order applications were created in, as the sequence would have given them.
    planned.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    const numbers = await reserveApplicationNumbers(pool, planned);
    const applications = planned.map((application, index) =>
      Object.assign(application, { number: numbers[index] }),
    );

    // Two connections: PostgreSQL indexes one batch while the next one is being prepared.
    await inBatches(
      pool,
      applications,
      2,
      async (client, batch) => {
        await insertRows(client, 'applications', APPLICATION_COLUMNS, batch);
        await insertRows(
          client,
          'tasks',
          TASK_COLUMNS,
          batch.flatMap((application) => application.tasks),
        );
        await insertRows(
          client,
          'clock_stops',
          CLOCK_STOP_COLUMNS,
          batch.flatMap((application) => (application.clockStop ? [application.clockStop] : [])),
        );
      },
      (done) => report('applications', done, applications.length),
    );

    // One connection, in time order: the event log's sequence then reads as the park's history.
    const events = planner.events.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
    await inBatches(
      pool,
      events,
      1,
      (client, batch) => insertRows(client, 'events', EVENT_COLUMNS, batch),
      (done) => report('events', done, events.length),
    );

    const resources = await seedResourcesDemo(pool, random, now, reference.calendar.workingDays);
    report('resources and bookings', resources.bookings, resources.bookings);

    await seedProvidersDemo(pool, random);
    report('providers and hospitals');
    await seedPlacementsDemo(pool, random);
    const mandates = await seedMandatesDemo(pool);
    report('mandates', mandates, mandates);
    await pool.query('SELECT rebuild_statistics()');
    // Fresh planner statistics, so the app's first queries on the new rows pick good plans.
    await pool.query(
      'ANALYZE enterprises, users, applications, tasks, events, pipeline_products, pipeline_devices',
    );
    report('statistics');

    const applicationsByStatus: Record<string, number> = {};
    for (const application of applications)
      applicationsByStatus[application.status] =
        (applicationsByStatus[application.status] ?? 0) + 1;
    return {
      database,
      enterprises: enterprises.length,
      products: pipelines.products.length,
      devices: pipelines.devices.length,
      staffCreated,
      applications: applications.length,
      applicationsByStatus,
      liveTasks: applications.reduce(
        (count, application) =>
          count +
          application.tasks.filter((task) => task.status === 'OPEN' || task.status === 'CLAIMED')
            .length,
        0,
      ),
      events: events.length,
      elapsedMs: Date.now() - started,
      sampleEnterpriseAdmin:
        enterprises.find((enterprise) => enterprise.verifiedAt)?.admin.email ?? null,
      showcaseEnterpriseId: showcase?.enterprise.id ?? null,
    };
  } finally {
    await pool.end();
  }
}

const databaseNameOf = (databaseUrl: string) =>
  decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, ''));

async function recreateDatabase(databaseUrl: string): Promise<void> {
  const name = databaseNameOf(databaseUrl);
  if (PROTECTED_DATABASES.includes(name)) throw new Error(`Refusing to reset the ${name} database`);
  const maintenanceUrl = new URL(databaseUrl);
  maintenanceUrl.pathname = '/postgres';
  const client = new Client({ connectionString: maintenanceUrl.toString() });
  await client.connect();
  try {
    const quoted = `"${name.replace(/"/g, '""')}"`;
    await client.query(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${quoted}`);
  } finally {
    await client.end();
  }
}

async function hasReferenceData(pool: Pool): Promise<boolean> {
  const [row] = (
    await pool.query(
      `SELECT EXISTS (SELECT 1 FROM services WHERE current_version IS NOT NULL)
          AND EXISTS (SELECT 1 FROM calendar_years) AS seeded`,
    )
  ).rows;
  return row.seeded;
}

/**
 * Departments, catalogue, calendar and the first admin come from the app's own seed, by
 * booting it once as an api process: the demo then always matches what the app would create.
 */
async function seedReferenceData(config: AppConfig): Promise<void> {
  const app = await createApp(
    Object.assign(new AppConfig(), config, { APP_ROLE: 'api' as const, LOG_LEVEL: 'warn' }),
  );
  await app.close();
}

interface Reference {
  departmentCodes: string[];
  services: { code: string; version: number; definition: ServiceDefinition }[];
  calendar: DemoCalendar;
  institutions: { id: string; code: string; name: string; specialties: string[] }[];
  takenCreditCodes: Set<string>;
  takenEmails: Set<string>;
  takenNames: Set<string>;
}

async function loadReference(pool: Pool): Promise<Reference> {
  const [departments, services, years, institutions, emails, enterprises] = await Promise.all([
    pool.query<{ code: string }>(`SELECT code FROM departments ORDER BY code`),
    pool.query<{ code: string; version: number; definition: ServiceDefinition }>(
      `SELECT s.code, v.version, v.definition
       FROM services s JOIN service_versions v ON v.service_code = s.code AND v.version = s.current_version
       WHERE s.retired_at IS NULL AND v.status = 'PUBLISHED' ORDER BY s.code`,
    ),
    pool.query<{ year: number; holidays: string[]; make_up_workdays: string[] }>(
      `SELECT year, holidays::text[] AS holidays, make_up_workdays::text[] AS make_up_workdays
       FROM calendar_years ORDER BY year`,
    ),
    pool.query<{ id: string; code: string; name: string; specialties: string[] }>(
      `SELECT id, code, name, specialties FROM trial_institutions WHERE active ORDER BY code`,
    ),
    pool.query<{ email: string }>(`SELECT lower(email) AS email FROM users`),
    pool.query<{ credit_code: string; name: string }>(`SELECT credit_code, name FROM enterprises`),
  ]);
  if (services.rows.length === 0) throw new Error('The catalogue has no published service');
  return {
    departmentCodes: departments.rows.map((row) => row.code),
    services: services.rows,
    calendar: new DemoCalendar(
      new WorkingDayCalendar(
        years.rows.map((row) => ({
          year: row.year,
          holidays: row.holidays,
          makeUpWorkdays: row.make_up_workdays,
        })),
      ),
    ),
    institutions: institutions.rows,
    takenCreditCodes: new Set(enterprises.rows.map((row) => row.credit_code)),
    takenEmails: new Set(emails.rows.map((row) => row.email)),
    takenNames: new Set(enterprises.rows.map((row) => row.name)),
  };
}

async function loadStaff(pool: Pool): Promise<DemoStaffRow[]> {
  const { rows } = await pool.query<{
    id: string;
    role: DemoStaffRow['role'];
    department_code: string;
  }>(
    `SELECT id, role, department_code FROM users
     WHERE role IN ('OFFICER', 'DEPARTMENT_HEAD') AND active ORDER BY lower(email)`,
  );
  return rows.map((row) => ({ id: row.id, role: row.role, departmentCode: row.department_code }));
}

/** Numbers from the application sequence itself, so the app's own numbering never collides. */
async function reserveApplicationNumbers(
  pool: Pool,
  applications: readonly PlannedApplication[],
): Promise<string[]> {
  const { rows } = await pool.query<{ value: string }>(
    `SELECT nextval('application_number_seq') AS value FROM generate_series(1, $1)`,
    [applications.length],
  );
  const values = rows.map((row) => Number(row.value)).sort((a, b) => a - b);
  return applications.map((application, index) => {
    const year = new Date(shanghaiDay(application.createdAt) * 86_400_000).getUTCFullYear();
    return `QT-${year}-${String(values[index]).padStart(6, '0')}`;
  });
}

/** Each batch in its own transaction, `concurrency` at a time; `onProgress` gets rows done. */
async function inBatches<Row>(
  pool: Pool,
  rows: readonly Row[],
  concurrency: number,
  insert: (client: PoolClient, batch: Row[]) => Promise<unknown>,
  onProgress: (done: number) => void,
): Promise<void> {
  let next = 0;
  let done = 0;
  onProgress(0);
  const worker = async () => {
    while (next < rows.length) {
      const batch = rows.slice(next, (next += BATCH_SIZE));
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await insert(client, batch);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
      onProgress((done += batch.length));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

interface Column<Row> {
  name: string;
  type: string;
  value: (row: Row) => unknown;
}

const column = <Row>(name: string, type: string, value: (row: Row) => unknown): Column<Row> => ({
  name,
  type,
  value,
});

const iso = (instant: Date | null | undefined) => instant?.toISOString() ?? null;
const json = (value: unknown) => (value === null ? null : JSON.stringify(value));

/** One multi-row INSERT: each column travels as one array parameter, unnested server-side. */
async function insertRows<Row>(
  client: Pool | PoolClient,
  table: string,
  columns: readonly Column<Row>[],
  rows: readonly Row[],
  suffix = '',
): Promise<number> {
  if (rows.length === 0) return 0;
  const result = await client.query(
    `INSERT INTO ${table} (${columns.map((c) => c.name).join(', ')})
     SELECT * FROM unnest(${columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ')}) ${suffix}`,
    columns.map((c) => rows.map(c.value)),
  );
  return result.rowCount ?? 0;
}

function staffColumns(
  passwordHash: string,
  firstDay: number,
  calendar: DemoCalendar,
  random: DemoRandom,
): Column<DemoStaffMember>[] {
  // Staff accounts exist from before the first enterprise registers.
  const createdAt = iso(calendar.officeTime(calendar.before(firstDay, 5), random));
  return [
    column('email', 'text', (member) => member.email),
    column('password_hash', 'text', () => passwordHash),
    column('name', 'text', (member) => member.name),
    column('role', 'text', (member) => member.role),
    column('department_code', 'text', (member) => member.departmentCode),
    column('created_at', 'timestamptz', () => createdAt),
    column('updated_at', 'timestamptz', () => createdAt),
  ];
}

const ENTERPRISE_COLUMNS: Column<DemoEnterprise>[] = [
  column('id', 'uuid', (e) => e.id),
  column('name', 'text', (e) => e.name),
  column('name_en', 'text', (e) => e.nameEn),
  column('credit_code', 'text', (e) => e.creditCode),
  column('sector', 'text', (e) => e.sector),
  column('chain_segment', 'text', (e) => e.chainSegment),
  column('zone', 'text', (e) => e.zone),
  column('legal_representative', 'text', (e) => e.legalRepresentative),
  column('registered_capital_cny', 'numeric', (e) => e.registeredCapitalCny),
  column('established_on', 'date', (e) => e.establishedOn),
  column('pipeline_stage', 'text', (e) => e.pipelineStage),
  column('contact_name', 'text', (e) => e.contactName),
  column('contact_phone', 'text', (e) => e.contactPhone),
  column('contact_email', 'text', (e) => e.contactEmail),
  column('verified_at', 'timestamptz', (e) => iso(e.verifiedAt)),
  column('verified_by', 'uuid', (e) => e.verifiedBy),
  column('version', 'int', (e) => (e.verifiedAt ? 2 : 1)),
  column('created_at', 'timestamptz', (e) => iso(e.createdAt)),
  column('updated_at', 'timestamptz', (e) => iso(e.verifiedAt ?? e.createdAt)),
];

const PIPELINE_ITEM_COLUMNS = <Item extends DemoProduct | DemoDevice>(): Column<Item>[] => [
  column('id', 'uuid', (item) => item.id),
  column('enterprise_id', 'uuid', (item) => item.enterpriseId),
  column('name', 'text', (item) => item.name),
  column('name_en', 'text', (item) => item.nameEn),
  column('verification', 'text', (item) => item.verification),
  column('verified_by', 'uuid', (item) => item.verifiedBy),
  column('verified_at', 'timestamptz', (item) => iso(item.verifiedAt)),
  column('version', 'int', (item) => (item.verifiedAt ? 2 : 1)),
  column('created_at', 'timestamptz', (item) => iso(item.createdAt)),
  column('updated_at', 'timestamptz', (item) => iso(item.verifiedAt ?? item.createdAt)),
];

const PRODUCT_COLUMNS: Column<DemoProduct>[] = [
  ...PIPELINE_ITEM_COLUMNS<DemoProduct>(),
  column('modality', 'text', (p) => p.modality),
  column('indication', 'text', (p) => p.indication),
  column('stage', 'text', (p) => p.stage),
  column('approval_number', 'text', (p) => p.approvalNumber),
  column('approved_on', 'date', (p) => p.approvedOn),
];

const DEVICE_COLUMNS: Column<DemoDevice>[] = [
  ...PIPELINE_ITEM_COLUMNS<DemoDevice>(),
  column('device_class', 'text', (d) => d.deviceClass),
  column('registration_number', 'text', (d) => d.registrationNumber),
  column('registered_on', 'date', (d) => d.registeredOn),
];

const HISTORY_COLUMNS: Column<DemoHistoryEntry>[] = [
  column('id', 'uuid', (h) => h.id),
  column('enterprise_id', 'uuid', (h) => h.enterpriseId),
  column('item_kind', 'text', (h) => h.itemKind),
  column('item_id', 'uuid', (h) => h.itemId),
  column('change', 'text', (h) => h.change),
  column('actor_type', 'text', () => 'user'),
  column('actor_id', 'uuid', (h) => h.actorId),
  column('before', 'jsonb', (h) => json(h.before)),
  column('after', 'jsonb', (h) => json(h.after)),
  column('created_at', 'timestamptz', (h) => iso(h.createdAt)),
];

const enterpriseAdminColumns = (passwordHash: string): Column<DemoEnterprise>[] => [
  column('id', 'uuid', (e) => e.admin.id),
  column('email', 'text', (e) => e.admin.email),
  column('password_hash', 'text', () => passwordHash),
  column('name', 'text', (e) => e.admin.name),
  column('role', 'text', () => 'ENTERPRISE_ADMIN'),
  column('enterprise_id', 'uuid', (e) => e.id),
  column('created_at', 'timestamptz', (e) => iso(e.createdAt)),
  column('updated_at', 'timestamptz', (e) => iso(e.createdAt)),
];

type NumberedApplication = PlannedApplication & { number: string };

const APPLICATION_COLUMNS: Column<NumberedApplication>[] = [
  column('id', 'uuid', (a) => a.id),
  column('number', 'text', (a) => a.number),
  column('kind', 'text', () => 'SINGLE'),
  column('enterprise_id', 'uuid', (a) => a.enterpriseId),
  column('service_code', 'text', (a) => a.serviceCode),
  column('service_version', 'int', (a) => a.serviceVersion),
  column('status', 'text', (a) => a.status),
  column('stage', 'text', (a) => a.stage),
  column('department_code', 'text', (a) => a.departmentCode),
  column('form', 'jsonb', (a) => json(a.form)),
  column('facts', 'jsonb', (a) => json(a.facts)),
  column('supplement_notices', 'jsonb', (a) => json(a.supplementNotices)),
  column('supplement_request', 'jsonb', (a) => json(a.supplementRequest)),
  column('matching', 'jsonb', (a) => json(a.matching)),
  column('outcome_reason', 'text', (a) => a.outcomeReason),
  column('created_by', 'uuid', (a) => a.createdBy),
  column('submitted_at', 'timestamptz', (a) => iso(a.submittedAt)),
  column('decided_at', 'timestamptz', (a) => iso(a.decidedAt)),
  column('finished_at', 'timestamptz', (a) => iso(a.finishedAt)),
  column('statutory_days', 'int', (a) => a.statutoryDays),
  column('promised_days', 'int', (a) => a.promisedDays),
  column('paused_since', 'timestamptz', (a) => iso(a.pausedSince)),
  column('statutory_deadline', 'timestamptz', (a) => iso(a.sla?.statutory?.deadline)),
  column('promised_deadline', 'timestamptz', (a) => iso(a.sla?.promised.deadline)),
  column('statutory_at_risk_at', 'timestamptz', (a) => iso(a.sla?.statutory?.atRiskAt)),
  column('promised_at_risk_at', 'timestamptz', (a) => iso(a.sla?.promised.atRiskAt)),
  column(
    'deadline_provisional',
    'bool',
    (a) => !!a.sla && (!!a.sla.statutory?.provisional || a.sla.promised.provisional),
  ),
  column('statutory_state', 'text', (a) => a.sla?.statutory?.state ?? 'ON_TRACK'),
  column('promised_state', 'text', (a) => a.sla?.promised.state ?? 'ON_TRACK'),
  column('sla_state', 'text', (a) => a.sla?.state ?? 'ON_TRACK'),
  column('decision_working_days', 'int', (a) => a.decisionWorkingDays),
  column('decided_on_time', 'bool', (a) => a.decidedOnTime),
  column('rating', 'smallint', (a) => a.rating),
  column('rating_comment', 'text', (a) => a.ratingComment),
  column('rated_at', 'timestamptz', (a) => iso(a.ratedAt)),
  column('version', 'int', (a) => a.version),
  column('created_at', 'timestamptz', (a) => iso(a.createdAt)),
  column('updated_at', 'timestamptz', (a) => iso(a.updatedAt)),
];

const TASK_COLUMNS: Column<PlannedTask>[] = [
  column('id', 'uuid', (t) => t.id),
  column('kind', 'text', (t) => t.kind),
  column('application_id', 'uuid', (t) => t.applicationId),
  column('stage', 'text', (t) => t.stage),
  column('department_code', 'text', (t) => t.departmentCode),
  column('role', 'text', (t) => t.role),
  column('status', 'text', (t) => t.status),
  column('assignee_id', 'uuid', (t) => t.assigneeId),
  column('claimed_at', 'timestamptz', (t) => iso(t.claimedAt)),
  column('due_at', 'timestamptz', (t) => iso(t.dueAt)),
  column('sla_state', 'text', (t) => t.slaState),
  column('escalated_at', 'timestamptz', (t) => iso(t.escalatedAt)),
  column('completed_by', 'uuid', (t) => t.completedBy),
  column('completed_at', 'timestamptz', (t) => iso(t.completedAt)),
  column('created_at', 'timestamptz', (t) => iso(t.createdAt)),
];

const CLOCK_STOP_COLUMNS: Column<PlannedClockStop>[] = [
  column('id', 'uuid', (s) => s.id),
  column('application_id', 'uuid', (s) => s.applicationId),
  column('reason_code', 'text', () => 'SUPPLEMENT'),
  column('started_at', 'timestamptz', (s) => iso(s.startedAt)),
  column('started_by', 'uuid', (s) => s.startedBy),
];

const EVENT_COLUMNS: Column<PlannedEvent>[] = [
  column('type', 'text', (e) => e.type),
  column('enterprise_id', 'uuid', (e) => e.enterpriseId),
  column('subject_type', 'text', (e) => e.subjectType),
  column('subject_id', 'uuid', (e) => e.subjectId),
  column('actor_id', 'uuid', (e) => e.actorId),
  column('actor_type', 'text', (e) => e.actorType),
  column('data', 'jsonb', (e) => json(e.data)),
  column('occurred_at', 'timestamptz', (e) => iso(e.occurredAt)),
];

const USAGE = `Usage: npm run seed:demo -- [--enterprises N] [--applications N] [--seed S] [--reset]

Fills the database of DATABASE_URL (environment, then .env, then the default) with a demo park:
enterprises with their admins, staff for every department, and two years of applications.

  --enterprises N    enterprises to register (default 800)
  --applications N   applications to file (default 100000)
  --seed S           seed of the generator: the same seed plans the same park, dated from
                     today (default 1)
  --reset            drop and recreate the database first, then migrate and seed reference data
  --help             show this text`;

export class UsageError extends Error {}

export type SeedCommand = { help: true } | ({ help: false } & SeedDemoOptions);

const LIMITS = {
  enterprises: { min: 1, max: 100_000, fallback: 800 },
  applications: { min: 0, max: 1_000_000, fallback: 100_000 },
  seed: { min: 0, max: 4_294_967_295, fallback: 1 },
} as const;

export function parseSeedArguments(argv: readonly string[]): SeedCommand {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        enterprises: { type: 'string' },
        applications: { type: 'string' },
        seed: { type: 'string' },
        reset: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    // Node's messages go on with advice about positionals; the first sentence says it all.
    throw new UsageError((error as Error).message.split('. ')[0]);
  }
  if (values.help) return { help: true };
  const integer = (name: keyof typeof LIMITS) => {
    const { min, max, fallback } = LIMITS[name];
    const raw = values[name];
    if (raw === undefined) return fallback;
    if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max)
      throw new UsageError(`--${name} must be an integer from ${min} to ${max} (got "${raw}")`);
    return Number(raw);
  };
  return {
    help: false,
    enterprises: integer('enterprises'),
    applications: integer('applications'),
    seed: integer('seed'),
    reset: values.reset ?? false,
  };
}

/** Whether the progress bar's line still waits for its newline. */
let progressLineOpen = false;

function renderProgress({ phase, done, total, elapsedMs }: SeedProgress): void {
  const share = total === 0 ? 1 : done / total;
  const filled = Math.round(share * 20);
  process.stderr.write(
    `\r[${'#'.repeat(filled)}${'.'.repeat(20 - filled)}] ${Math.floor(share * 100)}% ` +
      `${done}/${total} ${phase} ${(elapsedMs / 1000).toFixed(1)} s`,
  );
  progressLineOpen = done !== total;
  if (!progressLineOpen) process.stderr.write('\n');
}

async function main(argv: readonly string[]): Promise<number> {
  let command: SeedCommand;
  let config: AppConfig;
  try {
    command = parseSeedArguments(argv);
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof UsageError || error instanceof ConfigError)) throw error;
    process.stderr.write(`seed-demo: ${error.message}\n`);
    return 2;
  }
  if (command.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const summary = await seedDemo(config, command, renderProgress);
  const statuses = Object.entries(summary.applicationsByStatus)
    .sort(([, a], [, b]) => b - a)
    .map(([status, count]) => `${count} ${status}`)
    .join(', ');
  process.stdout.write(
    `Seeded ${summary.database}: ${summary.enterprises} enterprises ` +
      `(${summary.products} drug products, ${summary.devices} devices), ` +
      `${summary.staffCreated} new staff accounts, ${summary.applications} applications ` +
      `(${statuses}), ${summary.liveTasks} live tasks, ${summary.events} events ` +
      `in ${(summary.elapsedMs / 1000).toFixed(1)} s\n` +
      `Sign in as mpa.officer1@parkline.local / ${DEMO_OFFICER_PASSWORD}` +
      (summary.sampleEnterpriseAdmin
        ? ` or ${summary.sampleEnterpriseAdmin} / ${DEMO_ENTERPRISE_PASSWORD}\n`
        : '\n'),
  );
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(
        `${progressLineOpen ? '\n' : ''}seed-demo: ${error instanceof Error ? error.message : error}\n`,
      );
      process.exitCode = 1;
    },
  );
}
