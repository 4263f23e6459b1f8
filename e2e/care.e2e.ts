/**
 * 困难帮扶 in the browser: the care officer of 惠民社区 opens a 一户一档 and sees the members'
 * conditions (the restricted one too); a partner contact of 紫荆路社区 claims an open micro-wish on
 * the phone and sees the wish wall; a resident follows the notice board and objects; a role without
 * care permissions gets no care navigation and a no-access page.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSignIn, DEMO_PASSWORD, launchBrowser, openPage, phone, shot, phoneSignIn } from './browser';

describe('care (困难帮扶)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the care officer filters care files by condition and opens one: members with their conditions, the restricted one marked', async () => {
    const { page, problems, context } = await openPage(browser);
    await adminSignIn(page, 'hm_care');
    await expect(page.getByRole('menu').first().textContent()).resolves.toContain('一户一档');
    await page.goto('/care/files');
    await page.getByTestId('care-files-table').locator('tbody tr').first().waitFor();
    await page.getByTestId('filter-condition').click();
    await page.locator('.ant-select-dropdown').getByText('严重精神障碍').click();
    await page.getByTestId('care-file-link').first().waitFor();
    await shot(page, 'care-01-files-filtered');
    await page.getByTestId('care-file-link').first().click();
    await page.getByTestId('care-file-basic').waitFor();
    await expect(page.getByTestId('restricted-condition').first().textContent()).resolves.toContain('严重精神障碍');
    await page.getByTestId('care-timeline').waitFor();
    await shot(page, 'care-02-file-conditions');
    expect(problems()).toEqual([]);
    await context.close();
  });

  it('a partner contact claims an open wish on the phone, then sees it among their claims and the wish wall', async () => {
    const { page, problems, context } = await openPage(browser, phone);
    await phoneSignIn(page, 'zjl_partner1');
    await page.getByTestId('tile-wishClaim').click();
    const card = page.getByTestId('wish-card').first();
    await card.waitFor();
    await shot(page, 'care-03-phone-open-wishes');
    const title = (await card.locator('.cr-wish-title').textContent())!;
    await card.click();
    await page.getByTestId('claim-wish').click();
    await page.locator('.adm-dialog').getByRole('button', { name: '我来认领' }).click();
    await page.locator('.adm-toast-main', { hasText: '认领成功' }).waitFor();
    await expect(page.getByTestId('wish-page').locator('.cr-tag').first().textContent()).resolves.toBe('已认领');
    await page.getByTestId('fulfil-form').waitFor();
    await shot(page, 'care-04-phone-claimed');

    await page.goto('/m/wishes?view=mine');
    await page.getByTestId('wish-list').getByText(title).first().waitFor();
    await page.goto('/m/wishes/wall');
    await page.getByTestId('wall-item').first().waitFor();
    expect(await page.getByTestId('wall-item').count()).toBeGreaterThanOrEqual(12);
    // Names on the public wall are masked.
    expect(await page.getByTestId('wall-item').first().textContent()).toMatch(/\*/);
    await shot(page, 'care-05-phone-wish-wall');
    expect(problems()).toEqual([]);
    await context.close();
  });

  it('a resident reads the assistance notice board on the phone, in large type, and objects to one notice', async () => {
    const { page, problems, context } = await openPage(browser, phone);
    await phoneSignIn(page, 'hm_resident1');
    await page.getByTestId('tile-careNotices').click();
    const button = page.getByTestId('object-button').first();
    await button.waitFor();
    await page.evaluate(() => document.documentElement.classList.add('elderly'));
    await shot(page, 'care-06-phone-notice-board');
    await button.click();
    await page.getByTestId('objection-submit').click();
    await page.getByText('请至少写 5 个字').waitFor();
    await page.getByTestId('objection-content').locator('textarea').fill('该户子女在外地有稳定工作收入，请社区核实。');
    await page.getByTestId('objection-submit').click();
    await page.getByTestId('objection-sent').waitFor();
    await shot(page, 'care-07-phone-objection-sent');
    expect(problems()).toEqual([]);
    await context.close();
  });

  it('a role without care permissions has no care navigation and is refused the care pages', async () => {
    const { page, problems, context } = await openPage(browser);
    await adminSignIn(page, 'auditor');
    const menu = (await page.getByRole('menu').first().textContent()) ?? '';
    expect(menu).not.toContain('困难帮扶');
    expect(menu).not.toContain('一户一档');
    await page.goto('/care/files');
    await page.getByText('无权访问').waitFor();
    await shot(page, 'care-08-no-access');
    expect(problems()).toEqual([]);
    await context.close();
  });
});
