import type { Browser, Page } from 'playwright-core';
import { enUS } from '../../web/src/shared/i18n/en-US';
import { zhCN } from '../../web/src/shared/i18n/zh-CN';
import { registerEnterprise, type RegisteredEnterprise, type Session } from '../support/factories';
import {
  ConsoleApp,
  ConsoleCast,
  openConsole,
  PHONE,
  signIn,
  startConsoleCast,
} from '../support/browser';
import { TEST_ADMIN } from '../support/test-app';

interface DirectoryEntry {
  id: string;
  name: string;
  zone: string;
}

/**
 * The command desk's industry map: the park plan, the chain and the funnel drawn from the
 * directory's aggregates, each zone opening the directory behind it; the enterprise keeping its
 * pipeline and an officer verifying it.
 */
describe('console: the industry map, its directory and the pipelines behind it', () => {
  let cast: ConsoleCast;
  let app: ConsoleApp;
  let browser: Browser;
  let admin: Session;
  let officer: Session & { email: string; password: string };
  let cell: RegisteredEnterprise;
  let vector: RegisteredEnterprise;
  let devices: RegisteredEnterprise;

  async function placed(name: string, zone: string, chainSegment: string) {
    const enterprise = await registerEnterprise(app, { name, zone });
    await app
      .http()
      .patch(`/api/v1/enterprises/${enterprise.enterpriseId}`)
      .set(enterprise.auth)
      .send({ chainSegment, zone })
      .expect(200);
    return enterprise;
  }

  async function add(
    enterprise: RegisteredEnterprise,
    items: 'products' | 'devices',
    body: Record<string, unknown>,
  ): Promise<{ id: string; version: number }> {
    const created = await app
      .http()
      .post(`/api/v1/enterprises/${enterprise.enterpriseId}/${items}`)
      .set(enterprise.auth)
      .send(body)
      .expect(201);
    return created.body;
  }

  beforeAll(async () => {
    cast = await startConsoleCast();
    ({ app, browser, admin } = cast);
    officer = cast.mpa.officer;
    [cell, vector, devices] = await Promise.all([
      placed('杭州钱塘启源细胞治疗有限公司', 'CGT-PARK', 'CELL_GENE_THERAPY'),
      placed('杭州医药港载体生物科技有限公司', 'CGT-PARK', 'CDMO'),
      placed('杭州医药港明德医疗器械有限公司', 'DEVICE-PARK', 'MEDICAL_DEVICES'),
    ]);
    const car = await add(cell, 'products', {
      name: 'QT-CAR19 自体嵌合抗原受体 T 细胞注射液',
      stage: 'PHASE_2',
    });
    await Promise.all([
      add(cell, 'products', { name: 'QT-NK01 异体 NK 细胞注射液', stage: 'PRECLINICAL' }),
      add(vector, 'products', { name: 'AAV-QT8 基因治疗注射液', stage: 'IND' }),
      add(devices, 'devices', {
        name: '一次性使用血管内光学相干断层成像导管',
        deviceClass: 'III',
        registrationNumber: '国械注准20263060512',
        registeredOn: '2026-09-12',
      }),
      app
        .http()
        .post(`/api/v1/enterprises/${cell.enterpriseId}/products/${car.id}/verification`)
        .set(officer.auth)
        .send({ decision: 'VERIFIED', note: '已核对临床试验默示许可公告' })
        .expect(200),
    ]);
  });

  afterAll(() => cast?.close());

  const directory = async (query: string): Promise<DirectoryEntry[]> =>
    (await app.http().get(`/api/v1/directory/enterprises?${query}`).set(admin.auth).expect(200))
      .body.data;

  /** The enterprises the open directory list shows, by name. */
  async function listedNames(page: Page): Promise<string[]> {
    await page.locator('.ant-table-row, .ant-list-item').first().waitFor();
    return page
      .locator('.ant-table-row td:first-child a, .ant-list-item-meta-title a')
      .allInnerTexts();
  }

  it('shows the admin the park plan, the chain and the funnel; a zone opens its enterprises', async () => {
    const { page, context, problems, shot } = await openConsole(browser, app);
    // Charts drawn at once, not mid-animation, for the screenshots and the clicks.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await signIn(page, TEST_ADMIN.email, TEST_ADMIN.password);
    await page.goto('/desk');
    // The overview's own link, not the menu's.
    await page.getByRole('main').getByRole('link', { name: zhCN['nav.industry'] }).click();
    await page.waitForURL((url) => url.pathname === '/desk/industry');

    const plan = (await app.http().get('/api/v1/park-plan').expect(200)).body as {
      zones: { code: string; name: string; nameEn: string }[];
    };
    const zones = page.getByTestId('park-plan').locator('[data-zone]');
    await zones.first().waitFor();
    expect(await zones.count()).toBe(plan.zones.length);
    // Each zone reads the enterprises the API counts in it.
    const aggregates = (
      await app.http().get('/api/v1/directory/aggregates').set(admin.auth).expect(200)
    ).body as { enterprises: { zone: string; count: number }[] };
    const inZone = (zone: string) =>
      aggregates.enterprises.filter((c) => c.zone === zone).reduce((n, c) => n + c.count, 0);
    const cgt = page.getByTestId('park-plan').locator('[data-zone="CGT-PARK"]');
    expect(await cgt.locator('text tspan').last().textContent()).toBe(String(inZone('CGT-PARK')));
    expect(inZone('CGT-PARK')).toBeGreaterThanOrEqual(2);

    await page.getByRole('img', { name: zhCN['industry.chain.title'] }).locator('canvas').waitFor();
    await page
      .getByRole('img', { name: zhCN['industry.funnel.title'] })
      .locator('canvas')
      .waitFor();
    await page.waitForLoadState('networkidle');
    // Hovering a zone shows its figures beside the plan.
    await cgt.hover();
    const detail = page.getByTestId('zone-detail');
    await detail.getByText(plan.zones.find((z) => z.code === 'CGT-PARK')!.name).waitFor();
    await shot('desk-industry');

    // The keyboard reaches a zone and Enter opens its list.
    await cgt.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(
      (url) => url.pathname === '/directory' && url.search === '?zone=CGT-PARK',
    );
    const expected = await directory('zone=CGT-PARK');
    expect(expected.every((entry) => entry.zone === 'CGT-PARK')).toBe(true);
    expect(expected.map((entry) => entry.id)).toEqual(
      expect.arrayContaining([cell.enterpriseId, vector.enterpriseId]),
    );
    expect(expected.map((entry) => entry.id)).not.toContain(devices.enterpriseId);
    expect(await listedNames(page)).toEqual(expected.map((entry) => entry.name));
    await shot('directory-zone');

    // A reload keeps the filter; a click on another zone opens that zone's list.
    await page.reload();
    expect(await listedNames(page)).toEqual(expected.map((entry) => entry.name));
    await page.goBack();
    await page.waitForURL((url) => url.pathname === '/desk/industry');
    await page.getByTestId('park-plan').locator('[data-zone="DEVICE-PARK"]').click();
    await page.waitForURL((url) => url.search === '?zone=DEVICE-PARK');
    const deviceZone = await directory('zone=DEVICE-PARK');
    expect(deviceZone.map((entry) => entry.id)).toContain(devices.enterpriseId);
    expect(await listedNames(page)).toEqual(deviceZone.map((entry) => entry.name));

    // A step of the funnel opens the enterprises with a product at that stage. The steps run
    // from preclinical (first row) to approved; here the widest steps span the chart.
    await page.goBack();
    const funnel = page.getByRole('img', { name: zhCN['industry.funnel.title'] });
    await funnel.locator('canvas').waitFor();
    const box = (await funnel.boundingBox())!;
    const row = (index: number) => 8 + ((box.height - 16) * (index + 0.5)) / 7;
    await funnel.click({ position: { x: box.width * 0.6, y: row(3) } });
    await page.waitForURL((url) => url.search === '?stage=PHASE_2');
    const phase2 = await directory('stage=PHASE_2');
    expect(phase2.map((entry) => entry.id)).toEqual([cell.enterpriseId]);
    expect(await listedNames(page)).toEqual(phase2.map((entry) => entry.name));

    // In English, the zones are named by their English names.
    await page.goBack();
    await page.getByRole('button', { name: zhCN['app.language'] }).click();
    await page.getByRole('heading', { name: enUS['nav.industry'] }).waitFor();
    const english = plan.zones.find((z) => z.code === 'CGT-PARK')!.nameEn;
    expect(await cgt.getAttribute('aria-label')).toMatch(new RegExp(`^${english}: `));
    await shot('desk-industry-en');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('fits the industry map and its directory to a phone', async () => {
    const { page, context, problems, shot } = await openConsole(browser, app, PHONE);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await signIn(page, TEST_ADMIN.email, TEST_ADMIN.password);
    for (const [path, name] of [
      ['/desk/industry', 'desk-industry-phone'],
      ['/directory?zone=CGT-PARK&stage=PHASE_2', 'directory-phone'],
    ] as const) {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      await page.locator('.ant-skeleton').first().waitFor({ state: 'detached' });
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
        PHONE.width,
      );
      await shot(name);
    }
    expect(await listedNames(page)).toEqual(['杭州钱塘启源细胞治疗有限公司']);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lets the enterprise add to its pipeline and an officer verify it from the directory', async () => {
    const who = await openConsole(browser, app);
    await signIn(who.page, vector.email, vector.password);
    await who.page.goto('/pipeline');
    await who.page.getByRole('button', { name: zhCN['pipeline.addDevice'] }).click();
    const dialog = who.page.getByRole('dialog');
    await dialog
      .getByLabel(zhCN['pipeline.field.name'], { exact: true })
      .fill('慢病毒载体生产用细胞系');
    await dialog.getByText(zhCN['industry.deviceClass.I']).click();
    await dialog.getByLabel(zhCN['pipeline.field.registrationNumber']).fill('浙杭械备20260123号');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    // The number goes with its day: the API's field error shows next to the day.
    await dialog.locator('.ant-form-item-explain-error').first().waitFor();
    await dialog.getByLabel(zhCN['pipeline.field.registeredOn']).fill('2026-10-08');
    await dialog.getByLabel(zhCN['pipeline.field.registeredOn']).press('Enter');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'detached' });
    await who.page.getByText(zhCN['pipeline.verification.PENDING']).first().waitFor();
    await who.shot('enterprise-pipeline');
    const [device] = (
      await app
        .http()
        .get(`/api/v1/enterprises/${vector.enterpriseId}/devices`)
        .set(vector.auth)
        .expect(200)
    ).body.data;
    expect(device).toMatchObject({
      name: '慢病毒载体生产用细胞系',
      deviceClass: 'I',
      registrationNumber: '浙杭械备20260123号',
      registeredOn: '2026-10-08',
      verification: 'PENDING',
    });
    expect(who.problems).toEqual([]);
    await who.context.close();

    const staff = await openConsole(browser, app);
    await signIn(staff.page, officer.email, officer.password);
    await staff.page.goto('/directory?pending=true');
    await staff.page.getByRole('link', { name: '杭州医药港载体生物科技有限公司' }).click();
    await staff.page.waitForURL(`**/enterprises/${vector.enterpriseId}/pipeline`);
    await staff.page
      .getByRole('button', { name: `${zhCN['pipeline.verify']} 慢病毒载体生产用细胞系` })
      .click();
    const verify = staff.page.getByRole('dialog');
    await verify.getByLabel(zhCN['pipeline.verify.note']).fill('已核对第一类医疗器械备案凭证');
    await verify.getByRole('button', { name: /确\s*定/ }).click();
    await verify.waitFor({ state: 'detached' });
    await staff.page
      .getByText(
        `${zhCN['pipeline.change.VERIFIED']} · ${zhCN['pipeline.kind.DEVICE']} 慢病毒载体生产用细胞系`,
      )
      .waitFor();
    await staff.page.getByText('已核对第一类医疗器械备案凭证', { exact: false }).waitFor();
    await staff.shot('officer-pipeline');
    const verified = await app
      .http()
      .get(`/api/v1/enterprises/${vector.enterpriseId}/devices/${device.id}`)
      .set(officer.auth)
      .expect(200);
    expect(verified.body).toMatchObject({
      verification: 'VERIFIED',
      verificationNote: '已核对第一类医疗器械备案凭证',
    });
    expect(staff.problems).toEqual([]);
    await staff.context.close();
  });
});
