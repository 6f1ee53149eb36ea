import { randomUUID } from 'node:crypto';
import { TestApp, eventually, startApiProcess, startTestApp } from './support/test-app';
import {
  login,
  loginAdmin,
  newStaff,
  registerEnterprise,
  registrationBody,
} from './support/factories';

describe('auth', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(() => t.close());

  it('registers an enterprise with its admin, who can log in and read /me', async () => {
    const body = registrationBody({ name: '苏州启明生物医药有限公司' });
    const registered = await t.http().post('/api/v1/auth/register').send(body).expect(201);
    expect(registered.headers.location).toBe(
      `/api/v1/enterprises/${registered.body.enterprise.id}`,
    );
    expect(registered.body.enterprise).toMatchObject({
      name: '苏州启明生物医药有限公司',
      creditCode: body.enterprise.creditCode,
      verified: false,
      version: 1,
    });
    expect(registered.body.user).toMatchObject({
      email: body.admin.email,
      role: 'ENTERPRISE_ADMIN',
    });
    expect(registered.body.user).not.toHaveProperty('passwordHash');

    const session = await login(t, body.admin.email, body.admin.password);
    const me = await t.http().get('/api/v1/me').set(session.auth).expect(200);
    expect(me.body.user).toMatchObject({ id: registered.body.user.id, role: 'ENTERPRISE_ADMIN' });
    expect(me.body.enterprise.id).toBe(registered.body.enterprise.id);
  });

  it('refuses a credit code with a wrong check character, naming the field', async () => {
    const body = registrationBody();
    const code = body.enterprise.creditCode;
    body.enterprise.creditCode = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
    const response = await t.http().post('/api/v1/auth/register').send(body).expect(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body).toMatchObject({
      type: 'urn:parkline:problem:validation-failed',
      status: 400,
    });
    expect(response.body.errors).toEqual([
      {
        field: 'enterprise.creditCode',
        message: 'creditCode has a wrong check character (GB 32100-2015)',
      },
    ]);
  });

  it('refuses unknown body properties instead of ignoring them', async () => {
    const body = { ...registrationBody(), referrer: 'someone' };
    const response = await t.http().post('/api/v1/auth/register').send(body).expect(400);
    expect(response.body.errors).toContainEqual({
      field: 'referrer',
      message: 'property referrer should not exist',
    });
    const nested = registrationBody();
    const response2 = await t
      .http()
      .post('/api/v1/auth/register')
      .send({ ...nested, admin: { ...nested.admin, role: 'ADMIN' } })
      .expect(400);
    expect(response2.body.errors).toContainEqual({
      field: 'admin.role',
      message: 'property role should not exist',
    });
  });

  it('reports malformed JSON and duplicate registrations as problems, not 500s', async () => {
    const malformed = await t
      .http()
      .post('/api/v1/auth/register')
      .set('content-type', 'application/json')
      .send('{"enterprise":')
      .expect(400);
    expect(malformed.headers['content-type']).toContain('application/problem+json');

    const body = registrationBody();
    await t.http().post('/api/v1/auth/register').send(body).expect(201);
    const again = registrationBody();
    again.enterprise.creditCode = body.enterprise.creditCode;
    const duplicate = await t.http().post('/api/v1/auth/register').send(again).expect(409);
    expect(duplicate.body.errors).toEqual([
      { field: 'enterprise.creditCode', message: 'is already registered' },
    ]);
  });

  it('answers sign-in and refresh with the user and enterprise that /me describes', async () => {
    const body = registrationBody();
    await t.http().post('/api/v1/auth/register').send(body).expect(201);
    const signedIn = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: body.admin.email, password: body.admin.password })
      .expect(200);
    const me = await t
      .http()
      .get('/api/v1/me')
      .set({ authorization: `Bearer ${signedIn.body.accessToken}` })
      .expect(200);
    expect({ user: signedIn.body.user, enterprise: signedIn.body.enterprise }).toEqual(me.body);
    const refreshed = await t
      .http()
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: signedIn.body.refreshToken })
      .expect(200);
    expect({ user: refreshed.body.user, enterprise: refreshed.body.enterprise }).toEqual(me.body);
    expect(refreshed.body.user).not.toHaveProperty('passwordHash');
  });

  it('rotates refresh tokens and revokes the whole family when a used one comes back', async () => {
    const enterprise = await registerEnterprise(t);
    const first = await t
      .http()
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: enterprise.refreshToken })
      .expect(200);
    expect(first.body.refreshToken).not.toBe(enterprise.refreshToken);
    const second = await t
      .http()
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: first.body.refreshToken })
      .expect(200);

    // The original token is replayed, as a thief would: the family is revoked.
    await t
      .http()
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: enterprise.refreshToken })
      .expect(401);
    await t
      .http()
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: second.body.refreshToken })
      .expect(401);
    await t
      .http()
      .get('/api/v1/me')
      .set('Authorization', `Bearer ${second.body.accessToken}`)
      .expect(401);

    // Another session of the same user is untouched.
    const other = await login(t, enterprise.email, enterprise.password);
    await t.http().get('/api/v1/me').set(other.auth).expect(200);
  });

  it("logs out: the session's tokens stop working", async () => {
    const enterprise = await registerEnterprise(t);
    await t
      .http()
      .post('/api/v1/auth/logout')
      .send({ refreshToken: enterprise.refreshToken })
      .expect(204);
    await t.http().get('/api/v1/me').set(enterprise.auth).expect(401);
    await t
      .http()
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: enterprise.refreshToken })
      .expect(401);
  });

  it('refuses wrong passwords, missing and forged tokens', async () => {
    const enterprise = await registerEnterprise(t);
    const wrong = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: enterprise.email, password: 'not-the-password' })
      .expect(401);
    expect(wrong.body.type).toBe('urn:parkline:problem:invalid-credentials');
    await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: 'nobody@example.cn', password: 'whatever-pass' })
      .expect(401);
    const missing = await t.http().get('/api/v1/me').expect(401);
    expect(missing.body.type).toBe('urn:parkline:problem:unauthenticated');
    const [header, payload] = enterprise.accessToken.split('.');
    await t
      .http()
      .get('/api/v1/me')
      .set('Authorization', `Bearer ${header}.${payload}.forged`)
      .expect(401);
  });

  it("refuses a deactivated user's token at once", async () => {
    const admin = await loginAdmin(t);
    const officer = await newStaff(t, admin, 'OFFICER', 'CUSTOMS');
    await t.http().get('/api/v1/me').set(officer.auth).expect(200);

    const deactivated = await t
      .http()
      .patch(`/api/v1/users/${officer.userId}`)
      .set(admin.auth)
      .send({ active: false })
      .expect(200);
    expect(deactivated.body.active).toBe(false);
    await t.http().get('/api/v1/me').set(officer.auth).expect(401);
    await t
      .http()
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: officer.refreshToken })
      .expect(401);
    await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: officer.email, password: 'Officer-Pass-2026' })
      .expect(401);

    const audit = await t.dataSource.query(
      `SELECT action, actor_id FROM audit_log WHERE target_id = $1 ORDER BY id`,
      [officer.userId],
    );
    expect(audit).toEqual([
      { action: 'user.created', actor_id: admin.userId },
      { action: 'user.updated', actor_id: admin.userId },
    ]);
  });

  it('denies by default: enterprise users cannot reach staff routes', async () => {
    const enterprise = await registerEnterprise(t);
    const response = await t.http().get('/api/v1/users').set(enterprise.auth).expect(403);
    expect(response.body.type).toBe('urn:parkline:problem:forbidden');
    await t.http().get('/api/v1/enterprises').set(enterprise.auth).expect(403);
  });

  it("lets an enterprise admin manage the API keys of its own enterprise, and no one else's", async () => {
    const admin = await loginAdmin(t);
    const [enterprise, other] = [await registerEnterprise(t), await registerEnterprise(t)];
    const keyFor = (session: { auth: Record<string, string> }, enterpriseIds: string[]) =>
      t
        .http()
        .post('/api/v1/api-keys')
        .set(session.auth)
        .send({ name: 'ERP integration', scopes: ['applications:read'], enterpriseIds });

    const own = (await keyFor(enterprise, [enterprise.enterpriseId]).expect(201)).body;
    expect(own.key).toMatch(/^plk_/);
    for (const foreign of [
      [other.enterpriseId],
      [enterprise.enterpriseId, other.enterpriseId],
      [],
    ]) {
      const refused = await keyFor(enterprise, foreign).expect(400);
      expect(refused.body.errors[0].field).toBe('enterpriseIds');
    }
    // A key the park bound to both enterprises belongs to neither of them alone.
    const shared = (await keyFor(admin, [enterprise.enterpriseId, other.enterpriseId]).expect(201))
      .body;
    const othersKey = (await keyFor(other, [other.enterpriseId]).expect(201)).body;

    const listed = await t.http().get('/api/v1/api-keys').set(enterprise.auth).expect(200);
    expect(listed.body.data.map((key: { id: string }) => key.id)).toEqual([own.id]);
    for (const id of [shared.id, othersKey.id])
      await t.http().delete(`/api/v1/api-keys/${id}`).set(enterprise.auth).expect(404);
    await t.http().delete(`/api/v1/api-keys/${own.id}`).set(enterprise.auth).expect(204);
    await t
      .http()
      .get('/api/v1/me')
      .set({ 'X-API-Key': own.key as string })
      .expect(401);
    await t
      .http()
      .get('/api/v1/applications')
      .set({ 'X-API-Key': othersKey.key as string })
      .expect(200);
    const all = await t.http().get('/api/v1/api-keys?limit=100').set(admin.auth).expect(200);
    expect(all.body.data.map((key: { id: string }) => key.id)).toEqual(
      expect.arrayContaining([own.id, shared.id, othersKey.id]),
    );
  });
});

