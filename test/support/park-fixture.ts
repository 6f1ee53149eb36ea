import { officialCalendarYears } from '../../src/calendar/official-holidays';
import { API_KEY_SCOPES, Role } from '../../src/common/auth/roles';
import { login, loginAdmin, Session, uniqueEmail } from './factories';
import {
  approveToCertificate,
  department,
  Department,
  draftComplete,
  fileComplete,
  PDF,
  taskFor,
  verifiedEnterprise,
  waitForApplication,
} from './filing';
import { doctorOf, proposedPlacement } from './placements';
import { at, newResource, upcomingWorkingDays } from './resources';
import {
  handOver,
  HANDED_SERVICE,
  institutionWithUser,
  listedProvider,
  offeredDocking,
  OrganisationRef,
  requestBeingHandled,
  trialOffered,
  VALUE_ADDED_DEPARTMENT,
} from './organisations';
import { eventually, startTestApp, TestApp } from './test-app';
import { startWebhookReceiver, WebhookReceiver } from './webhook-receiver';

export type Owner = 'A' | 'B';
export const OWNERS: readonly Owner[] = ['A', 'B'];
export type AuthHeaders = Record<string, string>;

/** The service every fixture application files: licence workflow of the HCB department. */
export const FIXTURE_SERVICE = 'FIRE_PROTECTION_REVIEW';
/** The department FIXTURE_SERVICE is routed to, and one that has nothing to do with it. */
const HANDLING_DEPARTMENT = 'HCB';
const OTHER_DEPARTMENT = 'CUSTOMS';

export interface StaffOf {
  code: string;
  officer: Session;
  head: Session;
}

interface ApplicationRef {
  id: string;
  number: string;
  /** A current material of the application. */
  materialId: string;
}

/** Everything one enterprise owns in the fixture. */
export interface OwnerResources {
  enterpriseId: string;
  enterpriseName: string;
  creditCode: string;
  admin: Session & { email: string };
  member: Session & { email: string };
  /** Headers of an integrator key with every scope, bound to this enterprise only. */
  integrator: { id: string; auth: AuthHeaders };
  /** Another key bound to this enterprise, for routes that act on a key (revoking it). */
  spareApiKeyId: string;
  applications: {
    draft: ApplicationRef;
    /** Routed to the handling department, at acceptance, with its clocks stopped. */
    inProgress: ApplicationRef & { taskId: string; clockStopId: string };
    completed: ApplicationRef & {
      certificateId: string;
      certificateNumber: string;
      verificationCode: string;
    };
  };
  libraryMaterialId: string;
  /** A drug product and a device of its pipeline. */
  productId: string;
  deviceId: string;
  /** A listed provider, and a value-added request of this enterprise offered to it. */
  provider: OrganisationRef & { applicationId: string; handoverId: string };
  /** A trial institution, and a clinical trial of this enterprise offered to it. */
  institution: OrganisationRef & { applicationId: string; dockingId: string };
  webhookId: string;
  deliveryId: string;
  /** A notification of the enterprise admin. */
  notificationId: string;
  /** A requested booking of the park's fixture resource, operated by the handling department. */
  bookingId: string;
  /** A doctor of its institution, proposed for a placement answering its request. */
  placement: { id: string; doctorId: string; applicationId: string };
  /** A mandate of this enterprise to its provider, for value-added requests, prepare only. */
  mandateId: string;
}

export interface ParkFixture {
  t: TestApp;
  admin: Session;
  /** Staff of the department the owners' applications are routed to. */
  handling: StaffOf;
  /** Staff of a department none of them is routed to. */
  other: StaffOf;
  owners: Record<Owner, OwnerResources>;
  /**
   * Credentials by role for acting on the owner's resources: its enterprise users and
   * integrator, the handling department's staff, a park admin, and the users of the provider
   * and the institution its requests were handed to.
   */
  auth(owner: Owner): Record<Role | 'INTEGRATOR', AuthHeaders>;
  /**
   * Concrete values of the owner's resources for every path parameter of a template of
   * openapi.json (`/api/v1/applications/{id}/clock-stops/{stopId}/end`); throws, naming the
   * template and parameter, when the fixture has none.
   */
  pathParams(pathTemplate: string, owner: Owner): Record<string, string>;
  /** Ids, numbers and names of the owner's resources: what no other tenant may ever be shown. */
  identifiersOf(owner: Owner): string[];
  /**
   * Ids and numbers of the owner's applications and their tasks, and its booking of a resource the
   * handling department operates: what other departments may not see.
   */
  applicationIdentifiersOf(owner: Owner): string[];
}

