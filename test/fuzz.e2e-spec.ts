import fc from 'fast-check';
import { OpenApiDocument } from './support/openapi-document';
import { closeRawAgent, RawResponse, sendRaw } from './fuzz/raw-http';
import { FuzzCase, FuzzFixture, RequestArbitraries, Role } from './fuzz/request-arbitrary';
import { WriteProbe, WriteState } from './fuzz/write-probe';
import { jsonOrText, OpenApiContract } from './support/openapi-contract';
import { buildParkFixture, ParkFixture } from './support/park-fixture';
import { createTestDatabase, dropTestDatabase } from './support/test-database';
import { startTestApp, TestApp } from './support/test-app';
import { startWebhookReceiver, WebhookReceiver } from './support/webhook-receiver';

/**
 * Property-based fuzzing of every operation in openapi.json against the real app: valid and
 * broken requests, as every kind of caller. `npm run fuzz` runs longer with a random seed.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261203);
const RUNS_PER_OPERATION = Number(process.env.FUZZ_RUNS ?? 24);

const document = OpenApiDocument.load();
const contract = new OpenApiContract(document);

const ROLE_OF: Record<
  Exclude<Role, 'anonymous'>,
  'ENTERPRISE_ADMIN' | 'INTEGRATOR' | 'OFFICER' | 'ADMIN'
> = {
  enterprise: 'ENTERPRISE_ADMIN',
  integrator: 'INTEGRATOR',
  officer: 'OFFICER',
  admin: 'ADMIN',
};

/** Enterprise A's resources, as its own users, its integrator, the handling officer and an admin. */
function fuzzFixtureOf(park: ParkFixture): FuzzFixture {
  const auth = park.auth('A');
  return {
    headersOf: (role) => (role === 'anonymous' ? {} : auth[ROLE_OF[role]]),
    pathParams: (template) => park.pathParams(template, 'A'),
  };
}

/** The raw exchange as the contract check reads it (which refusals skip on the request side). */
function contractViolations(fuzzCase: FuzzCase, response: RawResponse): string[] {
  const { request } = fuzzCase;
  const json = request.headers['content-type']?.startsWith('application/json');
  return contract.violations({
    method: request.method,
    url: request.path,
    requestHeaders: Object.fromEntries(
      Object.entries(request.headers).map(([name, value]) => [name.toLowerCase(), value]),
    ),
    requestBody: json && request.body?.length ? jsonOrText(request.body.toString()) : undefined,
    status: response.status,
    responseHeaders: response.headers,
    responseBody: response.body,
  });
}

function verdict(fuzzCase: FuzzCase, response: RawResponse, written: string[]): string | undefined {
  const { status } = response;
  if (status >= 500) return `answered ${status}: ${response.body.toString().slice(0, 300)}`;
  const violations = contractViolations(fuzzCase, response);
  if (violations.length > 0) return violations.join('; ');
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
  let receiver: WebhookReceiver;
  let t: TestApp;
  let arbitraries: RequestArbitraries;
  let probe: WriteProbe;
  let last: WriteState;

  beforeAll(async () => {
    database = await createTestDatabase();
    receiver = await startWebhookReceiver();
    const settings = {
      STORAGE_DIR: `/tmp/parkline-fuzz-${database}`,
      WEBHOOK_ALLOWLIST: receiver.hostPort,
    };
    // Workers settle the park, then stop: the fuzzed api must be the only thing that writes.
    const setup = await startTestApp(settings, { database });
    const fixture = fuzzFixtureOf(await buildParkFixture(setup, receiver));
    await setup.close();
    t = await startTestApp({ ...settings, APP_ROLE: 'api', LOG_LEVEL: 'silent' }, { database });
    await t.app.listen(0, '127.0.0.1');
    arbitraries = new RequestArbitraries(document, fixture);
    probe = await WriteProbe.create(t.dataSource, settings.STORAGE_DIR);
    last = await probe.state();
  });

  afterAll(async () => {
    closeRawAgent();
    await t?.close();
    await receiver?.close();
    if (database) await dropTestDatabase(database);
  });

  it.each(
    document.operations.map((operation) => [`${operation.method} ${operation.path}`, operation]),
  )(
    '%s',
    async (_name, operation) => {
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
      // Longer runs (npm run fuzz) get the time their count needs; a certificate PDF takes seconds.
    },
    60_000 + RUNS_PER_OPERATION * 1_000,
  );
});
