import { generate } from 'otplib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCreateAccount, apiSignIn } from './api';
import { adminSignIn, DEMO_PASSWORD, launchBrowser, openPage, phone, shot, uniqueName } from './browser';

/** The code an authenticator app shows, `steps` 30-second windows from now (as the server tests compute it). */
const totp = (secret: string, steps = 0): Promise<string> => generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });

describe('security and privacy', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a staff member turns on two-step verification and then signs in with a code from the app', async () => {
    const username = uniqueName('mfa');
    const password = 'Tongxin#2026pw';
    await apiCreateAccount(await apiSignIn('sysadmin'), username, '测试 两步验证', password);

    const { page, problems, allowHttpErrors, context } = await openPage(browser);
    allowHttpErrors(400);
    await adminSignIn(page, username, password);
    await page.locator('.ant-layout-sider').getByText('账号安全').click();
    await page.getByTestId('mfa-start').click();
    await page.getByTestId('mfa-qr').waitFor();
    const secret = await page.getByTestId('mfa-secret').getAttribute('data-secret');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await shot(page, 'security-01-enroll');

    // A wrong code is refused on the field; the right one turns MFA on and shows the recovery codes once.
    await page.getByTestId('mfa-confirm-code').fill('000000');
    await page.getByTestId('mfa-confirm').click();
    await page.locator('.ant-form-item-explain-error').first().waitFor();
    await page.getByTestId('mfa-confirm-code').fill(await totp(secret!));
    await page.getByTestId('mfa-confirm').click();
    const codes = page.getByTestId('recovery-codes');
    await codes.waitFor();
    expect(await codes.locator('li').count()).toBe(10);
    await shot(page, 'security-02-recovery-codes');
    await page.getByTestId('recovery-done').click();
    await page.getByTestId('mfa-enabled').waitFor();
    expect(await page.getByTestId('recovery-left').textContent()).toBe('10');
    await context.close();

    // Signing in again asks for the second factor; the next window's code (the first one was used) lets us in.
    const again = await openPage(browser);
    await again.page.goto('/login');
    await again.page.getByLabel('用户名').fill(username);
    await again.page.getByLabel('密码').fill(password);
    await again.page.getByTestId('login-submit').click();
    await again.page.getByTestId('login-mfa').waitFor();
    await shot(again.page, 'security-03-login-mfa-step');
    await again.page.getByTestId('login-mfa-code').fill(await totp(secret!, 1));
    await again.page.getByTestId('login-mfa-submit').click();
    await again.page.getByTestId('welcome').waitFor();
    expect(await again.page.getByTestId('header-user').textContent()).toContain('测试 两步验证');
    expect(problems()).toEqual([]);
    expect(again.problems()).toEqual([]);
    await again.context.close();
  });

  it('the security admin scans for alerts and sees the retention policies', async () => {
    const { page, problems, context } = await openPage(browser);
    await adminSignIn(page, 'secadmin');
    const menu = page.locator('.ant-layout-sider .ant-menu');
    for (const entry of ['安全告警', '两步验证重置', '数据保留', '账号安全']) expect(await menu.textContent()).toContain(entry);
    // 三员分立: the security admin reads no resident data, so no privacy desk either.
    expect(await menu.textContent()).not.toContain('个人信息更正');

    await menu.getByText('安全告警').click();
    await page.getByTestId('alerts-table').waitFor();
    await page.getByTestId('alerts-scan').click();
    await page.getByText(/扫描完成：新增 \d+ 条，更新 \d+ 条/).waitFor();
    await shot(page, 'security-04-alerts');

    await menu.getByText('数据保留').click();
    const policies = page.getByTestId('retention-policies');
    await policies.waitFor();
    await policies.getByText('登录会话').waitFor();
    expect(await policies.locator('tbody tr').count()).toBeGreaterThanOrEqual(5);
    await shot(page, 'security-05-retention');
    expect(problems()).toEqual([]);
    await context.close();
  });

  it('a resident sees their data masked and downloads the full copy', async () => {
    const { page, problems, context } = await openPage(browser, phone);
    await page.goto('/m/login');
    await page.getByTestId('login-username').locator('input').fill('yw_resident1');
    await page.getByTestId('login-password').locator('input').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('resident-greeting').waitFor();
    await page.getByTestId('tile-myData').click();
    const record = page.getByTestId('privacy-record');
    await record.waitFor();
    expect(await record.textContent()).toMatch(/\d{3}\*{4}\d{4}/); // the phone, masked
    await shot(page, 'security-06-resident-my-data');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('privacy-download').click()]);
    expect(download.suggestedFilename()).toMatch(/^my-data-\d{4}-\d{2}-\d{2}\.json$/);
    const { readFile } = await import('node:fs/promises');
    const data = JSON.parse(await readFile((await download.path())!, 'utf8')) as { account: { username: string }; resident: { phone: string | null } | null };
    expect(data.account.username).toBe('yw_resident1');
    expect(data.resident?.phone ?? '').not.toContain('*'); // the download is the full copy
    expect(problems()).toEqual([]);
    await context.close();
  });

  it('community staff get the privacy desk but no security-admin entries, and the alerts page is closed to them', async () => {
    const { page, problems, context } = await openPage(browser);
    await adminSignIn(page, 'yw_staff');
    const menu = await page.locator('.ant-layout-sider .ant-menu').textContent();
    expect(menu).toContain('账号安全');
    expect(menu).toContain('个人信息更正');
    for (const entry of ['安全告警', '两步验证重置', '数据保留']) expect(menu).not.toContain(entry);
    await page.goto('/security/alerts');
    await page.getByText('无权访问').or(page.locator('.ant-result-403')).first().waitFor();
    await shot(page, 'security-07-staff-no-alerts');
    expect(problems()).toEqual([]);
    await context.close();
  });
});
