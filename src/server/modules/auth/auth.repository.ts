import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client';
import { account, session } from '../../platform/db/tables/auth';

export type AccountRow = typeof account.$inferSelect;

export const authRepository = {
  async findByUsername(db: Queryable, username: string): Promise<AccountRow | undefined> {
    const [row] = await db.select().from(account).where(eq(account.username, username.trim().toLowerCase()));
    return row;
  },
  async findById(db: Queryable, id: string): Promise<AccountRow | undefined> {
    const [row] = await db.select().from(account).where(eq(account.id, id));
    return row;
  },
  /** Counts a failure; at the threshold the account locks and the counter restarts. Returns the new state. */
  async recordFailure(db: Queryable, id: string, threshold: number, lockMinutes: number) {
    const [row] = await db
      .update(account)
      .set({
        failedLogins: sql`CASE WHEN ${account.failedLogins} + 1 >= ${threshold} THEN 0 ELSE ${account.failedLogins} + 1 END`,
        lockedUntil: sql`CASE WHEN ${account.failedLogins} + 1 >= ${threshold} THEN now() + make_interval(mins => ${lockMinutes}) ELSE ${account.lockedUntil} END`,
      })
      .where(eq(account.id, id))
      .returning({ failedLogins: account.failedLogins, lockedUntil: account.lockedUntil });
    return row;
  },
  async recordSuccess(db: Queryable, id: string) {
    await db.update(account).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: new Date() }).where(eq(account.id, id));
  },
  /** A new password hash; the version moves so that a concurrent account edit notices. */
  async setPassword(db: Queryable, id: string, passwordHash: string) {
    await db
      .update(account)
      .set({ passwordHash, passwordChangedAt: new Date(), failedLogins: 0, lockedUntil: null, version: sql`${account.version} + 1`, updatedAt: new Date() })
      .where(eq(account.id, id));
  },
  async setPreferences(db: Queryable, id: string, prefs: Record<string, unknown>) {
    const [row] = await db
      .update(account)
      .set({ preferences: sql`${account.preferences} || ${JSON.stringify(prefs)}::jsonb` })
      .where(eq(account.id, id))
      .returning({ preferences: account.preferences });
    return row?.preferences ?? {};
  },
  listActiveSessions(db: Queryable, accountId: string) {
    return db
      .select()
      .from(session)
      .where(and(eq(session.accountId, accountId), isNull(session.revokedAt), gt(session.expiresAt, new Date())))
      .orderBy(desc(session.lastSeenAt))
      .limit(100);
  },
  async revokeOne(db: Queryable, accountId: string, sessionId: string): Promise<boolean> {
    const revoked = await db
      .update(session)
      .set({ revokedAt: new Date() })
      .where(and(eq(session.accountId, accountId), eq(session.id, sessionId), isNull(session.revokedAt)))
      .returning({ id: session.id });
    return revoked.length === 1;
  },
};
