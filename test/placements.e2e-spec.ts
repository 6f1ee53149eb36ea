import { loginAdmin, Session } from './support/factories';
import { department, verifiedEnterprise, waitForApplication } from './support/filing';
import { institutionWithUser, OrganisationRef } from './support/organisations';
import { doctorOf, newLicenceNumber, proposedPlacement } from './support/placements';
import { eventually, startTestApp, TestApp } from './support/test-app';
import { startWebhookReceiver, WebhookReceiver } from './support/webhook-receiver';

describe('doctors into enterprise: placements both sides confirm, reviewed, renewed and ended', () => {
  let t: TestApp;
  let receiver: WebhookReceiver;
  let admin: Session;
  let psc: { officer: Session; head: Session };
  let customs: { officer: Session; head: Session };
  let enterprise: Session & { enterpriseId: string };
  let rival: Session & { enterpriseId: string };
  let hospital: OrganisationRef;
  let otherHospital: OrganisationRef;
  let doctor: { id: string; institutionId: string };

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    t = await startTestApp({ WEBHOOK_ALLOWLIST: receiver.hostPort });
    admin = await loginAdmin(t);
    [psc, customs, enterprise, rival, hospital, otherHospital] = await Promise.all([
      department(t, admin, 'PSC'),
      department(t, admin, 'CUSTOMS'),
      verifiedEnterprise(t, admin),
      verifiedEnterprise(t, admin),
      institutionWithUser(t, admin),
      institutionWithUser(t, admin),
    ]);
    doctor = await doctorOf(t, hospital.user);
  });

  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  const placement = (id: string, viewer: Session, status = 200) =>
    t.http().get(`/api/v1/placements/${id}`).set(viewer.auth).expect(status);
  const post = (id: string, action: string, actor: Session, body: object = {}) =>
    t.http().post(`/api/v1/placements/${id}/${action}`).set(actor.auth).send(body);

  it("keeps a hospital's doctors to its own users", async () => {
    expect(doctor.institutionId).toBe(hospital.id);
    await t.http().get(`/api/v1/doctors/${doctor.id}`).set(otherHospital.user.auth).expect(404);
    await t
      .http()
      .patch(`/api/v1/doctors/${doctor.id}`)
      .set(otherHospital.user.auth)
      .send({ title: 'CHIEF' })
      .expect(404);
    const own = await t.http().get('/api/v1/doctors?limit=100').set(otherHospital.user.auth);
    expect(own.body.data.map((d: { id: string }) => d.id)).not.toContain(doctor.id);
    await t.http().get('/api/v1/doctors').set(enterprise.auth).expect(403);
    // A hospital user adds to its own hospital only, whatever the body names.
    await t
      .http()
      .post('/api/v1/doctors')
      .set(otherHospital.user.auth)
      .send({
        name: '李文',
        specialty: 'ONCOLOGY',
        title: 'CHIEF',
        licenceNumber: newLicenceNumber(),
        institutionId: hospital.id,
      })
      .expect(400);
    const seen = await t.http().get(`/api/v1/doctors/${doctor.id}`).set(psc.officer.auth);
    expect(seen.body).toMatchObject({ institutionName: hospital.name, livePlacements: 0 });
    const changed = await t
      .http()
      .patch(`/api/v1/doctors/${doctor.id}`)
      .set(hospital.user.auth)
      .send({ title: 'CHIEF', expectedVersion: 1 })
      .expect(200);
    expect(changed.body).toMatchObject({ title: 'CHIEF', version: 2 });
  });

  it('refuses a second doctor with the same licence number', async () => {
    const { body } = await t.http().get(`/api/v1/doctors/${doctor.id}`).set(admin.auth);
    const duplicate = await t
      .http()
      .post('/api/v1/doctors')
      .set(admin.auth)
      .send({
        name: '王芳',
        specialty: 'ONCOLOGY',
        title: 'ATTENDING',
        licenceNumber: body.licenceNumber,
        institutionId: otherHospital.id,
      })
      .expect(409);
    expect(duplicate.body.errors[0].field).toBe('licenceNumber');
  });

  it('runs a placement through both confirmations, reviews, a renewal and an exit', async () => {
    const proposed = await proposedPlacement(t, enterprise, psc.officer, doctor.id);
    expect(proposed.status).toBe('PROPOSED');
    // The request has one live placement at a time.
    await t
      .http()
      .post('/api/v1/placements')
      .set(psc.officer.auth)
      .send({
        applicationId: proposed.applicationId,
        doctorId: doctor.id,
        from: '2027-01-04',
        until: '2027-06-30',
        duties: '方案论证',
        hoursPerWeek: 4,
      })
      .expect(409);
    // No review before it runs; nobody confirms for the other side.
    await post(proposed.id, 'reviews', psc.officer, {
      outcome: 'SATISFACTORY',
      notes: '良好',
    }).expect(409);
    const first = await post(proposed.id, 'confirm', hospital.user).expect(200);
    expect(first.body).toMatchObject({ status: 'PROPOSED', enterpriseConfirmedAt: null });
    const handling = await t
      .http()
      .get(`/api/v1/applications/${proposed.applicationId}`)
      .set(enterprise.auth)
      .expect(200);
    expect(handling.body.stage).toBe('handling');
    expect(first.body.hospitalConfirmedAt).not.toBeNull();
    await post(proposed.id, 'confirm', hospital.user).expect(409);
    await post(proposed.id, 'confirm', otherHospital.user).expect(404);
    await post(proposed.id, 'confirm', rival).expect(404);
    await post(proposed.id, 'confirm', psc.officer).expect(403);
    const started = await post(proposed.id, 'confirm', enterprise).expect(200);
    expect(started.body).toMatchObject({
      status: 'ACTIVE',
      term: { from: '2027-01-04', until: '2027-06-30' },
      renewals: 0,
    });
    // The placement is the request's outcome: the officer's handling is done with it.
    await waitForApplication(t, enterprise, proposed.applicationId, { stage: 'confirmation' });
    const doneTasks = await t
      .http()
      .get('/api/v1/tasks')
      .query({ status: 'DONE', limit: 100 })
      .set(psc.officer.auth)
      .expect(200);
    expect(
      doneTasks.body.data.filter(
        (task: { applicationId: string }) => task.applicationId === proposed.applicationId,
      ),
    ).toEqual([expect.objectContaining({ stage: 'handling', action: 'complete' })]);

    await post(proposed.id, 'reviews', customs.officer, {
      outcome: 'SATISFACTORY',
      notes: '良好',
    }).expect(404);
    const reviewed = await post(proposed.id, 'reviews', psc.officer, {
      outcome: 'NEEDS_IMPROVEMENT',
      notes: '企业反馈到岗时间不足，建议固定每周二、四下午',
    }).expect(200);
    expect(reviewed.body.reviews).toEqual([
      expect.objectContaining({ outcome: 'NEEDS_IMPROVEMENT', reviewerName: expect.any(String) }),
    ]);
    const seenByEnterprise = await placement(proposed.id, enterprise);
    expect(seenByEnterprise.body.reviews).toHaveLength(1);

    // The next term must follow the current one; then both confirm it again.
    await post(proposed.id, 'renewal', enterprise, {
      from: '2027-06-01',
      until: '2027-12-31',
    }).expect(400);
    const renewing = await post(proposed.id, 'renewal', enterprise, {
      from: '2027-07-01',
      until: '2027-12-31',
    }).expect(200);
    expect(renewing.body).toMatchObject({
      status: 'RENEWING',
      nextTerm: { from: '2027-07-01', until: '2027-12-31' },
      hospitalConfirmedAt: null,
      enterpriseConfirmedAt: null,
    });
    await post(proposed.id, 'confirm', enterprise).expect(200);
    const renewed = await post(proposed.id, 'confirm', hospital.user).expect(200);
    expect(renewed.body).toMatchObject({
      status: 'ACTIVE',
      term: { from: '2027-07-01', until: '2027-12-31' },
      nextTerm: null,
      renewals: 1,
    });

    await post(proposed.id, 'exit', rival, { reason: '不再需要' }).expect(404);
    const ended = await post(proposed.id, 'exit', hospital.user, {
      reason: '医生返院承担国家重点研发项目',
    }).expect(200);
    expect(ended.body).toMatchObject({
      status: 'ENDED',
      endedBy: 'HOSPITAL',
      exitReason: '医生返院承担国家重点研发项目',
    });
    await post(proposed.id, 'exit', enterprise, { reason: '重复' }).expect(409);

    const history = await t
      .http()
      .get(`/api/v1/placements/${proposed.id}/events`)
      .set(enterprise.auth)
      .expect(200);
    expect(history.body.map((event: { type: string }) => event.type)).toEqual([
      'placement.proposed',
      'placement.confirmed',
      'placement.confirmed',
      'placement.started',
      'placement.reviewed',
      'placement.renewal_proposed',
      'placement.confirmed',
      'placement.confirmed',
      'placement.renewed',
      'placement.ended',
    ]);
    expect(history.body[1].data).toMatchObject({ side: 'HOSPITAL' });
    await t
      .http()
      .get(`/api/v1/placements/${proposed.id}/events`)
      .set(otherHospital.user.auth)
      .expect(404);
  });

  it("delivers the placement's life cycle to the enterprise's webhooks, and to no other's", async () => {
    for (const [subscriber, path] of [
      [enterprise, '/placements'],
      [rival, '/rival'],
    ] as const)
      await t
        .http()
        .post('/api/v1/webhooks')
        .set(subscriber.auth)
        .send({ url: `${receiver.base}${path}`, events: ['placement.started'] })
        .expect(201);
    const proposed = await proposedPlacement(t, enterprise, psc.officer, doctor.id);
    await post(proposed.id, 'confirm', enterprise).expect(200);
    await post(proposed.id, 'confirm', hospital.user).expect(200);
    const [delivery] = await eventually(async () => {
      const deliveries = receiver.deliveriesTo('/placements');
      return deliveries.length > 0 ? deliveries : undefined;
    });
    expect(JSON.parse(delivery.body)).toMatchObject({
      type: 'placement.started',
      data: { subjectId: proposed.id, applicationId: proposed.applicationId },
    });
    expect(receiver.deliveriesTo('/rival')).toEqual([]);
    await post(proposed.id, 'exit', enterprise, { reason: '测试结束' }).expect(200);
  });

  it('starts a placement once when both sides confirm at the same moment', async () => {
    const proposed = await proposedPlacement(t, enterprise, psc.officer, doctor.id);
    const answers = await Promise.all([
      post(proposed.id, 'confirm', hospital.user),
      post(proposed.id, 'confirm', enterprise),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    expect((await placement(proposed.id, admin)).body.status).toBe('ACTIVE');
    const history = await t
      .http()
      .get(`/api/v1/placements/${proposed.id}/events`)
      .set(admin.auth)
      .expect(200);
    expect(
      history.body.filter((event: { type: string }) => event.type === 'placement.started'),
    ).toHaveLength(1);
    await post(proposed.id, 'exit', enterprise, { reason: '测试结束' }).expect(200);
  });

  it('lets either side end a placement still waiting for confirmation', async () => {
    const proposed = await proposedPlacement(t, enterprise, psc.officer, doctor.id);
    const ended = await post(proposed.id, 'exit', enterprise, { reason: '项目暂缓' }).expect(200);
    expect(ended.body).toMatchObject({ status: 'ENDED', endedBy: 'ENTERPRISE' });
    await post(proposed.id, 'confirm', hospital.user).expect(409);
  });

  it('shows each side, and each department, only its own placements', async () => {
    const proposed = await proposedPlacement(t, enterprise, psc.officer, doctor.id);
    const ids = async (viewer: Session) => {
      const list = await t.http().get('/api/v1/placements?limit=100').set(viewer.auth).expect(200);
      return list.body.data.map((p: { id: string }) => p.id);
    };
    expect(await ids(enterprise)).toContain(proposed.id);
    expect(await ids(hospital.user)).toContain(proposed.id);
    expect(await ids(psc.officer)).toContain(proposed.id);
    expect(await ids(rival)).not.toContain(proposed.id);
    expect(await ids(otherHospital.user)).not.toContain(proposed.id);
    expect(await ids(customs.officer)).not.toContain(proposed.id);
    await placement(proposed.id, rival, 404);
    await placement(proposed.id, otherHospital.user, 404);
  });

  it('proposes only for a doctors-into-enterprise request of the officer’s own department', async () => {
    const proposed = await proposedPlacement(t, rival, psc.officer, doctor.id);
    const body = {
      applicationId: proposed.applicationId,
      doctorId: doctor.id,
      from: '2027-03-01',
      until: '2027-02-01',
      duties: '方案论证',
      hoursPerWeek: 4,
    };
    await t.http().post('/api/v1/placements').set(psc.officer.auth).send(body).expect(400);
    await t
      .http()
      .post('/api/v1/placements')
      .set(customs.officer.auth)
      .send({ ...body, until: '2027-04-01' })
      .expect(404);
    await t
      .http()
      .post('/api/v1/placements')
      .set(hospital.user.auth)
      .send({ ...body, until: '2027-04-01' })
      .expect(403);
  });
});
