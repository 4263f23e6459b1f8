import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createTestApp, createTree, createUser, login, signedIn, TEST_PASSWORD, type TestContext, type TestTree } from '../../test/harness';
import { cookieOf, enrollMfa, signInWithMfa, totp } from './security.testing';

let ctx: TestContext;
let tree: TestTree;
beforeAll(async () => {
  // Many sign-ins from one test address: the per-IP limit is tested in auth.test.ts.
  ctx = await createTestApp({ config: { loginRateLimit: 10_000 } });
  tree = await createTree(ctx.database);
});
afterAll(() => ctx.close());

const firstStep = (username: string) => client(ctx.app).post('/api/v1/auth/login', { username, password: TEST_PASSWORD });

describe('enrolling a second factor', () => {
  it('a staff member scans the QR code, proves it with a code, gets ten recovery codes and a new session', async () => {
    const c = await signedIn(ctx, [['community_staff', tree.communityA1]]);
    const started = await c.post('/api/v1/me/mfa/enrollment');
    expect(started.status).toBe(200);
    expect(started.body.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(started.body.otpauthUri).toContain(`otpauth://totp/`);
    expect((await c.get('/api/v1/me/mfa')).body).toMatchObject({ enabled: false, pending: true });

    const wrong = await c.post('/api/v1/me/mfa/enrollment/confirm', { code: '000000' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details[0]).toMatchObject({ field: 'body.code', code: 'mfa_code_wrong' });

    const ok = await c.post('/api/v1/me/mfa/enrollment/confirm', { code: await totp(started.body.secret) });
    expect(ok.status).toBe(200);
    expect(ok.body.recoveryCodes).toHaveLength(10);
    expect(new Set(ok.body.recoveryCodes).size).toBe(10);
    // Turning MFA on ends the old session; the answer carries a new one.
    expect((await c.get('/api/v1/me')).status).toBe(401);
    const fresh = client(ctx.app, cookieOf(ok));
    expect((await fresh.get('/api/v1/me/mfa')).body).toMatchObject({ enabled: true, pending: false, recoveryCodesLeft: 10 });
    expect((await fresh.get('/api/v1/me')).body.mfa).toEqual({ enabled: true, required: false });
    expect((await fresh.post('/api/v1/me/mfa/enrollment')).status).toBe(409);
  });

  it('stores the secret encrypted and the recovery codes only as hashes', async () => {
    const c = await signedIn(ctx, [['community_staff', tree.communityA1]]);
    const { secret, recoveryCodes } = await enrollMfa(ctx.app, c);
    const [factor] = await ctx.database.query<{ secret_enc: string }>('SELECT secret_enc FROM mfa_factor WHERE account_id = $1', [c.user.id]);
    expect(factor!.secret_enc).not.toContain(secret);
    const stored = await ctx.database.query<{ code_hash: string }>('SELECT code_hash FROM mfa_recovery_code WHERE account_id = $1', [c.user.id]);
    expect(stored).toHaveLength(10);
    const all = JSON.stringify(stored);
    for (const code of recoveryCodes) {
      expect(all).not.toContain(code);
      expect(all).not.toContain(code.replace(/-/g, ''));
    }
  });
});

describe('signing in with a second factor', () => {
  it('the password step answers with a challenge and no session; the code step opens the session', async () => {
    const c = await signedIn(ctx, [['community_staff', tree.communityA1]]);
    const { secret } = await enrollMfa(ctx.app, c);
    const first = await firstStep(c.user.username);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ mfaRequired: true });
    expect(first.body.challenge.length).toBeGreaterThan(30);
    expect(cookieOf(first)).toBeNull();
    const second = await client(ctx.app).post('/api/v1/auth/login/mfa', { challenge: first.body.challenge, code: await totp(secret, 1) });
    expect(second.status).toBe(200);
    expect(second.body.username).toBe(c.user.username);
    expect((await client(ctx.app, cookieOf(second)).get('/api/v1/me')).status).toBe(200);
    // Single use: the same challenge again is dead.
    const again = await client(ctx.app).post('/api/v1/auth/login/mfa', { challenge: first.body.challenge, code: await totp(secret, 1) });
    expect(again.status).toBe(401);
    expect(again.body.error.code).toBe('mfa_challenge_expired');
  });

  it('a code cannot be used twice (replay), even with a fresh challenge', async () => {
    const c = await signedIn(ctx, [['community_staff', tree.communityA1]]);
    const { secret } = await enrollMfa(ctx.app, c);
    const code = await totp(secret, 1);
    await signInWithMfa(ctx.app, c.user.username, secret, code);
    const first = await firstStep(c.user.username);
    const replay = await client(ctx.app).post('/api/v1/auth/login/mfa', { challenge: first.body.challenge, code });
    expect(replay.status).toBe(401);
    expect(replay.body.error.code).toBe('invalid_mfa_code');
  });

  it('two sign-ins racing with one code: exactly one gets a session', async () => {
    const c = await signedIn(ctx, [['community_staff', tree.communityA1]]);
    const { secret } = await enrollMfa(ctx.app, c);
    const challenges = await Promise.all([1, 2, 3, 4].map(() => firstStep(c.user.username)));
    const code = await totp(secret, 1);
    const results = await Promise.all(challenges.map((ch) => client(ctx.app).post('/api/v1/auth/login/mfa', { challenge: ch.body.challenge, code })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 401, 401, 401]);
  });

  it('an expired challenge is refused', async () => {
    const c = await signedIn(ctx, [['community_staff', tree.communityA1]]);
    const { secret } = await enrollMfa(ctx.app, c);
    const first = await firstStep(c.user.username);
    await ctx.database.query(`UPDATE mfa_challenge SET expires_at = now() - interval '1 second' WHERE account_id = $1`, [c.user.id]);
    const res = await client(ctx.app).post('/api/v1/auth/login/mfa', { challenge: first.body.challenge, code: await totp(secret, 1) });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('mfa_challenge_expired');
  });

  it('a recovery code signs in once, then never again', async () => {
    const c = await signedIn(ctx, [['community_staff', tree.communityA1]]);
    const { secret, recoveryCodes } = await enrollMfa(ctx.app, c);
    const code = recoveryCodes[3]!.toUpperCase();
    const session = await signInWithMfa(ctx.app, c.user.username, secret, code);
    expect((await session.get('/api/v1/me/mfa')).body.recoveryCodesLeft).toBe(9);
    const first = await firstStep(c.user.username);
    const again = await client(ctx.app).post('/api/v1/auth/login/mfa', { challenge: first.body.challenge, code });
    expect(again.status).toBe(401);
    expect(again.body.error.code).toBe('invalid_mfa_code');
  });

  it('wrong codes count towards the lockout: after five, even the right code is refused (423)', async () => {
    const c = await signedIn(ctx, [['community_staff', tree.communityA1]]);
    const { secret } = await enrollMfa(ctx.app, c);
    for (let i = 0; i < 5; i++) {
      const first = await firstStep(c.user.username);
      const res = await client(ctx.app).post('/api/v1/auth/login/mfa', { challenge: first.body.challenge, code: String(100000 + i) });
      expect(res.status).toBe(401);
    }
    const locked = await firstStep(c.user.username);
    expect(locked.status).toBe(423);
    expect(locked.body.error.code).toBe('account_locked');
    const [row] = await ctx.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action = 'auth.account_locked'`, [c.user.id]);
    expect(row!.n).toBe(1);
    void secret;
  });

  it('one challenge allows five attempts, then is dead', async () => {
    const c = await signedIn(ctx, [['community_staff', tree.communityA1]]);
    const { secret } = await enrollMfa(ctx.app, c);
    await ctx.database.query('UPDATE account SET failed_logins = -100 WHERE id = $1', [c.user.id]); // keep the account lock out of this test
    const first = await firstStep(c.user.username);
    for (let i = 0; i < 5; i++) await client(ctx.app).post('/api/v1/auth/login/mfa', { challenge: first.body.challenge, code: String(200000 + i) });
    const res = await client(ctx.app).post('/api/v1/auth/login/mfa', { challenge: first.body.challenge, code: await totp(secret, 1) });
    expect(res.body.error.code).toBe('mfa_challenge_expired');
  });
});

describe('changing the second factor', () => {
  it('new recovery codes and turning MFA off need a fresh code', async () => {
    const c = await signedIn(ctx, [['resident', tree.communityA1]]);
    const { secret, recoveryCodes, client: s } = await enrollMfa(ctx.app, c);
    expect((await s.post('/api/v1/me/mfa/recovery-codes', { code: '123456' })).status).toBe(400);
    const renewed = await s.post('/api/v1/me/mfa/recovery-codes', { code: await totp(secret, 1) });
    expect(renewed.status).toBe(200);
    expect(renewed.body.recoveryCodes).not.toContain(recoveryCodes[0]);
    expect((await s.post('/api/v1/me/mfa/disable', { code: await totp(secret, 1) })).status).toBe(400); // replay of the last code
    expect((await s.post('/api/v1/me/mfa/disable', { code: await totp(secret, -1) })).status).toBe(400); // older than the last one
    await ctx.database.query('UPDATE mfa_factor SET last_time_step = last_time_step - 10 WHERE account_id = $1', [c.user.id]);
    expect((await s.post('/api/v1/me/mfa/disable', { code: await totp(secret) })).status).toBe(200);
    expect((await s.get('/api/v1/me/mfa')).body.enabled).toBe(false);
    expect((await firstStep(c.user.username)).body.mfaRequired).toBeUndefined();
  });

  it('the security admin resets a lost factor; nobody else may', async () => {
    const c = await signedIn(ctx, [['community_staff', tree.communityA1]]);
    const { client: s } = await enrollMfa(ctx.app, c);
    const sys = await signedIn(ctx, [['sys_admin', tree.district]]);
    expect((await sys.post(`/api/v1/security/accounts/${c.user.id}/mfa/reset`)).status).toBe(403);
    const otherDistrict = await createTree(ctx.database);
    const farSec = await signedIn(ctx, [['security_admin', otherDistrict.district]]);
    expect((await farSec.post(`/api/v1/security/accounts/${c.user.id}/mfa/reset`)).status).toBe(404);
    const sec = await signedIn(ctx, [['security_admin', tree.district]]);
    expect((await sec.post(`/api/v1/security/accounts/${c.user.id}/mfa/reset`)).status).toBe(200);
    expect((await s.get('/api/v1/me')).status).toBe(401); // sessions ended
    expect((await firstStep(c.user.username)).body.mfaRequired).toBeUndefined();
    expect((await sec.post(`/api/v1/security/accounts/${c.user.id}/mfa/reset`)).status).toBe(409);
  });
});

describe('MFA required (production)', () => {
  let prod: TestContext;
  beforeAll(async () => {
    prod = await createTestApp({ config: { mfaRequired: true, adminPasswordMaxAgeDays: 90, loginRateLimit: 10_000 } });
  });
  afterAll(() => prod.close());

  it.each([
    ['community_staff', 'reveals resident data'],
    ['street_staff', 'exports'],
    ['sys_admin', 'administers'],
    ['security_admin', 'hands out roles'],
    ['audit_admin', 'is an admin'],
  ] as const)('%s (%s) without MFA gets a session that can only enroll', async (role, _why) => {
    const t = await createTree(prod.database);
    const c = await signedIn(prod, [[role, role.endsWith('admin') ? t.district : role === 'street_staff' ? t.streetA : t.communityA1]]);
    const me = await c.get('/api/v1/me');
    expect(me.body).toMatchObject({ restriction: 'mfa_enrollment', mfa: { enabled: false, required: true } });
    const blocked = await c.get(`/api/v1/orgs/${t.communityA1.id}`);
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe('mfa_enrollment_required');
    const { client: full } = await enrollMfa(prod.app, c);
    expect((await full.get('/api/v1/me')).body.restriction).toBeNull();
    const off = await full.post('/api/v1/me/mfa/disable', { code: '123456' });
    expect(off.status).toBe(409);
    expect(off.body.error.code).toBe('mfa_required_for_role');
  });

  it('a resident is not required to use MFA', async () => {
    const t = await createTree(prod.database);
    const c = await signedIn(prod, [['resident', t.communityA1]]);
    expect((await c.get('/api/v1/me')).body).toMatchObject({ restriction: null, mfa: { required: false } });
    expect((await c.get(`/api/v1/orgs/${t.communityA1.id}`)).status).toBe(200);
  });

  it('an admin whose password is older than the limit must change it first', async () => {
    const t = await createTree(prod.database);
    const user = await createUser(prod.database, [['sys_admin', t.district]]);
    await prod.database.query(`UPDATE account SET password_changed_at = now() - interval '91 days' WHERE id = $1`, [user.id]);
    const c = await login(prod.app, user.username);
    expect((await c.get('/api/v1/me')).body.restriction).toBe('password_change');
    const blocked = await c.get(`/api/v1/orgs/${t.communityA1.id}`);
    expect(blocked.body.error.code).toBe('password_expired');
    const weak = await c.post('/api/v1/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.error.details[0]).toMatchObject({ field: 'body.newPassword', code: 'password_too_short' });
    const same = await c.post('/api/v1/me/password', { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD });
    expect(same.body.error.details[0].code).toBe('password_unchanged');
    const wrong = await c.post('/api/v1/me/password', { currentPassword: 'Wrong-Passw0rd!', newPassword: 'Brand-New-2026!' });
    expect(wrong.body.error.details[0].code).toBe('current_password_wrong');
    const changed = await c.post('/api/v1/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'Brand-New-2026!' });
    expect(changed.status).toBe(200);
    expect((await c.get('/api/v1/me')).status).toBe(401); // every old session ended
    const fresh = client(prod.app, cookieOf(changed));
    // Password done; the admin still needs MFA next.
    expect((await fresh.get('/api/v1/me')).body.restriction).toBe('mfa_enrollment');
  });
});
