/** What the web screens need beyond the core API: the dashboard's daily trend and per-community rows, and a volunteer's own duties. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTree, signedIn, type Client, type OrgRef, type TestContext, type TestTree } from '../../test/harness';
import { createHousehold, createPlaces } from '../../test/places-factory';

let ctx: TestContext;
const seedBins = { hazardous: 1, recyclable: 1, kitchen: 4, residual: 8 };
const shanghaiDay = (offsetDays = 0) => new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

/** A point serving one building with `homes` households, and staff records for the given days. */
async function pilot(community: OrgRef, homes: number, results: Array<[number, number, 'correct' | 'incorrect']>): Promise<Client> {
  const places = await createPlaces(ctx.database, community);
  const households = [];
  for (let i = 0; i < homes; i++) households.push(await createHousehold(ctx.database, places, 0));
  const staff = await signedIn(ctx, [['community_staff', community]]);
  const point = await staff.post('/api/v1/waste/drop-points', { communityId: community.id, name: `点${community.name}`, bins: seedBins, buildingIds: [places.buildings[0]!.id] });
  expect(point.status).toBe(201);
  for (const [home, offset, result] of results) {
    const res = await staff.post('/api/v1/waste/sorting-records', { dropPointId: point.body.id, householdId: households[home]!.id, result, day: shanghaiDay(offset) });
    expect(res.status).toBe(201);
  }
  return staff;
}

/** A fresh street: A1 with 2 households over two days (3 of 4 correct, yesterday paid), A2 with 4 households, 1 record. */
async function streetWithPilots(): Promise<TestTree> {
  const own = await createTree(ctx.database);
  const staffA1 = await pilot(own.communityA1, 2, [[0, -2, 'correct'], [1, -2, 'incorrect'], [0, -1, 'correct'], [1, -1, 'correct']]);
  await pilot(own.communityA2, 4, [[0, -1, 'correct']]);
  expect((await staffA1.post('/api/v1/waste/rewards/run', { communityId: own.communityA1.id, day: shanghaiDay(-1) })).body).toEqual({ rewarded: 2 });
  return own;
}

const week = `from=${shanghaiDay(-7)}&to=${shanghaiDay()}`;
const ids = (stats: { byCommunity: { communityId: string }[] }) => stats.byCommunity.map((c) => c.communityId);

describe('dashboard figures', () => {
  it('street staff see each community of their street side by side, and a daily correct-rate trend', async () => {
    const own = await streetWithPilots();
    const street = await signedIn(ctx, [['street_staff', own.streetA]]);
    const stats = (await street.get(`/api/v1/waste/stats?${week}`)).body;
    const row = (id: string) => stats.byCommunity.find((c: { communityId: string }) => c.communityId === id);
    expect(stats.byCommunity).toHaveLength(2);
    expect(row(own.communityA1.id)).toMatchObject({ name: own.communityA1.name, dropPoints: 1, households: 2, participatingHouseholds: 2, participationRate: 1, records: 4, correct: 3, correctRate: 0.75, rewardFen: 60 });
    expect(row(own.communityA2.id)).toMatchObject({ dropPoints: 1, households: 4, participatingHouseholds: 1, participationRate: 0.25, records: 1, correct: 1, correctRate: 1, rewardFen: 0 });
    expect(stats.byDay).toEqual([
      { day: shanghaiDay(-2), records: 2, correct: 1, correctRate: 0.5 },
      { day: shanghaiDay(-1), records: 3, correct: 3, correctRate: 1 },
    ]);
    // The totals agree with the rows they are made of.
    expect(stats).toMatchObject({ records: 5, correct: 4, rewardFen: 60, households: 6, participatingHouseholds: 3 });
  });

  it('community staff see only their own community’s row; another street sees only its own, empty', async () => {
    const own = await streetWithPilots();
    const staffA1 = await signedIn(ctx, [['community_staff', own.communityA1]]);
    expect(ids((await staffA1.get(`/api/v1/waste/stats?${week}`)).body)).toEqual([own.communityA1.id]);
    const other = await signedIn(ctx, [['street_staff', own.streetB]]);
    const theirs = (await other.get(`/api/v1/waste/stats?${week}`)).body;
    expect(ids(theirs)).toEqual([own.communityB1.id]);
    expect(theirs).toMatchObject({ records: 0, byDay: [], byCommunity: [{ dropPoints: 0, records: 0, correctRate: null, participationRate: null }] });
  });

  it('narrowing to one community (orgId) keeps only its row and its days', async () => {
    const own = await streetWithPilots();
    const street = await signedIn(ctx, [['street_staff', own.streetA]]);
    const stats = (await street.get(`/api/v1/waste/stats?orgId=${own.communityA2.id}&${week}`)).body;
    expect(ids(stats)).toEqual([own.communityA2.id]);
    expect(stats.byDay).toEqual([{ day: shanghaiDay(-1), records: 1, correct: 1, correctRate: 1 }]);
  });
});

