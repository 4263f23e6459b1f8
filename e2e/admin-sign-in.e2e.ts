import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCreateAccount, apiSignIn } from './api';
import { adminSignIn, launchBrowser, openPage, shot, uniqueName } from './browser';

describe('admin web: signing in', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a community secretary signs in and sees 杨文社区 and the role on the home page', async () => {
    const { page, problems, context } = await openPage(browser);
    await page.goto('/');
    await page.waitForURL(/\/login/);
    await shot(page, 'admin-01-login');

    await adminSignIn(page, 'yw_secretary');
    const roles = page.getByTestId('home-roles');
    await expect(roles.textContent()).resolves.toContain('杨文社区');
    await expect(roles.textContent()).resolves.toContain('社区书记');
    await expect(page.getByTestId('header-user').textContent()).resolves.toContain('王建华');
    // Only what a community secretary can use: no accounts, no audit log.
    const menu = await page.locator('.ant-layout-sider .ant-menu').textContent();
    expect(menu).toContain('组织架构');
    expect(menu).toContain('服务中心');
    expect(menu).not.toContain('账号管理');
    expect(menu).not.toContain('审计日志');
    await shot(page, 'admin-02-home-community-secretary');

    await page.getByTestId('home-card-centers').click();
    await page.getByText('杨文社区邻里中心').waitFor();
    await shot(page, 'admin-03-centers');

    await page.goto('/orgs');
    await page.getByTestId('org-detail').getByText('0379-63912345').first().waitFor();
    await shot(page, 'admin-04-orgs-community');

    expect(problems()).toEqual([]);
    await context.close();
  });

  it('a wrong password shows the localized error and no one is signed in', async () => {
    const { page, problems, allowHttpErrors, context } = await openPage(browser);
    allowHttpErrors(401);
    await page.goto('/login');
    await page.getByLabel('用户名').fill('yw_staff');
    await page.getByLabel('密码').fill('not-the-password');
    await page.getByTestId('login-submit').click();
    const error = page.getByTestId('login-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('用户名或密码错误');
    expect(page.url()).toContain('/login');
    await shot(page, 'admin-05-login-wrong-password');
    expect(problems()).toEqual([]);
    await context.close();
  });

  it('five wrong passwords lock the account, the login page says until when, and the security admin unlocks it', async () => {
    const username = uniqueName('lock');
    const password = 'Tongxin#2026ok';
    await apiCreateAccount(await apiSignIn('sysadmin'), username, '锁定测试', password);

    const { page, problems, allowHttpErrors, context } = await openPage(browser);
    allowHttpErrors(401, 423);
    await page.goto('/login');
    await page.getByLabel('用户名').fill(username);
    for (let attempt = 1; attempt <= 5; attempt++) {
      await page.getByLabel('密码').fill(`wrong-${attempt}`);
      await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login')), page.getByTestId('login-submit').click()]);
    }
    await page.getByLabel('密码').fill(password);
    await page.getByTestId('login-submit').click();
    const error = page.getByTestId('login-error');
    await error.getByText('账号因多次登录失败已被临时锁定').waitFor();
    expect(await error.textContent()).toMatch(/账号将于 \d{2}:\d{2} 自动解锁/);
    await shot(page, 'admin-08-login-locked');
    await context.close();

    const sec = await openPage(browser);
    await adminSignIn(sec.page, 'secadmin');
    await sec.page.goto('/accounts');
    await sec.page.getByPlaceholder('搜索用户名或姓名').fill(username);
    await sec.page.getByPlaceholder('搜索用户名或姓名').press('Enter');
    const row = sec.page.locator('tr', { hasText: username });
    await row.getByText('已锁定').waitFor();
    await row.getByRole('button', { name: /解\s*锁/ }).click();
    await sec.page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定/ }).click();
    await sec.page.getByText(`已解锁「锁定测试」`).waitFor();
    await row.getByText('已锁定').waitFor({ state: 'detached' });
    expect(problems()).toEqual([]);
    expect(sec.problems()).toEqual([]);
    await sec.context.close();

    const back = await openPage(browser);
    await adminSignIn(back.page, username, password);
    expect(back.problems()).toEqual([]);
    await back.context.close();
  });

  it('the language switch turns the UI English, and back', async () => {
    const { page, problems, context } = await openPage(browser);
    await adminSignIn(page, 'street_zjl');
    await page.getByTestId('language-switch').getByText('English').click();
    await page.getByText('What you can do').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en-US');
    const menu = await page.locator('.ant-layout-sider .ant-menu').textContent();
    expect(menu).toContain('Organization');
    expect(menu).toContain('Service centers');
    expect(await page.getByTestId('home-roles').textContent()).toContain('Street staff');
    await shot(page, 'admin-06-home-english');

    // The choice is saved with the account: a reload keeps English.
    await page.reload();
    await page.getByText('What you can do').waitFor();
    await page.goto('/orgs');
    await page.getByTestId('org-detail').waitFor();
    await shot(page, 'admin-07-orgs-english');

    await page.getByTestId('language-switch').getByText('中文').click();
    await page.getByText('组织树').waitFor();
    expect(problems()).toEqual([]);
    await context.close();
  });
});
