import type { Browser } from 'playwright-core';
import { zhCN } from '../../web/src/shared/i18n/zh-CN';
import type { Session, StaffSession } from '../support/factories';
import { department, taskFor } from '../support/filing';
import {
  institutionWithUser,
  ORGANISATION_PASSWORD,
  OrganisationRef,
  requestBeingHandled,
  VALUE_ADDED_DEPARTMENT,
} from '../support/organisations';
import { newLicenceNumber, PLACEMENT_SERVICE } from '../support/placements';
import {
  ConsoleApp,
  ConsoleCast,
  ConsolePage,
  openConsole,
  signIn,
  startConsoleCast,
} from '../support/browser';

/**
 * Doctors into enterprise in the console: the hospital's user adds a doctor, the officer
 * proposes the doctor on the request's task, the hospital and the enterprise's admin confirm,
 * the officer records a review and offers a renewal, and the enterprise reads the review and
 * ends the placement. Screenshots; no console problems.
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
    // The request's example answer names haematology: the officer is offered this doctor.
    await gcp.page.getByTitle('HEMATOLOGY', { exact: true }).click();
    await dialog.getByLabel(zhCN['placements.licence']).fill(newLicenceNumber());
    await gcp.shot('institution-new-doctor');
    await dialog.getByRole('button', { name: zhCN['app.save'] }).click();
    await dialog.waitFor({ state: 'detached' });
    await gcp.page.getByText('陈立群').first().waitFor();
    await gcp.shot('institution-doctors');

    const applicationId = await requestBeingHandled(
      app,
      cast.enterprise,
      officer,
      PLACEMENT_SERVICE,
    );
    const task = await taskFor(app, officer, applicationId, 'handling');
    const desk = await openConsole(browser, app);
    await signIn(desk.page, officer.email, officer.password);
    await visit(desk, `/workbench/tasks/${task.id}`);
    const proposal = desk.page
      .locator('.ant-card')
      .filter({ hasText: zhCN['placements.propose.title'] });
    await proposal.getByLabel(zhCN['placements.propose.doctor']).click();
    await desk.page.getByTitle(/^陈立群/).click();
    await proposal.getByPlaceholder('开始日期').fill('2027-01-04');
    await proposal.getByPlaceholder('开始日期').press('Enter');
    await proposal.getByPlaceholder('结束日期').fill('2027-06-30');
    await proposal.getByPlaceholder('结束日期').press('Enter');
    await proposal
      .getByLabel(zhCN['placements.propose.duties'])
      .fill('指导血液肿瘤 CAR-T 临床前方案设计，参与 I 期临床方案论证');
    await desk.shot('officer-proposes-placement');
    await proposal.getByRole('button', { name: zhCN['placements.propose.submit'] }).click();
    await proposal.getByText('陈立群', { exact: false }).first().waitFor();
    const proposed = await app
      .http()
      .get('/api/v1/placements')
      .query({ applicationId })
      .set(officer.auth)
      .expect(200);
    expect(proposed.body.data).toEqual([
      expect.objectContaining({
        status: 'PROPOSED',
        term: { from: '2027-01-04', until: '2027-06-30' },
        hoursPerWeek: 8,
      }),
    ]);
    const placement = proposed.body.data[0] as { id: string };

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

    await visit(desk, '/placements');
    await desk.page.getByRole('button', { name: zhCN['placements.review'] }).first().click();
    const review = desk.page.getByRole('dialog');
    await review.getByLabel(zhCN['placements.notes']).fill('季度走访：医生按约到岗，企业评价良好');
    await desk.shot('officer-placement-review');
    await review.getByRole('button', { name: zhCN['app.confirm'] }).click();
    await review.waitFor({ state: 'detached' });
    expect((await confirmedBy(placement.id)).reviews).toHaveLength(1);
    await desk.page.getByRole('button', { name: zhCN['placements.renew'] }).first().click();
    const renewal = desk.page.getByRole('dialog');
    await renewal.getByPlaceholder('开始日期').fill('2027-07-01');
    await renewal.getByPlaceholder('开始日期').press('Enter');
    await renewal.getByPlaceholder('结束日期').fill('2027-12-31');
    await renewal.getByPlaceholder('结束日期').press('Enter');
    await desk.shot('officer-placement-renewal');
    await renewal.getByRole('button', { name: zhCN['placements.renew'] }).click();
    await renewal.waitFor({ state: 'detached' });
    expect(await confirmedBy(placement.id)).toMatchObject({
      status: 'RENEWING',
      nextTerm: { from: '2027-07-01', until: '2027-12-31' },
    });
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
