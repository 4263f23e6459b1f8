import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { account, session } from '../../platform/db/tables/auth';
import { auditLog } from '../../platform/db/tables/audit';
import { client, createTestApp, createTree, createUser, login, TEST_PASSWORD, type TestContext, type TestTree } from '../../test/harness';

let ctx: TestContext;
let tree: TestTree;
beforeAll(async () => {
  ctx = await createTestApp();
  tree = await createTree(ctx.database);
});
afterAll(() => ctx.close());

describe('signing in', () => {
  it('a staff member signs in and /me shows roles with org names and permissions', async () => {
    const user = await createUser(ctx.database, [['community_secretary', tree.communityA1]]);
    const res = await client(ctx.app).post('/api/v1/auth/login', { username: user.username, password: TEST_PASSWORD });
    expect(res.status).toBe(200);
    const cookie = String([res.headers['set-cookie']].flat()[0]);
    expect(cookie).toMatch(/tongxin_sid=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    const me = await (await login(ctx.app, user.username)).get('/api/v1/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: user.id, username: user.username, roles: [{ role: 'community_secretary', orgId: tree.communityA1.id, orgName: tree.communityA1.name }] });
    expect(me.body.permissions).toContain('org.read');
  });

  it('usernames are case-insensitive', async () => {
    const user = await createUser(ctx.database, [['community_staff', tree.communityA1]]);
    const res = await client(ctx.app).post('/api/v1/auth/login', { username: user.username.toUpperCase(), password: TEST_PASSWORD });
    expect(res.status).toBe(200);
  });

  it('unknown user and wrong password get the same answer', async () => {
    const user = await createUser(ctx.database, [['community_staff', tree.communityA1]]);
    const wrong = await client(ctx.app).post('/api/v1/auth/login', { username: user.username, password: 'nope' });
    const unknown = await client(ctx.app).post('/api/v1/auth/login', { username: 'no_such_user', password: 'nope' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error.code).toBe('invalid_credentials');
  });

  it('five wrong passwords lock the account: the right one is refused with 423 until unlocked', async () => {
    const user = await createUser(ctx.database, [['community_staff', tree.communityA1]]);
    for (let i = 0; i < 5; i++) {
      expect((await client(ctx.app).post('/api/v1/auth/login', { username: user.username, password: `bad${i}` })).status).toBe(401);
    }
    const locked = await client(ctx.app).post('/api/v1/auth/login', { username: user.username, password: TEST_PASSWORD });
    expect(locked.status).toBe(423);
    expect(locked.body.error.code).toBe('account_locked');
    const sec = await createUser(ctx.database, [['security_admin', tree.district]]);
    const secClient = await login(ctx.app, sec.username);
    expect((await secClient.post(`/api/v1/accounts/${user.id}/unlock`)).status).toBe(200);
    expect((await client(ctx.app).post('/api/v1/auth/login', { username: user.username, password: TEST_PASSWORD })).status).toBe(200);
    const actions = (await ctx.database.db.select().from(auditLog).where(eq(auditLog.entityId, user.id))).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['auth.login_failed', 'auth.account_locked', 'auth.login_refused_locked', 'account.unlock', 'auth.login']));
  });

  it('too many sign-in attempts from one address within a minute → 429, whatever the account', async () => {
    const { buildApp } = await import('../../app');
    const limited = await buildApp({ config: { ...ctx.config, loginRateLimit: 5 }, database: ctx.database, startJobs: false, crypto: ctx.app.ctx.crypto });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await client(limited).post('/api/v1/auth/login', { username: `nobody${i}`, password: 'x' })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    const refused = await client(limited).post('/api/v1/auth/login', { username: 'nobody', password: 'x' });
    expect(refused.body.error.code).toBe('rate_limited');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // The second step has the same limit: guessing codes is no way around it.
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) codes.push((await client(limited).post('/api/v1/auth/login/mfa', { challenge: 'x'.repeat(43), code: '123456' })).status);
    expect(codes).toEqual([401, 401, 401, 401, 401, 429]);
    await limited.close();
  });

  it('the lock lifts by itself after its time', async () => {
    const user = await createUser(ctx.database, [['community_staff', tree.communityA1]]);
    await ctx.database.db.update(account).set({ lockedUntil: new Date(Date.now() - 1000) }).where(eq(account.id, user.id));
    expect((await client(ctx.app).post('/api/v1/auth/login', { username: user.username, password: TEST_PASSWORD })).status).toBe(200);
  });

  it('a disabled account cannot sign in', async () => {
    const user = await createUser(ctx.database, [['community_staff', tree.communityA1]]);
    await ctx.database.db.update(account).set({ status: 'disabled' }).where(eq(account.id, user.id));
    expect((await client(ctx.app).post('/api/v1/auth/login', { username: user.username, password: TEST_PASSWORD })).status).toBe(401);
  });

  it('demo accounts are refused in production', async () => {
    const user = await createUser(ctx.database, [['community_staff', tree.communityA1]]);
    await ctx.database.db.update(account).set({ isDemo: true }).where(eq(account.id, user.id));
    const { buildApp } = await import('../../app');
    const prod = await buildApp({ config: { ...ctx.config, production: true }, database: ctx.database, startJobs: false, crypto: ctx.app.ctx.crypto });
    const res = await client(prod).post('/api/v1/auth/login', { username: user.username, password: TEST_PASSWORD });
    expect(res.status).toBe(401);
    await prod.close();
  });
});

