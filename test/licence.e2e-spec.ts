import { WorkingDayCalendar } from '../src/calendar/working-day-calendar';
import { officialCalendarYears } from '../src/calendar/official-holidays';
import { Session, loginAdmin, registerEnterprise } from './support/factories';
import {
  act,
  department,
  Department,
  fileComplete,
  uploadMaterial,
  verifiedEnterprise,
  waitForApplication,
} from './support/filing';
import { ManualClock, shanghai } from './support/manual-clock';
import { TestApp, startTestApp } from './support/test-app';

const calendar = new WorkingDayCalendar(officialCalendarYears());

describe('licence journey', () => {
  const clock = new ManualClock(shanghai('2026-11-02T09:00:00'));
  let t: TestApp;
  let admin: Session;
  let hcb: Department;

  beforeAll(async () => {
    t = await startTestApp({}, { clock });
    admin = await loginAdmin(t);
    hcb = await department(t, admin, 'HCB');
  });

  afterAll(() => t.close());

  it("goes through a supplement round, inspection and a head's decision to a certificate that verifies", async () => {
    const enterprise = await verifiedEnterprise(t, admin);
    const { id } = await fileComplete(t, enterprise, 'FIRE_PROTECTION_REVIEW');
    const submitted = await waitForApplication(t, enterprise, id, {
      stage: 'acceptance',
      status: 'IN_PROGRESS',
    });
    const deadlineBefore = new Date(submitted.sla.statutory.deadline);
    const promisedBefore = new Date(submitted.sla.promised.deadline);

    // The acceptance officer asks, itemised, for a better floor plan and a corrected field.
    clock.set(shanghai('2026-11-03T10:00:00'));
    const asked = await act(t, hcb.officer, id, 'acceptance', 'request_supplement', {
      comment: '图纸不清晰',
      data: {
        items: [{ kind: 'material', key: 'fire_review_application', reason: '申请表缺少签章' }],
      },
    });
    expect(asked.status).toBe(200);
    const waiting = await waitForApplication(t, enterprise, id, { status: 'SUPPLEMENT_REQUIRED' });
    expect(waiting.supplementRequest).toMatchObject({
      stage: 'acceptance',
      items: [{ kind: 'material', key: 'fire_review_application' }],
    });
    expect(waiting.sla.state).toBe('PAUSED');

    // The enterprise answers three working days later (Mon 11-03 → Thu 11-06).
    clock.set(shanghai('2026-11-06T15:00:00'));
    await uploadMaterial(t, enterprise, id, 'fire_review_application').expect(200);
    await t
      .http()
      .post(`/api/v1/applications/${id}/supplement`)
      .set(enterprise.auth)
      .send({ comment: '已补充签章' })
      .expect(200);
    await t
      .http()
      .post(`/api/v1/applications/${id}/supplement`)
      .set(enterprise.auth)
      .send({})
      .expect(409);
    const resumed = await waitForApplication(t, enterprise, id, {
      stage: 'acceptance',
      status: 'IN_PROGRESS',
    });
    const paused = calendar.workingDaysBetween(
      shanghai('2026-11-03T10:00:00'),
      shanghai('2026-11-06T15:00:00'),
    );
    expect(paused).toBe(3);
    expect(
      calendar.workingDaysBetween(deadlineBefore, new Date(resumed.sla.statutory.deadline)),
    ).toBe(paused);
    expect(
      calendar.workingDaysBetween(promisedBefore, new Date(resumed.sla.promised.deadline)),
    ).toBe(paused);

    // At acceptance the law allows one notice only.
    const second = await act(t, hcb.officer, id, 'acceptance', 'request_supplement', {
      data: { items: [{ kind: 'field', key: 'project.name', reason: '名称不一致' }] },
    });
    expect(second.status).toBe(422);
    expect(second.body.allowedActions).toEqual(['accept', 'reject']);
    const wrong = await t
      .http()
      .post(`/api/v1/tasks/${second.body.instance.split('/')[4]}/complete`)
      .set(hcb.officer.auth)
      .send({ action: 'approve' });
    expect(wrong.status).toBe(422);
    expect(wrong.body.allowedActions).toEqual(['accept', 'reject', 'request_supplement']);

    expect(
      (
        await t
          .http()
          .post(`/api/v1/tasks/${second.body.instance.split('/')[4]}/complete`)
          .set(hcb.officer.auth)
          .send({ action: 'accept' })
      ).status,
    ).toBe(200);
    expect((await act(t, hcb.officer, id, 'review', 'refer_inspection')).status).toBe(200);
    expect(
      (
        await act(t, hcb.officer, id, 'inspection', 'record_inspection', {
          data: { result: 'PASSED', findings: '消防设施完好' },
        })
      ).status,
    ).toBe(200);

    // The decision needs a head: the officer cannot even claim it.
    const decisionTask = await t
      .http()
      .get('/api/v1/tasks?limit=100')
      .set(hcb.head.auth)
      .expect(200);
    const decision = decisionTask.body.data.find(
      (task: { applicationId: string }) => task.applicationId === id,
    );
    expect(decision).toMatchObject({
      stage: 'decision',
      role: 'DEPARTMENT_HEAD',
      allowedActions: ['approve', 'deny'],
    });
    const byRole = async (role: string) =>
      (await t.http().get(`/api/v1/tasks?role=${role}&limit=100`).set(hcb.head.auth).expect(200))
        .body.data as { id: string; role: string }[];
    const officers = await byRole('OFFICER');
    const heads = await byRole('DEPARTMENT_HEAD');
    expect(officers.map((task) => task.id)).not.toContain(decision.id);
    expect(heads.map((task) => task.id)).toContain(decision.id);
    expect(officers.filter((task) => task.role !== 'OFFICER')).toEqual([]);
    expect(heads.filter((task) => task.role !== 'DEPARTMENT_HEAD')).toEqual([]);
    await t.http().post(`/api/v1/tasks/${decision.id}/claim`).set(hcb.officer.auth).expect(403);
    expect((await act(t, hcb.head, id, 'decision', 'approve', { comment: '同意' })).status).toBe(
      200,
    );

    const done = await waitForApplication(t, enterprise, id, { status: 'COMPLETED' });
    expect(done.finishedAt).not.toBeNull();
    const certificate = await t
      .http()
      .get(`/api/v1/applications/${id}/certificate`)
      .set(enterprise.auth)
      .expect(200);
    expect(certificate.body.number).toMatch(/^FIRE_PROTECTION_REVIEW-2026-\d{6}$/);
    const verify = await t
      .http()
      .get(
        `/api/v1/certificates/${certificate.body.number}/verify?code=${certificate.body.verificationCode}`,
      )
      .expect(200);
    expect(verify.body).toMatchObject({ valid: true, status: 'VALID' });
    const pdf = await t
      .http()
      .get(`/api/v1/applications/${id}/certificate.pdf`)
      .set(enterprise.auth)
      .expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');

    const library = await t
      .http()
      .get(`/api/v1/enterprises/${enterprise.enterpriseId}/materials`)
      .set(enterprise.auth)
      .expect(200);
    expect(library.body).toContainEqual(
      expect.objectContaining({ source: 'CERTIFICATE', certificateId: certificate.body.id }),
    );

    const timeline = await t
      .http()
      .get(`/api/v1/applications/${id}/events`)
      .set(enterprise.auth)
      .expect(200);
    const types = timeline.body.map((event: { type: string }) => event.type);
    expect(types).toEqual(
      expect.arrayContaining([
        'application.submitted',
        'application.supplement_requested',
        'application.supplemented',
        'application.clock_stopped',
        'application.clock_resumed',
        'application.approved',
        'certificate.issued',
        'application.completed',
      ]),
    );
    const supplemented = timeline.body.find(
      (event: { type: string }) => event.type === 'application.supplemented',
    );
    expect(supplemented.data.diff.materials).toEqual([
      expect.objectContaining({ materialType: 'fire_review_application' }),
    ]);

    // One altered field and the certificate no longer verifies.
    await t.dataSource.query(
      `UPDATE certificates SET content = jsonb_set(content, '{holder,name}', '"某某公司"') WHERE id = $1`,
      [certificate.body.id],
    );
    const tampered = await t
      .http()
      .get(
        `/api/v1/certificates/${certificate.body.number}/verify?code=${certificate.body.verificationCode}`,
      )
      .expect(200);
    expect(tampered.body).toEqual({ valid: false, status: 'INVALID' });
    await t
      .http()
      .get(`/api/v1/certificates/${certificate.body.number}/verify?code=AAAAAAAAAAAA`)
      .expect(404);
  });

  it('lets a head extend the statutory limit once by 10 working days, recorded in the timeline', async () => {
    const enterprise = await verifiedEnterprise(t, admin);
    const { id } = await fileComplete(t, enterprise, 'FIRE_PROTECTION_REVIEW');
    const before = await waitForApplication(t, enterprise, id, { stage: 'acceptance' });
    await t
      .http()
      .post(`/api/v1/applications/${id}/extension`)
      .set(hcb.officer.auth)
      .send({ reason: '需专家论证' })
      .expect(403);
    const extended = await t
      .http()
      .post(`/api/v1/applications/${id}/extension`)
      .set(hcb.head.auth)
      .send({ reason: '需专家论证' })
      .expect(200);
    expect(
      calendar.workingDaysBetween(
        new Date(before.sla.statutory.deadline),
        new Date(extended.body.sla.statutory.deadline),
      ),
    ).toBe(10);
    expect(extended.body.sla.statutory).toMatchObject({
      extended: true,
      workingDaysAllowed: before.sla.statutory.workingDaysAllowed + 10,
    });
    expect(extended.body.sla.promised.deadline).toBe(before.sla.promised.deadline);
    await t
      .http()
      .post(`/api/v1/applications/${id}/extension`)
      .set(hcb.head.auth)
      .send({ reason: '再次延长' })
      .expect(422);
    const timeline = await t
      .http()
      .get(`/api/v1/applications/${id}/events`)
      .set(enterprise.auth)
      .expect(200);
    expect(timeline.body).toContainEqual(
      expect.objectContaining({
        type: 'application.extended',
        data: expect.objectContaining({ reason: '需专家论证', workingDays: 10 }),
      }),
    );
  });

  it('refuses to submit for an unverified enterprise', async () => {
    const enterprise = await registerEnterprise(t);
    const draft = await t
      .http()
      .post('/api/v1/applications')
      .set(enterprise.auth)
      .send({ serviceCode: 'FIRE_PROTECTION_REVIEW' })
      .expect(201);
    const refused = await t
      .http()
      .post(`/api/v1/applications/${draft.body.id}/submit`)
      .set(enterprise.auth)
      .send({})
      .expect(422);
    expect(refused.body.detail).toMatch(/not verified/);
  });
});
