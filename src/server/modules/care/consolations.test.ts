import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTree, login, signedIn, type Client, type TestContext, type TestTree } from '../../test/harness';
import { createHousehold, createPlaces, createResident, type TestPlaces } from '../../test/places-factory';
import { count, needyHousehold, photo } from './care.testing';

let ctx: TestContext;
let tree: TestTree;
let places: TestPlaces;
beforeAll(async () => {
  ctx = await createTestApp({ config: { loginRateLimit: 10_000 } });
  tree = await createTree(ctx.database);
  places = await createPlaces(ctx.database, tree.communityA1);
});
afterAll(() => ctx.close());

const officer = () => signedIn(ctx, [['care_officer', tree.communityA1]]);

/** A Spring Festival campaign for dibao households, with two dibao households (grid A, grid B) and one that does not match. */
async function campaign(as: Client) {
  const a = await needyHousehold(ctx, places, 0, ['dibao']);
  const b = await needyHousehold(ctx, places, 2, ['tekun', 'dibao']);
  const other = await createHousehold(ctx.database, places, 1);
  await createResident(ctx.database, tree.communityA1.id, other, { tags: ['veteran'] });
  const res = await as.post('/api/v1/consolations', {
    communityId: tree.communityA1.id,
    name: '2027年春节慰问低保户',
    occasion: 'spring_festival',
    year: 2027,
    criteria: { tags: ['dibao'] },
    giftDescription: '米、油、慰问金',
    defaultAmountFen: 80000,
    maxAmountFen: 100000,
  });
  expect(res.status).toBe(201);
  return { id: res.body.id as string, body: res.body, a, b, other };
}

