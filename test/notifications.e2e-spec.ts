import { Session, loginAdmin } from './support/factories';
import {
  act,
  department,
  Department,
  fileComplete,
  verifiedEnterprise,
  waitForApplication,
} from './support/filing';
import { TestApp, eventually, startTestApp } from './support/test-app';

describe('notification inboxes', () => {
  let t: TestApp;
  let admin: Session;
  let hrss: Department;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginAdmin(t);
    hrss = await department(t, admin, 'HRSS');
  });

  afterAll(() => t.close());

  const inboxOf = (session: Session, type: string) =>
    eventually(
      async () => {
        const response = await t
          .http()
          .get('/api/v1/notifications?unread=true&limit=100')
          .set(session.auth)
          .expect(200);
        return response.body.data.find(
          (notification: { type: string }) => notification.type === type,
        );
      },
      10_000,
      `a ${type} notification`,
    );

  it('tells officers of new tasks and enterprises of supplement requests and decisions', async () => {
    const enterprise = await verifiedEnterprise(t, admin);
    const { id } = await fileComplete(t, enterprise, 'TALENT_RECRUITMENT');
    await waitForApplication(t, enterprise, id, { stage: 'handling' });
    const newTask = await inboxOf(hrss.officer, 'task.created');
    expect(newTask.data).toEqual({ subjectType: 'application', subjectId: id });

    expect(
      (
        await act(t, hrss.officer, id, 'handling', 'request_supplement', {
          data: { items: [{ kind: 'field', key: 'project.name', reason: '请写明岗位名称' }] },
        })
      ).status,
    ).toBe(200);
    await inboxOf(enterprise, 'application.supplement_requested');
    await t
      .http()
      .post(`/api/v1/applications/${id}/supplement`)
      .set(enterprise.auth)
      .send({ form: {} })
      .expect(200);
    expect(
      (await act(t, hrss.officer, id, 'handling', 'decline', { comment: '岗位已招满' })).status,
    ).toBe(200);
    const decision = await inboxOf(enterprise, 'application.rejected');

    await t
      .http()
      .post(`/api/v1/notifications/${decision.id}/read`)
      .set(enterprise.auth)
      .expect(200);
    const unread = await t
      .http()
      .get('/api/v1/notifications?unread=true')
      .set(enterprise.auth)
      .expect(200);
    expect(unread.body.data.map((notification: { id: string }) => notification.id)).not.toContain(
      decision.id,
    );
    const all = await t
      .http()
      .post('/api/v1/notifications/read-all')
      .set(enterprise.auth)
      .expect(200);
    expect(all.body.updated).toBeGreaterThan(0);
    await t
      .http()
      .post(`/api/v1/notifications/${decision.id}/read`)
      .set(hrss.officer.auth)
      .expect(404);
  });
});