/** A test app with a webhook receiver and the park fixture built in it. */
export async function startParkFixture(
  overrides: Record<string, string> = {},
): Promise<{ fixture: ParkFixture; close: () => Promise<void> }> {
  const receiver = await startWebhookReceiver();
  const t = await startTestApp({ WEBHOOK_ALLOWLIST: receiver.hostPort, ...overrides });
  try {
    const fixture = await buildParkFixture(t, receiver);
    return {
      fixture,
      close: async () => {
        await t.close();
        await receiver.close();
      },
    };
  } catch (error) {
    await t.close();
    await receiver.close();
    throw error;
  }
}

/**
 * Two verified enterprises, A and B, each with an admin, a member, integrator keys, a draft,
 * an application in progress (a task at acceptance in the handling department, a clock stop,
 * materials), a completed application with its certificate, a library document, a webhook with
 * a delivery and a notification; and staff of the handling department and of another one.
 */
export async function buildParkFixture(
  t: TestApp,
  receiver: WebhookReceiver,
): Promise<ParkFixture> {
  const admin = await loginAdmin(t);
  const [handling, other] = await Promise.all([
    staffOf(t, admin, HANDLING_DEPARTMENT),
    staffOf(t, admin, OTHER_DEPARTMENT),
  ]);
  const [resource, days, valueAdded, institutions] = await Promise.all([
    newResource(t, admin, { operatorDepartmentCode: HANDLING_DEPARTMENT }),
    upcomingWorkingDays(t),
    department(t, admin, VALUE_ADDED_DEPARTMENT),
    // One hospital per owner, of a specialty no seeded one has; each owner's trial prefers its own.
    Promise.all(OWNERS.map(() => institutionWithUser(t, admin, { specialty: FIXTURE_SPECIALTY }))),
  ]);
  const [a, b] = await Promise.all(
    OWNERS.map((_, index) =>
      buildOwner(
        t,
        admin,
        handling,
        `${receiver.base}/parkline`,
        {
          resourceId: resource.id,
          startsAt: at(days[0], `${10 + index}:00`),
          endsAt: at(days[0], `${11 + index}:00`),
        },
        { officer: valueAdded.officer, institution: institutions[index] },
      ),
    ),
  );
  const owners: Record<Owner, OwnerResources> = { A: a, B: b };
  const catalogue = { ...(await parkWideValues(t)), resourceId: resource.id };
  const pathParams = (pathTemplate: string, owner: Owner) =>
    resolvePathParams(pathTemplate, owners[owner], catalogue);
  return {
    t,
    admin,
    handling,
    other,
    owners,
    auth: (owner) => ({
      ENTERPRISE_ADMIN: owners[owner].admin.auth,
      ENTERPRISE_MEMBER: owners[owner].member.auth,
      INTEGRATOR: owners[owner].integrator.auth,
      OFFICER: handling.officer.auth,
      DEPARTMENT_HEAD: handling.head.auth,
      ADMIN: admin.auth,
      PROVIDER_USER: owners[owner].provider.user.auth,
      INSTITUTION_USER: owners[owner].institution.user.auth,
    }),
    pathParams,
    identifiersOf: (owner) => identifiersOf(owners[owner]),
    applicationIdentifiersOf: (owner) => applicationIdentifiersOf(owners[owner]),
  };
}

async function staffOf(t: TestApp, admin: Session, code: string): Promise<StaffOf> {
  const staff: Department = await department(t, admin, code);
  return { code, ...staff };
}

/** The clinical specialty of the fixture's trials: none of the seeded hospitals takes it. */
const FIXTURE_SPECIALTY = 'OTHER';

