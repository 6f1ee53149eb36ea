import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Pool } from 'pg';
import { loadConfig } from '../src/config/app-config';
import { DEMO_ENTERPRISE_PASSWORD, DEMO_OFFICER_PASSWORD, seedDemo } from '../src/demo/seed-demo';
import { deleteQueueKeys } from '../src/queues/delete-queue-keys';
import { WaitSampler } from './database';
import { drive, LoadFigures, round } from './load';
import { BenchOptions, parseBenchArguments, USAGE, UsageError } from './options';
import { writePlans } from './plans';
import { BenchProcess, CpuMeter } from './processes';
import { ProfiledProcess, profilingArguments, writeProfileSummary } from './profile';
import {
  BenchReport,
  Figure,
  figureLine,
  machineFacts,
  ScenarioLoad,
  versions,
  writeReport,
} from './report';
import { benchSecrets } from './secrets';
import { perUnit, probeRoundTrips, RoundTripMeter, RoundTripRow, RoundTrips } from './round-trips';
import {
  Api,
  fileApplications,
  FilingFigures,
  filingSteps,
  measureReads,
  measureTransitions,
  copyBacklog,
  prepareFiling,
  ReadFigures,
  readSubjects,
  TransitionFigures,
  UPLOAD_BYTES,
} from './scenarios';

const ROOT = resolve(__dirname, '..', '..');
const RESULTS = join(ROOT, 'bench', 'results');
const BENCH_DATABASE = 'parkline_bench';
const BULL_PREFIX = 'parkline-bench';
const PORTS = { baseline: 3901, api: 3902, worker: 3903 };
const FILERS = 50;
const APPLICATIONS_PER_ENTERPRISE = 50;
const SEED_CHUNK = 250_000;

type Reads = Record<'worklist' | 'nextTask' | 'applications' | 'statsOverview', ReadFigures>;

const startedAt = Date.now();

function log(message: string): void {
  const elapsed = ((Date.now() - startedAt) / 1000).toFixed(0).padStart(4);
  process.stderr.write(`[bench ${elapsed} s] ${message}\n`);
}

