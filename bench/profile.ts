import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** What V8 writes for `node --cpu-prof` (the DevTools protocol's Profiler.Profile). */
interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  }[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** A process the bench profiled, and what it did while it lived. */
export interface ProfiledProcess {
  name: string;
  pid: number;
  /** Where `--cpu-prof-dir` pointed it. */
  directory: string;
  /** The loads that ended while it ran, with its CPU during each (% of one core). */
  loads: { scenario: string; cpu: number }[];
}

// V8's own entries: no script behind them.
const V8_ENTRIES = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);
const TOP_PACKAGES = 25;
const TOP_FUNCTIONS = 30;

/** The Node options that make a process write its CPU profile into the directory at exit. */
export const profilingArguments = (directory: string) => [
  '--cpu-prof',
  `--cpu-prof-dir=${directory}`,
];

/**
 * Where a sample's code comes from: a package under node_modules, the project's own build
 * (parkline), Node's internals (node:), native code without a script, or a V8 entry.
 */
export function packageOf(url: string, functionName: string, projectDist: string): string {
  if (!url) return V8_ENTRIES.has(functionName) ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node:';
  const inModules = url.lastIndexOf('/node_modules/');
  if (inModules >= 0) {
    const [scope, name] = url.slice(inModules + '/node_modules/'.length).split('/');
    return scope.startsWith('@') ? `${scope}/${name}` : scope;
  }
  if (url.startsWith(projectDist)) return 'parkline';
  return url;
}

interface SelfTimes {
  lifetimeMs: number;
  busyMs: number;
  idleMs: number;
  packages: Map<string, number>;
  functions: Map<string, { name: string; pkg: string; where: string; ms: number }>;
}

/** Self time per package and per function; a sample lasts until the next one is taken. */
export function selfTimes(profile: CpuProfile, projectRoot: string): SelfTimes {
  const projectDist = pathToFileURL(join(projectRoot, 'dist')).href + '/';
  const projectUrl = pathToFileURL(projectRoot).href + '/';
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const sampleMs = new Map<number, number>();
  let at = profile.startTime;
  const taken = profile.timeDeltas.map((delta) => (at += delta));
  for (const [index, id] of profile.samples.entries()) {
    const until = index + 1 < taken.length ? taken[index + 1] : profile.endTime;
    sampleMs.set(id, (sampleMs.get(id) ?? 0) + Math.max(0, until - taken[index]) / 1000);
  }
  const times: SelfTimes = {
    lifetimeMs: (profile.endTime - profile.startTime) / 1000,
    busyMs: 0,
    idleMs: 0,
    packages: new Map(),
    functions: new Map(),
  };
  for (const [id, ms] of sampleMs) {
    const { functionName, url, lineNumber, columnNumber } = nodes.get(id)!.callFrame;
    const pkg = packageOf(url, functionName, projectDist);
    if (pkg === '(idle)') {
      times.idleMs += ms;
      continue;
    }
    times.busyMs += ms;
    times.packages.set(pkg, (times.packages.get(pkg) ?? 0) + ms);
    const key = `${functionName} ${url}:${lineNumber}:${columnNumber}`;
    const where = url ? `${url.replace(projectUrl, '')}:${lineNumber + 1}` : '';
    const entry = times.functions.get(key) ?? {
      name: functionName || '(anonymous)',
      pkg,
      where,
      ms: 0,
    };
    entry.ms += ms;
    times.functions.set(key, entry);
  }
  return times;
}

function processSection(process: ProfiledProcess, projectRoot: string): string[] {
  const file = readdirSync(process.directory).find(
    (name) => name.endsWith('.cpuprofile') && name.includes(`.${process.pid}.`),
  );
  const title = `## ${process.name} (pid ${process.pid})`;
  if (!file) return [title, '', 'No profile: the process did not exit cleanly.', ''];
  const profile = JSON.parse(readFileSync(join(process.directory, file), 'utf8')) as CpuProfile;
  const times = selfTimes(profile, projectRoot);
  const share = (ms: number) => `${((100 * ms) / Math.max(times.busyMs, 1)).toFixed(1)}%`;
  const byTime = <T>(entries: Iterable<[string, T]>, ms: (value: T) => number) =>
    [...entries].sort(([, a], [, b]) => ms(b) - ms(a));
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  return [
    title,
    '',
    `\`${file}\`: ${(times.lifetimeMs / 1000).toFixed(0)} s of life, ` +
      `${(times.busyMs / 1000).toFixed(1)} s busy, ${(times.idleMs / 1000).toFixed(1)} s idle. ` +
      `Loads during its life, with its CPU (% of one core): ${
        process.loads.map(({ scenario, cpu }) => `${scenario} ${cpu}%`).join('; ') || 'none'
      }.`,
    '',
    '| Package | Self ms | % of busy |',
    '|---|---|---|',
    ...byTime(times.packages, (ms) => ms)
      .slice(0, TOP_PACKAGES)
      .map(([pkg, ms]) => `| ${cell(pkg)} | ${ms.toFixed(0)} | ${share(ms)} |`),
    '',
    '| Function | Package | Where | Self ms | % of busy |',
    '|---|---|---|---|---|',
    ...byTime(times.functions, (entry) => entry.ms)
      .slice(0, TOP_FUNCTIONS)
      .map(
        ([, { name, pkg, where, ms }]) =>
          `| ${cell(name)} | ${cell(pkg)} | ${cell(where)} | ${ms.toFixed(0)} | ${share(ms)} |`,
      ),
    '',
  ];
}

/** Writes summary.md: for each profiled process, self time by package and the top functions. */
export function writeProfileSummary(
  path: string,
  processes: ProfiledProcess[],
  projectRoot: string,
): void {
  writeFileSync(
    path,
    [
      '# CPU profiles of the bench run',
      '',
      `${new Date().toISOString()}. Each profile (\`node --cpu-prof\`, in the process's directory ` +
        'beside this file) covers the whole life of its process: boot, every load that ran ' +
        'meanwhile (with the CPU the process used during it: a few % is only the profiler ' +
        'sampling an idle process) and shutdown. Self time is the ' +
        'time a function was on the CPU itself, not in what it called; percentages are of the ' +
        "process's busy time, (idle) left out. (program) is native work V8 does not attribute " +
        'to a script; (native), native functions without one. Profiling slows the processes ' +
        "a little: compare a profiled run's figures only with another profiled run.",
      '',
      ...processes.flatMap((process) => processSection(process, projectRoot)),
    ].join('\n'),
  );
}
