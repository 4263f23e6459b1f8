import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTree, signedIn, type TestContext, type TestTree } from '../../test/harness';
import { createHousehold, createPlaces, createResident, linkAccount, type TestPlaces } from '../../test/places-factory';

let ctx: TestContext;
let tree: TestTree;
let places: TestPlaces;
const seedBins = { hazardous: 1, recyclable: 1, kitchen: 4, residual: 8 };

beforeAll(async () => {
  ctx = await createTestApp();
  tree = await createTree(ctx.database);
  places = await createPlaces(ctx.database, tree.communityA1);
});
afterAll(() => ctx.close());

const shanghaiDay = (offsetDays = 0) => new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

async function pointWithSupervisor(name: string, buildingIndexes = [0], at: TestPlaces = places) {
  const staff = await signedIn(ctx, [['community_staff', tree.communityA1]]);
  const point = await staff.post('/api/v1/waste/drop-points', { communityId: tree.communityA1.id, name, bins: seedBins, buildingIds: buildingIndexes.map((i) => at.buildings[i]!.id) });
  expect(point.status).toBe(201);
  const volunteer = await signedIn(ctx, [['volunteer', tree.communityA1]]);
  const applied = await volunteer.post('/api/v1/waste/supervisors', { communityId: tree.communityA1.id });
  expect(applied.status).toBe(201);
  const selected = await staff.patch(`/api/v1/waste/supervisors/${applied.body.id}`, { version: 1, status: 'selected', dropPointId: point.body.id });
  expect(selected.status).toBe(200);
  return { staff, volunteer, point: point.body };
}

describe('drop points and supervisors', () => {
  it('staff set up a point with the seed’s 14 bins serving a building; it counts the households', async () => {
    await createHousehold(ctx.database, places, 1);
    await createHousehold(ctx.database, places, 1);
    const { point } = await pointWithSupervisor('一号投放点', [1]);
    expect(point.bins).toHaveLength(14);
    expect(point.bins.filter((b: { kind: string }) => b.kind === 'kitchen')).toHaveLength(4);
    expect(point.households).toBe(2);
    expect(point.buildingIds).toEqual([places.buildings[1]!.id]);
  });

  it('refuses a building of another community, a duplicate name, and other communities’ staff (404)', async () => {
    const staff = await signedIn(ctx, [['community_staff', tree.communityA1]]);
    const otherPlaces = await createPlaces(ctx.database, tree.communityB1);
    expect((await staff.post('/api/v1/waste/drop-points', { communityId: tree.communityA1.id, name: '越界点', bins: seedBins, buildingIds: [otherPlaces.buildings[0]!.id] })).status).toBe(400);
    await staff.post('/api/v1/waste/drop-points', { communityId: tree.communityA1.id, name: '重名点', bins: seedBins });
    expect((await staff.post('/api/v1/waste/drop-points', { communityId: tree.communityA1.id, name: '重名点', bins: seedBins })).status).toBe(409);
    const taken = await staff.post('/api/v1/waste/drop-points', { communityId: tree.communityA1.id, name: '抢楼点', bins: seedBins, buildingIds: [places.buildings[1]!.id] });
    expect(taken.status).toBe(409);
    expect(taken.body.error.details[0].code).toBe('building_served_by_other_point');
    const other = await signedIn(ctx, [['community_staff', tree.communityB1]]);
    expect((await other.post('/api/v1/waste/drop-points', { communityId: tree.communityA1.id, name: 'x', bins: seedBins })).status).toBe(404);
    const resident = await signedIn(ctx, [['resident', tree.communityA1]]);
    expect((await resident.post('/api/v1/waste/drop-points', { communityId: tree.communityA1.id, name: 'y', bins: seedBins })).status).toBe(403);
  });

  it('a volunteer applies once', async () => {
    const volunteer = await signedIn(ctx, [['volunteer', tree.communityA1]]);
    expect((await volunteer.post('/api/v1/waste/supervisors', { communityId: tree.communityA1.id })).status).toBe(201);
    expect((await volunteer.post('/api/v1/waste/supervisors', { communityId: tree.communityA1.id })).status).toBe(409);
    expect((await volunteer.post('/api/v1/waste/supervisors', { communityId: tree.communityB1.id })).status).toBe(404);
  });
});

