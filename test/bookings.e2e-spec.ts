import {
  loginAdmin,
  newStaff,
  registerEnterprise,
  Session,
  StaffSession,
} from './support/factories';
import { draftComplete, verifiedEnterprise } from './support/filing';
import { at, newResource, upcomingWorkingDays } from './support/resources';
import { eventually, startTestApp, TestApp } from './support/test-app';
import { startWebhookReceiver, WebhookReceiver } from './support/webhook-receiver';

describe('resources and bookings', () => {
  let t: TestApp;
  let admin: Session;
  let operator: StaffSession;
  let head: StaffSession;
  let outsider: StaffSession;
  let days: string[];
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    t = await startTestApp({ WEBHOOK_ALLOWLIST: receiver.hostPort });
    admin = await loginAdmin(t);
    [operator, head, outsider, days] = await Promise.all([
      newStaff(t, admin, 'OFFICER', 'PSC'),
      newStaff(t, admin, 'DEPARTMENT_HEAD', 'PSC'),
      newStaff(t, admin, 'OFFICER', 'HCB'),
      upcomingWorkingDays(t),
    ]);
  });

  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  const book = (who: Session, body: Record<string, unknown>) =>
    t
      .http()
      .post('/api/v1/bookings')
      .set(who.auth)
      .send({ purpose: '流式分选', ...body });

  /** Desks of an incubator: `capacity` of them, each booked for a whole day. */
  const newDesks = (capacity: number) =>
    newResource(t, admin, {
      kind: 'VENUE',
      category: 'INCUBATOR_DESK',
      name: '孵化器开放工位',
      capacity,
      maxBookingHours: 8,
    });

  it('lets two enterprises race for the last slot: one 201, one 409 problem+json', async () => {
    const resource = await newResource(t, admin);
    const [a, b] = await Promise.all([verifiedEnterprise(t, admin), verifiedEnterprise(t, admin)]);
    const slot = {
      resourceId: resource.id,
      startsAt: at(days[0], '10:00'),
      endsAt: at(days[0], '12:00'),
    };
    const responses = await Promise.all([book(a, slot), book(b, slot)]);
    expect(responses.map((response) => response.status).sort()).toEqual([201, 409]);
    const refused = responses.find((response) => response.status === 409)!;
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({ status: 409, type: 'urn:parkline:problem:conflict' });
    // An overlapping range is the same slot; an adjacent one is free.
    await book(a, { ...slot, startsAt: at(days[0], '11:00'), endsAt: at(days[0], '13:00') }).expect(
      409,
    );
    await book(b, { ...slot, startsAt: at(days[0], '12:00'), endsAt: at(days[0], '13:00') }).expect(
      201,
    );
  });

  it('gives each desk of an incubator to one enterprise: three at once for two desks', async () => {
    const desks = await newDesks(2);
    const enterprises = await Promise.all([1, 2, 3].map(() => verifiedEnterprise(t, admin)));
    const slot = {
      resourceId: desks.id,
      startsAt: at(days[1], '09:00'),
      endsAt: at(days[1], '17:00'),
    };
    const responses = await Promise.all(enterprises.map((enterprise) => book(enterprise, slot)));
    expect(responses.map((response) => response.status).sort()).toEqual([201, 201, 409]);
    const units = responses.filter((r) => r.status === 201).map((r) => r.body.unitNumber);
    expect(units.sort()).toEqual([1, 2]);
    const availability = await t
      .http()
      .get(`/api/v1/resources/${desks.id}/availability?from=${days[1]}&to=${days[1]}`)
      .set(enterprises[0].auth)
      .expect(200);
    expect(
      availability.body.days[0].slots.every((s: { freeUnits: number }) => s.freeUnits === 0),
    ).toBe(true);
  });

  it('changes capacity: more units take bookings at once, fewer only once the bookings to come are off them', async () => {
    const desks = await newDesks(1);
    const [a, b] = await Promise.all([verifiedEnterprise(t, admin), verifiedEnterprise(t, admin)]);
    const slot = {
      resourceId: desks.id,
      startsAt: at(days[2], '09:00'),
      endsAt: at(days[2], '17:00'),
    };
    const capacity = (value: number) =>
      t.http().patch(`/api/v1/resources/${desks.id}`).set(admin.auth).send({ capacity: value });
    await book(a, slot).expect(201);
    await book(b, slot).expect(409);
    const grown = await capacity(3).expect(200);
    expect(grown.body.capacity).toBe(3);
    const second = await book(b, slot).expect(201);
    expect(second.body.unitNumber).toBe(2);
    // Unit 2 holds a booking to come: the resource keeps it.
    const refused = await capacity(1).expect(409);
    expect(refused.body).toMatchObject({ type: 'urn:parkline:problem:conflict', heldBookings: 1 });
    await capacity(2).expect(200);
    await t
      .http()
      .post(`/api/v1/bookings/${second.body.id}/cancel`)
      .set(b.auth)
      .send({})
      .expect(200);
    await capacity(1).expect(200);
    await book(b, slot).expect(409);
    const availability = await t
      .http()
      .get(`/api/v1/resources/${desks.id}/availability?from=${days[2]}&to=${days[2]}`)
      .set(a.auth)
      .expect(200);
    expect(availability.body.capacity).toBe(1);
    await capacity(0).expect(400);
  });

  it('never lands a booking on a unit given up at the same moment', async () => {
    const [a, b] = await Promise.all([verifiedEnterprise(t, admin), verifiedEnterprise(t, admin)]);
    for (const day of days.slice(3, 6)) {
      const desks = await newDesks(2);
      const slot = { resourceId: desks.id, startsAt: at(day, '09:00'), endsAt: at(day, '17:00') };
      await book(a, slot).expect(201);
      const [booked, shrunk] = await Promise.all([
        book(b, slot),
        t.http().patch(`/api/v1/resources/${desks.id}`).set(admin.auth).send({ capacity: 1 }),
      ]);
      // Either the booking took unit 2 and the resource keeps it, or the unit went first.
      expect([
        [201, 409],
        [409, 200],
      ]).toContainEqual([booked.status, shrunk.status]);
      const held = await t
        .http()
        .get('/api/v1/bookings')
        .query({ resource: desks.id })
        .set(admin.auth)
        .expect(200);
      const resource = await t.http().get(`/api/v1/resources/${desks.id}`).set(a.auth).expect(200);
      expect(held.body.data.length).toBeLessThanOrEqual(resource.body.capacity);
    }
  });

  it('lets an integrator book for the enterprises its key is bound to, with the bookings scopes', async () => {
    const resource = await newResource(t, admin);
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => verifiedEnterprise(t, admin)));
    const key = async (scopes: string[], enterpriseIds: string[]) => {
      const created = await t
        .http()
        .post('/api/v1/api-keys')
        .set(admin.auth)
        .send({ name: 'LIMS', scopes, enterpriseIds })
        .expect(201);
      return { 'X-API-Key': created.body.key as string };
    };
    const lims = await key(['catalogue:read', 'bookings:read', 'bookings:write'], [a.enterpriseId]);
    const shared = await key(['bookings:write'], [a.enterpriseId, b.enterpriseId]);
    const readOnly = await key(['bookings:read'], [a.enterpriseId]);
    const slot = (hour: number) => ({
      resourceId: resource.id,
      startsAt: at(days[6], `${hour}:00`),
      endsAt: at(days[6], `${hour + 1}:00`),
      purpose: 'LIMS 排程：流式分选',
    });
    const post = (auth: Record<string, string>, body: Record<string, unknown>) =>
      t.http().post('/api/v1/bookings').set(auth).send(body);

    await t.http().get(`/api/v1/resources/${resource.id}`).set(lims).expect(200);
    const booked = await post(lims, { ...slot(10), enterpriseId: a.enterpriseId }).expect(201);
    expect(booked.body).toMatchObject({ enterpriseId: a.enterpriseId, status: 'REQUESTED' });
    // A key names the enterprise, and only one it is bound to.
    await post(shared, slot(11)).expect(400);
    await post(shared, { ...slot(11), enterpriseId: c.enterpriseId }).expect(404);
    const forB = await post(shared, { ...slot(11), enterpriseId: b.enterpriseId }).expect(201);
    expect(forB.body.enterpriseId).toBe(b.enterpriseId);
    await post(readOnly, slot(12)).expect(403);

    // Reads are the key's enterprises' only.
    const listed = await t.http().get('/api/v1/bookings').set(lims).expect(200);
    expect(listed.body.data.map((booking: { id: string }) => booking.id)).toEqual([booked.body.id]);
    await t.http().get(`/api/v1/bookings/${forB.body.id}`).set(lims).expect(404);
    await t.http().get(`/api/v1/bookings/${booked.body.id}`).set(readOnly).expect(200);

    // Cancelling is writing; deciding is the operator's alone.
    await t
      .http()
      .post(`/api/v1/bookings/${booked.body.id}/cancel`)
      .set(readOnly)
      .send({})
      .expect(403);
    await t
      .http()
      .post(`/api/v1/bookings/${booked.body.id}/confirm`)
      .set(lims)
      .send({})
      .expect(403);
    const cancelled = await t
      .http()
      .post(`/api/v1/bookings/${booked.body.id}/cancel`)
      .set(lims)
      .send({ reason: '样本未到' })
      .expect(200);
    expect(cancelled.body.status).toBe('CANCELLED');
    const [event] = await t.dataSource.query(
      `SELECT actor_type FROM events WHERE subject_id = $1 AND type = 'booking.cancelled'`,
      [booked.body.id],
    );
    expect(event.actor_type).toBe('api_key');
  });

  it('books only on working days, within opening hours, on slots, within the rules', async () => {
    const resource = await newResource(t, admin, { minLeadHours: 0, maxBookingHours: 2 });
    const enterprise = await verifiedEnterprise(t, admin);
    const saturday = (() => {
      for (let offset = 2; ; offset++) {
        const date = new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000);
        const iso = date.toISOString().slice(0, 10);
        if (date.getUTCDay() === 6 && !days.includes(iso)) return iso;
      }
    })();
    const cases: [Record<string, string>, string][] = [
      [{ startsAt: at(saturday, '10:00'), endsAt: at(saturday, '11:00') }, 'startsAt'],
      [{ startsAt: at(days[2], '08:00'), endsAt: at(days[2], '09:00') }, 'startsAt'],
      [{ startsAt: at(days[2], '10:30'), endsAt: at(days[2], '11:30') }, 'startsAt'],
      [{ startsAt: at(days[2], '10:00'), endsAt: at(days[2], '13:00') }, 'endsAt'],
      [{ startsAt: at(days[2], '11:00'), endsAt: at(days[2], '10:00') }, 'endsAt'],
    ];
    for (const [range, field] of cases) {
      const refused = await book(enterprise, { resourceId: resource.id, ...range }).expect(400);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field })]);
    }
    const unverified = await registerEnterprise(t);
    await book(unverified, {
      resourceId: resource.id,
      startsAt: at(days[2], '10:00'),
      endsAt: at(days[2], '11:00'),
    }).expect(422);
    const open = await newResource(t, admin, { eligibility: 'ANY_ENTERPRISE' });
    await book(unverified, {
      resourceId: open.id,
      startsAt: at(days[2], '10:00'),
      endsAt: at(days[2], '11:00'),
    }).expect(201);
    const [from, to] = [saturday, days[2]].sort();
    const availability = await t
      .http()
      .get(`/api/v1/resources/${resource.id}/availability?from=${from}&to=${to}`)
      .set(enterprise.auth)
      .expect(200);
    const shown = availability.body.days.map((day: { date: string }) => day.date);
    expect(shown).not.toContain(saturday);
    expect(shown).toContain(days[2]);
    expect(availability.body.days[0].slots).toHaveLength(8);
  });

  it('the operating department confirms or declines; a decline frees the slot', async () => {
    const resource = await newResource(t, admin);
    const [a, b] = await Promise.all([verifiedEnterprise(t, admin), verifiedEnterprise(t, admin)]);
    const slot = {
      resourceId: resource.id,
      startsAt: at(days[3], '14:00'),
      endsAt: at(days[3], '16:00'),
    };
    const first = await book(a, slot).expect(201);
    expect(first.body).toMatchObject({ status: 'REQUESTED', priceCny: 760 });
    const id = first.body.id;

    await t.http().get(`/api/v1/bookings/${id}`).set(b.auth).expect(404);
    const listed = await t.http().get('/api/v1/bookings?limit=100').set(b.auth).expect(200);
    expect(listed.body.data.map((booking: { id: string }) => booking.id)).not.toContain(id);
    await t.http().post(`/api/v1/bookings/${id}/confirm`).set(outsider.auth).expect(404);
    await t.http().post(`/api/v1/bookings/${id}/confirm`).set(a.auth).expect(403);
    const queue = await t
      .http()
      .get('/api/v1/bookings?status=REQUESTED&limit=100')
      .set(operator.auth)
      .expect(200);
    expect(queue.body.data.map((booking: { id: string }) => booking.id)).toContain(id);

    await t
      .http()
      .post(`/api/v1/bookings/${id}/decline`)
      .set(operator.auth)
      .send({ reason: '设备年检' })
      .expect(200)
      .expect((response) =>
        expect(response.body).toMatchObject({ status: 'DECLINED', decisionReason: '设备年检' }),
      );
    await t.http().post(`/api/v1/bookings/${id}/confirm`).set(operator.auth).expect(409);
    const second = await book(b, slot).expect(201);
    const confirmed = await t
      .http()
      .post(`/api/v1/bookings/${second.body.id}/confirm`)
      .set(head.auth)
      .expect(200);
    expect(confirmed.body.status).toBe('CONFIRMED');

    const timeline = await eventually(async () => {
      const rows: { type: string }[] = await t.dataSource.query(
        `SELECT type FROM events WHERE subject_type = 'booking' AND subject_id = ANY($1) ORDER BY seq`,
        [[id, second.body.id]],
      );
      return rows.length === 4 ? rows.map((row) => row.type) : undefined;
    });
    expect(timeline).toEqual([
      'booking.requested',
      'booking.declined',
      'booking.requested',
      'booking.confirmed',
    ]);
    const inbox = await eventually(async () => {
      const response = await t.http().get('/api/v1/notifications').set(b.auth).expect(200);
      return response.body.data.find((n: { type: string }) => n.type === 'booking.confirmed');
    });
    expect(inbox).toBeDefined();
  });

  it('cancels free before the window, charges or refuses inside it', async () => {
    const enterprise = await verifiedEnterprise(t, admin);
    const slotOf = (resourceId: string) => ({
      resourceId,
      startsAt: at(days[4], '09:00'),
      endsAt: at(days[4], '10:00'),
    });
    const free = await newResource(t, admin, { freeCancellationHours: 24 });
    const charged = await newResource(t, admin, {
      freeCancellationHours: 720,
      lateCancellation: 'CHARGED',
    });
    const refused = await newResource(t, admin, {
      freeCancellationHours: 720,
      lateCancellation: 'REFUSED',
    });
    const cancel = (id: string) =>
      t
        .http()
        .post(`/api/v1/bookings/${id}/cancel`)
        .set(enterprise.auth)
        .send({ reason: '实验计划调整' });

    const a = await book(enterprise, slotOf(free.id)).expect(201);
    expect((await cancel(a.body.id).expect(200)).body).toMatchObject({
      status: 'CANCELLED',
      cancellationFeeCny: 0,
    });
    await cancel(a.body.id).expect(409);
    const b = await book(enterprise, slotOf(charged.id)).expect(201);
    expect((await cancel(b.body.id).expect(200)).body.cancellationFeeCny).toBe(380);
    const c = await book(enterprise, slotOf(refused.id)).expect(201);
    await cancel(c.body.id).expect(422);
    // The cancelled slot is free again.
    await book(enterprise, slotOf(free.id)).expect(201);
  });

  it('a booking service application references a booking of its own enterprise', async () => {
    const platform = await newResource(t, admin, {
      kind: 'PLATFORM',
      category: 'GENE_EDITING_CELL_THERAPY',
      name: '基因编辑与细胞治疗平台',
    });
    const [a, b] = await Promise.all([verifiedEnterprise(t, admin), verifiedEnterprise(t, admin)]);
    const booking = await book(a, {
      resourceId: platform.id,
      startsAt: at(days[5], '09:00'),
      endsAt: at(days[5], '12:00'),
    }).expect(201);
    const submit = (who: Session, id: string) =>
      t.http().post(`/api/v1/applications/${id}/submit`).set(who.auth).send({});
    const stolen = await draftComplete(t, b, 'PLATFORM_BOOKING', { 'booking.id': booking.body.id });
    const refusal = await submit(b, stolen.id).expect(422);
    expect(refusal.body.errors).toEqual([expect.objectContaining({ field: 'form.booking.id' })]);
    const own = await draftComplete(t, a, 'PLATFORM_BOOKING', { 'booking.id': booking.body.id });
    await submit(a, own.id).expect(200);
    const wrongKind = await draftComplete(t, a, 'INSTRUMENT_SHARING', {
      'booking.id': booking.body.id,
    });
    await submit(a, wrongKind.id).expect(422);
  });

  it('reports utilisation per resource and month to heads of the operating department', async () => {
    const resource = await newResource(t, admin);
    const enterprise = await verifiedEnterprise(t, admin);
    const booked = await book(enterprise, {
      resourceId: resource.id,
      startsAt: at(days[6], '09:00'),
      endsAt: at(days[6], '13:00'),
    }).expect(201);
    await t
      .http()
      .post(`/api/v1/bookings/${booked.body.id}/confirm`)
      .set(operator.auth)
      .expect(200);
    const month = days[6].slice(0, 7);
    const stats = await t
      .http()
      .get(`/api/v1/stats/resource-utilisation?from=${month}&to=${month}`)
      .set(head.auth)
      .expect(200);
    const row = stats.body.find(
      (entry: { resourceId: string }) => entry.resourceId === resource.id,
    );
    expect(row.months).toEqual([
      expect.objectContaining({ month, bookings: 1, bookedHours: 4, revenueCny: 1520 }),
    ]);
    expect(row.months[0].openHours).toBeGreaterThan(0);
    expect(row.months[0].utilisation).toBeCloseTo(4 / row.months[0].openHours, 4);
    await t
      .http()
      .get(`/api/v1/stats/resource-utilisation?from=${month}&to=${month}&department=HCB`)
      .set(head.auth)
      .expect(403);
    await t
      .http()
      .get(`/api/v1/stats/resource-utilisation?from=${month}&to=${month}`)
      .set(operator.auth)
      .expect(403);
  });

  it("carries the booking's events to the enterprise's webhooks", async () => {
    const resource = await newResource(t, admin);
    const enterprise = await verifiedEnterprise(t, admin);
    await t
      .http()
      .post('/api/v1/webhooks')
      .set(enterprise.auth)
      .send({
        url: `${receiver.base}/bookings`,
        events: ['booking.requested', 'booking.confirmed', 'booking.cancelled'],
      })
      .expect(201);
    const booked = await book(enterprise, {
      resourceId: resource.id,
      startsAt: at(days[7], '09:00'),
      endsAt: at(days[7], '10:00'),
    }).expect(201);
    await t
      .http()
      .post(`/api/v1/bookings/${booked.body.id}/confirm`)
      .set(operator.auth)
      .expect(200);
    const types = await eventually(async () => {
      const received = receiver
        .deliveriesTo('/bookings')
        .map((delivery) => JSON.parse(delivery.body));
      return received.length === 2 ? received : undefined;
    });
    expect(types.map((body) => body.type).sort()).toEqual([
      'booking.confirmed',
      'booking.requested',
    ]);
    expect(types[0].data).toMatchObject({
      subjectType: 'booking',
      subjectId: booked.body.id,
      enterpriseId: enterprise.enterpriseId,
      resourceCode: resource.code,
    });
  });
});
