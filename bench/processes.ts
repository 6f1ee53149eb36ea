import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const CLOCK_TICKS_PER_SECOND = 100;

/** A process the bench starts and watches: its output goes to a log file, its /proc is read. */
export class BenchProcess {
  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
    private readonly exited: Promise<number | null>,
  ) {}

  static spawn(
    name: string,
    script: string,
    env: Record<string, string>,
    logDir: string,
    nodeArguments: string[] = [],
  ): BenchProcess {
    const log = createWriteStream(join(logDir, `${name}.log`));
    const child = spawn(process.execPath, [...nodeArguments, script], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.pipe(log);
    child.stderr!.pipe(log);
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    return new BenchProcess(name, child, exited);
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Waits until the URL answers 2xx; fails fast when the process dies first. */
  async waitUntilReady(url: string, timeoutMs = 120_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let dead = false;
    void this.exited.then(() => (dead = true));
    while (Date.now() < deadline && !dead) {
      const ok = await fetch(url).then(
        (response) => response.ok,
        () => false,
      );
      if (ok) return;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(
      `${this.name} did not become ready at ${url} (see its log in bench/results/logs)`,
    );
  }

  /** Peak resident set since start (or since the last resetPeakRss), in MB. */
  peakRssMb(): number {
    return statusKb(this.pid, 'VmHWM') / 1024;
  }

  rssMb(): number {
    return statusKb(this.pid, 'VmRSS') / 1024;
  }

  /** Lets the next peakRssMb cover only what follows (Linux: clear_refs 5). */
  resetPeakRss(): void {
    try {
      writeFileSync(`/proc/${this.pid}/clear_refs`, '5');
    } catch {
      // Without permission the peak covers the whole life of the process; still an upper bound.
    }
  }

  cpuSeconds(): number {
    return cpuSecondsOf(this.pid);
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Shuts the process down as an orchestrator would, and waits until it has exited. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.child.kill('SIGTERM');
    // Long enough for a profiled process to write the profile of a full run.
    const timeout = setTimeout(() => this.child.kill('SIGKILL'), 60_000);
    await this.exited;
    clearTimeout(timeout);
  }
}

function statusKb(pid: number, field: string): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith(`${field}:`));
  return line ? Number(line.split(/\s+/)[1]) : 0;
}

/** CPU of the process; with `reapedChildren`, also of the children it has waited for. */
function cpuSecondsOf(pid: number, reapedChildren = false): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): utime, stime, cutime and cstime
    // are the 14th to 17th.
    const fields = stat
      .slice(stat.lastIndexOf(')') + 2)
      .split(' ')
      .map(Number);
    const own = fields[11] + fields[12];
    return (reapedChildren ? own + fields[13] + fields[14] : own) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return 0; // the process ended between listing and reading
  }
}

/**
 * CPU seconds of every process whose command is one of the names (PostgreSQL backends, Redis),
 * counting ended backends through the CPU their parent (the postmaster) has reaped.
 */
export function cpuSecondsOfCommands(commands: readonly string[]): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const comm = readFileSync(`/proc/${entry}/comm`, 'utf8').trim();
      if (commands.some((command) => comm.startsWith(command)))
        total += cpuSecondsOf(Number(entry), true);
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

/** Whole-machine CPU: busy and total jiffies from /proc/stat. */
export function machineCpu(): { busy: number; total: number } {
  const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const numbers = values.map(Number);
  const idle = numbers[3] + (numbers[4] ?? 0);
  const total = numbers.reduce((sum, value) => sum + value, 0);
  return { busy: total - idle, total };
}

export interface CpuShares {
  /** Per process, percent of one core over the interval. */
  [process: string]: number;
}

/** CPU used by each watched process between start() and stop(), as percent of one core. */
export class CpuMeter {
  private startedAt = 0;
  private before: Record<string, number> = {};
  private machineBefore = machineCpu();

  constructor(private readonly processes: () => BenchProcess[]) {}

  private snapshot(): Record<string, number> {
    const own = process.cpuUsage();
    return {
      ...Object.fromEntries(this.processes().map((p) => [p.name, p.cpuSeconds()])),
      postgres: cpuSecondsOfCommands(['postgres']),
      redis: cpuSecondsOfCommands(['redis-server']),
      'load generator': (own.user + own.system) / 1e6,
    };
  }

  start(): void {
    this.startedAt = Date.now();
    this.before = this.snapshot();
    this.machineBefore = machineCpu();
  }

  stop(): CpuShares {
    const seconds = (Date.now() - this.startedAt) / 1000;
    const after = this.snapshot();
    const machine = machineCpu();
    const shares: CpuShares = {};
    for (const [name, value] of Object.entries(after))
      shares[name] = Math.round(((value - (this.before[name] ?? 0)) / seconds) * 100);
    shares['machine (% of all cores)'] = Math.round(
      ((machine.busy - this.machineBefore.busy) / (machine.total - this.machineBefore.total)) * 100,
    );
    return shares;
  }
}

/**
 * Starts the compiled api (dist/src/main.js) by itself on 127.0.0.1, in production mode with
 * rate limits off and warnings only, as the single-process bench cases run it.
 */
export function spawnBenchApi(
  name: string,
  root: string,
  settings: {
    port: number;
    databaseUrl: string;
    bullPrefix: string;
    secrets: Record<string, string>;
  },
  extra: Record<string, string> = {},
): BenchProcess {
  const results = join(root, 'bench', 'results');
  const logDir = join(results, 'logs');
  mkdirSync(logDir, { recursive: true });
  return BenchProcess.spawn(
    name,
    join(root, 'dist', 'src', 'main.js'),
    {
      ...settings.secrets,
      NODE_ENV: 'production',
      PORT: String(settings.port),
      HOST: '127.0.0.1',
      DATABASE_URL: settings.databaseUrl,
      BULL_PREFIX: settings.bullPrefix,
      RATE_LIMIT_ENABLED: 'false',
      LOG_LEVEL: 'warn',
      STORAGE_DIR: join(results, 'storage'),
      ...extra,
    },
    logDir,
  );
}
