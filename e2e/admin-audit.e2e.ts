import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSignIn, launchBrowser, openPage, shot } from './browser';

describe('admin web: audit log', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the auditor opens the audit log, filters it, and verifies the chain', async () => {
    const { page, problems, context } = await openPage(browser);
    await adminSignIn(page, 'auditor');
    const menu = await page.locator('.ant-layout-sider .ant-menu').textContent();
    expect(menu).toContain('审计日志');
    expect(menu).not.toContain('账号管理');

    await page.getByTestId('home-card-auditLog').click();
    const table = page.getByTestId('audit-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    expect(await table.textContent()).toContain('登录');

    await page.getByTestId('audit-verify').click();
    const result = page.getByTestId('audit-verify-result');
    await result.waitFor();
    expect(await result.textContent()).toMatch(/审计链完整：已校验 \d+ 条记录/);
    await shot(page, 'admin-20-audit-log-verified');

    await table.locator('tbody tr.ant-table-row .ant-table-row-expand-icon').first().click();
    await page.getByTestId('audit-filter-action').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '登录失败' }).first().click();
    await page.waitForLoadState('networkidle');
    await shot(page, 'admin-21-audit-log-filtered');
    expect(problems()).toEqual([]);
    await context.close();
  });
});
