import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/db/tables/audit';
import { client, createTestApp, createTree, createUser, login, signedIn, type TestContext, type TestTree } from '../../test/harness';

let ctx: TestContext;
let tree: TestTree;
beforeAll(async () => {
  ctx = await createTestApp();
  tree = await createTree(ctx.database);
});
afterAll(() => ctx.close());

describe('creating accounts (system admin)', () => {
  it('creates an account that can sign in once given a role; the password is not in the audit log', async () => {
    const sys = await signedIn(ctx, [['sys_admin', tree.district]]);
    const res = await sys.post('/api/v1/accounts', { username: 'Wang.Li', displayName: '王丽', password: 'Blue-Lantern-42' });
    expect(res.status).toBe(201);
    expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
    const got = await sys.get(`/api/v1/accounts/${res.body.id}`);
    expect(got.body).toMatchObject({ username: 'wang.li', displayName: '王丽', status: 'active', roles: [] });
    const audit = await ctx.database.db.select().from(auditLog).where(eq(auditLog.entityId, res.body.id));
    expect(JSON.stringify(audit)).not.toContain('Blue-Lantern-42');
    expect((await client(ctx.app).post('/api/v1/auth/login', { username: 'wang.li', password: 'Blue-Lantern-42' })).status).toBe(200);
  });

  it('refuses a weak password naming the rule, and a taken username', async () => {
    const sys = await signedIn(ctx, [['sys_admin', tree.district]]);
    const weak = await sys.post('/api/v1/accounts', { username: 'weakling', displayName: 'x', password: 'Password@2026' });
    expect(weak.status).toBe(400);
    expect(weak.body.error.details[0]).toMatchObject({ field: 'body.password', code: 'password_too_common', message: '密码过于常见，请换一个' });
    await sys.post('/api/v1/accounts', { username: 'twice', displayName: 'x', password: 'Blue-Lantern-42' });
    const dup = await sys.post('/api/v1/accounts', { username: 'TWICE', displayName: 'x', password: 'Blue-Lantern-42' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('already_exists');
  });

  it('refuses a malformed username', async () => {
    const sys = await signedIn(ctx, [['sys_admin', tree.district]]);
    const res = await sys.post('/api/v1/accounts', { username: '张三', displayName: 'x', password: 'Blue-Lantern-42' });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].code).toBe('username_format');
  });

  it.each(['security_admin', 'audit_admin', 'community_secretary', 'grid_worker', 'resident'] as const)('%s cannot create accounts (403)', async (role) => {
    const c = await signedIn(ctx, [[role, role.endsWith('admin') ? tree.district : tree.communityA1]]);
    expect((await c.post('/api/v1/accounts', { username: `x_${role}`, displayName: 'x', password: 'Blue-Lantern-42' })).status).toBe(403);
  });

  it('disabling an account ends its sessions; stale versions are refused', async () => {
    const sys = await signedIn(ctx, [['sys_admin', tree.district]]);
    const target = await createUser(ctx.database, [['community_staff', tree.communityA1]]);
    const targetClient = await login(ctx.app, target.username);
    const before = (await sys.get(`/api/v1/accounts/${target.id}`)).body;
    const res = await sys.patch(`/api/v1/accounts/${target.id}`, { version: before.version, status: 'disabled' });
    expect(res.status).toBe(200);
    expect((await targetClient.get('/api/v1/me')).status).toBe(401);
    expect((await sys.patch(`/api/v1/accounts/${target.id}`, { version: before.version, displayName: 'y' })).status).toBe(409);
  });
});

