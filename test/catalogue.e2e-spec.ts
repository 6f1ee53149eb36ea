import { TRIAL_INSTITUTIONS } from '../src/catalogue/data/trial-institutions';
import { validateWorkflow } from '../src/workflow/workflow-validator';
import { SeedService } from '../src/seed/seed.service';
import { Session, loginAdmin, registerEnterprise } from './support/factories';
import { TestApp, startTestApp } from './support/test-app';

describe('catalogue and calendar', () => {
  let t: TestApp;
  let admin: Session;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginAdmin(t);
  });

  afterAll(() => t.close());

  it.each([
    ['BASIC', 27],
    ['VALUE_ADDED', 19],
  ])(
    'lists the %s services, each complete and with a valid workflow',
    async (category, expected) => {
      const list = await t
        .http()
        .get(`/api/v1/services?category=${category}&limit=100`)
        .expect(200);
      expect(list.body.data).toHaveLength(expected);
      for (const summary of list.body.data) {
        const service = await t.http().get(`/api/v1/services/${summary.code}`).expect(200);
        expect(service.body.category).toBe(category);
        expect(Object.keys(service.body.formSchema.properties).length).toBeGreaterThan(0);
        expect(
          service.body.materials.some((material: { required: boolean }) => material.required),
        ).toBe(true);
        expect(service.body.departmentCode).toMatch(/^[A-Z]+$/);
        expect(validateWorkflow(service.body.workflow)).toEqual([]);
      }
    },
  );

  it('filters by department and by Chinese or English name, and pages by code', async () => {
    const customs = await t.http().get('/api/v1/services?department=CUSTOMS').expect(200);
    expect(customs.body.data.map((service: { code: string }) => service.code)).toEqual([
      'SPECIAL_ARTICLE_ENTRY',
    ]);
    const zh = await t
      .http()
      .get(`/api/v1/services?q=${encodeURIComponent('实验动物使用')}`)
      .expect(200);
    expect(zh.body.data.map((service: { code: string }) => service.code)).toContain(
      'LAB_ANIMAL_USE',
    );
    const en = await t.http().get('/api/v1/services?q=radiation').expect(200);
    expect(en.body.data.map((service: { code: string }) => service.code)).toEqual([
      'RADIATION_SAFETY',
    ]);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { data: { code: string }[]; nextCursor: string | null } } = await t
        .http()
        .get(`/api/v1/services?limit=7${cursor ? `&cursor=${cursor}` : ''}`)
        .expect(200);
      seen.push(...page.body.data.map((service) => service.code));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(46);
    expect([...seen].sort()).toEqual(seen);
  });

  it('filters by the key issues of the reform and counts them in the statistics', async () => {
    const imports = await t
      .http()
      .get('/api/v1/services?keyIssue=SPECIAL_ARTICLE_IMPORT')
      .expect(200);
    expect(imports.body.data.map((service: { code: string }) => service.code)).toEqual([
      'RD_IMPORT_WHITELIST',
      'SPECIAL_ARTICLE_ENTRY',
    ]);
    for (const service of imports.body.data)
      expect(service.keyIssues).toContain('SPECIAL_ARTICLE_IMPORT');
    const talent = await t.http().get('/api/v1/services?keyIssue=TALENT&limit=100').expect(200);
    expect(talent.body.data.map((service: { code: string }) => service.code)).toEqual(
      expect.arrayContaining(['TALENT_RECRUITMENT', 'TALENT_APARTMENT']),
    );
    const unknown = await t.http().get('/api/v1/services?keyIssue=PARKING').expect(400);
    expect(unknown.headers['content-type']).toContain('application/problem+json');

    const stats = await t.http().get('/api/v1/stats/overview').set(admin.auth).expect(200);
    expect(stats.body.byKeyIssue.map((entry: { keyIssue: string }) => entry.keyIssue)).toEqual([
      'TALENT',
      'VENUE',
      'PUBLIC_PLATFORM',
      'SPECIAL_ARTICLE_IMPORT',
    ]);
    expect(
      stats.body.byKeyIssue.find(
        (entry: { keyIssue: string }) => entry.keyIssue === 'SPECIAL_ARTICLE_IMPORT',
      ).serviceCodes,
    ).toEqual(['RD_IMPORT_WHITELIST', 'SPECIAL_ARTICLE_ENTRY']);
  });

  it('lets an administrator correct a rule in a new version: no statutory limit, another key issue, a fact confirmed', async () => {
    const draft = await t
      .http()
      .post('/api/v1/services/HIGH_TECH_ENTERPRISE/versions')
      .set(admin.auth)
      .send({})
      .expect(201);
    await t
      .http()
      .patch(`/api/v1/services/HIGH_TECH_ENTERPRISE/versions/${draft.body.version}`)
      .set(admin.auth)
      .send({
        keyIssues: ['TALENT'],
        unconfirmed: [],
        intakeWindows: [{ name: '2027年第一批', opensOn: '2027-04-10', closesOn: '2027-05-20' }],
        timeLimitBasis: '《高新技术企业认定管理办法》第十条；浙江省2027年度认定工作通知',
      })
      .expect(200);
    await t
      .http()
      .patch(`/api/v1/services/HIGH_TECH_ENTERPRISE/versions/${draft.body.version}`)
      .set(admin.auth)
      .send({ keyIssues: ['PARKING'] })
      .expect(400);
    await t
      .http()
      .post(`/api/v1/services/HIGH_TECH_ENTERPRISE/versions/${draft.body.version}/publish`)
      .set(admin.auth)
      .expect(200);
    const published = await t.http().get('/api/v1/services/HIGH_TECH_ENTERPRISE').expect(200);
    expect(published.body).toMatchObject({
      statutoryWorkingDays: null,
      keyIssues: ['TALENT'],
      unconfirmed: [],
      intakeWindows: [{ name: '2027年第一批', opensOn: '2027-04-10', closesOn: '2027-05-20' }],
    });
    const talent = await t.http().get('/api/v1/services?keyIssue=TALENT&limit=100').expect(200);
    expect(talent.body.data.map((service: { code: string }) => service.code)).toContain(
      'HIGH_TECH_ENTERPRISE',
    );
  });

  it('states no statutory limit where none applies, and cites the basis of the ones that do', async () => {
    const filing = await t.http().get('/api/v1/services/PATHOGEN_LAB_FILING').expect(200);
    expect(filing.body.statutoryWorkingDays).toBeNull();
    expect(filing.body.workflow.archetype).toBe('FILING');
    const licence = await t.http().get('/api/v1/services/LAB_ANIMAL_USE').expect(200);
    expect(licence.body.statutoryWorkingDays).toBe(20);
    expect(licence.body.timeLimitBasis).toMatch(/行政许可法/);
    expect(licence.body.certificate.validityBasis).toMatch(/五年/);
    const ind = await t.http().get('/api/v1/services/CLINICAL_TRIAL_APPLICATION').expect(200);
    expect(ind.body.unconfirmed).toContain('workflow.national_review.implied.dayKind');
    expect(ind.body.competentAuthority).toBe('国家药品监督管理局药品审评中心');
  });

  it('shows situation rules: the biosafety-lab certificate is required for class A and B imports', async () => {
    const service = await t.http().get('/api/v1/services/SPECIAL_ARTICLE_ENTRY').expect(200);
    const certificate = service.body.materials.find(
      (material: { code: string }) => material.code === 'biosafety_lab_certificate',
    );
    expect(certificate.required).toBe(false);
    expect(certificate.requiredWhen.properties['article.riskClass'].enum).toEqual(['A', 'B']);
  });

  it('refuses to publish a workflow with an unknown target or a dead end, naming stage and action', async () => {
    const draft = await t
      .http()
      .post('/api/v1/services/RADIATION_SAFETY/versions')
      .set(admin.auth)
      .send({})
      .expect(201);
    expect(draft.body).toMatchObject({ version: 2, status: 'DRAFT' });
    const workflow = draft.body.workflow;
    const review = workflow.stages.find((stage: { code: string }) => stage.code === 'review');
    review.actions.approve = 'final_signoff';
    workflow.stages.push({
      code: 'limbo',
      name: '搁置',
      nameEn: 'Limbo',
      kind: 'HUMAN',
      role: 'OFFICER',
      actions: { schedule: 'limbo' },
    });
    review.actions.refer_inspection = 'limbo';
    await t
      .http()
      .patch('/api/v1/services/RADIATION_SAFETY/versions/2')
      .set(admin.auth)
      .send({ workflow })
      .expect(200);

    const refused = await t
      .http()
      .post('/api/v1/services/RADIATION_SAFETY/versions/2/publish')
      .set(admin.auth)
      .expect(400);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body.workflowProblems).toEqual(
      expect.arrayContaining([
        { stage: 'review', action: 'approve', message: 'leads to unknown stage "final_signoff"' },
        { stage: 'limbo', message: 'is a dead end: no path from it reaches an outcome' },
      ]),
    );
    expect(refused.body.errors).toContainEqual({
      field: 'workflow',
      message: 'stage review, action approve: leads to unknown stage "final_signoff"',
    });
    const current = await t.http().get('/api/v1/services/RADIATION_SAFETY').expect(200);
    expect(current.body.version).toBe(1);
  });

  it('publishes a valid draft, keeps the old version readable, and never changes a published one', async () => {
    const draft = await t
      .http()
      .post('/api/v1/services/FIRE_PROTECTION_REVIEW/versions')
      .set(admin.auth)
      .send({})
      .expect(201);
    await t
      .http()
      .patch(`/api/v1/services/FIRE_PROTECTION_REVIEW/versions/${draft.body.version}`)
      .set(admin.auth)
      .send({ promisedWorkingDays: 8 })
      .expect(200);
    await t
      .http()
      .post('/api/v1/services/FIRE_PROTECTION_REVIEW/versions')
      .set(admin.auth)
      .send({})
      .expect(409);
    const published = await t
      .http()
      .post(`/api/v1/services/FIRE_PROTECTION_REVIEW/versions/${draft.body.version}/publish`)
      .set(admin.auth)
      .expect(200);
    expect(published.body).toMatchObject({
      version: 2,
      status: 'PUBLISHED',
      promisedWorkingDays: 8,
    });

    const current = await t.http().get('/api/v1/services/FIRE_PROTECTION_REVIEW').expect(200);
    expect(current.body.version).toBe(2);
    const old = await t
      .http()
      .get('/api/v1/services/FIRE_PROTECTION_REVIEW/versions/1')
      .expect(200);
    expect(old.body.promisedWorkingDays).not.toBe(8);
    const versions = await t
      .http()
      .get('/api/v1/services/FIRE_PROTECTION_REVIEW/versions')
      .expect(200);
    expect(
      versions.body.map((version: { version: number; current: boolean }) => [
        version.version,
        version.current,
      ]),
    ).toEqual([
      [2, true],
      [1, false],
    ]);

    const edit = await t
      .http()
      .patch('/api/v1/services/FIRE_PROTECTION_REVIEW/versions/2')
      .set(admin.auth)
      .send({ feeCny: 100 })
      .expect(409);
    expect(edit.body.type).toBe('urn:parkline:problem:conflict');
    await expect(
      t.dataSource.query(
        `UPDATE service_versions SET definition = '{}' WHERE service_code = 'FIRE_PROTECTION_REVIEW' AND version = 1`,
      ),
    ).rejects.toThrow(/published and immutable/);
  });

  it('keeps drafts and admin routes to admins', async () => {
    const enterprise = await registerEnterprise(t);
    await t
      .http()
      .post('/api/v1/services/EIA_APPROVAL/versions')
      .set(enterprise.auth)
      .send({})
      .expect(403);
    const draft = await t
      .http()
      .post('/api/v1/services/EIA_APPROVAL/versions')
      .set(admin.auth)
      .send({})
      .expect(201);
    await t.http().get(`/api/v1/services/EIA_APPROVAL/versions/${draft.body.version}`).expect(404);
    await t
      .http()
      .get(`/api/v1/services/EIA_APPROVAL/versions/${draft.body.version}`)
      .set(admin.auth)
      .expect(200);
    const publicList = await t.http().get('/api/v1/services/EIA_APPROVAL/versions').expect(200);
    expect(publicList.body.map((version: { status: string }) => version.status)).toEqual([
      'PUBLISHED',
    ]);
  });

  it('creates a new service from a definition and validates the body', async () => {
    const source = await t.http().get('/api/v1/services/PATHOGEN_LAB_FILING').expect(200);
    const {
      name: _name,
      code: _code,
      category: _category,
      version: _version,
      status: _status,
      publishedAt: _at,
      retired: _retired,
      ...definition
    } = source.body;
    const created = await t
      .http()
      .post('/api/v1/services')
      .set(admin.auth)
      .send({
        code: 'CELL_BANK_FILING',
        category: 'BASIC',
        definition: { ...definition, name: '细胞库备案', nameEn: 'Cell bank filing' },
      })
      .expect(201);
    expect(created.body).toMatchObject({ code: 'CELL_BANK_FILING', version: 1, status: 'DRAFT' });
    await t.http().get('/api/v1/services/CELL_BANK_FILING').expect(404);
    await t
      .http()
      .post('/api/v1/services/CELL_BANK_FILING/versions/1/publish')
      .set(admin.auth)
      .expect(200);
    await t.http().get('/api/v1/services/CELL_BANK_FILING').expect(200);

    const bad = await t
      .http()
      .post('/api/v1/services')
      .set(admin.auth)
      .send({
        code: 'bad code',
        category: 'OTHER',
        definition: { ...definition, promisedWorkingDays: 0, materials: [{ code: 'x' }] },
      })
      .expect(400);
    const fields = bad.body.errors.map((error: { field: string }) => error.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'code',
        'category',
        'definition.promisedWorkingDays',
        'definition.materials.0.name',
      ]),
    );
  });

  it('retires a service: gone from the list, still readable', async () => {
    await t.http().post('/api/v1/services/TALENT_APARTMENT/retire').set(admin.auth).expect(200);
    const list = await t.http().get('/api/v1/services?category=VALUE_ADDED&limit=100').expect(200);
    expect(list.body.data.map((service: { code: string }) => service.code)).not.toContain(
      'TALENT_APARTMENT',
    );
    const read = await t.http().get('/api/v1/services/TALENT_APARTMENT').expect(200);
    expect(read.body.retired).toBe(true);
  });

  it('merges a bundle: each shared field and material type appears once', async () => {
    const bundle = await t
      .http()
      .get('/api/v1/bundles/BIOLOGICS_IMPORT_ANIMAL_STUDIES')
      .expect(200);
    expect(
      bundle.body.services.map((service: { departmentCode: string }) => service.departmentCode),
    ).toEqual(['CUSTOMS', 'COMMERCE', 'SCITECH']);
    const members = await Promise.all(
      bundle.body.serviceCodes.map((code: string) =>
        t.http().get(`/api/v1/services/${code}`).expect(200),
      ),
    );
    const fieldKeys = members.flatMap((member) => Object.keys(member.body.formSchema.properties));
    const mergedKeys = Object.keys(bundle.body.formSchema.properties);
    expect(mergedKeys.sort()).toEqual([...new Set(fieldKeys)].sort());
    const shared = mergedKeys.filter(
      (key) => fieldKeys.filter((candidate) => candidate === key).length > 1,
    );
    expect(shared.length).toBeGreaterThan(0);
    for (const key of shared) expect(bundle.body.fieldsNeededBy[key].length).toBeGreaterThan(1);

    const materialCodes = bundle.body.materials.map((material: { code: string }) => material.code);
    expect(new Set(materialCodes).size).toBe(materialCodes.length);
    const contract = bundle.body.materials.filter(
      (material: { neededBy: string[] }) => material.neededBy.length > 1,
    );
    expect(contract.length).toBeGreaterThan(0);
    const list = await t.http().get('/api/v1/bundles').expect(200);
    expect(list.body.length).toBeGreaterThanOrEqual(3);
    await t.http().get('/api/v1/bundles/NOPE').expect(404);
  });

  it('counts working days on the official calendar and flags 2027 as provisional until an admin publishes it', async () => {
    const nationalDay = await t
      .http()
      .get('/api/v1/calendar/working-days?from=2026-09-28&to=2026-10-12')
      .expect(200);
    expect(nationalDay.body.workingDays).toEqual([
      '2026-09-28',
      '2026-09-29',
      '2026-09-30',
      '2026-10-08',
      '2026-10-09',
      '2026-10-10',
      '2026-10-12',
    ]);

    const before = await t
      .http()
      .get('/api/v1/calendar/working-days?from=2027-02-01&to=2027-02-19')
      .expect(200);
    expect(before.body).toMatchObject({ count: 15, provisionalYears: [2027] });
    const holidays = [
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-02-09',
      '2027-02-10',
      '2027-02-11',
      '2027-02-12',
    ];
    const enterprise = await registerEnterprise(t);
    await t
      .http()
      .put('/api/v1/calendar/2027')
      .set(enterprise.auth)
      .send({ holidays, makeUpWorkdays: ['2027-02-14'] })
      .expect(403);
    const invalid = await t
      .http()
      .put('/api/v1/calendar/2027')
      .set(admin.auth)
      .send({ holidays: ['2026-02-06'], makeUpWorkdays: ['2027-02-15'] })
      .expect(400);
    expect(invalid.body.errors.map((error: { field: string }) => error.field)).toEqual([
      'holidays[0]',
      'makeUpWorkdays[0]',
    ]);
    const published = await t
      .http()
      .put('/api/v1/calendar/2027')
      .set(admin.auth)
      .send({ holidays, makeUpWorkdays: ['2027-02-14'] })
      .expect(200);
    expect(published.body).toMatchObject({ year: 2027, provisional: false, source: 'admin' });

    const after = await t
      .http()
      .get('/api/v1/calendar/working-days?from=2027-02-01&to=2027-02-19')
      .expect(200);
    expect(after.body).toMatchObject({ count: 11, provisionalYears: [] });
    expect(after.body.workingDays).toContain('2027-02-14');
    expect(after.body.workingDays).not.toContain('2027-02-08');
    await t.http().get('/api/v1/calendar/working-days?from=2027-02-19&to=2027-02-01').expect(400);
  });

  it('seeds idempotently: a second run changes nothing', async () => {
    const snapshot = () =>
      t.dataSource.query(
        `SELECT service_code, version, status, content_hash FROM service_versions ORDER BY service_code, version`,
      );
    const before = await snapshot();
    const counts = await t.dataSource.query(
      `SELECT (SELECT count(*) FROM services) AS services, (SELECT count(*) FROM bundles) AS bundles, (SELECT count(*) FROM calendar_years) AS years, (SELECT count(*) FROM departments) AS departments`,
    );
    await t.app.get(SeedService).seedReferenceData();
    await t.app.get(SeedService).seedReferenceData();
    expect(await snapshot()).toEqual(before);
    expect(
      await t.dataSource.query(
        `SELECT (SELECT count(*) FROM services) AS services, (SELECT count(*) FROM bundles) AS bundles, (SELECT count(*) FROM calendar_years) AS years, (SELECT count(*) FROM departments) AS departments`,
      ),
    ).toEqual(counts);
    const departments = await t.http().get('/api/v1/departments').expect(200);
    expect(departments.body).toHaveLength(12);
  });

  it('seeds the trial institutions once; after that the admins manage them, and the seed leaves them be', async () => {
    const seeded: { code: string }[] = await t.dataSource.query(
      `SELECT code FROM trial_institutions`,
    );
    expect(seeded.map((row) => row.code)).toEqual(
      expect.arrayContaining(TRIAL_INSTITUTIONS.map((institution) => institution.code)),
    );
    await t.dataSource.query(
      `UPDATE trial_institutions SET name = '浙大一院（余杭院区）', active = false WHERE code = 'ZJU_FIRST_AFFILIATED'`,
    );
    await t.app.get(SeedService).seedReferenceData();
    const [edited] = await t.dataSource.query(
      `SELECT name, active FROM trial_institutions WHERE code = 'ZJU_FIRST_AFFILIATED'`,
    );
    expect(edited).toEqual({ name: '浙大一院（余杭院区）', active: false });
  });
});
