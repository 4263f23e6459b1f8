/**
 * The only SQL for resident app accounts: the account rows this module creates for residents (in
 * the platform's account tables), activation codes and phone verification codes.
 */
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { rows, type Queryable } from '../../platform/db/client';
import { account, roleAssignment } from '../../platform/db/tables/auth';
import { activationCode, phoneVerification, resident } from './places.tables';

export const residentAccountsRepository = {
  /** The resident's account; `activated` once a code was used or when it was self-registered (no codes). */
  async accountOfResident(db: Queryable, residentId: string) {
    const [row] = await rows<{ id: string; username: string; activated: boolean }>(
      db,
      sql`SELECT a.id, a.username,
                 NOT EXISTS (SELECT 1 FROM activation_code c WHERE c.account_id = a.id) OR EXISTS (SELECT 1 FROM activation_code c WHERE c.account_id = a.id AND c.used_at IS NOT NULL) AS activated
            FROM account a WHERE a.resident_id = ${residentId} LIMIT 1`,
    );
    return row;
  },

  async usernameTaken(db: Queryable, username: string): Promise<boolean> {
    const [row] = await db.select({ id: account.id }).from(account).where(eq(account.username, username)).limit(1);
    return !!row;
  },

  async findAccountByUsername(db: Queryable, username: string) {
    const [row] = await db.select({ id: account.id, username: account.username, residentId: account.residentId }).from(account).where(eq(account.username, username));
    return row;
  },

  async createResidentAccount(db: Queryable, values: { id: string; username: string; displayName: string; passwordHash: string; residentId: string; communityId: string; createdBy: string | null }) {
    await db.insert(account).values({ id: values.id, username: values.username, displayName: values.displayName, passwordHash: values.passwordHash, residentId: values.residentId });
    await db.insert(roleAssignment).values({ accountId: values.id, roleKey: 'resident', orgId: values.communityId, createdBy: values.createdBy });
  },

  async setPassword(db: Queryable, accountId: string, passwordHash: string) {
    await db.update(account).set({ passwordHash, passwordChangedAt: new Date(), failedLogins: 0, lockedUntil: null, updatedAt: new Date() }).where(eq(account.id, accountId));
  },

  async revokePendingCodes(db: Queryable, accountId: string) {
    await db.update(activationCode).set({ expiresAt: new Date() }).where(and(eq(activationCode.accountId, accountId), isNull(activationCode.usedAt)));
  },

  async insertCode(db: Queryable, values: typeof activationCode.$inferInsert) {
    await db.insert(activationCode).values(values);
  },

  /** Marks a code used if it is this account's, unused and unexpired; true for the one caller that wins. */
  async useCode(db: Queryable, accountId: string, codeIdx: string): Promise<boolean> {
    const used = await db
      .update(activationCode)
      .set({ usedAt: new Date() })
      .where(and(eq(activationCode.accountId, accountId), eq(activationCode.codeIdx, codeIdx), isNull(activationCode.usedAt), gt(activationCode.expiresAt, new Date())))
      .returning({ id: activationCode.id });
    return used.length === 1;
  },

  /** Unused, unexpired codes of a household's members (to print on its contact card). */
  pendingCodesOfHousehold(db: Queryable, householdId: string) {
    return db
      .select({ residentName: resident.name, username: account.username, codeEnc: activationCode.codeEnc, expiresAt: activationCode.expiresAt })
      .from(activationCode)
      .innerJoin(resident, eq(resident.id, activationCode.residentId))
      .innerJoin(account, eq(account.id, activationCode.accountId))
      .where(and(eq(resident.householdId, householdId), isNull(activationCode.usedAt), gt(activationCode.expiresAt, new Date())))
      .orderBy(resident.birthDate);
  },

  async recentCodes(db: Queryable, phoneIdx: string, ip: string | null) {
    const [row] = await rows<{ last_minute: number; phone_hour: number; ip_hour: number }>(
      db,
      sql`SELECT count(*) FILTER (WHERE phone_idx = ${phoneIdx} AND created_at > now() - interval '1 minute')::int AS last_minute,
                 count(*) FILTER (WHERE phone_idx = ${phoneIdx})::int AS phone_hour,
                 count(*) FILTER (WHERE ip = ${ip})::int AS ip_hour
            FROM phone_verification WHERE created_at > now() - interval '1 hour' AND (phone_idx = ${phoneIdx} OR ip = ${ip})`,
    );
    return row ?? { last_minute: 0, phone_hour: 0, ip_hour: 0 };
  },

  async insertVerification(db: Queryable, values: typeof phoneVerification.$inferInsert) {
    await db.insert(phoneVerification).values(values);
  },

  async latestVerification(db: Queryable, phoneIdx: string) {
    const [row] = await db.select().from(phoneVerification).where(and(eq(phoneVerification.phoneIdx, phoneIdx), isNull(phoneVerification.consumedAt))).orderBy(desc(phoneVerification.createdAt)).limit(1);
    return row;
  },

  async countAttempt(db: Queryable, id: string) {
    await db.update(phoneVerification).set({ attempts: sql`${phoneVerification.attempts} + 1` }).where(eq(phoneVerification.id, id));
  },

  async consumeVerification(db: Queryable, id: string): Promise<boolean> {
    const done = await db.update(phoneVerification).set({ consumedAt: new Date() }).where(and(eq(phoneVerification.id, id), isNull(phoneVerification.consumedAt))).returning({ id: phoneVerification.id });
    return done.length === 1;
  },

  /** Active resident records with this ID number (one per community at most). */
  residentsByIdNumber(db: Queryable, idIdx: string) {
    return db.select({ id: resident.id, name: resident.name, communityId: resident.communityId }).from(resident).where(and(eq(resident.idNumberIdx, idIdx), eq(resident.status, 'active'))).limit(10);
  },
};
