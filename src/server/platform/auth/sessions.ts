/**
 * Server-side sessions. The cookie carries a random token; the table keeps only SHA-256(token), so
 * a leaked database does not yield live sessions. A session ends when revoked, after
 * `sessionIdleMinutes` without use, or `sessionAbsoluteHours` after sign-in.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Actor, Grant, OrgKind, SessionRestriction } from './actor';
import { mfaRequiredFor } from './mfa';
import { adminRoles, type RoleKey } from './roles';
import { rows, type Db, type Queryable } from '../db/client';
import { session } from '../db/tables/auth';

export const SESSION_COOKIE = 'tongxin_sid';

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
  /** Accounts that can reveal, export or administer must have MFA (production). */
  mfaRequired?: boolean;
  /** Admin passwords older than this must be changed first (0 or absent: never). */
  adminPasswordMaxAgeDays?: number;
}

export async function createSession(
  tx: Queryable,
  accountId: string,
  policy: SessionPolicy,
  meta: { ip: string | null; userAgent: string | null },
): Promise<{ token: string; id: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const id = hashToken(token);
  const expiresAt = new Date(Date.now() + policy.absoluteHours * 3_600_000);
  await tx.insert(session).values({
    id,
    accountId,
    expiresAt,
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return { token, id, expiresAt };
}

export async function revokeSession(db: Queryable, id: string): Promise<void> {
  await db.update(session).set({ revokedAt: new Date() }).where(and(eq(session.id, id), isNull(session.revokedAt)));
}

/** Ends every live session of an account (sign out everywhere, role change, disabling). */
export async function revokeAccountSessions(db: Queryable, accountId: string): Promise<number> {
  const revoked = await db
    .update(session)
    .set({ revokedAt: new Date() })
    .where(and(eq(session.accountId, accountId), isNull(session.revokedAt)))
    .returning({ id: session.id });
  return revoked.length;
}

interface SessionRow {
  session_id: string;
  account_id: string;
  username: string;
  display_name: string;
  status: string;
  resident_id: string | null;
  password_changed_at: Date | string;
  mfa_enabled: boolean;
  last_seen_at: Date | string;
  expires_at: Date | string;
  revoked_at: Date | string | null;
  grants: Array<{
    role: RoleKey;
    orgId: string;
    orgName: string;
    orgKind: OrgKind;
    path: string;
    communityId: string | null;
    permissions: string[] | null;
  }>;
}

export type SessionLookup =
  | { state: 'none' }
  | { state: 'expired'; sessionId: string }
  | { state: 'active'; actor: Omit<Actor, 'ip' | 'requestId'> };

/** One query: session → account → role assignments → org nodes → permissions. */
export async function loadSession(db: Db, token: string, policy: SessionPolicy): Promise<SessionLookup> {
  const id = hashToken(token);
  const [row] = await rows<SessionRow>(
    db,
    sql`SELECT s.id AS session_id, s.account_id, s.last_seen_at, s.expires_at, s.revoked_at,
               a.username, a.display_name, a.status, a.resident_id, a.password_changed_at,
               EXISTS (SELECT 1 FROM mfa_factor f WHERE f.account_id = a.id AND f.enabled_at IS NOT NULL) AS mfa_enabled,
               COALESCE((
                 SELECT json_agg(json_build_object(
                          'role', ra.role_key, 'orgId', o.id, 'orgName', o.name, 'orgKind', o.kind,
                          'path', o.path, 'communityId', o.community_id,
                          'permissions', (SELECT array_agg(rp.permission_key) FROM role_permission rp WHERE rp.role_key = ra.role_key))
                        ORDER BY ra.created_at)
                   FROM role_assignment ra JOIN org_node o ON o.id = ra.org_id
                  WHERE ra.account_id = a.id), '[]'::json) AS grants
          FROM session s JOIN account a ON a.id = s.account_id
         WHERE s.id = ${id}`,
  );
  if (!row) return { state: 'none' };
  const now = Date.now();
  const lastSeen = new Date(row.last_seen_at).getTime();
  if (
    row.revoked_at ||
    row.status !== 'active' ||
    new Date(row.expires_at).getTime() <= now ||
    lastSeen + policy.idleMinutes * 60_000 <= now
  ) {
    return { state: 'expired', sessionId: row.session_id };
  }
  // Touch at most once a minute: idle expiry needs no more precision than that.
  if (now - lastSeen > 60_000) {
    await db.update(session).set({ lastSeenAt: new Date() }).where(eq(session.id, id));
  }
  const grants: Grant[] = (typeof row.grants === 'string' ? JSON.parse(row.grants) : row.grants).map(
    (g: SessionRow['grants'][number]) => ({ ...g, permissions: new Set(g.permissions ?? []) }),
  );
  return {
    state: 'active',
    actor: {
      kind: 'account',
      accountId: row.account_id,
      username: row.username,
      displayName: row.display_name,
      sessionId: row.session_id,
      residentId: row.resident_id,
      grants,
      restriction: restrictionOf(grants, { mfaEnabled: row.mfa_enabled, passwordChangedAt: new Date(row.password_changed_at) }, policy),
    },
  };
}

/** What a session must do before anything else, if anything. */
export function restrictionOf(grants: readonly Grant[], account: { mfaEnabled: boolean; passwordChangedAt: Date }, policy: SessionPolicy): SessionRestriction | null {
  const maxAge = policy.adminPasswordMaxAgeDays ?? 0;
  if (maxAge > 0 && grants.some((g) => adminRoles.includes(g.role)) && account.passwordChangedAt.getTime() + maxAge * 86_400_000 <= Date.now()) {
    return 'password_change';
  }
  if (policy.mfaRequired && !account.mfaEnabled && mfaRequiredFor(grants)) return 'mfa_enrollment';
  return null;
}
