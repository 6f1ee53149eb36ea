import { MaintenanceService } from '../src/maintenance/maintenance.service';
import { Session, loginAdmin } from './support/factories';
import {
  approveToCertificate,
  act,
  department,
  Department,
  draftComplete,
  fileComplete,
  taskFor,
  verifiedEnterprise,
  waitForApplication,
} from './support/filing';
import { ManualClock, shanghai } from './support/manual-clock';
import { TestApp, eventually, startTestApp } from './support/test-app';

describe('time limits, claims, confirmations and certificates over time', () => {
  const clock = new ManualClock(shanghai('2026-11-02T09:00:00'));
  let t: TestApp;
  let admin: Session;
  let hrss: Department;
  let hcb: Department;
  let health: Department;
  let commerce: Department;
  let psc: Department;
  let scitech: Department;
  let enterprise: Session & { enterpriseId: string };
  const sweep = () => t.app.get(MaintenanceService).runSweeps();
  const eventsOf = async (id: string) =>
    (await t.http().get(`/api/v1/applications/${id}/events`).set(enterprise.auth).expect(200))
      .body as { type: string; data: Record<string, unknown> }[];

  beforeAll(async () => {
    t = await startTestApp({ CLAIM_IDLE_MINUTES: '30' }, { clock });
    admin = await loginAdmin(t);
    hrss = await department(t, admin, 'HRSS');
    hcb = await department(t, admin, 'HCB');
    health = await department(t, admin, 'HEALTH');
    commerce = await department(t, admin, 'COMMERCE');
    psc = await department(t, admin, 'PSC');
    scitech = await department(t, admin, 'SCITECH');
    enterprise = await verifiedEnterprise(t, admin);
  });

  afterAll(() => t.close());

  it('raises at-risk then overdue, escalates the task to the head, and filters by SLA state', async () => {
    clock.set(shanghai('2026-11-02T09:00:00'));
    const { id } = await fileComplete(t, enterprise, 'TALENT_RECRUITMENT');
    const filed = await waitForApplication(t, enterprise, id, { stage: 'handling' });
    const promisedDeadline = new Date(filed.sla.promised.deadline);

    clock.set(new Date(promisedDeadline.getTime() - 3600_000));
    await sweep();
    const atRisk = await t
      .http()
      .get(`/api/v1/applications/${id}`)
      .set(enterprise.auth)
      .expect(200);
    expect(atRisk.body.sla.promised.state).toBe('AT_RISK');
    expect(await eventsOf(id)).toContainEqual(
      expect.objectContaining({
        type: 'application.at_risk',
        data: expect.objectContaining({ clock: 'promised' }),
      }),
    );

    clock.set(new Date(promisedDeadline.getTime() + 3600_000));
    await sweep();
    await sweep();
    const overdue = await t
      .http()
      .get(`/api/v1/applications/${id}`)
      .set(enterprise.auth)
      .expect(200);
    expect(overdue.body.sla).toMatchObject({ state: 'OVERDUE', promised: { state: 'OVERDUE' } });
    const raised = (await eventsOf(id)).filter((event) => event.type === 'application.overdue');
    expect(raised).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ clock: 'promised' }) }),
    ]);

    const headQueue = await t
      .http()
      .get('/api/v1/tasks?sla=OVERDUE')
      .set(hrss.head.auth)
      .expect(200);
    expect(headQueue.body.data).toContainEqual(
      expect.objectContaining({ applicationId: id, escalated: true, slaState: 'OVERDUE' }),
    );
    const listed = await t
      .http()
      .get('/api/v1/applications?sla=OVERDUE')
      .set(hrss.officer.auth)
      .expect(200);
    expect(listed.body.data.map((application: { id: string }) => application.id)).toContain(id);
    const onTrack = await t
      .http()
      .get('/api/v1/applications?sla=ON_TRACK')
      .set(hrss.officer.auth)
      .expect(200);
    expect(onTrack.body.data.map((application: { id: string }) => application.id)).not.toContain(
      id,
    );
    const inbox = await eventually(async () => {
      const response = await t.http().get('/api/v1/notifications').set(hrss.head.auth).expect(200);
      return response.body.data.find(
        (notification: { type: string }) => notification.type === 'task.escalated',
      );
    });
    expect(inbox.data.subjectId).toBe(id);
  });

  it('stops the clocks for an expert review and moves the deadlines by the days stopped', async () => {
    clock.set(shanghai('2026-11-09T09:00:00'));
    const { id } = await fileComplete(t, enterprise, 'TALENT_RECRUITMENT');
    const before = await waitForApplication(t, enterprise, id, { stage: 'handling' });
    await t
      .http()
      .post(`/api/v1/applications/${id}/clock-stops`)
      .set(enterprise.auth)
      .send({ reasonCode: 'EXPERT_REVIEW' })
      .expect(403);
    const stopped = await t
      .http()
      .post(`/api/v1/applications/${id}/clock-stops`)
      .set(hrss.officer.auth)
      .send({ reasonCode: 'EXPERT_REVIEW', comment: '专家评审' })
      .expect(200);
    expect(stopped.body.sla.state).toBe('PAUSED');
    await t
      .http()
      .post(`/api/v1/applications/${id}/clock-stops`)
      .set(hrss.officer.auth)
      .send({ reasonCode: 'SUPPLEMENT' })
      .expect(400);
    const stop = (await eventsOf(id)).find((event) => event.type === 'application.clock_stopped')!;

    clock.set(shanghai('2026-11-11T10:00:00'));
    const resumed = await t
      .http()
      .post(`/api/v1/applications/${id}/clock-stops/${stop.data.clockStopId}/end`)
      .set(hrss.officer.auth)
      .expect(200);
    expect(resumed.body.sla.state).not.toBe('PAUSED');
    const shift =
      new Date(resumed.body.sla.promised.deadline).getTime() -
      new Date(before.sla.promised.deadline).getTime();
    expect(shift).toBeGreaterThanOrEqual(2 * 86_400_000);
    expect(
      (await eventsOf(id)).find((event) => event.type === 'application.clock_resumed')!.data
        .workingDaysStopped,
    ).toBe(2);
  });

  it('returns an idle claim to the queue and confirms an unanswered result automatically', async () => {
    clock.set(shanghai('2026-11-16T09:00:00'));
    const { id } = await fileComplete(t, enterprise, 'TALENT_RECRUITMENT');
    await waitForApplication(t, enterprise, id, { stage: 'handling' });
    const task = await taskFor(t, hrss.officer, id, 'handling');
    await t.http().post(`/api/v1/tasks/${task.id}/claim`).set(hrss.officer.auth).expect(200);
    clock.set(shanghai('2026-11-16T09:45:00'));
    expect((await sweep()).claimsReleased).toBeGreaterThanOrEqual(1);
    const released = await t
      .http()
      .get(`/api/v1/tasks/${task.id}`)
      .set(hrss.officer.auth)
      .expect(200);
    expect(released.body).toMatchObject({ status: 'OPEN', assigneeId: null });

    expect(
      (
        await act(t, hrss.officer, id, 'handling', 'complete', {
          data: { summary: '推荐 2 名候选人' },
        })
      ).status,
    ).toBe(200);
    await waitForApplication(t, enterprise, id, { stage: 'confirmation' });
    clock.set(shanghai('2026-11-30T09:00:00'));
    expect((await sweep()).autoConfirmed).toBe(1);
    const confirmed = await t
      .http()
      .get(`/api/v1/applications/${id}`)
      .set(enterprise.auth)
      .expect(200);
    expect(confirmed.body.status).toBe('COMPLETED');
    expect(await eventsOf(id)).toContainEqual(
      expect.objectContaining({
        type: 'application.completed',
        data: expect.objectContaining({ automatic: true }),
      }),
    );
  });

  it('approves an IND by silence 60 days after filing, closing the task, unless the authority objects', async () => {
    clock.set(shanghai('2026-11-02T09:00:00'));
    const { id } = await fileComplete(t, enterprise, 'CLINICAL_TRIAL_APPLICATION');
    expect((await act(t, psc.officer, id, 'guidance', 'accept')).status).toBe(200);
    const waiting = await waitForApplication(t, enterprise, id, { stage: 'national_review' });
    expect(waiting.sla.statutory).toBeNull();
    const task = await taskFor(t, psc.officer, id, 'national_review');

    clock.set(shanghai('2026-12-31T09:00:00'));
    expect((await sweep()).impliedActions).toBe(0);
    clock.set(shanghai('2027-01-01T09:00:01'));
    expect((await sweep()).impliedActions).toBe(1);
    const approved = await t
      .http()
      .get(`/api/v1/applications/${id}`)
      .set(enterprise.auth)
      .expect(200);
    expect(approved.body.status).toBe('COMPLETED');
    const closed = await t.http().get(`/api/v1/tasks/${task.id}`).set(psc.officer.auth).expect(200);
    expect(closed.body).toMatchObject({ status: 'DONE', action: 'approve' });
    expect(await eventsOf(id)).toContainEqual(
      expect.objectContaining({
        type: 'application.completed',
        data: expect.objectContaining({ implied: true }),
      }),
    );

    // An objection within the 60 days ends it, and silence no longer counts.
    clock.set(shanghai('2027-01-04T09:00:00'));
    const objected = await fileComplete(t, enterprise, 'CLINICAL_TRIAL_APPLICATION');
    expect((await act(t, psc.officer, objected.id, 'guidance', 'accept')).status).toBe(200);
    expect(
      (
        await act(t, psc.officer, objected.id, 'national_review', 'deny', {
          comment: '审评中心质疑意见',
        })
      ).status,
    ).toBe(200);
    clock.set(shanghai('2027-03-10T09:00:00'));
    expect((await sweep()).impliedActions).toBe(0);
    await waitForApplication(t, enterprise, objected.id, { status: 'DENIED' });
  });

  it("gives the acceptance task its own 5-working-day clock, ahead of the application's promise", async () => {
    clock.set(shanghai('2026-11-02T09:00:00'));
    const { id } = await fileComplete(t, enterprise, 'LAB_ANIMAL_USE');
    const filed = await waitForApplication(t, enterprise, id, { stage: 'acceptance' });
    const task = await taskFor(t, scitech.officer, id, 'acceptance');
    // Monday 11-02 + 5 working days → end of Monday 11-09, Shanghai.
    expect(task.stageDeadline).toBe(shanghai('2026-11-09T23:59:59.999').toISOString());
    expect(task.dueAt).toBe(task.stageDeadline);
    expect(new Date(task.dueAt).getTime()).toBeLessThan(
      new Date(filed.sla.promised.deadline).getTime(),
    );
    expect(task.overdue).toBe(false);
    clock.set(shanghai('2026-11-10T09:00:00'));
    const late = await t
      .http()
      .get(`/api/v1/tasks/${task.id}`)
      .set(scitech.officer.auth)
      .expect(200);
    expect(late.body.overdue).toBe(true);

    // The review stage has no clock of its own: it follows the promise.
    expect((await act(t, scitech.officer, id, 'acceptance', 'accept')).status).toBe(200);
    const review = await taskFor(t, scitech.officer, id, 'review');
    expect(review.stageDeadline).toBeNull();
    expect(review.dueAt).toBe(filed.sla.promised.deadline);
  });

  it('takes high-tech enterprise recognition only inside a batch window', async () => {
    clock.set(shanghai('2026-12-01T09:00:00'));
    const { id } = await draftComplete(t, enterprise, 'HIGH_TECH_ENTERPRISE');
    const closed = await t
      .http()
      .post(`/api/v1/applications/${id}/submit`)
      .set(enterprise.auth)
      .send({})
      .expect(422);
    expect(closed.body.detail).toMatch(/batches/);
    expect(closed.body.intakeWindows.length).toBeGreaterThan(0);
    clock.set(shanghai('2027-04-15T09:00:00'));
    await t
      .http()
      .post(`/api/v1/applications/${id}/submit`)
      .set(enterprise.auth)
      .send({})
      .expect(200);
  });

  it('reuses an issued certificate in a later application, renews it, and verifies it as REVOKED once revoked', async () => {
    clock.set(shanghai('2026-12-01T09:00:00'));
    const { id } = await fileComplete(t, enterprise, 'PATHOGEN_LAB_FILING');
    const certificate = await approveToCertificate(t, enterprise, health, id);

    // A later service that needs the filing certificate gets it without asking.
    const later = await t
      .http()
      .post('/api/v1/applications')
      .set(enterprise.auth)
      .send({ serviceCode: 'SPECIAL_ARTICLE_ENTRY' })
      .expect(201);
    expect(later.body.materials).toContainEqual(
      expect.objectContaining({ materialType: 'biosafety_lab_certificate' }),
    );

    const renewal = await t
      .http()
      .post('/api/v1/applications')
      .set(enterprise.auth)
      .send({ renewalOf: certificate.id })
      .expect(201);
    const original = await t
      .http()
      .get(`/api/v1/applications/${id}`)
      .set(enterprise.auth)
      .expect(200);
    expect(renewal.body).toMatchObject({
      serviceCode: 'PATHOGEN_LAB_FILING',
      renewalOf: certificate.id,
      status: 'DRAFT',
      form: original.body.form,
    });

    await t
      .http()
      .post(`/api/v1/certificates/${certificate.number}/revoke`)
      .set(health.officer.auth)
      .send({ reason: '实验室已关闭' })
      .expect(403);
    await t
      .http()
      .post(`/api/v1/certificates/${certificate.number}/revoke`)
      .set(hcb.head.auth)
      .send({ reason: '实验室已关闭' })
      .expect(404);
    const revoked = await t
      .http()
      .post(`/api/v1/certificates/${certificate.number}/revoke`)
      .set(health.head.auth)
      .send({ reason: '实验室已关闭' })
      .expect(200);
    expect(revoked.body).toMatchObject({ status: 'REVOKED', revocationReason: '实验室已关闭' });
    const verify = await t
      .http()
      .get(`/api/v1/certificates/${certificate.number}/verify?code=${certificate.verificationCode}`)
      .expect(200);
    expect(verify.body).toMatchObject({ valid: false, status: 'REVOKED' });
    const keys = await t.http().get('/api/v1/certificates/public-key').expect(200);
    expect(keys.body).toContainEqual(
      expect.objectContaining({ keyId: certificate.keyId, algorithm: 'Ed25519', active: true }),
    );
  });

  it('reminds the enterprise 90, 30 and 7 days before a certificate expires, once each, then verifies it as EXPIRED', async () => {
    clock.set(shanghai('2026-12-07T09:00:00'));
    const { id } = await fileComplete(t, enterprise, 'RD_IMPORT_WHITELIST');
    const certificate = await approveToCertificate(t, enterprise, commerce, id);
    expect(certificate.content).toMatchObject({
      validFrom: '2026-12-07',
      validUntil: '2027-12-06',
    });
    const reminders = async () =>
      (await eventsOf(id))
        .filter((event) => event.type === 'certificate.expiring')
        .map((event) => event.data.reminderDays);

    clock.set(shanghai('2027-10-01T09:00:00'));
    await sweep();
    expect(await reminders()).toEqual([90]);
    clock.set(shanghai('2027-11-10T09:00:00'));
    await sweep();
    await sweep();
    expect(await reminders()).toEqual([90, 30]);
    clock.set(shanghai('2027-12-01T09:00:00'));
    await sweep();
    expect(await reminders()).toEqual([90, 30, 7]);

    const valid = await t
      .http()
      .get(`/api/v1/certificates/${certificate.number}/verify?code=${certificate.verificationCode}`)
      .expect(200);
    expect(valid.body.status).toBe('VALID');
    clock.set(shanghai('2027-12-07T09:00:00'));
    const expired = await t
      .http()
      .get(
        `/api/v1/certificates/${certificate.number}/verify?code=${certificate.verificationCode.toLowerCase()}`,
      )
      .expect(200);
    expect(expired.body).toMatchObject({ valid: false, status: 'EXPIRED' });
  });
});
