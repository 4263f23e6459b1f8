import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGrid, createTestApp, createTree, signedIn, type TestContext, type TestTree } from '../../test/harness';

let ctx: TestContext;
let tree: TestTree;
beforeAll(async () => {
  ctx = await createTestApp();
  tree = await createTree(ctx.database);
});
afterAll(() => ctx.close());

const ids = (list: Array<{ id: string }>) => list.map((o) => o.id);

describe('the org tree within the caller’s scope', () => {
  it('a district admin sees the whole tree', async () => {
    const sys = await signedIn(ctx, [['sys_admin', tree.district]]);
    const list = (await sys.get('/api/v1/orgs')).body;
    expect(ids(list)).toEqual(expect.arrayContaining([tree.district.id, tree.streetA.id, tree.communityA1.id, tree.communityB1.id]));
  });

  it('street staff see their street and its communities only', async () => {
    const street = await signedIn(ctx, [['street_staff', tree.streetA]]);
    const list = ids((await street.get('/api/v1/orgs')).body);
    expect(list).toEqual(expect.arrayContaining([tree.streetA.id, tree.communityA1.id, tree.communityA2.id]));
    expect(list).not.toContain(tree.communityB1.id);
    expect(list).not.toContain(tree.district.id);
  });

  it('a community secretary sees their community; another community is 404, not 403', async () => {
    const sec = await signedIn(ctx, [['community_secretary', tree.communityA1]]);
    expect(ids((await sec.get('/api/v1/orgs')).body)).toEqual([tree.communityA1.id]);
    const other = await sec.get(`/api/v1/orgs/${tree.communityA2.id}`);
    expect(other.status).toBe(404);
    expect((await sec.get('/api/v1/orgs/01a2133b-f6cd-7e1f-8515-fb6205ea3567')).status).toBe(404);
  });

  it('a grid worker sees their grid', async () => {
    const grid = await createGrid(ctx.database, tree.communityA1);
    const worker = await signedIn(ctx, [['grid_worker', grid]]);
    expect(ids((await worker.get('/api/v1/orgs')).body)).toEqual([grid.id]);
  });

  it('the audit admin cannot read the org tree', async () => {
    const auditor = await signedIn(ctx, [['audit_admin', tree.district]]);
    expect((await auditor.get('/api/v1/orgs')).status).toBe(403);
  });
});

describe('maintaining the tree (system admin)', () => {
  it('adds a community under a street, with the right kind only', async () => {
    const sys = await signedIn(ctx, [['sys_admin', tree.district]]);
    const created = await sys.post('/api/v1/orgs', { parentId: tree.streetB.id, kind: 'community', name: '新建社区' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ parentId: tree.streetB.id, kind: 'community', name: '新建社区', version: 1 });
    const wrongKind = await sys.post('/api/v1/orgs', { parentId: tree.district.id, kind: 'community', name: '错层社区' });
    expect(wrongKind.status).toBe(400);
  });

  it('community staff cannot change the tree (403)', async () => {
    const staff = await signedIn(ctx, [['community_secretary', tree.communityA1]]);
    expect((await staff.post('/api/v1/orgs', { parentId: tree.streetA.id, kind: 'community', name: 'x' })).status).toBe(403);
    expect((await staff.patch(`/api/v1/orgs/${tree.communityA1.id}`, { version: 1, name: 'x' })).status).toBe(403);
  });
});

describe('centers', () => {
  it('a secretary adds and edits a center of their own community, not of another (404)', async () => {
    const sec = await signedIn(ctx, [['community_secretary', tree.communityA1]]);
    const created = await sec.post('/api/v1/centers', { communityId: tree.communityA1.id, name: '邻里中心', areaM2: 1200 });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ communityName: tree.communityA1.name, areaM2: 1200 });
    const edited = await sec.patch(`/api/v1/centers/${created.body.id}`, { version: 1, openingHours: '08:00-20:00' });
    expect(edited.body.openingHours).toBe('08:00-20:00');
    expect((await sec.post('/api/v1/centers', { communityId: tree.communityB1.id, name: '越界中心' })).status).toBe(404);
  });

  it('staff see only the centers of their scope', async () => {
    const staff = await signedIn(ctx, [['community_staff', tree.communityB1]]);
    const list = (await staff.get('/api/v1/centers')).body;
    expect(list.length).toBeGreaterThan(0);
    for (const c of list) expect(c.communityId).toBe(tree.communityB1.id);
  });

  it('refuses a negative area', async () => {
    const sec = await signedIn(ctx, [['community_secretary', tree.communityA1]]);
    expect((await sec.post('/api/v1/centers', { communityId: tree.communityA1.id, name: 'x', areaM2: -5 })).status).toBe(400);
  });
});
