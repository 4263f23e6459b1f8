import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTree, signedIn, type TestContext, type TestTree } from '../../test/harness';
import { addMember, partyWorld, type PartyWorld } from './party.fixtures';

let ctx: TestContext;
let tree: TestTree;
let world: PartyWorld;
beforeAll(async () => {
  ctx = await createTestApp({ config: { loginRateLimit: 10_000 } });
  tree = await createTree(ctx.database);
  world = await partyWorld(ctx, tree.communityA1);
});
afterAll(() => ctx.close());

describe('the party org tree of a community', () => {
  it('the secretary sees committee → branch → building groups, each group with the buildings it covers', async () => {
    const res = await world.secretary.get(`/api/v1/party-orgs?communityId=${tree.communityA1.id}`);
    expect(res.status).toBe(200);
    const byId = new Map(res.body.map((o: any) => [o.id, o]));
    expect((byId.get(world.committeeId) as any).parentId).toBeNull();
    expect((byId.get(world.branchId) as any).parentId).toBe(world.committeeId);
    const groupA = byId.get(world.groupA) as any;
    expect(groupA).toMatchObject({ kind: 'group', parentId: world.branchId });
    expect(groupA.buildings.map((b: any) => b.id).sort()).toEqual([world.places.buildings[0]!.id, world.places.buildings[1]!.id].sort());
  });

  it('a caller whose scope is one community may leave communityId out', async () => {
    const res = await world.secretary.get('/api/v1/party-orgs');
    expect(res.status).toBe(200);
    expect(res.body.length).toBeGreaterThanOrEqual(4);
  });

  it('refuses a group at the top or a committee under a branch (400), and writes nothing', async () => {
    const before = (await world.secretary.get('/api/v1/party-orgs')).body.length;
    const top = await world.secretary.post('/api/v1/party-orgs', { kind: 'group', name: '无上级小组' });
    expect(top.status).toBe(400);
    expect(top.body.error.details[0]).toMatchObject({ field: 'parentId', code: 'invalid_child_kind' });
    expect((await world.secretary.post('/api/v1/party-orgs', { kind: 'committee', name: '错层党委', parentId: world.branchId })).status).toBe(400);
    expect((await world.secretary.get('/api/v1/party-orgs')).body.length).toBe(before);
  });

  it('a building belongs to one group: a second group cannot take it (409)', async () => {
    const res = await world.secretary.post('/api/v1/party-orgs', { parentId: world.branchId, kind: 'group', name: '抢楼小组', buildingIds: [world.places.buildings[0]!.id] });
    expect(res.status).toBe(409);
    expect(res.body.error.details[0]).toMatchObject({ field: 'buildingIds', code: 'building_taken' });
  });

  it('only groups cover buildings, and only buildings of the community', async () => {
    expect((await world.secretary.post('/api/v1/party-orgs', { parentId: world.committeeId, kind: 'branch', name: '楼栋支部', buildingIds: [world.places.buildings[2]!.id] })).status).toBe(400);
    const other = await partyWorld(ctx, tree.communityA2);
    const foreign = await world.secretary.post('/api/v1/party-orgs', { parentId: world.branchId, kind: 'group', name: '外社区楼', buildingIds: [other.places.buildings[0]!.id] });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.details[0].code).toBe('unknown_building');
  });

  it('moves a building from one group to another by editing both (version checked)', async () => {
    const groups = (await world.secretary.get('/api/v1/party-orgs')).body;
    const b = groups.find((o: any) => o.id === world.groupB);
    const emptied = await world.secretary.patch(`/api/v1/party-orgs/${world.groupB}`, { version: b.version, buildingIds: [] });
    expect(emptied.status).toBe(200);
    expect(emptied.body.buildings).toEqual([]);
    const stale = await world.secretary.patch(`/api/v1/party-orgs/${world.groupB}`, { version: b.version, name: '旧版本' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    const back = await world.secretary.patch(`/api/v1/party-orgs/${world.groupB}`, { version: emptied.body.version, buildingIds: [world.places.buildings[2]!.id] });
    expect(back.body.buildings.map((x: any) => x.id)).toEqual([world.places.buildings[2]!.id]);
  });

  it('officers serve terms: a group leader now, a past secretary no longer current', async () => {
    const m = await addMember(ctx, world);
    const leader = await world.secretary.post(`/api/v1/party-orgs/${world.groupA}/officers`, { memberId: m.id, role: 'group_leader', termStart: '2024-01-01' });
    expect(leader.status).toBe(201);
    expect(leader.body).toMatchObject({ role: 'group_leader', current: true, termEnd: null });
    expect(leader.body.memberName).not.toBe(m.name);
    const past = await world.secretary.post(`/api/v1/party-orgs/${world.committeeId}/officers`, { memberId: m.id, role: 'secretary', termStart: '2018-01-01', termEnd: '2020-12-31' });
    expect(past.body.current).toBe(false);
    const ended = await world.secretary.post(`/api/v1/party-org-officers/${leader.body.id}/end`, { termEnd: '2020-01-01' });
    expect(ended.status).toBe(400);
    const list = (await world.secretary.get('/api/v1/party-orgs')).body;
    expect(list.find((o: any) => o.id === world.groupA).officers.map((o: any) => o.role)).toContain('group_leader');
    expect((await world.secretary.post(`/api/v1/party-orgs/${world.groupA}/officers`, { memberId: m.id, role: 'secretary', termStart: '2024-01-01' })).status).toBe(400);
  });
});

describe('who may touch the tree', () => {
  it('community staff read it but cannot change it (403)', async () => {
    const staff = await signedIn(ctx, [['community_staff', tree.communityA1]]);
    expect((await staff.get('/api/v1/party-orgs')).status).toBe(200);
    expect((await staff.post('/api/v1/party-orgs', { kind: 'committee', name: 'x' })).status).toBe(403);
  });

  it('the secretary of another community gets 404 for this community and its orgs', async () => {
    const other = await signedIn(ctx, [['community_secretary', tree.communityB1]]);
    expect((await other.get(`/api/v1/party-orgs?communityId=${tree.communityA1.id}`)).status).toBe(404);
    expect((await other.patch(`/api/v1/party-orgs/${world.groupA}`, { version: 1, name: '越界' })).status).toBe(404);
  });

  it('grid workers and street staff do not read the tree (403)', async () => {
    const grid = await signedIn(ctx, [['grid_worker', world.places.gridA]]);
    expect((await grid.get('/api/v1/party-orgs')).status).toBe(403);
    const street = await signedIn(ctx, [['street_staff', tree.streetA]]);
    expect((await street.get(`/api/v1/party-orgs?communityId=${tree.communityA1.id}`)).status).toBe(403);
  });
});
