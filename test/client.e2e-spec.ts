import type { AddressInfo } from 'node:net';
import { createParklineClient, ParklineApiError, unwrap } from '../client/src';
import { runClinicalTrialDockingExample } from '../client/examples/dock-clinical-trial';
import { runLicenceExample } from '../client/examples/file-controlled-drug-purchase';
import { runSpecialBiologicsExample } from '../client/examples/file-special-biologics';
import type { ExampleOptions } from '../client/examples/local-instance';
import { Credentials, ParkAccounts, ParkSide, StaffRole } from '../client/examples/park-side';
import { loginAdmin, newStaff, Session, uniqueEmail } from './support/factories';
import { verifiedEnterprise } from './support/filing';
import { startTestApp, TestApp } from './support/test-app';

const INSTITUTION_USER_PASSWORD = 'Hospital-GCP-2026';

/** The park's side for the examples: accounts the test creates as they are first needed. */
function testParkAccounts(t: TestApp, admin: Session): ParkAccounts {
  const staff = new Map<string, Promise<Credentials>>();
  const institutionUsers = new Map<string, Promise<Credentials>>();
  const once = (
    cache: Map<string, Promise<Credentials>>,
    key: string,
    create: () => Promise<Credentials>,
  ) => {
    if (!cache.has(key)) cache.set(key, create());
    return cache.get(key)!;
  };
  return {
    staff: (departmentCode: string, role: StaffRole) =>
      once(staff, `${departmentCode}/${role}`, () => newStaff(t, admin, role, departmentCode)),
    institutionUser: ({ id }) =>
      once(institutionUsers, id, async () => {
        const user = { email: uniqueEmail('gcp'), password: INSTITUTION_USER_PASSWORD };
        await t
          .http()
          .post(`/api/v1/institutions/${id}/users`)
          .set(admin.auth)
          .send({ ...user, name: '许医生' })
          .expect(201);
        return user;
      }),
  };
}

describe('typed client: the README workflows as an integrator runs them', () => {
  let t: TestApp;
  let options: ExampleOptions;
  const steps: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    const baseUrl = `http://127.0.0.1:${port}`;
    const admin = await loginAdmin(t);
    const { enterpriseId } = await verifiedEnterprise(t, admin);
    const key = await t
      .http()
      .post('/api/v1/api-keys')
      .set(admin.auth)
      .send({
        name: 'Enterprise ERP',
        scopes: ['catalogue:read', 'applications:read', 'applications:write'],
        enterpriseIds: [enterpriseId],
      })
      .expect(201);
    options = {
      baseUrl,
      enterprise: createParklineClient({ baseUrl, apiKey: key.body.key }),
      enterpriseId,
      park: new ParkSide(baseUrl, testParkAccounts(t, admin), (line) => steps.push(line)),
      log: (line) => steps.push(line),
    };
  });

  afterAll(() => t?.close());

  beforeEach(() => {
    steps.length = 0;
  });

  it('files a controlled-drug purchase licence through to a verified certificate', async () => {
    const result = await runLicenceExample(options);

    expect(result.status).toBe('COMPLETED');
    expect(result.certificateNumber).toMatch(/^CONTROLLED_DRUG_PURCHASE-\d{4}-\d{6}$/);
    // Category I psychotropics need the store's alarm proof on top of the fixed materials.
    expect(steps).toContain('Uploaded security_alarm_proof.pdf');
    expect(steps.at(-1)).toContain('verified publicly: VALID');
  });

  it('files a class D special-biologics import straight to the decision and a certificate', async () => {
    const result = await runSpecialBiologicsExample(options);

    expect(result.status).toBe('COMPLETED');
    expect(result.certificateNumber).toMatch(/^SPECIAL_ARTICLE_ENTRY-\d{4}-\d{6}$/);
    expect(steps).toContain(`Risk screening sent ${result.number} straight to the decision`);
    const stages = await t.dataSource.query(
      `SELECT DISTINCT stage FROM tasks WHERE application_id = $1`,
      [result.applicationId],
    );
    expect(stages).toEqual([{ stage: 'decision' }]);
  });

  it('docks a clinical trial with a hospital through to the recorded agreement', async () => {
    const result = await runClinicalTrialDockingExample(options);

    expect(result.status).toBe('COMPLETED');
    const [institution] = await t.dataSource.query(
      `SELECT gcp_specialties FROM trial_institutions WHERE id = $1`,
      [result.institutionId],
    );
    expect(institution.gcp_specialties).toContain('ONCOLOGY');
    expect(result.timeline).toEqual(
      expect.arrayContaining([
        'application.submitted',
        'application.institution_accepted',
        'application.completed',
      ]),
    );
  });

  it('throws the problem details of an error response as a ParklineApiError', async () => {
    const refused = await options.enterprise
      .POST('/api/v1/applications', {
        body: { serviceCode: 'NO_SUCH_SERVICE', enterpriseId: options.enterpriseId },
      })
      .then(unwrap)
      .catch((error: unknown) => error);

    expect(refused).toBeInstanceOf(ParklineApiError);
    expect(refused).toMatchObject({
      status: expect.any(Number),
      type: expect.stringMatching(/^urn:parkline:problem:/),
    });
    expect((refused as ParklineApiError).status).toBeGreaterThanOrEqual(400);
    expect((refused as ParklineApiError).status).toBeLessThan(500);
  });
});
