import { Pool } from 'pg';

/** What active backends of the bench database wait on, sampled while a load runs. */
export class WaitSampler {
  private readonly counts = new Map<string, number>();
  private samples = 0;
  private timer: NodeJS.Timeout | null = null;
  private inFlight = false;

  constructor(
    private readonly pool: Pool,
    private readonly database: string,
  ) {}

  start(intervalMs = 100): void {
    this.counts.clear();
    this.samples = 0;
    this.timer = setInterval(() => void this.sample(), intervalMs);
  }

  private async sample(): Promise<void> {
    if (this.inFlight) return;
    this.inFlight = true;
    try {
      const { rows } = await this.pool.query<{ wait: string; n: number }>(
        `SELECT COALESCE(wait_event_type || ':' || wait_event, 'on CPU') AS wait, count(*)::int AS n
         FROM pg_stat_activity
         WHERE datname = $1 AND state = 'active' AND pid <> pg_backend_pid()
         GROUP BY 1`,
        [this.database],
      );
      this.samples += 1;
      for (const row of rows) this.counts.set(row.wait, (this.counts.get(row.wait) ?? 0) + row.n);
    } finally {
      this.inFlight = false;
    }
  }

  /** Average number of active backends in each state, most common first. */
  stop(): { activeBackends: number; waits: Record<string, number> } {
    if (this.timer) clearInterval(this.timer);
    const samples = Math.max(1, this.samples);
    const sorted = [...this.counts].sort(([, a], [, b]) => b - a);
    return {
      activeBackends: round(sorted.reduce((sum, [, n]) => sum + n, 0) / samples),
      waits: Object.fromEntries(sorted.slice(0, 5).map(([wait, n]) => [wait, round(n / samples)])),
    };
  }
}

const round = (value: number) => Math.round(value * 100) / 100;
