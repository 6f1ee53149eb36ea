import { existsSync, readdirSync } from 'node:fs';
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
import { TestApp, startTestApp } from './support/test-app';

function storedObjects(root: string): string[] {
  const objects = join(root, 'objects');
  if (!existsSync(objects)) return [];
  return readdirSync(objects, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name);
}

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
});