describe('a volunteer’s own supervision (the phone’s starting point)', () => {
  it('shows where a volunteer may apply, then the pending application, then the point once selected', async () => {
    const community = (await createTree(ctx.database)).communityB1;
    const places = await createPlaces(ctx.database, community);
    const staff = await signedIn(ctx, [['community_staff', community]]);
    const point = (await staff.post('/api/v1/waste/drop-points', { communityId: community.id, name: '督导点', hours: '07:00-09:00', bins: seedBins, buildingIds: [places.buildings[0]!.id] })).body;
    const volunteer = await signedIn(ctx, [['volunteer', community]]);

    expect((await volunteer.get('/api/v1/waste/supervisors/mine')).body).toEqual({ duties: [], canApplyAt: [{ communityId: community.id, name: community.name }] });
    const applied = await volunteer.post('/api/v1/waste/supervisors', { communityId: community.id });
    const pending = (await volunteer.get('/api/v1/waste/supervisors/mine')).body;
    expect(pending).toMatchObject({ canApplyAt: [], duties: [{ id: applied.body.id, communityId: community.id, communityName: community.name, status: 'applicant', dropPoint: null }] });

    await staff.patch(`/api/v1/waste/supervisors/${applied.body.id}`, { version: 1, status: 'selected', dropPointId: point.id });
    const selected = (await volunteer.get('/api/v1/waste/supervisors/mine')).body;
    expect(selected.duties).toEqual([expect.objectContaining({ status: 'selected', dropPoint: { id: point.id, name: '督导点', location: null, hours: '07:00-09:00' } })]);
  });

  it('staff list applicants and selected supervisors with their point; other communities’ staff see none; volunteers may not list (403)', async () => {
    const own = await createTree(ctx.database);
    const places = await createPlaces(ctx.database, own.communityA1);
    const staff = await signedIn(ctx, [['community_staff', own.communityA1]]);
    const point = (await staff.post('/api/v1/waste/drop-points', { communityId: own.communityA1.id, name: '名单点', bins: seedBins, buildingIds: [places.buildings[0]!.id] })).body;
    const [first, second] = [await signedIn(ctx, [['volunteer', own.communityA1]]), await signedIn(ctx, [['resident', own.communityA1]])];
    const a = (await first.post('/api/v1/waste/supervisors', { communityId: own.communityA1.id })).body;
    await second.post('/api/v1/waste/supervisors', { communityId: own.communityA1.id });
    await staff.patch(`/api/v1/waste/supervisors/${a.id}`, { version: 1, status: 'selected', dropPointId: point.id });

    const list = await staff.get(`/api/v1/waste/supervisors?communityId=${own.communityA1.id}`);
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(2);
    expect(list.body.find((s: { id: string }) => s.id === a.id)).toMatchObject({ status: 'selected', dropPointId: point.id, dropPointName: '名单点', version: 2 });
    expect(new Date(list.body[0].appliedAt).getTime()).toBeGreaterThan(Date.now() - 3_600_000);
    expect((await staff.get('/api/v1/waste/supervisors?status=applicant')).body.map((s: { status: string }) => s.status)).toEqual(['applicant']);
    const other = await signedIn(ctx, [['community_staff', own.communityB1]]);
    expect((await other.get('/api/v1/waste/supervisors')).body).toEqual([]);
    expect((await first.get('/api/v1/waste/supervisors')).status).toBe(403);
  });

  it('staff without the apply permission are offered nowhere to apply; signed-out callers get 401', async () => {
    const staff = await signedIn(ctx, [['community_staff', (await createTree(ctx.database)).communityA1]]);
    expect((await staff.get('/api/v1/waste/supervisors/mine')).body).toEqual({ duties: [], canApplyAt: [] });
    const anonymous = await ctx.app.inject({ method: 'GET', url: '/api/v1/waste/supervisors/mine' });
    expect(anonymous.statusCode).toBe(401);
  });
});
