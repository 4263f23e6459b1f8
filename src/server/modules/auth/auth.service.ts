/**
 * Signing in and out. Unknown user and wrong password get the same answer after the same work;
 * five failures lock the account for fifteen minutes (423 account_locked, even with the right
 * password); demo accounts are refused in production. An account with MFA gets a short-lived,
 * single-use challenge instead of a session, and a session only for a correct TOTP or recovery
 * code; wrong codes count towards the same lockout. Every sign-in, failure and sign-out is audited.
 */
import type { AppContext } from '../../context';
import { allPermissions, type Actor } from '../../platform/auth/actor';
import { acceptTotp, attemptChallenge, consumeRecoveryCode, createChallenge, findFactor, mfaRequiredFor, useChallenge } from '../../platform/auth/mfa';
import { checkPasswordPolicy, hashPassword, verifyPassword } from '../../platform/auth/password';
import { createSession, loadSession, revokeAccountSessions, revokeSession } from '../../platform/auth/sessions';
import { AppError } from '../../platform/errors';
import { LOCKOUT_MINUTES, LOCKOUT_THRESHOLD } from './auth.policy';
import { authRepository as repo, type AccountRow } from './auth.repository';
import type { MeView, Preferences } from './auth.schemas';

export interface LoginMeta {
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  /** The session this browser held before signing in again; it ends (a new id on every sign-in). */
  previousSessionId?: string | null;
}

export interface NewSession {
  token: string;
  expiresAt: Date;
  me: MeView;
}

export type LoginOutcome = ({ kind: 'session' } & NewSession) | { kind: 'mfa'; challenge: string; expiresAt: Date };

