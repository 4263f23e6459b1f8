/**
 * Second factor: TOTP (RFC 6238, 6 digits, 30 s, SHA-1 — what every authenticator app speaks) and
 * one-time recovery codes. Who must have it is derived from permissions, not from a list of
 * roles: anyone who can reveal personal data, export it, administer the system or hand out roles.
 *
 * A code is accepted at most once: the factor remembers the time step of the last accepted code
 * and the update that accepts a new one is conditional on it (two requests with one code → one wins).
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { and, eq, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import { generateSecret, generateURI, verify } from 'otplib';
import type { Crypto } from '../crypto';
import type { Queryable } from '../db/client';
import { mfaChallenge, mfaFactor, mfaRecoveryCode } from '../db/tables/mfa';
import type { Grant } from './actor';
import { adminRoles } from './roles';

export const MFA_ISSUER = '同心 Tongxin';
export const RECOVERY_CODE_COUNT = 10;
export const CHALLENGE_MINUTES = 5;
export const CHALLENGE_MAX_ATTEMPTS = 5;
/** One step either side: a phone clock 30 s off still works. */
const TOLERANCE_SECONDS = 30;

/** Permissions that make MFA mandatory (where MFA is required at all, i.e. production). */
export function permissionNeedsMfa(permission: string): boolean {
  return permission.endsWith('.reveal') || permission.endsWith('.export') || permission === 'role_assignment.manage';
}

export function mfaRequiredFor(grants: readonly Grant[]): boolean {
  return grants.some((g) => adminRoles.includes(g.role) || [...g.permissions].some(permissionNeedsMfa));
}

export const newTotpSecret = (): string => generateSecret({ length: 20 });

export const otpauthUri = (username: string, secret: string): string => generateURI({ issuer: MFA_ISSUER, label: username, secret });

/** The time step of a valid code (for replay protection), or null. */
export async function checkTotp(secret: string, code: string, afterTimeStep: number | null): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  try {
    const result = await verify({ secret, token: code, epochTolerance: TOLERANCE_SECONDS, ...(afterTimeStep !== null ? { afterTimeStep } : {}) });
    return result.valid && 'timeStep' in result ? result.timeStep : null;
  } catch {
    return null;
  }
}

// ---- recovery codes ---------------------------------------------------------------------------

const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';