describe('role assignments (security admin) and 三员分立', () => {
  it('the security admin gives a role; the account then has it', async () => {
    const sec = await signedIn(ctx, [['security_admin', tree.district]]);
    const target = await createUser(ctx.database, []);
    const res = await sec.post(`/api/v1/accounts/${target.id}/role-assignments`, { role: 'community_staff', orgId: tree.communityA1.id });
    expect(res.status).toBe(201);
    const me = await (await login(ctx.app, target.username)).get('/api/v1/me');
    expect(me.body.roles).toEqual([expect.objectContaining({ role: 'community_staff', orgId: tree.communityA1.id })]);
  });

  it('two of the three admin roles in one account → 409 separation_of_duties', async () => {
    const sec = await signedIn(ctx, [['security_admin', tree.district]]);
    const target = await createUser(ctx.database, [['sys_admin', tree.district]]);
    const res = await sec.post(`/api/v1/accounts/${target.id}/role-assignments`, { role: 'audit_admin', orgId: tree.district.id });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('separation_of_duties');
    const self = await sec.post(`/api/v1/accounts/${sec.user.id}/role-assignments`, { role: 'sys_admin', orgId: tree.district.id });
    expect(self.body.error.code).toBe('separation_of_duties');
  });

  it('an admin role cannot be combined with a role that reads resident data', async () => {
    const sec = await signedIn(ctx, [['security_admin', tree.district]]);
    const staff = await createUser(ctx.database, [['community_staff', tree.communityA1]]);
    expect((await sec.post(`/api/v1/accounts/${staff.id}/role-assignments`, { role: 'sys_admin', orgId: tree.district.id })).body.error.code).toBe('separation_of_duties');
    const auditor = await createUser(ctx.database, [['audit_admin', tree.district]]);
    expect((await sec.post(`/api/v1/accounts/${auditor.id}/role-assignments`, { role: 'community_staff', orgId: tree.communityA1.id })).body.error.code).toBe('separation_of_duties');
  });

  it('two admin roles assigned at the same moment: exactly one succeeds', async () => {
    const sec = await signedIn(ctx, [['security_admin', tree.district]]);
    const target = await createUser(ctx.database, []);
    const results = await Promise.all(
      (['sys_admin', 'audit_admin', 'security_admin'] as const).map((role) => sec.post(`/api/v1/accounts/${target.id}/role-assignments`, { role, orgId: tree.district.id })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
  });

  it('a role change ends the account’s sessions (new rights need a new sign-in)', async () => {
    const sec = await signedIn(ctx, [['security_admin', tree.district]]);
    const target = await createUser(ctx.database, [['community_staff', tree.communityA1]]);
    const c = await login(ctx.app, target.username);
    await sec.post(`/api/v1/accounts/${target.id}/role-assignments`, { role: 'grid_worker', orgId: tree.communityA2.id });
    expect((await c.get('/api/v1/me')).status).toBe(401);
  });

  it('removes an assignment', async () => {
    const sec = await signedIn(ctx, [['security_admin', tree.district]]);
    const target = await createUser(ctx.database, [['community_staff', tree.communityA1]]);
    const acc = (await sec.get(`/api/v1/accounts/${target.id}`)).body;
    expect((await sec.delete(`/api/v1/accounts/${target.id}/role-assignments/${acc.roles[0].id}`)).status).toBe(200);
    expect((await sec.get(`/api/v1/accounts/${target.id}`)).body.roles).toEqual([]);
  });

  it('the system admin cannot assign roles (403); an org outside the security admin’s subtree → 404', async () => {
    const sys = await signedIn(ctx, [['sys_admin', tree.district]]);
    const target = await createUser(ctx.database, []);
    expect((await sys.post(`/api/v1/accounts/${target.id}/role-assignments`, { role: 'community_staff', orgId: tree.communityA1.id })).status).toBe(403);
    const streetSec = await signedIn(ctx, [['security_admin', tree.streetA]]);
    const res = await streetSec.post(`/api/v1/accounts/${target.id}/role-assignments`, { role: 'community_staff', orgId: tree.communityB1.id });
    expect(res.status).toBe(404);
  });

  it('an unknown role is refused by the schema', async () => {
    const sec = await signedIn(ctx, [['security_admin', tree.district]]);
    const target = await createUser(ctx.database, []);
    expect((await sec.post(`/api/v1/accounts/${target.id}/role-assignments`, { role: 'god', orgId: tree.district.id })).status).toBe(400);
  });
});

describe('who sees which accounts', () => {
  it('the audit admin cannot list accounts; a street-level admin sees only accounts of its street', async () => {
    const auditor = await signedIn(ctx, [['audit_admin', tree.district]]);
    expect((await auditor.get('/api/v1/accounts')).status).toBe(403);
    const inB = await createUser(ctx.database, [['community_staff', tree.communityB1]]);
    const inA = await createUser(ctx.database, [['community_staff', tree.communityA1]]);
    const streetSec = await signedIn(ctx, [['security_admin', tree.streetA]]);
    const ids = (await streetSec.get('/api/v1/accounts?limit=200')).body.items.map((a: { id: string }) => a.id);
    expect(ids).toContain(inA.id);
    expect(ids).not.toContain(inB.id);
    expect((await streetSec.get(`/api/v1/accounts/${inB.id}`)).status).toBe(404);
  });

  it('lists are keyset-paginated with a hard maximum page size', async () => {
    const sys = await signedIn(ctx, [['sys_admin', tree.district]]);
    for (let i = 0; i < 5; i++) await createUser(ctx.database, [['community_staff', tree.communityA1]], `page_${i}`);
    const first = await sys.get('/api/v1/accounts?limit=2&q=page_');
    expect(first.body.items.map((a: { username: string }) => a.username)).toEqual(['page_0', 'page_1']);
    const second = await sys.get(`/api/v1/accounts?limit=2&q=page_&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((a: { username: string }) => a.username)).toEqual(['page_2', 'page_3']);
    expect((await sys.get('/api/v1/accounts?limit=201')).status).toBe(400);
    expect((await sys.get('/api/v1/accounts?cursor=garbage')).status).toBe(400);
  });
});
