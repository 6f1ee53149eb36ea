import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PinoLogger } from 'nestjs-pino';
import { symbols } from 'pino';
import { TestApp, eventually, startTestApp } from './support/test-app';
import { loginAdmin, registerEnterprise } from './support/factories';
import { TEST_ADMIN } from './support/test-app';

const root = join(__dirname, '..');

describe('platform', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({
      RATE_LIMIT_ENABLED: 'true',
      AUTH_RATE_LIMIT_PER_MINUTE: '8',
      METRICS_TOKEN: 'metrics-secret',
    });
  });

  afterAll(() => t.close());

  it('serves the OpenAPI document that is committed as openapi.json', async () => {
    const served = await t.http().get('/docs-json').expect(200);
    const committed = JSON.parse(readFileSync(join(root, 'openapi.json'), 'utf8'));
    expect(served.body).toEqual(committed);
    await t.http().get('/docs').expect(200);
  });

  it('names every operation once: the typed client keys its operations by operationId', () => {
    const committed = JSON.parse(readFileSync(join(root, 'openapi.json'), 'utf8'));
    const ids = Object.values(
      committed.paths as Record<string, Record<string, { operationId: string }>>,
    )
      .flatMap((operations) => Object.values(operations))
      .map((operation) => operation.operationId);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
  });

  it('reports liveness and readiness of PostgreSQL, Redis and the workers', async () => {
    await t.http().get('/health').expect(200);
    const ready = await t.http().get('/health/ready').expect(200);
    expect(ready.body.details).toMatchObject({
      postgres: { status: 'up' },
      redis: { status: 'up' },
      workers: { status: 'up' },
    });
  });

  it('echoes a request id and sends security headers', async () => {
    const given = await t.http().get('/health').set('X-Request-Id', 'trace-0123456789').expect(200);
    expect(given.headers['x-request-id']).toBe('trace-0123456789');
    const made = await t.http().get('/api/v1/me').expect(401);
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(made.body.requestId).toBe(made.headers['x-request-id']);
    expect(made.headers['x-content-type-options']).toBe('nosniff');
    expect(made.headers['strict-transport-security']).toBeDefined();
  });

  it('replaces a malformed X-Request-Id in the echo, the problem body and the logs', async () => {
    const root = PinoLogger.root as unknown as Record<symbol, { write: (line: string) => void }> & {
      level: string;
    };
    const stream = root[symbols.streamSym];
    const write = stream.write;
    const level = root.level;
    const lines: string[] = [];
    stream.write = (line: string) => void lines.push(line);
    root.level = 'info';
    try {
      for (const given of ['has spaces <b>and</b> markup', 'x'.repeat(129), 'short']) {
        const response = await t.http().get('/api/v1/me').set('X-Request-Id', given).expect(401);
        const id = response.headers['x-request-id'];
        expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
        expect(response.body.requestId).toBe(id);
        const logged = await eventually(async () =>
          lines.find((line) => JSON.parse(line).req?.id === id),
        );
        expect(JSON.parse(logged).req.url).toBe('/api/v1/me');
        expect(lines.some((line) => line.includes(given))).toBe(false);
      }
    } finally {
      stream.write = write;
      root.level = level;
    }
  });

  it('keeps API answers out of caches unless a route opts in', async () => {
    const admin = await loginAdmin(t);
    const personal = await t.http().get('/api/v1/me').set(admin.auth).expect(200);
    expect(personal.headers['cache-control']).toBe('no-store');
    const refused = await t.http().get('/api/v1/me').expect(401);
    expect(refused.headers['cache-control']).toBe('no-store');
    const unknown = await t.http().get('/api/v1/nowhere').expect(404);
    expect(unknown.headers['cache-control']).toBe('no-store');
    const catalogue = await t.http().get('/api/v1/services?limit=1').expect(200);
    expect(catalogue.headers['cache-control']).toBe('no-store');
    const metrics = await t
      .http()
      .get('/metrics')
      .set('Authorization', 'Bearer metrics-secret')
      .expect(200);
    expect(metrics.headers['cache-control']).toBe('no-store');
    const keys = await t.http().get('/api/v1/certificates/public-key').expect(200);
    expect(keys.headers['cache-control']).toBe('public, max-age=300');
  });

  it('answers unknown routes and methods with problem+json', async () => {
    const missing = await t.http().get('/api/v1/nowhere').expect(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect(missing.body).toMatchObject({ status: 404, title: 'Resource not found' });
    const badId = await t
      .http()
      .get('/api/v1/enterprises/not-a-uuid')
      .set((await loginAdmin(t)).auth)
      .expect(400);
    expect(badId.headers['content-type']).toContain('application/problem+json');
  });

  it('exposes Prometheus metrics behind the metrics token', async () => {
    await t.http().get('/metrics').expect(401);
    await t.http().get('/metrics').set('Authorization', 'Bearer wrong').expect(401);
    const metrics = await t
      .http()
      .get('/metrics')
      .set('Authorization', 'Bearer metrics-secret')
      .expect(200);
    expect(metrics.text).toContain('http_request_duration_seconds_bucket');
    expect(metrics.text).toMatch(/queue_jobs\{queue="events",state="waiting"\} \d+/);
    expect(metrics.text).toMatch(/^parkline_database_statements_total [1-9]\d*$/m);
    expect(metrics.text).toMatch(/^parkline_redis_commands_total [1-9]\d*$/m);
  });

  it('keeps the queue dashboard for admins', async () => {
    await t.http().get('/admin/queues').expect(401);
    const enterprise = await registerEnterprise(t);
    await t.http().get('/admin/queues').set(enterprise.auth).expect(403);
    const basic = Buffer.from(`${TEST_ADMIN.email}:${TEST_ADMIN.password}`).toString('base64');
    const page = await t
      .http()
      .get('/admin/queues')
      .set('Authorization', `Basic ${basic}`)
      .expect(200);
    expect(page.text).toContain('Parkline queues');
    const admin = await loginAdmin(t);
    const queues = await t.http().get('/admin/queues/api/queues').set(admin.auth).expect(200);
    expect(queues.body.queues.map((queue: { name: string }) => queue.name)).toContain('events');
  });

  it('refuses to start with a malformed DATABASE_URL, naming it in one line', () => {
    const run = spawnSync(process.execPath, [join(root, 'dist', 'src', 'main.js')], {
      env: { ...process.env, DATABASE_URL: 'not-a-url' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.status).not.toBe(0);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Invalid configuration: DATABASE_URL: .*\(got "not-a-url"\)$/);
  });

  // Last: it exhausts the sign-in budget of this client address.
  it('rate-limits sign-in attempts with 429 and Retry-After', async () => {
    const attempts = [];
    for (let i = 0; i < 12; i++) {
      attempts.push(
        await t
          .http()
          .post('/api/v1/auth/login')
          .send({ email: 'guess@example.cn', password: `guess-${i}-password` }),
      );
    }
    const limited = attempts.filter((response) => response.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(Number(limited[0].headers['retry-after'])).toBeGreaterThan(0);
    expect(limited[0].body.type).toBe('urn:parkline:problem:rate-limited');
  });
});
