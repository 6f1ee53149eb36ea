import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, release, totalmem } from 'node:os';
import { join } from 'node:path';
import type { CpuShares } from './processes';
import type { RoundTripRow } from './round-trips';

export interface Figure {
  key: string;
  label: string;
  value: number | null;
  unit: string;
  /** The figure divided by what it is compared with, when it is compared. */
  ratio?: { of: string; value: number | null };
  target?: { text: string; met: boolean | null; shortfall?: string };
  /** The load whose measurements explain the figure. */
  load?: string;
}

export interface ScenarioLoad {
  scenario: string;
  cpu: CpuShares;
  database: { activeBackends: number; waits: Record<string, number> };
}

export interface BenchReport {
  date: string;
  durationS: number;
  machine: Record<string, string | number>;
  versions: Record<string, string>;
  options: Record<string, unknown>;
  figures: Figure[];
  loads: ScenarioLoad[];
  roundTrips: RoundTripRow[];
  details: Record<string, unknown>;
}

export function machineFacts(): Record<string, string | number> {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(totalmem() / 2 ** 30),
    kernel: release(),
  };
}

export function versions(root: string, postgres: string, redis: string): Record<string, string> {
  const version = (name: string) =>
    (
      JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root }).toString().trim();
  } catch {
    // not a git checkout
  }
  return {
    parkline: commit,
    node: process.version,
    postgres,
    redis,
    '@nestjs/core': version('@nestjs/core'),
    fastify: version('fastify'),
    typeorm: version('typeorm'),
    pg: version('pg'),
    bull: version('bull'),
    autocannon: version('autocannon'),
  };
}

const show = (value: number | null, unit = '') =>
  value === null ? 'not run' : `${value}${unit ? ` ${unit}` : ''}`;

export function figureLine(figure: Figure): string {
  const ratio = figure.ratio ? `; ${show(figure.ratio.value)} × ${figure.ratio.of}` : '';
  const target = figure.target
    ? `; target ${figure.target.text}: ${figure.target.met === null ? 'not run' : figure.target.met ? 'met' : 'MISSED'}`
    : '';
  return `${figure.key}: ${show(figure.value, figure.unit)}${ratio}${target}`;
}

export function writeReport(directory: string, report: BenchReport): void {
  mkdirSync(directory, { recursive: true });
  writeFileSync(join(directory, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(directory, 'latest.md'), markdown(report));
}

/** What the load behind a missed figure kept busy, from the same run's measurements. */
function bounds(report: BenchReport, figure: Figure): string {
  const load = report.loads.find((candidate) => candidate.scenario === figure.load);
  if (!load) return '';
  const { 'machine (% of all cores)': machine, ...processes } = load.cpu;
  const busiest = Object.entries(processes)
    .sort(([, a], [, b]) => b - a)
    .filter(([, share]) => share > 0)
    .map(([name, share]) => `${name} ${share}%`)
    .join(', ');
  const waits = Object.entries(load.database.waits)
    .map(([wait, n]) => `${wait} ${n}`)
    .join(', ');
  return (
    `During "${load.scenario}" the machine was ${machine}% busy (all cores); CPU by process, ` +
    `in % of one core: ${busiest}. PostgreSQL had ${load.database.activeBackends} active ` +
    `backends on average${waits ? ` (${waits})` : ''}.${costPerUnit(report, figure, processes)}`
  );
}

/** For a rate: CPU milliseconds each process spent per unit, beside the ideal submit's. */
function costPerUnit(report: BenchReport, figure: Figure, processes: CpuShares): string {
  if (!figure.value || (figure.unit !== 'req/s' && figure.unit !== '/s')) return '';
  const perUnit = (shares: CpuShares, rate: number) =>
    Object.entries(shares)
      .filter(([name, share]) => share > 0 && !name.startsWith('machine'))
      .sort(([, a], [, b]) => b - a)
      .map(([name, share]) => `${name} ${round((share * 10) / rate)}`)
      .join(', ');
  const ideal = report.loads.find((load) => load.scenario.includes('ideal minimal submit'));
  const idealRate = report.figures.find((f) => f.key === 'baseline.idealSubmit.rps')?.value;
  const unit = figure.unit === '/s' ? 'transition' : 'request';
  return (
    ` CPU ms per ${unit}: ${perUnit(processes, figure.value)}` +
    (ideal && idealRate ? `; per ideal submit: ${perUnit(ideal.cpu, idealRate)}.` : '.')
  );
}

const round = (value: number) => Math.round(value * 100) / 100;

function markdown(report: BenchReport): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const rows = report.figures.map(
    (figure) =>
      `| ${cell(figure.label)} | ${show(figure.value, figure.unit)} | ${
        figure.ratio ? `${show(figure.ratio.value)} × ${figure.ratio.of}` : ''
      } | ${figure.target ? figure.target.text : ''} | ${
        figure.target
          ? figure.target.met === null
            ? 'not run'
            : figure.target.met
              ? 'met'
              : '**missed**'
          : ''
      } |`,
  );
  const processes = [...new Set(report.loads.flatMap((load) => Object.keys(load.cpu)))];
  const loads = report.loads.map(
    (load) =>
      `| ${load.scenario} | ${processes.map((name) => load.cpu[name] ?? '').join(' | ')} | ${
        load.database.activeBackends
      } | ${Object.entries(load.database.waits)
        .map(([wait, n]) => `${wait} ${n}`)
        .join(', ')} |`,
  );
  const misses = report.figures.filter((figure) => figure.target?.met === false);
  return [
    '# Parkline benchmark',
    '',
    `${report.date}, ${report.durationS} s, options ${'`'}${JSON.stringify(report.options)}${'`'}.`,
    '',
    `Machine: ${Object.entries(report.machine)
      .map(([key, value]) => `${key} ${value}`)
      .join(
        ', ',
      )}. Everything (PostgreSQL, Redis, api, worker, baseline server, load generator) runs on it.`,
    '',
    `Versions: ${Object.entries(report.versions)
      .map(([key, value]) => `${key} ${value}`)
      .join(', ')}.`,
    '',
    '## Figures',
    '',
    '| Figure | Value | Ratio | Target | |',
    '|---|---|---|---|---|',
    ...rows,
    '',
    '## What each load kept busy',
    '',
    'CPU in percent of one core (the machine column: of all cores), and the active PostgreSQL',
    'backends of the bench database sampled every 100 ms, by what they waited on.',
    '',
    `| Load | ${processes.join(' | ')} | active backends | waits |`,
    `|---|${processes.map(() => '---').join('|')}|---|---|`,
    ...loads,
    '',
    '## Round trips per use case',
    '',
    'Statements sent to PostgreSQL (transaction control included) and commands sent to Redis,',
    "from each process's own counters on /metrics (the scrapes' own cost taken off).",
    '',
    '| Use case | Process | Statements | Redis commands | Counted over |',
    '|---|---|---|---|---|',
    ...report.roundTrips.map(
      (row) =>
        `| ${cell(row.useCase)} | ${row.process} | ${row.statements} | ${row.redisCommands} | ${cell(row.basis)} |`,
    ),
    '',
    '## Targets missed',
    '',
    'Each with the measurements of its load; `bench/README.md` follows the misses further.',
    '',
    ...(misses.length === 0
      ? ['None.']
      : misses.map(
          (figure) =>
            `- ${figureLine(figure)} (${figure.target!.shortfall}). ${bounds(report, figure)}`,
        )),
    '',
    '## Details',
    '',
    '```json',
    JSON.stringify(report.details, null, 2),
    '```',
    '',
  ].join('\n');
}
