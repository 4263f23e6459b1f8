import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTree, signedIn, type TestContext, type TestTree } from '../../test/harness';
import { createHousehold, createPlaces, createResident } from '../../test/places-factory';

let ctx: TestContext;
let tree: TestTree;
beforeAll(async () => {
  ctx = await createTestApp();
  tree = await createTree(ctx.database);
});
afterAll(() => ctx.close());

describe('service visits (服务人次)', () => {
  it('count once per served record, grouped by month, source and age group, within scope', async () => {
    const places = await createPlaces(ctx.database, tree.communityA1);
    const home = await createHousehold(ctx.database, places);
    const elder = await createResident(ctx.database, tree.communityA1.id, home, { birthDate: '1945-05-01' });
    const child = await createResident(ctx.database, tree.communityA1.id, home, { birthDate: '2018-05-01' });
    const visits = ctx.app.services.serviceVisits;
    await ctx.database.db.transaction(async (tx) => {
      await visits.record(tx, { communityId: tree.communityA1.id, residentId: elder.id, source: 'canteen_meal', sourceId: 'm1', occurredAt: new Date('2026-10-03T04:00:00Z') });
      await visits.record(tx, { communityId: tree.communityA1.id, residentId: elder.id, source: 'canteen_meal', sourceId: 'm1', occurredAt: new Date('2026-10-03T04:00:00Z') });
      await visits.record(tx, { communityId: tree.communityA1.id, residentId: elder.id, source: 'care_service', sourceId: 'c1', occurredAt: new Date('2026-11-03T04:00:00Z') });
      await visits.record(tx, { communityId: tree.communityA1.id, residentId: child.id, source: 'event_check_in', sourceId: 'e1', theme: 'orange', occurredAt: new Date('2026-11-04T04:00:00Z') });
      await visits.record(tx, { communityId: tree.communityB1.id, residentId: null, source: 'event_check_in', sourceId: 'e9', occurredAt: new Date('2026-11-04T04:00:00Z') });
    });
    const staff = await signedIn(ctx, [['community_staff', tree.communityA1]]);
    const res = await staff.get('/api/v1/service-visits/stats?from=2026-10-01&to=2026-11-30');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 3, people: 2 });
    expect(res.body.byMonth).toEqual([{ key: '2026-10', visits: 1, people: 1 }, { key: '2026-11', visits: 2, people: 2 }]);
    expect(res.body.byTargetGroup).toEqual([{ key: 'children', visits: 1, people: 1 }, { key: 'elderly', visits: 2, people: 1 }]);
    const street = await signedIn(ctx, [['street_staff', tree.streetA]]);
    expect((await street.get(`/api/v1/service-visits/stats?from=2026-10-01&to=2026-11-30&orgId=${tree.communityA2.id}`)).body.total).toBe(0);
    await ctx.database.db.transaction((tx) => visits.remove(tx, tree.communityA1.id, 'care_service', 'c1'));
    expect((await staff.get('/api/v1/service-visits/stats?from=2026-10-01&to=2026-11-30')).body.total).toBe(2);
  });

  it('a resident cannot read the figures (403); a reversed range is refused (400)', async () => {
    const resident = await signedIn(ctx, [['resident', tree.communityA1]]);
    expect((await resident.get('/api/v1/service-visits/stats?from=2026-10-01&to=2026-11-30')).status).toBe(403);
    const staff = await signedIn(ctx, [['community_staff', tree.communityA1]]);
    expect((await staff.get('/api/v1/service-visits/stats?from=2026-12-01&to=2026-11-30')).status).toBe(400);
  });
});
