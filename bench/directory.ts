import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { Pool } from 'pg';
import { loadConfig } from '../src/config/app-config';
import { DEMO_OFFICER_PASSWORD, seedDemo } from '../src/demo/seed-demo';
import { ZONE_CODES } from '../src/park-plan/park-zones';
import { CHAIN_SEGMENTS } from '../src/enterprises/enterprise.entity';
import { DEVICE_CLASSES, PRODUCT_STAGES } from '../src/pipeline/pipeline-item';
import { deleteQueueKeys } from '../src/queues/delete-queue-keys';
import type { Step } from './load';
import { spawnBenchApi } from './processes';
import { Api, ReadFigures, readLoad } from './scenarios';
import { benchSecrets } from './secrets';

/**
 * The industry directory at the scale of the target: 10,000 enterprises with 50,000 drug
 * products (the demo park's pipelines, topped up with more candidates of its drug developers)
 * and their devices. Each read is driven by one connection, then by 20, for 10 s after a
 * warm-up; its p50 and p99 go to bench/results/directory.md, against the target of 50 ms at
 * p99. The counts are cached per api process for STATS_CACHE_MS (5 s), as in production.
 *
 *   npm run bench:directory [-- --enterprises 10000 --products 50000]
 */
const ROOT = resolve(__dirname, '..', '..');
const RESULTS = join(ROOT, 'bench', 'results');
const DATABASE = 'parkline_bench_directory';
const BULL_PREFIX = 'parkline-bench-directory';
const PORT = 3905;
const TARGET_P99_MS = 50;
/** One client alone (the time a request takes), then twenty at once (as the other reads). */
const LOADS = [
  { connections: 1, durationS: 10, warmupS: 2 },
  { connections: 20, durationS: 10, warmupS: 2 },
] as const;

const log = (message: string) => process.stderr.write(`[bench:directory] ${message}\n`);

const argument = (argv: string[], name: string, fallback: number) => {
  const flag = argv.indexOf(`--${name}`);
  return flag >= 0 ? Number(argv[flag + 1]) : fallback;
};

/** More candidates of the drug developers, spread over them and over the stages. */
async function topUpProducts(pool: Pool, products: number): Promise<number> {
  const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM pipeline_products');
  const missing = products - Number(rows[0].n);
  if (missing <= 0) return Number(rows[0].n);
  await pool.query(
    `WITH developers AS (
       SELECT id, verified_at, created_at, row_number() OVER (ORDER BY id) - 1 AS i
       FROM enterprises WHERE sector IN ('ANTIBODY_PROTEIN', 'CELL_GENE_THERAPY', 'SMALL_MOLECULE', 'VACCINE')
     ), total AS (SELECT count(*) AS n FROM developers)
     INSERT INTO pipeline_products (enterprise_id, name, stage, approved_on, verification, created_at)
     SELECT d.id, 'QT-' || (1000 + g) || ' 注射液', s.stage,
            CASE WHEN s.stage = 'APPROVED' THEN current_date - (g % 1000) END,
            CASE WHEN d.verified_at IS NOT NULL AND g % 5 <> 0 THEN 'VERIFIED' ELSE 'PENDING' END,
            d.created_at + (g % 300) * interval '1 day'
     FROM generate_series(0, $1 - 1) g
     CROSS JOIN total
     JOIN developers d ON d.i = g % total.n
     CROSS JOIN LATERAL (SELECT ($2::text[])[1 + (g * 7919) % array_length($2::text[], 1)] AS stage) s`,
    [missing, PRODUCT_STAGES],
  );
  await pool.query('ANALYZE pipeline_products');
  return products;
}

