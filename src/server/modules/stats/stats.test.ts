import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTree, signedIn, type TestContext, type TestTree } from '../../test/harness';
import { act, report, residentClient, ticketWorld } from '../tickets/tickets.testing';

let ctx: TestContext;
let tree: TestTree;
beforeAll(async () => {
  ctx = await createTestApp();
  tree = await createTree(ctx.database);
});
afterAll(() => ctx.close());

describe('community rankings (社区排名)', () => {
  it('street staff compare their street’s communities, ranked per indicator and overall', async () => {
    const visits = ctx.app.services.serviceVisits;
    await ctx.database.db.transaction(async (tx) => {
      for (let i = 0; i < 3; i++) await visits.record(tx, { communityId: tree.communityA1.id, source: 'event_check_in', sourceId: `a1-${i}`, occurredAt: new Date('2026-11-02T04:00:00Z'), targetGroup: 'elderly' });
      await visits.record(tx, { communityId: tree.communityA2.id, source: 'event_check_in', sourceId: 'a2-0', occurredAt: new Date('2026-11-02T04:00:00Z'), targetGroup: 'adult' });
      await visits.record(tx, { communityId: tree.communityB1.id, source: 'event_check_in', sourceId: 'b1-0', occurredAt: new Date('2026-11-02T04:00:00Z'), targetGroup: 'elderly' });
    });
    const street = await signedIn(ctx, [['street_staff', tree.streetA]]);
    const res = await street.get('/api/v1/stats/rankings?from=2026-11-01&to=2026-11-30&indicators=service_visits,elderly_service_visits');
    expect(res.status).toBe(200);
    expect(res.body.communities.map((c: { communityId: string }) => c.communityId)).toEqual([tree.communityA1.id, tree.communityA2.id]);
    const [first, second] = res.body.communities;
    expect(first).toMatchObject({ values: { service_visits: 3, elderly_service_visits: 3 }, ranks: { service_visits: 1, elderly_service_visits: 1 }, place: 1 });
    expect(second).toMatchObject({ values: { service_visits: 1, elderly_service_visits: 0 }, ranks: { service_visits: 2, elderly_service_visits: 2 }, place: 2 });
  });

  it('a community outside the caller’s scope cannot be asked for (404); unknown indicators are refused (400)', async () => {
    const street = await signedIn(ctx, [['street_staff', tree.streetA]]);
    expect((await street.get(`/api/v1/stats/rankings?from=2026-11-01&to=2026-11-30&orgId=${tree.streetB.id}`)).status).toBe(404);
    expect((await street.get('/api/v1/stats/rankings?from=2026-11-01&to=2026-11-30&indicators=happiness')).status).toBe(400);
    const resident = await signedIn(ctx, [['resident', tree.communityA1]]);
    expect((await resident.get('/api/v1/stats/rankings?from=2026-11-01&to=2026-11-30')).status).toBe(403);
  });

  it('every registered indicator computes on an empty database', async () => {
    const street = await signedIn(ctx, [['street_staff', tree.streetB]]);
    const res = await street.get('/api/v1/stats/rankings?from=2026-01-01&to=2026-12-31');
    expect(res.status).toBe(200);
    expect(res.body.indicators.map((i: { key: string }) => i.key)).toEqual(expect.arrayContaining(["tickets_resolution_rate", "lecture_attendance_rate", "volunteer_hours", "care_services", "waste_correct_rate"]));
  });

  it('ticket indicators come from the tickets themselves: received, resolution rate, satisfaction', async () => {
    const w = await ticketWorld(ctx, tree.communityA2);
    const resident = await residentClient(ctx, w.places);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await report(resident, { description: `楼道灯坏了 第${i + 1}处，晚上看不见路` })).body.id);
    for (const [i, id] of ids.slice(0, 2).entries()) {
      expect((await act(w.primaryA, id, 'accept')).status).toBe(200);
      expect((await act(w.primaryA, id, 'resolve', { resolution: '已更换灯泡' })).status).toBe(200);
      expect((await act(resident, id, 'rate', { rating: i === 0 ? 5 : 2 })).status).toBe(200);
    }
    const today = new Date().toISOString().slice(0, 10);
    const street = await signedIn(ctx, [['street_staff', tree.streetA]]);
    const res = await street.get(`/api/v1/stats/rankings?from=2026-01-01&to=${today > '2026-12-31' ? today : '2026-12-31'}&indicators=tickets_received,tickets_resolution_rate,tickets_satisfaction`);
    expect(res.status).toBe(200);
    const a2 = res.body.communities.find((c: { communityId: string }) => c.communityId === tree.communityA2.id);
    // The unhappy rating reopened its ticket: it no longer counts as resolved, but its rating counts.
    expect(a2.values).toEqual({ tickets_received: 3, tickets_resolution_rate: 0.3333, tickets_satisfaction: 0.5 });
    expect(a2.ranks.tickets_received).toBe(1);
  });
});
