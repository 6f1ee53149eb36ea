import { randomBytes } from 'node:crypto';
import { login, newCreditCode, Session, uniqueEmail } from './factories';
import { fileComplete, taskFor, waitForApplication } from './filing';
import { eventually, TestApp } from './test-app';

/** The value-added service the provider tests hand on, and the department that handles it. */
export const HANDED_SERVICE = 'CRO_CDMO_MATCHING';
export const VALUE_ADDED_DEPARTMENT = 'PSC';

/** The password of every provider and institution user the tests create. */
export const ORGANISATION_PASSWORD = 'Organisation-Pass-2026';

export interface OrganisationRef {
  id: string;
  name: string;
  user: Session & { email: string };
}

async function organisationUser(t: TestApp, admin: Session, path: string) {
  const email = uniqueEmail('org');
  const password = ORGANISATION_PASSWORD;
  await t.http().post(path).set(admin.auth).send({ email, password, name: '周婷' }).expect(201);
  return { ...(await login(t, email, password)), email };
}

/** A provider the park has listed for the given services, with one user. */
export async function listedProvider(
  t: TestApp,
  admin: Session,
  overrides: {
    services?: string[];
    capabilities?: string[];
    capacity?: number;
    name?: string;
  } = {},
): Promise<OrganisationRef> {
  const name = overrides.name ?? `杭州测试医药外包 ${randomBytes(3).toString('hex')} 有限公司`;
  const created = await t
    .http()
    .post('/api/v1/providers')
    .set(admin.auth)
    .send({
      name,
      kind: 'CRO',
      creditCode: newCreditCode(),
      contactName: '陈静',
      contactPhone: '0571-88806688',
      contactEmail: uniqueEmail('bd'),
      services: overrides.services ?? [HANDED_SERVICE],
      capabilities: overrides.capabilities ?? ['抗体'],
      capacity: overrides.capacity ?? 5,
    })
    .expect(201);
  await t
    .http()
    .post(`/api/v1/providers/${created.body.id}/status`)
    .set(admin.auth)
    .send({ status: 'LISTED', reason: '资质审核通过' })
    .expect(200);
  return {
    id: created.body.id,
    name,
    user: await organisationUser(t, admin, `/api/v1/providers/${created.body.id}/users`),
  };
}

/** A value-added request filed by the enterprise and waiting in the officer's handling stage. */
export async function requestBeingHandled(
  t: TestApp,
  enterprise: Session,
  officer: Session,
  service = HANDED_SERVICE,
) {
  const { id } = await fileComplete(t, enterprise, service, {
    'service.requirement': '单抗药物 IND 申报前药学研究外包，需 GMP 中试',
  });
  await waitForApplication(t, enterprise, id, { stage: 'handling' });
  await taskFor(t, officer, id, 'handling');
  return id;
}

/** Hands the application to the provider; answers the handover. */
export async function handOver(
  t: TestApp,
  officer: Session,
  applicationId: string,
  providerId: string,
) {
  const handover = await t
    .http()
    .post(`/api/v1/applications/${applicationId}/handovers`)
    .set(officer.auth)
    .send({ providerId, note: '请三个工作日内联系企业' })
    .expect(201);
  return handover.body;
}

/** An institution for trials of the specialty, with GCP wards in it, and one user. */
export async function institutionWithUser(
  t: TestApp,
  admin: Session,
  overrides: { specialty?: string; name?: string; indications?: string[] } = {},
): Promise<OrganisationRef> {
  const suffix = randomBytes(3).toString('hex').toUpperCase();
  const name = overrides.name ?? `杭州测试医院 ${suffix}`;
  const specialty = overrides.specialty ?? 'OTHER';
  const created = await t
    .http()
    .post('/api/v1/institutions')
    .set(admin.auth)
    .send({
      code: `TEST_HOSPITAL_${suffix}`,
      name,
      nameEn: `Hangzhou Test Hospital ${suffix}`,
      specialties: [specialty],
      gcpSpecialties: [specialty],
      indications: overrides.indications ?? [],
      capacity: 5,
    })
    .expect(201);
  return {
    id: created.body.id,
    name,
    user: await organisationUser(t, admin, `/api/v1/institutions/${created.body.id}/users`),
  };
}

/** A clinical trial filed by the enterprise, matched and offered to an institution. */
export async function trialOffered(
  t: TestApp,
  enterprise: Session,
  form: { specialty: string; preferred?: string[] },
) {
  const { id } = await fileComplete(t, enterprise, 'CLINICAL_TRIAL_DOCKING', {
    'clinical.specialty': form.specialty,
    'trial.indication': '罕见病',
    ...(form.preferred ? { 'trial.preferredInstitutions': form.preferred } : {}),
  });
  await waitForApplication(t, enterprise, id, { stage: 'hospital_review' });
  return id;
}

/** The docking of the application currently offered to the institution user's hospital. */
export function offeredDocking(t: TestApp, user: Session, applicationId: string) {
  return eventually(
    async () => {
      const list = await t
        .http()
        .get('/api/v1/dockings?status=OFFERED&limit=100')
        .set(user.auth)
        .expect(200);
      return list.body.data.find(
        (docking: { applicationId: string }) => docking.applicationId === applicationId,
      ) as { id: string; institutionId: string } | undefined;
    },
    15_000,
    `a docking of ${applicationId}`,
  );
}

/** The user's inbox holds a notification of this event type, once it is delivered. */
export function notified(t: TestApp, user: Session, type: string) {
  return eventually(
    async () => {
      const inbox = await t
        .http()
        .get('/api/v1/notifications?limit=100')
        .set(user.auth)
        .expect(200);
      return inbox.body.data.find((notification: { type: string }) => notification.type === type);
    },
    15_000,
    `a ${type} notification`,
  );
}
