import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTree, signedIn, type TestContext, type TestTree } from '../../test/harness';
import { ticketStatsRepository } from './tickets.stats.repository';
import { figures } from './tickets.stats';
import { act, report, residentClient, ticketWorld, type TicketWorld } from './tickets.testing';

let ctx: TestContext;
let tree: TestTree;
let w: TicketWorld;

/** Six tickets in gridA/gridB with every outcome: resolved on time and late, rated high and low, reopened, returned, open. */
beforeAll(async () => {
  ctx = await createTestApp();
  tree = await createTree(ctx.database);
  w = await ticketWorld(ctx, tree.communityA1);
  const resident = await residentClient(ctx, w.places, 0);
  const file = async (building: number, category: string, description: string) =>
    (await report(resident, { buildingId: w.places.buildings[building]!.id, category, description })).body.id as string;

  const happy = await file(0, 'sanitation', '楼道垃圾');
  await act(w.primaryA, happy, 'resolve', { resolution: '已清理' });
  await act(resident, happy, 'rate', { rating: 5 });

  const unhappy = await file(0, 'sanitation', '门口积水');
  await act(w.primaryA, unhappy, 'resolve', { resolution: '已处理' });
  await act(resident, unhappy, 'rate', { rating: 1 });

  const late = await file(2, 'property_repair', '电梯故障');
  await ctx.database.query(`UPDATE ticket SET due_at = now() - interval '1 hour', created_at = created_at - interval '2 hours' WHERE id = $1`, [late]);
  await act(w.primaryB, late, 'resolve', { resolution: '已维修' });
  await act(resident, late, 'rate', { rating: 4 });

  const returned = await file(2, 'policy_inquiry', '咨询社保');
  await act(w.primaryB, returned, 'return', { reason: '请咨询社保中心' });
  await file(0, 'sanitation', '还没处理');
  const inquiry = await file(1, 'policy_inquiry', '低保政策');
  await act(w.primaryA, inquiry, 'resolve', { resolution: '已电话解答' });
});
afterAll(() => ctx.close());

const stats = (c: { get: (u: string) => Promise<{ status: number; body: any }> }, query: string) => c.get(`/api/v1/tickets/stats?${query}`);

describe('ticket statistics', () => {
  it('the secretary sees received, resolved, rates, satisfaction and reopened for the community', async () => {
    const res = await stats(w.secretary, `orgId=${tree.communityA1.id}`);
    expect(res.status).toBe(200);
    const t = res.body.totals;
    expect(t).toMatchObject({ received: 6, resolved: 3, rated: 3, reopened: 1, returned: 1 });
    expect(t.resolutionRate).toBe(0.5);
    expect(t.satisfaction).toBe(0.6667);
    expect(t.onTimeRate).toBe(0.6667);
    expect(t.avgResolveHours).toBeGreaterThan(0.6);
  });

  it('the rollup agrees with counting the tickets themselves', async () => {
    const org = { id: tree.communityA1.id, kind: 'community' as const, path: tree.communityA1.path };
    const raw = figures(await ticketStatsRepository.rawFigures(ctx.database.db, org, undefined, undefined));
    const res = await stats(w.secretary, `orgId=${tree.communityA1.id}`);
    expect(res.body.totals).toEqual(raw);
  });

  it('breaks down by category, grid and month', async () => {
    const body = (await stats(w.secretary, `orgId=${tree.communityA1.id}`)).body;
    const byKey = Object.fromEntries(body.byCategory.map((c: { key: string; received: number }) => [c.key, c]));
    expect(byKey.sanitation).toMatchObject({ name: '环境卫生', received: 3, resolved: 1 });
    expect(byKey.policy_inquiry).toMatchObject({ received: 2, resolved: 1, returned: 1 });
    const byGrid = Object.fromEntries(body.byGrid.map((g: { gridId: string; received: number }) => [g.gridId, g.received]));
    expect(byGrid).toEqual({ [w.places.gridA.id]: 4, [w.places.gridB.id]: 2 });
    expect(body.byMonth).toHaveLength(1);
    expect(body.byMonth[0].received).toBe(6);
  });

  it('a street sees its communities; a date range outside the tickets is empty; from after to is 400', async () => {
    const street = await signedIn(ctx, [['street_staff', tree.streetA]]);
    expect((await stats(street, `orgId=${tree.streetA.id}`)).body.totals.received).toBe(6);
    const empty = (await stats(street, `orgId=${tree.streetA.id}&from=2020-01-01&to=2020-06-30`)).body;
    expect(empty.totals).toMatchObject({ received: 0, resolutionRate: null, satisfaction: null });
    expect((await stats(street, `orgId=${tree.streetA.id}&from=2026-05-01&to=2026-04-01`)).status).toBe(400);
  });

  it('a grid worker sees their grid only; the community or another grid is 404; residents may not (403)', async () => {
    expect((await stats(w.primaryB, `orgId=${w.places.gridB.id}`)).body.totals.received).toBe(2);
    expect((await stats(w.primaryB, `orgId=${w.places.gridA.id}`)).status).toBe(404);
    expect((await stats(w.primaryB, `orgId=${tree.communityA1.id}`)).status).toBe(404);
    const other = await signedIn(ctx, [['community_secretary', tree.communityA2]]);
    expect((await stats(other, `orgId=${tree.communityA1.id}`)).status).toBe(404);
    const resident = await residentClient(ctx, w.places, 0);
    expect((await stats(resident, `orgId=${tree.communityA1.id}`)).status).toBe(403);
  });

  it('rebuilding the rollups from the tickets gives the same figures', async () => {
    const before = (await stats(w.secretary, `orgId=${tree.communityA1.id}`)).body;
    await ctx.database.db.transaction((tx) => ticketStatsRepository.rebuild(tx));
    expect((await stats(w.secretary, `orgId=${tree.communityA1.id}`)).body).toEqual(before);
  });
});
