import type { Response } from 'supertest';
import { uniqueEmail } from './support/factories';
import { newLicenceNumber } from './support/placements';
import { draftComplete, fileComplete, waitForApplication } from './support/filing';
import {
  Operation,
  openApiOperations,
  RequestBody,
  sendOperation,
} from './support/openapi-operations';
import {
  AuthHeaders,
  FIXTURE_SERVICE,
  Owner,
  OWNERS,
  ParkFixture,
  startParkFixture,
} from './support/park-fixture';

/*
 * The cross-tenant matrix, generated from the committed openapi.json. On every operation that
 * names a resource of an enterprise, the other enterprise's admin, member and bound API key (and,
 * for resources routed to a department, the officer and head of another department) are answered
 * 404: never the data, never 2xx, never 5xx. 403 is accepted only where the role may never call
 * the route, which the same role on its own resources proves by getting 403 too (enterprise users
 * on officer work, staff on enterprise actions, API keys on routes without scopes). Then the
 * rightful caller sends the same request and must get through (2xx, or 409/422 because of the
 * resource's state), so no 404 is vacuous. The users of the other enterprise's provider and
 * hospital attack everything too: they see only what was handed or offered to their own.
 */

/**
 * Resources by the first path segment after /api/v1. Those of an enterprise get the matrix;
 * those routed to a department get it from the staff of another department as well.
 */
const RESOURCES: Record<
  string,
  { routedToDepartment: boolean; enterprisesOutside?: false } | { notEnterpriseScoped: string }
> = {
  applications: { routedToDepartment: true },
  tasks: { routedToDepartment: true },
  certificates: { routedToDepartment: true },
  enterprises: { routedToDepartment: false },
  webhooks: { routedToDepartment: false },
  notifications: { routedToDepartment: false },
  'api-keys': { routedToDepartment: false },
  users: { routedToDepartment: false },
  // Listed providers are open to every enterprise (to choose a mandate's holder); the rest of
  // the register is the park's, and only other providers are outsiders.
  providers: { routedToDepartment: false, enterprisesOutside: false },
  handovers: { routedToDepartment: false },
  dockings: { routedToDepartment: false },
  // The register of hospitals is open to every enterprise; only other hospitals are outsiders.
  institutions: { routedToDepartment: false, enterprisesOutside: false },
  services: { notEnterpriseScoped: 'the park-wide catalogue: no enterprise owns a service' },
  bundles: { notEnterpriseScoped: 'the park-wide catalogue: no enterprise owns a bundle' },
  departments: { notEnterpriseScoped: "the park's departments" },
  calendar: { notEnterpriseScoped: 'the park-wide working-day calendar' },
  resources: {
    notEnterpriseScoped:
      "the park's bookable resources: availability shows free units, never who booked",
  },
  bookings: { routedToDepartment: true },
  // Enterprises never read the register of doctors; only other hospitals are outsiders.
  doctors: { routedToDepartment: false, enterprisesOutside: false },
  placements: { routedToDepartment: false },
  mandates: { routedToDepartment: false },
};

/**
 * Reviewed exceptions: public routes outside the catalogue, and operations without path
 * parameters that act (lists without them are swept below). Each says how it is covered, or
 * why it needs no cover; a new one fails the matrix until it is added here.
 */
