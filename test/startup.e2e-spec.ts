import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { deleteQueueKeys } from '../src/queues/delete-queue-keys';
import { eventually } from './support/test-app';
import { createTestDatabase, databaseUrl, dropTestDatabase } from './support/test-database';

const MAIN_ENTRY = join(__dirname, '..', 'dist', 'src', 'main.js');
const READY = /"msg":"Parkline ready: API (http:\/\/localhost:\d+)\/api\/v1, docs \1\/docs, console /;

interface LogEntry {
  msg?: string;
  req?: { url?: string };
}

/** `npm start` as a newcomer runs it (the built entry point), its log lines collected as they come. */
describe('a started process', () => {
  let database: string;
  let prefix: string;
  let server: ChildProcess;
  const lines: string[] = [];
  const entries = () => lines.map((line) => JSON.parse(line) as LogEntry);
  let base: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    prefix = `parkline-test-${randomBytes(4).toString('hex')}`;
    server = spawn(process.execPath, [MAIN_ENTRY], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        DATABASE_URL: databaseUrl(database),
        DATABASE_CREATE_IF_MISSING: 'false',
        BULL_PREFIX: prefix,
        STORAGE_DIR: `/tmp/${prefix}`,
        PORT: '0',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let pending = '';
    server.stdout?.on('data', (chunk: Buffer) => {
      const parts = (pending + chunk.toString('utf8')).split('\n');
      pending = parts.pop() ?? '';
      lines.push(...parts.filter((line) => line.trim() !== ''));
    });
    base = await eventually(
      async () => lines.map((line) => READY.exec(line)?.[1]).find((url) => url !== undefined),
      60_000,
      'the ready line',
    );
  });

  afterAll(async () => {
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    await dropTestDatabase(database);
    await deleteQueueKeys('redis://127.0.0.1:6379', prefix);
  });

  it('says in one line where the API, the docs and the console are, with the port it got', async () => {
    expect(lines.filter((line) => line.includes('Parkline ready'))).toHaveLength(1);
    for (const path of ['/api/v1/services', '/docs', '/docs-json'])
      expect((await fetch(`${base}${path}`)).status).toBe(200);
  });

  it('logs API requests but not the health probes', async () => {
    for (const path of ['/health', '/health/ready', '/health?probe=1'])
      expect((await fetch(`${base}${path}`)).status).toBe(200);
    expect((await fetch(`${base}/api/v1/departments`)).status).toBe(200);
    // The API request was sent last, so once its line is in, the probes' lines would be too.
    await eventually(
      async () => entries().find((entry) => entry.req?.url === '/api/v1/departments'),
      10_000,
      'the API request logged',
    );
    expect(entries().filter((entry) => entry.req?.url?.startsWith('/health'))).toEqual([]);
  });
});
