import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDbKind } from '../../test/databases';
import { createTestApp, createTree, signedIn, type TestContext, type TestTree } from '../../test/harness';
import { addMember, addMembers, ok, partyWorld, residentWithAccount, type PartyWorld } from './party.fixtures';

let ctx: TestContext;
let tree: TestTree;
let world: PartyWorld;
beforeAll(async () => {
  ctx = await createTestApp({ config: { loginRateLimit: 10_000 } });
  tree = await createTree(ctx.database);
  world = await partyWorld(ctx, tree.communityA1);
});
afterAll(() => ctx.close());

const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
const post = (extra: Record<string, unknown> = {}) => ({ title: '平安巡逻', description: '晚间小区巡逻', capacity: 3, startsAt: inHours(24), endsAt: inHours(26), ...extra });
const startPostNow = (id: string) => ctx.database.query(`UPDATE service_post SET starts_at = now() - interval '1 hour', ends_at = now() - interval '5 minutes' WHERE id = $1`, [id]);

describe('publishing service posts', () => {
  it('the secretary publishes a post with just title, description, capacity and period', async () => {
    const res = await world.secretary.post('/api/v1/service-posts', post({ orgId: world.groupA, buildingId: world.places.buildings[0]!.id }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ title: '平安巡逻', capacity: 3, claimedCount: 0, communityId: tree.communityA1.id, orgId: world.groupA, status: 'open' });
    expect(res.body.buildingName).toContain('1号楼');
  });

  it('refuses an end before the start, a zero capacity and unknown fields (400), writing nothing', async () => {
    const before = (await world.secretary.get('/api/v1/service-posts')).body.items.length;
    const backwards = await world.secretary.post('/api/v1/service-posts', post({ endsAt: inHours(1) }));
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.details[0]).toMatchObject({ field: 'body.endsAt', code: 'time_range' });
    expect((await world.secretary.post('/api/v1/service-posts', post({ capacity: 0 }))).status).toBe(400);
    expect((await world.secretary.post('/api/v1/service-posts', post({ points: 10 }))).status).toBe(400);
    expect((await world.secretary.get('/api/v1/service-posts')).body.items.length).toBe(before);
  });

  it('a member cannot publish (403); another community’s secretary cannot edit (404)', async () => {
    const m = await addMember(ctx, world);
    expect((await m.client.post('/api/v1/service-posts', post())).status).toBe(403);
    const p = await ok(await world.secretary.post('/api/v1/service-posts', post()));
    const other = await signedIn(ctx, [['community_secretary', tree.communityB1]]);
    expect((await other.patch(`/api/v1/service-posts/${p.id}`, { version: 1, title: 'x' })).status).toBe(404);
  });
});

