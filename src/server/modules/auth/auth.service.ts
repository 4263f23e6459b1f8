/**
 * Signing in and out. Unknown user and wrong password get the same answer after the same work;
 * five failures lock the account for fifteen minutes (423 account_locked, even with the right
 * password); demo accounts are refused in production. Every sign-in, failure and sign-out is audited.
 */
import type { AppContext } from '../../context';
import { allPermissions, type Actor } from '../../platform/auth/actor';
import { verifyPassword } from '../../platform/auth/password';
import { createSession, loadSession, revokeAccountSessions, revokeSession } from '../../platform/auth/sessions';
import { AppError } from '../../platform/errors';
import { LOCKOUT_MINUTES, LOCKOUT_THRESHOLD } from './auth.policy';
import { authRepository as repo } from './auth.repository';
import type { MeView, Preferences } from './auth.schemas';

export interface LoginMeta {
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

export function createAuthService(ctx: AppContext) {
  const { db, audit, config } = ctx;
  const policy = { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours };

  const anonymous = (meta: LoginMeta, username: string): Actor => ({
    kind: 'account',
    accountId: null,
    username: username.slice(0, 64),
    displayName: username.slice(0, 64),
    sessionId: null,
    residentId: null,
    grants: [],
    ip: meta.ip,
    requestId: meta.requestId,
  });

  return {
    policy,

    async login(username: string, password: string, meta: LoginMeta): Promise<{ token: string; expiresAt: Date; me: MeView }> {
      const found = await repo.findByUsername(db, username);
      const ok = await verifyPassword(found?.passwordHash ?? null, password);
      if (!found || found.status !== 'active' || (found.isDemo && config.production)) {
        await audit.recordNow(anonymous(meta, username), { action: 'auth.login_failed', entity: 'account', entityId: found?.id ?? null, changes: { reason: found ? 'inactive' : 'unknown_user' } });
        throw new AppError('invalid_credentials');
      }
      const actor = { ...anonymous(meta, found.username), accountId: found.id };
      if (found.lockedUntil && found.lockedUntil.getTime() > Date.now()) {
        await audit.recordNow(actor, { action: 'auth.login_refused_locked', entity: 'account', entityId: found.id });
        throw new AppError('account_locked', { lockedUntil: found.lockedUntil.toISOString() });
      }
      if (!ok) {
        const state = await repo.recordFailure(db, found.id, LOCKOUT_THRESHOLD, LOCKOUT_MINUTES);
        const locked = !!state?.lockedUntil && state.lockedUntil.getTime() > Date.now();
        await audit.recordNow(actor, { action: locked ? 'auth.account_locked' : 'auth.login_failed', entity: 'account', entityId: found.id, changes: { reason: 'wrong_password' } });
        throw new AppError('invalid_credentials');
      }
      const created = await db.transaction(async (tx) => {
        await repo.recordSuccess(tx, found.id);
        const session = await createSession(tx, found.id, policy, meta);
        await audit.record(tx, { ...actor, sessionId: session.id }, { action: 'auth.login', entity: 'account', entityId: found.id });
        return session;
      });
      // Resolve the new session exactly as the next request will.
      const fresh = await loadSession(db, created.token, policy);
      if (fresh.state !== 'active') throw new AppError('unauthenticated');
      const me = await this.me({ ...fresh.actor, ip: meta.ip, requestId: meta.requestId });
      return { token: created.token, expiresAt: created.expiresAt, me };
    },

    async logout(actor: Actor): Promise<void> {
      if (!actor.sessionId) return;
      await db.transaction(async (tx) => {
        await revokeSession(tx, actor.sessionId!);
        await audit.record(tx, actor, { action: 'auth.logout', entity: 'account', entityId: actor.accountId });
      });
    },

    async me(actor: Actor): Promise<MeView> {
      const row = await repo.findById(db, actor.accountId!);
      if (!row) throw new AppError('unauthenticated');
      return {
        id: row.id,
        username: row.username,
        displayName: row.displayName,
        residentId: row.residentId,
        roles: actor.grants.map((g) => ({ role: g.role, orgId: g.orgId, orgName: g.orgName, orgKind: g.orgKind })),
        permissions: allPermissions(actor),
        preferences: row.preferences as Preferences,
      };
    },

    async setPreferences(actor: Actor, prefs: Preferences): Promise<Preferences> {
      return (await repo.setPreferences(db, actor.accountId!, prefs)) as Preferences;
    },

    async sessions(actor: Actor) {
      const list = await repo.listActiveSessions(db, actor.accountId!);
      return list.map((s) => ({ id: s.id, current: s.id === actor.sessionId, createdAt: s.createdAt, lastSeenAt: s.lastSeenAt, expiresAt: s.expiresAt, ip: s.ip, userAgent: s.userAgent }));
    },

    async revokeSession(actor: Actor, sessionId: string): Promise<void> {
      await db.transaction(async (tx) => {
        if (!(await repo.revokeOne(tx, actor.accountId!, sessionId))) throw new AppError('not_found');
        await audit.record(tx, actor, { action: 'auth.session_revoked', entity: 'session', entityId: actor.accountId });
      });
    },

    /** "Sign out everywhere": every session of the account, this one included. */
    async signOutEverywhere(actor: Actor): Promise<number> {
      return db.transaction(async (tx) => {
        const n = await revokeAccountSessions(tx, actor.accountId!);
        await audit.record(tx, actor, { action: 'auth.signed_out_everywhere', entity: 'account', entityId: actor.accountId, changes: { sessions: n } });
        return n;
      });
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
