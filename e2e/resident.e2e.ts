import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, launchBrowser, openPage, phone, shot } from './browser';

const bodyFontSize = (page: Page) => page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
const elderlyOn = (page: Page) => page.evaluate(() => document.documentElement.classList.contains('elderly'));

describe('resident app (/m/)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a resident signs in, turns on large type, and it survives a reload', async () => {
    const { page, problems, context } = await openPage(browser, phone);
    await page.goto('/m/');
    await page.waitForURL(/\/m\/login/);
    await shot(page, 'resident-01-login');

    await page.getByTestId('login-username').locator('input').fill('yw_secretary');
    await page.getByTestId('login-password').locator('input').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('resident-greeting').waitFor();
    expect(await page.getByTestId('resident-community').textContent()).toContain('杨文社区');
    await shot(page, 'resident-02-home');

    await page.getByTestId('tile-settings').click();
    const elderly = page.getByTestId('elderly-switch');
    await elderly.waitFor();
    if (!(await elderlyOn(page))) await elderly.click();
    await page.waitForLoadState('networkidle');
    expect(await elderlyOn(page)).toBe(true);
    await shot(page, 'resident-03-settings-elderly');

    await page.reload();
    await page.getByTestId('elderly-switch').waitFor();
    expect(await elderlyOn(page)).toBe(true);
    expect(await page.getByTestId('elderly-switch').getAttribute('aria-checked')).toBe('true');
    expect(await bodyFontSize(page)).toBeGreaterThanOrEqual(18);

    await page.goto('/m/');
    await page.getByTestId('resident-greeting').waitFor();
    expect(await bodyFontSize(page)).toBeGreaterThanOrEqual(18);
    await shot(page, 'resident-04-home-elderly');
    await page.getByTestId('tile-inbox').click();
    await page.getByText('暂无消息').waitFor();
    await shot(page, 'resident-05-inbox-elderly');

    // Back to normal type, so the account is as the demo data left it.
    await page.goto('/m/settings');
    await page.getByTestId('elderly-switch').click();
    await page.waitForLoadState('networkidle');
    expect(await elderlyOn(page)).toBe(false);
    expect(await bodyFontSize(page)).toBeLessThan(18);
    await shot(page, 'resident-06-settings-normal');

    expect(problems()).toEqual([]);
    await context.close();
  });

  it('large type chosen before signing in applies to the login page at once', async () => {
    const { page, problems, context } = await openPage(browser, phone);
    await page.goto('/m/login');
    await page.getByTestId('elderly-switch').click();
    expect(await elderlyOn(page)).toBe(true);
    expect(await bodyFontSize(page)).toBeGreaterThanOrEqual(18);
    await page.reload();
    await page.getByTestId('elderly-switch').waitFor();
    expect(await elderlyOn(page)).toBe(true);
    await shot(page, 'resident-07-login-elderly');
    expect(problems()).toEqual([]);
    await context.close();
  });
});
