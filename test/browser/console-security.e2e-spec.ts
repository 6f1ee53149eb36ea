import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { CONSOLE_DIR } from '../../src/console/serve-console';
import { EXAMPLE_SECRETS } from '../../src/config/app-config';
import { TEST_ADMIN } from '../support/test-app';
import { screenWeights, writeBundleReport } from '../../bench/bundle-report';
import {
  ConsoleApp,
  launchBrowser,
  openConsole,
  SCREENSHOT_DIR,
  signIn,
  startConsoleApp,
} from '../support/browser';

describe('console: delivery and security', () => {
  let app: ConsoleApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startConsoleApp(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('serves every console path the page, under a CSP of its own origin with a fresh style nonce', async () => {
    const first = await app.http().get('/workbench/tasks/abc').expect(200);
    const second = await app.http().get('/').expect(200);
    expect(first.type).toBe('text/html');
    const policy = first.headers['content-security-policy'];
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toBeDefined();
    expect(first.text).toContain(`nonce="${nonce}"`);
    expect(second.headers['content-security-policy']).not.toContain(nonce);
    expect(policy).toContain("script-src 'self';");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).toContain("connect-src 'self'");
    expect(first.headers['cache-control']).toBe('no-cache');

    // API paths stay the API's: an unknown one is a problem, never the page.
    const unknown = await app.http().get('/api/v1/no-such-thing').expect(404);
    expect(unknown.type).toBe('application/problem+json');
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(first.text)![1];
    const script = await app.http().get(asset).expect(200);
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('loads at most 400 kB of gzipped JavaScript for the first screen; every screen is a chunk of its own', () => {
    const weights = screenWeights(CONSOLE_DIR);
    writeBundleReport(weights, join(SCREENSHOT_DIR, 'bundle.md'));
    const login = weights.find((w) => w.screen === 'public/login/LoginPage.tsx');
    expect(login!.gzipBytes).toBeLessThanOrEqual(400 * 1024);
    // An area's screens arrive only when opened: none loads a chunk of another area's screen
    // (a screen's own lazy parts, such as the desk's charts, may share its chunk).
    const areaOf = (screen: string) => screen.split('/')[0];
    for (const weight of weights) {
      const others = weights.filter((w) => areaOf(w.screen) !== areaOf(weight.screen));
      const loaded = weight.chunks.filter((chunk) => others.some((w) => w.file === chunk));
      expect([weight.screen, loaded]).toEqual([weight.screen, []]);
    }
    expect(weights.length).toBeGreaterThanOrEqual(10);
  });

  it('ships no secret of the server in the bundle', () => {
    const assets = join(CONSOLE_DIR, 'assets');
    const bundle = readdirSync(assets)
      .filter((name) => name.endsWith('.js'))
      .map((name) => readFileSync(join(assets, name), 'utf8'))
      .join('\n');
    expect(bundle.length).toBeGreaterThan(100_000);
    for (const secret of [...Object.values(EXAMPLE_SECRETS), TEST_ADMIN.password])
      expect(bundle).not.toContain(secret);
    expect(bundle).not.toMatch(/BEGIN [A-Z ]*PRIVATE KEY/);
  });

  it('keeps the refresh token in an httpOnly SameSite=Strict cookie that scripts cannot read', async () => {
    const { page, context, problems, shot } = await openConsole(browser, app);
    await page.goto('/applications?status=IN_PROGRESS');
    // Without a session: to sign-in, keeping the page to come back to.
    await page.waitForURL(/\/login\?next=/);
    await shot('login');
    await signIn(page, TEST_ADMIN.email, TEST_ADMIN.password);
    expect(new URL(page.url()).pathname).toBe('/applications');

    const [cookie] = (await context.cookies()).filter((c) => c.name === 'parkline_refresh');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/v1/auth' });
    // The page's own view of its storage (strings: the tests compile without the DOM's types).
    expect(await page.evaluate('document.cookie')).not.toContain(cookie.value);
    const stored = await page.evaluate('JSON.stringify({ ...localStorage, ...sessionStorage })');
    expect(stored).not.toContain(cookie.value);

    // A reload keeps nothing in memory: the cookie restores the session.
    await page.reload();
    await page.getByRole('button', { name: '退出登录' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/applications');

    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(/\/login/);
    expect((await context.cookies()).filter((c) => c.name === 'parkline_refresh')).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
