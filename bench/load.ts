import autocannon from 'autocannon';
import { performance } from 'node:perf_hooks';

export interface LoadFigures {
  connections: number;
  durationS: number;
  requests: number;
  /** 2xx responses per second. */
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /** Non-2xx responses and socket errors: a healthy run has none. */
  failures: number;
  /** Responses by status code, so failures say what they were. */
  statusCodes: Record<string, number>;
}

/** Latencies of one kind of request in a mixed sequence, timed from send to response. */
export class LatencyRecorder {
  private readonly samples = new Map<string, number[]>();

  record(step: string, ms: number): void {
    const list = this.samples.get(step) ?? [];
    list.push(ms);
    this.samples.set(step, list);
  }

  percentiles(step: string): { count: number; p50Ms: number; p99Ms: number } {
    const sorted = [...(this.samples.get(step) ?? [])].sort((a, b) => a - b);
    const at = (q: number) =>
      sorted.length === 0
        ? NaN
        : sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
    return { count: sorted.length, p50Ms: round(at(0.5)), p99Ms: round(at(0.99)) };
  }
}

export const round = (value: number, digits = 2) => Number(value.toFixed(digits));

export interface BuiltRequest {
  path: string;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as it is, with the content-type the headers give. */
  raw?: Buffer;
  headers?: Record<string, string>;
}

export interface Step {
  name: string;
  method: 'GET' | 'POST';
  /** Builds the path and body from the connection's context; undefined restarts the sequence. */
  build(context: Record<string, unknown>): BuiltRequest | undefined;
  /** Reads what the next steps need from the response. */
  onResponse?(status: number, body: string, context: Record<string, unknown>): void;
}

function encode(built: BuiltRequest, headers?: Record<string, string>) {
  return {
    headers: {
      ...headers,
      ...(built.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...built.headers,
    },
    body: built.raw ?? (built.body === undefined ? undefined : JSON.stringify(built.body)),
  };
}

/**
 * Sends one step of a sequence by itself and lets it read the answer, as drive() would; gives
 * the status, or undefined when the step had nothing to send.
 */
export async function sendStep(
  url: string,
  step: Step,
  context: Record<string, unknown>,
): Promise<number | undefined> {
  const built = step.build(context);
  if (!built) return undefined;
  const response = await fetch(`${url}${built.path}`, { method: step.method, ...encode(built) });
  step.onResponse?.(response.status, await response.text(), context);
  return response.status;
}

/**
 * Drives a sequence of requests per connection, as clients would: each connection sends the
 * steps in order, the next one after the previous answered. Every step's latency is recorded.
 */
export async function drive(options: {
  url: string;
  connections: number;
  durationS?: number;
  amount?: number;
  headers?: Record<string, string>;
  steps: Step[];
  recorder?: LatencyRecorder;
}): Promise<LoadFigures> {
  const recorder = options.recorder ?? new LatencyRecorder();
  const requests = options.steps.map((step) => ({
    method: step.method,
    setupRequest: (request: autocannon.Request, context: Record<string, unknown>) => {
      const built = step.build(context);
      if (!built) return undefined as unknown as autocannon.Request;
      context[`${step.name}:sentAt`] = performance.now();
      return {
        ...request,
        method: step.method,
        path: built.path,
        ...encode(built, options.headers),
      };
    },
    onResponse: (status: number, body: string, context: Record<string, unknown>) => {
      recorder.record(step.name, performance.now() - Number(context[`${step.name}:sentAt`]));
      step.onResponse?.(status, body, context);
    },
  }));
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    ...(options.amount === undefined
      ? { duration: options.durationS }
      : { amount: options.amount }),
    requests: requests as unknown as autocannon.Request[],
  });
  const ok = result['2xx'];
  return {
    connections: options.connections,
    durationS: round(result.duration, 1),
    requests: result.requests.total,
    rps: round(ok / result.duration, 1),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    failures: result.non2xx + result.errors + result.timeouts,
    statusCodes: Object.fromEntries(
      Object.entries(result.statusCodeStats ?? {}).map(([code, stats]) => [code, stats.count ?? 0]),
    ),
  };
}
