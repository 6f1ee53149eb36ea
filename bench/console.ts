import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Pool } from 'pg';
import type { Page, Request } from 'playwright-core';
import { loadConfig } from '../src/config/app-config';
import { DEMO_OFFICER_PASSWORD, seedDemo } from '../src/demo/seed-demo';
import { deleteQueueKeys } from '../src/queues/delete-queue-keys';
import { zhCN } from '../web/src/shared/i18n/zh-CN';
import { screenWeights, type ScreenWeight } from './bundle-report';
import { launchChromium } from './chromium';
import { spawnBenchApi } from './processes';
import { benchSecrets } from './secrets';

/**
 * The console's figures at park scale: an officer opens the workbench with the demo data's
 * applications loaded. Measured: the time from navigation until the queue is shown and "claim
 * next" can be pressed, the API round trips made one after another before that (the request
 * waterfall), and the JavaScript each screen loads. Written to bench/results/console.md.
 *
 *   npm run bench:console [-- --applications 100000]
 */
const ROOT = resolve(__dirname, '..', '..');
const RESULTS = join(ROOT, 'bench', 'results');
const DATABASE = 'parkline_bench_console';
const BULL_PREFIX = 'parkline-bench-console';
const PORT = 3904;
const RUNS = 7;

const log = (message: string) => process.stderr.write(`[bench:console] ${message}\n`);

interface TimedRequest {
  path: string;
  start: number;
  end: number;
}

/**
 * Depth of the request waterfall: a request that started after another one had finished may
 * have waited for it, so it is one round later; requests in flight together share a round.
 */
export function waterfallDepth(requests: readonly TimedRequest[]): number {
  const rounds = new Map<TimedRequest, number>();
  for (const request of [...requests].sort((a, b) => a.start - b.start)) {
    const before = [...rounds].filter(([done]) => done.end <= request.start).map(([, r]) => r);
    rounds.set(request, 1 + Math.max(0, ...before));
  }
  return Math.max(0, ...rounds.values());
}

async function busiestOfficer(databaseUrl: string): Promise<string> {
  const pool = new Pool({ connectionString: databaseUrl, max: 1 });
  try {
    const { rows } = await pool.query<{ department_code: string; open: string }>(
      `SELECT department_code, count(*) AS open FROM tasks WHERE status = 'OPEN'
        GROUP BY department_code ORDER BY count(*) DESC LIMIT 1`,
    );
    log(`department ${rows[0].department_code}: ${rows[0].open} open tasks`);
    return `${rows[0].department_code.toLowerCase()}.officer1@parkline.local`;
  } finally {
    await pool.end();
  }
}

/** Opens the workbench afresh (a reload: the session comes back from its cookie). */
async function openWorkbench(page: Page, baseUrl: string) {
  const requests: TimedRequest[] = [];
  const started = new Map<Request, number>();
  const origin = Date.now();
  const onRequest = (request: Request) => started.set(request, Date.now() - origin);
  const onFinished = (request: Request) => {
    const path = new URL(request.url()).pathname;
    const start = started.get(request);
    // Only what this navigation asked for: not the answers of the page it replaced.
    if (path.startsWith('/api/') && start !== undefined)
      requests.push({ path, start, end: Date.now() - origin });
  };
  page.on('request', onRequest);
  page.on('requestfinished', onFinished);
  await page.goto(`${baseUrl}/workbench`);
  await page.getByRole('button', { name: zhCN['officer.claimNext'] }).waitFor();
  await page.locator('.ant-table-row, .ant-list-item').first().waitFor();
  const readyMs = Date.now() - origin;
  page.off('request', onRequest);
  page.off('requestfinished', onFinished);
  const beforeReady = requests.filter((request) => request.start < readyMs);
  return { readyMs, depth: waterfallDepth(beforeReady), requests: beforeReady };
}

function report(
  applications: number,
  runs: { readyMs: number; depth: number; requests: TimedRequest[] }[],
  weights: ScreenWeight[],
): string {
  const sorted = runs.map((run) => run.readyMs).sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  // The run with the longest chain, so the table shows what made it long.
  const deepest = runs.reduce((a, b) => (b.depth > a.depth ? b : a));
  const kB = (bytes: number) => (bytes / 1024).toFixed(1);
  return [
    '# Console at park scale',
    '',
    `${new Date().toISOString()}, ${applications} demo applications, headless chromium on this machine.`,
    '',
    '| figure | value | target |',
    '| --- | ---: | ---: |',
    `| workbench interactive after navigation, median of ${runs.length} | ${median} ms | ≤ 2000 ms |`,
    `| workbench interactive, slowest | ${sorted.at(-1)} ms | |`,
    `| API round trips one after another before the queue shows, most of any run | ${Math.max(...runs.map((r) => r.depth))} | ≤ 2 |`,
    `| first screen's JavaScript (sign-in), gzip | ${kB(weights.find((w) => w.screen === 'public/login/LoginPage.tsx')!.gzipBytes)} kB | ≤ 400 kB |`,
    '',
    'API requests of the run with the longest chain, before the queue showed (ms from navigation):',
    '',
    '| request | start | end |',
    '| --- | ---: | ---: |',
    ...deepest.requests.map((r) => `| ${r.path} | ${r.start} | ${r.end} |`),
    '',
    'JavaScript loaded when each screen is opened first (gzip, the shared entry included):',
    '',
    '| screen | kB |',
    '| --- | ---: |',
    ...weights.map((w) => `| ${w.screen} | ${kB(w.gzipBytes)} |`),
    '',
  ].join('\n');
}

async function main(argv: string[]): Promise<void> {
  const flag = argv.indexOf('--applications');
  const applications = flag >= 0 ? Number(argv[flag + 1]) : 100_000;
  const databaseUrl = new URL(loadConfig().DATABASE_URL);
  databaseUrl.pathname = `/${DATABASE}`;
  const secrets = benchSecrets();
  const config = loadConfig({ ...process.env, ...secrets, DATABASE_URL: databaseUrl.toString() });
  log(`seeding ${DATABASE} with ${applications} applications`);
  await seedDemo(config, {
    enterprises: Math.ceil(applications / 50),
    applications,
    seed: 1,
    reset: true,
  });
  await deleteQueueKeys(config.REDIS_URL, BULL_PREFIX);
  const baseUrl = `http://127.0.0.1:${PORT}`;
  const api = spawnBenchApi(
    'console-api',
    ROOT,
    { port: PORT, databaseUrl: config.DATABASE_URL, bullPrefix: BULL_PREFIX, secrets },
    { PUBLIC_BASE_URL: baseUrl },
  );
  const browser = await launchChromium();
  try {
    await api.waitUntilReady(`${baseUrl}/health/ready`);
    const email = await busiestOfficer(config.DATABASE_URL);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel(zhCN['login.email']).fill(email);
    await page.getByLabel(zhCN['login.password']).fill(DEMO_OFFICER_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL(/\/workbench/);
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await openWorkbench(page, baseUrl));
    const weights = screenWeights(join(ROOT, 'web', 'dist'));
    const text = report(applications, runs, weights);
    writeFileSync(join(RESULTS, 'console.md'), text);
    process.stdout.write(text);
  } finally {
    await browser.close();
    await api.stop();
    await deleteQueueKeys(config.REDIS_URL, BULL_PREFIX);
  }
}

if (require.main === module)
  main(process.argv.slice(2)).catch((error) => {
    process.stderr.write(`${(error as Error).stack ?? error}\n`);
    process.exit(1);
  });
