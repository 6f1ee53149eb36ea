import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../bench/chromium';
import { CONSOLE_DIR } from '../../src/console/serve-console';
import type { Clock } from '../../src/common/clock/clock';
import {
  loginAdmin,
  type RegisteredEnterprise,
  type Session,
  type StaffSession,
} from './factories';
import { department, verifiedEnterprise } from './filing';
import { startTestApp, type TestApp } from './test-app';

/** Screenshots of every screen the browser tests visit, kept as the run's artefacts. */
export const SCREENSHOT_DIR = join(__dirname, '..', '..', 'reports', 'browser');

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

export interface ConsoleApp extends TestApp {
  baseUrl: string;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The platform listening on a port of its own, serving the built console at `/`. */
export async function startConsoleApp(
  options: { clock?: Clock; overrides?: Record<string, string> } = {},
): Promise<ConsoleApp> {
  if (!existsSync(join(CONSOLE_DIR, 'index.html')))
    throw new Error(`The console is not built (${CONSOLE_DIR}): run npm run build:web`);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const t = await startTestApp({ PUBLIC_BASE_URL: baseUrl, ...options.overrides }, options);
  await t.app.listen(port, '127.0.0.1');
  return { ...t, baseUrl };
}

export const launchBrowser = launchChromium;

/** The console, a browser, and the people of the journeys: the admin, MPA's staff, an enterprise. */
export interface ConsoleCast {
  app: ConsoleApp;
  browser: Browser;
  admin: Session;
  mpa: { officer: StaffSession; head: StaffSession };
  enterprise: RegisteredEnterprise;
  close: () => Promise<void>;
}

export async function startConsoleCast(
  options: Parameters<typeof startConsoleApp>[0] = {},
): Promise<ConsoleCast> {
  const [app, browser] = await Promise.all([startConsoleApp(options), launchBrowser()]);
  const admin = await loginAdmin(app);
  const [mpa, enterprise] = await Promise.all([
    department(app, admin, 'MPA'),
    verifiedEnterprise(app, admin),
  ]);
  const close = async () => {
    await browser.close();
    await app.close();
  };
  return { app, browser, admin, mpa, enterprise, close };
}

export interface ConsolePage {
  page: Page;
  context: BrowserContext;
  /** Console errors and CSP violations seen so far: a test ends by expecting none. */
  problems: string[];
  shot: (name: string) => Promise<void>;
}

/**
 * A fresh browser profile (no cookies) at a viewport. Errors the page logs are collected, except
 * the failed responses a test provokes on purpose, which the console shows as problems.
 */
export async function openConsole(
  browser: Browser,
  app: ConsoleApp,
  viewport = DESKTOP,
): Promise<ConsolePage> {
  const context = await browser.newContext({
    viewport,
    baseURL: app.baseUrl,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() === 'error' && !text.startsWith('Failed to load resource'))
      problems.push(`console: ${text}`);
    if (text.includes('Content Security Policy')) problems.push(`csp: ${text}`);
  });
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const shot = async (name: string) => {
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
  };
  return { page, context, problems, shot };
}

/**
 * Signs in through the console's own page (the one open, if it is the sign-in page, so that it
 * returns to where it came from) and waits to leave it.
 */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  if (!new URL(page.url(), 'http://x').pathname.startsWith('/login')) await page.goto('/login');
  await page.getByLabel('邮箱').fill(email);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}
