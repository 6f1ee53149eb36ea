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

/** The lower quantile, computed from the raw values, independently of the rollups. */
function quantile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil(p * sorted.length)) - 1];
}

describe('statistics for the command desk', () => {
  let t: TestApp;
  let admin: Session;
  let hrss: Department;
  let hcb: Department;

  beforeAll(async () => {
    // Every read computes afresh: these tests compare figures before and after changes.
    t = await startTestApp({ STATS_CACHE_MS: '0' });
    admin = await loginAdmin(t);
    hrss = await department(t, admin, 'HRSS');
    hcb = await department(t, admin, 'HCB');
    const enterprise = await verifiedEnterprise(t, admin);

    const completed: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { id } = await fileComplete(t, enterprise, 'TALENT_RECRUITMENT');
      expect((await act(t, hrss.officer, id, 'handling', 'complete')).status).toBe(200);
      await waitForApplication(t, enterprise, id, { stage: 'confirmation' });
      await t
        .http()
        .post(`/api/v1/applications/${id}/confirm`)
        .set(enterprise.auth)
        .send({})
        .expect(200);
      completed.push(id);
    }
    await t
      .http()
      .post(`/api/v1/applications/${completed[0]}/rating`)
      .set(enterprise.auth)
      .send({ score: 5 })
      .expect(200);
    await t
      .http()
      .post(`/api/v1/applications/${completed[1]}/rating`)
      .set(enterprise.auth)
      .send({ score: 2 })
      .expect(200);
    const declined = await fileComplete(t, enterprise, 'TALENT_RECRUITMENT');
    expect(
      (await act(t, hrss.officer, declined.id, 'handling', 'decline', { comment: '岗位不符' }))
        .status,
    ).toBe(200);
    const open = await fileComplete(t, enterprise, 'TALENT_RECRUITMENT');
    await waitForApplication(t, enterprise, open.id, { stage: 'handling' });
    const rejected = await fileComplete(t, enterprise, 'FIRE_PROTECTION_REVIEW');
    expect(
      (
        await act(t, hcb.officer, rejected.id, 'acceptance', 'reject', {
          comment: '不属于受理范围',
        })
      ).status,
    ).toBe(200);
    await t
      .http()
      .post('/api/v1/applications')
      .set(enterprise.auth)
      .send({ serviceCode: 'FIRE_PROTECTION_REVIEW' })
      .expect(201);
  });

  afterAll(() => t.close());

  async function independentFigures(serviceCode?: string) {
    const rows: {
      service_code: string;
      status: string;
      decision_working_days: number | null;
      decided_on_time: boolean | null;
      rating: number | null;
    }[] = await t.dataSource.query(
      `SELECT service_code, status, decision_working_days, decided_on_time, rating FROM applications
         WHERE submitted_at IS NOT NULL AND ($1::text IS NULL OR service_code = $1)`,
      [serviceCode ?? null],
    );
    const decided = rows.filter((row) => row.decision_working_days !== null);
    const ratings = rows.filter((row) => row.rating !== null).map((row) => row.rating!);
    return {
      submitted: rows.length,
      decided: decided.length,
      medianWorkingDays: quantile(
        decided.map((row) => row.decision_working_days!),
        0.5,
      ),
      p90WorkingDays: quantile(
        decided.map((row) => row.decision_working_days!),
        0.9,
      ),
      onTimeRate: decided.length
        ? Math.round(
            (decided.filter((row) => row.decided_on_time).length / decided.length) * 1000,
          ) / 1000
        : null,
      overdueNow: 0,
      averageRating: ratings.length
        ? Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 100) / 100
        : null,
      byStatus: Object.entries(
        rows.reduce<Record<string, number>>(
          (counts, row) => ({ ...counts, [row.status]: (counts[row.status] ?? 0) + 1 }),
          {},
        ),
      )
        .map(([status, applications]) => ({ status, applications }))
        .sort((a, b) => a.status.localeCompare(b.status)),
    };
  }

  it('matches counts computed independently from the applications the test created', async () => {
    const expected = await independentFigures();
    expect(expected).toMatchObject({ submitted: 6, decided: 5 });
    const overview = await eventually(async () => {
      const response = await t.http().get('/api/v1/stats/overview').set(admin.auth).expect(200);
      const total = response.body.total;
      return total.submitted === expected.submitted &&
        total.decided === expected.decided &&
        total.averageRating !== null
        ? response.body
        : undefined;
    });
    const { byStatus, ...totals } = expected;
    expect(overview.total).toEqual(totals);
    expect(overview.byStatus).toEqual(byStatus);

    const recruitment = overview.byService.find(
      (row: { serviceCode: string }) => row.serviceCode === 'TALENT_RECRUITMENT',
    );
    const { byStatus: _ignored, ...recruitmentFigures } =
      await independentFigures('TALENT_RECRUITMENT');
    expect(recruitment).toEqual({
      serviceCode: 'TALENT_RECRUITMENT',
      departmentCode: 'HRSS',
      ...recruitmentFigures,
    });
    expect(
      overview.byDepartment.map((row: { departmentCode: string }) => row.departmentCode),
    ).toEqual(['HCB', 'HRSS']);

    const series = await t
      .http()
      .get('/api/v1/stats/timeseries?metric=submitted&interval=month')
      .set(admin.auth)
      .expect(200);
    expect(
      series.body.reduce((sum: number, point: { value: number }) => sum + point.value, 0),
    ).toBe(expected.submitted);
    const completedSeries = await t
      .http()
      .get('/api/v1/stats/timeseries?metric=completed&interval=day')
      .set(admin.auth)
      .expect(200);
    expect(
      completedSeries.body.reduce((sum: number, point: { value: number }) => sum + point.value, 0),
    ).toBe(3);
  });

  it('gives the same figures after the rollups are rebuilt from the applications', async () => {
    const before = await t.http().get('/api/v1/stats/overview').set(admin.auth).expect(200);
    await t.dataSource.query('SELECT rebuild_statistics()');
    const after = await t.http().get('/api/v1/stats/overview').set(admin.auth).expect(200);
    expect(after.body).toEqual(before.body);
  });

  it('shows a head only their department, and refuses officers and enterprises', async () => {
    const own = await t.http().get('/api/v1/stats/overview').set(hcb.head.auth).expect(200);
    expect(
      own.body.byDepartment.map((row: { departmentCode: string }) => row.departmentCode),
    ).toEqual(['HCB']);
    await t.http().get('/api/v1/stats/overview?department=HRSS').set(hcb.head.auth).expect(403);
    await t.http().get('/api/v1/stats/overview').set(hcb.officer.auth).expect(403);
    await t
      .http()
      .get('/api/v1/stats/timeseries?metric=everything&interval=day')
      .set(admin.auth)
      .expect(400);
  });
});
