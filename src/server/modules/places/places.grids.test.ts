import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTree, createUser, signedIn, type TestContext, type TestTree } from '../../test/harness';
import { createPlaces, type TestPlaces } from '../../test/places-factory';
import { put } from './places.testing';

let ctx: TestContext;
let tree: TestTree;
let places: TestPlaces;
beforeAll(async () => {
  ctx = await createTestApp();
  tree = await createTree(ctx.database);
  places = await createPlaces(ctx.database, tree.communityA1);
});
afterAll(() => ctx.close());

describe('the grid tree', () => {
  it('the secretary builds a three-level grid; levels follow the parent and stop at 3', async () => {
    const sec = await signedIn(ctx, [['community_secretary', tree.communityA2]]);
    const l1 = await sec.post('/api/v1/grids', { parentId: tree.communityA2.id, name: '一级网格' });
    expect(l1.status).toBe(201);
    expect(l1.body).toMatchObject({ level: 1, parentId: tree.communityA2.id, communityId: tree.communityA2.id, primary: null });
    const l2 = await sec.post('/api/v1/grids', { parentId: l1.body.id, name: '二级网格' });
    const l3 = await sec.post('/api/v1/grids', { parentId: l2.body.id, name: '三级网格', description: '1-3号楼' });
    expect(l3.body.level).toBe(3);
    const l4 = await sec.post('/api/v1/grids', { parentId: l3.body.id, name: '四级' });
    expect(l4.status).toBe(400);
    expect(l4.body.error.details[0].code).toBe('grid_too_deep');
    const list = await sec.get(`/api/v1/grids?communityId=${tree.communityA2.id}`);
    expect(list.body.map((g: { name: string }) => g.name)).toEqual(['一级网格', '二级网格', '三级网格']);
  });

  it('renaming checks the version; a grid with children cannot be deleted, an empty one can', async () => {
    const sec = await signedIn(ctx, [['community_secretary', tree.communityA2]]);
    const l1 = (await sec.post('/api/v1/grids', { parentId: tree.communityA2.id, name: '待删网格' })).body;
    const child = (await sec.post('/api/v1/grids', { parentId: l1.id, name: '子网格' })).body;
    const renamed = await sec.patch(`/api/v1/grids/${l1.id}`, { version: l1.version, name: '改名网格' });
    expect(renamed.body).toMatchObject({ name: '改名网格', version: l1.version + 1 });
    expect((await sec.patch(`/api/v1/grids/${l1.id}`, { version: l1.version, name: 'x' })).status).toBe(409);
    const refused = await sec.delete(`/api/v1/grids/${l1.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.details[0].code).toBe('grid_not_empty');
    expect((await sec.delete(`/api/v1/grids/${child.id}`)).status).toBe(200);
    expect((await sec.get(`/api/v1/grids/${child.id}`)).status).toBe(404);
  });

  it('a grid worker sees only their grid; staff of another community see nothing of it (404)', async () => {
    const worker = await signedIn(ctx, [['grid_worker', places.gridA]]);
    const list = await worker.get('/api/v1/grids');
    expect(list.body.map((g: { id: string }) => g.id)).toEqual([places.gridA.id]);
    expect((await worker.get(`/api/v1/grids/${places.gridB.id}`)).status).toBe(404);
    const other = await signedIn(ctx, [['community_secretary', tree.communityB1]]);
    expect((await other.get(`/api/v1/grids/${places.gridA.id}`)).status).toBe(404);
    expect((await other.post('/api/v1/grids', { parentId: places.grid2.id, name: 'x' })).status).toBe(404);
  });

  it.each(['grid_worker', 'street_staff', 'sys_admin'] as const)('%s cannot create grids (403)', async (role) => {
    const c = await signedIn(ctx, [[role, role === 'sys_admin' ? tree.district : role === 'street_staff' ? tree.streetA : places.gridA]]);
    expect((await c.post('/api/v1/grids', { parentId: tree.communityA1.id, name: 'x' })).status).toBe(403);
  });
});

describe('AB岗: duty posts and leave', () => {
  it('shows who holds each post, with service phones', async () => {
    const staff = await signedIn(ctx, [['community_staff', tree.communityA1]]);
    const g = (await staff.get(`/api/v1/grids/${places.gridA.id}`)).body;
    expect(g.primary).toMatchObject({ accountId: places.workers.primaryA.id, onLeave: false });
    expect(g.backup.accountId).toBe(places.workers.backupA.id);
    const leader = (await staff.get(`/api/v1/grids/${places.grid2.id}`)).body.leader;
    expect(leader.accountId).toBe(places.workers.leader.id);
  });

  it('staff assign a primary with a service phone; the same person cannot be primary and backup', async () => {
    const staff = await signedIn(ctx, [['community_staff', tree.communityA1]]);
    const newcomer = await createUser(ctx.database, [['grid_worker', places.gridB]]);
    const candidates = (await staff.get(`/api/v1/grids/${places.gridB.id}/duty-candidates`)).body;
    expect(candidates.map((c: { accountId: string }) => c.accountId)).toContain(newcomer.id);
    const set = await put(ctx.app, staff, `/api/v1/grids/${places.gridB.id}/duty/primary`, { accountId: newcomer.id, servicePhone: '0371-64312345' });
    expect(set.status).toBe(200);
    expect(set.body.primary).toMatchObject({ accountId: newcomer.id, servicePhone: '0371-64312345' });
    const same = await put(ctx.app, staff, `/api/v1/grids/${places.gridB.id}/duty/backup`, { accountId: newcomer.id });
    expect(same.status).toBe(409);
    expect(same.body.error.details[0].code).toBe('primary_backup_same');
  });

  it('refuses an account from elsewhere, and a leader on a level-3 grid', async () => {
    const staff = await signedIn(ctx, [['community_staff', tree.communityA1]]);
    const stranger = await createUser(ctx.database, [['grid_worker', tree.communityB1]]);
    const res = await put(ctx.app, staff, `/api/v1/grids/${places.gridA.id}/duty/backup`, { accountId: stranger.id });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].code).toBe('duty_account_invalid');
    const leader = await put(ctx.app, staff, `/api/v1/grids/${places.gridA.id}/duty/leader`, { accountId: places.workers.leader.id });
    expect(leader.body.error.details[0].code).toBe('leader_level');
  });

  it('concurrent assignments of one person to primary and backup: at most one post wins', async () => {
    const staff = await signedIn(ctx, [['community_staff', tree.communityA1]]);
    const sec = await signedIn(ctx, [['community_secretary', tree.communityA1]]);
    const grid = (await sec.post('/api/v1/grids', { parentId: places.grid2.id, name: '并发网格' })).body;
    const person = await createUser(ctx.database, [['grid_worker', tree.communityA1]]);
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => put(ctx.app, staff, `/api/v1/grids/${grid.id}/duty/${i % 2 ? 'backup' : 'primary'}`, { accountId: person.id })),
    );
    expect(results.every((r) => r.status === 200 || r.status === 409)).toBe(true);
    const final = (await staff.get(`/api/v1/grids/${grid.id}`)).body;
    expect(!!final.primary && !!final.backup && final.primary.accountId === final.backup.accountId).toBe(false);
  });

  it('leave is recorded for a duty holder and shows as on leave today; others are refused', async () => {
    const staff = await signedIn(ctx, [['community_staff', tree.communityA1]]);
    const today = new Date().toISOString().slice(0, 10);
    const soon = new Date(Date.now() + 3 * 86400_000).toISOString().slice(0, 10);
    const leave = await staff.post('/api/v1/duty-leaves', { communityId: tree.communityA1.id, accountId: places.workers.backupA.id, startsOn: today, endsOn: soon, reason: '年假' });
    expect(leave.status).toBe(201);
    const g = (await staff.get(`/api/v1/grids/${places.gridA.id}`)).body;
    expect(g.backup.onLeave).toBe(true);
    const backwards = await staff.post('/api/v1/duty-leaves', { communityId: tree.communityA1.id, accountId: places.workers.backupA.id, startsOn: soon, endsOn: today });
    expect(backwards.status).toBe(400);
    const nobody = await createUser(ctx.database, [['community_staff', tree.communityA1]]);
    const noDuty = await staff.post('/api/v1/duty-leaves', { communityId: tree.communityA1.id, accountId: nobody.id, startsOn: today, endsOn: today });
    expect(noDuty.body.error.details[0].code).toBe('leave_account_no_duty');
    const list = (await staff.get(`/api/v1/duty-leaves?communityId=${tree.communityA1.id}`)).body;
    expect(list.find((l: { id: string }) => l.id === leave.body.id)).toMatchObject({ reason: '年假' });
    expect((await staff.delete(`/api/v1/duty-leaves/${leave.body.id}`)).status).toBe(200);
    expect((await staff.get(`/api/v1/grids/${places.gridA.id}`)).body.backup.onLeave).toBe(false);
    const worker = await signedIn(ctx, [['grid_worker', places.gridA]]);
    expect((await worker.post('/api/v1/duty-leaves', { communityId: tree.communityA1.id, accountId: places.workers.backupA.id, startsOn: today, endsOn: today })).status).toBe(403);
  });
});

describe('estates, buildings and entrances', () => {
  it('staff add an estate and a building with entrances in a level-3 grid; it is listed under the grid', async () => {
    const staff = await signedIn(ctx, [['community_staff', tree.communityA1]]);
    const estate = await staff.post('/api/v1/estates', { communityId: tree.communityA1.id, name: '惠民花园', propertyCompany: '城运物业', propertyPhone: '0596-26300001' });
    expect(estate.status).toBe(201);
    const b = await staff.post('/api/v1/buildings', { estateId: estate.body.id, name: '9号楼', floors: 18, gridId: places.gridB.id, entrances: ['1单元', '2单元'] });
    expect(b.status).toBe(201);
    expect(b.body).toMatchObject({ estateName: '惠民花园', gridId: places.gridB.id, householdCount: 0 });
    expect(b.body.entrances.map((e: { name: string }) => e.name)).toEqual(['1单元', '2单元']);
    const inGrid = (await staff.get(`/api/v1/buildings?gridId=${places.gridB.id}`)).body;
    expect(inGrid.map((x: { name: string }) => x.name)).toContain('9号楼');
    const estates = (await staff.get(`/api/v1/estates?communityId=${tree.communityA1.id}`)).body;
    expect(estates.find((e: { id: string }) => e.id === estate.body.id).buildingCount).toBe(1);
    const third = await staff.post(`/api/v1/buildings/${b.body.id}/entrances`, { name: '3单元' });
    expect(third.body.entrances).toHaveLength(3);
    expect((await staff.post(`/api/v1/buildings/${b.body.id}/entrances`, { name: '3单元' })).status).toBe(409);
  });

  it('a building can only be assigned to a level-3 grid of its community', async () => {
    const staff = await signedIn(ctx, [['community_staff', tree.communityA1]]);
    const res = await staff.post('/api/v1/buildings', { estateId: places.estateId, name: '10号楼', gridId: places.grid2.id });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].code).toBe('grid_not_level3');
  });

  it('moving a building to another grid moves its households into that grid’s scope', async () => {
    const staff = await signedIn(ctx, [['community_staff', tree.communityA1]]);
    const estate = (await staff.post('/api/v1/estates', { communityId: tree.communityA1.id, name: '搬迁小区' })).body;
    const b = (await staff.post('/api/v1/buildings', { estateId: estate.id, name: '1号楼', gridId: places.gridA.id })).body;
    const h = (await staff.post('/api/v1/households', { buildingId: b.id, room: '101' })).body;
    const workerB = await signedIn(ctx, [['grid_worker', places.gridB]]);
    expect((await workerB.get(`/api/v1/households/${h.id}`)).status).toBe(404);
    const moved = await staff.patch(`/api/v1/buildings/${b.id}`, { version: b.version, gridId: places.gridB.id });
    expect(moved.body.gridId).toBe(places.gridB.id);
    expect((await workerB.get(`/api/v1/households/${h.id}`)).body.gridId).toBe(places.gridB.id);
  });

  it('grid workers read buildings of their grid only and cannot add any', async () => {
    const worker = await signedIn(ctx, [['grid_worker', places.gridA]]);
    const list = (await worker.get('/api/v1/buildings')).body;
    expect(list.every((b: { gridId: string }) => b.gridId === places.gridA.id)).toBe(true);
    expect((await worker.get(`/api/v1/buildings/${places.buildings[2]!.id}`)).status).toBe(404);
    expect((await worker.post('/api/v1/estates', { communityId: tree.communityA1.id, name: 'x' })).status).toBe(403);
  });
});
