import { round, sendStep, Step } from './load';

export interface RoundTrips {
  statements: number;
  redisCommands: number;
  /** Requests the process has answered, its own probes and metrics left out. */
  requests: number;
}

const NONE: RoundTrips = { statements: 0, redisCommands: 0, requests: 0 };
const OWN_ROUTES = new Set(['/metrics', '/health', '/health/ready']);

const roundTripsBetween = (before: RoundTrips, after: RoundTrips): RoundTrips => ({
  statements: after.statements - before.statements,
  redisCommands: after.redisCommands - before.redisCommands,
  requests: after.requests - before.requests,
});

/**
 * Reads a platform process's round-trip counters from its /metrics. A scrape costs Redis
 * commands of its own (the queue gauges): the meter counts its scrapes and takes their cost off.
 */
export class RoundTripMeter {
  private scrapes = 0;

  constructor(
    /** The process, as the bench names it. */
    readonly process: string,
    private readonly baseUrl: string,
    private readonly metricsToken: string,
    private scrapeCost: RoundTrips = NONE,
  ) {}

  /** What one scrape costs, from two in a row; the process must be doing nothing else. */
  async learnScrapeCost(): Promise<RoundTrips> {
    const first = await this.scrape();
    this.scrapeCost = roundTripsBetween(first, await this.scrape());
    return this.scrapeCost;
  }

  /** The counts so far, less what this meter's scrapes before this one cost. */
  async read(): Promise<RoundTrips> {
    const counts = await this.scrape();
    const earlier = this.scrapes - 1;
    return {
      statements: counts.statements - earlier * this.scrapeCost.statements,
      redisCommands: counts.redisCommands - earlier * this.scrapeCost.redisCommands,
      requests: counts.requests,
    };
  }

  /** Reads again until no statement was sent between two reads: in-flight requests are done. */
  async readWhenSettled(timeoutMs = 10_000): Promise<RoundTrips> {
    const deadline = Date.now() + timeoutMs;
    let last = await this.read();
    while (Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      const next = await this.read();
      if (next.statements === last.statements) return next;
      last = next;
    }
    return last;
  }

  private async scrape(): Promise<RoundTrips> {
    const response = await fetch(`${this.baseUrl}/metrics`, {
      headers: { authorization: `Bearer ${this.metricsToken}` },
    });
    if (!response.ok) throw new Error(`${this.baseUrl}/metrics answered ${response.status}`);
    this.scrapes += 1;
    const text = await response.text();
    const total = (name: string) => Number(new RegExp(`^${name} (\\d+)$`, 'm').exec(text)?.[1]);
    let requests = 0;
    for (const [, route, count] of text.matchAll(
      /^http_request_duration_seconds_count\{[^}]*route="([^"]*)"[^}]*\} (\d+)$/gm,
    ))
      if (!OWN_ROUTES.has(route)) requests += Number(count);
    return {
      statements: total('parkline_database_statements_total'),
      redisCommands: total('parkline_redis_commands_total'),
      requests,
    };
  }
}

export interface RoundTripRow {
  useCase: string;
  process: string;
  statements: number;
  redisCommands: number;
  /** What the figures are counted over. */
  basis: string;
}

/**
 * Sends the steps one after another, nothing else running, and counts each one's round trips
 * in the process that serves them; a last row sums the sequence.
 */
export async function probeRoundTrips(
  url: string,
  meter: RoundTripMeter,
  steps: Step[],
  sequence: string,
): Promise<RoundTripRow[]> {
  const context: Record<string, unknown> = {};
  const rows: RoundTripRow[] = [];
  let before = await meter.read();
  for (const [index, step] of steps.entries()) {
    const status = await sendStep(url, step, context);
    if (status === undefined || status >= 300)
      throw new Error(`${step.name} answered ${status ?? 'nothing'} in the round-trip probe`);
    const after = await meter.read();
    const { statements, redisCommands } = roundTripsBetween(before, after);
    rows.push({
      useCase: `${index + 1}. ${step.name}`,
      process: meter.process,
      statements,
      redisCommands,
      basis: `one request (${status})`,
    });
    before = after;
  }
  rows.push({
    useCase: sequence,
    process: meter.process,
    statements: rows.reduce((sum, row) => sum + row.statements, 0),
    redisCommands: rows.reduce((sum, row) => sum + row.redisCommands, 0),
    basis: `${steps.length} requests, one at a time`,
  });
  return rows;
}

/**
 * A load's round trips in the meter's process between two reads, per unit of the load's work:
 * by default per request the process answered.
 */
export function perUnit(
  useCase: string,
  meter: RoundTripMeter,
  before: RoundTrips,
  after: RoundTrips,
  units?: { count: number; of: string },
): RoundTripRow {
  const delta = roundTripsBetween(before, after);
  const { count, of } = units ?? {
    count: delta.requests,
    of: `requests the ${meter.process} answered`,
  };
  return {
    useCase,
    process: meter.process,
    statements: round(delta.statements / Math.max(count, 1)),
    redisCommands: round(delta.redisCommands / Math.max(count, 1)),
    basis: `${count} ${of}`,
  };
}