describe('checked principals across api processes', () => {
  let t: TestApp;
  let other: Awaited<ReturnType<typeof startApiProcess>>;

  beforeAll(async () => {
    // A copy lives far longer than the test waits, so only the drop message can explain a refusal.
    t = await startTestApp({ PRINCIPAL_CACHE_MS: '60000' });
    other = await startApiProcess(t);
  });

  afterAll(async () => {
    await other.close();
    await t.close();
  });

  const statusOf = async (auth: { Authorization: string }) =>
    (await other.http().get('/api/v1/me').set(auth)).status;

  it('drops a logged-out session in the other process', async () => {
    const enterprise = await registerEnterprise(t);
    expect(await statusOf(enterprise.auth)).toBe(200);
    await t
      .http()
      .post('/api/v1/auth/logout')
      .send({ refreshToken: enterprise.refreshToken })
      .expect(204);
    await eventually(
      async () => ((await statusOf(enterprise.auth)) === 401 ? true : undefined),
      2000,
    );
  });

  it('drops a deactivated user in the other process, and sees a changed role there', async () => {
    const admin = await loginAdmin(t);
    const officer = await newStaff(t, admin, 'OFFICER', 'CUSTOMS');
    // A route for department heads only: the guard answers 403 to an officer.
    const headsOnly = async () =>
      (
        await other
          .http()
          .post(`/api/v1/applications/${randomUUID()}/extension`)
          .set(officer.auth)
          .send({ reason: 'The expert review needs more time' })
      ).status;
    expect(await headsOnly()).toBe(403);
    await t
      .http()
      .patch(`/api/v1/users/${officer.userId}`)
      .set(admin.auth)
      .send({ role: 'DEPARTMENT_HEAD' })
      .expect(200);
    await eventually(async () => ((await headsOnly()) === 404 ? true : undefined), 2000);
    await t
      .http()
      .patch(`/api/v1/users/${officer.userId}`)
      .set(admin.auth)
      .send({ active: false })
      .expect(200);
    await eventually(async () => ((await statusOf(officer.auth)) === 401 ? true : undefined), 2000);
  });
});
