import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSignIn, launchBrowser, openPage, shot, uniqueName } from './browser';

async function openRolesOf(page: Page, username: string): Promise<void> {
  await page.goto('/accounts');
  const search = page.getByPlaceholder('搜索用户名或姓名');
  await search.fill(username);
  await search.press('Enter');
  await page.getByTestId(`roles-${username}`).click();
  await page.getByTestId('role-drawer').waitFor();
}

async function giveRole(page: Page, roleLabel: string, orgName: string): Promise<void> {
  await page.getByTestId('role-select').click();
  await page.locator('.ant-select-item-option').filter({ hasText: roleLabel }).first().click();
  await page.getByTestId('org-select').click();
  // The tree holds every grid of the district: search it, as a user would.
  await page.keyboard.type(orgName);
  await page.locator('.ant-select-tree-node-content-wrapper').filter({ hasText: orgName }).first().click();
  await page.getByTestId('role-submit').click();
}

describe('admin web: accounts and roles (三员分立)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the system admin creates an account, the security admin gives it a role, and the new account signs in', async () => {
    const username = uniqueName('e2e');
    const sys = await openPage(browser);
    sys.allowHttpErrors(400);
    await adminSignIn(sys.page, 'sysadmin');
    await sys.page.goto('/accounts');
    await sys.page.getByTestId('accounts-table').locator('tbody tr.ant-table-row').first().waitFor();
    await shot(sys.page, 'admin-10-accounts-sysadmin');

    await sys.page.getByTestId('account-create').click();
    const form = sys.page.getByTestId('account-form');
    await form.getByLabel('用户名').fill(username);
    await form.getByLabel('姓名').fill('杨文社区 测试员');
    await form.getByLabel('初始密码').fill('short');
    await form.getByLabel('确认密码').fill('short');
    await sys.page.getByTestId('account-form-submit').click();
    // The server's verdict on the password appears under the password field, in Chinese.
    await form.getByText('密码至少 10 位').waitFor();
    await shot(sys.page, 'admin-11-create-account-weak-password');

    await form.getByLabel('初始密码').fill('Tongxin#2026ok');
    await form.getByLabel('确认密码').fill('Tongxin#2026ok');
    await sys.page.getByTestId('account-form-submit').click();
    await form.waitFor({ state: 'detached' });
    // Hundreds of demo accounts: find the new one the way staff would.
    await sys.page.getByPlaceholder('搜索用户名或姓名').fill(username);
    await sys.page.getByPlaceholder('搜索用户名或姓名').press('Enter');
    await sys.page.getByTestId('accounts-table').getByText(username).waitFor();
    expect(sys.problems()).toEqual([]);
    await sys.context.close();

    const sec = await openPage(browser);
    await adminSignIn(sec.page, 'secadmin');
    await openRolesOf(sec.page, username);
    await giveRole(sec.page, '社区工作人员', '杨文社区');
    await sec.page.getByTestId('role-list').getByText('社区工作人员').waitFor();
    await shot(sec.page, 'admin-12-role-given');
    expect(sec.problems()).toEqual([]);
    await sec.context.close();

    const fresh = await openPage(browser);
    await adminSignIn(fresh.page, username, 'Tongxin#2026ok');
    const roles = await fresh.page.getByTestId('home-roles').textContent();
    expect(roles).toContain('杨文社区');
    expect(roles).toContain('社区工作人员');
    expect(fresh.problems()).toEqual([]);
    await fresh.context.close();
  });

  it('the security admin cannot give the audit role to the security admin (separation of duties)', async () => {
    const { page, problems, allowHttpErrors, context } = await openPage(browser);
    allowHttpErrors(409);
    await adminSignIn(page, 'secadmin');
    await openRolesOf(page, 'secadmin');
    await giveRole(page, '审计管理员', '同心示范区');
    const error = page.getByTestId('role-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('系统管理员、安全管理员、审计管理员不能由同一账号兼任');
    await shot(page, 'admin-13-separation-of-duties');
    expect(problems()).toEqual([]);
    await context.close();
  });
});
