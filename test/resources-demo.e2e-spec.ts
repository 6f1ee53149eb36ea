import { DEMO_OFFICER_PASSWORD, seedDemo } from '../src/demo/seed-demo';
import { DEMO_RESOURCES } from '../src/demo/resources-demo';
import { login } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

describe('demo park resources and bookings', () => {
  let t: TestApp;

  const count = async (sql: string): Promise<number> =>
    Number((await t.dataSource.query(sql))[0].count);

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemo(t.config, { enterprises: 40, applications: 100, seed: 11 });
  }, 120_000);

  afterAll(() => t.close());

  it("lays out the park's platforms, tens of venues and instruments, each unit bookable", async () => {
    expect(await count(`SELECT count(*) FROM resources`)).toBe(DEMO_RESOURCES.length);
    const kinds: { kind: string; count: string }[] = await t.dataSource.query(
      `SELECT kind, count(*) FROM resources GROUP BY kind ORDER BY kind`,
    );
    expect(Object.fromEntries(kinds.map((row) => [row.kind, Number(row.count)]))).toEqual({
      INSTRUMENT: expect.any(Number),
      PLATFORM: 7,
      VENUE: expect.any(Number),
    });
    expect(
      await count(
        `SELECT count(*) FROM resources r WHERE r.capacity <> (SELECT count(*) FROM resource_units u WHERE u.resource_id = r.id)`,
      ),
    ).toBe(0);
  });

  it('books a few thousand slots over the last months, on working days within opening hours', async () => {
    expect(await count(`SELECT count(*) FROM bookings`)).toBeGreaterThan(2000);
    expect(
      await count(
        `SELECT count(*) FROM bookings b JOIN resources r ON r.id = b.resource_id
         WHERE (lower(b.during) AT TIME ZONE 'Asia/Shanghai')::time < r.opens_at
            OR (upper(b.during) AT TIME ZONE 'Asia/Shanghai')::time > r.closes_at`,
      ),
    ).toBe(0);
    expect(await count(`SELECT count(*) FROM bookings WHERE status = 'REQUESTED'`)).toBeGreaterThan(
      0,
    );
  });

  it('seeds twice without doubling anything', async () => {
    const before = await count(`SELECT count(*) FROM bookings`);
    await seedDemo(t.config, { enterprises: 1, applications: 1, seed: 12 });
    expect(await count(`SELECT count(*) FROM bookings`)).toBe(before);
  }, 120_000);

  it("shows the park service centre's head the utilisation of its resources", async () => {
    const session = await login(t, 'psc.head@parkline.local', DEMO_OFFICER_PASSWORD);
    const month = new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 7);
    const stats = await t
      .http()
      .get(`/api/v1/stats/resource-utilisation?from=${month}&to=${month}`)
      .set(session.auth)
      .expect(200);
    expect(stats.body.length).toBeGreaterThan(30);
    const busy = stats.body.filter(
      (resource: { months: { utilisation: number }[] }) => resource.months[0].utilisation > 0,
    );
    expect(busy.length).toBeGreaterThan(20);
  });
});
