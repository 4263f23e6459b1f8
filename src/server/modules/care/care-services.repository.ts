/** Care services (帮扶服务) and the residents they are for. */
import { and, desc, eq, lt, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor';
import { rows, type Queryable } from '../../platform/db/client';
import { scopeWhere } from '../../platform/scope';
import { addressOf, qualified, restrictedVisible } from './care-files.repository';
import { careCondition, careService } from './care.tables';

const likeOf = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export const careServicesRepository = {
  async residentInScope(q: Queryable, actor: Actor, residentId: string) {
    const [row] = await rows<{ id: string; community_id: string; grid_id: string | null; household_id: string | null; center_id: string | null }>(
      q,
      sql`SELECT r.id, r.community_id, r.grid_id, r.household_id,
                 (SELECT c.id FROM center c WHERE c.community_id = r.community_id ORDER BY c.created_at LIMIT 1) AS center_id
            FROM resident r
           WHERE r.id = ${residentId} AND r.status = 'active'
             AND ${scopeWhere(actor, 'care_service.record', { community: sql`r.community_id`, grid: sql`r.grid_id` })}`,
    );
    return row;
  },

  async conditionOf(q: Queryable, actor: Actor, conditionId: string, residentId: string) {
    const [row] = await q
      .select({ id: careCondition.id, restricted: careCondition.restricted })
      .from(careCondition)
      .where(and(eq(careCondition.id, conditionId), eq(careCondition.residentId, residentId), restrictedVisible(actor, careCondition.restricted, careCondition.communityId)));
    return row;
  },

  async insert(q: Queryable, values: typeof careService.$inferInsert) {
    const [row] = await q.insert(careService).values(values).returning();
    return row!;
  },

  list(q: Queryable, actor: Actor, f: { kind?: string; month?: string; residentId?: string; before?: string; limit: number }) {
    const conds: (SQL | undefined)[] = [
      scopeWhere(actor, 'care_service.read', { community: careService.communityId, grid: careService.gridId }),
      restrictedVisible(actor, careService.restricted, careService.communityId),
    ];
    if (f.kind) conds.push(sql`${careService.kind} = ${f.kind}`);
    if (f.residentId) conds.push(eq(careService.residentId, f.residentId));
    if (f.month) conds.push(sql`to_char(${careService.occurredAt} AT TIME ZONE (SELECT o.timezone FROM org_node o WHERE o.id = ${qualified(careService.communityId)}), 'YYYY-MM') = ${f.month}`);
    if (f.before) conds.push(lt(careService.id, f.before));
    return q
      .select({
        s: careService,
        residentName: sql<string>`(SELECT r.name FROM resident r WHERE r.id = ${qualified(careService.residentId)})`,
        address: sql<string | null>`${addressOf(qualified(careService.householdId))}`,
      })
      .from(careService)
      .where(and(...conds))
      .orderBy(desc(careService.id))
      .limit(f.limit + 1);
  },

  /** Services per month and kind in each community's zone (one statement). */
  monthly(q: Queryable, actor: Actor, f: { from: string; to: string; orgId?: string }) {
    return rows<{ month: string; kind: string | null; count: number; people: number }>(
      q,
      sql`SELECT month, kind, count(*)::int AS count, count(DISTINCT resident_id)::int AS people FROM (
            SELECT to_char(s.occurred_at AT TIME ZONE o.timezone, 'YYYY-MM') AS month, s.kind, s.resident_id
              FROM care_service s JOIN org_node o ON o.id = s.community_id
             WHERE ${scopeWhere(actor, ['care_service.read', 'care_stats.read'], { community: sql`s.community_id`, grid: sql`s.grid_id` })}
               ${f.orgId ? sql`AND o.path LIKE (SELECT p.path FROM org_node p WHERE p.id = ${f.orgId}) || '%'` : sql``}
               AND s.occurred_at >= (${f.from} || '-01')::date - interval '1 day' AND s.occurred_at < (${f.to} || '-01')::date + interval '1 month 1 day'
          ) t WHERE month BETWEEN ${f.from} AND ${f.to}
          GROUP BY GROUPING SETS ((month, kind), (month)) ORDER BY month, kind NULLS FIRST`,
    );
  },

  recipients(q: Queryable, actor: Actor, text: string) {
    const like = likeOf(text);
    return rows<{ id: string; name: string; address: string | null; tags: string[] }>(
      q,
      sql`SELECT r.id, r.name, ${addressOf(sql`r.household_id`)} AS address, r.tags
            FROM resident r
           WHERE r.status = 'active' AND ${scopeWhere(actor, 'care_service.record', { community: sql`r.community_id`, grid: sql`r.grid_id` })}
             AND (r.name ILIKE ${like} OR r.name_pinyin ILIKE ${like} OR r.name_initials ILIKE ${like})
           ORDER BY EXISTS (SELECT 1 FROM care_file f WHERE f.household_id = r.household_id AND f.status = 'active') DESC, r.name_pinyin
           LIMIT 20`,
    );
  },
};
