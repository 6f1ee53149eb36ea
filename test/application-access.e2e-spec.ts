import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Session, loginAdmin } from './support/factories';
import {
  act,
  department,
  Department,
  fileComplete,
  PDF,
  PNG,
  taskFor,
  verifiedEnterprise,
  waitForApplication,
} from './support/filing';
import { filesUnder } from './support/stored-files';
import { TestApp, startTestApp } from './support/test-app';

const storedObjects = (root: string) => filesUnder(join(root, 'objects'));

describe('who may see and touch an application', () => {
  let t: TestApp;
  let admin: Session;
  let hcb: Department;
  let customs: Department;
  let a: Session & { enterpriseId: string };
  let b: Session & { enterpriseId: string };
  let applicationId: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginAdmin(t);
    hcb = await department(t, admin, 'HCB');
    customs = await department(t, admin, 'CUSTOMS');
    a = await verifiedEnterprise(t, admin);
    b = await verifiedEnterprise(t, admin);
    applicationId = (await fileComplete(t, a, 'FIRE_PROTECTION_REVIEW')).id;
    await waitForApplication(t, a, applicationId, { stage: 'acceptance' });
  });

  afterAll(() => t.close());

  it("hides enterprise A's application, materials, events and certificate from B", async () => {
    const own = await t.http().get(`/api/v1/applications/${applicationId}`).set(a.auth).expect(200);
    const materialId = own.body.materials[0].id;
    await t
      .http()
      .get(`/api/v1/applications/${applicationId}/materials/${materialId}/content`)
      .set(a.auth)
      .expect(200);

    for (const path of [
      '',
      '/events',
      '/checklist',
      `/materials/${materialId}/content`,
      '/certificate',
      '/certificate.pdf',
    ]) {
      const response = await t
        .http()
        .get(`/api/v1/applications/${applicationId}${path}`)
        .set(b.auth);
      expect([path, response.status]).toEqual([path, 404]);
    }
    await t
      .http()
      .post(`/api/v1/applications/${applicationId}/withdraw`)
      .set(b.auth)
      .send({})
      .expect(404);
    const list = await t.http().get('/api/v1/applications?limit=100').set(b.auth).expect(200);
    expect(list.body.data.map((application: { id: string }) => application.id)).not.toContain(
      applicationId,
    );
  });

  it('lets the handling officers download materials, and keeps other departments out', async () => {
    const application = await t
      .http()
      .get(`/api/v1/applications/${applicationId}`)
      .set(hcb.officer.auth)
      .expect(200);
    const content = await t
      .http()
      .get(
        `/api/v1/applications/${applicationId}/materials/${application.body.materials[0].id}/content`,
      )
      .set(hcb.officer.auth)
      .expect(200);
    expect(Buffer.from(content.body).subarray(0, 5).toString()).toBe('%PDF-');
    await t
      .http()
      .get(`/api/v1/applications/${applicationId}`)
      .set(customs.officer.auth)
      .expect(404);

    const task = await taskFor(t, hcb.officer, applicationId, 'acceptance');
    await t.http().post(`/api/v1/tasks/${task.id}/claim`).set(customs.officer.auth).expect(404);
    await t
      .http()
      .post(`/api/v1/tasks/${task.id}/complete`)
      .set(customs.officer.auth)
      .send({ action: 'accept' })
      .expect(404);
    const unclaimed = await t
      .http()
      .post(`/api/v1/tasks/${task.id}/complete`)
      .set(hcb.officer.auth)
      .send({ action: 'accept' })
      .expect(409);
    expect(unclaimed.body.detail).toMatch(/Claim the task/);
    await t.http().get(`/api/v1/tasks?department=CUSTOMS`).set(hcb.officer.auth).expect(403);
    expect((await act(t, hcb.officer, applicationId, 'acceptance', 'accept')).status).toBe(200);
  });

  it('refuses an oversized or wrongly typed upload with 413/415 and keeps nothing', async () => {
    const draft = await t
      .http()
      .post('/api/v1/applications')
      .set(a.auth)
      .send({ serviceCode: 'FIRE_PROTECTION_REVIEW' })
      .expect(201);
    const before = storedObjects(t.config.STORAGE_DIR);
    const service = await t.http().get('/api/v1/services/FIRE_PROTECTION_REVIEW').expect(200);
    const material = service.body.materials.find(
      (candidate: { code: string }) => candidate.code === 'fire_review_application',
    );

    const oversized = await t
      .http()
      .post(`/api/v1/applications/${draft.body.id}/materials`)
      .set(a.auth)
      .field('materialType', material.code)
      .attach('file', Buffer.concat([PDF, Buffer.alloc(material.maxBytes)]), 'big.pdf')
      .expect(413);
    expect(oversized.headers['content-type']).toContain('application/problem+json');

    const wrongType = await t
      .http()
      .post(`/api/v1/applications/${draft.body.id}/materials`)
      .set(a.auth)
      .field('materialType', material.code)
      .attach('file', PNG, 'looks-like.pdf')
      .expect(415);
    expect(wrongType.body.type).toBe('urn:parkline:problem:unsupported-media-type');

    const after = await t
      .http()
      .get(`/api/v1/applications/${draft.body.id}`)
      .set(a.auth)
      .expect(200);
    expect(after.body.materials).toEqual([]);
    expect(storedObjects(t.config.STORAGE_DIR).sort()).toEqual(before.sort());
    expect(readdirSync(join(t.config.STORAGE_DIR, 'tmp'))).toEqual([]);
    await t
      .http()
      .post(`/api/v1/applications/${draft.body.id}/materials`)
      .set(a.auth)
      .field('materialType', 'not_a_material')
      .attach('file', PDF, 'x.pdf')
      .expect(400);
  });

  it('holds the library to the limits of the material type: content sniffed, size capped, nothing kept', async () => {
    const libraryRows = async () =>
      Number(
        (
          await t.dataSource.query(
            `SELECT count(*) AS n FROM library_materials WHERE enterprise_id = $1`,
            [a.enterpriseId],
          )
        )[0].n,
      );
    const addToLibrary = (materialType: string, content: Buffer, fileName = 'licence.pdf') =>
      t
        .http()
        .post(`/api/v1/enterprises/${a.enterpriseId}/materials`)
        .set(a.auth)
        .field('materialType', materialType)
        .attach('file', content, { filename: fileName, contentType: 'application/pdf' });
    const rowsBefore = await libraryRows();
    const objectsBefore = storedObjects(t.config.STORAGE_DIR);
    const service = await t.http().get('/api/v1/services/FIRE_PROTECTION_REVIEW').expect(200);
    const licence = service.body.materials.find(
      (candidate: { code: string }) => candidate.code === 'business_licence',
    );
    expect(licence).toMatchObject({ formats: ['pdf', 'jpg', 'png'], fromLibrary: true });

    const disguised = {
      executable: Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(256)]),
      html: Buffer.from('<!DOCTYPE html><html><script>alert(document.cookie)</script></html>'),
      zip: Buffer.concat([Buffer.from([0x50, 0x4b, 0x05, 0x06]), Buffer.alloc(18)]),
    };
    for (const [kind, content] of Object.entries(disguised)) {
      const refused = await addToLibrary('business_licence', content);
      expect([kind, refused.status]).toEqual([kind, 415]);
      expect(refused.headers['content-type']).toContain('application/problem+json');
    }
    const oversized = await addToLibrary(
      'business_licence',
      Buffer.concat([PDF, Buffer.alloc(licence.maxBytes)]),
    );
    expect(oversized.status).toBe(413);
    expect(oversized.headers['content-type']).toContain('application/problem+json');
    for (const materialType of ['not_a_material', 'import_contract']) {
      const unknown = await addToLibrary(materialType, PDF);
      expect([materialType, unknown.status]).toEqual([materialType, 400]);
      expect(unknown.body.errors[0].field).toBe('materialType');
    }
    expect(await libraryRows()).toBe(rowsBefore);
    expect(storedObjects(t.config.STORAGE_DIR).sort()).toEqual(objectsBefore.sort());
    expect(readdirSync(join(t.config.STORAGE_DIR, 'tmp'))).toEqual([]);

    // A dossier may be a zip archive: the type decides, not a library-wide list.
    const dossier = await addToLibrary('ip_certificates', disguised.zip, 'patents.zip').expect(201);
    expect(dossier.body).toMatchObject({ materialType: 'ip_certificates', format: 'zip' });
  });

  it('takes a material from the library instead of uploading it again', async () => {
    const added = await t
      .http()
      .post(`/api/v1/enterprises/${a.enterpriseId}/materials`)
      .set(a.auth)
      .field('materialType', 'business_licence')
      .field('title', '营业执照副本')
      .attach('file', PDF, 'licence.pdf')
      .expect(201);
    await t.http().get(`/api/v1/enterprises/${a.enterpriseId}/materials`).set(b.auth).expect(404);
    const draft = await t
      .http()
      .post('/api/v1/applications')
      .set(a.auth)
      .send({ serviceCode: 'FIRE_PROTECTION_REVIEW' })
      .expect(201);
    const attached = await t
      .http()
      .post(`/api/v1/applications/${draft.body.id}/materials`)
      .set(a.auth)
      .send({ materialType: 'business_licence', libraryMaterialId: added.body.id })
      .expect(200);
    expect(attached.body.materials).toEqual([
      expect.objectContaining({
        materialType: 'business_licence',
        libraryMaterialId: added.body.id,
        sha256: added.body.sha256,
      }),
    ]);
    const otherDraft = await t
      .http()
      .post('/api/v1/applications')
      .set(b.auth)
      .send({ serviceCode: 'FIRE_PROTECTION_REVIEW' })
      .expect(201);
    await t
      .http()
      .post(`/api/v1/applications/${otherDraft.body.id}/materials`)
      .set(b.auth)
      .send({ materialType: 'business_licence', libraryMaterialId: added.body.id })
      .expect(404);
    await t
      .http()
      .post(`/api/v1/applications/${draft.body.id}/materials`)
      .set(a.auth)
      .send({ materialType: 'business_licence', libraryMaterialId: added.body.id, extra: 1 })
      .expect(400);
  });

  it('finds applications by number, enterprise name or credit code and by filters', async () => {
    const own = await t.http().get(`/api/v1/applications/${applicationId}`).set(a.auth).expect(200);
    const [enterprise] = await t.dataSource.query(
      `SELECT name, credit_code FROM enterprises WHERE id = $1`,
      [a.enterpriseId],
    );
    for (const q of [own.body.number, enterprise.name.slice(-8), enterprise.credit_code.trim()]) {
      const found = await t
        .http()
        .get(`/api/v1/applications?q=${encodeURIComponent(q)}&limit=100`)
        .set(admin.auth)
        .expect(200);
      expect(found.body.data.map((application: { id: string }) => application.id)).toContain(
        applicationId,
      );
    }
    const byService = await t
      .http()
      .get('/api/v1/applications?service=FIRE_PROTECTION_REVIEW&status=IN_PROGRESS&limit=100')
      .set(hcb.officer.auth)
      .expect(200);
    expect(byService.body.data.map((application: { id: string }) => application.id)).toContain(
      applicationId,
    );
    const other = await t
      .http()
      .get('/api/v1/applications?service=SPECIAL_ARTICLE_ENTRY')
      .set(hcb.officer.auth)
      .expect(200);
    expect(other.body.data).toEqual([]);
    await t.http().get('/api/v1/applications?status=SOMETHING').set(a.auth).expect(400);
  });

  it('checks versions: a stale If-Match is 412, a stale expectedVersion 409', async () => {
    const draft = await t
      .http()
      .post('/api/v1/applications')
      .set(a.auth)
      .send({ serviceCode: 'FIRE_PROTECTION_REVIEW' })
      .expect(201);
    expect(draft.headers.location).toBe(`/api/v1/applications/${draft.body.id}`);
    const read = await t
      .http()
      .get(`/api/v1/applications/${draft.body.id}`)
      .set(a.auth)
      .expect(200);
    const etag = read.headers.etag;
    await t
      .http()
      .patch(`/api/v1/applications/${draft.body.id}`)
      .set(a.auth)
      .set('If-Match', etag)
      .send({ form: { 'project.name': '新建消防工程' } })
      .expect(200);
    await t
      .http()
      .patch(`/api/v1/applications/${draft.body.id}`)
      .set(a.auth)
      .set('If-Match', etag)
      .send({ form: {} })
      .expect(412);
    await t
      .http()
      .post(`/api/v1/applications/${draft.body.id}/submit`)
      .set(a.auth)
      .send({ expectedVersion: 1 })
      .expect(409);
  });

  it('keeps the history append-only: the database refuses to change or delete events', async () => {
    await expect(
      t.dataSource.query(`UPDATE events SET type = 'forged' WHERE subject_id = $1`, [
        applicationId,
      ]),
    ).rejects.toThrow(/append-only/);
    await expect(
      t.dataSource.query(`DELETE FROM events WHERE subject_id = $1`, [applicationId]),
    ).rejects.toThrow(/append-only/);
  });
});
