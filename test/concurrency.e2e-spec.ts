import { randomUUID } from 'node:crypto';
import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { Application } from '../src/applications/application.entity';
import { findRow } from '../src/database/hydrate';
import { QUEUES } from '../src/queues/queues';
import { Session, loginAdmin, newStaff } from './support/factories';
import {
  exampleForm,
  fileComplete,
  newDraft,
  uploadMaterial,
  verifiedEnterprise,
  waitForApplication,
} from './support/filing';
import { TestApp, eventually, startTestApp } from './support/test-app';

describe('concurrency and idempotency', () => {
  let t: TestApp;
  let admin: Session;
  let enterprise: Session & { enterpriseId: string };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginAdmin(t);
    enterprise = await verifiedEnterprise(t, admin);
  });

  afterAll(() => t.close());

  it('never hands out the same task twice to 20 officers asking at once', async () => {
    const officers = await Promise.all(
      Array.from({ length: 20 }, () => newStaff(t, admin, 'OFFICER', 'HRSS')),
    );
    const filed = [];
    for (let i = 0; i < 6; i++)
      filed.push((await fileComplete(t, enterprise, 'TALENT_RECRUITMENT')).id);
    for (const id of filed) await waitForApplication(t, enterprise, id, { stage: 'handling' });

    const responses = await Promise.all(
      officers.map((officer) => t.http().post('/api/v1/tasks/next').set(officer.auth)),
    );
    const claimed = responses.filter((response) => response.status === 200);
    expect(responses.every((response) => response.status === 200 || response.status === 204)).toBe(
      true,
    );
    expect(claimed).toHaveLength(6);
    const ids = claimed.map((response) => response.body.id);
    expect(new Set(ids).size).toBe(6);
    expect(claimed.map((response) => response.body.applicationId).sort()).toEqual(
      [...filed].sort(),
    );
    for (const response of claimed) expect(response.body.status).toBe('CLAIMED');
    const holders = await t.dataSource.query(
      `SELECT count(DISTINCT assignee_id)::int AS n FROM tasks WHERE id = ANY($1)`,
      [ids],
    );
    expect(holders[0].n).toBe(6);
  });

  it('moves an application once when the same automated-stage job is delivered twice', async () => {
    const { id } = await fileComplete(t, enterprise, 'TALENT_RECRUITMENT');
    await waitForApplication(t, enterprise, id, { stage: 'handling' });
    const [{ payload }] = await t.dataSource.query(
      `SELECT payload FROM outbox WHERE job_name = 'stage.run' AND payload->>'applicationId' = $1`,
      [id],
    );
    const queue = t.app.get<Queue>(getQueueToken(QUEUES.STAGES));
    const replays = await Promise.all([
      queue.add('stage.run', payload),
      queue.add('stage.run', payload),
    ]);
    const results = await Promise.all(replays.map((job) => job.finished()));
    expect(results).toEqual([{ moved: false }, { moved: false }]);

    const timeline = await t
      .http()
      .get(`/api/v1/applications/${id}/events`)
      .set(enterprise.auth)
      .expect(200);
    const moves = timeline.body.filter(
      (event: { type: string; data: { from?: string } }) =>
        event.type === 'application.stage_changed' && event.data.from === 'routing',
    );
    expect(moves).toHaveLength(1);
    const tasks = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM tasks WHERE application_id = $1`,
      [id],
    );
    expect(tasks[0].n).toBe(1);
  });

  it('attaches every material of a draft sent at once, each exactly once', async () => {
    const { draft, requiredMaterialTypes: types } = await newDraft(
      t,
      enterprise,
      'SPECIAL_ARTICLE_ENTRY',
    );
    expect(types.length).toBeGreaterThanOrEqual(4);
    const responses = await Promise.all(
      types.map((type) =>
        uploadMaterial(t, enterprise, draft.id, type, Buffer.from(`%PDF-1.4\n% ${type}\n%%EOF\n`)),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual(types.map(() => 200));
    const read = await t
      .http()
      .get(`/api/v1/applications/${draft.id}`)
      .set(enterprise.auth)
      .expect(200);
    expect(read.body.version).toBe(draft.version + types.length);
    expect(read.body.materials.map((m: { materialType: string }) => m.materialType).sort()).toEqual(
      [...types].sort(),
    );
    // The answer with the highest version saw every attachment before it as well.
    const last = responses.reduce((a, b) => (a.body.version > b.body.version ? a : b));
    expect(last.body).toEqual(read.body);
    const events = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM events WHERE subject_id = $1 AND type = 'material.attached'`,
      [draft.id],
    );
    expect(events[0].n).toBe(types.length);
  });

  it('creates one application for one Idempotency-Key sent 10 times at once', async () => {
    const key = `create-${Date.now()}`;
    const body = { serviceCode: 'TALENT_RECRUITMENT', form: { 'project.name': '招聘高级研究员' } };
    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        t
          .http()
          .post('/api/v1/applications')
          .set(enterprise.auth)
          .set('Idempotency-Key', key)
          .send(body),
      ),
    );
    expect(responses.every((response) => response.status === 201 || response.status === 409)).toBe(
      true,
    );
    const created = responses.filter((response) => response.status === 201);
    expect(new Set(created.map((response) => response.body.id)).size).toBe(1);
    const count = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM applications WHERE enterprise_id = $1 AND form->>'project.name' = '招聘高级研究员'`,
      [enterprise.enterpriseId],
    );
    expect(count[0].n).toBe(1);

    const replay = await eventually(async () => {
      const response = await t
        .http()
        .post('/api/v1/applications')
        .set(enterprise.auth)
        .set('Idempotency-Key', key)
        .send(body);
      return response.status === 201 ? response : undefined;
    });
    expect(replay.body.id).toBe(created[0].body.id);
    expect(replay.headers['idempotent-replayed']).toBe('true');
  });
});

describe('a small connection pool under concurrent filings', () => {
  let t: TestApp;
  let enterprise: Session & { enterpriseId: string };

  beforeAll(async () => {
    t = await startTestApp({ DATABASE_POOL_SIZE: '2' });
    enterprise = await verifiedEnterprise(t, await loginAdmin(t));
  });

  afterAll(() => t.close());

  // A transaction that needs a second connection deadlocks a pool whose connections are all
  // held by such transactions; the database then ends them a minute later.
  it('creates 12 drafts at once on 2 connections without waiting for a free connection inside a transaction', async () => {
    const form = await exampleForm(t, 'TALENT_RECRUITMENT');
    const responses = await Promise.all(
      Array.from({ length: 12 }, () =>
        t
          .http()
          .post('/api/v1/applications')
          .set(enterprise.auth)
          .send({ serviceCode: 'TALENT_RECRUITMENT', form }),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(12).fill(201));
    expect(new Set(responses.map((response) => response.body.id)).size).toBe(12);
  }, 20_000);

  it('reads an application row as TypeORM would, for the reads that skip its query builder', async () => {
    const { id } = await fileComplete(t, enterprise, 'TALENT_RECRUITMENT');
    await waitForApplication(t, enterprise, id, { stage: 'handling' });
    const viaTypeorm = await t.dataSource.manager.findOneByOrFail(Application, { id });
    const hydrated = await findRow(t.dataSource.manager, Application, id);
    expect(hydrated).toBeInstanceOf(Application);
    expect(hydrated).toEqual(viaTypeorm);
    expect(await findRow(t.dataSource.manager, Application, randomUUID())).toBeNull();
  });
});
