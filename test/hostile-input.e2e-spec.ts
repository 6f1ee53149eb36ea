import { deeplyNested } from './fuzz/hostile';
import { RawResponse, closeRawAgent, sendRaw } from './fuzz/raw-http';
import { Session, loginAdmin, newStaff } from './support/factories';
import { filesUnder } from './support/stored-files';
import { PDF, exampleForm, verifiedEnterprise } from './support/filing';
import { TestApp, startTestApp } from './support/test-app';

/** Every file under the storage folder, finished or in flight. */
const storedFiles = (root: string) => filesUnder(root).length;

function problemOf(response: RawResponse, status: number): Record<string, unknown> {
  expect([response.status, response.body.toString().slice(0, 300)]).toEqual([
    status,
    expect.anything(),
  ]);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const problem = JSON.parse(response.body.toString()) as Record<string, unknown>;
  expect(problem).toMatchObject({ status, type: expect.stringMatching(/^urn:parkline:problem:/) });
  return problem;
}

/**
 * Input that once reached PostgreSQL, a recursive validator or an encoder and came back as a
 * 500: each is now a 4xx problem+json at the edge, and leaves nothing behind.
 */
describe('hostile input', () => {
  let t: TestApp;
  let admin: Session;
  let officer: Session;
  let enterprise: Session & { enterpriseId: string };
  let draft: { id: string };

  const send = (request: {
    method: string;
    path: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
  }) =>
    sendRaw(t.app.getHttpServer(), {
      method: request.method,
      path: request.path,
      headers: request.headers ?? {},
      body: typeof request.body === 'string' ? Buffer.from(request.body) : request.body,
    });
  const json = (auth: Record<string, string>) => ({ ...auth, 'content-type': 'application/json' });

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    admin = await loginAdmin(t);
    officer = await newStaff(t, admin, 'OFFICER', 'HCB');
    enterprise = await verifiedEnterprise(t, admin);
    const serviceCode = 'FIRE_PROTECTION_REVIEW';
    draft = (
      await t
        .http()
        .post('/api/v1/applications')
        .set(enterprise.auth)
        .send({ serviceCode, form: await exampleForm(t, serviceCode) })
        .expect(201)
    ).body;
  });

  afterAll(async () => {
    closeRawAgent();
    await t.close();
  });

  describe('JSON bodies', () => {
    it.each([
      ['arrays', deeplyNested(5000, 'array')],
      ['objects', deeplyNested(5000, 'object')],
      ['a field', `{"enterprise":${deeplyNested(5000, 'object')}}`],
    ])('refuses %s nested thousands of levels deep before validation', async (_what, body) => {
      const problem = problemOf(
        await send({ method: 'POST', path: '/api/v1/auth/register', headers: json({}), body }),
        400,
      );
      expect(problem.detail).toMatch(/nested deeper than 32 levels/);
    });

    it('refuses NUL characters in a string with the field named', async () => {
      const problem = problemOf(
        await send({
          method: 'POST',
          path: '/api/v1/auth/login',
          headers: json({}),
          body: JSON.stringify({ email: 'li.hua@example.cn\u0000', password: 'x' }),
        }),
        400,
      );
      expect(problem.errors).toEqual([{ field: 'email', message: expect.stringMatching(/NUL/) }]);
    });

    it('refuses lone surrogates, as in an e-mail address', async () => {
      const problem = problemOf(
        await send({
          method: 'POST',
          path: `/api/v1/enterprises/${enterprise.enterpriseId}/members`,
          headers: json(enterprise.auth),
          body: JSON.stringify({
            email: 'mail\udfff@example.cn',
            password: 'Member-Pass-2026',
            name: '李华',
            role: 'ENTERPRISE_MEMBER',
          }),
        }),
        400,
      );
      expect(problem.errors).toEqual([
        { field: 'email', message: expect.stringMatching(/surrogate/) },
      ]);
    });

    it('refuses bytes that are not UTF-8, and prototype keys', async () => {
      problemOf(
        await send({
          method: 'POST',
          path: '/api/v1/auth/login',
          headers: json({}),
          body: Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]),
        }),
        400,
      );
      const problem = problemOf(
        await send({
          method: 'PATCH',
          path: `/api/v1/applications/${draft.id}`,
          headers: json(enterprise.auth),
          body: '{"form":{"__proto__":{"admin":true}}}',
        }),
        400,
      );
      expect(problem.errors).toEqual([{ field: 'form.__proto__', message: 'is a reserved name' }]);
    });

    it('takes only a JSON object as a body', async () => {
      for (const body of ['null', '[]', '[{"definition":{}}]', '"draft"', '7'])
        expect(
          problemOf(
            await send({
              method: 'POST',
              path: '/api/v1/services/FIRE_PROTECTION_REVIEW/versions',
              headers: json(admin.auth),
              body,
            }),
            400,
          ).detail,
        ).toBe('The request body must be a JSON object');
    });

    it('answers a body over the limit with 413 problem+json', async () => {
      problemOf(
        await send({
          method: 'POST',
          path: '/api/v1/auth/login',
          headers: json({}),
          body: JSON.stringify({ email: 'x'.repeat(2 * 1024 * 1024), password: 'x' }),
        }),
        413,
      );
    });
  });

  describe('request targets', () => {
    it.each([
      ['a query string', '/api/v1/services?q=a%00b'],
      ['a path parameter', '/api/v1/services/A%00B'],
      ['a query string that is not UTF-8', '/api/v1/services?q=%FF'],
      ['an encoded lone surrogate', '/api/v1/services?q=%ED%A0%80'],
      ['a path that is not UTF-8', '/api/v1/applications/%FF'],
      ['a broken percent-encoding', '/api/v1/applications/%'],
    ])('refuses NUL and broken encodings in %s', async (_what, path) => {
      problemOf(await send({ method: 'GET', path, headers: enterprise.auth }), 400);
    });

    it('answers 414 for a request target over 8 KiB, and 431 for oversized headers', async () => {
      problemOf(await send({ method: 'GET', path: `/api/v1/services?q=${'x'.repeat(9000)}` }), 414);
      problemOf(
        await send({ method: 'GET', path: `/api/v1/services?q=${'x'.repeat(20_000)}` }),
        414,
      );
      problemOf(
        await send({
          method: 'GET',
          path: '/api/v1/services',
          headers: { 'x-big': 'y'.repeat(20_000) },
        }),
        431,
      );
    });

    it('takes integers as decimal digits only, within range', async () => {
      for (const path of [
        '/api/v1/services?limit=0x10',
        '/api/v1/services?limit=1e1',
        '/api/v1/services?limit=%2010',
        '/api/v1/calendar/-1',
        '/api/v1/calendar/99999',
        '/api/v1/services/FIRE_PROTECTION_REVIEW/versions/99999999999',
        '/api/v1/services/FIRE_PROTECTION_REVIEW/versions/0',
      ])
        expect([path, (await send({ method: 'GET', path })).status]).toEqual([path, 400]);
      expect((await send({ method: 'GET', path: '/api/v1/services?limit=10' })).status).toBe(200);
    });

    it('parses every date filter strictly', async () => {
      for (const query of ['from=2026-02-31', 'from=notadate', 'to=2026-13-01', 'from=2026-1-1'])
        problemOf(
          await send({
            method: 'GET',
            path: `/api/v1/stats/overview?${query}`,
            headers: admin.auth,
          }),
          400,
        );
      for (const query of [
        'from=2026-02-31T00:00:00Z',
        'to=2026-02-01T25:00:00Z',
        'from=2026-02-01',
      ])
        problemOf(
          await send({ method: 'GET', path: `/api/v1/applications?${query}`, headers: admin.auth }),
          400,
        );
      const ok = await send({
        method: 'GET',
        path: '/api/v1/stats/overview?from=2024-02-29&to=2026-12-31',
        headers: admin.auth,
      });
      expect(ok.status).toBe(200);
    });
  });

  describe('content types', () => {
    it.each([
      ['form-encoded', 'application/x-www-form-urlencoded', 'expectedVersion=1'],
      ['text', 'text/plain', '{"expectedVersion":1}'],
      ['multipart', 'multipart/form-data; boundary=b', '--b--\r\n'],
    ])(
      'answers a %s body on an idempotent JSON route with 415 and the accepted types',
      async (_what, contentType, body) => {
        const response = await send({
          method: 'POST',
          path: `/api/v1/applications/${draft.id}/submit`,
          headers: { ...enterprise.auth, 'content-type': contentType, 'idempotency-key': 'k-415' },
          body,
        });
        const problem = problemOf(response, 415);
        expect(problem.acceptedTypes).toEqual(['application/json']);
        expect(response.headers['accept-post']).toBe('application/json');
      },
    );

    it('refuses a body on a route that takes none, but not an empty object', async () => {
      const problem = problemOf(
        await send({
          method: 'POST',
          path: '/api/v1/tasks/next',
          headers: json(officer.auth),
          body: '{"department":"HCB"}',
        }),
        400,
      );
      expect(problem.detail).toBe('POST /api/v1/tasks/next takes no request body');
      const empty = await send({
        method: 'POST',
        path: '/api/v1/notifications/read-all',
        headers: json(enterprise.auth),
        body: '{}',
      });
      expect(empty.status).toBe(200);
    });
  });

  describe('uploads', () => {
    const materials = () => `/api/v1/applications/${draft.id}/materials`;

    it.each([
      ['without a boundary', 'multipart/form-data', 'materialType=x'],
      [
        'cut off in the file',
        'multipart/form-data; boundary=b',
        `--b\r\nContent-Disposition: form-data; name="materialType"\r\n\r\nbusiness_licence\r\n--b\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4`,
      ],
      ['that is garbage', 'multipart/form-data; boundary=b', 'garbage'],
    ])(
      'answers multipart %s with a 4xx problem and stores nothing',
      async (_what, contentType, body) => {
        const before = storedFiles(t.config.STORAGE_DIR);
        const response = await send({
          method: 'POST',
          path: materials(),
          headers: { ...enterprise.auth, 'content-type': contentType },
          body,
        });
        expect(response.status).toBeGreaterThanOrEqual(400);
        problemOf(response, response.status);
        expect(response.status).toBeLessThan(500);
        expect(storedFiles(t.config.STORAGE_DIR)).toBe(before);
      },
    );

    it('refuses a file whose name holds NUL before reading it, leaving nothing on disk', async () => {
      const before = storedFiles(t.config.STORAGE_DIR);
      const response = await t
        .http()
        .post(materials())
        .set(enterprise.auth)
        .field('materialType', 'business_licence')
        .attach('file', PDF, 'licence\u0000.pdf')
        .expect(400);
      expect(response.body.errors).toEqual([
        { field: 'file', message: expect.stringMatching(/^name must not contain NUL/) },
      ]);
      expect(storedFiles(t.config.STORAGE_DIR)).toBe(before);
      const application = await t
        .http()
        .get(`/api/v1/applications/${draft.id}`)
        .set(enterprise.auth)
        .expect(200);
      expect(application.body.materials).toEqual([]);
    });

    it('keeps Chinese file names as sent', async () => {
      await t
        .http()
        .post(materials())
        .set(enterprise.auth)
        .field('materialType', 'business_licence')
        .attach('file', PDF, '营业执照.pdf')
        .expect(200);
      const application = await t
        .http()
        .get(`/api/v1/applications/${draft.id}`)
        .set(enterprise.auth)
        .expect(200);
      expect(application.body.materials.map((m: { fileName: string }) => m.fileName)).toContain(
        '营业执照.pdf',
      );
    });
  });

  it('answers staff naming an enterprise that does not exist with 404, not an empty library', async () => {
    await t
      .http()
      .get('/api/v1/enterprises/4e770d60-0014-1000-8245-d51d0517464b/materials')
      .set(admin.auth)
      .expect(404);
    await t
      .http()
      .get(`/api/v1/enterprises/${enterprise.enterpriseId}/materials`)
      .set(admin.auth)
      .expect(200);
  });

  describe('nested objects', () => {
    it('answers a service without a definition with 400 naming it', async () => {
      for (const definition of [undefined, null, 'x', 1, []]) {
        const response = await t
          .http()
          .post('/api/v1/services')
          .set(admin.auth)
          .send({ code: 'CELL_BANK_FILING', category: 'BASIC', definition })
          .expect(400);
        expect(response.body.errors.map((e: { field: string }) => e.field)).toContain('definition');
      }
    });

    it('answers task action data that is not an object with 400', async () => {
      const response = await t
        .http()
        .post('/api/v1/tasks/00000000-0000-4000-8000-000000000000/complete')
        .set(officer.auth)
        .send({ action: 'accept', data: 'x' })
        .expect(400);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain('data');
    });
  });

  it('records an API key as used only when its request succeeds', async () => {
    const key = await t
      .http()
      .post('/api/v1/api-keys')
      .set(admin.auth)
      .send({
        name: 'records use',
        scopes: ['applications:read'],
        enterpriseIds: [enterprise.enterpriseId],
      })
      .expect(201);
    const lastUsed = async () =>
      (
        await t.dataSource.query(`SELECT last_used_at FROM api_keys WHERE id = $1`, [key.body.id])
      )[0].last_used_at;
    await t.http().get('/api/v1/webhooks').set('X-API-Key', key.body.key).expect(403);
    expect(await lastUsed()).toBeNull();
    await t.http().get('/api/v1/applications').set('X-API-Key', key.body.key).expect(200);
    expect(await lastUsed()).not.toBeNull();
  });
});
