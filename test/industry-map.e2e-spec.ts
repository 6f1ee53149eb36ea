import { PARK_ZONES } from '../src/park-plan/park-zones';
import {
  RegisteredEnterprise,
  Session,
  login,
  loginAdmin,
  newStaff,
  registerEnterprise,
  uniqueEmail,
} from './support/factories';
import { TestApp, startTestApp } from './support/test-app';

const ids = (page: { body: { data: { id: string }[] } }) => page.body.data.map((row) => row.id);
const fields = (problem: { body: { errors: { field: string }[] } }) =>
  problem.body.errors.map((error) => error.field).sort();

describe('industry map: pipelines, the directory and its public variant', () => {
  let t: TestApp;
  let admin: Session;
  let officer: Session;
  let a: RegisteredEnterprise;
  let b: RegisteredEnterprise;
  let member: Session;

  const products = (enterprise: RegisteredEnterprise) =>
    `/api/v1/enterprises/${enterprise.enterpriseId}/products`;
  const devices = (enterprise: RegisteredEnterprise) =>
    `/api/v1/enterprises/${enterprise.enterpriseId}/devices`;

  async function place(
    enterprise: RegisteredEnterprise,
    profile: { chainSegment: string; zone: string },
  ) {
    await t
      .http()
      .patch(`/api/v1/enterprises/${enterprise.enterpriseId}`)
      .set(enterprise.auth)
      .send(profile)
      .expect(200);
  }

  async function addProduct(enterprise: RegisteredEnterprise, body: Record<string, unknown>) {
    const created = await t.http().post(products(enterprise)).set(enterprise.auth).send(body);
    expect(created.status).toBe(201);
    return created.body as { id: string; version: number };
  }

  async function verify(path: string, version?: number) {
    return t
      .http()
      .post(`${path}/verification`)
      .set(officer.auth)
      .send({ decision: 'VERIFIED', note: '已核对审评公告', expectedVersion: version })
      .expect(200);
  }

  beforeAll(async () => {
    // Counts are read right after each change: no cache in between.
    t = await startTestApp({ STATS_CACHE_MS: '0' });
    admin = await loginAdmin(t);
    officer = await newStaff(t, admin, 'OFFICER', 'MPA');
    [a, b] = await Promise.all([
      registerEnterprise(t, { name: '杭州钱塘启源细胞治疗有限公司', zone: 'CGT-PARK' }),
      registerEnterprise(t, { name: '杭州医药港明德医疗器械有限公司', zone: 'DEVICE-PARK' }),
    ]);
    await Promise.all([
      place(a, { chainSegment: 'CELL_GENE_THERAPY', zone: 'CGT-PARK' }),
      place(b, { chainSegment: 'MEDICAL_DEVICES', zone: 'DEVICE-PARK' }),
    ]);
    const email = uniqueEmail('member');
    await t
      .http()
      .post(`/api/v1/enterprises/${a.enterpriseId}/members`)
      .set(a.auth)
      .send({ email, password: 'Member-Pass-2026', name: '刘洋', role: 'ENTERPRISE_MEMBER' })
      .expect(201);
    member = await login(t, email, 'Member-Pass-2026');
  });

  afterAll(() => t.close());

  it('serves the park plan to anyone, and profiles take only its zones', async () => {
    const plan = await t.http().get('/api/v1/park-plan').expect(200);
    expect(plan.body).toMatchObject({ width: 1000, height: 700 });
    expect(plan.body.zones.map((zone: { code: string }) => zone.code)).toEqual(
      PARK_ZONES.map((zone) => zone.code),
    );
    for (const zone of plan.body.zones) {
      expect(zone.outline.length).toBeGreaterThanOrEqual(3);
      for (const [x, y] of zone.outline) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(1000);
        expect(y).toBeGreaterThanOrEqual(0);
        expect(y).toBeLessThanOrEqual(700);
      }
    }
    const offPlan = await t
      .http()
      .post('/api/v1/auth/register')
      .send({
        enterprise: {
          name: '某园区外企业',
          creditCode: '91330100MA2KXXXX0X',
          sector: 'OTHER',
          zone: 'BioBAY-A',
        },
        admin: { email: uniqueEmail('x'), password: 'Enterprise-Pass-2026', name: '王芳' },
      })
      .expect(400);
    expect(fields(offPlan)).toContain('enterprise.zone');
  });

  it('lets an enterprise keep its own pipeline, and no one else', async () => {
    const created = await t
      .http()
      .post(products(a))
      .set(a.auth)
      .send({
        name: 'QT-CAR19 自体嵌合抗原受体 T 细胞注射液',
        modality: 'CAR-T 细胞治疗',
        indication: '复发或难治性 B 细胞急性淋巴细胞白血病',
        stage: 'IND',
      })
      .expect(201);
    expect(created.headers.location).toBe(`${products(a)}/${created.body.id}`);
    expect(created.body).toMatchObject({
      enterpriseId: a.enterpriseId,
      stage: 'IND',
      verification: 'PENDING',
      verifiedBy: null,
      version: 1,
    });
    const path = `${products(a)}/${created.body.id}`;

    // Members read but do not keep the pipeline; staff read and verify but never edit it.
    await t.http().get(path).set(member.auth).expect(200);
    await t.http().post(products(a)).set(member.auth).send({ name: 'X', stage: 'IND' }).expect(403);
    await t.http().patch(path).set(officer.auth).send({ stage: 'PHASE_1' }).expect(403);
    await t.http().post(products(a)).set(admin.auth).send({ name: 'X', stage: 'IND' }).expect(403);
    await t.http().delete(path).set(officer.auth).expect(403);

    // Enterprise B sees nothing of A's and cannot write there, by either path.
    await t.http().get(products(a)).set(b.auth).expect(404);
    await t.http().get(path).set(b.auth).expect(404);
    await t.http().post(products(a)).set(b.auth).send({ name: 'X', stage: 'IND' }).expect(404);
    await t.http().patch(path).set(b.auth).send({ stage: 'APPROVED' }).expect(404);
    await t
      .http()
      .patch(`${products(b)}/${created.body.id}`)
      .set(b.auth)
      .send({ stage: 'PHASE_3' })
      .expect(404);
    await t
      .http()
      .delete(`${products(b)}/${created.body.id}`)
      .set(b.auth)
      .expect(404);
    await t
      .http()
      .get(`/api/v1/enterprises/${a.enterpriseId}/pipeline/history`)
      .set(b.auth)
      .expect(404);

    // Nor does the enterprise mark its own item verified by writing the field.
    const forged = await t
      .http()
      .patch(path)
      .set(a.auth)
      .send({ verification: 'VERIFIED', verifiedBy: a.userId })
      .expect(400);
    expect(fields(forged)).toEqual(['verification', 'verifiedBy']);

    const unchanged = await t.http().get(path).set(a.auth).expect(200);
    expect(unchanged.body).toMatchObject({ stage: 'IND', version: 1, verification: 'PENDING' });
  });

  it('has staff verify each item, never the enterprise itself, and records every change', async () => {
    const product = await addProduct(a, { name: 'QT-201 双特异性抗体', stage: 'PHASE_1' });
    const path = `${products(a)}/${product.id}`;

    const selfVerified = await t
      .http()
      .post(`${path}/verification`)
      .set(a.auth)
      .send({ decision: 'VERIFIED' })
      .expect(403);
    expect(selfVerified.body.type).toBe('urn:parkline:problem:forbidden');
    await t
      .http()
      .post(`${path}/verification`)
      .set(member.auth)
      .send({ decision: 'VERIFIED' })
      .expect(403);

    const verified = await verify(path, 1);
    expect(verified.body).toMatchObject({
      verification: 'VERIFIED',
      verifiedBy: officer.userId,
      verificationNote: '已核对审评公告',
      version: 2,
    });
    expect(verified.body.verifiedAt).toEqual(expect.any(String));
    // Verifying what the enterprise has since changed is refused.
    await t
      .http()
      .post(`${path}/verification`)
      .set(officer.auth)
      .send({ decision: 'VERIFIED', expectedVersion: 1 })
      .expect(409);

    // A change by the enterprise needs a new verification; a stale If-Match is refused.
    await t
      .http()
      .patch(path)
      .set(a.auth)
      .set('If-Match', '"1"')
      .send({ stage: 'PHASE_2' })
      .expect(412);
    const changed = await t
      .http()
      .patch(path)
      .set(a.auth)
      .set('If-Match', '"2"')
      .send({ stage: 'PHASE_2' })
      .expect(200);
    expect(changed.body).toMatchObject({
      stage: 'PHASE_2',
      verification: 'PENDING',
      verifiedBy: null,
      version: 3,
    });
    expect(changed.headers.etag).toBe('"3"');
    const rejected = await t
      .http()
      .post(`${path}/verification`)
      .set(officer.auth)
      .send({ decision: 'REJECTED', note: '未见 II 期临床试验登记' })
      .expect(200);
    expect(rejected.body.verification).toBe('REJECTED');

    const history = await t
      .http()
      .get(`/api/v1/enterprises/${a.enterpriseId}/pipeline/history?itemId=${product.id}`)
      .set(a.auth)
      .expect(200);
    expect(
      history.body.data.map((entry: { change: string; actorId: string }) => [
        entry.change,
        entry.actorId,
      ]),
    ).toEqual([
      ['REJECTED', officer.userId],
      ['UPDATED', a.userId],
      ['VERIFIED', officer.userId],
      ['CREATED', a.userId],
    ]);
    const update = history.body.data[1];
    expect(update.before).toMatchObject({ stage: 'PHASE_1', verification: 'VERIFIED' });
    expect(update.after).toMatchObject({ stage: 'PHASE_2', verification: 'PENDING' });

    await t.http().delete(path).set(a.auth).set('If-Match', '"1"').expect(412);
    await t.http().delete(path).set(a.auth).expect(204);
    await t.http().get(path).set(a.auth).expect(404);
    const afterDelete = await t
      .http()
      .get(`/api/v1/enterprises/${a.enterpriseId}/pipeline/history?itemId=${product.id}&limit=1`)
      .set(officer.auth)
      .expect(200);
    expect(afterDelete.body.data[0]).toMatchObject({ change: 'DELETED', after: null });
    expect(afterDelete.body.data[0].before).toMatchObject({ stage: 'PHASE_2' });
    expect(afterDelete.body.nextCursor).toEqual(expect.any(String));

    // The history cannot be rewritten, even by the database's own user.
    await expect(
      t.dataSource.query(`UPDATE pipeline_history SET actor_id = NULL WHERE item_id = $1`, [
        product.id,
      ]),
    ).rejects.toThrow(/append-only/);
    await expect(
      t.dataSource.query(`DELETE FROM pipeline_history WHERE item_id = $1`, [product.id]),
    ).rejects.toThrow(/append-only/);
  });

  it('refuses items that break the rules, field by field', async () => {
    const noDate = await t
      .http()
      .post(products(a))
      .set(a.auth)
      .send({ name: 'QT-301 片', stage: 'APPROVED' })
      .expect(400);
    expect(fields(noDate)).toEqual(['approvedOn']);
    const dateWithoutApproval = await t
      .http()
      .post(products(a))
      .set(a.auth)
      .send({ name: 'QT-301 片', stage: 'PHASE_3', approvedOn: '2026-03-01' })
      .expect(400);
    expect(fields(dateWithoutApproval)).toEqual(['approvedOn']);
    const bad = await t
      .http()
      .post(products(a))
      .set(a.auth)
      .send({ name: '', stage: 'PHASE_4', approvedOn: '2026-02-30', owner: 'x' })
      .expect(400);
    expect(fields(bad)).toEqual(['approvedOn', 'name', 'owner', 'stage']);

    const device = await t
      .http()
      .post(devices(b))
      .set(b.auth)
      .send({ name: '骨科手术导航定位系统', deviceClass: 'III' })
      .expect(201);
    const devicePath = `${devices(b)}/${device.body.id}`;
    const half = await t
      .http()
      .patch(devicePath)
      .set(b.auth)
      .send({ registrationNumber: '国械注准20263010456' })
      .expect(400);
    expect(fields(half)).toEqual(['registeredOn']);
    await t.http().patch(devicePath).set(b.auth).send({ name: null }).expect(400);
    const unchanged = await t.http().patch(devicePath).set(b.auth).send({}).expect(200);
    expect(unchanged.body).toMatchObject({ version: 1, verification: 'PENDING' });
    await t.http().patch(devicePath).set(b.auth).send({ deviceClass: 'IV' }).expect(400);
    await t
      .http()
      .get(`${devices(b)}/not-a-uuid`)
      .set(b.auth)
      .expect(400);
    const registered = await t
      .http()
      .patch(devicePath)
      .set(b.auth)
      .send({ registrationNumber: '国械注准20263010456', registeredOn: '2026-09-12' })
      .expect(200);
    expect(registered.body).toMatchObject({ deviceClass: 'III', registeredOn: '2026-09-12' });
  });

  it('lists the directory with every filter, validated, and pages it', async () => {
    const phase3 = await addProduct(a, { name: 'QT-401 注射液', stage: 'PHASE_3' });
    await t
      .http()
      .post(devices(a))
      .set(a.auth)
      .send({ name: '细胞制备封闭式处理系统', deviceClass: 'II' })
      .expect(201);
    const directory = (query: string) =>
      t.http().get(`/api/v1/directory/enterprises?${query}`).set(officer.auth).expect(200);

    expect(ids(await directory('segment=CELL_GENE_THERAPY'))).toEqual([a.enterpriseId]);
    expect(ids(await directory('zone=DEVICE-PARK'))).toEqual([b.enterpriseId]);
    expect(ids(await directory('stage=PHASE_3'))).toEqual([a.enterpriseId]);
    expect(ids(await directory('deviceClass=III'))).toEqual([b.enterpriseId]);
    expect(ids(await directory('deviceClass=II&zone=DEVICE-PARK'))).toEqual([]);
    expect(ids(await directory(`q=${encodeURIComponent('明德')}`))).toEqual([b.enterpriseId]);
    const pending = await directory('pending=true');
    expect(ids(pending).sort()).toEqual([a.enterpriseId, b.enterpriseId].sort());

    const entry = (await directory('segment=CELL_GENE_THERAPY')).body.data[0];
    expect(entry).toMatchObject({
      name: '杭州钱塘启源细胞治疗有限公司',
      chainSegment: 'CELL_GENE_THERAPY',
      zone: 'CGT-PARK',
      pipeline: { devices: 1, leadStage: 'PHASE_3' },
    });
    expect(entry).not.toHaveProperty('creditCode');

    await verify(`${products(a)}/${phase3.id}`);

    const first = await directory('limit=1');
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await directory(`limit=1&cursor=${first.body.nextCursor}`);
    expect(ids(second)).not.toEqual(ids(first));

    const bad = await t
      .http()
      .get(
        '/api/v1/directory/enterprises?segment=BAKERY&zone=BioBAY-A&stage=PHASE_4&deviceClass=IV&pending=maybe&limit=0',
      )
      .set(officer.auth)
      .expect(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(fields(bad)).toEqual(['deviceClass', 'limit', 'pending', 'segment', 'stage', 'zone']);
    await t
      .http()
      .get('/api/v1/directory/enterprises?cursor=not-a-cursor')
      .set(officer.auth)
      .expect(400);
    await t.http().get('/api/v1/directory/enterprises').set(a.auth).expect(403);
    await t.http().get('/api/v1/directory/aggregates').set(a.auth).expect(403);
    await t.http().get('/api/v1/directory/aggregates').expect(401);
    await t.http().get('/api/v1/directory/aggregates?zone=Elsewhere').set(officer.auth).expect(400);
  });

  it('counts what the tables hold, and follows an enterprise that moves', async () => {
    const recount = async () =>
      (await t.dataSource.query(`
        SELECT 'product' AS kind, COALESCE(e.chain_segment, '') AS segment, e.zone, p.stage AS bucket, count(*)::int AS n
        FROM pipeline_products p JOIN enterprises e ON e.id = p.enterprise_id GROUP BY 1, 2, 3, 4
        UNION ALL
        SELECT 'device', COALESCE(e.chain_segment, ''), e.zone, d.device_class, count(*)::int
        FROM pipeline_devices d JOIN enterprises e ON e.id = d.enterprise_id GROUP BY 1, 2, 3, 4
        ORDER BY 1, 2, 3, 4`)) as {
        kind: string;
        segment: string;
        zone: string;
        bucket: string;
        n: number;
      }[];
    const aggregated = async () => {
      const body = (
        await t.http().get('/api/v1/directory/aggregates').set(officer.auth).expect(200)
      ).body;
      return [
        ...body.products.map((cell: Record<string, string | number>) => ({
          kind: 'product',
          segment: cell.segment ?? '',
          zone: cell.zone,
          bucket: cell.stage,
          n: cell.count,
        })),
        ...body.devices.map((cell: Record<string, string | number>) => ({
          kind: 'device',
          segment: cell.segment ?? '',
          zone: cell.zone,
          bucket: cell.deviceClass,
          n: cell.count,
        })),
      ].sort((x, y) =>
        `${x.kind}|${x.segment}|${x.zone}|${x.bucket}`.localeCompare(
          `${y.kind}|${y.segment}|${y.zone}|${y.bucket}`,
        ),
      );
    };
    expect(await aggregated()).toEqual(await recount());

    await place(a, { chainSegment: 'CDMO', zone: 'JIANGDONG-CDMO' });
    const moved = await aggregated();
    expect(moved).toEqual(await recount());
    expect(moved.some((cell) => cell.zone === 'JIANGDONG-CDMO' && cell.segment === 'CDMO')).toBe(
      true,
    );
    expect(moved.some((cell) => cell.zone === 'CGT-PARK')).toBe(false);

    await addProduct(a, { name: 'QT-501 注射液', stage: 'APPROVED', approvedOn: '2026-06-30' });
    const full = await t.http().get('/api/v1/directory/aggregates').set(officer.auth).expect(200);
    expect(full.body.approvalsPerYear).toEqual([
      { year: 2026, drugs: 1, devices: 1, deviceFilings: 0 },
    ]);
    expect(full.body.totals).toMatchObject({ enterprises: 2 });
    const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
    expect(full.body.newEnterprisesPerMonth).toEqual([{ month, count: 2 }]);
    expect(full.body.enterprises).toEqual(
      expect.arrayContaining([
        { segment: 'CDMO', zone: 'JIANGDONG-CDMO', count: 1 },
        { segment: 'MEDICAL_DEVICES', zone: 'DEVICE-PARK', count: 1 },
      ]),
    );

    const filtered = await t
      .http()
      .get('/api/v1/directory/aggregates?segment=MEDICAL_DEVICES')
      .set(officer.auth)
      .expect(200);
    expect(filtered.body.totals).toEqual({ enterprises: 1, products: 0, devices: 1 });
  });

  it('publishes an anonymised map without credentials: verified only, small cells hidden', async () => {
    // Three more verified enterprises in one cell, each with a verified product.
    const cell = await Promise.all(
      [1, 2, 3].map(() => registerEnterprise(t, { zone: 'HMP-INNOVATION' })),
    );
    for (const enterprise of cell) {
      await t
        .http()
        .post(`/api/v1/enterprises/${enterprise.enterpriseId}/verify`)
        .set(officer.auth)
        .expect(200);
      await place(enterprise, { chainSegment: 'CRO', zone: 'HMP-INNOVATION' });
      const product = await addProduct(enterprise, { name: 'QT-CRO 候选药', stage: 'PRECLINICAL' });
      await verify(`${products(enterprise)}/${product.id}`);
    }
    await t
      .http()
      .post(`/api/v1/enterprises/${a.enterpriseId}/verify`)
      .set(officer.auth)
      .expect(200);

    const map = await t.http().get('/api/v1/directory/public').expect(200);
    const text = JSON.stringify(map.body);
    for (const name of ['启源', '明德', a.enterpriseId, b.enterpriseId])
      expect(text).not.toContain(name);
    expect(map.body.rule).toMatch(/<3/);

    // B is not verified: nothing of it counts.
    expect(map.body.enterprises.some((c: { zone: string }) => c.zone === 'DEVICE-PARK')).toBe(
      false,
    );
    expect(map.body.devices).toEqual([]);
    expect(map.body.enterprises).toEqual(
      expect.arrayContaining([
        { segment: 'CRO', zone: 'HMP-INNOVATION', count: 'withheld' },
        { segment: 'CDMO', zone: 'JIANGDONG-CDMO', count: '<3' },
      ]),
    );
    // A's verified phase III product is a small cell, so the three CRO products are withheld.
    expect(map.body.products).toEqual(
      expect.arrayContaining([
        { segment: 'CRO', zone: 'HMP-INNOVATION', stage: 'PRECLINICAL', count: 'withheld' },
        { segment: 'CDMO', zone: 'JIANGDONG-CDMO', stage: 'PHASE_3', count: '<3' },
      ]),
    );
    expect(JSON.stringify(map.body)).not.toMatch(/"count":[12][,}]/);
  });
});

describe('the public industry map under the rate limit of anonymous callers', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_ENABLED: 'true', RATE_LIMIT_PER_MINUTE: '3' });
  });

  afterAll(() => t.close());

  it('answers 429 with Retry-After once an address has spent its budget', async () => {
    for (let i = 0; i < 3; i++) await t.http().get('/api/v1/directory/public').expect(200);
    const limited = await t.http().get('/api/v1/directory/public').expect(429);
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });
});