async function run(options: BenchOptions): Promise<BenchReport> {
  const started = Date.now();
  const databaseUrl = new URL(loadConfig().DATABASE_URL);
  databaseUrl.pathname = `/${BENCH_DATABASE}`;
  const secrets = benchSecrets();
  const config = loadConfig({ ...process.env, ...secrets, DATABASE_URL: databaseUrl.toString() });
  const logDir = join(RESULTS, 'logs');
  mkdirSync(logDir, { recursive: true });
  const profileDir = join(RESULTS, 'profiles');
  if (options.profile) rmSync(profileDir, { recursive: true, force: true });

  log(`seeding a fresh ${BENCH_DATABASE} with ${options.smallScale} applications`);
  await seedDemo(config, {
    enterprises: Math.max(FILERS * 2, Math.ceil(options.smallScale / APPLICATIONS_PER_ENTERPRISE)),
    applications: options.smallScale,
    seed: 1,
    reset: true,
  });
  await deleteQueueKeys(config.REDIS_URL, BULL_PREFIX);

  const pool = new Pool({
    connectionString: config.DATABASE_URL,
    max: 3,
    application_name: 'parkline-bench',
  });
  const env = (role: string, port: number) => ({
    ...secrets,
    APP_ROLE: role,
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: config.DATABASE_URL,
    DATABASE_POOL_SIZE: String(config.DATABASE_POOL_SIZE),
    REDIS_URL: config.REDIS_URL,
    BULL_PREFIX,
    RATE_LIMIT_ENABLED: 'false',
    LOG_LEVEL: options.logLevel,
    // The heap bounds the Dockerfile's command sets.
    NODE_OPTIONS: '--max-old-space-size=256 --max-semi-space-size=16',
    STORAGE_DIR: join(RESULTS, 'storage'),
  });
  const processes: BenchProcess[] = [];
  const profiled: ProfiledProcess[] = [];
  const spawn = async (name: string, script: string, role: string, port: number, ready: string) => {
    const profile = options.profile && name !== 'baseline' ? join(profileDir, name) : null;
    const child = BenchProcess.spawn(
      name,
      join(ROOT, 'dist', script),
      env(role, port),
      logDir,
      profile ? profilingArguments(profile) : [],
    );
    processes.push(child);
    if (profile) profiled.push({ name, pid: child.pid, directory: profile, loads: [] });
    await child.waitUntilReady(`http://127.0.0.1:${port}${ready}`);
    return child;
  };

  const meter = new CpuMeter(() => processes);
  const waits = new WaitSampler(pool, BENCH_DATABASE);
  const loads: ScenarioLoad[] = [];
  const measured = async <T>(scenario: string, work: () => Promise<T>): Promise<T> => {
    log(scenario);
    meter.start();
    waits.start();
    const result = await work();
    const cpu = meter.stop();
    loads.push({ scenario, cpu, database: waits.stop() });
    for (const child of processes.filter(({ running }) => running))
      profiled
        .find(({ pid }) => pid === child.pid)
        ?.loads.push({ scenario, cpu: cpu[child.name] ?? 0 });
    return result;
  };

  try {
    const [{ server_version: postgresVersion }] = (await pool.query('SHOW server_version')).rows;
    log('starting the baseline server and the api');
    await spawn('baseline', 'bench/baseline-server.js', 'api', PORTS.baseline, '/hello');
    const api = await spawn('api', 'src/main.js', 'api', PORTS.api, '/health/ready');
    const apiUrl = `http://127.0.0.1:${PORTS.api}`;
    const baselineUrl = `http://127.0.0.1:${PORTS.baseline}`;
    const client = new Api(apiUrl);
    const load = { connections: options.connections, durationS: options.durationS };

    // The reads come first, on the seeded park alone; the worker runs beside them as in
    // production, and stops (its outbox drained) so the filings queue up for the transitions.
    const startWorker = () =>
      spawn('worker', 'src/worker.js', 'worker', PORTS.worker, '/health/ready');
    let worker = await startWorker();
    const passwords = {
      officer: DEMO_OFFICER_PASSWORD,
      enterprise: DEMO_ENTERPRISE_PASSWORD,
      admin: { email: config.ADMIN_EMAIL, password: config.ADMIN_PASSWORD },
    };
    const readLoad = {
      connections: options.readConnections,
      durationS: options.durationS,
      warmupS: options.warmupS,
    };
    const small = await measured(SCENARIOS.reads(options.smallScale), async () =>
      measureReads(
        apiUrl,
        await readSubjects(client, pool, passwords, options.readConnections),
        readLoad,
      ),
    );

    await waitUntilOutboxDrained(pool);
    await worker.stop();

    log('signing in the filing enterprises and filling their libraries');
    const plan = await prepareFiling(client, pool, DEMO_ENTERPRISE_PASSWORD, FILERS);

    const apiMeter = new RoundTripMeter('api', apiUrl, secrets.METRICS_TOKEN);
    const scrapeCost = await apiMeter.learnScrapeCost();
    log(
      `counting the round trips of one filing (a scrape of /metrics: ${JSON.stringify(scrapeCost)})`,
    );
    const roundTrips: RoundTripRow[] = await probeRoundTrips(
      apiUrl,
      apiMeter,
      filingSteps(plan),
      'a whole filing',
    );
    // The minimal submit stores the same form, padded to at least 1 KB.
    const idealForm = { ...plan.form, padding: 'x'.repeat(Math.max(0, 1024 - plan.formBytes)) };
    const hello = await measured('baseline: hello world', async () => {
      await drive({ url: baselineUrl, ...load, durationS: options.warmupS, steps: [helloStep] });
      return drive({ url: baselineUrl, ...load, steps: [helloStep] });
    });
    const idealSteps = [
      {
        name: 'ideal submit',
        method: 'POST' as const,
        build: () => ({
          path: '/ideal-submit',
          body: { enterpriseId: plan.filers[0].enterpriseId, form: idealForm },
        }),
      },
    ];
    const ideal = await measured('baseline: ideal minimal submit', async () => {
      await drive({ url: baselineUrl, ...load, durationS: options.warmupS, steps: idealSteps });
      return drive({ url: baselineUrl, ...load, steps: idealSteps });
    });

    const [{ now: filedSince }] = (await pool.query<{ now: Date }>('SELECT now()')).rows;
    await fileApplications(apiUrl, plan, {
      connections: options.connections,
      durationS: options.warmupS,
    });
    api.resetPeakRss();
    // Read when the requests in flight are done, outside the load's CPU window.
    const apiBeforeFiling = await apiMeter.readWhenSettled();
    const filing = await measured(SCENARIOS.filing, () =>
      // A filing is eight requests one after another: the run must outlast several of them.
      fileApplications(apiUrl, plan, { ...load, durationS: Math.max(load.durationS, 12) }),
    );
    roundTrips.push(
      perUnit(
        'filing request (mean over the filing load)',
        apiMeter,
        apiBeforeFiling,
        await apiMeter.readWhenSettled(),
      ),
    );
    const apiPeakRssMb = round(api.peakRssMb(), 1);

    // Enough submitted applications to keep the worker busy for the whole window even at
    // 1.5 times the target rate (two automated transitions each).
    const backlogTarget = Math.ceil((options.transitionWindowS * 0.6 * ideal.rps) / 2);
    const copied = await copyBacklog(pool, filedSince, backlogTarget);
    log(`backlog grown by ${copied} copies of the filed applications`);
    // A worker's scrape costs what the api's does: the same metrics of the same queues.
    const workerMeter = new RoundTripMeter(
      'worker',
      `http://127.0.0.1:${PORTS.worker}`,
      secrets.METRICS_TOKEN,
      scrapeCost,
    );
    const workerStarted: { at?: RoundTrips } = {};
    const transitions = await measured(SCENARIOS.transitions, () =>
      measureTransitions(
        pool,
        filedSince,
        async () => {
          worker = await startWorker();
          workerStarted.at = await workerMeter.read();
        },
        options.transitionWindowS,
      ),
    );
    roundTrips.push(
      perUnit(
        'automated stage transition (mean over the transition load)',
        workerMeter,
        workerStarted.at!,
        await workerMeter.read(),
        { count: transitions.allTransitions, of: 'transitions since the worker was ready' },
      ),
    );
    const workerPeakRssMb = round(worker.peakRssMb(), 1);

    let large: Reads | null = null;
    if (options.largeScale) {
      const current = Number(
        (await pool.query('SELECT count(*) AS n FROM applications')).rows[0].n,
      );
      for (let total = current; total < options.largeScale;) {
        const chunk = Math.min(SEED_CHUNK, options.largeScale - total);
        log(`seeding ${chunk} more applications (${total} so far)`);
        await seedDemo(config, {
          enterprises: Math.ceil(chunk / APPLICATIONS_PER_ENTERPRISE),
          applications: chunk,
          seed: total,
        });
        total += chunk;
      }
      large = await measured(SCENARIOS.reads(options.largeScale), async () =>
        measureReads(
          apiUrl,
          await readSubjects(client, pool, passwords, options.readConnections),
          readLoad,
        ),
      );
      log('explaining the hot queries into bench/plans.md');
      await writePlans(pool, join(ROOT, 'bench', 'plans.md'), options.largeScale);
    }

    const [redisVersion] = (await redisServerVersion(config.REDIS_URL)) ?? ['unknown'];
    const report: BenchReport = {
      date: new Date().toISOString(),
      durationS: Math.round((Date.now() - started) / 1000),
      machine: machineFacts(),
      versions: versions(ROOT, postgresVersion, redisVersion),
      options: {
        ...options,
        poolSize: config.DATABASE_POOL_SIZE,
        filingService: 'SPECIAL_ARTICLE_ENTRY',
      },
      figures: figures(options, {
        hello,
        ideal,
        filing,
        transitions,
        apiPeakRssMb,
        workerPeakRssMb,
        small,
        large,
      }),
      loads,
      roundTrips,
      details: {
        filing: {
          ...filing,
          formBytes: plan.formBytes,
          materials: plan.materials,
          uploadBytes: UPLOAD_BYTES,
          enterprises: FILERS,
        },
        transitions,
        reads: { [options.smallScale]: small, ...(large ? { [options.largeScale!]: large } : {}) },
      },
    };
    // A profile is written when its process exits.
    await Promise.all(processes.map((child) => child.stop()));
    if (options.profile) {
      writeProfileSummary(join(profileDir, 'summary.md'), profiled, ROOT);
      log('wrote bench/results/profiles/summary.md');
    }
    return report;
  } finally {
    await Promise.all(processes.map((child) => child.stop()));
    await pool.end();
  }
}