async function buildOwner(
  t: TestApp,
  admin: Session,
  handling: StaffOf,
  webhookUrl: string,
  slot: { resourceId: string; startsAt: string; endsAt: string },
  handedTo: { officer: Session; institution: OrganisationRef },
): Promise<OwnerResources> {
  const enterprise = await verifiedEnterprise(t, admin);
  const id = enterprise.enterpriseId;
  const [
    profile,
    member,
    integrator,
    spare,
    library,
    webhook,
    notification,
    draft,
    inProgress,
    completed,
    pipeline,
    booking,
    provider,
    institution,
    placement,
  ] = await Promise.all([
    t.http().get(`/api/v1/enterprises/${id}`).set(enterprise.auth).expect(200),
    addMember(t, enterprise, id),
    createApiKey(t, admin, id),
    createApiKey(t, admin, id),
    t
      .http()
      .post(`/api/v1/enterprises/${id}/materials`)
      .set(enterprise.auth)
      .field('materialType', 'business_licence')
      .field('title', '营业执照副本')
      .attach('file', PDF, 'licence.pdf')
      .expect(201),
    createWebhookWithDelivery(t, enterprise, webhookUrl),
    // Verification tells the enterprise's users.
    eventually(
      async () => {
        const inbox = await t.http().get('/api/v1/notifications').set(enterprise.auth).expect(200);
        return inbox.body.data[0]?.id as string | undefined;
      },
      15_000,
      'the enterprise.verified notification',
    ),
    draftApplication(t, enterprise),
    applicationInProgress(t, enterprise, handling),
    completedApplication(t, enterprise, handling),
    addPipeline(t, enterprise, id),
    t
      .http()
      .post('/api/v1/bookings')
      .set(enterprise.auth)
      .send({ ...slot, purpose: 'PKL-201 CAR-T 细胞株流式检测' })
      .expect(201),
    handedToProvider(t, admin, enterprise, handedTo.officer),
    offeredToInstitution(t, enterprise, handedTo.institution),
    placedDoctor(t, enterprise, handedTo),
  ]);
  const mandate = await t
    .http()
    .post('/api/v1/mandates')
    .set(enterprise.auth)
    .send({
      holderKind: 'PROVIDER',
      holderProviderId: provider.id,
      serviceCodes: [HANDED_SERVICE],
      validFrom: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10),
      validUntil: new Date(Date.now() + 8 * 3600_000 + 365 * 86_400_000).toISOString().slice(0, 10),
      canSubmit: false,
    })
    .expect(201);
  return {
    enterpriseId: id,
    enterpriseName: profile.body.name,
    creditCode: profile.body.creditCode,
    admin: enterprise,
    member,
    integrator,
    spareApiKeyId: spare.id,
    applications: { draft, inProgress, completed },
    libraryMaterialId: library.body.id,
    ...pipeline,
    provider,
    institution,
    webhookId: webhook.webhookId,
    deliveryId: webhook.deliveryId,
    notificationId: notification,
    bookingId: booking.body.id,
    placement,
    mandateId: mandate.body.id,
  };
}

async function addMember(t: TestApp, enterprise: Session, enterpriseId: string) {
  const email = uniqueEmail('member');
  const password = 'Member-Pass-2026';
  await t
    .http()
    .post(`/api/v1/enterprises/${enterpriseId}/members`)
    .set(enterprise.auth)
    .send({ email, password, name: '刘洋', role: 'ENTERPRISE_MEMBER' })
    .expect(201);
  return { ...(await login(t, email, password)), email };
}

async function addPipeline(t: TestApp, enterprise: Session, enterpriseId: string) {
  const [product, device] = await Promise.all([
    t
      .http()
      .post(`/api/v1/enterprises/${enterpriseId}/products`)
      .set(enterprise.auth)
      .send({ name: 'QT-101 注射液', stage: 'PHASE_1' })
      .expect(201),
    t
      .http()
      .post(`/api/v1/enterprises/${enterpriseId}/devices`)
      .set(enterprise.auth)
      .send({ name: '一次性使用无菌注射器', deviceClass: 'II' })
      .expect(201),
  ]);
  return { productId: product.body.id as string, deviceId: device.body.id as string };
}

async function createApiKey(t: TestApp, admin: Session, enterpriseId: string) {
  const created = await t
    .http()
    .post('/api/v1/api-keys')
    .set(admin.auth)
    .send({ name: 'ERP integration', scopes: API_KEY_SCOPES, enterpriseIds: [enterpriseId] })
    .expect(201);
  return { id: created.body.id as string, auth: { 'X-API-Key': created.body.key as string } };
}

async function createWebhookWithDelivery(t: TestApp, enterprise: Session, url: string) {
  const webhook = await t
    .http()
    .post('/api/v1/webhooks')
    .set(enterprise.auth)
    .send({ url, events: ['application.submitted', 'application.completed'] })
    .expect(201);
  const ping = await t
    .http()
    .post(`/api/v1/webhooks/${webhook.body.id}/test`)
    .set(enterprise.auth)
    .expect(200);
  return { webhookId: webhook.body.id as string, deliveryId: ping.body.id as string };
}

