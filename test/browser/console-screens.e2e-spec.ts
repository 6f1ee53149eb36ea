import type { Browser, Page } from 'playwright-core';
import { zhCN } from '../../web/src/shared/i18n/zh-CN';
import type { Session, RegisteredEnterprise } from '../support/factories';
import { fileComplete, waitForApplication } from '../support/filing';
import {
  ConsoleApp,
  ConsoleCast,
  ConsolePage,
  openConsole,
  PHONE,
  signIn,
  startConsoleCast,
} from '../support/browser';
import { TEST_ADMIN } from '../support/test-app';

const SERVICE = 'DRUG_REGISTRATION_TESTING';

/**
 * Every screen of every role, opened as its user opens it, saved as a screenshot: each one
 * renders without an error, a refused style or script, a 403 or a 404.
 */
describe('console: every screen of every role', () => {
  let cast: ConsoleCast;
  let app: ConsoleApp;
  let browser: Browser;
  let admin: Session;
  let mpa: ConsoleCast['mpa'];
  let enterprise: RegisteredEnterprise;
  let application: { id: string; number: string };

  beforeAll(async () => {
    cast = await startConsoleCast();
    ({ app, browser, admin, mpa, enterprise } = cast);
    application = await fileComplete(app, enterprise, SERVICE);
    await waitForApplication(app, enterprise, application.id, { stage: 'acceptance' });
  });

  afterAll(() => cast?.close());

  /** Opens a screen inside the running console, as its links do: no reload, no new session. */
  async function visit({ page, shot }: ConsolePage, path: string, name: string) {
    await page.evaluate(
      `history.pushState(null, '', ${JSON.stringify(path)}); dispatchEvent(new PopStateEvent('popstate'))`,
    );
    await page.waitForURL((url) => url.pathname + url.search === path);
    await page.waitForLoadState('networkidle');
    await page.locator('.ant-skeleton').first().waitFor({ state: 'detached' });
    expect(await page.locator('.ant-result-403, .ant-result-404, .ant-alert-error').count()).toBe(
      0,
    );
    await shot(name);
  }

  async function tour(who: ConsolePage, screens: [path: string, name: string][]) {
    for (const [path, name] of screens) await visit(who, path, name);
    expect(who.problems).toEqual([]);
    await who.context.close();
  }

  it('shows the enterprise its catalogue, applications, notifications, members and integrations', async () => {
    const who = await openConsole(browser, app);
    await signIn(who.page, enterprise.email, enterprise.password);
    await tour(who, [
      ['/catalogue', 'enterprise-catalogue'],
      [`/catalogue/${SERVICE}`, 'enterprise-catalogue-service'],
      ['/applications', 'enterprise-applications'],
      [`/applications/${application.id}`, 'enterprise-application'],
      ['/notifications', 'enterprise-notifications'],
      ['/members', 'enterprise-members'],
      ['/integrations', 'enterprise-integrations'],
      ['/pipeline', 'enterprise-pipeline-screen'],
      ['/resources', 'enterprise-resources'],
    ]);
  });

  it('shows the officer the workbench, the enterprises to verify and the applications', async () => {
    const who = await openConsole(browser, app);
    await signIn(who.page, mpa.officer.email, mpa.officer.password);
    await tour(who, [
      ['/workbench', 'officer-workbench-desktop'],
      ['/enterprises', 'officer-enterprises'],
      ['/directory?pending=true', 'officer-directory'],
      [`/enterprises/${enterprise.enterpriseId}/pipeline`, 'officer-enterprise-pipeline'],
      ['/applications', 'officer-applications'],
      [`/applications/${application.id}`, 'officer-application'],
      ['/bookings', 'officer-bookings'],
    ]);
  });

  it('shows the admin users, catalogue versions, calendar and the command desk', async () => {
    const who = await openConsole(browser, app);
    await signIn(who.page, TEST_ADMIN.email, TEST_ADMIN.password);
    await tour(who, [
      ['/admin/users', 'admin-users'],
      ['/admin/services', 'admin-services'],
      [`/admin/services/${SERVICE}`, 'admin-service'],
      [`/admin/services/${SERVICE}/versions/1`, 'admin-service-version'],
      ['/admin/calendar', 'admin-calendar'],
      ['/desk', 'desk-overview'],
      ['/desk/industry', 'desk-industry-screen'],
      ['/directory', 'admin-directory'],
      ['/bookings', 'admin-bookings'],
    ]);
  });

  it('lays the enterprise screens out for a phone, none wider than the screen', async () => {
    const who = await openConsole(browser, app, PHONE);
    await signIn(who.page, enterprise.email, enterprise.password);
    for (const [path, name] of [
      ['/applications', 'enterprise-applications-phone'],
      [`/applications/${application.id}`, 'enterprise-application-phone'],
      ['/members', 'enterprise-members-phone'],
      ['/integrations', 'enterprise-integrations-phone'],
      ['/pipeline', 'enterprise-pipeline-phone'],
      ['/resources', 'enterprise-resources-phone'],
    ] as const) {
      await visit(who, path, name);
      expect(await who.page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
        PHONE.width,
      );
    }
    expect(who.problems).toEqual([]);
    await who.context.close();
  });

  it('lets the admin start a new service from a similar one and opens its draft', async () => {
    const who = await openConsole(browser, app);
    const { page } = who;
    await signIn(page, TEST_ADMIN.email, TEST_ADMIN.password);
    await visit(who, '/admin/services', 'admin-services');
    await page.getByRole('button', { name: zhCN['admin.services.new'] }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(zhCN['admin.services.code']).fill('CELL_BANK_FILING');
    await chooseOption(page, dialog.getByLabel(zhCN['admin.services.template']), SERVICE);
    await who.shot('admin-service-new');
    await dialog.getByRole('button', { name: zhCN['admin.services.newCreate'] }).click();
    await page.waitForURL(/\/admin\/services\/CELL_BANK_FILING\/versions\/1$/);
    const created = await app
      .http()
      .get('/api/v1/services/CELL_BANK_FILING/versions/1')
      .set(admin.auth)
      .expect(200);
    const template = await app
      .http()
      .get(`/api/v1/services/${SERVICE}`)
      .set(admin.auth)
      .expect(200);
    expect(created.body).toMatchObject({ status: 'DRAFT', formSchema: template.body.formSchema });
    expect(who.problems).toEqual([]);
    await who.context.close();
  });

  /** Types into a searchable select and picks the first option that matches. */
  async function chooseOption(page: Page, select: ReturnType<Page['getByLabel']>, text: string) {
    await select.fill(text);
    await page.keyboard.press('Enter');
  }
});
