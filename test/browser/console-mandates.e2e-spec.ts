import type { Browser } from 'playwright-core';
import { zhCN } from '../../web/src/shared/i18n/zh-CN';
import type { Session, StaffSession } from '../support/factories';
import { department } from '../support/filing';
import { HANDED_SERVICE, VALUE_ADDED_DEPARTMENT } from '../support/organisations';
import {
  ConsoleApp,
  ConsoleCast,
  ConsolePage,
  openConsole,
  signIn,
  startConsoleCast,
} from '../support/browser';

/**
 * Proxy handling in the console: the window officer drafts for the enterprise from the mandate
 * it holds; the enterprise admin sees its mandates and revokes one. Screenshots of each; no
 * console problems.
 */
describe('console: proxy mandates', () => {
  let cast: ConsoleCast;
  let app: ConsoleApp;
  let browser: Browser;
  let admin: Session;
  let officer: StaffSession;

  beforeAll(async () => {
    cast = await startConsoleCast();
    ({ app, browser, admin } = cast);
    ({ officer } = await department(app, admin, VALUE_ADDED_DEPARTMENT));
    const day = (offset: number) =>
      new Date(Date.now() + 8 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);
    await app
      .http()
      .post('/api/v1/mandates')
      .set(cast.enterprise.auth)
      .send({
        holderKind: 'SERVICE_CENTRE',
        serviceCodes: [HANDED_SERVICE],
        validFrom: day(0),
        validUntil: day(180),
        canSubmit: false,
        note: '外包需求由窗口代办',
      })
      .expect(201);
  });

  afterAll(() => cast?.close());

  async function settle({ page }: ConsolePage) {
    await page.waitForLoadState('networkidle');
    await page.locator('.ant-skeleton').first().waitFor({ state: 'detached' });
  }

  it('lets the window draft for the enterprise, and the enterprise revoke the mandate', async () => {
    const desk = await openConsole(browser, app);
    await signIn(desk.page, officer.email, officer.password);
    await desk.page.goto('/mandates');
    await settle(desk);
    await desk.page.getByRole('cell', { name: HANDED_SERVICE, exact: true }).waitFor();
    await desk.shot('officer-mandates-held');
    await desk.page.getByRole('button', { name: zhCN['mandates.fileFor'] }).click();
    await desk.page.waitForURL(/\/applications\/[0-9a-f-]+\/edit$/);
    await settle(desk);
    await desk.shot('officer-drafts-for-enterprise');
    expect(desk.problems).toEqual([]);
    await desk.context.close();

    const owner = await openConsole(browser, app);
    await signIn(owner.page, cast.enterprise.email, cast.enterprise.password);
    await owner.page.goto('/mandates');
    await settle(owner);
    await owner.page
      .getByText(zhCN['mandates.holderKind.SERVICE_CENTRE'], { exact: false })
      .first()
      .waitFor();
    await owner.shot('enterprise-mandates');
    await owner.page.getByRole('button', { name: zhCN['mandates.revoke'] }).click();
    const dialog = owner.page.getByRole('dialog');
    await dialog.getByLabel(zhCN['partners.reason']).fill('企业自行办理');
    await dialog.getByRole('button', { name: zhCN['app.confirm'] }).click();
    await dialog.waitFor({ state: 'detached' });
    await owner.page.getByText(zhCN['mandates.none']).waitFor();
    await owner.page.getByRole('button', { name: zhCN['mandates.grant'] }).click();
    await owner.page.getByRole('dialog').waitFor();
    await owner.shot('enterprise-grant-mandate');
    expect(owner.problems).toEqual([]);
    await owner.context.close();
  });
});