describe('sessions', () => {
  it('/me without a session → 401 unauthenticated', async () => {
    const res = await client(ctx.app).get('/api/v1/me');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthenticated');
  });

  it('signing out ends the session server-side', async () => {
    const user = await createUser(ctx.database, [['community_staff', tree.communityA1]]);
    const c = await login(ctx.app, user.username);
    expect((await c.post('/api/v1/auth/logout')).status).toBe(200);
    const after = await c.get('/api/v1/me');
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('session_expired');
  });

  it('a session idle for longer than the idle timeout has expired', async () => {
    const user = await createUser(ctx.database, [['community_staff', tree.communityA1]]);
    const c = await login(ctx.app, user.username);
    await ctx.database.db.update(session).set({ lastSeenAt: sql`now() - interval '31 minutes'` }).where(eq(session.accountId, user.id));
    expect((await c.get('/api/v1/me')).status).toBe(401);
  });

  it('a session older than the absolute limit has expired, however active', async () => {
    const user = await createUser(ctx.database, [['community_staff', tree.communityA1]]);
    const c = await login(ctx.app, user.username);
    await ctx.database.db.update(session).set({ expiresAt: new Date(Date.now() - 1) }).where(eq(session.accountId, user.id));
    expect((await c.get('/api/v1/me')).status).toBe(401);
  });

  it('the database stores only a hash of the session token', async () => {
    const user = await createUser(ctx.database, [['community_staff', tree.communityA1]]);
    const c = await login(ctx.app, user.username);
    const token = c.cookie!.split('=')[1]!;
    const rows = await ctx.database.db.select().from(session).where(eq(session.accountId, user.id));
    expect(rows.map((r) => r.id)).not.toContain(token);
  });

  it('lists active sessions and signs out everywhere', async () => {
    const user = await createUser(ctx.database, [['community_staff', tree.communityA1]]);
    const phone = await login(ctx.app, user.username);
    const desk = await login(ctx.app, user.username);
    const list = await desk.get('/api/v1/me/sessions');
    expect(list.body).toHaveLength(2);
    expect(list.body.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    const out = await desk.post('/api/v1/me/sessions/sign-out-everywhere');
    expect(out.body.revoked).toBe(2);
    expect((await phone.get('/api/v1/me')).status).toBe(401);
    expect((await desk.get('/api/v1/me')).status).toBe(401);
  });

  it('revokes one other session, and not someone else’s', async () => {
    const user = await createUser(ctx.database, [['community_staff', tree.communityA1]]);
    const other = await createUser(ctx.database, [['community_staff', tree.communityA1]]);
    const phone = await login(ctx.app, user.username);
    const desk = await login(ctx.app, user.username);
    const otherClient = await login(ctx.app, other.username);
    const phoneSession = (await desk.get('/api/v1/me/sessions')).body.find((s: { current: boolean }) => !s.current);
    expect((await otherClient.delete(`/api/v1/me/sessions/${phoneSession.id}`)).status).toBe(404);
    expect((await desk.delete(`/api/v1/me/sessions/${phoneSession.id}`)).status).toBe(200);
    expect((await phone.get('/api/v1/me')).status).toBe(401);
    expect((await desk.get('/api/v1/me')).status).toBe(200);
  });
});

describe('preferences', () => {
  it('elderly mode and language persist per user', async () => {
    const user = await createUser(ctx.database, [['resident', tree.communityA1]]);
    const c = await login(ctx.app, user.username);
    expect((await c.patch('/api/v1/me/preferences', { elderlyMode: true })).body).toEqual({ elderlyMode: true });
    expect((await c.patch('/api/v1/me/preferences', { language: 'en-US' })).body).toEqual({ elderlyMode: true, language: 'en-US' });
    const again = await login(ctx.app, user.username);
    expect((await again.get('/api/v1/me')).body.preferences).toEqual({ elderlyMode: true, language: 'en-US' });
    expect((await c.patch('/api/v1/me/preferences', { fontSize: 30 })).status).toBe(400);
  });
});