const NOT_IN_MATRIX: Record<string, string> = {
  'POST /api/v1/auth/register': 'public: creates a new enterprise, names no existing one',
  'POST /api/v1/auth/login': 'public: credentials in, tokens of that user out',
  'POST /api/v1/auth/refresh': 'public: a refresh token is its own proof',
  'POST /api/v1/auth/logout': 'public: a refresh token is its own proof',
  'GET /api/v1/certificates/{number}/verify':
    'public by design: anyone holding the verification code printed on the certificate may check it',
  'GET /api/v1/certificates/public-key': 'public: the keys that verify every signature',
  'GET /health': 'public liveness, no data',
  'GET /health/ready': 'public readiness, no data',
  'POST /api/v1/applications':
    'covered by "ids in request bodies": an integrator files only for a bound enterprise, a renewal only of its own certificate',
  'POST /api/v1/notifications/read-all':
    'covered by "ids in request bodies": it marks only the caller\'s own notifications',
  'POST /api/v1/tasks/next':
    'covered by "ids in request bodies": it claims only from the caller\'s department',
  'POST /api/v1/webhooks':
    'the owner of the subscription is the caller itself; the body names no tenant',
  'POST /api/v1/api-keys':
    'admins bind keys to any enterprises; an enterprise admin only to its own (covered in auth)',
  'POST /api/v1/users': 'admins only: park staff belong to no enterprise',
  'GET /api/v1/park-plan': 'public: the zones of the park plan, the same for everyone',
  'GET /api/v1/directory/public':
    'public by design: anonymised counts of verified data, no names or ids (covered in industry-map)',
  'POST /api/v1/bookings':
    'the booking is the caller\'s own enterprise\'s; the body names a park-wide resource (covered by "ids in request bodies")',
  'POST /api/v1/provider-applications':
    'public: an agency applies to be listed; it names no existing tenant',
  'POST /api/v1/providers': 'admins only: files an application for a new provider',
  'POST /api/v1/institutions': 'admins only: registers a new hospital',
  'POST /api/v1/doctors':
    'covered by "ids in request bodies": a hospital\'s user adds doctors to its own hospital only',
  'POST /api/v1/placements':
    "officers of the request's department only; the request is found as the officer may see it (covered in placements)",
  'POST /api/v1/mandates':
    "the mandate is the caller's own enterprise's; the holder it names is park staff or a listed provider (covered in mandates)",
};

/** Bodies the examples of openapi.json cannot give: they must name the fixture's own resources. */
const BODIES: Record<string, (fixture: ParkFixture) => RequestBody> = {
  'POST /api/v1/tasks/{id}/reassign': (fixture) => ({
    kind: 'json',
    value: { assigneeId: fixture.handling.officer.userId },
  }),
  'POST /api/v1/enterprises/{id}/members': () => ({
    kind: 'json',
    value: {
      email: uniqueEmail('member'),
      password: 'Member-Pass-2026',
      name: '赵敏',
      role: 'ENTERPRISE_MEMBER',
    },
  }),
};

/** Each side attacks the other's resources in turn. */
const DIRECTIONS: readonly [attacker: Owner, victim: Owner][] = [
  ['B', 'A'],
  ['A', 'B'],
];

/** What the rightful owner may be answered: success, or a refusal because of the resource's state. */
const OWNER_STATUSES = [200, 201, 204, 409, 422];

type Plan =
  | { kind: 'by-id'; routedToDepartment: boolean; enterprisesOutside: boolean }
  | { kind: 'listing' }
  | { kind: 'not-scoped'; reason: string }
  | { kind: 'unclassified'; problem: string };

