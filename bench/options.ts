import { parseArgs } from 'node:util';

export interface BenchOptions {
  quick: boolean;
  /** Seconds each measured load runs, and of the unmeasured warm-up before it. */
  durationS: number;
  warmupS: number;
  /** Applications at the small and the large scale; the large one is skipped in quick mode. */
  smallScale: number;
  largeScale: number | null;
  /** Seconds over which stage transitions are counted. */
  transitionWindowS: number;
  /** Connections of the filing scenario and the baselines. */
  connections: number;
  /** Connections of the worklist, next-task, application-list and statistics scenarios. */
  readConnections: number;
  logLevel: string;
  /** CPU-profile the api and worker processes. */
  profile: boolean;
}

export const USAGE = `Usage: npm run bench -- [options]

Starts the platform on a fresh database (parkline_bench), seeds it, loads it with autocannon
and writes bench/results/latest.md and latest.json.

  --quick                   10k applications only, short runs (under two minutes)
  --duration <seconds>      length of each measured load (default 20; quick 6)
  --scale <applications>    the large scale (default 1000000)
  --small-scale <n>         the small scale (default 10000)
  --transition-window <s>   seconds over which stage transitions are counted (default 60; quick 10)
  --connections <n>         connections of the filing load and the baselines (default 100)
  --read-connections <n>    connections of the list and statistics loads (default 20)
  --log-level <level>       LOG_LEVEL of the platform's processes (default warn)
  --profile                 CPU-profile the api and the worker (node --cpu-prof) into
                            bench/results/profiles/ and sum them up in profiles/summary.md
                            (profiling slows them a little)
  -h, --help                this text`;

export class UsageError extends Error {}

export function parseBenchArguments(argv: readonly string[]): BenchOptions | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        quick: { type: 'boolean' },
        duration: { type: 'string' },
        scale: { type: 'string' },
        'small-scale': { type: 'string' },
        'transition-window': { type: 'string' },
        connections: { type: 'string' },
        'read-connections': { type: 'string' },
        'log-level': { type: 'string' },
        profile: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message.split('. ')[0]);
  }
  if (values.help) return 'help';
  const quick = values.quick ?? false;
  const integer = (name: keyof typeof values, fallback: number, min: number, max: number) => {
    const raw = values[name];
    if (raw === undefined) return fallback;
    if (typeof raw !== 'string' || !/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max)
      throw new UsageError(
        `--${name} must be an integer from ${min} to ${max} (got "${String(raw)}")`,
      );
    return Number(raw);
  };
  const smallScale = integer('small-scale', 10_000, 1_000, 1_000_000);
  const largeScale = integer('scale', 1_000_000, smallScale, 5_000_000);
  return {
    quick,
    durationS: integer('duration', quick ? 6 : 20, 1, 600),
    warmupS: quick ? 1 : 3,
    smallScale,
    largeScale: quick ? null : largeScale,
    transitionWindowS: integer('transition-window', quick ? 10 : 60, 5, 600),
    connections: integer('connections', 100, 1, 1000),
    readConnections: integer('read-connections', 20, 1, 1000),
    logLevel: values['log-level'] ?? 'warn',
    profile: values.profile ?? false,
  };
}
