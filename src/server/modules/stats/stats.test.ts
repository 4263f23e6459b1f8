import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTree, signedIn, type TestContext, type TestTree } from '../../test/harness';

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
    expect(res.body.indicators.length).toBeGreaterThanOrEqual(5);
  });
});
