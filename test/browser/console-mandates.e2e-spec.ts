import type { Browser } from 'playwright-core';
import { zhCN } from '../../web/src/shared/i18n/zh-CN';
import type { Session, StaffSession } from '../support/factories';
import { department } from '../support/filing';
import { HANDED_SERVICE, listedProvider, VALUE_ADDED_DEPARTMENT } from '../support/organisations';
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
const day = (offset: number) =>
  new Date(Date.now() + 8 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);

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
    // A listed provider is picked by name, not typed in as an id.
    const provider = await listedProvider(app, admin, { name: '杭州泰格医药科技股份有限公司' });
    await owner.page.getByRole('button', { name: zhCN['mandates.grant'] }).click();
    const grant = owner.page.getByRole('dialog');
    await grant.getByLabel(zhCN['mandates.holder']).click();
    await owner.page.getByTitle(zhCN['mandates.holderKind.PROVIDER'], { exact: true }).click();
    await grant.getByLabel(zhCN['mandates.holderProvider']).fill('泰格');
    await owner.page.getByTitle(new RegExp(`^${provider.name} · `)).click();
    await grant.getByPlaceholder('开始日期').fill(day(0));
    await grant.getByPlaceholder('开始日期').press('Enter');
    await grant.getByPlaceholder('结束日期').fill(day(90));
    await grant.getByPlaceholder('结束日期').press('Enter');
    await owner.shot('enterprise-grant-mandate');
    await grant.getByRole('button', { name: zhCN['mandates.grant'] }).click();
    await grant.waitFor({ state: 'detached' });
    const granted = await app.http().get('/api/v1/mandates').set(cast.enterprise.auth).expect(200);
    expect(granted.body.data).toContainEqual(
      expect.objectContaining({
        holderKind: 'PROVIDER',
        holderProviderId: provider.id,
        status: 'ACTIVE',
      }),
    );
    expect(owner.problems).toEqual([]);
    await owner.context.close();
  });
});
