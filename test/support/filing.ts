import {
  Session,
  loginAdmin,
  newStaff,
  RegisteredEnterprise,
  registerEnterprise,
  StaffSession,
} from './factories';
import { eventually, TestApp } from './test-app';

/** A small but real PDF: what the storage sniffs as application/pdf. */
export const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);
export const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 1),
]);

interface ServiceView {
  formSchema: { properties: Record<string, { examples: unknown[] }> };
  materials: { code: string; required: boolean; formats: string[] }[];
}

export async function exampleForm(
  t: TestApp,
  serviceCode: string,
  overrides: Record<string, unknown> = {},
): Promise<Record<string, unknown>> {
  const service = await t.http().get(`/api/v1/services/${serviceCode}`).expect(200);
  const properties = (service.body as ServiceView).formSchema.properties;
  return {
    ...Object.fromEntries(
      Object.entries(properties).map(([key, property]) => [key, property.examples[0]]),
    ),
    ...overrides,
  };
}

/** A verified enterprise, ready to file. */
export async function verifiedEnterprise(
  t: TestApp,
  staff?: Session,
): Promise<RegisteredEnterprise> {
  const enterprise = await registerEnterprise(t);
  const verifier = staff ?? (await loginAdmin(t));
  await t
    .http()
    .post(`/api/v1/enterprises/${enterprise.enterpriseId}/verify`)
    .set(verifier.auth)
    .expect(200);
  return enterprise;
}

export function uploadMaterial(
  t: TestApp,
  enterprise: Session,
  applicationId: string,
  materialType: string,
  content = PDF,
) {
  return t
    .http()
    .post(`/api/v1/applications/${applicationId}/materials`)
    .set(enterprise.auth)
    .field('materialType', materialType)
    .attach('file', content, `${materialType}.pdf`);
}

/** Drafts an application with a valid form and every material its checklist asks for. */
export async function draftComplete(
  t: TestApp,
  enterprise: Session,
  serviceCode: string,
  formOverrides: Record<string, unknown> = {},
): Promise<{ id: string; number: string }> {
  const { draft, requiredMaterialTypes } = await newDraft(
    t,
    enterprise,
    serviceCode,
    formOverrides,
  );
  for (const materialType of requiredMaterialTypes) {
    await uploadMaterial(t, enterprise, draft.id, materialType).expect(200);
  }
  return { id: draft.id, number: draft.number };
}

/** A draft with a valid form, and the material types its checklist asks for. */
export async function newDraft(
  t: TestApp,
  enterprise: Session,
  serviceCode: string,
  formOverrides: Record<string, unknown> = {},
) {
  const form = await exampleForm(t, serviceCode, formOverrides);
  const draft = await t
    .http()
    .post('/api/v1/applications')
    .set(enterprise.auth)
    .send({ serviceCode, form })
    .expect(201);
  const checklist = await t
    .http()
    .get(`/api/v1/applications/${draft.body.id}/checklist`)
    .set(enterprise.auth)
    .expect(200);
  return {
    draft: draft.body,
    requiredMaterialTypes: checklist.body.requiredMaterialTypes as string[],
  };
}

export async function fileComplete(
  t: TestApp,
  enterprise: Session,
  serviceCode: string,
  formOverrides: Record<string, unknown> = {},
) {
  const draft = await draftComplete(t, enterprise, serviceCode, formOverrides);
  await t
    .http()
    .post(`/api/v1/applications/${draft.id}/submit`)
    .set(enterprise.auth)
    .send({})
    .expect(200);
  return draft;
}

export async function waitForApplication(
  t: TestApp,
  viewer: Session,
  id: string,
  expected: { stage?: string; status?: string },
  what = JSON.stringify(expected),
) {
  return eventually(
    async () => {
      const response = await t
        .http()
        .get(`/api/v1/applications/${id}`)
        .set(viewer.auth)
        .expect(200);
      const { stage, status } = response.body;
      return (expected.stage === undefined || stage === expected.stage) &&
        (expected.status === undefined || status === expected.status)
        ? response.body
        : undefined;
    },
    15_000,
    `application ${id} to reach ${what}`,
  );
}

/** The live task of an application in the officer's queue, once it appears. */
export async function taskFor(t: TestApp, officer: Session, applicationId: string, stage?: string) {
  return eventually(
    async () => {
      const response = await t.http().get('/api/v1/tasks?limit=100').set(officer.auth).expect(200);
      return response.body.data.find(
        (task: { applicationId: string; stage: string }) =>
          task.applicationId === applicationId && (!stage || task.stage === stage),
      );
    },
    15_000,
    `a ${stage ?? ''} task for ${applicationId}`,
  );
}

/** Claims the application's current task and completes it with the action. */
export async function act(
  t: TestApp,
  officer: Session,
  applicationId: string,
  stage: string,
  action: string,
  extra: { comment?: string; data?: Record<string, unknown> } = {},
) {
  const task = await taskFor(t, officer, applicationId, stage);
  await t.http().post(`/api/v1/tasks/${task.id}/claim`).set(officer.auth).expect(200);
  return t
    .http()
    .post(`/api/v1/tasks/${task.id}/complete`)
    .set(officer.auth)
    .send({ action, ...extra });
}

/**
 * Takes a filed licence application through acceptance, review and the head's decision (a
 * filing: through the officer's record), and answers the certificate it was issued.
 */
export async function approveToCertificate(
  t: TestApp,
  enterprise: Session,
  staff: Department,
  id: string,
) {
  const application = await t
    .http()
    .get(`/api/v1/applications/${id}`)
    .set(enterprise.auth)
    .expect(200);
  const service = await t.http().get(`/api/v1/services/${application.body.serviceCode}`);
  const steps =
    service.body.workflow.archetype === 'FILING'
      ? ([[staff.officer, 'record', 'record']] as const)
      : ([
          [staff.officer, 'acceptance', 'accept'],
          [staff.officer, 'review', 'approve'],
          [staff.head, 'decision', 'approve'],
        ] as const);
  for (const [who, stage, action] of steps) {
    const response = await act(t, who, id, stage, action);
    if (response.status !== 200)
      throw new Error(`${stage} ${action} on ${id}: ${response.status} ${response.text}`);
  }
  await waitForApplication(t, enterprise, id, { status: 'COMPLETED' });
  const certificate = await t
    .http()
    .get(`/api/v1/applications/${id}/certificate`)
    .set(enterprise.auth)
    .expect(200);
  return certificate.body;
}

export interface Department {
  officer: Session;
  head: Session;
}

export async function department(
  t: TestApp,
  admin: Session,
  code: string,
): Promise<{ officer: StaffSession; head: StaffSession }> {
  return {
    officer: await newStaff(t, admin, 'OFFICER', code),
    head: await newStaff(t, admin, 'DEPARTMENT_HEAD', code),
  };
}
