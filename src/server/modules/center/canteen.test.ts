import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTree, signedIn, type TestContext, type TestTree } from '../../test/harness';
import type { TestPlaces } from '../../test/places-factory';
import { bornYearsAgo, centerOf, localDate, placesFor, residentUser } from './center.fixtures';

let ctx: TestContext;
let tree: TestTree;
let places: TestPlaces;
let centerId: string;
let staff: Awaited<ReturnType<typeof signedIn>>;
let canteenId: string;

beforeAll(async () => {
  ctx = await createTestApp({ config: { loginRateLimit: 10_000 } });
  tree = await createTree(ctx.database);
  places = await placesFor(ctx, tree.communityA1);
  centerId = await centerOf(ctx, tree.communityA1);
  staff = await signedIn(ctx, [['community_staff', tree.communityA1]]);
  const c = await staff.post('/api/v1/canteens', { centerId, name: '幸福大食堂', seatsPerSitting: 80, orderCutoff: '23:59' });
  canteenId = c.body.id;
  await staff.post(`/api/v1/canteens/${canteenId}/subsidy-rules`, { name: '80岁以上高龄', minAge: 80, discountKind: 'fixed', amountFen: 500, fundingSource: '区民政局高龄助餐补贴' });
  await staff.post(`/api/v1/canteens/${canteenId}/subsidy-rules`, { name: '低保特困', tags: ['dibao', 'tekun'], discountKind: 'percent', percent: 50, fundingSource: '社区慈善基金' });
  await staff.post(`/api/v1/canteens/${canteenId}/subsidy-rules`, { name: '残疾人', tags: ['disabled'], discountKind: 'fixed', amountFen: 300, fundingSource: '区残联' });
});
afterAll(() => ctx.close());

const count = async (text: string, params: unknown[]) => Number((await ctx.database.query<{ n: number }>(text, params))[0]!.n);
const ordersOf = (menuId: string) => count("SELECT count(*)::int AS n FROM meal_order WHERE menu_id = $1 AND status <> 'cancelled'", [menuId]);

let day = 1;
async function newMenu(body: Record<string, unknown> = {}, id = canteenId) {
  const res = await staff.post(`/api/v1/canteens/${id}/menus`, { servedOn: localDate(day++), meal: 'lunch', dishes: ['红烧肉', '清炒时蔬', '米饭', '紫菜蛋汤'], priceFen: 1200, ...body });
  expect(res.status).toBe(201);
  return res.body as { id: string; seats: number; orderOpen: boolean; version: number };
}