describe('a consolation campaign', () => {
  it('takes its date from the lunar calendar and its household list from the criteria', async () => {
    const co = await officer();
    const c = await campaign(co);
    expect(c.body).toMatchObject({ occasion: 'spring_festival', eventDate: '2027-02-06', maxAmountFen: 100000, handedOver: 0, amountFen: 0 });
    const list = (await co.get(`/api/v1/consolations/${c.id}/households?limit=200`)).body.items;
    const ids = list.map((t: { householdId: string }) => t.householdId);
    expect(ids).toEqual(expect.arrayContaining([c.a.home.id, c.b.home.id]));
    expect(ids).not.toContain(c.other.id);
    expect(list.find((t: { householdId: string }) => t.householdId === c.b.home.id).matched).toEqual(['dibao']);
    const festivals = (await co.get('/api/v1/consolations/festivals?year=2026')).body;
    expect(festivals).toEqual(expect.arrayContaining([{ occasion: 'mid_autumn', date: '2026-09-25' }, { occasion: 'double_ninth', date: '2026-10-18' }]));
  });

  it('staff record one handover per household with a photo; totals add up; the second is 409 and changes nothing', async () => {
    const co = await officer();
    const c = await campaign(co);
    const worker = await login(ctx.app, places.workers.primaryA.username);
    const pic = await photo(ctx, worker);
    const first = await worker.post(`/api/v1/consolations/${c.id}/handovers`, { householdId: c.a.home.id, gift: '米、油', amountFen: 80000, photoId: pic });
    expect(first.status).toBe(201);
    const again = await worker.post(`/api/v1/consolations/${c.id}/handovers`, { householdId: c.a.home.id, amountFen: 1000, photoId: await photo(ctx, worker) });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_handed_over');
    const signer = await photo(ctx, co);
    expect((await co.post(`/api/v1/consolations/${c.id}/handovers`, { householdId: c.b.home.id, amountFen: 100000, signatureId: signer })).status).toBe(201);
    expect((await co.get(`/api/v1/consolations/${c.id}`)).body).toMatchObject({ handedOver: 2, amountFen: 180000 });
    const done = (await co.get(`/api/v1/consolations/${c.id}/households?state=done`)).body.items;
    expect(done.find((t: { householdId: string }) => t.householdId === c.a.home.id).handover).toMatchObject({ gift: '米、油', amountFen: 80000, photoId: pic, deliveredByName: places.workers.primaryA.username });
    expect((await co.get(`/api/v1/consolations/${c.id}/households?state=pending`)).body.items.map((t: { householdId: string }) => t.householdId)).not.toContain(c.a.home.id);
  });

  it('two phones handing over to one household at once: exactly one is recorded', async () => {
    const co = await officer();
    const c = await campaign(co);
    const phones = await Promise.all(Array.from({ length: 6 }, () => signedIn(ctx, [['community_staff', tree.communityA1]])));
    const pics = await Promise.all(phones.map((p) => photo(ctx, p)));
    const results = await Promise.all(phones.map((p, i) => p.post(`/api/v1/consolations/${c.id}/handovers`, { householdId: c.a.home.id, amountFen: 50000, photoId: pics[i] })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    expect(await count(ctx, 'consolation_handover', 'consolation_id = $1', [c.id])).toBe(1);
  });

  it('refuses amounts ≤ 0 or above the cap, a handover without proof, and households not on the list — writing nothing', async () => {
    const co = await officer();
    const c = await campaign(co);
    const pic = await photo(ctx, co);
    const post = (body: Record<string, unknown>) => co.post(`/api/v1/consolations/${c.id}/handovers`, { householdId: c.a.home.id, ...body });
    expect((await post({ amountFen: 0, photoId: pic })).body.error.details[0]).toMatchObject({ field: 'body.amountFen', code: 'amount_positive' });
    expect((await post({ amountFen: -5, photoId: pic })).status).toBe(400);
    const above = await post({ amountFen: 100001, photoId: pic });
    expect(above.status).toBe(400);
    expect(above.body.error.details[0]).toMatchObject({ field: 'body.amountFen', code: 'amount_above_cap' });
    expect((await post({ amountFen: 1000 })).body.error.details[0]).toMatchObject({ field: 'body.photoId', code: 'proof_required' });
    expect((await post({ photoId: pic })).body.error.details[0]).toMatchObject({ field: 'body.amountFen', code: 'gift_or_amount' });
    expect((await co.post(`/api/v1/consolations/${c.id}/handovers`, { householdId: c.other.id, amountFen: 1000, photoId: pic })).status).toBe(404);
    expect(await count(ctx, 'consolation_handover', 'consolation_id = $1', [c.id])).toBe(0);
  });

  it('a grid worker hands over only in their grid; other communities do not see the campaign (404)', async () => {
    const co = await officer();
    const c = await campaign(co);
    const workerA = await login(ctx.app, places.workers.primaryA.username);
    const res = await workerA.post(`/api/v1/consolations/${c.id}/handovers`, { householdId: c.b.home.id, amountFen: 1000, photoId: await photo(ctx, workerA) });
    expect(res.status).toBe(404);
    const listA = (await workerA.get(`/api/v1/consolations/${c.id}/households`)).body.items.map((t: { householdId: string }) => t.householdId);
    expect(listA).toContain(c.a.home.id);
    expect(listA).not.toContain(c.b.home.id);
    const other = await signedIn(ctx, [['care_officer', tree.communityA2]]);
    expect((await other.get(`/api/v1/consolations/${c.id}`)).status).toBe(404);
    expect((await other.post('/api/v1/consolations', { communityId: tree.communityA1.id, name: 'x', occasion: 'mid_autumn', year: 2026, criteria: { tags: ['dibao'] }, maxAmountFen: 100 })).status).toBe(404);
    const resident = await signedIn(ctx, [['resident', tree.communityA1]]);
    expect((await resident.get('/api/v1/consolations')).status).toBe(403);
  });

  it('an occasion without a festival date needs one; empty criteria are refused', async () => {
    const co = await officer();
    const base = { communityId: tree.communityA1.id, name: '困难大学生资助', year: 2026, maxAmountFen: 500000 };
    const noDate = await co.post('/api/v1/consolations', { ...base, occasion: 'student_aid', criteria: { tags: ['dibao'] } });
    expect(noDate.body.error.details[0]).toMatchObject({ field: 'body.eventDate', code: 'required' });
    const empty = await co.post('/api/v1/consolations', { ...base, occasion: 'student_aid', eventDate: '2026-08-20', criteria: {} });
    expect(empty.body.error.details[0].code).toBe('criteria_empty');
    expect(await count(ctx, 'consolation', "name = '困难大学生资助'")).toBe(0);
  });
});