export function createAuthService(ctx: AppContext) {
  const { db, audit, config, crypto } = ctx;
  const policy = {
    idleMinutes: config.sessionIdleMinutes,
    absoluteHours: config.sessionAbsoluteHours,
    mfaRequired: config.mfaRequired,
    adminPasswordMaxAgeDays: config.adminPasswordMaxAgeDays,
  };

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

  const isLocked = (row: AccountRow) => !!row.lockedUntil && row.lockedUntil.getTime() > Date.now();

  /** Counts a failed password or code; the fifth locks the account. */
  async function fail(actor: Actor, row: AccountRow, reason: string): Promise<void> {
    const state = await repo.recordFailure(db, row.id, LOCKOUT_THRESHOLD, LOCKOUT_MINUTES);
    const locked = !!state?.lockedUntil && state.lockedUntil.getTime() > Date.now();
    await audit.recordNow(actor, { action: locked ? 'auth.account_locked' : 'auth.login_failed', entity: 'account', entityId: row.id, changes: { reason } });
  }

  /** Starts a session in the caller's open sign-in (second factor already checked where needed). */
  async function openSession(row: AccountRow, meta: LoginMeta, secondFactor: string | null): Promise<NewSession> {
    const actor = { ...anonymous(meta, row.username), accountId: row.id };
    const created = await db.transaction(async (tx) => {
      await repo.recordSuccess(tx, row.id);
      if (meta.previousSessionId) await revokeSession(tx, meta.previousSessionId);
      const session = await createSession(tx, row.id, policy, meta);
      await audit.record(tx, { ...actor, sessionId: session.id }, { action: 'auth.login', entity: 'account', entityId: row.id, ...(secondFactor ? { changes: { secondFactor } } : {}) });
      return session;
    });
    return sessionResult(created, meta);
  }

  /** Resolves a new session exactly as the next request will, and answers with /me. */
  async function sessionResult(created: { token: string; expiresAt: Date }, meta: LoginMeta): Promise<NewSession> {
    const fresh = await loadSession(db, created.token, policy);
    if (fresh.state !== 'active') throw new AppError('unauthenticated');
    const me = await service.me({ ...fresh.actor, ip: meta.ip, requestId: meta.requestId });
    return { token: created.token, expiresAt: created.expiresAt, me };
  }

  const service = {
    policy,

    async login(username: string, password: string, meta: LoginMeta): Promise<LoginOutcome> {
      const found = await repo.findByUsername(db, username);
      const ok = await verifyPassword(found?.passwordHash ?? null, password);
      if (!found || found.status !== 'active' || (found.isDemo && config.production)) {
        await audit.recordNow(anonymous(meta, username), { action: 'auth.login_failed', entity: 'account', entityId: found?.id ?? null, changes: { reason: found ? 'inactive' : 'unknown_user' } });
        throw new AppError('invalid_credentials');
      }
      const actor = { ...anonymous(meta, found.username), accountId: found.id };
      if (isLocked(found)) {
        await audit.recordNow(actor, { action: 'auth.login_refused_locked', entity: 'account', entityId: found.id });
        throw new AppError('account_locked', { lockedUntil: found.lockedUntil!.toISOString() });
      }
      if (!ok) {
        await fail(actor, found, 'wrong_password');
        throw new AppError('invalid_credentials');
      }
      const factor = await findFactor(db, found.id);
      if (!factor?.enabledAt) return { kind: 'session', ...(await openSession(found, meta, null)) };
      // The failure counter is not reset here: otherwise password + four guesses, again and again, would never lock.
      const challenge = await db.transaction(async (tx) => {
        const c = await createChallenge(tx, found.id, meta.ip);
        await audit.record(tx, actor, { action: 'auth.mfa_challenge', entity: 'account', entityId: found.id });
        return c;
      });
      return { kind: 'mfa', challenge: challenge.token, expiresAt: challenge.expiresAt };
    },

    /** Second step: a TOTP code (6 digits) or one recovery code, against a live challenge. */
    async verifyMfa(challenge: string, code: string, meta: LoginMeta): Promise<NewSession> {
      const attempt = await attemptChallenge(db, challenge);
      if (!attempt) throw new AppError('mfa_challenge_expired');
      const row = await repo.findById(db, attempt.accountId);
      const factor = row && (await findFactor(db, row.id));
      if (!row || row.status !== 'active' || !factor?.enabledAt) throw new AppError('mfa_challenge_expired');
      const actor = { ...anonymous(meta, row.username), accountId: row.id };
      if (isLocked(row)) {
        await audit.recordNow(actor, { action: 'auth.login_refused_locked', entity: 'account', entityId: row.id });
        throw new AppError('account_locked', { lockedUntil: row.lockedUntil!.toISOString() });
      }
      const totp = /^\d{6}$/.test(code);
      const created = await db.transaction(async (tx) => {
        const ok = totp ? await acceptTotp(tx, crypto, factor, code) : await consumeRecoveryCode(tx, crypto, row.id, code);
        if (!ok) return null;
        if (!(await useChallenge(tx, challenge))) throw new AppError('mfa_challenge_expired');
        await repo.recordSuccess(tx, row.id);
        if (meta.previousSessionId) await revokeSession(tx, meta.previousSessionId);
        const session = await createSession(tx, row.id, policy, meta);
        await audit.record(tx, { ...actor, sessionId: session.id }, { action: 'auth.login', entity: 'account', entityId: row.id, changes: { secondFactor: totp ? 'totp' : 'recovery_code' } });
        return session;
      });
      if (!created) {
        await fail(actor, row, totp ? 'wrong_totp' : 'wrong_recovery_code');
        throw new AppError('invalid_mfa_code');
      }
      return sessionResult(created, meta);
    },

    /**
     * A new password: the current one must be right (a wrong one counts towards the lockout), the
     * new one must meet the policy and differ. Every session ends; the caller gets a new one.
     */
    async changePassword(actor: Actor, input: { currentPassword: string; newPassword: string }): Promise<NewSession> {
      const row = await repo.findById(db, actor.accountId!);
      if (!row) throw new AppError('unauthenticated');
      if (!(await verifyPassword(row.passwordHash, input.currentPassword))) {
        await fail(actor, row, 'wrong_current_password');
        throw new AppError('validation_failed', [{ field: 'body.currentPassword', code: 'current_password_wrong' }]);
      }
      if (input.newPassword === input.currentPassword) throw new AppError('validation_failed', [{ field: 'body.newPassword', code: 'password_unchanged' }]);
      const problem = checkPasswordPolicy(input.newPassword, row.username);
      if (problem) throw new AppError('validation_failed', [{ field: 'body.newPassword', code: `password_${problem}` }]);
      const passwordHash = await hashPassword(input.newPassword);
      const created = await db.transaction(async (tx) => {
        await repo.setPassword(tx, row.id, passwordHash);
        const ended = await revokeAccountSessions(tx, row.id);
        const session = await createSession(tx, row.id, policy, { ip: actor.ip, userAgent: null });
        await audit.record(tx, actor, { action: 'auth.password_changed', entity: 'account', entityId: row.id, changes: { sessionsEnded: ended } });
        return session;
      });
      return sessionResult(created, { ip: actor.ip, userAgent: null, requestId: actor.requestId });
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
      const factor = await findFactor(db, row.id);
      return {
        id: row.id,
        username: row.username,
        displayName: row.displayName,
        residentId: row.residentId,
        roles: actor.grants.map((g) => ({ role: g.role, orgId: g.orgId, orgName: g.orgName, orgKind: g.orgKind })),
        permissions: allPermissions(actor),
        preferences: row.preferences as Preferences,
        mfa: { enabled: !!factor?.enabledAt, required: policy.mfaRequired && mfaRequiredFor(actor.grants) },
        restriction: actor.restriction ?? null,
      };
    },

    /** The account's own facts, for the resident's "my data" page (privacy). */
    async profile(actor: Actor) {
      const row = await repo.findById(db, actor.accountId!);
      if (!row) throw new AppError('unauthenticated');
      const factor = await findFactor(db, row.id);
      return { username: row.username, displayName: row.displayName, createdAt: row.createdAt, lastLoginAt: row.lastLoginAt, mfaEnabled: !!factor?.enabledAt, preferences: row.preferences };
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
  return service;
}

export type AuthService = ReturnType<typeof createAuthService>;
