import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSignIn, launchBrowser, openPage, shot } from './browser';

describe('admin web: the system admin’s pages', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the system admin walks the org tree, edits a center, reads the inbox and sessions, and signs out', async () => {
    const { page, problems, context } = await openPage(browser);
    await adminSignIn(page, 'sysadmin');
    await shot(page, 'admin-30-home-sysadmin');

    await page.goto('/orgs');
    await page.getByTestId('org-tree').getByText('紫荆路街道').click();
    await page.getByTestId('org-detail').getByText('0371-64300000').waitFor();
    await shot(page, 'admin-31-orgs-street');
    await page.getByTestId('org-add-child').click();
    await page.locator('.ant-modal').getByText('新增社区').first().waitFor();
    await shot(page, 'admin-32-orgs-add-community');
    await page.locator('.ant-modal').getByRole('button', { name: /取\s*消/ }).click();

    await page.goto('/centers');
    await page.getByText('滨湖世纪社区党群服务中心').waitFor();
    await page.locator('tr', { hasText: '惠民社区党群服务中心' }).getByRole('button', { name: /编\s*辑/ }).click();
    const modal = page.locator('.ant-modal');
    await modal.getByLabel('开放时间').fill('08:00-18:30');
    await shot(page, 'admin-33-center-edit');
    await modal.getByRole('button', { name: /保\s*存/ }).click();
    await page.locator('tr', { hasText: '惠民社区党群服务中心' }).getByText('08:00-18:30').waitFor();

    await page.goto('/inbox');
    await page.getByTestId('inbox-list').waitFor();
    await shot(page, 'admin-34-inbox');

    await page.goto('/sessions');
    await page.getByText('当前设备').waitFor();
    await shot(page, 'admin-35-sessions');

    await page.goto('/no-such-page');
    await page.getByText('页面不存在', { exact: true }).waitFor();

    await page.getByTestId('header-user').click();
    await page.getByText('退出登录').click();
    await page.waitForURL(/\/login/);
    // Signed out for real: the home page sends us back to the login page.
    await page.goto('/');
    await page.waitForURL(/\/login/);
    expect(problems()).toEqual([]);
    await context.close();
  });
});