function planFor(operation: Operation): Plan {
  const exception = NOT_IN_MATRIX[operation.label];
  if (exception) return { kind: 'not-scoped', reason: exception };
  const resource = RESOURCES[operation.path.replace(/^\/api\/v1\//, '').split('/')[0]];
  if (resource && 'notEnterpriseScoped' in resource)
    return { kind: 'not-scoped', reason: resource.notEnterpriseScoped };
  if (operation.isPublic)
    return { kind: 'unclassified', problem: 'a public route: add it to NOT_IN_MATRIX with why' };
  if (operation.pathParameters.length === 0) {
    return operation.method === 'get'
      ? { kind: 'listing' }
      : { kind: 'unclassified', problem: 'add it to NOT_IN_MATRIX with how it is covered' };
  }
  if (!resource)
    return { kind: 'unclassified', problem: 'add its first path segment to RESOURCES' };
  return {
    kind: 'by-id',
    routedToDepartment: resource.routedToDepartment,
    enterprisesOutside: resource.enterprisesOutside ?? true,
  };
}

interface Caller {
  who: string;
  auth: AuthHeaders;
}

/** Someone who must not reach the resource, and the one in the same role who may. */
interface Attacker extends Caller {
  rightful: Caller;
}

/** A body (problem+json members other than the echoed path, or the raw text) as searchable text. */
function shownText(response: Response): string {
  if (Buffer.isBuffer(response.body)) return response.body.toString('latin1');
  if (response.body && typeof response.body === 'object' && Object.keys(response.body).length) {
    const { instance: _instance, ...shown } = response.body as Record<string, unknown>;
    return JSON.stringify(shown);
  }
  return response.text ?? '';
}

function assertStatus(response: Response, allowed: number[], context: string): void {
  if (!allowed.includes(response.status)) {
    throw new Error(
      `${context}: expected ${allowed.join(' or ')}, got ${response.status} ${shownText(response).slice(0, 500)}`,
    );
  }
}

function assertShowsNone(response: Response, identifiers: string[], context: string): void {
  const text = shownText(response);
  const shown = identifiers.filter((identifier) => text.includes(identifier));
  if (shown.length > 0)
    throw new Error(`${context}: the response shows ${shown.join(', ')}: ${text.slice(0, 500)}`);
}

describe('cross-tenant authorization matrix (every operation of openapi.json)', () => {
  let fixture: ParkFixture;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ fixture, close } = await startParkFixture());
  });

  afterAll(() => close());

  const departmentOutsiders = (): Attacker[] =>
    (['officer', 'head'] as const).map((role) => ({
      who: `the ${role} of ${fixture.other.code}`,
      auth: fixture.other[role].auth,
      rightful: {
        who: `the ${role} of ${fixture.handling.code}`,
        auth: fixture.handling[role].auth,
      },
    }));

  const enterpriseOutsiders = (attacker: Owner, victim: Owner): Attacker[] =>
    (['ENTERPRISE_ADMIN', 'ENTERPRISE_MEMBER', 'INTEGRATOR'] as const).map((role) => ({
      who: `${attacker}'s ${role}`,
      auth: fixture.auth(attacker)[role],
      rightful: { who: `${victim}'s ${role}`, auth: fixture.auth(victim)[role] },
    }));

  /** The other owner's provider and hospital users, with their peers of the victim's. */
  const organisationOutsiders = (attacker: Owner, victim: Owner): Attacker[] =>
    (['PROVIDER_USER', 'INSTITUTION_USER'] as const).map((role) => ({
      who: `${attacker}'s ${role}`,
      auth: fixture.auth(attacker)[role],
      rightful: { who: `${victim}'s ${role}`, auth: fixture.auth(victim)[role] },
    }));

  /**
   * Outsiders get 404, never the data; 403 only when the role may never call the route (the
   * same role on its own resources is refused too). Then the rightful owner, with the same ids,
   * must get through: the first outsider's peer whose role passed, else a park admin.
   */
  async function checkById(
    operation: Operation,
    {
      routedToDepartment,
      enterprisesOutside,
    }: { routedToDepartment: boolean; enterprisesOutside: boolean },
    attacker: Owner,
    victim: Owner,
  ): Promise<void> {
    const params = fixture.pathParams(operation.path, victim);
    const body = BODIES[operation.label]?.(fixture);
    const call = (auth: AuthHeaders) => sendOperation(fixture.t, operation, { params, auth, body });
    const secrets = fixture.identifiersOf(victim);
    const outsiders = [
      ...(routedToDepartment ? departmentOutsiders() : []),
      ...(enterprisesOutside ? enterpriseOutsiders(attacker, victim) : []),
      ...organisationOutsiders(attacker, victim),
    ];
    let owner: Caller | undefined;
    for (const outsider of outsiders) {
      const context = `${outsider.who} on ${victim}'s ${JSON.stringify(params)}`;
      const response = await call(outsider.auth);
      assertStatus(response, [403, 404], context);
      assertShowsNone(response, secrets, context);
      if (response.status === 403) {
        assertStatus(
          await call(outsider.rightful.auth),
          [403],
          `${outsider.rightful.who} (403 for ${outsider.who} is only right if the role may never call it)`,
        );
      } else {
        owner ??= outsider.rightful;
      }
    }
    owner ??= { who: 'a park ADMIN', auth: fixture.auth(victim).ADMIN };
    assertStatus(
      await call(owner.auth),
      OWNER_STATUSES,
      `${owner.who}, the rightful caller, on ${JSON.stringify(params)}`,
    );
  }

  /** A list shows an enterprise nothing of another, and a department nothing routed to another. */
  async function checkListing(operation: Operation): Promise<void> {
    for (const [attacker, victim] of DIRECTIONS) {
      for (const outsider of [
        ...enterpriseOutsiders(attacker, victim),
        ...organisationOutsiders(attacker, victim),
      ]) {
        const response = await sendOperation(fixture.t, operation, {
          params: {},
          auth: outsider.auth,
        });
        const context = `${outsider.who} listing`;
        assertStatus(response, [200, 204, 401, 403], context);
        assertShowsNone(response, fixture.identifiersOf(victim), context);
      }
    }
    for (const outsider of departmentOutsiders()) {
      const response = await sendOperation(fixture.t, operation, {
        params: {},
        auth: outsider.auth,
      });
      const context = `${outsider.who} listing`;
      assertStatus(response, [200, 204, 401, 403], context);
      for (const owner of OWNERS)
        assertShowsNone(response, fixture.applicationIdentifiersOf(owner), context);
    }
  }

  it('names a real resource for every path parameter of openapi.json, for both owners', async () => {
    const templated = openApiOperations().filter((operation) => operation.pathParameters.length);
    for (const operation of templated) {
      for (const owner of OWNERS) {
        const params = fixture.pathParams(operation.path, owner);
        expect(Object.keys(params).sort()).toEqual([...operation.pathParameters].sort());
        // The one public route that takes a secret: the code printed on the certificate.
        const query: Record<string, string> =
          operation.query.code !== undefined
            ? { code: fixture.owners[owner].applications.completed.verificationCode }
            : {};
        if (operation.isPublic && operation.method === 'get')
          assertStatus(
            await sendOperation(fixture.t, operation, { params, auth: {}, query }),
            [200],
            operation.label,
          );
      }
    }
  });

  // Read-only, so before the matrix changes what it acts on.
  describe('filters never reach into another tenant', () => {
    const idsOf = (response: Response) =>
      (response.body.data as { id: string }[]).map((item) => item.id);

    it("GET /applications filtered by A's enterprise, credit code or number shows B nothing", async () => {
      const a = fixture.owners.A;
      const b = fixture.owners.B;
      for (const filter of [
        `enterprise=${a.enterpriseId}`,
        `q=${a.creditCode}`,
        `q=${a.applications.inProgress.number}`,
      ]) {
        for (const auth of [b.admin.auth, b.member.auth, b.integrator.auth]) {
          const seen = await fixture.t
            .http()
            .get(`/api/v1/applications?${filter}&limit=100`)
            .set(auth)
            .expect(200);
          expect([filter, seen.body.data]).toEqual([filter, []]);
        }
        const own = await fixture.t
          .http()
          .get(`/api/v1/applications?${filter}&limit=100`)
          .set(a.admin.auth)
          .expect(200);
        expect(idsOf(own)).toContain(a.applications.inProgress.id);
      }
    });

    it('GET /applications, /tasks and /stats of the handling department show another department nothing', async () => {
      const handling = fixture.handling.code;
      for (const staff of [fixture.other.officer, fixture.other.head]) {
        const applications = await fixture.t
          .http()
          .get(`/api/v1/applications?department=${handling}&limit=100`)
          .set(staff.auth)
          .expect(200);
        expect(applications.body.data).toEqual([]);
        for (const owner of OWNERS) {
          const filtered = await fixture.t
            .http()
            .get(`/api/v1/applications?enterprise=${fixture.owners[owner].enterpriseId}&limit=100`)
            .set(staff.auth)
            .expect(200);
          expect(filtered.body.data).toEqual([]);
        }
        await fixture.t
          .http()
          .get(`/api/v1/tasks?department=${handling}`)
          .set(staff.auth)
          .expect(403);
      }
      await fixture.t
        .http()
        .get(`/api/v1/stats/overview?department=${handling}`)
        .set(fixture.other.head.auth)
        .expect(403);
      const own = await fixture.t
        .http()
        .get(`/api/v1/applications?department=${handling}&limit=100`)
        .set(fixture.handling.officer.auth)
        .expect(200);
      expect(idsOf(own)).toEqual(
        expect.arrayContaining(
          OWNERS.map((owner) => fixture.owners[owner].applications.inProgress.id),
        ),
      );
    });

    it("GET /webhooks, /notifications and /enterprises/{A}/materials list only the owner's", async () => {
      const a = fixture.owners.A;
      const b = fixture.owners.B;
      const get = (path: string, auth: AuthHeaders) =>
        fixture.t.http().get(path).set(auth).expect(200);
      for (const list of [
        { path: '/api/v1/webhooks', own: a.webhookId, strangers: [b.admin, b.integrator] },
        { path: '/api/v1/notifications?limit=100', own: a.notificationId, strangers: [b.admin] },
      ]) {
        for (const stranger of list.strangers)
          expect(idsOf(await get(list.path, stranger.auth))).not.toContain(list.own);
        expect(idsOf(await get(list.path, a.admin.auth))).toContain(list.own);
      }
      const library = `/api/v1/enterprises/${a.enterpriseId}/materials?materialType=business_licence`;
      for (const stranger of [b.admin, b.integrator])
        await fixture.t.http().get(library).set(stranger.auth).expect(404);
      const own = await get(library, a.admin.auth);
      expect(own.body.map((item: { id: string }) => item.id)).toContain(a.libraryMaterialId);
    });
  });

  // Deletions last, so the resources the other operations act on are still there.
  const operations = openApiOperations().sort(
    (a, b) => Number(a.method === 'delete') - Number(b.method === 'delete'),
  );

  test.each(operations)('$label', async (operation) => {
    const plan = planFor(operation);
    switch (plan.kind) {
      case 'unclassified':
        throw new Error(`${operation.label} is not in the matrix: ${plan.problem}`);
      case 'not-scoped':
        expect(plan.reason).not.toHaveLength(0);
        return;
      case 'listing':
        return checkListing(operation);
      case 'by-id':
        for (const [attacker, victim] of DIRECTIONS)
          await checkById(operation, plan, attacker, victim);
    }
  });

  describe('ids in request bodies', () => {
    it("files for A only with a key bound to A, and renews A's certificate only as A", async () => {
      const a = fixture.owners.A;
      const b = fixture.owners.B;
      const http = () => fixture.t.http().post('/api/v1/applications');
      await http()
        .set(b.integrator.auth)
        .send({ serviceCode: FIXTURE_SERVICE, enterpriseId: a.enterpriseId })
        .expect(404);
      await http()
        .set(b.admin.auth)
        .send({ serviceCode: FIXTURE_SERVICE, enterpriseId: a.enterpriseId })
        .expect(404);
      const renewal = { renewalOf: a.applications.completed.certificateId };
      await http().set(b.admin.auth).send(renewal).expect(404);
      await http()
        .set(b.integrator.auth)
        .send({ ...renewal, enterpriseId: b.enterpriseId })
        .expect(404);

      await http()
        .set(a.integrator.auth)
        .send({ serviceCode: FIXTURE_SERVICE, enterpriseId: a.enterpriseId })
        .expect(201);
      await http().set(a.admin.auth).send(renewal).expect(201);
    });

    it("attaches a library document only to its own enterprise's application", async () => {
      const a = fixture.owners.A;
      const b = fixture.owners.B;
      const reference = {
        materialType: 'business_licence',
        libraryMaterialId: a.libraryMaterialId,
      };
      for (const [filer, status] of [
        [b.admin, 404],
        [a.admin, 200],
      ] as const) {
        const draft = await draftComplete(fixture.t, filer, FIXTURE_SERVICE);
        await fixture.t
          .http()
          .post(`/api/v1/applications/${draft.id}/materials`)
          .set(filer.auth)
          .send(reference)
          .expect(status);
      }
    });

    it("books only for the caller's enterprise, and files only with its own booking", async () => {
      const a = fixture.owners.A;
      const b = fixture.owners.B;
      const mine = await fixture.t
        .http()
        .get(`/api/v1/bookings/${b.bookingId}`)
        .set(b.admin.auth)
        .expect(200);
      expect(mine.body.enterpriseId).toBe(b.enterpriseId);
      const draft = await draftComplete(fixture.t, b.admin, 'PLATFORM_BOOKING', {
        'booking.id': a.bookingId,
      });
      const refused = await fixture.t
        .http()
        .post(`/api/v1/applications/${draft.id}/submit`)
        .set(b.admin.auth)
        .send({})
        .expect(422);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'form.booking.id' })]);
      assertShowsNone(
        refused,
        fixture.identifiersOf('A').filter((id) => id !== a.bookingId),
        'submit',
      );
    });

    it("adds doctors only to the caller's own hospital", async () => {
      const { A, B } = fixture.owners;
      const response = await fixture.t
        .http()
        .post('/api/v1/doctors')
        .set(B.institution.user.auth)
        .send({
          name: '李文',
          specialty: 'ONCOLOGY',
          title: 'CHIEF',
          licenceNumber: newLicenceNumber(),
          institutionId: A.institution.id,
        })
        .expect(400);
      assertShowsNone(response, fixture.identifiersOf('A'), "B's hospital user adding to A's");
    });

    it("marks only the caller's notifications read", async () => {
      const a = fixture.owners.A;
      const unread = async () => {
        const inbox = await fixture.t
          .http()
          .get('/api/v1/notifications?unread=true&limit=100')
          .set(a.admin.auth)
          .expect(200);
        return inbox.body.data.length as number;
      };
      const before = await unread();
      expect(before).toBeGreaterThan(0);
      await fixture.t
        .http()
        .post('/api/v1/notifications/read-all')
        .set(fixture.owners.B.admin.auth)
        .expect(200);
      expect(await unread()).toBe(before);
      await fixture.t.http().post('/api/v1/notifications/read-all').set(a.admin.auth).expect(200);
      expect(await unread()).toBe(0);
    });

    it("claims the next task only from the caller's department", async () => {
      const a = fixture.owners.A;
      const { id } = await fileComplete(fixture.t, a.admin, FIXTURE_SERVICE);
      await waitForApplication(fixture.t, a.admin, id, { stage: 'acceptance' });
      for (const staff of [fixture.other.officer, fixture.other.head])
        await fixture.t.http().post('/api/v1/tasks/next').set(staff.auth).expect(204);
      const claimed = await fixture.t
        .http()
        .post('/api/v1/tasks/next')
        .set(fixture.handling.officer.auth)
        .expect(200);
      expect(claimed.body.departmentCode).toBe(fixture.handling.code);
    });

    it('hands a task only to staff of its own department', async () => {
      const reassign = (assigneeId: string) =>
        fixture.t
          .http()
          .post(`/api/v1/tasks/${fixture.owners.B.applications.inProgress.taskId}/reassign`)
          .set(fixture.handling.head.auth)
          .send({ assigneeId });
      const refused = await reassign(fixture.other.officer.userId).expect(400);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'assigneeId' })]);
      await reassign(fixture.handling.officer.userId).expect(200);
    });
  });
});
