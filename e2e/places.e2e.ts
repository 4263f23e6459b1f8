/**
 * 人口与网格 in the browser on the demo data: a grid worker visits who is due on the phone in three
 * taps; community staff find residents by pinyin initials, see ID numbers masked and reveal one
 * with a reason; an admin (三员分立) gets neither the menu entry nor the page nor the data.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSignIn } from './api';
import { adminSignIn, baseUrl, DEMO_PASSWORD, launchBrowser, openPage, phone, shot, phoneSignIn, screen } from './browser';

const dueCount = async (page: Page) => Number(/(\d+)/.exec((await page.getByTestId('due-count').textContent()) ?? '')?.[1]);

describe('places and people (人口与网格)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('grid worker yw_grid1 sees who is due and records a visit on the phone in three taps', async () => {
    const { page, problems } = await openPage(browser, phone);
    await phoneSignIn(page, 'yw_grid1');
    await page.getByTestId('tile-visits').click(); // tap 1
    await page.getByTestId('due-list').waitFor();
    const before = await dueCount(page);
    expect(before).toBeGreaterThan(0);
    const first = page.getByTestId('due-item').first();
    const name = (await first.locator('.pv-name').textContent())!;
    expect(await first.textContent()).toMatch(/逾期\d+天/);
    await screen(page, 'places-01-phone-due');

    await first.click(); // tap 2
    expect(await page.getByTestId('visit-who').textContent()).toBe(name);
    await page.getByTestId('kind-care').click();
    await page.getByTestId('visit-findings').locator('textarea').fill('老人身体不错，想报名社区助餐');
    await screen(page, 'places-02-phone-visit-form');
    await page.getByTestId('visit-submit').click(); // tap 3
    await page.getByTestId('visit-saved').waitFor();
    await screen(page, 'places-03-phone-visit-saved');

    await page.getByTestId('visit-next').click();
    await page.getByTestId('due-list').waitFor();
    await expect.poll(() => dueCount(page), { timeout: 10_000 }).toBeLessThan(before);
    expect(problems()).toEqual([]);
  });

  it('community staff find residents by pinyin initials, see ID numbers masked and reveal one with a reason', async () => {
    const { page, problems } = await openPage(browser);
    await adminSignIn(page, 'yw_staff');
    await page.locator('a[href="/places/residents"]').first().click();
    await page.getByTestId('residents-table').waitFor();
    await page.getByPlaceholder(/拼音/).fill('zs');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="resident-link"]').length > 0 && !document.querySelector('.ant-spin-spinning'));
    const names = await page.getByTestId('resident-link').allTextContents();
    expect(names.length).toBeGreaterThan(0);
    expect(names.some((n) => n.startsWith('张'))).toBe(true);
    for (const id of await page.getByTestId('masked-id').allTextContents()) expect(id).toMatch(/^(\d{3}\*+\d{3}[\dX]|—)$/);
    await shot(page, 'places-04-residents-search');

    await page.getByTestId('resident-link').first().click();
    await page.getByTestId('resident-drawer').waitFor();
    expect(await page.getByTestId('masked-idNumber').textContent()).toMatch(/\*{4,}/);
    await page.getByTestId('reveal-idNumber').click();
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.getByText('此项为必填项').or(page.locator('.ant-form-item-explain-error')).first().waitFor(); // a reason is required
    await page.getByTestId('reveal-reason').fill('核对身份办理高龄津贴');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    const revealed = page.getByTestId('revealed-idNumber');
    await revealed.waitFor();
    expect(await revealed.textContent()).toMatch(/^\d{17}[\dX]$/);
    await shot(page, 'places-05-resident-revealed');
    expect(problems()).toEqual([]);
  });

  it('the system admin has no residents menu, no page and no data (三员分立)', async () => {
    const { page, problems, allowHttpErrors } = await openPage(browser);
    allowHttpErrors(403);
    await adminSignIn(page, 'sysadmin');
    expect(await page.locator('a[href="/places/residents"]').count()).toBe(0);
    expect(await page.locator('a[href="/places/grids"]').count()).toBe(0);
    await page.goto('/places/residents');
    await page.getByText('无权访问').waitFor();
    await shot(page, 'places-06-sysadmin-forbidden');
    const cookie = await apiSignIn('sysadmin');
    const res = await fetch(`${baseUrl()}/api/v1/residents?q=zs`, { headers: { cookie } });
    expect(res.status).toBe(403);
    expect(problems()).toEqual([]);
  });
});
