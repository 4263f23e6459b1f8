/**
 * Debian's Chromium driven by playwright-core, and what every browser test needs: a page that
 * records console errors, uncaught exceptions and CSP violations; sign-in helpers; screenshots in
 * e2e/artifacts/ (look at them — they are the review of the UI).
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';

const CHROMIUM = '/usr/bin/chromium';
const artifacts = path.resolve(import.meta.dirname, 'artifacts');

export const DEMO_PASSWORD = 'Demo2026!';
export const baseUrl = (): string => inject('baseUrl');

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing. Install Debian's Chromium and CJK fonts: apt-get install -y chromium fonts-noto-cjk`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface Watched {
  context: BrowserContext;
  page: Page;
  /** Console errors, page errors and CSP violations seen so far (minus the allowed HTTP statuses). */
  problems: () => string[];
  /** HTTP error statuses this test provokes on purpose (Chrome logs them as console errors). */
  allowHttpErrors: (...statuses: number[]) => void;
}

export const desktop = { viewport: { width: 1440, height: 900 }, locale: 'zh-CN' };
export const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' };

/** A fresh context (empty storage, no cookies) with one watched page. */
export async function openPage(browser: Browser, options: Parameters<Browser['newContext']>[0] = desktop): Promise<Watched> {
  const context = await browser.newContext({ ...options, baseURL: baseUrl() });
  const page = await context.newPage();
  const seen: string[] = [];
  const allowed = new Set<number>();

  await page.exposeBinding('__reportCsp', (_source, text: string) => seen.push(`CSP violation: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportCsp: (t: string) => void }).__reportCsp(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`);
    });
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error' || (msg.type() === 'warning' && /Content Security Policy/i.test(msg.text()))) seen.push(`console.${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => seen.push(`page error: ${err.message}`));

  return {
    context,
    page,
    problems: () =>
      seen.filter((text) => {
        const status = /the server responded with a status of (\d{3})/.exec(text)?.[1];
        return !(status && allowed.has(Number(status)));
      }),
    allowHttpErrors: (...statuses) => statuses.forEach((s) => allowed.add(s)),
  };
}

/** Saves a full-page PNG to e2e/artifacts/<name>.png after the UI has settled. */
export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(artifacts, { recursive: true });
  const file = path.join(artifacts, `${name}.png`);
  await page.waitForLoadState('networkidle').catch(() => undefined);
  // Let antd's enter animations (fade, zoom, slide) finish before the picture.
  await page.waitForTimeout(400);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Signs in through the admin login page and waits for the home page. */
export async function adminSignIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel(/用户名|Username/).fill(username);
  await page.getByLabel(/密码|Password/).fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('welcome').waitFor();
}

/** A username no earlier run has used (tests may run again against the same server). */
export const uniqueName = (prefix: string): string => `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;

/** Signs in to the resident app (phone H5) and waits for its home page. */
export async function phoneSignIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/m/login');
  await page.getByTestId('login-username').locator('input').fill(username);
  await page.getByTestId('login-password').locator('input').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('resident-greeting').waitFor();
}

/** Turns the resident app's large type (elderly mode) on or off in its settings. */
export async function setElderly(page: Page, on: boolean): Promise<void> {
  await page.goto('/m/settings');
  const toggle = page.getByTestId('elderly-switch');
  await toggle.waitFor();
  if ((await toggle.getAttribute('aria-checked')) !== String(on)) await toggle.click();
  await page.waitForLoadState('networkidle');
}

/** What the phone's screen shows right now (a long list as a full-page picture says little). */
export async function screen(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.resolve(import.meta.dirname, 'artifacts', `${name}.png`) });
}
