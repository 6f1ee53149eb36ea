import { loginAdmin, newStaff, Session } from '../support/factories';
import {
  draftComplete,
  fileComplete,
  taskFor,
  verifiedEnterprise,
  waitForApplication,
} from '../support/filing';
import { TestApp } from '../support/test-app';
import { FuzzFixture, Role } from './request-arbitrary';

/** A small park with one resource behind every path parameter of the API. */
export async function buildFuzzPark(t: TestApp): Promise<FuzzFixture> {
  const admin = await loginAdmin(t);
  const officer = await newStaff(t, admin, 'OFFICER', 'HCB');
  const spare = await newStaff(t, admin, 'OFFICER', 'HCB');
  const a = await verifiedEnterprise(t, admin);
  const draft = await draftComplete(t, a, 'FIRE_PROTECTION_REVIEW');
  const filed = await fileComplete(t, a, 'FIRE_PROTECTION_REVIEW');
  await waitForApplication(t, a, filed.id, { stage: 'acceptance' });
  const task = await taskFor(t, officer, filed.id, 'acceptance');
  const application = await t
    .http()
    .get(`/api/v1/applications/${draft.id}`)
    .set(a.auth)
    .expect(200);
  const library = await t
    .http()
    .post(`/api/v1/enterprises/${a.enterpriseId}/materials`)
    .set(a.auth)
    .field('materialType', 'business_licence')
    .attach('file', Buffer.from('%PDF-1.4\n%%EOF\n'), 'licence.pdf');
  const apiKey = await t
    .http()
    .post('/api/v1/api-keys')
    .set(admin.auth)
    .send({ name: 'fuzz', scopes: ['applications:read'], enterpriseIds: [a.enterpriseId] })
    .expect(201);
  const webhook = await t
    .http()
    .post('/api/v1/webhooks')
    .set(a.auth)
    .send({ url: 'https://hooks.example.com/parkline', events: ['application.submitted'] });
  const notifications = await t.http().get('/api/v1/notifications').set(a.auth).expect(200);
  const stop = await t
    .http()
    .post(`/api/v1/applications/${filed.id}/clock-stops`)
    .set(officer.auth)
    .send({ reasonCode: 'EXPERT_REVIEW', comment: 'fuzz' });

  const values: Record<string, string> = {
    id: filed.id,
    materialId: application.body.materials[0]?.id,
    stopId: stop.body?.id,
    code: 'FIRE_PROTECTION_REVIEW',
    version: '1',
    year: '2026',
    number: 'HCB-2026-000001',
  };
  const byPrefix: [string, Record<string, string>][] = [
    ['/api/v1/api-keys/', { id: apiKey.body.id }],
    ['/api/v1/enterprises/{id}/materials/', { id: a.enterpriseId, materialId: library.body.id }],
    ['/api/v1/enterprises/', { id: a.enterpriseId }],
    ['/api/v1/notifications/', { id: notifications.body.data[0]?.id }],
    ['/api/v1/tasks/', { id: task.id }],
    ['/api/v1/users/', { id: spare.userId }],
    ['/api/v1/webhooks/', { id: webhook.body?.id }],
    ['/api/v1/bundles/', { code: 'CELL_THERAPY_LAB' }],
  ];
  const sessions: Record<Exclude<Role, 'anonymous'>, Session> = { enterprise: a, officer, admin };
  return {
    headersOf: (role) => (role === 'anonymous' ? {} : sessions[role].auth),
    pathParams: (template) => {
      const specific = byPrefix.find(([prefix]) => template.startsWith(prefix))?.[1] ?? {};
      const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      return Object.fromEntries(
        names.map((name) => {
          const value = specific[name] ?? values[name];
          if (!value) throw new Error(`the fuzz park has no value for {${name}} of ${template}`);
          return [name, value];
        }),
      );
    },
  };
}
