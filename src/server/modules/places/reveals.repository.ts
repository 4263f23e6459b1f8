/** The only SQL for reveals and reveal alerts. */
import { and, desc, eq, lt, or, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor';
import { newId } from '../../platform/db/columns';
import { rows, type Queryable } from '../../platform/db/client';
import { account } from '../../platform/db/tables/auth';
import { scopeWhere } from '../../platform/scope';
import { residentReveal, revealAlert } from './places.tables';

export const revealsRepository = {
  async record(tx: Queryable, values: typeof residentReveal.$inferInsert): Promise<number> {
    await tx.insert(residentReveal).values(values);
    const [row] = await rows<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM resident_reveal WHERE account_id = ${values.accountId} AND at > now() - interval '1 hour'`);
    return row?.n ?? 0;
  },

  /** One alert per account and clock hour; true when this call created it. */
  async raiseAlert(tx: Queryable, values: { communityId: string; accountId: string; reveals: number }): Promise<boolean> {
    const inserted = await rows<{ inserted: boolean }>(
      tx,
      sql`INSERT INTO reveal_alert (id, community_id, account_id, window_start, reveals)
          VALUES (${newId()}, ${values.communityId}, ${values.accountId}, date_trunc('hour', now()), ${values.reveals})
          ON CONFLICT (account_id, window_start) DO UPDATE SET reveals = GREATEST(reveal_alert.reveals, EXCLUDED.reveals)
          RETURNING (xmax = 0) AS inserted`,
    );
    return inserted[0]?.inserted === true;
  },

  securityAdminsFor(tx: Queryable, communityId: string) {
    return rows<{ id: string }>(
      tx,
      sql`SELECT DISTINCT ra.account_id AS id FROM role_assignment ra JOIN org_node o ON o.id = ra.org_id
           WHERE ra.role_key = 'security_admin' AND (SELECT c.path FROM org_node c WHERE c.id = ${communityId}) LIKE o.path || '%'`,
    );
  },

  listAlerts(db: Queryable, actor: Actor, page: { before?: [string, string]; limit: number }) {
    const conds = [scopeWhere(actor, 'reveal_alert.read', { community: revealAlert.communityId })];
    if (page.before) conds.push(or(lt(revealAlert.createdAt, new Date(page.before[0])), and(eq(revealAlert.createdAt, new Date(page.before[0])), lt(revealAlert.id, page.before[1])))!);
    return db
      .select({ alert: revealAlert, username: account.username, displayName: account.displayName })
      .from(revealAlert)
      .innerJoin(account, eq(account.id, revealAlert.accountId))
      .where(and(...conds))
      .orderBy(desc(revealAlert.createdAt), desc(revealAlert.id))
      .limit(page.limit + 1);
  },
};
