import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTree, signedIn, type TestContext, type TestTree } from '../../test/harness';

let ctx: TestContext;
let tree: TestTree;
beforeAll(async () => {
  ctx = await createTestApp();
  tree = await createTree(ctx.database);
});
afterAll(() => ctx.close());

describe('partner units (共驻共建单位)', () => {
  it('community staff register a unit, edit it with its version, and list it; names are unique per community', async () => {
    const staff = await signedIn(ctx, [['community_staff', tree.communityA1]]);
    const created = await staff.post('/api/v1/partner-units', { communityId: tree.communityA1.id, name: '市疾控中心', kind: 'public_institution', partyOrgName: '市疾控中心党总支' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ communityName: tree.communityA1.name, status: 'active', version: 1 });
    expect((await staff.post('/api/v1/partner-units', { communityId: tree.communityA1.id, name: '市疾控中心', kind: 'other' })).status).toBe(409);
    const edited = await staff.patch(`/api/v1/partner-units/${created.body.id}`, { version: 1, contactName: '张红' });
    expect(edited.body.contactName).toBe('张红');
    expect((await staff.patch(`/api/v1/partner-units/${created.body.id}`, { version: 1, contactName: '李四' })).status).toBe(409);
    expect((await staff.get('/api/v1/partner-units?q=疾控')).body.map((u: { id: string }) => u.id)).toEqual([created.body.id]);
  });

  it('another community’s staff neither see nor edit it (404); residents cannot register units (403)', async () => {
    const a = await signedIn(ctx, [['community_staff', tree.communityA1]]);
    const unit = (await a.post('/api/v1/partner-units', { communityId: tree.communityA1.id, name: '甲社区共建单位', kind: 'enterprise' })).body;
    const b = await signedIn(ctx, [['community_staff', tree.communityB1]]);
    expect((await b.get(`/api/v1/partner-units/${unit.id}`)).status).toBe(404);
    expect((await b.patch(`/api/v1/partner-units/${unit.id}`, { version: 1, name: 'x' })).status).toBe(404);
    expect((await b.post('/api/v1/partner-units', { communityId: tree.communityA1.id, name: '越界', kind: 'other' })).status).toBe(404);
    const resident = await signedIn(ctx, [['resident', tree.communityA1]]);
    expect((await resident.post('/api/v1/partner-units', { communityId: tree.communityA1.id, name: 'x', kind: 'other' })).status).toBe(403);
    expect((await resident.get('/api/v1/partner-units')).status).toBe(200);
  });

  it('refuses an unknown kind', async () => {
    const staff = await signedIn(ctx, [['community_staff', tree.communityA1]]);
    expect((await staff.post('/api/v1/partner-units', { communityId: tree.communityA1.id, name: 'y', kind: 'alien' })).status).toBe(400);
  });
});
