import { prepareSandbox, Sandbox, sandboxGreeting } from '../src/demo/sandbox';
import { APPLICATION_STATUSES } from '../src/workflow/workflow-engine';
import { startTestApp, TestApp } from './support/test-app';

// APPROVED lasts only while the certificate of an approval is being issued: moments, not a
// state an application rests in.
const RESTING_STATUSES = APPLICATION_STATUSES.filter((status) => status !== 'APPROVED');

describe('integrator sandbox', () => {
  let t: TestApp;
  let first: Sandbox;

  const withKey = (key: string, path: string) => t.http().get(path).set('X-API-Key', key);

  beforeAll(async () => {
    t = await startTestApp();
    first = await prepareSandbox(t.app, t.config);
  }, 120_000);

  afterAll(() => t?.close());

  it('binds a key with every scope to a verified enterprise', async () => {
    expect(first.seeded).toBe(true);
    expect(first.key.scopes).toEqual([
      'catalogue:read',
      'applications:read',
      'applications:write',
      'webhooks:manage',
      'bookings:read',
      'bookings:write',
    ]);
    expect(first.key.enterpriseIds).toEqual([first.enterprise.id]);
    await withKey(first.key.key, '/api/v1/bookings').expect(200);
    const [enterprise] = await t.dataSource.query(
      `SELECT verified_at IS NOT NULL AS verified FROM enterprises WHERE id = $1`,
      [first.enterprise.id],
    );
    expect(enterprise.verified).toBe(true);
  });

  it('shows the key an application of its enterprise in every status', async () => {
    for (const status of RESTING_STATUSES) {
      const page = await withKey(first.key.key, `/api/v1/applications?status=${status}&limit=1`);
      expect({ status, code: page.status, found: page.body.data?.length }).toEqual({
        status,
        code: 200,
        found: 1,
      });
      expect(page.body.data[0].enterpriseId).toBe(first.enterprise.id);
    }
    expect(Object.keys(first.applicationsByStatus).sort()).toEqual([...RESTING_STATUSES].sort());
  });

  it('lets the key file for its enterprise and manage webhooks', async () => {
    await t
      .http()
      .post('/api/v1/applications')
      .set('X-API-Key', first.key.key)
      .send({ serviceCode: 'CONTROLLED_DRUG_PURCHASE', enterpriseId: first.enterprise.id })
      .expect(201);
    await withKey(first.key.key, '/api/v1/webhooks').expect(200);
  });

  it('tells what to call first, with the key', () => {
    expect(sandboxGreeting(first, t.config)).toContain(
      `curl -H 'X-API-Key: ${first.key.key}' 'http://localhost:3000/api/v1/applications?limit=5'`,
    );
  });

  it('runs again on the same database: no second park, a new key, the old one revoked', async () => {
    const count = async () =>
      Number((await t.dataSource.query(`SELECT count(*) FROM enterprises`))[0].count);
    const enterprises = await count();

    const again = await prepareSandbox(t.app, t.config);

    expect(again.seeded).toBe(false);
    expect(again.enterprise.id).toBe(first.enterprise.id);
    expect(await count()).toBe(enterprises);
    await withKey(first.key.key, '/api/v1/applications?limit=1').expect(401);
    await withKey(again.key.key, '/api/v1/applications?limit=1').expect(200);
  });
});
