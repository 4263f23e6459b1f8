/**
 * 垃圾分类 in the browser, on the demo pilot (政通路社区 东方现代城): a supervisor records households
 * on the phone (also in large type), a resident sees their household and applies to supervise,
 * street and community staff read the dashboard and manage points, supervisors and records.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { adminSignIn, DEMO_PASSWORD, launchBrowser, openPage, phone, shot, phoneSignIn, setElderly, screen } from './browser';

const shanghaiDay = (offset: number) => new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);
const kpi = (page: Page, id: string) => page.getByTestId(`kpi-${id}`).locator('.ant-statistic-content').textContent();

describe('waste sorting (垃圾分类)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the supervisor of 东方现代城1号投放点 records households on the phone, also in large type', async () => {
    const { page, problems, context } = await openPage(browser, phone);
    await phoneSignIn(page, 'zt_supervisor1');
    await page.getByTestId('tile-supervise').waitFor();
    await shot(page, 'waste-01-phone-home');

    await page.getByTestId('tile-supervise').click();
    const list = page.getByTestId('supervise-list');
    await list.waitFor();
    expect(await page.getByTestId('supervise-progress').textContent()).toContain('东方现代城1号投放点');
    const todo = list.locator('[data-recorded="none"]');
    const progress = /已记录 (\d+) \/ (\d+) 户/.exec((await page.getByTestId('supervise-progress').textContent())!)!;
    const [before, total] = [Number(progress[1]), Number(progress[2])];
    expect(total).toBeGreaterThan(200);
    // A page of households at a time; the rest one tap away.
    expect(await list.getByTestId('household-row').count()).toBe(30);
    await screen(page, 'waste-02-supervise-list');

    // 分类正确 on the first household still to do: the row turns into a recorded one.
    const first = todo.first();
    const firstAddress = (await first.locator('.w-household-address').textContent())!;
    await first.getByTestId('record-correct').click();
    const firstRow = list.getByTestId('household-row').filter({ hasText: firstAddress });
    await expect.poll(() => firstRow.getAttribute('data-recorded')).toBe('correct');

    // 不正确 on the next: pick what was wrong from the big sheet.
    const second = todo.first();
    const secondAddress = (await second.locator('.w-household-address').textContent())!;
    await second.getByTestId('record-incorrect').click();
    await page.locator('.adm-action-sheet').getByText('混投').waitFor();
    await screen(page, 'waste-03-issue-sheet');
    await page.locator('.adm-action-sheet').getByText('混投').click();
    const secondRow = list.getByTestId('household-row').filter({ hasText: secondAddress });
    await expect.poll(() => secondRow.getAttribute('data-recorded')).toBe('incorrect');
    expect(await secondRow.textContent()).toContain('混投');
    expect(await page.getByTestId('supervise-progress').textContent()).toContain(`已记录 ${before + 2} / ${total} 户`);
    await screen(page, 'waste-04-recorded');

    // Reloaded from the server, both records are still there.
    await page.reload();
    await list.waitFor();
    await expect.poll(() => list.getByTestId('household-row').filter({ hasText: secondAddress }).getAttribute('data-recorded')).toBe('incorrect');

    // Large type: the same list with bigger buttons.
    await setElderly(page, true);
    await page.goto('/m/waste/supervise');
    await list.waitFor();
    const button = await list.locator('[data-recorded="none"]').first().getByTestId('record-correct').boundingBox();
    expect(button!.height).toBeGreaterThanOrEqual(60);
    await screen(page, 'waste-05-supervise-elderly');

    // Their own household: the point they supervise, recent days and rewards.
    await page.goto('/m/waste');
    await page.getByTestId('waste-my-point').waitFor();
    expect(await page.getByTestId('waste-my-point').textContent()).toContain('东方现代城1号投放点');
    await page.getByTestId('waste-rewards').getByText('¥', { exact: false }).first().waitFor();
    await shot(page, 'waste-06-my-household-elderly');
    await setElderly(page, false);

    expect(problems()).toEqual([]);
    await context.close();
  }, 240_000);

  it('a resident sees their household’s sorting and rewards, and applies to supervise', async () => {
    const { page, problems, context } = await openPage(browser, phone);
    await phoneSignIn(page, 'zt_resident1');
    expect(await page.getByTestId('tile-supervise').count()).toBe(0);
    await page.getByTestId('tile-myWaste').click();
    await page.getByTestId('waste-my-point').waitFor();
    expect(await page.getByTestId('waste-my-point').textContent()).toMatch(/东方现代城\d+号投放点/);
    expect(await page.getByTestId('waste-strip').locator('.w-day').count()).toBe(14);
    expect(await page.getByTestId('waste-recent-summary').textContent()).toMatch(/分类正确 \d+ 天/);
    await shot(page, 'waste-07-my-household');

    // (Against a reused server the application may exist already: then it is shown as pending.)
    await page.getByTestId('waste-supervisor-card').waitFor();
    if (await page.getByTestId('waste-apply').count()) {
      await page.getByTestId('waste-apply').click();
      await page.locator('.adm-dialog-footer').getByText('报名当督导员').click();
    }
    await page.getByTestId('waste-supervisor-card').getByText('等待社区选派').waitFor();
    await shot(page, 'waste-08-applied');
    expect(problems()).toEqual([]);
    await context.close();
  });

  it('street staff of 紫荆路街道 see the pilot on the dashboard: 12 points, 168 bins, 3,281 households, and their communities compared', async () => {
    const { page, problems, context } = await openPage(browser);
    await adminSignIn(page, 'street_zjl');
    await page.goto('/waste/stats');
    await page.getByTestId('kpi-dropPoints').waitFor();
    expect(await kpi(page, 'dropPoints')).toBe('12');
    expect(await kpi(page, 'bins')).toBe('168');
    expect(await kpi(page, 'households')).toBe('3,281');
    expect(await kpi(page, 'correctRate')).toMatch(/^\d{2}\.\d%$/);
    expect(await kpi(page, 'rewards')).toMatch(/^¥[\d,]+\.\d{2}$/);
    await page.getByTestId('chart-trend').locator('canvas').waitFor();
    await page.getByTestId('chart-points').locator('canvas').waitFor();
    const communities = page.getByTestId('stats-communities');
    await communities.getByText('政通路社区').waitFor();
    expect(await communities.getByText('安泰街社区').count()).toBe(1);
    await shot(page, 'waste-10-dashboard-street');
    expect(problems()).toEqual([]);
    await context.close();
  });

  it('community staff of 政通路社区 see the dashboard and a drop point’s 14 bins by kind and colour', async () => {
    const { page, problems, context } = await openPage(browser);
    await adminSignIn(page, 'zt_staff');
    await page.goto('/waste/stats');
    await page.getByTestId('kpi-dropPoints').waitFor();
    expect([await kpi(page, 'dropPoints'), await kpi(page, 'bins'), await kpi(page, 'households')]).toEqual(['12', '168', '3,281']);
    expect(await kpi(page, 'correctRate')).toMatch(/%$/);
    await page.getByTestId('chart-trend').locator('canvas').waitFor();
    await shot(page, 'waste-11-dashboard-community');

    await page.goto('/waste/drop-points');
    const table = page.getByTestId('points-table');
    await table.getByText('东方现代城12号投放点').waitFor();
    expect(await table.locator('tbody tr.ant-table-row').count()).toBe(12);
    await shot(page, 'waste-12-drop-points');
    await page.getByTestId('point-detail-东方现代城1号投放点').click();
    const drawer = page.getByTestId('point-drawer');
    await drawer.getByTestId('bin-grid').waitFor();
    expect(await drawer.locator('.waste-bin').count()).toBe(14);
    expect(await drawer.locator('.waste-bin.waste-kind-kitchen').count()).toBe(4);
    expect(await drawer.locator('.waste-bin.waste-kind-residual').count()).toBe(8);
    await drawer.getByTestId('point-buildings').waitFor();
    await shot(page, 'waste-13-drop-point-drawer');
    expect(problems()).toEqual([]);
    await context.close();
  }, 180_000);

  it('community staff select an applicant for a point, and cannot change a record whose reward was paid', async () => {
    const { page, problems, context, allowHttpErrors } = await openPage(browser);
    allowHttpErrors(409);
    await adminSignIn(page, 'zt_staff');
    await page.goto('/waste/supervisors');
    const table = page.getByTestId('supervisors-table');
    await table.getByText('东方现代城1号投放点').waitFor();
    const onDuty = await table.locator('tbody tr.ant-table-row').count();
    await page.getByTestId('supervisor-filter').getByText('报名者').click();
    await table.locator('[data-testid^="select-"]').first().click();
    await page.getByTestId('select-point').click();
    await page.getByTestId('select-point').locator('input').fill('东方现代城2号');
    await page.locator('.ant-select-item-option').filter({ hasText: '东方现代城2号投放点' }).click();
    await shot(page, 'waste-14-select-supervisor');
    await page.getByTestId('select-point-submit').click();
    await page.getByText(/已选派 .+ 到东方现代城2号投放点/).waitFor();
    await page.getByTestId('supervisor-filter').getByText('在岗').click();
    await expect.poll(() => table.locator('tbody tr.ant-table-row').count()).toBe(onDuty + 1);

    // Yesterday's records of a point: the reward was paid, so a correction is refused with the reason.
    await page.goto('/waste/drop-points');
    await page.getByTestId('point-detail-东方现代城3号投放点').click();
    await page.getByTestId('point-drawer').getByText('查看分类记录').click();
    const records = page.getByTestId('records-table');
    await records.locator('tbody tr.ant-table-row').first().waitFor();
    await page.waitForURL(/point=/);
    await page.goto(`${page.url()}&day=${shanghaiDay(-1)}`);
    await records.getByText('分类正确').first().waitFor();
    await shot(page, 'waste-15-records-yesterday');
    await records.locator('tbody tr.ant-table-row').filter({ hasText: '分类正确' }).first().getByText('更正').click();
    await page.locator('.ant-modal').getByText('分类不正确').click();
    await page.getByTestId('record-submit').click();
    await page.getByTestId('record-error').getByText('奖补已发放').waitFor();
    await shot(page, 'waste-16-record-paid');
    expect(problems()).toEqual([]);
    await context.close();
  }, 240_000);
});