async function applicationRef(t: TestApp, viewer: Session, id: string): Promise<ApplicationRef> {
  const application = await t.http().get(`/api/v1/applications/${id}`).set(viewer.auth).expect(200);
  return { id, number: application.body.number, materialId: application.body.materials[0].id };
}

async function draftApplication(t: TestApp, enterprise: Session): Promise<ApplicationRef> {
  const { id } = await draftComplete(t, enterprise, FIXTURE_SERVICE);
  return applicationRef(t, enterprise, id);
}

async function applicationInProgress(t: TestApp, enterprise: Session, handling: StaffOf) {
  const { id } = await fileComplete(t, enterprise, FIXTURE_SERVICE);
  await waitForApplication(t, enterprise, id, { stage: 'acceptance' });
  const task = await taskFor(t, handling.officer, id, 'acceptance');
  await t
    .http()
    .post(`/api/v1/applications/${id}/clock-stops`)
    .set(handling.officer.auth)
    .send({ reasonCode: 'EXPERT_REVIEW', comment: '组织专家评审' })
    .expect(200);
  const timeline = await t
    .http()
    .get(`/api/v1/applications/${id}/events`)
    .set(enterprise.auth)
    .expect(200);
  const stopped = timeline.body.find(
    (event: { type: string }) => event.type === 'application.clock_stopped',
  );
  return {
    ...(await applicationRef(t, enterprise, id)),
    taskId: task.id as string,
    clockStopId: stopped.data.clockStopId as string,
  };
}

/** Accept, approve on review, a head's approval; the issuance stage then issues the certificate. */
async function completedApplication(t: TestApp, enterprise: Session, handling: StaffOf) {
  const { id } = await fileComplete(t, enterprise, FIXTURE_SERVICE);
  const certificate = await approveToCertificate(t, enterprise, handling, id);
  return {
    ...(await applicationRef(t, enterprise, id)),
    certificateId: certificate.id as string,
    certificateNumber: certificate.number as string,
    verificationCode: certificate.verificationCode as string,
  };
}

async function handedToProvider(t: TestApp, admin: Session, enterprise: Session, officer: Session) {
  const [provider, applicationId] = await Promise.all([
    listedProvider(t, admin),
    requestBeingHandled(t, enterprise, officer),
  ]);
  const handover = await handOver(t, officer, applicationId, provider.id);
  return { ...provider, applicationId, handoverId: handover.id as string };
}

async function offeredToInstitution(t: TestApp, enterprise: Session, institution: OrganisationRef) {
  const applicationId = await trialOffered(t, enterprise, {
    specialty: FIXTURE_SPECIALTY,
    preferred: [institution.name],
  });
  const docking = await offeredDocking(t, institution.user, applicationId);
  return { ...institution, applicationId, dockingId: docking.id };
}

async function placedDoctor(
  t: TestApp,
  enterprise: Session,
  handedTo: { officer: Session; institution: OrganisationRef },
) {
  const doctor = await doctorOf(t, handedTo.institution.user);
  const placement = await proposedPlacement(t, enterprise, handedTo.officer, doctor.id);
  return { id: placement.id, doctorId: doctor.id, applicationId: placement.applicationId };
}

interface ParkWideValues {
  serviceCode: string;
  serviceVersion: string;
  bundleCode: string;
  year: string;
  /** The fixture's bookable resource. */
  resourceId: string;
}

async function parkWideValues(t: TestApp): Promise<Omit<ParkWideValues, 'resourceId'>> {
  const [service, bundles] = await Promise.all([
    t.http().get(`/api/v1/services/${FIXTURE_SERVICE}`).expect(200),
    t.http().get('/api/v1/bundles').expect(200),
  ]);
  return {
    serviceCode: FIXTURE_SERVICE,
    serviceVersion: String(service.body.version),
    bundleCode: bundles.body[0].code,
    year: String(officialCalendarYears().at(-1)!.year),
  };
}

type ApplicationState = keyof OwnerResources['applications'];

/**
 * The application a route under /applications/{id} acts on, by the template's last segment:
 * the state in which its owner's call succeeds. Any other route takes the one in progress.
 */
