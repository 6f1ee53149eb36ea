import type { Browser } from 'playwright-core';
import { zhCN } from '../../web/src/shared/i18n/zh-CN';
import type { Session, StaffSession } from '../support/factories';
import { department } from '../support/filing';
import {
  institutionWithUser,
  ORGANISATION_PASSWORD,
  OrganisationRef,
  VALUE_ADDED_DEPARTMENT,
} from '../support/organisations';
import { newLicenceNumber, proposedPlacement } from '../support/placements';
import {
  ConsoleApp,
  ConsoleCast,
  ConsolePage,
  openConsole,
  signIn,
  startConsoleCast,
} from '../support/browser';

/**
 * Doctors into enterprise in the console: the hospital's user adds a doctor and confirms the
 * placement the officer proposed, the enterprise's admin confirms it, the officer records a
 * review, and the enterprise reads it and ends the placement. Screenshots; no console problems.
 */
describe('console: doctors into enterprise', () => {
  let cast: ConsoleCast;
  let app: ConsoleApp;
  let browser: Browser;
  let admin: Session;
  let officer: StaffSession;
  let hospital: OrganisationRef;

  beforeAll(async () => {
    cast = await startConsoleCast();
    ({ app, browser, admin } = cast);
    [{ officer }, hospital] = await Promise.all([
      department(app, admin, VALUE_ADDED_DEPARTMENT),
      institutionWithUser(app, admin, { name: '浙江大学医学院附属邵逸夫医院' }),
    ]);
  });

  afterAll(() => cast?.close());

  async function settle({ page }: ConsolePage) {
    await page.waitForLoadState('networkidle');
    await page.locator('.ant-skeleton').first().waitFor({ state: 'detached' });
  }

  async function visit(who: ConsolePage, path: string) {
    await who.page.evaluate(
      `history.pushState(null, '', ${JSON.stringify(path)}); dispatchEvent(new PopStateEvent('popstate'))`,
    );
    await who.page.waitForURL((url) => url.pathname === path);
    await settle(who);
  }

  const confirmedBy = async (placementId: string) => {
    const placement = await app
      .http()
      .get(`/api/v1/placements/${placementId}`)
      .set(admin.auth)
      .expect(200);
    return placement.body;
  };

  it('runs a placement from the hospital and the enterprise to the officer’s review and an exit', async () => {
    const gcp = await openConsole(browser, app);
    await signIn(gcp.page, hospital.user.email, ORGANISATION_PASSWORD);
    await gcp.page.waitForURL(/\/dockings$/);
    await visit(gcp, '/doctors');
    await gcp.page.getByRole('button', { name: zhCN['placements.addDoctor'] }).click();
    const dialog = gcp.page.getByRole('dialog');
    await dialog.getByLabel(zhCN['placements.doctor']).fill('陈立群');
    await dialog.getByLabel(zhCN['placements.doctorTitle']).click();
    await gcp.page.getByTitle(zhCN['placements.title.CHIEF'], { exact: true }).click();
    await dialog.getByLabel(zhCN['placements.specialty']).click();
    await gcp.page.getByTitle('ONCOLOGY', { exact: true }).click();
    await dialog.getByLabel(zhCN['placements.licence']).fill(newLicenceNumber());
    await gcp.shot('institution-new-doctor');
    await dialog.getByRole('button', { name: zhCN['app.save'] }).click();
    await dialog.waitFor({ state: 'detached' });
    await gcp.page.getByText('陈立群').first().waitFor();
    await gcp.shot('institution-doctors');

    const doctors = await app.http().get('/api/v1/doctors').set(hospital.user.auth).expect(200);
    const placement = await proposedPlacement(
      app,
      cast.enterprise,
      officer,
      doctors.body.data[0].id,
    );

    await visit(gcp, '/placements');
    await gcp.page.getByRole('button', { name: zhCN['placements.confirm'] }).first().click();
    await gcp.page
      .getByRole('button', { name: zhCN['placements.confirm'] })
      .waitFor({ state: 'detached' });
    await gcp.shot('institution-placements');
    expect((await confirmedBy(placement.id)).hospitalConfirmedAt).not.toBeNull();
    expect(gcp.problems).toEqual([]);
    await gcp.context.close();

    const company = await openConsole(browser, app);
    await signIn(company.page, cast.enterprise.email, cast.enterprise.password);
    await visit(company, '/placements');
    await company.page.getByRole('button', { name: zhCN['placements.confirm'] }).first().click();
    await company.page
      .getByText(zhCN['placements.status.ACTIVE'], { exact: true })
      .first()
      .waitFor();
    await company.shot('enterprise-placements');

    const desk = await openConsole(browser, app);
    await signIn(desk.page, officer.email, officer.password);
    await visit(desk, '/placements');
    await desk.page.getByRole('button', { name: zhCN['placements.review'] }).first().click();
    const review = desk.page.getByRole('dialog');
    await review.getByLabel(zhCN['placements.notes']).fill('季度走访：医生按约到岗，企业评价良好');
    await desk.shot('officer-placement-review');
    await review.getByRole('button', { name: zhCN['app.confirm'] }).click();
    await review.waitFor({ state: 'detached' });
    expect((await confirmedBy(placement.id)).reviews).toHaveLength(1);
    expect(desk.problems).toEqual([]);
    await desk.context.close();

    await company.page.reload();
    await settle(company);
    await company.page
      .getByRole('button', { name: zhCN['placements.reviewCount'].replace('{count}', '1') })
      .first()
      .hover();
    await company.page.getByText('季度走访：医生按约到岗，企业评价良好').waitFor();
    await company.shot('enterprise-placement-reviews');
    await company.page.getByRole('button', { name: zhCN['placements.exit'] }).first().click();
    const exit = company.page.getByRole('dialog');
    await exit.getByLabel(zhCN['partners.reason']).fill('项目阶段性任务完成');
    await exit.getByRole('button', { name: zhCN['app.confirm'] }).click();
    await exit.waitFor({ state: 'detached' });
    await company.page
      .getByText(zhCN['placements.status.ENDED'], { exact: true })
      .first()
      .waitFor();
    expect((await confirmedBy(placement.id)).endedBy).toBe('ENTERPRISE');
    expect(company.problems).toEqual([]);
    await company.context.close();
  });
});
