import { loginAdmin, newStaff, RegisteredEnterprise, Session } from './support/factories';
import {
  approveToCertificate,
  department,
  exampleForm,
  fileComplete,
  taskFor,
  uploadMaterial,
  verifiedEnterprise,
  waitForApplication,
} from './support/filing';
import {
  HANDED_SERVICE,
  listedProvider,
  OrganisationRef,
  VALUE_ADDED_DEPARTMENT,
} from './support/organisations';
import { startTestApp, TestApp } from './support/test-app';

const BRIEF = 'outsourcing_requirement_brief';
const OUT_OF_SCOPE = 'FINANCING_MATCHING';

interface TimelineEvent {
  type: string;
  actorId: string | null;
  data: Record<string, unknown>;
}

describe('proxy handling: mandates to the service centre and to providers', () => {
  let t: TestApp;
  let admin: Session;
  let psc: { officer: Session; head: Session };
  let colleague: Session;
  let enterprise: RegisteredEnterprise;
  let other: RegisteredEnterprise;
  let provider: OrganisationRef;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginAdmin(t);
    psc = await department(t, admin, VALUE_ADDED_DEPARTMENT);
    colleague = await newStaff(t, admin, 'OFFICER', VALUE_ADDED_DEPARTMENT);
    [enterprise, other, provider] = await Promise.all([
      verifiedEnterprise(t, admin),
      verifiedEnterprise(t, admin),
      listedProvider(t, admin),
    ]);
  });

  afterAll(() => t.close());

  const day = (offsetDays: number) =>
    new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
  const grant = (by: Session, body: Record<string, unknown>) =>
    t
      .http()
      .post('/api/v1/mandates')
      .set(by.auth)
      .send({ validFrom: day(0), validUntil: day(365), canSubmit: false, ...body });
  const draftFor = async (
    holder: Session,
    enterpriseId: string,
    status: number,
    serviceCode = HANDED_SERVICE,
  ) =>
    t
      .http()
      .post('/api/v1/applications')
      .set(holder.auth)
      .send({ serviceCode, enterpriseId, form: await exampleForm(t, serviceCode) })
      .expect(status);
  const timeline = async (id: string): Promise<TimelineEvent[]> =>
    (await t.http().get(`/api/v1/applications/${id}/events`).set(enterprise.auth).expect(200)).body;

  it('the window prepares within the scope, never submits without the right, and never processes what it prepared', async () => {
    const granted = await grant(enterprise, {
      holderKind: 'SERVICE_CENTRE',
      serviceCodes: [HANDED_SERVICE],
      note: '外包需求由窗口代办',
    }).expect(201);
    expect(granted.body).toMatchObject({
      enterpriseId: enterprise.enterpriseId,
      holderKind: 'SERVICE_CENTRE',
      serviceCodes: [HANDED_SERVICE],
      canSubmit: false,
      status: 'ACTIVE',
    });
    const mandateId = granted.body.id as string;

    // The window sees the mandate it holds, and picks the enterprise from it.
    const held = await t.http().get('/api/v1/mandates').set(psc.officer.auth).expect(200);
    expect(held.body.data.map((m: { id: string }) => m.id)).toContain(mandateId);

    // It files within the scope, for the enterprise; outside the scope it is refused.
    const draft = await draftFor(psc.officer, enterprise.enterpriseId, 201);
    expect(draft.body).toMatchObject({ enterpriseId: enterprise.enterpriseId, mandateId });
    const outside = await draftFor(psc.officer, enterprise.enterpriseId, 403, OUT_OF_SCOPE);
    expect(outside.body.detail).toMatch(/mandate/);
    // Without a mandate of that enterprise nothing passes.
    await draftFor(psc.officer, other.enterpriseId, 403);
    const id = draft.body.id as string;

    await uploadMaterial(t, psc.officer, id, BRIEF).expect(200);
    const refused = await t
      .http()
      .post(`/api/v1/applications/${id}/submit`)
      .set(psc.officer.auth)
      .send({})
      .expect(403);
    expect(refused.body.detail).toMatch(/prepare/);

    // The enterprise sees the draft its proxy prepared, and submits it itself.
    const own = await t.http().get(`/api/v1/applications/${id}`).set(enterprise.auth).expect(200);
    expect(own.body.mandateId).toBe(mandateId);
    await t
      .http()
      .post(`/api/v1/applications/${id}/submit`)
      .set(enterprise.auth)
      .send({})
      .expect(200);
    await waitForApplication(t, enterprise, id, { stage: 'handling' });

    // The officer who prepared it cannot claim its task; a colleague can.
    const task = await taskFor(t, colleague, id, 'handling');
    const conflict = await t
      .http()
      .post(`/api/v1/tasks/${task.id}/claim`)
      .set(psc.officer.auth)
      .expect(403);
    expect(conflict.body.detail).toMatch(/proxy/);
    const next = await t.http().post('/api/v1/tasks/next').set(psc.officer.auth);
    expect(next.body?.applicationId).not.toBe(id);
    if (next.status === 200 && next.body?.id)
      await t.http().post(`/api/v1/tasks/${next.body.id}/release`).set(psc.officer.auth);
    await t.http().post(`/api/v1/tasks/${task.id}/claim`).set(colleague.auth).expect(200);
    await t
      .http()
      .post(`/api/v1/tasks/${task.id}/complete`)
      .set(colleague.auth)
      .send({
        action: 'request_supplement',
        comment: '需求说明缺少目标周期',
        data: { items: [{ kind: 'material', key: BRIEF, reason: '请补充目标周期' }] },
      })
      .expect(200);
    await waitForApplication(t, enterprise, id, { status: 'SUPPLEMENT_REQUIRED' });

    // The proxy answers the supplement; its acts carry the mandate and the enterprise.
    await uploadMaterial(t, psc.officer, id, BRIEF).expect(200);
    await t
      .http()
      .post(`/api/v1/applications/${id}/supplement`)
      .set(psc.officer.auth)
      .send({ comment: '已补充目标周期' })
      .expect(200);
    const events = await timeline(id);
    const proxied = events.filter((event) => event.actorId === psc.officer.userId);
    expect(proxied.map((event) => event.type)).toEqual(
      expect.arrayContaining(['material.attached', 'application.supplemented']),
    );
    for (const event of proxied)
      expect(event.data).toMatchObject({ mandateId, onBehalfOf: enterprise.enterpriseId });
    const submitted = events.find((event) => event.type === 'application.submitted')!;
    expect(submitted.actorId).toBe(enterprise.userId);
    expect(submitted.data.mandateId).toBeUndefined();

    // The enterprise revokes: the very next act is refused, and the draft is no longer the
    // window's to see.
    const second = await draftFor(psc.officer, enterprise.enterpriseId, 201);
    const revoked = await t
      .http()
      .post(`/api/v1/mandates/${mandateId}/revoke`)
      .set(enterprise.auth)
      .send({ reason: '企业自行办理' })
      .expect(200);
    expect(revoked.body).toMatchObject({ status: 'REVOKED', revokeReason: '企业自行办理' });
    // Both are events of the enterprise, published through the outbox (webhooks subscribe).
    const recorded: { type: string; enterprise_id: string; actor_id: string }[] =
      await t.dataSource.query(
        `SELECT type, enterprise_id, actor_id FROM events WHERE subject_id = $1 ORDER BY seq`,
        [mandateId],
      );
    expect(
      recorded.map(({ type, enterprise_id, actor_id }) => [type, enterprise_id, actor_id]),
    ).toEqual([
      ['mandate.granted', enterprise.enterpriseId, enterprise.userId],
      ['mandate.revoked', enterprise.enterpriseId, enterprise.userId],
    ]);
    await uploadMaterial(t, psc.officer, second.body.id, BRIEF).expect(404);
    await draftFor(psc.officer, enterprise.enterpriseId, 403);
    await t
      .http()
      .post(`/api/v1/mandates/${mandateId}/revoke`)
      .set(enterprise.auth)
      .send({})
      .expect(409);
  });

  it('a provider with the right to submit files and submits; only the enterprise admin grants and revokes', async () => {
    const granted = await grant(enterprise, {
      holderKind: 'PROVIDER',
      holderProviderId: provider.id,
      canSubmit: true,
    }).expect(201);
    expect(granted.body.holderName).toBe(provider.name);
    const draft = await draftFor(provider.user, enterprise.enterpriseId, 201);
    const id = draft.body.id as string;
    await uploadMaterial(t, provider.user, id, BRIEF).expect(200);
    await t
      .http()
      .post(`/api/v1/applications/${id}/submit`)
      .set(provider.user.auth)
      .send({})
      .expect(200);
    const submitted = (await timeline(id)).find((e) => e.type === 'application.submitted')!;
    expect(submitted).toMatchObject({
      actorId: provider.user.userId,
      data: { mandateId: granted.body.id, onBehalfOf: enterprise.enterpriseId },
    });
    // The provider lists the applications within its mandate.
    const listed = await t.http().get('/api/v1/applications').set(provider.user.auth).expect(200);
    expect(listed.body.data.map((a: { id: string }) => a.id)).toContain(id);

    // A provider the park suspends acts for no one from that moment.
    await t
      .http()
      .post(`/api/v1/providers/${provider.id}/status`)
      .set(admin.auth)
      .send({ status: 'SUSPENDED', reason: '企业投诉核查中' })
      .expect(200);
    await draftFor(provider.user, enterprise.enterpriseId, 403);

    // Park staff cannot grant for an enterprise, nor can a holder revoke.
    await grant(psc.officer, { holderKind: 'SERVICE_CENTRE' }).expect(403);
    await t
      .http()
      .post(`/api/v1/mandates/${granted.body.id}/revoke`)
      .set(provider.user.auth)
      .send({})
      .expect(403);
    // Holders must be of the service centre or listed.
    await grant(enterprise, { holderKind: 'USER', holderUserId: admin.userId }).expect(400);
    await grant(enterprise, { holderKind: 'SERVICE_CENTRE', serviceCodes: ['NO_SUCH'] }).expect(
      400,
    );
    await grant(enterprise, {
      holderKind: 'SERVICE_CENTRE',
      validFrom: '2027-01-02',
      validUntil: '2027-01-01',
    }).expect(400);
  });

  it('another enterprise never sees a mandate, and a staff user named as holder acts alone', async () => {
    const granted = await grant(enterprise, {
      holderKind: 'USER',
      holderUserId: colleague.userId,
      serviceCodes: [HANDED_SERVICE],
    }).expect(201);
    await t.http().get(`/api/v1/mandates/${granted.body.id}`).set(other.auth).expect(404);
    await t
      .http()
      .post(`/api/v1/mandates/${granted.body.id}/revoke`)
      .set(other.auth)
      .send({})
      .expect(404);
    const theirs = await t.http().get('/api/v1/mandates').set(other.auth).expect(200);
    expect(theirs.body.data).toEqual([]);
    const shown = await t
      .http()
      .get(`/api/v1/mandates/${granted.body.id}`)
      .set(colleague.auth)
      .expect(200);
    expect(shown.body.holderUserId).toBe(colleague.userId);
    await draftFor(colleague, enterprise.enterpriseId, 201);
    // Only the named one: the head of the same window holds nothing of this enterprise now.
    await draftFor(psc.head, enterprise.enterpriseId, 403);
  });

  it('a revocation racing the holder’s acts: each act lands before it, or is refused', async () => {
    const enterprise = await verifiedEnterprise(t, admin);
    const granted = await grant(enterprise, {
      holderKind: 'SERVICE_CENTRE',
      serviceCodes: [HANDED_SERVICE],
      canSubmit: true,
    }).expect(201);
    const drafts: string[] = [];
    for (let i = 0; i < 4; i++) {
      const draft = await draftFor(psc.officer, enterprise.enterpriseId, 201);
      await uploadMaterial(t, psc.officer, draft.body.id, BRIEF).expect(200);
      drafts.push(draft.body.id);
    }
    const submit = (id: string) =>
      t.http().post(`/api/v1/applications/${id}/submit`).set(psc.officer.auth).send({});
    const revoke = () =>
      t
        .http()
        .post(`/api/v1/mandates/${granted.body.id}/revoke`)
        .set(enterprise.auth)
        .send({ reason: '改由企业自行办理' });
    // The revocation goes out while the first submissions are under way, with the last ones.
    const later = <T>(act: () => Promise<T>) =>
      new Promise((resolve) => setTimeout(resolve, 5)).then(act);
    const [revoked, ...submits] = await Promise.all([
      later(revoke),
      submit(drafts[0]),
      submit(drafts[1]),
      later(() => submit(drafts[2])),
      later(() => submit(drafts[3])),
    ]);
    expect(revoked.status).toBe(200);
    expect(submits.map((answer) => answer.status).filter((s) => s !== 200 && s !== 404)).toEqual(
      [],
    );
    // What passed was recorded before the revocation, never after it.
    const [{ seq: revokedAt }]: { seq: string }[] = await t.dataSource.query(
      `SELECT seq FROM events WHERE subject_id = $1 AND type = 'mandate.revoked'`,
      [granted.body.id],
    );
    const passed: { seq: string }[] = await t.dataSource.query(
      `SELECT seq FROM events WHERE subject_id = ANY($1) AND type = 'application.submitted'`,
      [drafts],
    );
    expect(passed).toHaveLength(submits.filter((answer) => answer.status === 200).length);
    for (const event of passed) expect(BigInt(event.seq)).toBeLessThan(BigInt(revokedAt));
    // Once revoked, the applications are out of the holder's sight, and every act is refused.
    for (const [index, id] of drafts.entries())
      if (submits[index].status === 404) await submit(id).expect(404);
    await draftFor(psc.officer, enterprise.enterpriseId, 403);
  });

  it('the window renews a certificate of the enterprise under a mandate covering its service', async () => {
    const enterprise = await verifiedEnterprise(t, admin);
    const health = await department(t, admin, 'HEALTH');
    const { id } = await fileComplete(t, enterprise, 'PATHOGEN_LAB_FILING');
    const certificate = await approveToCertificate(t, enterprise, health, id);
    const renew = () =>
      t
        .http()
        .post('/api/v1/applications')
        .set(psc.officer.auth)
        .send({ renewalOf: certificate.id, enterpriseId: enterprise.enterpriseId });

    await grant(enterprise, {
      holderKind: 'SERVICE_CENTRE',
      serviceCodes: [HANDED_SERVICE],
    }).expect(201);
    await renew().expect(403);
    const covering = await grant(enterprise, {
      holderKind: 'SERVICE_CENTRE',
      serviceCodes: ['PATHOGEN_LAB_FILING'],
    }).expect(201);
    const renewal = await renew().expect(201);
    expect(renewal.body).toMatchObject({
      serviceCode: 'PATHOGEN_LAB_FILING',
      renewalOf: certificate.id,
      status: 'DRAFT',
      enterpriseId: enterprise.enterpriseId,
      mandateId: covering.body.id,
    });
    // Another enterprise's certificate is not found, whatever the mandate.
    await t
      .http()
      .post('/api/v1/applications')
      .set(psc.officer.auth)
      .send({ renewalOf: certificate.id, enterpriseId: other.enterpriseId })
      .expect(404);
  });
});
