import type { Browser, Page } from 'playwright-core';
import { zhCN } from '../../web/src/shared/i18n/zh-CN';
import { newStaff, Session, type RegisteredEnterprise } from '../support/factories';
import {
  act,
  fileComplete,
  PDF,
  waitForApplication,
  approveToCertificate,
  taskFor,
} from '../support/filing';
import { eventually, TEST_ADMIN } from '../support/test-app';
import {
  ConsoleApp,
  ConsoleCast,
  ConsolePage,
  openConsole,
  PHONE,
  signIn,
  startConsoleCast,
} from '../support/browser';

const SERVICE = 'DRUG_REGISTRATION_TESTING';

describe('console: the journeys of enterprise, officer, head, public and command desk', () => {
  let cast: ConsoleCast;
  let app: ConsoleApp;
  let browser: Browser;
  let admin: Session;
  let mpa: ConsoleCast['mpa'];
  let enterprise: RegisteredEnterprise;

  beforeAll(async () => {
    cast = await startConsoleCast({ overrides: { STATS_CACHE_MS: '0' } });
    ({ app, browser, admin, mpa, enterprise } = cast);
  });

  afterAll(() => cast?.close());

  interface FieldSchema {
    title: string;
    type?: string;
    enum?: string[];
    enumTitles?: Record<string, string>;
    examples: unknown[];
  }

  /**
   * Files the service as an enterprise does in the console: from its catalogue page, each field
   * of its form typed in with the catalogue's example answer, each required material uploaded,
   * then the checklist and submit. Answers the application's number.
   */
  async function fileThroughConsole(
    { page, shot }: ConsolePage,
    serviceCode: string,
  ): Promise<string> {
    const service = (await app.http().get(`/api/v1/services/${serviceCode}`).expect(200)).body as {
      formSchema: { properties: Record<string, FieldSchema> };
      materials: { code: string; required: boolean }[];
    };
    await page.goto(`/catalogue/${serviceCode}`);
    await page.getByRole('button', { name: zhCN['catalogue.service.file'] }).first().click();
    await page.waitForURL(/\/applications\/[^/]+\/edit/);
    for (const field of Object.values(service.formSchema.properties)) {
      const input = page.getByLabel(field.title, { exact: true });
      const example = field.examples[0];
      if (field.enum) {
        // Choices read as the catalogue names them.
        await input.fill(field.enumTitles?.[String(example)] ?? String(example));
        await page.keyboard.press('Enter');
      } else await input.fill(String(example));
    }
    for (const material of service.materials.filter((m) => m.required))
      await page
        .locator(`#material-${material.code} input[type=file]`)
        .setInputFiles({ name: `${material.code}.pdf`, mimeType: 'application/pdf', buffer: PDF });
    await page.getByText(zhCN['filing.material.allGiven']).waitFor();
    await page.getByText(zhCN['filing.save.saved']).first().waitFor();
    await shot('enterprise-draft');
    await page.getByRole('button', { name: zhCN['filing.checkAndSubmit'] }).click();
    await page.getByText(zhCN['filing.checklist.complete']).waitFor();
    await page.getByRole('dialog').getByRole('button', { name: zhCN['filing.submit'] }).click();
    await page.waitForURL(/\/applications\/[0-9a-f-]+$/);
    await page.getByText(zhCN['applications.status.IN_PROGRESS']).first().waitFor();
    return (
      await page
        .locator('h1, h2, h3, h4')
        .filter({ hasText: /QT-\d{4}-\d+/ })
        .first()
        .innerText()
    ).match(/QT-\d{4}-\d+/)![0];
  }

  /** On the task page: chooses the action, then confirms it in its form. */
  async function complete(page: Page, label: string) {
    await page.getByRole('button', { name: label, exact: true }).first().click();
    await page.getByRole('button', { name: label, exact: true }).last().click();
  }

  it("files a licence in the console and takes it from the officer's queue through review to the head's signature", async () => {
    const filer = await openConsole(browser, app);
    await signIn(filer.page, enterprise.email, enterprise.password);
    const number = await fileThroughConsole(filer, SERVICE);
    const id = new URL(filer.page.url()).pathname.split('/')[2];
    await waitForApplication(app, enterprise, id, { stage: 'acceptance' });
    expect(filer.problems).toEqual([]);

    const officer = await openConsole(browser, app);
    await signIn(officer.page, mpa.officer.email, mpa.officer.password);
    await officer.page.waitForURL(/\/workbench/);
    await officer.page.getByRole('link', { name: number }).first().waitFor();
    await officer.shot('officer-workbench');
    for (const [stage, label] of [
      ['acceptance', zhCN['officer.action.accept']],
      ['review', zhCN['officer.action.approve']],
    ]) {
      await waitForApplication(app, enterprise, id, { stage });
      await officer.page.goto('/workbench');
      await officer.page.getByRole('button', { name: zhCN['officer.claimNext'] }).click();
      await officer.page.waitForURL(/\/workbench\/tasks\//);
      await officer.page.getByText(number).first().waitFor();
      await officer.shot(`officer-task-${stage}`);
      await complete(officer.page, label);
      await waitForApplication(app, enterprise, id, {
        stage: stage === 'acceptance' ? 'review' : 'decision',
      });
    }
    expect(officer.problems).toEqual([]);
    await officer.context.close();

    const head = await openConsole(browser, app);
    await signIn(head.page, mpa.head.email, mpa.head.password);
    await head.page.getByRole('button', { name: zhCN['officer.claimNext'] }).click();
    await head.page.waitForURL(/\/workbench\/tasks\//);
    await head.shot('head-decision');
    await complete(head.page, zhCN['officer.action.sign']);
    await waitForApplication(app, enterprise, id, { status: 'COMPLETED' });
    expect(head.problems).toEqual([]);
    await head.context.close();

    // The enterprise sees the certificate on its application.
    await filer.page.reload();
    await filer.page.getByText(zhCN['applications.certificate.pdf']).waitFor();
    await filer.shot('enterprise-certificate');
    await filer.context.close();
  });

  it('lays the workbench out for a phone', async () => {
    const { id, number } = await fileComplete(app, enterprise, SERVICE);
    await waitForApplication(app, enterprise, id, { stage: 'acceptance' });
    const phone = await openConsole(browser, app, PHONE);
    await signIn(phone.page, mpa.officer.email, mpa.officer.password);
    await phone.page.getByText(number).first().waitFor();
    // Cards, not a table wider than the screen.
    expect(await phone.page.locator('.ant-table').count()).toBe(0);
    const width = await phone.page.evaluate('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(PHONE.width);
    await phone.shot('officer-workbench-phone');
    expect(phone.problems).toEqual([]);
    await phone.context.close();
  });

  it('lets a head hand a task to an officer of the department, chosen by name', async () => {
    const { id, number } = await fileComplete(app, enterprise, SERVICE);
    await waitForApplication(app, enterprise, id, { stage: 'acceptance' });
    const task = await taskFor(app, mpa.head, id, 'acceptance');
    const colleague = await newStaff(app, admin, 'OFFICER', 'MPA', '周敏');
    const head = await openConsole(browser, app);
    await signIn(head.page, mpa.head.email, mpa.head.password);
    await head.page.goto(`/workbench/tasks/${task.id}`);
    await head.page.getByText(number).first().waitFor();
    await head.page
      .getByRole('button', { name: zhCN['officer.reassign.open'], exact: true })
      .click();
    const dialog = head.page.getByRole('dialog');
    await dialog.getByLabel(zhCN['officer.reassign.assignee']).fill('周敏');
    // Chosen once the department's staff have loaded: Enter before that picks nothing.
    await head.page.locator('.ant-select-item-option').filter({ hasText: '周敏' }).waitFor();
    await head.page.keyboard.press('Enter');
    await head.shot('head-reassign');
    await dialog
      .getByRole('button', { name: zhCN['officer.reassign.submit'], exact: true })
      .click();
    await head.page.getByText(zhCN['officer.reassign.done'].replace('{name}', '周敏')).waitFor();
    const reassigned = await app
      .http()
      .get(`/api/v1/tasks/${task.id}`)
      .set(mpa.head.auth)
      .expect(200);
    expect(reassigned.body).toMatchObject({ status: 'CLAIMED', assigneeId: colleague.userId });
    expect(head.problems).toEqual([]);
    await head.context.close();
  });

  it('filters the catalogue by the key issues of the reform', async () => {
    const { page, context, problems, shot } = await openConsole(browser, app);
    await signIn(page, enterprise.email, enterprise.password);
    await page.goto('/catalogue?view=table');
    await page.getByRole('link', { name: '药品注册检验' }).waitFor();
    await page.getByLabel(zhCN['catalogue.keyIssue']).click();
    await page
      .locator('.ant-select-item-option')
      .filter({ hasText: zhCN['catalogue.keyIssue.SPECIAL_ARTICLE_IMPORT'] })
      .click();
    await page.waitForURL(/keyIssue=SPECIAL_ARTICLE_IMPORT/);
    await page.getByRole('link', { name: '出入境特殊物品卫生检疫审批（入境）' }).waitFor();
    await page.getByRole('link', { name: '药品注册检验' }).waitFor({ state: 'detached' });
    expect(await page.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(2);
    await shot('catalogue-key-issue');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lets the enterprise answer an itemised supplement request item by item', async () => {
    const { id, number } = await fileComplete(app, enterprise, SERVICE);
    await waitForApplication(app, enterprise, id, { stage: 'acceptance' });
    const asked = await act(app, mpa.officer, id, 'acceptance', 'request_supplement', {
      comment: '质量标准缺少签章',
      data: {
        items: [{ kind: 'material', key: 'drug_quality_standard', reason: '缺少企业签章' }],
      },
    });
    expect(asked.status).toBe(200);
    await waitForApplication(app, enterprise, id, { status: 'SUPPLEMENT_REQUIRED' });

    const { page, context, problems, shot } = await openConsole(browser, app);
    await signIn(page, enterprise.email, enterprise.password);
    await page.getByRole('link', { name: number }).first().click();
    await page.getByText('缺少企业签章', { exact: true }).waitFor();
    await shot('enterprise-supplement-notice');
    await page.locator('input[type=file]').first().setInputFiles({
      name: 'quality-standard-signed.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await page.getByText('quality-standard-signed.pdf').first().waitFor();
    await page.getByRole('button', { name: zhCN['applications.supplement.submit'] }).click();
    await waitForApplication(app, enterprise, id, { status: 'IN_PROGRESS', stage: 'acceptance' });
    await page.getByText(zhCN['applications.status.IN_PROGRESS']).first().waitFor();
    await shot('enterprise-application-after-supplement');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('verifies a certificate on the public page, the signature checked in the browser', async () => {
    const { id } = await fileComplete(app, enterprise, SERVICE);
    const certificate = await approveToCertificate(app, enterprise, mpa, id);
    const { page, context, problems, shot } = await openConsole(browser, app);
    // The QR code of the certificate encodes this address.
    expect(certificate.verifyUrl).toMatch(new RegExp(`^${app.baseUrl}/verify/`));
    await page.goto(certificate.verifyUrl);
    await page.getByText(zhCN['verify.check.checked']).waitFor();
    await page.getByText(zhCN['verify.status.VALID']).first().waitFor();
    await shot('public-verify');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows the command desk the filings, each figure opening the list behind it', async () => {
    const filed = await app
      .http()
      .get('/api/v1/applications?limit=100')
      .set(admin.auth)
      .expect(200);
    const { number } = await fileComplete(app, enterprise, SERVICE);
    const filings =
      filed.body.data.filter((a: { status: string }) => a.status !== 'DRAFT').length + 1;
    // The rollups follow the events by moments.
    await eventually(async () => {
      const overview = await app.http().get('/api/v1/stats/overview').set(admin.auth).expect(200);
      return overview.body.total.submitted === filings ? true : undefined;
    });
    const { page, context, problems, shot } = await openConsole(browser, app);
    await signIn(page, TEST_ADMIN.email, TEST_ADMIN.password);
    await page.goto('/desk');
    const submitted = page
      .locator('.ant-card')
      .filter({ hasText: zhCN['desk.figure.submitted'] })
      .first()
      .getByRole('link');
    await submitted.waitFor();
    expect(Number(await submitted.innerText())).toBe(filings);
    await shot('desk-overview');
    await submitted.click();
    await page.waitForURL(/\/applications/);
    await page.getByRole('link', { name: number }).first().waitFor();
    await shot('desk-applications-behind-figure');
    expect(problems).toEqual([]);
    await context.close();
  });
});
