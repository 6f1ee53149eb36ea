import fc from 'fast-check';
import { buildFuzzPark } from './fuzz/fuzz-park';
import { OpenApiDocument } from './fuzz/openapi-document';
import { closeRawAgent, RawResponse, sendRaw } from './fuzz/raw-http';
import { FuzzCase, RequestArbitraries } from './fuzz/request-arbitrary';
import { WriteProbe, WriteState } from './fuzz/write-probe';
import { createTestDatabase, dropTestDatabase } from './support/test-database';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Property-based fuzzing of every operation in openapi.json against the real app: valid and
 * broken requests, as every kind of caller. `npm run fuzz` runs longer with a random seed.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261203);
const RUNS_PER_OPERATION = Number(process.env.FUZZ_RUNS ?? 24);

const document = OpenApiDocument.load();

function verdict(fuzzCase: FuzzCase, response: RawResponse, written: string[]): string | undefined {
  const { status } = response;
  if (status >= 500) return `answered ${status}: ${response.body.toString().slice(0, 300)}`;
  if (status >= 400) {
    const type = String(response.headers['content-type'] ?? '');
    if (!type.startsWith('application/problem+json'))
      return `answered ${status} as ${type || 'no content type'}: ${response.body.toString().slice(0, 200)}`;
    const problem = JSON.parse(response.body.toString()) as Record<string, unknown>;
    if (
      problem.status !== status ||
      typeof problem.type !== 'string' ||
      typeof problem.title !== 'string'
    )
      return `answered ${status} with a malformed problem: ${response.body.toString().slice(0, 200)}`;
    if (written.length > 0) return `answered ${status} but wrote: ${written.join(', ')}`;
  } else if (fuzzCase.mustRefuse) {
    return `accepted a request it must refuse with ${status}`;
  }
  return undefined;
}

describe('fuzzing every operation of openapi.json', () => {
  let database: string;
  let t: TestApp;
  let arbitraries: RequestArbitraries;
  let probe: WriteProbe;
  let last: WriteState;

  beforeAll(async () => {
    database = await createTestDatabase();
    const storage = `/tmp/parkline-fuzz-${database}`;
    // Workers settle the park, then stop: the fuzzed api must be the only thing that writes.
    const setup = await startTestApp({ STORAGE_DIR: storage }, { database });
    const fixture = await buildFuzzPark(setup);
    await setup.close();
    t = await startTestApp({ STORAGE_DIR: storage, APP_ROLE: 'api', LOG_LEVEL: 'silent' }, { database });
    await t.app.listen(0, '127.0.0.1');
    arbitraries = new RequestArbitraries(document, fixture);
    probe = await WriteProbe.create(t.dataSource, storage);
    last = await probe.state();
  });

  afterAll(async () => {
    closeRawAgent();
    await t?.close();
    if (database) await dropTestDatabase(database);
  });

  it.each(
    document.operations.map((operation) => [`${operation.method} ${operation.path}`, operation]),
  )('%s', async (_name, operation) => {
    await fc.assert(
      fc.asyncProperty(arbitraries.cases(operation), async (fuzzCase) => {
        const response = await sendRaw(t.app.getHttpServer(), fuzzCase.request);
        const now = await probe.state();
        const written = WriteProbe.changes(last, now);
        last = now;
        const failure = verdict(fuzzCase, response, written);
        if (failure)
          throw new Error(
            `${fuzzCase.request.method} ${fuzzCase.request.path.slice(0, 200)} as ${fuzzCase.role} (${fuzzCase.how}) ${failure}`,
          );
      }),
      { seed: SEED, numRuns: RUNS_PER_OPERATION, endOnFailure: true },
    );
  });
});
