import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createTestApp, createTree, createUser, login, signedIn, type Client, type TestContext, type TestTree } from '../../test/harness';
import { createPlaces, linkAccount, type TestPlaces } from '../../test/places-factory';
import { partnerContact, partnerUnit } from '../partners/partners.tables';
import { count, needyHousehold, photo } from './care.testing';

let ctx: TestContext;
let tree: TestTree;
let places: TestPlaces;
let staff: Client;
beforeAll(async () => {
  ctx = await createTestApp({ config: { loginRateLimit: 10_000 } });
  tree = await createTree(ctx.database);
  places = await createPlaces(ctx.database, tree.communityA1);
  staff = await signedIn(ctx, [['care_officer', tree.communityA1]]);
});
afterAll(() => ctx.close());

/** A resident with an app account, in a household with a care file. */
async function needyResident(alsoPartyMember = false): Promise<{ client: Client; residentId: string; name: string; maskedName: string }> {
  const { home, head } = await needyHousehold(ctx, places, 0);
  expect((await staff.post('/api/v1/care-files', { householdId: home.id })).status).toBe(201);
  const roles: Array<['resident' | 'party_member', typeof tree.communityA1]> = [['resident', tree.communityA1]];
  if (alsoPartyMember) roles.push(['party_member', tree.communityA1]);
  const user = await createUser(ctx.database, roles);
  await linkAccount(ctx.database, user.id, head.id);
  return { client: await login(ctx.app, user.username), residentId: head.id, name: head.name, maskedName: head.maskedName };
}

/** An open wish (posted by staff on a resident's behalf and approved). */
async function openWish(title = '一袋米和一桶油') {
  const wisher = await needyResident();
  const posted = await staff.post('/api/v1/wishes', { title, category: 'food', priceFen: 15000, wisherResidentId: wisher.residentId });
  expect(posted.status).toBe(201);
  expect((await staff.post(`/api/v1/wishes/${posted.body.id}/review`, { decision: 'approve' })).body.status).toBe('open');
  return { id: posted.body.id as string, wisher };
}

async function partnerMember(): Promise<Client> {
  const c = await signedIn(ctx, [['partner_contact', tree.communityA1]]);
  const [unit] = await ctx.database.db.insert(partnerUnit).values({ communityId: tree.communityA1.id, name: `市疾控中心${Math.random().toString(36).slice(2, 6)}`, kind: 'public_institution' }).returning();
  await ctx.database.db.insert(partnerContact).values({ partnerUnitId: unit!.id, accountId: c.user.id, communityId: tree.communityA1.id });
  return c;
}

