/** The only SQL for visits, visit rules and the due list. */
import { and, desc, eq, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Actor, PermissionRef } from '../../platform/auth/actor';
import { rows, type Queryable } from '../../platform/db/client';
import { account } from '../../platform/db/tables/auth';
import { scopeWhere } from '../../platform/scope';
import { household, resident, visit, visitRule } from './places.tables';

/** Default intervals (days) where a community has set no rule: 独居老人 weekly, the others monthly. */
export const defaultVisitRules: Readonly<Record<string, number>> = { elderly_alone: 7, empty_nest: 30, left_behind_child: 30, disabled: 30 };

export interface VisitFilter {
  id?: string;
  householdId?: string;
  residentId?: string;
  gridId?: string;
  visitorId?: string;
  from?: string;
  to?: string;
  followUpNeeded?: boolean;
}

export interface DueRow {
  residentId: string;
  name: string;
  birthDate: string | null;
  tags: string[];
  householdId: string;
  address: string;
  gridId: string;
  gridName: string;
  timezone: string;
  intervalDays: number;
  lastVisitAt: Date | null;
}

export const visitsRepository = {
  async insert(db: Queryable, values: typeof visit.$inferInsert) {
    const [row] = await db.insert(visit).values(values).returning();
    return row!;
  },

  list(db: Queryable, actor: Actor, permission: PermissionRef, f: VisitFilter, page: { before?: [string, string]; limit: number }) {
    const conds: SQL[] = [scopeWhere(actor, permission, { community: visit.communityId, grid: visit.gridId })];
    if (f.id) conds.push(eq(visit.id, f.id));
    if (f.householdId) conds.push(eq(visit.householdId, f.householdId));
    if (f.residentId) conds.push(eq(visit.residentId, f.residentId));
    if (f.gridId) conds.push(sql`${visit.gridId} IN (SELECT o.id FROM org_node o WHERE o.path LIKE (SELECT p.path || '%' FROM org_node p WHERE p.id = ${f.gridId}))`);
    if (f.visitorId) conds.push(eq(visit.visitorId, f.visitorId));
    if (f.from) conds.push(sql`${visit.visitedAt} >= ${f.from}::date`);
    if (f.to) conds.push(sql`${visit.visitedAt} < ${f.to}::date + 1`);
    if (f.followUpNeeded !== undefined) conds.push(eq(visit.followUpNeeded, f.followUpNeeded));
    if (page.before) conds.push(or(lt(visit.visitedAt, new Date(page.before[0])), and(eq(visit.visitedAt, new Date(page.before[0])), lt(visit.id, page.before[1])))!);
    return db
      .select({ visit, address: household.addressText, residentName: resident.name, visitorName: account.displayName })
      .from(visit)
      .innerJoin(household, eq(household.id, visit.householdId))
      .innerJoin(account, eq(account.id, visit.visitorId))
      .leftJoin(resident, eq(resident.id, visit.residentId))
      .where(and(...conds))
      .orderBy(desc(visit.visitedAt), desc(visit.id))
      .limit(page.limit + 1);
  },

  rules(db: Queryable, communityId: string) {
    return db.select().from(visitRule).where(eq(visitRule.communityId, communityId));
  },

  async setRule(db: Queryable, communityId: string, tag: string, intervalDays: number | null) {
    if (intervalDays === null) {
      await db.delete(visitRule).where(and(eq(visitRule.communityId, communityId), eq(visitRule.tag, tag)));
      return;
    }
    await db
      .insert(visitRule)
      .values({ communityId, tag, intervalDays })
      .onConflictDoUpdate({ target: [visitRule.communityId, visitRule.tag], set: { intervalDays, version: sql`${visitRule.version} + 1`, updatedAt: new Date() } });
  },

  /** Grids where the account holds a post, or leads the parent grid (candidates for being on duty). */
  dutyGridCandidates(db: Queryable, accountId: string) {
    return rows<{ gridId: string }>(
      db,
      sql`SELECT gd.grid_id AS "gridId" FROM grid_duty gd WHERE gd.account_id = ${accountId}
          UNION SELECT o.id FROM grid_duty gd JOIN org_node o ON o.parent_id = gd.grid_id WHERE gd.account_id = ${accountId} AND gd.duty = 'leader' AND o.kind = 'grid'`,
    );
  },

  /**
   * Residents of these grids carrying a tag with a visit rule (community rule or default), the
   * shortest applicable interval, and the last visit to their household.
   */
  dueCandidates(db: Queryable, gridIds: string[]): Promise<DueRow[]> {
    if (gridIds.length === 0) return Promise.resolve([]);
    const defaults = sql.join(Object.entries(defaultVisitRules).map(([tag, days]) => sql`(${tag}, ${days}::int)`), sql`, `);
    return rows<DueRow>(
      db,
      sql`WITH d(tag, days) AS (VALUES ${defaults})
          SELECT r.id AS "residentId", r.name, r.birth_date::text AS "birthDate", r.tags, r.household_id AS "householdId", h.address_text AS address,
                 r.grid_id AS "gridId", g.name AS "gridName", c.timezone,
                 min(COALESCE(vr.interval_days, d.days))::int AS "intervalDays",
                 (SELECT max(v.visited_at) FROM visit v WHERE v.household_id = r.household_id) AS "lastVisitAt"
            FROM resident r
            JOIN household h ON h.id = r.household_id
            JOIN org_node g ON g.id = r.grid_id
            JOIN org_node c ON c.id = r.community_id
            CROSS JOIN LATERAL unnest(r.tags) AS t(tag)
            LEFT JOIN d ON d.tag = t.tag
            LEFT JOIN visit_rule vr ON vr.community_id = r.community_id AND vr.tag = t.tag
           WHERE r.status = 'active' AND r.grid_id = ANY(${sql.param(gridIds)}::uuid[]) AND COALESCE(vr.interval_days, d.days) IS NOT NULL
           GROUP BY r.id, h.address_text, g.name, c.timezone
           LIMIT 5000`,
    );
  },

  /** Level-3 grids that have tagged residents, for the daily reminders. */
  gridsWithTaggedResidents(db: Queryable) {
    return rows<{ gridId: string }>(db, sql`SELECT DISTINCT r.grid_id AS "gridId" FROM resident r WHERE r.status = 'active' AND r.grid_id IS NOT NULL AND cardinality(r.tags) > 0`);
  },
};
