/**
 * 邻里中心 in the browser, on the demo district: a resident of 杨文社区 enrolls on the phone (a free
 * course and the full 枫之韵声乐社, which puts her on the waitlist); staff read the room calendar and
 * get the booking_conflict message when a room is taken; a role without center rights sees no entry.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSignIn, DEMO_PASSWORD, desktop, launchBrowser, openPage, phone, shot, phoneSignIn } from './browser';

// Staff and residents read times in the community's zone.
const inShanghai = { timezoneId: 'Asia/Shanghai' };

/** antd-mobile's dialog actions are plain elements with the adm-dialog-button class. */
const dialogButton = (page: Page, text: string) => page.locator('.adm-dialog-button', { hasText: text });

describe('neighborhood center (邻里中心)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a resident enrolls in a course with places, and joins the waitlist of the full one with her place shown', async () => {
    const { page, problems, context } = await openPage(browser, { ...phone, ...inShanghai });
    await phoneSignIn(page, 'yw_resident1');
    await page.getByTestId('tile-centerCourses').click();
    await page.getByTestId('center-courses').waitFor();

    // A course with free places (the first one she is not in yet): enrolled at once.
    const open = page.locator('[data-testid^="course-card-"]', { has: page.getByRole('button', { name: '我要报名' }) }).first();
    const openName = (await open.getAttribute('data-testid'))!;
    await open.getByTestId('enroll-button').click();
    await dialogButton(page, '我要报名').click();
    await page.locator('.adm-dialog').getByText('报名成功').waitFor();
    await dialogButton(page, '知道了').click();
    await expect.poll(() => page.getByTestId(openName).getByTestId('my-status').textContent()).toBe('已报名');

    // The full course: the answer is a place on the waitlist (a second run leaves it first).
    const choir = page.getByTestId('course-card-枫之韵声乐社');
    if (await choir.getByTestId('my-status').count()) {
      await choir.getByRole('button', { name: '退出候补' }).click();
      await dialogButton(page, '取消报名').click();
      await choir.getByTestId('enroll-button').waitFor();
    }
    expect(await choir.textContent()).toContain('已满');
    await choir.getByTestId('enroll-button').click();
    await dialogButton(page, '我要报名').click();
    // The confirmation may still be fading out beside the answer: read the answer's own dialog.
    const result = page.locator('.adm-dialog').filter({ hasText: '已进入候补' });
    await result.getByText('已进入候补').waitFor();
    const position = /候补第 (\d+) 位/.exec((await result.textContent())!)?.[1];
    expect(Number(position)).toBeGreaterThan(0);
    await shot(page, 'center-01-waitlisted');
    await dialogButton(page, '知道了').click();
    await expect.poll(() => choir.getByTestId('my-status').textContent()).toBe(`候补第 ${position} 位`);

    await page.goto('/m/center/mine');
    await page.getByTestId('center-mine').getByText(`候补第 ${position} 位`).waitFor();
    await shot(page, 'center-02-my-center');
    expect(problems()).toEqual([]);
    await context.close();
  });

  it('staff see the room calendar and the booking_conflict message when the room is already taken', async () => {
    const { page, problems, context, allowHttpErrors } = await openPage(browser, { ...desktop, ...inShanghai });
    allowHttpErrors(409);
    await adminSignIn(page, 'yw_staff');
    await page.locator('.ant-menu a[href="/center/venues"]').click();
    const calendar = page.getByTestId('venue-calendar');
    await calendar.waitFor();
    await calendar.getByTestId('calendar-row-红色驿站').waitFor();
    expect(await calendar.getByTestId('booking-block').count()).toBeGreaterThan(0);
    await shot(page, 'center-03-venue-calendar');

    // The form's default slot (tomorrow, a whole hour): the first booking takes it, the second clashes.
    const book = async (purpose: string) => {
      await page.getByTestId('create-booking').click();
      const modal = page.locator('.ant-modal');
      await modal.getByTestId('booking-venue').click();
      await page.locator('.ant-select-dropdown').getByText('志愿服务站', { exact: true }).click();
      await modal.getByTestId('booking-purpose').fill(purpose);
      await modal.getByTestId('booking-submit').click();
      return modal;
    };
    const first = await book('志愿者例会');
    // Against a server used before, the slot may be taken already: then this one shows the clash.
    await Promise.race([first.waitFor({ state: 'detached' }), first.getByTestId('booking-error').waitFor()]);
    if (await first.getByTestId('booking-error').count()) await first.getByRole('button', { name: /取\s*消/ }).click();
    await first.waitFor({ state: 'detached' });
    await calendar.getByTestId('calendar-row-志愿服务站').getByText('志愿者例会').first().waitFor();

    const second = await book('党员学习');
    await second.getByTestId('booking-error').getByText('该时段已被预约，请选择其他时间').waitFor();
    await shot(page, 'center-04-booking-conflict');
    expect(problems()).toEqual([]);
    await context.close();
  });

  it('a role without center permissions gets no center entry in the admin menu', async () => {
    const { page, problems, context } = await openPage(browser);
    await adminSignIn(page, 'auditor');
    await page.locator('.ant-menu').first().waitFor();
    expect(await page.locator('a[href^="/center/"]').count()).toBe(0);
    await page.goto('/center/venues');
    await expect.poll(() => page.getByTestId('venue-calendar').count()).toBe(0);
    expect(problems()).toEqual([]);
    await context.close();
  });
});