describe('daily sorting records', () => {
  it('the selected supervisor records each household once a day, only for households of the point', async () => {
    const home = await createHousehold(ctx.database, places, 0);
    const stranger = await createHousehold(ctx.database, places, 2);
    const { volunteer, point } = await pointWithSupervisor('二号投放点', [0]);
    const list = await volunteer.get(`/api/v1/waste/drop-points/${point.id}/households`);
    expect(list.status).toBe(200);
    expect(list.body.find((h: { householdId: string }) => h.householdId === home.id).record).toBeNull();
    const created = await volunteer.post('/api/v1/waste/sorting-records', { dropPointId: point.id, householdId: home.id, result: 'correct' });
    expect(created.status).toBe(201);
    expect(created.body.day).toBe(shanghaiDay());
    const again = await volunteer.post('/api/v1/waste/sorting-records', { dropPointId: point.id, householdId: home.id, result: 'incorrect' });
    expect(again.status).toBe(409);
    expect((await volunteer.post('/api/v1/waste/sorting-records', { dropPointId: point.id, householdId: stranger.id, result: 'correct' })).status).toBe(400);
    expect((await volunteer.post('/api/v1/waste/sorting-records', { dropPointId: point.id, householdId: home.id, result: 'correct', day: shanghaiDay(-3) })).status).toBe(400);
    expect((await volunteer.post('/api/v1/waste/sorting-records', { dropPointId: point.id, householdId: home.id, result: 'correct', issue: 'mixed' })).status).toBe(400);
    const corrected = await volunteer.patch(`/api/v1/waste/sorting-records/${created.body.id}`, { version: 1, result: 'incorrect', issue: 'wrong_bin' });
    expect(corrected.body).toMatchObject({ result: 'incorrect', issue: 'wrong_bin', version: 2 });
  });

  it('a volunteer who was not selected for the point cannot record (403)', async () => {
    const own = await createPlaces(ctx.database, tree.communityA1);
    const home = await createHousehold(ctx.database, own, 0);
    const { point } = await pointWithSupervisor('三号投放点', [0], own);
    const other = await signedIn(ctx, [['volunteer', tree.communityA1]]);
    expect((await other.post('/api/v1/waste/sorting-records', { dropPointId: point.id, householdId: home.id, result: 'correct' })).status).toBe(403);
  });

  it('two supervisors recording the same household at once: exactly one record', async () => {
    const own = await createPlaces(ctx.database, tree.communityA1);
    const home = await createHousehold(ctx.database, own, 0);
    const { staff, volunteer, point } = await pointWithSupervisor('四号投放点', [0], own);
    const results = await Promise.all([volunteer, staff, volunteer, staff].map((c) => c.post('/api/v1/waste/sorting-records', { dropPointId: point.id, householdId: home.id, result: 'correct' })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
  });
});

describe('rewards and figures', () => {
  it('pays ¥0.30 per correctly sorted household-day once, shows it to the household, and reports rates', async () => {
    const community = tree.communityA2;
    const p2 = await createPlaces(ctx.database, community);
    const homes = [await createHousehold(ctx.database, p2, 0), await createHousehold(ctx.database, p2, 0), await createHousehold(ctx.database, p2, 0)];
    const staff = await signedIn(ctx, [['community_staff', community]]);
    const point = (await staff.post('/api/v1/waste/drop-points', { communityId: community.id, name: '试点投放点', bins: seedBins, buildingIds: [p2.buildings[0]!.id] })).body;
    const yesterday = shanghaiDay(-1);
    for (const [home, result] of [[homes[0]!, 'correct'], [homes[1]!, 'correct'], [homes[2]!, 'incorrect']] as const) {
      expect((await staff.post('/api/v1/waste/sorting-records', { dropPointId: point.id, householdId: home.id, result, day: yesterday })).status).toBe(201);
    }
    expect((await staff.post('/api/v1/waste/rewards/run', { communityId: community.id, day: shanghaiDay() })).status).toBe(400);
    expect((await staff.post('/api/v1/waste/rewards/run', { communityId: community.id, day: yesterday })).body).toEqual({ rewarded: 2 });
    expect((await staff.post('/api/v1/waste/rewards/run', { communityId: community.id, day: yesterday })).body).toEqual({ rewarded: 0 });
    const stats = (await staff.get(`/api/v1/waste/stats?from=${yesterday}&to=${yesterday}`)).body;
    expect(stats).toMatchObject({ dropPoints: 1, bins: 14, households: 3, participatingHouseholds: 3, participationRate: 1, records: 3, correct: 2, correctRate: 0.6667, rewardFen: 60 });
    const resident = await createResident(ctx.database, community.id, homes[0]!);
    const me = await signedIn(ctx, [['resident', community]]);
    await linkAccount(ctx.database, me.user.id, resident.id);
    const mine = (await me.get('/api/v1/waste/mine')).body;
    expect(mine).toMatchObject({ householdId: homes[0]!.id, dropPoint: { name: '试点投放点' }, recent: [{ day: yesterday, result: 'correct' }] });
    expect(mine.rewards[0]).toMatchObject({ days: 1, amountFen: 30 });
    const paid = (await staff.get(`/api/v1/waste/drop-points/${point.id}/households?day=${yesterday}`)).body.find((h: { householdId: string }) => h.householdId === homes[0]!.id).record;
    expect((await staff.patch(`/api/v1/waste/sorting-records/${paid.id}`, { version: paid.version, result: 'incorrect' })).status).toBe(409);
  });

  it('street staff read their street’s figures, not other streets’', async () => {
    const street = await signedIn(ctx, [['street_staff', tree.streetB]]);
    const res = await street.get(`/api/v1/waste/stats?from=${shanghaiDay(-30)}&to=${shanghaiDay()}`);
    expect(res.status).toBe(200);
    expect(res.body.records).toBe(0);
  });
});