describe('a micro-wish from posting to the wall', () => {
  it('posted, reviewed, claimed by a partner, fulfilled with a photo, confirmed by the wisher, shown on the wall with masked names', async () => {
    const wisher = await needyResident();
    const posted = await wisher.client.post('/api/v1/wishes', { title: '冬天的棉被', story: '家里的被子太薄', category: 'daily_goods', priceFen: 30000 });
    expect(posted.status).toBe(201);
    const id = posted.body.id;
    const donor = await partnerMember();
    expect((await donor.get(`/api/v1/wishes/${id}`)).status).toBe(404);
    expect((await staff.post(`/api/v1/wishes/${id}/review`, { decision: 'approve' })).body).toMatchObject({ status: 'open', wisherName: wisher.name });

    const open = (await donor.get('/api/v1/wishes?status=open&limit=200')).body.items.find((w: { id: string }) => w.id === id);
    expect(open).toMatchObject({ title: '冬天的棉被', wisherName: wisher.maskedName, priceFen: 30000 });
    const claimed = await donor.post(`/api/v1/wishes/${id}/claim`);
    expect(claimed.status).toBe(200);
    expect(claimed.body).toMatchObject({ status: 'claimed', claimedByMe: true, claimedPartnerUnitName: expect.stringContaining('市疾控中心') });
    expect((await wisher.client.get('/api/v1/notifications')).body.items.map((n: { kind: string }) => n.kind)).toContain('wish.claimed');

    const otherDonor = await signedIn(ctx, [['party_member', tree.communityA1]]);
    expect((await otherDonor.post(`/api/v1/wishes/${id}/fulfil`, { photoId: await photo(ctx, otherDonor) })).status).toBe(404);
    const fulfilled = await donor.post(`/api/v1/wishes/${id}/fulfil`, { photoId: await photo(ctx, donor), note: '已送到家' });
    expect(fulfilled.body.status).toBe('fulfilled');
    expect((await wisher.client.get(`/api/v1/wishes/${id}`)).body).toMatchObject({ status: 'fulfilled', isMine: true, wisherName: wisher.name });
    const confirmed = await wisher.client.post(`/api/v1/wishes/${id}/confirm`, { thanks: '谢谢党员同志' });
    expect(confirmed.body.status).toBe('confirmed');
    expect((await wisher.client.post(`/api/v1/wishes/${id}/confirm`, {})).status).toBe(409);

    const wall = await client(ctx.app).get(`/api/v1/wish-wall?communityId=${tree.communityA1.id}`);
    const shown = wall.body.items.find((w: { id: string }) => w.id === id);
    expect(shown).toMatchObject({ title: '冬天的棉被', maskedWisher: wisher.maskedName, donor: expect.stringContaining('市疾控中心'), thanks: '谢谢党员同志' });
    expect(JSON.stringify(wall.body)).not.toContain(wisher.name);
  });

  it('of many donors claiming at once, exactly one wins; the others get 409 already_claimed', async () => {
    const { id } = await openWish();
    const donors = await Promise.all(Array.from({ length: 8 }, (_, i) => signedIn(ctx, [[i % 2 ? 'party_member' : 'volunteer', tree.communityA1]])));
    const results = await Promise.all(donors.map((d) => d.post(`/api/v1/wishes/${id}/claim`)));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.error.code === 'already_claimed')).toBe(true);
    const winner = donors[results.findIndex((r) => r.status === 200)]!;
    const [row] = await ctx.database.query<{ claimed_by: string; version: number }>('SELECT claimed_by, version FROM wish WHERE id = $1', [id]);
    expect(row).toEqual({ claimed_by: winner.user.id, version: 3 });
  });

  it('nobody claims their own wish (409 own_wish), and nothing changes', async () => {
    const relogged = (await needyResident(true)).client;
    const id = (await relogged.post('/api/v1/wishes', { title: '助听器电池', category: 'health', priceFen: 5000 })).body.id;
    await staff.post(`/api/v1/wishes/${id}/review`, { decision: 'approve' });
    const own = await relogged.post(`/api/v1/wishes/${id}/claim`);
    expect(own.status).toBe(409);
    expect(own.body.error.code).toBe('own_wish');
    expect((await staff.get(`/api/v1/wishes/${id}`)).body).toMatchObject({ status: 'open', claimedByName: null });
  });

  it('refuses a price ≤ 0 or above ¥500, a resident without a care file, and posting for someone else without staff rights', async () => {
    const wisher = await needyResident();
    const before = await count(ctx, 'wish');
    for (const priceFen of [0, -1]) {
      expect((await wisher.client.post('/api/v1/wishes', { title: 'x', category: 'food', priceFen })).body.error.details[0]).toMatchObject({ field: 'body.priceFen', code: 'amount_positive' });
    }
    expect((await wisher.client.post('/api/v1/wishes', { title: 'x', category: 'food', priceFen: 50001 })).body.error.details[0]).toMatchObject({ field: 'body.priceFen', code: 'price_above_cap' });
    const stranger = await needyHousehold(ctx, places, 1);
    expect((await wisher.client.post('/api/v1/wishes', { title: 'x', category: 'food', priceFen: 100, wisherResidentId: stranger.head.id })).status).toBe(403);
    const notNeedy = await createUser(ctx.database, [['resident', tree.communityA1]]);
    await linkAccount(ctx.database, notNeedy.id, stranger.head.id);
    const res = await (await login(ctx.app, notNeedy.username)).post('/api/v1/wishes', { title: 'x', category: 'food', priceFen: 100 });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('not_a_care_household');
    expect(await count(ctx, 'wish')).toBe(before);
  });

  it('a donor of another community neither sees nor claims the wish (404); a resident cannot claim (403); a claimed wish cannot be reviewed again', async () => {
    const { id } = await openWish();
    const outsider = await signedIn(ctx, [['party_member', tree.communityA2]]);
    expect((await outsider.get(`/api/v1/wishes/${id}`)).status).toBe(404);
    expect((await outsider.post(`/api/v1/wishes/${id}/claim`)).status).toBe(404);
    const resident = await signedIn(ctx, [['resident', tree.communityA1]]);
    expect((await resident.post(`/api/v1/wishes/${id}/claim`)).status).toBe(403);
    const donor = await signedIn(ctx, [['volunteer', tree.communityA1]]);
    expect((await donor.post(`/api/v1/wishes/${id}/claim`)).status).toBe(200);
    expect((await staff.post(`/api/v1/wishes/${id}/review`, { decision: 'reject', reason: 'x' })).status).toBe(409);
    expect((await donor.post(`/api/v1/wishes/${id}/review`, { decision: 'approve' })).status).toBe(403);
  });
});