const APPLICATION_FOR_ACTION: Record<string, ApplicationState> = {
  materials: 'draft',
  submit: 'draft',
  withdraw: 'draft',
  certificate: 'completed',
  'certificate.pdf': 'completed',
  rating: 'completed',
};

type Resolve = (context: {
  owner: OwnerResources;
  park: ParkWideValues;
  template: string;
}) => string | undefined;

const applicationOf = (owner: OwnerResources, template: string) =>
  owner.applications[APPLICATION_FOR_ACTION[template.split('/').at(-1)!] ?? 'inProgress'];

/** What each path parameter names, by the resource (first segment after /api/v1) it sits under. */
const PATH_PARAMETERS: Record<string, Record<string, Resolve>> = {
  applications: {
    id: ({ owner, template }) => applicationOf(owner, template).id,
    materialId: ({ owner, template }) => applicationOf(owner, template).materialId,
    stopId: ({ owner, template }) => {
      const application = applicationOf(owner, template);
      return 'clockStopId' in application ? application.clockStopId : undefined;
    },
  },
  tasks: { id: ({ owner }) => owner.applications.inProgress.taskId },
  certificates: { number: ({ owner }) => owner.applications.completed.certificateNumber },
  enterprises: {
    id: ({ owner }) => owner.enterpriseId,
    materialId: ({ owner }) => owner.libraryMaterialId,
    itemId: ({ owner, template }) =>
      template.includes('/devices/') ? owner.deviceId : owner.productId,
  },
  webhooks: { id: ({ owner }) => owner.webhookId },
  notifications: { id: ({ owner }) => owner.notificationId },
  'api-keys': { id: ({ owner }) => owner.spareApiKeyId },
  users: { id: ({ owner }) => owner.member.userId },
  services: {
    code: ({ park }) => park.serviceCode,
    version: ({ park }) => park.serviceVersion,
  },
  bundles: { code: ({ park }) => park.bundleCode },
  departments: { code: () => HANDLING_DEPARTMENT },
  providers: { id: ({ owner }) => owner.provider.id },
  handovers: { id: ({ owner }) => owner.provider.handoverId },
  institutions: { id: ({ owner }) => owner.institution.id },
  dockings: { id: ({ owner }) => owner.institution.dockingId },
  calendar: { year: ({ park }) => park.year },
  resources: { id: ({ park }) => park.resourceId },
  bookings: { id: ({ owner }) => owner.bookingId },
  doctors: { id: ({ owner }) => owner.placement.doctorId },
  placements: { id: ({ owner }) => owner.placement.id },
  mandates: { id: ({ owner }) => owner.mandateId },
};

function resolvePathParams(
  template: string,
  owner: OwnerResources,
  park: ParkWideValues,
): Record<string, string> {
  const resource = template.replace(/^\/api\/v1\//, '').split('/')[0];
  const names = [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
  return Object.fromEntries(
    names.map((name) => {
      const value = PATH_PARAMETERS[resource]?.[name]?.({ owner, park, template });
      if (value === undefined) {
        throw new Error(
          `The park fixture has no value for {${name}} in ${template}: ` +
            `add it to PATH_PARAMETERS in test/support/park-fixture.ts`,
        );
      }
      return [name, value];
    }),
  );
}

function applicationIdentifiersOf(owner: OwnerResources): string[] {
  const { draft, inProgress, completed } = owner.applications;
  return [
    owner.provider.applicationId,
    owner.provider.handoverId,
    owner.institution.applicationId,
    owner.institution.dockingId,
    ...[draft, inProgress, completed].flatMap((application) => [
      application.id,
      application.number,
      application.materialId,
    ]),
    inProgress.taskId,
    inProgress.clockStopId,
    completed.certificateId,
    completed.certificateNumber,
    owner.bookingId,
    owner.placement.id,
    owner.placement.applicationId,
  ];
}

function identifiersOf(owner: OwnerResources): string[] {
  return [
    owner.enterpriseId,
    owner.enterpriseName,
    owner.creditCode,
    owner.admin.userId,
    owner.admin.email,
    owner.member.userId,
    owner.member.email,
    owner.integrator.id,
    owner.spareApiKeyId,
    owner.libraryMaterialId,
    owner.productId,
    owner.deviceId,
    owner.webhookId,
    owner.deliveryId,
    owner.notificationId,
    owner.placement.doctorId,
    owner.mandateId,
    ...applicationIdentifiersOf(owner),
  ];
}
