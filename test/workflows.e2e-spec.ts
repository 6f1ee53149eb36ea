import { Session, loginAdmin, newStaff } from './support/factories';
import {
  act,
  department,
  Department,
  fileComplete,
  taskFor,
  verifiedEnterprise,
  waitForApplication,
} from './support/filing';
import { TestApp, startTestApp } from './support/test-app';

describe('workflow archetypes', () => {
  let t: TestApp;
  let admin: Session;
  let customs: Department;
  let psc: Department;
  let hrss: Department;
  let enterprise: Session & { enterpriseId: string };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginAdmin(t);
    customs = await department(t, admin, 'CUSTOMS');
    psc = await department(t, admin, 'PSC');
    hrss = await department(t, admin, 'HRSS');
    enterprise = await verifiedEnterprise(t, admin);
  });

  afterAll(() => t.close());

  const stagesOf = async (id: string) => {
    const timeline = await t
      .http()
      .get(`/api/v1/applications/${id}/events`)
      .set(enterprise.auth)
      .expect(200);
    return timeline.body
      .filter((event: { type: string }) => event.type === 'application.stage_changed')
      .map((event: { data: { to: string } }) => event.data.to);
  };

  it('sends a class A special-biologics import through the biosafety evaluation', async () => {
    const { id } = await fileComplete(t, enterprise, 'SPECIAL_ARTICLE_ENTRY', {
      'article.riskClass': 'A',
      'article.category': 'MICROORGANISM',
    });
    await waitForApplication(t, enterprise, id, { stage: 'customs_review' });
    expect(
      (await act(t, customs.officer, id, 'customs_review', 'approve', { comment: '单证相符' }))
        .status,
    ).toBe(200);
    expect(
      (
        await act(t, customs.officer, id, 'biosafety_evaluation', 'approve', {
          comment: '实验室条件满足',
        })
      ).status,
    ).toBe(200);
    expect((await act(t, customs.head, id, 'decision', 'approve')).status).toBe(200);
    await waitForApplication(t, enterprise, id, { status: 'COMPLETED' });
    expect(await stagesOf(id)).toEqual([
      'risk_screening',
      'customs_review',
      'biosafety_evaluation',
      'decision',
      'issuance',
    ]);
    const timeline = await t
      .http()
      .get(`/api/v1/applications/${id}/events`)
      .set(enterprise.auth)
      .expect(200);
    const screened = timeline.body.find(
      (event: { data: { riskClass?: string } }) => event.data.riskClass,
    );
    expect(screened.data).toMatchObject({ riskClass: 'A', biosafetyEvaluation: true });
  });

  it('fast-tracks a class D import past the biosafety evaluation', async () => {
    const { id } = await fileComplete(t, enterprise, 'SPECIAL_ARTICLE_ENTRY', {
      'article.riskClass': 'D',
      'article.category': 'BIOLOGICAL_PRODUCT',
    });
    await waitForApplication(t, enterprise, id, { stage: 'decision' });
    expect((await act(t, customs.head, id, 'decision', 'approve')).status).toBe(200);
    await waitForApplication(t, enterprise, id, { status: 'COMPLETED' });
    expect(await stagesOf(id)).toEqual(['risk_screening', 'decision', 'issuance']);
  });

  it('re-matches a clinical trial with another hospital when the first declines', async () => {
    const { id } = await fileComplete(t, enterprise, 'CLINICAL_TRIAL_DOCKING', {
      'clinical.specialty': 'ONCOLOGY',
      'trial.indication': '复发/难治性弥漫大B细胞淋巴瘤',
    });
    await waitForApplication(t, enterprise, id, { stage: 'hospital_review' });
    const matchEvents = async () => {
      const timeline = await t
        .http()
        .get(`/api/v1/applications/${id}/events`)
        .set(enterprise.auth)
        .expect(200);
      return timeline.body.filter(
        (event: { data: { institution?: unknown } }) => event.data.institution,
      );
    };
    const [first] = await matchEvents();
    expect(first.data.institution.code).toBe('PROVINCIAL_CANCER');

    expect(
      (await act(t, psc.officer, id, 'hospital_review', 'decline', { comment: '本季度床位已满' }))
        .status,
    ).toBe(200);
    await waitForApplication(t, enterprise, id, { stage: 'hospital_review' });
    const [, second] = await matchEvents();
    expect(second.data.institution.code).not.toBe(first.data.institution.code);
    expect(second.data.excluded).toEqual([first.data.institution.id]);

    expect((await act(t, psc.officer, id, 'hospital_review', 'accept')).status).toBe(200);
    expect(
      (
        await act(t, psc.officer, id, 'ethics_scheduling', 'schedule', {
          data: { meetingDate: '2026-12-10' },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await act(t, psc.officer, id, 'agreement', 'record_agreement', {
          data: { agreementNumber: 'CTA-2026-0415' },
        })
      ).status,
    ).toBe(200);
    await waitForApplication(t, enterprise, id, { status: 'COMPLETED' });
  });

  it('ends a value-added service with the enterprise confirming the result', async () => {
    const { id } = await fileComplete(t, enterprise, 'TALENT_RECRUITMENT');
    await waitForApplication(t, enterprise, id, { stage: 'handling' });
    await t
      .http()
      .post(`/api/v1/applications/${id}/confirm`)
      .set(enterprise.auth)
      .send({})
      .expect(409);
    expect(
      (
        await act(t, hrss.officer, id, 'handling', 'complete', {
          data: { summary: '已推荐 3 名候选人' },
        })
      ).status,
    ).toBe(200);
    await waitForApplication(t, enterprise, id, { stage: 'confirmation', status: 'IN_PROGRESS' });
    const confirmed = await t
      .http()
      .post(`/api/v1/applications/${id}/confirm`)
      .set(enterprise.auth)
      .send({})
      .expect(200);
    expect(confirmed.body.status).toBe('COMPLETED');

    const rated = await t
      .http()
      .post(`/api/v1/applications/${id}/rating`)
      .set(enterprise.auth)
      .send({ score: 2, comment: '响应慢' })
      .expect(200);
    expect(rated.body.rating).toBe(2);
    await t
      .http()
      .post(`/api/v1/applications/${id}/rating`)
      .set(enterprise.auth)
      .send({ score: 5 })
      .expect(409);
    const queue = await t.http().get('/api/v1/tasks?limit=100').set(hrss.officer.auth).expect(200);
    expect(queue.body.data).toContainEqual(
      expect.objectContaining({
        applicationId: id,
        kind: 'RECTIFICATION',
        allowedActions: ['complete'],
      }),
    );
  });

  it('lists the allowed actions when an officer picks one the stage does not offer', async () => {
    const { id } = await fileComplete(t, enterprise, 'TALENT_RECRUITMENT');
    await waitForApplication(t, enterprise, id, { stage: 'handling' });
    const response = await act(t, hrss.officer, id, 'handling', 'approve');
    expect(response.status).toBe(422);
    expect(response.body.allowedActions).toEqual(['request_supplement', 'decline', 'complete']);
  });

  it("lets a head list the department's staff, reassign a task, and return a deactivated officer's claim to the queue", async () => {
    const { id } = await fileComplete(t, enterprise, 'TALENT_RECRUITMENT');
    await waitForApplication(t, enterprise, id, { stage: 'handling' });
    const task = await taskFor(t, hrss.officer, id, 'handling');
    const colleague = await newStaff(t, admin, 'OFFICER', 'HRSS');
    const staff = await t
      .http()
      .get('/api/v1/departments/HRSS/staff')
      .set(hrss.head.auth)
      .expect(200);
    expect(staff.body).toEqual(
      expect.arrayContaining([
        { id: colleague.userId, name: expect.any(String), role: 'OFFICER' },
        { id: hrss.head.userId, name: expect.any(String), role: 'DEPARTMENT_HEAD' },
      ]),
    );
    expect(staff.body.map((user: { id: string }) => user.id)).not.toContain(customs.officer.userId);
    await t.http().get('/api/v1/departments/CUSTOMS/staff').set(hrss.head.auth).expect(403);
    await t.http().get('/api/v1/departments/HRSS/staff').set(hrss.officer.auth).expect(403);
    await t.http().get('/api/v1/departments/NOPE/staff').set(admin.auth).expect(404);
    await t
      .http()
      .post(`/api/v1/tasks/${task.id}/reassign`)
      .set(hrss.officer.auth)
      .send({ assigneeId: colleague.userId })
      .expect(403);
    await t
      .http()
      .post(`/api/v1/tasks/${task.id}/reassign`)
      .set(hrss.head.auth)
      .send({ assigneeId: customs.officer.userId })
      .expect(400);
    const reassigned = await t
      .http()
      .post(`/api/v1/tasks/${task.id}/reassign`)
      .set(hrss.head.auth)
      .send({ assigneeId: colleague.userId })
      .expect(200);
    expect(reassigned.body).toMatchObject({ status: 'CLAIMED', assigneeId: colleague.userId });

    await t
      .http()
      .patch(`/api/v1/users/${colleague.userId}`)
      .set(admin.auth)
      .send({ active: false })
      .expect(200);
    const released = await t.http().get(`/api/v1/tasks/${task.id}`).set(hrss.head.auth).expect(200);
    expect(released.body).toMatchObject({ status: 'OPEN', assigneeId: null });
  });
});
