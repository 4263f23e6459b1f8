/**
 * 民意诉求 in the browser on the demo data: a resident reports in three taps (and in large type from
 * a contact card's QR link), follows and rates; the grid worker works the queue; secretaries read
 * the dashboards (滨湖世纪社区 2,352 / 783, 雁鸣湖 satisfaction 80 % → 98.5 %) and the 领办督办 projects.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSignIn } from './api';
import { adminSignIn, baseUrl, DEMO_PASSWORD, launchBrowser, openPage, phone, shot, phoneSignIn, setElderly, screen } from './browser';

const kpi = (page: Page, id: string) => page.getByTestId(`kpi-${id}`).locator('.ant-statistic-content').textContent();

async function api<T>(cookie: string, url: string): Promise<T> {
  const res = await fetch(`${baseUrl()}/api/v1${url}`, { headers: { cookie } });
  return (await res.json()) as T;
}

describe('resident tickets (民意诉求)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a resident reports a problem in three taps and follows it', async () => {
    const { page, problems, context } = await openPage(browser, phone);
    await phoneSignIn(page, 'yw_resident1');
    await screen(page, 'tickets-01-phone-home');

    await page.getByTestId('tile-report').click(); // tap 1
    await page.getByTestId('category-sanitation').click(); // tap 2
    expect(await page.getByTestId('report-text').locator('textarea:not([aria-hidden])').inputValue()).not.toBe('');
    await screen(page, 'tickets-02-report');
    await page.getByTestId('report-submit').click(); // tap 3
    await page.getByTestId('view-progress').waitFor();
    await screen(page, 'tickets-03-submitted');

    await page.getByTestId('view-progress').click();
    await page.getByTestId('resident-timeline').waitFor();
    expect(await page.getByTestId('ticket-status').textContent()).toContain('待受理');
    await shot(page, 'tickets-04-my-ticket');
    expect(problems()).toEqual([]);
    await context.close();
  });

  it('the demo resident rates a resolved ticket with big stars', async () => {
    const { page, problems, context } = await openPage(browser, phone);
    await phoneSignIn(page, 'yw_resident1');
    await page.getByTestId('tile-myTickets').click();
    await page.getByTestId('my-tickets').waitFor();
    await shot(page, 'tickets-05-my-tickets');
    await page.getByTestId('my-tickets').getByText('已办结').first().click();
    await page.getByTestId('rate-card').waitFor();
    await screen(page, 'tickets-06-rate');
    // A phone: the stars answer touch (a second tap on the same star would clear it).
    await page.locator('.tk-stars').getByRole('radio', { name: '5' }).tap();
    await page.getByTestId('rate-submit').click();
    await page.getByTestId('ticket-status').filter({ hasText: '已关闭' }).waitFor();
    await shot(page, 'tickets-07-rated');
    expect(problems()).toEqual([]);
    await context.close();
  });

  it('in large type, the contact card’s QR link opens the report page with the building chosen', async () => {
    const cookie = await apiSignIn('yw_resident1');
    const buildings = await api<Array<{ id: string; label: string }>>(cookie, '/ticket-buildings');
    const target = buildings[buildings.length - 1]!;
    const { page, problems, context } = await openPage(browser, phone);
    await phoneSignIn(page, 'yw_resident1');
    await setElderly(page, true);
    await page.goto(`/m/report?building=${target.id}`);
    await page.getByTestId('report-place').getByText(target.label).waitFor();
    await page.getByTestId('category-property_repair').click();
    await screen(page, 'tickets-08-report-elderly');
    expect(await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize))).toBeGreaterThanOrEqual(18);
    await page.getByTestId('report-submit').click();
    await page.getByTestId('view-progress').waitFor();
    await screen(page, 'tickets-09-submitted-elderly');
    await setElderly(page, false);
    expect(problems()).toEqual([]);
    await context.close();
  });

  it('the grid worker works the queue by due time: accept, then resolve with what was done', async () => {
    const { page, problems, context } = await openPage(browser);
    await adminSignIn(page, 'yw_grid1');
    await page.goto('/tickets');
    await page.getByTestId('tickets-table').locator('tbody tr').first().waitFor();
    await shot(page, 'tickets-10-queue');
    await page.getByTestId('tickets-table').locator('tbody tr').first().click();
    await page.getByTestId('ticket-timeline').waitFor();
    await shot(page, 'tickets-11-detail');

    const accept = page.getByTestId('action-accept');
    if (await accept.isVisible()) {
      await accept.click();
      await page.locator('.ant-popconfirm .ant-btn-primary').click();
      await page.getByTestId('ticket-status').filter({ hasText: '办理中' }).waitFor();
    }
    await page.getByTestId('action-resolve').click();
    await page.getByTestId('action-resolution').fill('已联系物业清理，并在楼道张贴文明提示');
    await shot(page, 'tickets-12-resolve');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.getByTestId('ticket-status').filter({ hasText: '已办结' }).waitFor();
    await page.getByTestId('ticket-timeline').getByText('已联系物业清理').waitFor();
    await shot(page, 'tickets-13-resolved');
    expect(problems()).toEqual([]);
    await context.close();
  });

  it('the grid worker logs a hotline call with the building picker', async () => {
    const { page, problems, context } = await openPage(browser);
    await adminSignIn(page, 'yw_grid1');
    await page.goto('/tickets');
    await page.getByTestId('ticket-entry').click();
    const form = page.getByTestId('ticket-entry-form');
    await form.waitFor();
    await page.getByTestId('entry-category').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '治安' }).click();
    await page.getByTestId('entry-building').click();
    // The first building, picked with the keyboard (the category list may still be closing).
    await page.locator('.ant-select-dropdown').last().locator('.ant-select-item-option').first().waitFor({ state: 'attached' });
    await page.keyboard.press('Enter');
    await page.getByTestId('entry-description').fill('来电反映：小区南门晚上有人聚集喧哗');
    await page.getByTestId('entry-contact-name').fill('王大爷');
    await page.getByTestId('entry-contact-phone').fill('13800138000');
    await shot(page, 'tickets-14-hotline-entry');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.getByTestId('ticket-summary').waitFor();
    expect(await page.getByTestId('ticket-summary').textContent()).toContain('热线电话');
    await shot(page, 'tickets-15-hotline-ticket');
    expect(problems()).toEqual([]);
    await context.close();
  });

  it('滨湖世纪社区’s dashboard: 2,352 opinions received, 783 resolved, by month, category and grid', async () => {
    const { page, problems, context } = await openPage(browser);
    await adminSignIn(page, 'bh_secretary');
    await page.goto('/tickets/stats');
    await page.getByTestId('chart-trend').waitFor();
    expect(await kpi(page, 'received')).toBe('2,352');
    expect(await kpi(page, 'resolved')).toBe('783');
    await shot(page, 'tickets-16-stats-binhu');
    expect(problems()).toEqual([]);
    await context.close();
  });

  it('雁鸣湖镇镇区社区’s satisfaction climbs from 80 % to 98.5 % over the year', async () => {
    const cookie = await apiSignIn('ymh_secretary');
    const org = (await api<Array<{ id: string; kind: string }>>(cookie, '/orgs')).find((o) => o.kind === 'community')!;
    const stats = await api<{ byMonth: Array<{ satisfaction: number | null }> }>(cookie, `/tickets/stats?orgId=${org.id}`);
    const rated = stats.byMonth.filter((m) => m.satisfaction !== null).map((m) => m.satisfaction);
    expect(rated[0]).toBe(0.8);
    expect(rated.at(-1)).toBe(0.985);
    const { page, problems, context } = await openPage(browser);
    await adminSignIn(page, 'ymh_secretary');
    await page.goto('/tickets/stats');
    await page.getByTestId('chart-trend').waitFor();
    await shot(page, 'tickets-17-stats-yanminghu');
    expect(problems()).toEqual([]);
    await context.close();
  });

  it('the secretary follows 领办督办 projects; a resident sees the public ones', async () => {
    const { page, problems, context } = await openPage(browser);
    await adminSignIn(page, 'bh_secretary');
    await page.goto('/projects');
    await page.getByTestId('projects-table').getByText('街头公园生态公厕').click();
    await page.getByTestId('project-drawer').getByText('施工建设').waitFor();
    await shot(page, 'tickets-18-projects');
    expect(problems()).toEqual([]);
    await context.close();

    const mobile = await openPage(browser, phone);
    await phoneSignIn(mobile.page, 'yw_resident1');
    await mobile.page.goto('/m/projects');
    await mobile.page.waitForLoadState('networkidle');
    await screen(mobile.page, 'tickets-19-phone-projects');
    expect(mobile.problems()).toEqual([]);
    await mobile.context.close();
  });
});
