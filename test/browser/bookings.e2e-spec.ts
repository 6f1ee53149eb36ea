import type { Browser } from 'playwright-core';
import {
  newStaff,
  type Session,
  type StaffSession,
  type RegisteredEnterprise,
} from '../support/factories';
import {
  ConsoleApp,
  ConsoleCast,
  openConsole,
  PHONE,
  signIn,
  startConsoleCast,
} from '../support/browser';
import { newResource, RESOURCE_TERMS } from '../support/resources';
import { eventually } from '../support/test-app';

/** An enterprise books a slot of a park instrument; an officer of its operator confirms it. */
describe('console: booking a park resource', () => {
  let cast: ConsoleCast;
  let app: ConsoleApp;
  let browser: Browser;
  let admin: Session;
  let enterprise: RegisteredEnterprise;
  let operator: StaffSession;
  let enterpriseName: string;

  beforeAll(async () => {
    cast = await startConsoleCast();
    ({ app, browser, admin, enterprise } = cast);
    [operator] = await Promise.all([
      newStaff(app, admin, 'OFFICER', 'PSC'),
      newResource(app, admin, { operatorDepartmentCode: 'PSC' }),
    ]);
    const profile = await app
      .http()
      .get(`/api/v1/enterprises/${enterprise.enterpriseId}`)
      .set(enterprise.auth)
      .expect(200);
    enterpriseName = profile.body.name;
  });

  afterAll(() => cast?.close());

  it('books the first free slot, and the operating department confirms it', async () => {
    const booker = await openConsole(browser, app);
    await signIn(booker.page, enterprise.email, enterprise.password);
    await booker.page.goto('/resources');
    await booker.page.getByRole('button', { name: `预约 ${RESOURCE_TERMS.name}` }).click();
    const dialog = booker.page.getByRole('dialog');
    await dialog
      .getByText(/空闲 1/)
      .first()
      .click();
    await dialog.getByLabel('用途').fill('PKL-201 CAR-T 细胞株流式分选');
    await booker.shot('bookings-enterprise-book');
    await dialog.getByRole('button', { name: '提交预约' }).click();
    await booker.page.getByText('预约已提交，待运营部门确认').waitFor();
    await booker.page.getByRole('cell', { name: '待确认' }).waitFor();
    await booker.shot('bookings-enterprise-requested');

    const officer = await openConsole(browser, app);
    await signIn(officer.page, operator.email, operator.password);
    await officer.page.goto('/bookings');
    await officer.page
      .getByRole('button', { name: `确认 ${enterpriseName} ${RESOURCE_TERMS.name}` })
      .click();
    await officer.page.getByText('预约已确认').first().waitFor();
    await officer.shot('bookings-operator-confirmed');

    await booker.page.reload();
    await booker.page.getByRole('cell', { name: '已确认' }).waitFor();
    await booker.shot('bookings-enterprise-confirmed');

    // The instrument-sharing request names the booking: picked from the enterprise's own.
    const [booking] = (await app.http().get('/api/v1/bookings').set(enterprise.auth).expect(200))
      .body.data;
    const draft = await app
      .http()
      .post('/api/v1/applications')
      .set(enterprise.auth)
      .send({ serviceCode: 'INSTRUMENT_SHARING' })
      .expect(201);
    await booker.page.goto(`/applications/${draft.body.id}/edit`);
    await booker.page.getByLabel('预约单号').click();
    await booker.page.getByTitle(new RegExp(`^${RESOURCE_TERMS.name} · `)).click();
    await booker.shot('bookings-enterprise-names-booking');
    await eventually(
      async () => {
        const saved = await app
          .http()
          .get(`/api/v1/applications/${draft.body.id}`)
          .set(enterprise.auth)
          .expect(200);
        return saved.body.form['booking.id'] === booking.id ? true : undefined;
      },
      10_000,
      'the draft to save the booking it names',
    );
    expect(booker.problems).toEqual([]);
    expect(officer.problems).toEqual([]);
  });

  it('lists the resources and the bookings on a phone', async () => {
    const phone = await openConsole(browser, app, PHONE);
    await signIn(phone.page, enterprise.email, enterprise.password);
    await phone.page.goto('/resources');
    await phone.page
      .getByRole('button', { name: `预约 ${RESOURCE_TERMS.name}`, exact: true })
      .waitFor();
    await phone.page.getByText('已确认').first().waitFor();
    await phone.shot('bookings-enterprise-phone');
    expect(phone.problems).toEqual([]);
  });
});