function report(
  scale: { enterprises: number; products: number; devices: number },
  figures: { read: string; connections: number; figures: ReadFigures }[],
  load: string,
): string {
  return [
    '# Industry directory at park scale',
    '',
    `${new Date().toISOString()}, ${scale.enterprises} enterprises, ${scale.products} drug products, ` +
      `${scale.devices} devices; each read for ${LOADS[0].durationS} s after ${LOADS[0].warmupS} s ` +
      `of warm-up, by 1 and by 20 connections; api and PostgreSQL on this machine (load average ` +
      `before the run: ${load}).`,
    '',
    `| read | connections | requests/s | p50 | p99 | target p99 | failures |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...figures.map(
      ({ read, connections, figures: f }) =>
        `| ${read} | ${connections} | ${f.rps} | ${f.p50Ms} ms | ${f.p99Ms} ms | ≤ ${TARGET_P99_MS} ms | ${f.failures} |`,
    ),
    '',
    'The aggregates read the rollup (`industry_rollup`) that statement triggers keep on',
    'enterprises and their pipelines: a few hundred cells, whatever the number of enterprises',
    '(about 1.5 ms in PostgreSQL at this scale), cached per api process for `STATS_CACHE_MS`.',
    'The list walks `enterprises_created_idx` (or the segment and zone indexes) newest first and',
    'probes the pipeline indexes per enterprise until a page is full (under 1 ms in PostgreSQL).',
    'With twenty connections on this machine, requests queue for its cores: compare the two rows.',
    '',
  ].join('\n');
}

async function main(argv: string[]): Promise<void> {
  const enterprises = argument(argv, 'enterprises', 10_000);
  const products = argument(argv, 'products', 50_000);
  const databaseUrl = new URL(loadConfig().DATABASE_URL);
  databaseUrl.pathname = `/${DATABASE}`;
  const secrets = benchSecrets();
  const config = loadConfig({ ...process.env, ...secrets, DATABASE_URL: databaseUrl.toString() });
  log(`seeding ${DATABASE} with ${enterprises} enterprises`);
  await seedDemo(config, { enterprises, applications: 1000, seed: 1, reset: true });
  const pool = new Pool({ connectionString: config.DATABASE_URL, max: 1 });
  const scale = { enterprises, products: await topUpProducts(pool, products), devices: 0 };
  scale.devices = Number(
    (await pool.query<{ n: string }>('SELECT count(*) AS n FROM pipeline_devices')).rows[0].n,
  );
  await pool.end();
  await deleteQueueKeys(config.REDIS_URL, BULL_PREFIX);
  const apiUrl = `http://127.0.0.1:${PORT}`;
  const api = spawnBenchApi(
    'directory-api',
    ROOT,
    { port: PORT, databaseUrl: config.DATABASE_URL, bullPrefix: BULL_PREFIX, secrets },
    { APP_ROLE: 'api', NODE_OPTIONS: '--max-old-space-size=256 --max-semi-space-size=16' },
  );
  try {
    await api.waitUntilReady(`${apiUrl}/health/ready`);
    const token = await new Api(apiUrl).login('mpa.officer1@parkline.local', DEMO_OFFICER_PASSWORD);
    const officer = { authorization: `Bearer ${token}` };
    let n = 0;
    const rotate = <T>(values: readonly T[]) => values[n++ % values.length];
    const read = (
      name: string,
      path: () => string,
      headers: Record<string, string> = officer,
    ): [string, Step[]] => [
      name,
      [{ name, method: 'GET', build: () => ({ path: path(), headers }) }],
    ];
    const reads = [
      read('directory, first page', () => '/api/v1/directory/enterprises?limit=20'),
      read(
        'directory by zone and product stage',
        () =>
          `/api/v1/directory/enterprises?zone=${rotate(ZONE_CODES)}&stage=${rotate(PRODUCT_STAGES)}&limit=20`,
      ),
      read(
        'directory by segment and device class',
        () =>
          `/api/v1/directory/enterprises?segment=${rotate(CHAIN_SEGMENTS)}&deviceClass=${rotate(DEVICE_CLASSES)}&limit=20`,
      ),
      read(
        'directory by name',
        () =>
          `/api/v1/directory/enterprises?q=${encodeURIComponent(rotate(['杭州康', '细胞', '医疗器械', 'Bio']))}`,
      ),
      read('aggregates, whole park', () => '/api/v1/directory/aggregates'),
      read('aggregates by zone', () => `/api/v1/directory/aggregates?zone=${rotate(ZONE_CODES)}`),
      read('public map (no credentials)', () => '/api/v1/directory/public', {}),
    ];
    const figures: { read: string; connections: number; figures: ReadFigures }[] = [];
    const load = loadavg()
      .map((value) => value.toFixed(2))
      .join(', ');
    for (const [read, steps] of reads) {
      for (const options of LOADS) {
        log(`${read}, ${options.connections} connections`);
        figures.push({
          read,
          connections: options.connections,
          figures: await readLoad(apiUrl, options, steps, read),
        });
      }
    }
    const text = report(scale, figures, load);
    writeFileSync(join(RESULTS, 'directory.md'), text);
    process.stdout.write(text);
  } finally {
    await api.stop();
    await deleteQueueKeys(config.REDIS_URL, BULL_PREFIX);
  }
}

if (require.main === module)
  main(process.argv.slice(2)).catch((error) => {
    process.stderr.write(`${(error as Error).stack ?? error}\n`);
    process.exit(1);
  });
