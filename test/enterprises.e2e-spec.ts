import { TestApp, startTestApp } from './support/test-app';
import {
  RegisteredEnterprise,
  Session,
  loginAdmin,
  newStaff,
  registerEnterprise,
} from './support/factories';

describe('enterprises', () => {
  let t: TestApp;
  let admin: Session;
  let officer: Session;
  let a: RegisteredEnterprise;
  let b: RegisteredEnterprise;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginAdmin(t);
    officer = await newStaff(t, admin, 'OFFICER', 'MPA');
    a = await registerEnterprise(t, { sector: 'CELL_GENE_THERAPY', zone: 'CGT-PARK' });
    b = await registerEnterprise(t, { sector: 'MEDICAL_DEVICE', zone: 'DEVICE-PARK' });
  });

  afterAll(() => t.close());

  it('lets an enterprise read and update its own profile, with version checks', async () => {
    const read = await t
      .http()
      .get(`/api/v1/enterprises/${a.enterpriseId}`)
      .set(a.auth)
      .expect(200);
    expect(read.headers.etag).toBe('"1"');

    const updated = await t
      .http()
      .patch(`/api/v1/enterprises/${a.enterpriseId}`)
      .set(a.auth)
      .set('If-Match', '"1"')
      .send({
        legalRepresentative: '张明',
        contactPhone: '13912345678',
        pipelineStage: 'PRECLINICAL',
      })
      .expect(200);
    expect(updated.body).toMatchObject({
      legalRepresentative: '张明',
      pipelineStage: 'PRECLINICAL',
      version: 2,
    });
    expect(updated.headers.etag).toBe('"2"');

    const stale = await t
      .http()
      .patch(`/api/v1/enterprises/${a.enterpriseId}`)
      .set(a.auth)
      .set('If-Match', '"1"')
      .send({ zone: 'XIASHA-BIOPARK' })
      .expect(412);
    expect(stale.body.type).toBe('urn:parkline:problem:precondition-failed');
    await t
      .http()
      .patch(`/api/v1/enterprises/${a.enterpriseId}`)
      .set(a.auth)
      .send({ zone: 'XIASHA-BIOPARK', expectedVersion: 1 })
      .expect(409);
    await t
      .http()
      .patch(`/api/v1/enterprises/${a.enterpriseId}`)
      .set(a.auth)
      .send({ contactPhone: '12345' })
      .expect(400);
    const offPlan = await t
      .http()
      .patch(`/api/v1/enterprises/${a.enterpriseId}`)
      .set(a.auth)
      .send({ zone: 'BioBAY-A', chainSegment: 'BAKERY' })
      .expect(400);
    expect(offPlan.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'chainSegment',
      'zone',
    ]);
    const placed = await t
      .http()
      .patch(`/api/v1/enterprises/${a.enterpriseId}`)
      .set(a.auth)
      .send({ chainSegment: 'CELL_GENE_THERAPY' })
      .expect(200);
    expect(placed.body).toMatchObject({ chainSegment: 'CELL_GENE_THERAPY', zone: 'CGT-PARK' });
    await t
      .http()
      .patch(`/api/v1/enterprises/${a.enterpriseId}`)
      .set(a.auth)
      .send({ creditCode: '91440300708461136T' })
      .expect(400);
  });

  it('hides another enterprise entirely: reading or patching B as A is 404', async () => {
    const read = await t
      .http()
      .get(`/api/v1/enterprises/${b.enterpriseId}`)
      .set(a.auth)
      .expect(404);
    expect(read.body.type).toBe('urn:parkline:problem:not-found');
    await t
      .http()
      .patch(`/api/v1/enterprises/${b.enterpriseId}`)
      .set(a.auth)
      .send({ zone: 'JIANGDONG-CDMO' })
      .expect(404);
    await t.http().get(`/api/v1/enterprises/${b.enterpriseId}/members`).set(a.auth).expect(404);
    await t
      .http()
      .post(`/api/v1/enterprises/${b.enterpriseId}/members`)
      .set(a.auth)
      .send({
        email: 'intruder@example.cn',
        password: 'Intruder-Pass-1',
        name: 'X',
        role: 'ENTERPRISE_ADMIN',
      })
      .expect(404);
    const unchanged = await t
      .http()
      .get(`/api/v1/enterprises/${b.enterpriseId}`)
      .set(b.auth)
      .expect(200);
    expect(unchanged.body.zone).toBe('DEVICE-PARK');
    await t.http().get('/api/v1/enterprises').set(a.auth).expect(403);
  });

  it('lets an admin create an officer who then verifies an enterprise', async () => {
    const created = await t
      .http()
      .post('/api/v1/users')
      .set(admin.auth)
      .send({
        email: 'zhou.officer@park.gov.cn',
        password: 'Officer-Pass-2026',
        name: '周警官',
        role: 'OFFICER',
        departmentCode: 'CUSTOMS',
      })
      .expect(201);
    expect(created.body).toMatchObject({
      role: 'OFFICER',
      departmentCode: 'CUSTOMS',
      active: true,
    });
    expect(created.headers.location).toBe(`/api/v1/users/${created.body.id}`);
    const login = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: 'zhou.officer@park.gov.cn', password: 'Officer-Pass-2026' })
      .expect(200);

    await t.http().post(`/api/v1/enterprises/${b.enterpriseId}/verify`).set(b.auth).expect(403);
    const verified = await t
      .http()
      .post(`/api/v1/enterprises/${b.enterpriseId}/verify`)
      .set('Authorization', `Bearer ${login.body.accessToken}`)
      .expect(200);
    expect(verified.body).toMatchObject({ id: b.enterpriseId, verified: true });
    const seen = await t
      .http()
      .get(`/api/v1/enterprises/${b.enterpriseId}`)
      .set(b.auth)
      .expect(200);
    expect(seen.body.verified).toBe(true);
  });

  it('keeps the notes of a verification with its audit entry and event', async () => {
    const c = await registerEnterprise(t);
    const invalid = await t
      .http()
      .post(`/api/v1/enterprises/${c.enterpriseId}/verify`)
      .set(officer.auth)
      .send({ notes: 42 })
      .expect(400);
    expect(invalid.body.errors[0].field).toBe('notes');
    await t
      .http()
      .post(`/api/v1/enterprises/${c.enterpriseId}/verify`)
      .set(officer.auth)
      .send({ notes: '  已核验营业执照原件  ' })
      .expect(200);
    const [audit] = await t.dataSource.query(
      `SELECT details FROM audit_log WHERE action = 'enterprise.verified' AND target_id = $1`,
      [c.enterpriseId],
    );
    expect(audit.details).toEqual({ notes: '已核验营业执照原件' });
    const [event] = await t.dataSource.query(
      `SELECT data FROM events WHERE type = 'enterprise.verified' AND subject_id = $1`,
      [c.enterpriseId],
    );
    expect(event.data).toMatchObject({ notes: '已核验营业执照原件' });
  });

  it('validates staff creation', async () => {
    const noDepartment = await t
      .http()
      .post('/api/v1/users')
      .set(admin.auth)
      .send({
        email: 'x.officer@park.gov.cn',
        password: 'Officer-Pass-2026',
        name: 'X',
        role: 'OFFICER',
      })
      .expect(400);
    expect(noDepartment.body.errors[0].field).toBe('departmentCode');
    const unknown = await t
      .http()
      .post('/api/v1/users')
      .set(admin.auth)
      .send({
        email: 'y.officer@park.gov.cn',
        password: 'Officer-Pass-2026',
        name: 'Y',
        role: 'OFFICER',
        departmentCode: 'NASA',
      })
      .expect(400);
    expect(unknown.body.errors).toEqual([
      { field: 'departmentCode', message: 'is not a known department' },
    ]);
  });

  it('lets the enterprise admin add members, who can sign in but not add others', async () => {
    const added = await t
      .http()
      .post(`/api/v1/enterprises/${a.enterpriseId}/members`)
      .set(a.auth)
      .send({
        email: 'Lab.Manager@Example.cn',
        password: 'Member-Pass-2026',
        name: '刘工',
        role: 'ENTERPRISE_MEMBER',
      })
      .expect(201);
    expect(added.body).toMatchObject({
      email: 'lab.manager@example.cn',
      enterpriseId: a.enterpriseId,
      role: 'ENTERPRISE_MEMBER',
    });
    const member = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: 'lab.manager@example.cn', password: 'Member-Pass-2026' })
      .expect(200);
    const memberAuth = { Authorization: `Bearer ${member.body.accessToken}` };
    const members = await t
      .http()
      .get(`/api/v1/enterprises/${a.enterpriseId}/members`)
      .set(memberAuth)
      .expect(200);
    expect(members.body.map((user: { email: string }) => user.email)).toEqual([
      a.email,
      'lab.manager@example.cn',
    ]);
    await t
      .http()
      .post(`/api/v1/enterprises/${a.enterpriseId}/members`)
      .set(memberAuth)
      .send({
        email: 'third@example.cn',
        password: 'Member-Pass-2026',
        name: 'Third',
        role: 'ENTERPRISE_MEMBER',
      })
      .expect(403);
  });

  it('filters the staff list by sector, zone, verification and text', async () => {
    const bySector = await t
      .http()
      .get('/api/v1/enterprises?sector=MEDICAL_DEVICE&limit=100')
      .set(officer.auth)
      .expect(200);
    expect(bySector.body.data.map((e: { id: string }) => e.id)).toContain(b.enterpriseId);
    expect(bySector.body.data.every((e: { sector: string }) => e.sector === 'MEDICAL_DEVICE')).toBe(
      true,
    );

    const unverified = await t
      .http()
      .get('/api/v1/enterprises?verified=false&limit=100')
      .set(officer.auth)
      .expect(200);
    expect(unverified.body.data.every((e: { verified: boolean }) => !e.verified)).toBe(true);

    const a1 = await t.http().get(`/api/v1/enterprises/${a.enterpriseId}`).set(a.auth).expect(200);
    const byName = await t
      .http()
      .get(`/api/v1/enterprises?q=${encodeURIComponent(a1.body.name.slice(-10))}`)
      .set(officer.auth)
      .expect(200);
    expect(byName.body.data.map((e: { id: string }) => e.id)).toEqual([a.enterpriseId]);
    const byCode = await t
      .http()
      .get(`/api/v1/enterprises?q=${a1.body.creditCode}`)
      .set(officer.auth)
      .expect(200);
    expect(byCode.body.data.map((e: { id: string }) => e.id)).toEqual([a.enterpriseId]);

    const bad = await t
      .http()
      .get('/api/v1/enterprises?sector=SPACE&limit=500')
      .set(officer.auth)
      .expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'limit',
      'sector',
    ]);
    await t.http().get('/api/v1/enterprises?cursor=not-a-cursor').set(officer.auth).expect(400);
  });

  it('pages through every enterprise exactly once while new ones are being registered', async () => {
    await Promise.all(
      Array.from({ length: 25 }, () => registerEnterprise(t, { zone: 'LOGISTICS-PARK' })),
    );
    const before: { id: string }[] = await t.dataSource.query(
      `SELECT id FROM enterprises WHERE zone = 'LOGISTICS-PARK'`,
    );

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `/api/v1/enterprises?zone=LOGISTICS-PARK&limit=4${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await t.http().get(query).set(officer.auth).expect(200);
      seen.push(...page.body.data.map((e: { id: string }) => e.id));
      cursor = page.body.nextCursor;
      // Registrations land between page reads, newest first, so they sort before the cursor.
      await Promise.all([
        registerEnterprise(t, { zone: 'LOGISTICS-PARK' }),
        registerEnterprise(t, { zone: 'LOGISTICS-PARK' }),
      ]);
      pages++;
    } while (cursor && pages < 50);

    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(before.map((row) => row.id)));
  });

  it('lets integrators with a bound key read only their enterprises', async () => {
    const key = await t
      .http()
      .post('/api/v1/api-keys')
      .set(admin.auth)
      .send({ name: 'ERP', scopes: ['applications:read'], enterpriseIds: [a.enterpriseId] })
      .expect(201);
    expect(key.body.key).toMatch(/^plk_/);
    const listed = await t.http().get('/api/v1/api-keys').set(admin.auth).expect(200);
    expect(JSON.stringify(listed.body)).not.toContain(key.body.key);

    await t
      .http()
      .get(`/api/v1/enterprises/${a.enterpriseId}`)
      .set('X-API-Key', key.body.key)
      .expect(200);
    await t
      .http()
      .get(`/api/v1/enterprises/${b.enterpriseId}`)
      .set('X-API-Key', key.body.key)
      .expect(404);
    await t.http().get('/api/v1/enterprises').set('X-API-Key', key.body.key).expect(403);

    await t.http().delete(`/api/v1/api-keys/${key.body.id}`).set(admin.auth).expect(204);
    await t
      .http()
      .get(`/api/v1/enterprises/${a.enterpriseId}`)
      .set('X-API-Key', key.body.key)
      .expect(401);
    const audit = await t.dataSource.query(
      `SELECT action FROM audit_log WHERE target_id = $1 ORDER BY id`,
      [key.body.id],
    );
    expect(audit.map((row: { action: string }) => row.action)).toEqual([
      'api_key.created',
      'api_key.revoked',
    ]);
  });
});
