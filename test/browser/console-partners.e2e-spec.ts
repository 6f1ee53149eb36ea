import type { Browser } from 'playwright-core';
import { zhCN } from '../../web/src/shared/i18n/zh-CN';
import type { Session, StaffSession } from '../support/factories';
import { department, taskFor } from '../support/filing';
import {
  institutionWithUser,
  listedProvider,
  ORGANISATION_PASSWORD,
  OrganisationRef,
  requestBeingHandled,
  VALUE_ADDED_DEPARTMENT,
} from '../support/organisations';
import {
  ConsoleApp,
  ConsoleCast,
  ConsolePage,
  openConsole,
  signIn,
  startConsoleCast,
} from '../support/browser';
import { TEST_ADMIN } from '../support/test-app';

/**
 * The park's partners in the console: the officer hands a value-added request to a ranked
 * provider, the provider's user accepts and closes it; the admin's registers and the hospital's
 * dockings open too. Screenshots of each; no console problems.
 */
describe('console: service providers and trial institutions', () => {
  let cast: ConsoleCast;
  let app: ConsoleApp;
  let browser: Browser;
  let admin: Session;
  let officer: StaffSession;
  let provider: OrganisationRef;
  let hospital: OrganisationRef;
  let applicationId: string;

  beforeAll(async () => {
    cast = await startConsoleCast();
    ({ app, browser, admin } = cast);
    [{ officer }, provider, hospital] = await Promise.all([
      department(app, admin, VALUE_ADDED_DEPARTMENT),
      listedProvider(app, admin, {
        name: '杭州钱塘医药研发服务有限公司',
        capabilities: ['单抗', 'GMP'],
      }),
      institutionWithUser(app, admin, { name: '浙江省肿瘤医院' }),
    ]);
    applicationId = await requestBeingHandled(app, cast.enterprise, officer);
  });

  afterAll(() => cast?.close());

  /** Opens a screen inside the running console, as its links do: no reload, no new session. */
  async function visit(who: ConsolePage, path: string) {
    await who.page.evaluate(
      `history.pushState(null, '', ${JSON.stringify(path)}); dispatchEvent(new PopStateEvent('popstate'))`,
    );
    await who.page.waitForURL((url) => url.pathname === path);
    await settle(who);
  }

  async function settle({ page }: ConsolePage) {
    await page.waitForLoadState('networkidle');
    await page.locator('.ant-skeleton').first().waitFor({ state: 'detached' });
  }

  it('lets the officer hand the request to a provider, whose user accepts and closes it', async () => {
    const task = await taskFor(app, officer, applicationId, 'handling');
    const desk = await openConsole(browser, app);
    await signIn(desk.page, officer.email, officer.password);
    await visit(desk, `/workbench/tasks/${task.id}`);
    const card = desk.page.locator('.ant-card', { hasText: zhCN['partners.handTo.title'] });
    await card
      .getByRole('button', { name: `${zhCN['partners.handTo.submit']} ${provider.name}` })
      .click();
    await card.getByText(zhCN['partners.handTo.with'].replace('{name}', provider.name)).waitFor();
    await desk.shot('officer-hand-to-provider');
    expect(desk.problems).toEqual([]);
    await desk.context.close();

    const partner = await openConsole(browser, app);
    await signIn(partner.page, provider.user.email, ORGANISATION_PASSWORD);
    await partner.page.waitForURL(/\/handovers$/);
    await settle(partner);
    await partner.shot('provider-handovers-offered');
    // The request handed over, read in place: its answers and materials.
    await partner.page.getByRole('button', { name: /^QT-/ }).click();
    const drawer = partner.page.locator('.ant-drawer');
    await drawer.getByText('单抗药物 IND 申报前药学研究外包，需 GMP 中试').waitFor();
    await drawer.getByText(zhCN['partners.request.materials']).waitFor();
    await settle(partner);
    await partner.shot('provider-handover-request');
    await drawer.locator('.ant-drawer-close').click();
    await drawer.waitFor({ state: 'hidden' });
    await partner.page.getByRole('button', { name: zhCN['partners.handover.accept'] }).click();
    await partner.page.getByText(zhCN['partners.handovers.none']).waitFor();
    await partner.page
      .getByText(zhCN['partners.handoverStatus.ACCEPTED'], { exact: true })
      .first()
      .click();
    await partner.page.getByRole('button', { name: zhCN['partners.handover.close'] }).click();
    const dialog = partner.page.getByRole('dialog');
    await dialog
      .getByLabel(zhCN['partners.handover.summary'])
      .fill('pre-IND 药学资料已交付企业，服务完成');
    await partner.shot('provider-handover-close');
    await dialog.getByRole('button', { name: zhCN['app.confirm'] }).click();
    await dialog.waitFor({ state: 'detached' });
    await partner.page.getByText(zhCN['partners.handovers.none']).waitFor();
    await partner.page
      .getByText(zhCN['partners.handoverStatus.CLOSED'], { exact: true })
      .first()
      .click();
    await partner.page
      .getByText(zhCN['partners.handover.close'], { exact: true })
      .waitFor({ state: 'detached' });
    await settle(partner);
    await partner.shot('provider-handovers-closed');
    expect(partner.problems).toEqual([]);
    await partner.context.close();

    const closed = await app
      .http()
      .get(`/api/v1/handovers?applicationId=${applicationId}`)
      .set(admin.auth)
      .expect(200);
    expect(closed.body.data).toEqual([expect.objectContaining({ status: 'CLOSED', percent: 100 })]);
  });

  it('shows the admin the registers of providers and hospitals, and the hospital its dockings', async () => {
    const park = await openConsole(browser, app);
    await signIn(park.page, TEST_ADMIN.email, TEST_ADMIN.password);
    for (const [path, name] of [
      ['/admin/providers', 'admin-providers'],
      ['/admin/institutions', 'admin-institutions'],
    ]) {
      await visit(park, path);
      expect(await park.page.locator('.ant-result-403, .ant-alert-error').count()).toBe(0);
      await park.shot(name);
    }
    // The admin adds a user of the listed provider, who may then sign in.
    await visit(park, '/admin/providers');
    await park.page
      .getByText(zhCN['partners.providerStatus.LISTED'], { exact: true })
      .first()
      .click();
    await park.page
      .getByRole('button', { name: `${zhCN['partners.newUser.open']} ${provider.name}` })
      .click();
    const dialog = park.page.getByRole('dialog');
    const email = `bd.${Date.now()}@qiantang-cro.cn`;
    await dialog.getByLabel(zhCN['admin.users.name']).fill('钱晓');
    await dialog.getByLabel(zhCN['admin.users.email']).fill(email);
    await dialog.getByLabel(zhCN['admin.users.password']).fill(ORGANISATION_PASSWORD);
    await park.shot('admin-provider-new-user');
    await dialog.getByRole('button', { name: zhCN['admin.users.create'] }).click();
    await dialog.waitFor({ state: 'detached' });
    await app
      .http()
      .post('/api/v1/auth/login')
      .send({ email, password: ORGANISATION_PASSWORD })
      .expect(200);
    expect(park.problems).toEqual([]);
    await park.context.close();

    const gcp = await openConsole(browser, app);
    await signIn(gcp.page, hospital.user.email, ORGANISATION_PASSWORD);
    await gcp.page.waitForURL(/\/dockings$/);
    await settle(gcp);
    await gcp.shot('institution-dockings');
    expect(gcp.problems).toEqual([]);
    await gcp.context.close();
  });
});