describe('the canteen (幸福大食堂)', () => {
  it('an 82-year-old orders lunch with the elderly subsidy; the best of the rules that apply is used', async () => {
    const menu = await newMenu();
    expect(menu).toMatchObject({ seats: 80, orderOpen: true });
    const elder = await residentUser(ctx, places, { birthDate: bornYearsAgo(82), tags: ['disabled'] });
    const quote = await elder.get(`/api/v1/canteen-menus/${menu.id}/quote`);
    expect(quote.body.subsidy).toMatchObject({ ruleName: '80岁以上高龄', subsidyFen: 500 });
    const order = await elder.post(`/api/v1/canteen-menus/${menu.id}/orders`, { mode: 'dine_in', claimSubsidy: true });
    expect(order.status).toBe(201);
    expect(order.body).toMatchObject({ priceFen: 1200, subsidyFen: 500, amountFen: 700, fundingSource: '区民政局高龄助餐补贴', channel: 'app', status: 'ordered' });
    const poor = await residentUser(ctx, places, { birthDate: bornYearsAgo(66), tags: ['dibao'] });
    expect((await poor.post(`/api/v1/canteen-menus/${menu.id}/orders`, { mode: 'pickup', quantity: 2, claimSubsidy: true })).body).toMatchObject({ subsidyFen: 600, amountFen: 1800 });
  });

  it('a subsidy claimed twice in one sitting is refused (409) and nothing is written; an unsubsidized second meal is fine', async () => {
    const menu = await newMenu();
    const elder = await residentUser(ctx, places, { birthDate: bornYearsAgo(85) });
    expect((await elder.post(`/api/v1/canteen-menus/${menu.id}/orders`, { mode: 'dine_in', claimSubsidy: true })).status).toBe(201);
    const twice = await elder.post(`/api/v1/canteen-menus/${menu.id}/orders`, { mode: 'pickup', claimSubsidy: true });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('subsidy_already_claimed');
    expect(await ordersOf(menu.id)).toBe(1);
    expect((await elder.post(`/api/v1/canteen-menus/${menu.id}/orders`, { mode: 'pickup' })).body).toMatchObject({ subsidyFen: 0, amountFen: 1200 });
  });

  it('five subsidized orders for one person at once: exactly one gets the subsidy', async () => {
    const menu = await newMenu();
    const elder = await residentUser(ctx, places, { birthDate: bornYearsAgo(90) });
    const results = await Promise.all(Array.from({ length: 5 }, () => elder.post(`/api/v1/canteen-menus/${menu.id}/orders`, { mode: 'pickup', claimSubsidy: true })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.error.code === 'subsidy_already_claimed')).toBe(true);
  });

  it('asking for a subsidy one does not qualify for is refused (422), nothing written', async () => {
    const menu = await newMenu();
    const young = await residentUser(ctx, places, { birthDate: bornYearsAgo(45) });
    const res = await young.post(`/api/v1/canteen-menus/${menu.id}/orders`, { mode: 'dine_in', claimSubsidy: true });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('subsidy_not_eligible');
    expect(await ordersOf(menu.id)).toBe(0);
  });

  it('dine-in seats per sitting hold under a burst; pick-up needs no seat', async () => {
    const menu = await newMenu({ seats: 3 });
    const people = await Promise.all(Array.from({ length: 6 }, () => residentUser(ctx, places)));
    const results = await Promise.all(people.map((p) => p.post(`/api/v1/canteen-menus/${menu.id}/orders`, { mode: 'dine_in' })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(3);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.error.code === 'capacity_full')).toBe(true);
    expect((await people[5]!.post(`/api/v1/canteen-menus/${menu.id}/orders`, { mode: 'pickup' })).status).toBe(201);
    const [m] = (await staff.get(`/api/v1/canteens/${canteenId}/menus?from=${localDate(day - 1)}&to=${localDate(day - 1)}`)).body;
    expect(m).toMatchObject({ dineInTaken: 3, pickupCount: 1, orderCount: 4 });
  });

  it('orders after the daily cut-off are refused (409), from the app and at the counter', async () => {
    const early = (await staff.post('/api/v1/canteens', { centerId, name: '早截止食堂', seatsPerSitting: 20, orderCutoff: '00:00' })).body;
    const menu = (await staff.post(`/api/v1/canteens/${early.id}/menus`, { servedOn: localDate(0), meal: 'dinner', dishes: ['面条'], priceFen: 800 })).body;
    expect(menu.orderOpen).toBe(false);
    const resident = await residentUser(ctx, places);
    const late = await resident.post(`/api/v1/canteen-menus/${menu.id}/orders`, { mode: 'dine_in' });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('order_cutoff_passed');
    expect((await staff.post(`/api/v1/canteen-menus/${menu.id}/orders`, { residentId: resident.person.id, mode: 'dine_in' })).body.error.code).toBe('order_cutoff_passed');
    expect(await ordersOf(menu.id)).toBe(0);
  });

  it('counter staff order for a resident or a guest, serve the meal (a service visit) and nobody can serve it twice', async () => {
    const menu = await newMenu();
    const elder = await residentUser(ctx, places, { birthDate: bornYearsAgo(81) });
    const counter = await staff.post(`/api/v1/canteen-menus/${menu.id}/orders`, { residentId: elder.person.id, mode: 'dine_in', claimSubsidy: true });
    expect(counter.body).toMatchObject({ channel: 'counter', subsidyFen: 500 });
    const guest = await staff.post(`/api/v1/canteen-menus/${menu.id}/orders`, { mode: 'pickup' });
    expect(guest.body).toMatchObject({ residentId: null, subsidyFen: 0 });
    expect((await staff.post(`/api/v1/meal-orders/${counter.body.id}/serve`)).body.status).toBe('served');
    expect((await staff.post(`/api/v1/meal-orders/${counter.body.id}/serve`)).status).toBe(409);
    expect(await count("SELECT count(*)::int AS n FROM service_visit WHERE source = 'canteen_meal' AND source_id = $1 AND target_group = 'elderly'", [counter.body.id])).toBe(1);
    expect((await elder.post(`/api/v1/meal-orders/${counter.body.id}/serve`)).status).toBe(403);
  });

  it('the monthly subsidy statement sums served, subsidized meals per funding source', async () => {
    const other = (await staff.post('/api/v1/canteens', { centerId, name: '对账食堂', seatsPerSitting: 80, orderCutoff: '23:59' })).body;
    await staff.post(`/api/v1/canteens/${other.id}/subsidy-rules`, { name: '高龄', minAge: 80, discountKind: 'fixed', amountFen: 400, fundingSource: '民政高龄补贴' });
    await staff.post(`/api/v1/canteens/${other.id}/subsidy-rules`, { name: '低保', tags: ['dibao'], discountKind: 'percent', percent: 100, fundingSource: '慈善基金' });
    const menus = [await newMenu({ servedOn: localDate(1), priceFen: 1000 }, other.id), await newMenu({ servedOn: localDate(1), meal: 'dinner', priceFen: 800 }, other.id)];
    const elder = await residentUser(ctx, places, { birthDate: bornYearsAgo(88) });
    const poor = await residentUser(ctx, places, { birthDate: bornYearsAgo(50), tags: ['dibao'] });
    for (const m of menus) {
      for (const p of [elder, poor]) {
        const o = await p.post(`/api/v1/canteen-menus/${m.id}/orders`, { mode: 'dine_in', claimSubsidy: true });
        await staff.post(`/api/v1/meal-orders/${o.body.id}/serve`);
      }
    }
    await poor.post(`/api/v1/canteen-menus/${menus[0]!.id}/orders`, { mode: 'pickup' });
    const month = localDate(1).slice(0, 7);
    const s = await staff.get(`/api/v1/canteens/${other.id}/subsidy-statement?month=${month}`);
    expect(s.status).toBe(200);
    expect(s.body).toMatchObject({ meals: 4, people: 2, amountFen: 400 + 400 + 1000 + 800 });
    expect(s.body.bySource).toEqual([
      { fundingSource: '慈善基金', meals: 2, people: 1, amountFen: 1800 },
      { fundingSource: '民政高龄补贴', meals: 2, people: 1, amountFen: 800 },
    ]);
    expect(s.body.lines).toHaveLength(2);
    expect((await poor.get(`/api/v1/canteens/${other.id}/subsidy-statement?month=${month}`)).status).toBe(403);
    expect((await staff.get(`/api/v1/canteens/${other.id}/subsidy-statement?month=2026-13`)).status).toBe(400);
  });

  it('a resident cancels their own order before the cut-off and sees only their household’s orders', async () => {
    const menu = await newMenu();
    const me = await residentUser(ctx, places);
    const neighbour = await residentUser(ctx, places);
    const mine = await me.post(`/api/v1/canteen-menus/${menu.id}/orders`, { mode: 'dine_in' });
    const theirs = await neighbour.post(`/api/v1/canteen-menus/${menu.id}/orders`, { mode: 'dine_in' });
    expect((await me.get('/api/v1/meal-orders')).body.items.map((o: { id: string }) => o.id)).toEqual([mine.body.id]);
    expect((await staff.get(`/api/v1/meal-orders?menuId=${menu.id}`)).body.items).toHaveLength(2);
    expect((await me.post(`/api/v1/meal-orders/${theirs.body.id}/cancel`)).status).toBe(404);
    expect((await me.post(`/api/v1/meal-orders/${mine.body.id}/cancel`)).body.status).toBe('cancelled');
    expect((await me.get('/api/v1/my-center')).body.mealOrders).toEqual([]);
  });

  it('bad setup is refused: a negative price, a rule with both an amount and a percentage; other communities see nothing', async () => {
    expect((await staff.post(`/api/v1/canteens/${canteenId}/menus`, { servedOn: localDate(30), meal: 'lunch', dishes: ['x'], priceFen: -1 })).status).toBe(400);
    expect((await staff.post(`/api/v1/canteens/${canteenId}/subsidy-rules`, { name: 'x', minAge: 70, discountKind: 'fixed', amountFen: 100, percent: 10, fundingSource: 'y' })).status).toBe(400);
    expect((await staff.post(`/api/v1/canteens/${canteenId}/subsidy-rules`, { name: 'x', discountKind: 'fixed', amountFen: 100, fundingSource: 'y' })).status).toBe(400);
    const menu = await newMenu();
    expect((await staff.post(`/api/v1/canteens/${canteenId}/menus`, { servedOn: localDate(day - 1), meal: 'lunch', dishes: ['x'], priceFen: 1 })).status).toBe(409);
    const outsider = await signedIn(ctx, [['community_staff', tree.communityB1]]);
    expect((await outsider.get(`/api/v1/canteens/${canteenId}`)).status).toBe(404);
    expect((await outsider.post(`/api/v1/canteen-menus/${menu.id}/orders`, { mode: 'pickup' })).status).toBe(404);
    const resident = await residentUser(ctx, places);
    expect((await resident.post(`/api/v1/canteens/${canteenId}/menus`, { servedOn: localDate(31), meal: 'lunch', dishes: ['x'], priceFen: 1 })).status).toBe(403);
  });
});