/** Waits (at most a minute) until the relay has handed every outbox row to Bull. */
async function waitUntilOutboxDrained(pool: Pool): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const { rows } = await pool.query<{ n: string }>(
      'SELECT count(*) AS n FROM outbox WHERE sent_at IS NULL',
    );
    if (rows[0].n === '0') return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const SCENARIOS = {
  filing: 'filing (worker stopped: submissions queue up)',
  transitions: 'stage transitions (worker on the backlog)',
  reads: (applications: number) => `reads at ${applications} applications`,
};

const helloStep = { name: 'hello', method: 'GET' as const, build: () => ({ path: '/hello' }) };

async function redisServerVersion(url: string): Promise<[string] | null> {
  const { default: Redis } = await import('ioredis');
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    const info = await redis.info('server');
    const match = /redis_version:(\S+)/.exec(info);
    return match ? [match[1]] : null;
  } finally {
    redis.disconnect();
  }
}

interface Measured {
  hello: LoadFigures;
  ideal: LoadFigures;
  filing: FilingFigures;
  transitions: TransitionFigures;
  apiPeakRssMb: number;
  workerPeakRssMb: number;
  small: Reads;
  large: Reads | null;
}

const ratio = (value: number | null, base: number | null) =>
  value === null || base === null || base === 0 ? null : round(value / base, 3);