describe('claiming posts from the phone', () => {
  it(`capacity is exact: 10 members race for 3 places, 3 win and 7 get 409 capacity_full (${testDbKind()})`, async () => {
    const p = await ok(await world.secretary.post('/api/v1/service-posts', post({ capacity: 3 })));
    const members = await addMembers(ctx, world, 10);
    const results = await Promise.all(members.map((m) => m.client.post(`/api/v1/service-posts/${p.id}/claims`)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(3);
    const refused = results.filter((r) => r.status === 409);
    expect(refused).toHaveLength(7);
    for (const r of refused) expect(r.body.error.code).toBe('capacity_full');
    const after = (await world.secretary.get(`/api/v1/service-posts/${p.id}`)).body;
    expect(after.claimedCount).toBe(3);
    const [{ n }] = (await ctx.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM service_post_claim WHERE post_id = $1 AND status = 'claimed'`, [p.id])) as [{ n: number }];
    expect(n).toBe(3);
  });

  it('one member claims once (a second claim is 409 and takes no place)', async () => {
    const p = await ok(await world.secretary.post('/api/v1/service-posts', post({ capacity: 5 })));
    const m = await addMember(ctx, world);
    expect((await m.client.post(`/api/v1/service-posts/${p.id}/claims`)).status).toBe(201);
    const again = await m.client.post(`/api/v1/service-posts/${p.id}/claims`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_exists');
    const seen = (await m.client.get(`/api/v1/service-posts/${p.id}`)).body;
    expect(seen.claimedCount).toBe(1);
    expect(seen.myClaim.status).toBe('claimed');
  });

  it('a member withdraws before the start and the place is free again; after the start they cannot', async () => {
    const p = await ok(await world.secretary.post('/api/v1/service-posts', post({ capacity: 1 })));
    const [a, b] = await addMembers(ctx, world, 2);
    const claim = await ok(await a!.client.post(`/api/v1/service-posts/${p.id}/claims`));
    expect((await b!.client.post(`/api/v1/service-posts/${p.id}/claims`)).status).toBe(409);
    expect((await b!.client.post(`/api/v1/service-posts/${p.id}/claims/${claim.id}/withdraw`)).status).toBe(404);
    expect((await a!.client.post(`/api/v1/service-posts/${p.id}/claims/${claim.id}/withdraw`)).status).toBe(200);
    const second = await ok(await b!.client.post(`/api/v1/service-posts/${p.id}/claims`));
    await startPostNow(p.id);
    const late = await b!.client.post(`/api/v1/service-posts/${p.id}/claims/${second.id}/withdraw`);
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('invalid_transition');
    expect((await a!.client.post(`/api/v1/service-posts/${p.id}/claims`)).status).toBe(409);
  });

  it('staff confirm the service done: the member’s record shows the claim done and points earned', async () => {
    const p = await ok(await world.secretary.post('/api/v1/service-posts', post({ title: '衣旧传情' })));
    const m = await addMember(ctx, world);
    const claim = await ok(await m.client.post(`/api/v1/service-posts/${p.id}/claims`));
    expect((await world.secretary.post(`/api/v1/service-posts/${p.id}/claims/${claim.id}/complete`)).status).toBe(409);
    await startPostNow(p.id);
    expect((await m.client.post(`/api/v1/service-posts/${p.id}/claims/${claim.id}/complete`)).status).toBe(403);
    expect((await world.secretary.post(`/api/v1/service-posts/${p.id}/claims/${claim.id}/complete`)).status).toBe(200);
    expect((await world.secretary.post(`/api/v1/service-posts/${p.id}/claims/${claim.id}/complete`)).status).toBe(409);
    const record = (await world.secretary.get(`/api/v1/party-members/${m.id}`)).body;
    expect(record.claims.find((c: any) => c.postId === p.id)).toMatchObject({ title: '衣旧传情', status: 'done' });
    expect(record.claimsDone).toBe(1);
    expect(record.points).toBe(2);
    const mine = (await m.client.get('/api/v1/party/me/claims')).body;
    expect(mine[0]).toMatchObject({ postId: p.id, status: 'done' });
  });

  it('capacity cannot drop below the claims already made (409)', async () => {
    const p = await ok(await world.secretary.post('/api/v1/service-posts', post({ capacity: 3 })));
    for (const m of await addMembers(ctx, world, 2)) await m.client.post(`/api/v1/service-posts/${p.id}/claims`);
    const res = await world.secretary.patch(`/api/v1/service-posts/${p.id}`, { version: p.version, capacity: 1 });
    expect(res.status).toBe(409);
    expect((await world.secretary.patch(`/api/v1/service-posts/${p.id}`, { version: p.version, capacity: 2 })).body.capacity).toBe(2);
  });
});

describe('who may claim', () => {
  it('a resident who is not a member gets 403 not_party_member; a grid worker 403; a member of another community 404', async () => {
    const p = await ok(await world.secretary.post('/api/v1/service-posts', post()));
    const resident = await residentWithAccount(ctx, world);
    const refused = await resident.client.post(`/api/v1/service-posts/${p.id}/claims`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('not_party_member');
    const grid = await signedIn(ctx, [['grid_worker', world.places.gridA]]);
    expect((await grid.post(`/api/v1/service-posts/${p.id}/claims`)).status).toBe(403);
    const otherWorld = await partyWorld(ctx, tree.communityB1);
    const stranger = await addMember(ctx, otherWorld);
    expect((await stranger.client.post(`/api/v1/service-posts/${p.id}/claims`)).status).toBe(404);
    expect((await stranger.client.get(`/api/v1/service-posts?communityId=${tree.communityA1.id}`)).status).toBe(404);
  });

  it('members see open posts with their own claim; cancelled posts are hidden from them', async () => {
    const open = await ok(await world.secretary.post('/api/v1/service-posts', post({ title: '开放岗位' })));
    const cancelled = await ok(await world.secretary.post('/api/v1/service-posts', post({ title: '取消岗位' })));
    await world.secretary.patch(`/api/v1/service-posts/${cancelled.id}`, { version: cancelled.version, status: 'cancelled' });
    const m = await addMember(ctx, world);
    await m.client.post(`/api/v1/service-posts/${open.id}/claims`);
    const list = (await m.client.get('/api/v1/service-posts?when=upcoming&limit=200')).body.items;
    expect(list.find((x: any) => x.id === open.id).myClaim.status).toBe('claimed');
    expect(list.find((x: any) => x.id === cancelled.id)).toBeUndefined();
  });
});
