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
    for (const code of ['CUSTOMS', 'COMMERCE', 'SCITECH', 'MPA', 'PSC'])
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

  it('starts a dependent child only after its prerequisite is approved, carrying the certificate it issued', async () => {
    const enterprise = await verifiedEnterprise(t, admin);
    const bundle = await fileBundle(enterprise, 'DRUG_CANDIDATE_TO_CLINIC', {
      'clinical.specialty': 'ONCOLOGY',
      'trial.indication': '晚期实体瘤',
    });
    const byService = Object.fromEntries(
      bundle.children.map((child: { serviceCode: string }) => [child.serviceCode, child]),
    );
    expect(byService.CLINICAL_TRIAL_DOCKING).toMatchObject({
      status: 'DRAFT',
      waitingFor: 'DRUG_REGISTRATION_TESTING',
    });
    const testing = byService.DRUG_REGISTRATION_TESTING.id;
    const docking = byService.CLINICAL_TRIAL_DOCKING.id;

    expect((await act(t, departments.MPA.officer, testing, 'acceptance', 'accept')).status).toBe(
      200,
    );
    const stillWaiting = await t
      .http()
      .get(`/api/v1/applications/${docking}`)
      .set(enterprise.auth)
      .expect(200);
    expect(stillWaiting.body).toMatchObject({ status: 'DRAFT', stage: null });
    expect((await act(t, departments.MPA.officer, testing, 'review', 'approve')).status).toBe(200);
    expect((await act(t, departments.MPA.head, testing, 'decision', 'approve')).status).toBe(200);

    const started = await waitForApplication(t, enterprise, docking, { stage: 'hospital_review' });
    const report = started.materials.find(
      (material: { materialType: string }) =>
        material.materialType === 'drug_registration_test_report',
    );
    expect(report).toBeDefined();
    const certificate = await t
      .http()
      .get(`/api/v1/applications/${testing}/certificate`)
      .set(enterprise.auth)
      .expect(200);
    const library = await t
      .http()
      .get(
        `/api/v1/enterprises/${enterprise.enterpriseId}/materials?materialType=drug_registration_test_report`,
      )
      .set(enterprise.auth)
      .expect(200);
    expect(library.body[0]).toMatchObject({
      certificateId: certificate.body.id,
      sha256: report.sha256,
    });
  });

  it('fails visibly when a prerequisite is denied: the dependent child is withdrawn and the bundle names the failed child', async () => {
    const enterprise = await verifiedEnterprise(t, admin);
    const bundle = await fileBundle(enterprise, 'DRUG_CANDIDATE_TO_CLINIC', {
      'clinical.specialty': 'ONCOLOGY',
    });
    const byService = Object.fromEntries(
      bundle.children.map((child: { serviceCode: string; id: string }) => [
        child.serviceCode,
        child.id,
      ]),
    );
    expect(
      (
        await act(
          t,
          departments.MPA.officer,
          byService.DRUG_REGISTRATION_TESTING,
          'acceptance',
          'reject',
          { comment: '检验用途不符' },
        )
      ).status,
    ).toBe(200);
    await eventually(async () => {
      const docking = await t
        .http()
        .get(`/api/v1/applications/${byService.CLINICAL_TRIAL_DOCKING}`)
        .set(enterprise.auth)
        .expect(200);
      return docking.body.status === 'WITHDRAWN' ? docking.body : undefined;
    });
    const docking = await t
      .http()
      .get(`/api/v1/applications/${byService.CLINICAL_TRIAL_DOCKING}`)
      .set(enterprise.auth)
      .expect(200);
    expect(docking.body.outcomeReason).toBe('PREREQUISITE_DENIED');
    // The third child is still open: withdraw it so the bundle can finish.
    await t
      .http()
      .post(`/api/v1/applications/${byService.HUMAN_GENETIC_RESOURCES}/withdraw`)
      .set(enterprise.auth)
      .send({})
      .expect(200);
    const failed = await waitForApplication(t, enterprise, bundle.id, { status: 'DENIED' });
    expect(failed.failedChildIds).toEqual([byService.DRUG_REGISTRATION_TESTING]);
  });
});
