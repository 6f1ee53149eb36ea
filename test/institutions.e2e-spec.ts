import { loginAdmin, Session } from './support/factories';
import { department, verifiedEnterprise, waitForApplication } from './support/filing';
import {
  institutionWithUser,
  notified,
  offeredDocking,
  OrganisationRef,
  trialOffered,
} from './support/organisations';
import { startTestApp, TestApp } from './support/test-app';

describe('trial institutions: managed hospitals whose users decide on dockings', () => {
  let t: TestApp;
  let admin: Session;
  let psc: { officer: Session; head: Session };
  let enterprise: Session & { enterpriseId: string };
  let first: OrganisationRef;
  let second: OrganisationRef;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginAdmin(t);
    psc = await department(t, admin, 'PSC');
    enterprise = await verifiedEnterprise(t, admin);
    // Only these two take trials of this specialty; the first ranks higher (an indication).
    [first, second] = await Promise.all([
      institutionWithUser(t, admin, { specialty: 'OTHER', indications: ['罕见病'] }),
      institutionWithUser(t, admin, { specialty: 'OTHER' }),
    ]);
  });

  afterAll(() => t.close());

  it('seeds the registered hospitals once, then they are managed records', async () => {
    const list = await t
      .http()
      .get('/api/v1/institutions?limit=100')
      .set(enterprise.auth)
      .expect(200);
    const seeded = list.body.data.find(
      (i: { gcpSpecialties: string[] }) => i.gcpSpecialties.length,
    );
    expect(seeded).toBeDefined();
    const updated = await t
      .http()
      .patch(`/api/v1/institutions/${seeded.id}`)
      .set(admin.auth)
      .send({ capacity: 3, active: false })
      .expect(200);
    expect(updated.body).toMatchObject({ capacity: 3, active: false, version: 2 });
    await t
      .http()
      .patch(`/api/v1/institutions/${seeded.id}`)
      .set(enterprise.auth)
      .send({ active: true })
      .expect(403);
    await t
      .http()
      .patch(`/api/v1/institutions/${seeded.id}`)
      .set(admin.auth)
      .send({ active: true })
      .expect(200);
    // An institution user sees its own record only.
    const own = await t.http().get('/api/v1/institutions').set(first.user.auth).expect(200);
    expect(own.body.data.map((i: { id: string }) => i.id)).toEqual([first.id]);
    await t.http().get(`/api/v1/institutions/${second.id}`).set(first.user.auth).expect(404);
  });

  it('offers the trial to the best-ranked hospital; a decline re-matches; an accept moves it on', async () => {
    const id = await trialOffered(t, enterprise, { specialty: 'OTHER' });
    const offered = await offeredDocking(t, first.user, id);
    expect(offered.institutionId).toBe(first.id);
    await notified(t, first.user, 'application.stage_changed');

    // The other hospital sees neither the docking nor the application, and cannot decide.
    await t.http().get(`/api/v1/dockings/${offered.id}`).set(second.user.auth).expect(404);
    await t
      .http()
      .post(`/api/v1/dockings/${offered.id}/accept`)
      .set(second.user.auth)
      .send({})
      .expect(404);
    await t.http().get(`/api/v1/applications/${id}`).set(second.user.auth).expect(404);
    // The offered hospital reads the application; the enterprise cannot decide for it.
    await t.http().get(`/api/v1/applications/${id}`).set(first.user.auth).expect(200);
    await t
      .http()
      .post(`/api/v1/dockings/${offered.id}/accept`)
      .set(enterprise.auth)
      .send({})
      .expect(403);

    const declined = await t
      .http()
      .post(`/api/v1/dockings/${offered.id}/decline`)
      .set(first.user.auth)
      .send({ reason: '本季度 I 期病房已满' })
      .expect(200);
    expect(declined.body).toMatchObject({ status: 'DECLINED', reason: '本季度 I 期病房已满' });
    await t
      .http()
      .post(`/api/v1/dockings/${offered.id}/accept`)
      .set(first.user.auth)
      .send({})
      .expect(409);

    const next = await offeredDocking(t, second.user, id);
    expect(next.institutionId).toBe(second.id);
    await t
      .http()
      .post(`/api/v1/dockings/${next.id}/accept`)
      .set(second.user.auth)
      .send({ comment: '请联系本院 GCP 办公室立项' })
      .expect(200);
    await waitForApplication(t, enterprise, id, { stage: 'ethics_scheduling' });

    // The liaison officer's review tasks closed with the hospitals' decisions.
    const tasks = await t.dataSource.query(
      `SELECT status, action, completed_by FROM tasks WHERE application_id = $1 AND stage = 'hospital_review' ORDER BY created_at`,
      [id],
    );
    expect(tasks).toEqual([
      { status: 'DONE', action: 'decline', completed_by: first.user.userId },
      { status: 'DONE', action: 'accept', completed_by: second.user.userId },
    ]);

    const timeline = await t
      .http()
      .get(`/api/v1/applications/${id}/events`)
      .set(enterprise.auth)
      .expect(200);
    const steps = timeline.body
      .filter((event: { type: string }) => event.type.startsWith('application.institution_'))
      .map((event: { type: string; data: { institutionId: string } }) => [
        event.type,
        event.data.institutionId,
      ]);
    expect(steps).toEqual([
      ['application.institution_declined', first.id],
      ['application.institution_accepted', second.id],
    ]);
    const matched = timeline.body.filter(
      (event: { data: { institution?: { id: string } } }) => event.data.institution,
    );
    expect(
      matched.map((event: { data: { institution: { id: string } } }) => event.data.institution.id),
    ).toEqual([first.id, second.id]);

    // The enterprise and the department see the dockings of the trial; another department none.
    for (const viewer of [enterprise, psc.officer]) {
      const list = await t.http().get('/api/v1/dockings?limit=100').set(viewer.auth).expect(200);
      expect(list.body.data.map((d: { id: string }) => d.id)).toEqual(
        expect.arrayContaining([offered.id, next.id]),
      );
    }
  });

  it('ends unmatched when every hospital of the specialty has declined', async () => {
    const id = await trialOffered(t, enterprise, { specialty: 'OTHER' });
    for (const hospital of [first, second]) {
      const docking = await offeredDocking(t, hospital.user, id);
      await t
        .http()
        .post(`/api/v1/dockings/${docking.id}/decline`)
        .set(hospital.user.auth)
        .send({ reason: '专业不符' })
        .expect(200);
    }
    await waitForApplication(t, enterprise, id, { status: 'DENIED' });
  });
});
