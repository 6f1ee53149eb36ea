import { Session, loginAdmin } from './support/factories';
import {
  act,
  department,
  Department,
  exampleForm,
  uploadMaterial,
  verifiedEnterprise,
  waitForApplication,
  taskFor,
} from './support/filing';
import { TestApp, eventually, startTestApp } from './support/test-app';

describe('"one thing" bundles', () => {
  let t: TestApp;
  let admin: Session;
  const departments: Record<string, Department> = {};

  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginAdmin(t);
    for (const code of ['CUSTOMS', 'COMMERCE', 'SCITECH', 'MPA', 'PSC', 'HEALTH'])
      departments[code] = await department(t, admin, code);
  });

  afterAll(() => t.close());

  /** Drafts a bundle with the merged form's examples and every material it asks for. */
  async function fileBundle(
    enterprise: Session,
    bundleCode: string,
    formOverrides: Record<string, unknown> = {},
  ) {
    const bundle = await t.http().get(`/api/v1/bundles/${bundleCode}`).expect(200);
    const form: Record<string, unknown> = {};
    for (const member of bundle.body.services)
      Object.assign(form, await exampleForm(t, member.serviceCode));
    Object.assign(form, formOverrides);
    const draft = await t
      .http()
      .post('/api/v1/applications')
      .set(enterprise.auth)
      .send({ bundleCode, form })
      .expect(201);
    expect(draft.body).toMatchObject({ kind: 'BUNDLE', bundleCode, status: 'DRAFT' });
    const checklist = await t
      .http()
      .get(`/api/v1/applications/${draft.body.id}/checklist`)
      .set(enterprise.auth)
      .expect(200);
    for (const materialType of checklist.body.requiredMaterialTypes)
      await uploadMaterial(t, enterprise, draft.body.id, materialType).expect(200);
    const complete = await t
      .http()
      .get(`/api/v1/applications/${draft.body.id}/checklist`)
      .set(enterprise.auth)
      .expect(200);
    expect(complete.body).toMatchObject({ complete: true, items: [] });
    const submitted = await t
      .http()
      .post(`/api/v1/applications/${draft.body.id}/submit`)
      .set(enterprise.auth)
      .send({})
      .expect(200);
    return submitted.body;
  }

  it('submits once, routes three children to three departments in parallel, and completes after all three', async () => {
    const enterprise = await verifiedEnterprise(t, admin);
    const bundle = await fileBundle(enterprise, 'BIOLOGICS_IMPORT_ANIMAL_STUDIES', {
      'article.riskClass': 'D',
      'article.category': 'BIOLOGICAL_PRODUCT',
    });
    expect(bundle.status).toBe('IN_PROGRESS');
    expect(bundle.children.map((child: { serviceCode: string }) => child.serviceCode)).toEqual([
      'SPECIAL_ARTICLE_ENTRY',
      'RD_IMPORT_WHITELIST',
      'LAB_ANIMAL_USE',
    ]);
    const [article, whitelist, animals] = bundle.children.map((child: { id: string }) => child.id);

    // Each child waits in its own department's queue at the same time.
    await taskFor(t, departments.CUSTOMS.head, article, 'decision');
    await taskFor(t, departments.COMMERCE.officer, whitelist, 'acceptance');
    await taskFor(t, departments.SCITECH.officer, animals, 'acceptance');

    expect((await act(t, departments.CUSTOMS.head, article, 'decision', 'approve')).status).toBe(
      200,
    );
    for (const [id, code] of [
      [whitelist, 'COMMERCE'],
      [animals, 'SCITECH'],
    ] as const) {
      expect((await act(t, departments[code].officer, id, 'acceptance', 'accept')).status).toBe(
        200,
      );
      expect((await act(t, departments[code].officer, id, 'review', 'approve')).status).toBe(200);
    }
    expect((await act(t, departments.COMMERCE.head, whitelist, 'decision', 'approve')).status).toBe(
      200,
    );
    await waitForApplication(t, enterprise, article, { status: 'COMPLETED' });
    await waitForApplication(t, enterprise, whitelist, { status: 'COMPLETED' });
    const partial = await t
      .http()
      .get(`/api/v1/applications/${bundle.id}`)
      .set(enterprise.auth)
      .expect(200);
    expect(partial.body.status).toBe('IN_PROGRESS');

    expect((await act(t, departments.SCITECH.head, animals, 'decision', 'approve')).status).toBe(
      200,
    );
    const done = await waitForApplication(t, enterprise, bundle.id, { status: 'COMPLETED' });
    expect(done.children.every((child: { status: string }) => child.status === 'COMPLETED')).toBe(
      true,
    );
  });

  it('starts a dependent child only after its prerequisite is recorded, carrying the receipt it issued', async () => {
    const enterprise = await verifiedEnterprise(t, admin);
    const bundle = await fileBundle(enterprise, 'CELL_THERAPY_LAB', {
      'animal.infectionStudy': true,
    });
    expect(bundle.children.map((child: { serviceCode: string }) => child.serviceCode)).toEqual([
      'PATHOGEN_LAB_FILING',
      'LAB_ANIMAL_USE',
      'RADIATION_SAFETY',
      'EIA_APPROVAL',
    ]);
    const byService = Object.fromEntries(
      bundle.children.map((child: { serviceCode: string }) => [child.serviceCode, child]),
    );
    expect(byService.LAB_ANIMAL_USE).toMatchObject({
      status: 'DRAFT',
      waitingFor: 'PATHOGEN_LAB_FILING',
    });
    const filing = byService.PATHOGEN_LAB_FILING.id;
    const animals = byService.LAB_ANIMAL_USE.id;

    // A filing is one officer's record, and the receipt is issued at once.
    expect((await act(t, departments.HEALTH.officer, filing, 'record', 'record')).status).toBe(200);
    await waitForApplication(t, enterprise, filing, { status: 'COMPLETED' });
    const started = await waitForApplication(t, enterprise, animals, { stage: 'acceptance' });
    const receipt = started.materials.find(
      (material: { materialType: string }) => material.materialType === 'biosafety_lab_certificate',
    );
    expect(receipt).toBeDefined();
    const certificate = await t
      .http()
      .get(`/api/v1/applications/${filing}/certificate`)
      .set(enterprise.auth)
      .expect(200);
    const library = await t
      .http()
      .get(
        `/api/v1/enterprises/${enterprise.enterpriseId}/materials?materialType=biosafety_lab_certificate`,
      )
      .set(enterprise.auth)
      .expect(200);
    expect(library.body[0]).toMatchObject({
      certificateId: certificate.body.id,
      sha256: receipt.sha256,
    });
  });

  it('takes a drug candidate to the clinic only once its IND stands, and fails visibly when the IND is refused', async () => {
    const enterprise = await verifiedEnterprise(t, admin);
    const form = { 'clinical.specialty': 'ONCOLOGY', 'trial.indication': '晚期实体瘤' };
    const ids = async (bundle: { children: { serviceCode: string; id: string }[] }) =>
      Object.fromEntries(bundle.children.map((child) => [child.serviceCode, child.id]));

    const approved = await ids(await fileBundle(enterprise, 'DRUG_CANDIDATE_TO_CLINIC', form));
    const waiting = await t
      .http()
      .get(`/api/v1/applications/${approved.CLINICAL_TRIAL_DOCKING}`)
      .set(enterprise.auth)
      .expect(200);
    expect(waiting.body).toMatchObject({ status: 'DRAFT', stage: null });
    const psc = departments.PSC.officer;
    expect(
      (await act(t, psc, approved.CLINICAL_TRIAL_APPLICATION, 'guidance', 'accept')).status,
    ).toBe(200);
    expect(
      (await act(t, psc, approved.CLINICAL_TRIAL_APPLICATION, 'national_review', 'approve')).status,
    ).toBe(200);
    await waitForApplication(t, enterprise, approved.CLINICAL_TRIAL_DOCKING, {
      stage: 'hospital_review',
    });

    const refused = await ids(await fileBundle(enterprise, 'DRUG_CANDIDATE_TO_CLINIC', form));
    expect(
      (await act(t, psc, refused.CLINICAL_TRIAL_APPLICATION, 'guidance', 'accept')).status,
    ).toBe(200);
    expect(
      (
        await act(t, psc, refused.CLINICAL_TRIAL_APPLICATION, 'national_review', 'deny', {
          comment: '审评中心不同意开展',
        })
      ).status,
    ).toBe(200);
    await eventually(async () => {
      const docking = await t
        .http()
        .get(`/api/v1/applications/${refused.CLINICAL_TRIAL_DOCKING}`)
        .set(enterprise.auth)
        .expect(200);
      return docking.body.status === 'WITHDRAWN' ? docking.body : undefined;
    });
    const docking = await t
      .http()
      .get(`/api/v1/applications/${refused.CLINICAL_TRIAL_DOCKING}`)
      .set(enterprise.auth)
      .expect(200);
    expect(docking.body.outcomeReason).toBe('PREREQUISITE_DENIED');
    // The third child is still open: withdraw it so the bundle can finish.
    await t
      .http()
      .post(`/api/v1/applications/${refused.HUMAN_GENETIC_RESOURCES}/withdraw`)
      .set(enterprise.auth)
      .send({})
      .expect(200);
    const bundleId = (
      await t
        .http()
        .get(`/api/v1/applications/${refused.CLINICAL_TRIAL_DOCKING}`)
        .set(enterprise.auth)
        .expect(200)
    ).body.parentId;
    const failed = await waitForApplication(t, enterprise, bundleId, { status: 'DENIED' });
    expect(failed.failedChildIds).toEqual([refused.CLINICAL_TRIAL_APPLICATION]);
  });
});
