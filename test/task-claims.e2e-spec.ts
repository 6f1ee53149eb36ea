import { CLAIM_WINDOW } from '../src/tasks/tasks.service';
import { Session, loginAdmin, newStaff } from './support/factories';
import { exampleForm, verifiedEnterprise } from './support/filing';
import { TestApp, startTestApp } from './support/test-app';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('claiming the next task from a queue deeper than the claim window', () => {
  let t: TestApp;
  let admin: Session;
  let applicationId: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginAdmin(t);
    const enterprise = await verifiedEnterprise(t, admin);
    const draft = await t
      .http()
      .post('/api/v1/applications')
      .set(enterprise.auth)
      .send({ serviceCode: 'TALENT_RECRUITMENT', form: await exampleForm(t, 'TALENT_RECRUITMENT') })
      .expect(201);
    applicationId = draft.body.id;
  });

  afterAll(() => t.close());

  /** Open officer tasks of a department, one per due date; rectification tasks may share an application. */
  async function openTasks(department: string, dueDates: Date[]): Promise<string[]> {
    const rows: { id: string }[] = await t.dataSource.query(
      `INSERT INTO tasks (kind, application_id, department_code, role, status, due_at)
       SELECT 'RECTIFICATION', $1, $2, 'OFFICER', 'OPEN', due FROM unnest($3::timestamptz[]) AS due
       RETURNING id`,
      [applicationId, department, dueDates],
    );
    return rows.map((row) => row.id);
  }

  it('gives 10 claims sent at once 10 distinct tasks', async () => {
    await openTasks(
      'MSA',
      Array.from({ length: 3 * CLAIM_WINDOW }, (_, i) => new Date(Date.now() + (i + 1) * DAY_MS)),
    );
    const officer = await newStaff(t, admin, 'OFFICER', 'MSA');

    const responses = await Promise.all(
      Array.from({ length: 10 }, () => t.http().post('/api/v1/tasks/next').set(officer.auth)),
    );

    expect(responses.map((response) => response.status)).toEqual(Array(10).fill(200));
    expect(new Set(responses.map((response) => response.body.id)).size).toBe(10);
    for (const response of responses) {
      expect(response.body).toMatchObject({ status: 'CLAIMED', assigneeId: officer.userId });
    }
  });

  it('claims only among the most urgent tasks when the queue is deeper than the window', async () => {
    const overdue = await openTasks(
      'EMB',
      Array.from({ length: CLAIM_WINDOW }, (_, i) => new Date(Date.now() - (i + 1) * DAY_MS)),
    );
    await openTasks(
      'EMB',
      Array.from({ length: 2 * CLAIM_WINDOW }, (_, i) => new Date(Date.now() + (i + 30) * DAY_MS)),
    );
    const officer = await newStaff(t, admin, 'OFFICER', 'EMB');

    // Released again each time, so every claim sees the same queue.
    const claimed = new Set<string>();
    for (let i = 0; i < 2 * CLAIM_WINDOW; i++) {
      const { body } = await t.http().post('/api/v1/tasks/next').set(officer.auth).expect(200);
      claimed.add(body.id);
      await t.http().post(`/api/v1/tasks/${body.id}/release`).set(officer.auth).expect(200);
    }

    expect(overdue).toEqual(expect.arrayContaining([...claimed]));
    expect(claimed.size).toBeGreaterThan(1);
  });

  it('takes the most urgent free task when every task of the window is being claimed', async () => {
    const queue = await openTasks(
      'COMMERCE',
      Array.from({ length: CLAIM_WINDOW + 2 }, (_, i) => new Date(Date.now() + (i + 1) * DAY_MS)),
    );
    const officer = await newStaff(t, admin, 'OFFICER', 'COMMERCE');
    const otherClaims = t.dataSource.createQueryRunner();
    await otherClaims.startTransaction();
    try {
      await otherClaims.query(`SELECT id FROM tasks WHERE id = ANY($1) FOR UPDATE`, [
        queue.slice(0, CLAIM_WINDOW),
      ]);
      const { body } = await t.http().post('/api/v1/tasks/next').set(officer.auth).expect(200);
      expect(body.id).toBe(queue[CLAIM_WINDOW]);
    } finally {
      await otherClaims.rollbackTransaction();
      await otherClaims.release();
    }
  });

  it('lets the holder or a head release a claim, and tells the others why not', async () => {
    const [taskId] = await openTasks('HCB', [new Date(Date.now() + DAY_MS)]);
    const [officer, colleague, head, outsider] = await Promise.all([
      newStaff(t, admin, 'OFFICER', 'HCB'),
      newStaff(t, admin, 'OFFICER', 'HCB'),
      newStaff(t, admin, 'DEPARTMENT_HEAD', 'HCB'),
      newStaff(t, admin, 'OFFICER', 'PSB'),
    ]);
    const release = (who: Session) =>
      t.http().post(`/api/v1/tasks/${taskId}/release`).set(who.auth);

    const claim = await t.http().post('/api/v1/tasks/next').set(officer.auth).expect(200);
    expect(claim.body).toMatchObject({ id: taskId, allowedActions: ['complete'], version: 2 });
    expect((await release(colleague).expect(409)).body.detail).toMatch(/holder of the claim/);
    await release(outsider).expect(404);
    expect((await release(officer).expect(200)).body).toMatchObject({
      id: taskId,
      status: 'OPEN',
      assigneeId: null,
      version: 3,
    });
    expect((await release(officer).expect(409)).body.detail).toBe('The task is OPEN');

    await t.http().post(`/api/v1/tasks/${taskId}/claim`).set(colleague.auth).expect(200);
    expect((await release(head).expect(200)).body).toMatchObject({ status: 'OPEN', version: 5 });

    const events: { type: string }[] = await t.dataSource.query(
      `SELECT type FROM events WHERE data->>'taskId' = $1 ORDER BY seq`,
      [taskId],
    );
    expect(events.map((event) => event.type)).toEqual([
      'task.claimed',
      'task.released',
      'task.claimed',
      'task.released',
    ]);
  });
});