function atLeast(value: number, required: number, text: string): Figure['target'] {
  return {
    text,
    met: value >= required,
    shortfall: `${round(required / Math.max(value, 0.001), 1)}× the measured value is needed`,
  };
}

function atMost(value: number | null, limit: number, text: string): Figure['target'] {
  if (value === null) return { text, met: null };
  return { text, met: value <= limit, shortfall: `${round(value / limit, 2)}× the limit` };
}

function figures(options: BenchOptions, m: Measured): Figure[] {
  const idealRps = m.ideal.rps;
  const smallLabel = `${options.smallScale / 1000}k`;
  const largeLabel = options.largeScale ? `${options.largeScale / 1_000_000}M` : '1M';
  const list: Figure[] = [
    {
      key: 'baseline.hello.rps',
      label: 'hello world GET (baseline)',
      value: m.hello.rps,
      unit: 'req/s',
    },
    {
      key: 'baseline.idealSubmit.rps',
      label: 'ideal minimal submit (baseline)',
      value: idealRps,
      unit: 'req/s',
      ratio: { of: 'hello world', value: ratio(idealRps, m.hello.rps) },
    },
    {
      key: 'filing.rps',
      label: `filing requests (create with form, attach from library or upload, submit), ${options.connections} connections`,
      value: m.filing.rps,
      unit: 'req/s',
      ratio: { of: 'ideal submit', value: ratio(m.filing.rps, idealRps) },
      target: atLeast(m.filing.rps, 0.3 * idealRps, '≥ 0.3 × ideal submit'),
      load: SCENARIOS.filing,
    },
    {
      key: 'filing.filingsPerSecond',
      label: `complete filings (${m.filing.requestsPerFiling} requests each)`,
      value: m.filing.filingsPerSecond,
      unit: 'filings/s',
      ratio: { of: 'ideal submit', value: ratio(m.filing.filingsPerSecond, idealRps) },
    },
    {
      key: 'transitions.perSecond',
      label: `automated stage transitions through Bull, over ${m.transitions.windowS} s${m.transitions.drained ? ' (backlog drained)' : ''}`,
      value: m.transitions.transitionsPerSecond,
      unit: '/s',
      ratio: { of: 'ideal submit', value: ratio(m.transitions.transitionsPerSecond, idealRps) },
      target: atLeast(m.transitions.transitionsPerSecond, 0.3 * idealRps, '≥ 0.3 × ideal submit'),
      load: SCENARIOS.transitions,
    },
  ];
  const reads: [keyof Reads, string, string][] = [
    ['worklist', 'worklist', "a department's open tasks (GET /tasks)"],
    ['nextTask', 'nextTask', 'POST /tasks/next'],
    [
      'applications',
      'applications',
      "an enterprise's applications by status (GET /applications?status=)",
    ],
  ];
  for (const [field, key, label] of reads) {
    const small = m.small[field];
    const large = m.large?.[field] ?? null;
    list.push(
      {
        key: `${key}.${smallLabel}.p50`,
        label: `${label}, p50 at ${smallLabel}`,
        value: small.p50Ms,
        unit: 'ms',
      },
      {
        key: `${key}.${smallLabel}.p99`,
        label: `${label}, p99 at ${smallLabel}`,
        value: small.p99Ms,
        unit: 'ms',
      },
      {
        key: `${key}.${largeLabel}.p50`,
        label: `${label}, p50 at ${largeLabel}`,
        value: large?.p50Ms ?? null,
        unit: 'ms',
      },
      {
        key: `${key}.${largeLabel}.p99`,
        label: `${label}, p99 at ${largeLabel}`,
        value: large?.p99Ms ?? null,
        unit: 'ms',
        ratio: { of: `p99 at ${smallLabel}`, value: ratio(large?.p99Ms ?? null, small.p99Ms) },
        target: atMost(
          large?.p99Ms ?? null,
          Math.min(1.5 * small.p99Ms, 50),
          `≤ 1.5 × p99 at ${smallLabel} and ≤ 50 ms`,
        ),
        load: SCENARIOS.reads(options.largeScale ?? 0),
      },
    );
  }
  list.push(
    {
      key: `statsOverview.${smallLabel}.p99`,
      label: `GET /stats/overview, p99 at ${smallLabel}`,
      value: m.small.statsOverview.p99Ms,
      unit: 'ms',
    },
    {
      key: `statsOverview.${largeLabel}.p99`,
      label: `GET /stats/overview, p99 at ${largeLabel}`,
      value: m.large?.statsOverview.p99Ms ?? null,
      unit: 'ms',
      target: atMost(m.large?.statsOverview.p99Ms ?? null, 100, '≤ 100 ms'),
      load: SCENARIOS.reads(options.largeScale ?? 0),
    },
    {
      key: 'rss.api.peak',
      label: 'api process peak RSS under the filing load',
      value: m.apiPeakRssMb,
      unit: 'MB',
      target: atMost(m.apiPeakRssMb, 300, '≤ 300 MB'),
      load: SCENARIOS.filing,
    },
    {
      key: 'rss.worker.peak',
      label: 'worker process peak RSS under the transition load',
      value: m.workerPeakRssMb,
      unit: 'MB',
    },
  );
  return list;
}

async function main(argv: readonly string[]): Promise<number> {
  let options: BenchOptions | 'help';
  try {
    options = parseBenchArguments(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`bench: ${error.message}\n${USAGE}\n`);
    return 2;
  }
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const report = await run(options);
  writeReport(RESULTS, report);
  for (const figure of report.figures) process.stdout.write(`${figureLine(figure)}\n`);
  log(`wrote bench/results/latest.md and latest.json in ${report.durationS} s`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(`bench failed: ${error.stack ?? error.message}\n`);
    process.exit(1);
  },
);
