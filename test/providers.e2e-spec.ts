import { loginAdmin, newCreditCode, Session, uniqueEmail, login } from './support/factories';
import { department, verifiedEnterprise, waitForApplication } from './support/filing';
import {
  handOver,
  HANDED_SERVICE,
  listedProvider,
  notified,
  OrganisationRef,
  requestBeingHandled,
  VALUE_ADDED_DEPARTMENT,
} from './support/organisations';
import { startTestApp, TestApp } from './support/test-app';

describe('service providers: listing, matching and handing value-added requests on', () => {
  let t: TestApp;
  let admin: Session;
  let psc: { officer: Session; head: Session };
  let customs: { officer: Session; head: Session };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginAdmin(t);
    [psc, customs] = await Promise.all([
      department(t, admin, VALUE_ADDED_DEPARTMENT),
      department(t, admin, 'CUSTOMS'),
    ]);
  });

  afterAll(() => t.close());

  it('takes a public application, and only the park lists, suspends and delists, each with its reason', async () => {
    const email = uniqueEmail('provider');
    const applied = await t
      .http()
      .post('/api/v1/provider-applications')
      .send({
        provider: {
          name: '杭州知识产权代理事务所有限公司',
          kind: 'IP',
          creditCode: newCreditCode(),
          address: '杭州市钱塘区 6 号大街 260 号',
          contactName: '黄磊',
          contactPhone: '13905711234',
          contactEmail: 'ip@hz-ip.cn',
          services: ['IP_SERVICES'],
          capabilities: ['专利', 'PCT'],
        },
        user: { email, password: 'Provider-Pass-2026', name: '黄磊' },
      })
      .expect(201);
    expect(applied.body.provider).toMatchObject({ status: 'APPLIED', services: ['IP_SERVICES'] });
    expect(applied.body.user).toMatchObject({
      role: 'PROVIDER_USER',
      providerId: applied.body.provider.id,
    });
    const id = applied.body.provider.id as string;
    const user = await login(t, email, 'Provider-Pass-2026');

    // The provider sees its own record and nothing else of the register.
    const own = await t.http().get('/api/v1/providers').set(user.auth).expect(200);
    expect(own.body.data.map((p: { id: string }) => p.id)).toEqual([id]);
    const other = await listedProvider(t, admin);
    await t.http().get(`/api/v1/providers/${other.id}`).set(user.auth).expect(404);
    // It cannot list itself, nor change its own services.
    await t
      .http()
      .post(`/api/v1/providers/${id}/status`)
      .set(user.auth)
      .send({ status: 'LISTED', reason: '自行上架' })
      .expect(403);
    await t
      .http()
      .patch(`/api/v1/providers/${id}`)
      .set(user.auth)
      .send({ services: ['CRO_CDMO_MATCHING'] })
      .expect(403);

    const change = (status: string, reason: string) =>
      t.http().post(`/api/v1/providers/${id}/status`).set(admin.auth).send({ status, reason });
    const wrong = await change('SUSPENDED', '尚未上架').expect(409);
    expect(wrong.body.allowedStatuses).toEqual(['LISTED', 'REJECTED']);
    // Enterprises see listed providers only, to choose one as a mandate's holder.
    const enterprise = await verifiedEnterprise(t, admin);
    const seen = async () =>
      (
        await t
          .http()
          .get('/api/v1/providers')
          .query({ limit: 100 })
          .set(enterprise.auth)
          .expect(200)
      ).body.data as { id: string; status: string }[];
    expect((await seen()).map((p) => p.id)).not.toContain(id);
    await t.http().get(`/api/v1/providers/${id}`).set(enterprise.auth).expect(404);
    await change('LISTED', '资质齐全').expect(200);
    expect((await seen()).map((p) => p.id)).toContain(id);
    await t.http().get(`/api/v1/providers/${id}`).set(enterprise.auth).expect(200);
    await change('SUSPENDED', '投诉核查中').expect(200);
    expect((await seen()).map((p) => p.id)).not.toContain(id);
    expect((await seen()).every((p) => p.status === 'LISTED')).toBe(true);
    const suspended = await t
      .http()
      .get('/api/v1/providers')
      .query({ status: 'SUSPENDED' })
      .set(enterprise.auth)
      .expect(200);
    expect(suspended.body.data).toEqual([]);
    // Nor do they change the register.
    await t
      .http()
      .patch(`/api/v1/providers/${id}`)
      .set(enterprise.auth)
      .send({ capabilities: ['专利'] })
      .expect(403);
    const delisted = await change('DELISTED', '核查属实，终止合作').expect(200);
    expect(delisted.body).toMatchObject({ status: 'DELISTED', statusReason: '核查属实，终止合作' });
    await change('LISTED', '重新上架').expect(409);

    const audit = await t.dataSource.query(
      `SELECT details FROM audit_log WHERE action = 'provider.status_changed' AND target_id = $1 ORDER BY id`,
      [id],
    );
    expect(audit.map((row: { details: { to: string } }) => row.details.to)).toEqual([
      'LISTED',
      'SUSPENDED',
      'DELISTED',
    ]);

    // Services must be value-added services of the catalogue.
    const invalid = await t
      .http()
      .patch(`/api/v1/providers/${other.id}`)
      .set(admin.auth)
      .send({ services: ['FIRE_PROTECTION_REVIEW', 'NO_SUCH_SERVICE'] })
      .expect(400);
    expect(invalid.body.errors[0].field).toBe('services');
  });

  describe('a request handed to a provider', () => {
    let enterprise: Session & { enterpriseId: string };
    let chosen: OrganisationRef;
    let stranger: OrganisationRef;
    let applicationId: string;
    let handoverId: string;

    beforeAll(async () => {
      enterprise = await verifiedEnterprise(t, admin);
      [chosen, stranger] = await Promise.all([
        listedProvider(t, admin, { capabilities: ['单抗', 'GMP', '中试'] }),
        listedProvider(t, admin, { capabilities: ['小分子'] }),
      ]);
      applicationId = await requestBeingHandled(t, enterprise, psc.officer);
    });

    it('ranks the listed providers of the service by the capabilities the request names', async () => {
      const matches = await t
        .http()
        .get(`/api/v1/applications/${applicationId}/provider-matches`)
        .set(psc.officer.auth)
        .expect(200);
      const ids = matches.body.map((match: { providerId: string }) => match.providerId);
      expect(ids.indexOf(chosen.id)).toBeLessThan(ids.indexOf(stranger.id));
      expect(matches.body[ids.indexOf(chosen.id)].matchedCapabilities).toEqual(
        expect.arrayContaining(['单抗', 'GMP', '中试']),
      );
      await t
        .http()
        .get(`/api/v1/applications/${applicationId}/provider-matches`)
        .set(customs.officer.auth)
        .expect(404);
    });

    it('is handed on by its department only, and once at a time', async () => {
      await t
        .http()
        .post(`/api/v1/applications/${applicationId}/handovers`)
        .set(customs.officer.auth)
        .send({ providerId: chosen.id })
        .expect(404);
      await t
        .http()
        .post(`/api/v1/applications/${applicationId}/handovers`)
        .set(chosen.user.auth)
        .send({ providerId: chosen.id })
        .expect(403);
      const handover = await handOver(t, psc.officer, applicationId, chosen.id);
      handoverId = handover.id;
      expect(handover).toMatchObject({ status: 'OFFERED', provider: { id: chosen.id } });
      await notified(t, chosen.user, 'application.handed_to_provider');
      await t
        .http()
        .post(`/api/v1/applications/${applicationId}/handovers`)
        .set(psc.officer.auth)
        .send({ providerId: stranger.id })
        .expect(409);
    });

    it('is seen by the chosen provider only: another gets 404 on the handover and the application', async () => {
      await t.http().get(`/api/v1/handovers/${handoverId}`).set(stranger.user.auth).expect(404);
      await t
        .http()
        .post(`/api/v1/handovers/${handoverId}/accept`)
        .set(stranger.user.auth)
        .send({})
        .expect(404);
      await t
        .http()
        .get(`/api/v1/applications/${applicationId}`)
        .set(stranger.user.auth)
        .expect(404);
      const theirs = await t.http().get('/api/v1/handovers').set(stranger.user.auth).expect(200);
      expect(theirs.body.data).toEqual([]);
      // Its list holds only what enterprises mandated it for: none here.
      const listed = await t.http().get('/api/v1/applications').set(chosen.user.auth).expect(200);
      expect(listed.body.data).toEqual([]);

      const read = await t
        .http()
        .get(`/api/v1/applications/${applicationId}`)
        .set(chosen.user.auth)
        .expect(200);
      expect(read.body.serviceCode).toBe(HANDED_SERVICE);
      // The enterprise cannot act for the provider.
      await t
        .http()
        .post(`/api/v1/handovers/${handoverId}/accept`)
        .set(enterprise.auth)
        .send({})
        .expect(403);
    });

    it('is accepted, reported on and closed by the provider, then confirmed and rated by the enterprise', async () => {
      const post = (action: string, body: object, who: Session = chosen.user) =>
        t.http().post(`/api/v1/handovers/${handoverId}/${action}`).set(who.auth).send(body);
      await post('progress', { note: '尚未接单', percent: 10 }).expect(409);
      await post('accept', {}).expect(200);
      await post('progress', { note: '已完成药学资料差距分析', percent: 40 }).expect(200);
      await post('rating', { score: 5 }, enterprise).expect(409);
      const closed = await post('close', { summary: 'pre-IND 资料已提交，服务完成' }).expect(200);
      expect(closed.body).toMatchObject({ status: 'CLOSED', percent: 100 });
      expect(closed.body.progress).toEqual([
        expect.objectContaining({ note: '已完成药学资料差距分析', percent: 40 }),
      ]);

      await waitForApplication(t, enterprise, applicationId, { stage: 'confirmation' });
      await t
        .http()
        .post(`/api/v1/applications/${applicationId}/confirm`)
        .set(enterprise.auth)
        .send({})
        .expect(200);
      await waitForApplication(t, enterprise, applicationId, { status: 'COMPLETED' });

      await post('rating', { score: 4 }, chosen.user).expect(403);
      const rated = await post('rating', { score: 4, comment: '响应及时' }, enterprise).expect(200);
      expect(rated.body.rating).toBe(4);
      await post('rating', { score: 1 }, enterprise).expect(409);
      const provider = await t
        .http()
        .get(`/api/v1/providers/${chosen.id}`)
        .set(admin.auth)
        .expect(200);
      expect(provider.body).toMatchObject({ rating: 4, ratingCount: 1 });

      const timeline = await t
        .http()
        .get(`/api/v1/applications/${applicationId}/events`)
        .set(enterprise.auth)
        .expect(200);
      const types = timeline.body.map((event: { type: string }) => event.type);
      expect(types).toEqual(
        expect.arrayContaining([
          'application.handed_to_provider',
          'application.provider_accepted',
          'application.provider_progress',
          'application.provider_closed',
          'application.provider_rated',
        ]),
      );
      const completion = timeline.body.find(
        (event: { type: string; data: { to?: string } }) =>
          event.type === 'application.stage_changed' && event.data.to === 'confirmation',
      );
      expect(completion).toMatchObject({ actorType: 'user', actorId: chosen.user.userId });
    });

    it('goes back to the officer when the provider declines, and is handed to another', async () => {
      const next = await requestBeingHandled(t, enterprise, psc.officer);
      const first = await handOver(t, psc.officer, next, stranger.id);
      await t
        .http()
        .post(`/api/v1/handovers/${first.id}/decline`)
        .set(stranger.user.auth)
        .send({ reason: '本季度产能已满' })
        .expect(200);
      const matches = await t
        .http()
        .get(`/api/v1/applications/${next}/provider-matches`)
        .set(psc.officer.auth)
        .expect(200);
      expect(matches.body.map((m: { providerId: string }) => m.providerId)).not.toContain(
        stranger.id,
      );
      await t
        .http()
        .post(`/api/v1/applications/${next}/handovers`)
        .set(psc.officer.auth)
        .send({ providerId: stranger.id })
        .expect(400);
      await handOver(t, psc.officer, next, chosen.id);
      // The declined provider no longer reads the request.
      await t.http().get(`/api/v1/applications/${next}`).set(stranger.user.auth).expect(404);
    });
  });
});