/** `k7mq-2xfp-9tnc`: 12 characters from 31 (≈ 59 bits), easy to read aloud and type. */
export function newRecoveryCode(): string {
  const chars = Array.from({ length: 12 }, () => alphabet[randomInt(alphabet.length)]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}

export const normalizeRecoveryCode = (code: string): string => code.toLowerCase().replace(/[^a-z0-9]/g, '');

const recoveryHash = (crypto: Crypto, code: string) => crypto.blindIndex('mfa_recovery', normalizeRecoveryCode(code));

// ---- storage ----------------------------------------------------------------------------------

export type FactorRow = typeof mfaFactor.$inferSelect;

export async function findFactor(q: Queryable, accountId: string): Promise<FactorRow | undefined> {
  const [row] = await q.select().from(mfaFactor).where(eq(mfaFactor.accountId, accountId));
  return row;
}

/** Verifies a TOTP code against the account's factor and records its time step; false when wrong or replayed. */
export async function acceptTotp(q: Queryable, crypto: Crypto, factor: FactorRow, code: string): Promise<boolean> {
  const step = await checkTotp(crypto.decrypt(factor.secretEnc), code, factor.lastTimeStep ?? null);
  if (step === null) return false;
  const updated = await q
    .update(mfaFactor)
    .set({ lastTimeStep: step, updatedAt: new Date() })
    .where(and(eq(mfaFactor.accountId, factor.accountId), or(isNull(mfaFactor.lastTimeStep), lt(mfaFactor.lastTimeStep, step))))
    .returning({ accountId: mfaFactor.accountId });
  return updated.length === 1;
}

/** Consumes one unused recovery code; false when unknown or already used. */
export async function consumeRecoveryCode(q: Queryable, crypto: Crypto, accountId: string, code: string): Promise<boolean> {
  const used = await q
    .update(mfaRecoveryCode)
    .set({ usedAt: new Date() })
    .where(and(eq(mfaRecoveryCode.accountId, accountId), eq(mfaRecoveryCode.codeHash, recoveryHash(crypto, code)), isNull(mfaRecoveryCode.usedAt)))
    .returning({ id: mfaRecoveryCode.id });
  return used.length === 1;
}

/** Replaces all recovery codes of an account; returns the new codes in clear, shown once. */
export async function replaceRecoveryCodes(q: Queryable, crypto: Crypto, accountId: string): Promise<string[]> {
  await q.delete(mfaRecoveryCode).where(eq(mfaRecoveryCode.accountId, accountId));
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await q.insert(mfaRecoveryCode).values(codes.map((code) => ({ accountId, codeHash: recoveryHash(crypto, code) })));
  return codes;
}

export async function unusedRecoveryCodes(q: Queryable, accountId: string): Promise<number> {
  const [row] = await q
    .select({ n: sql<number>`count(*)::int` })
    .from(mfaRecoveryCode)
    .where(and(eq(mfaRecoveryCode.accountId, accountId), isNull(mfaRecoveryCode.usedAt)));
  return row?.n ?? 0;
}

/** A new, not yet enabled factor (replacing an earlier unfinished enrollment). */
export async function startFactor(q: Queryable, accountId: string, secretEnc: string): Promise<void> {
  await q
    .insert(mfaFactor)
    .values({ accountId, secretEnc })
    .onConflictDoUpdate({ target: mfaFactor.accountId, set: { secretEnc, enabledAt: null, lastTimeStep: null, updatedAt: new Date() }, where: isNull(mfaFactor.enabledAt) });
}

/** Turns a pending factor on; false when there is none or it is on already. */
export async function enableFactor(q: Queryable, accountId: string): Promise<boolean> {
  const done = await q
    .update(mfaFactor)
    .set({ enabledAt: new Date(), updatedAt: new Date() })
    .where(and(eq(mfaFactor.accountId, accountId), isNull(mfaFactor.enabledAt)))
    .returning({ id: mfaFactor.accountId });
  return done.length === 1;
}

export async function removeFactor(q: Queryable, accountId: string): Promise<boolean> {
  await q.delete(mfaRecoveryCode).where(eq(mfaRecoveryCode.accountId, accountId));
  const gone = await q.delete(mfaFactor).where(eq(mfaFactor.accountId, accountId)).returning({ id: mfaFactor.accountId });
  return gone.length === 1;
}

export async function mfaEnabled(q: Queryable, accountId: string): Promise<boolean> {
  const [row] = await q
    .select({ id: mfaFactor.accountId })
    .from(mfaFactor)
    .where(and(eq(mfaFactor.accountId, accountId), isNotNull(mfaFactor.enabledAt)));
  return !!row;
}

// ---- sign-in challenges -----------------------------------------------------------------------

const challengeId = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createChallenge(q: Queryable, accountId: string, ip: string | null): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + CHALLENGE_MINUTES * 60_000);
  await q.insert(mfaChallenge).values({ id: challengeId(token), accountId, expiresAt, ip });
  return { token, expiresAt };
}

/**
 * Counts one attempt on a live challenge and returns its account, or undefined when the challenge
 * is unknown, used, expired or out of attempts. Counting first means a burst of guesses in
 * parallel still spends attempts.
 */
export async function attemptChallenge(q: Queryable, token: string): Promise<{ accountId: string } | undefined> {
  const [row] = await q
    .update(mfaChallenge)
    .set({ attempts: sql`${mfaChallenge.attempts} + 1` })
    .where(
      and(
        eq(mfaChallenge.id, challengeId(token)),
        isNull(mfaChallenge.usedAt),
        sql`${mfaChallenge.expiresAt} > now()`,
        lt(mfaChallenge.attempts, CHALLENGE_MAX_ATTEMPTS),
      ),
    )
    .returning({ accountId: mfaChallenge.accountId });
  return row;
}

/** Marks a challenge used; false when another request used it first (single use). */
export async function useChallenge(q: Queryable, token: string): Promise<boolean> {
  const used = await q
    .update(mfaChallenge)
    .set({ usedAt: new Date() })
    .where(and(eq(mfaChallenge.id, challengeId(token)), isNull(mfaChallenge.usedAt)))
    .returning({ id: mfaChallenge.id });
  return used.length === 1;
}
