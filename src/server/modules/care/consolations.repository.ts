/** Consolation campaigns, their household lists (from criteria) and handovers. */
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Actor, PermissionRef } from '../../platform/auth/actor';
import { newId } from '../../platform/db/columns';
import { rows, type Queryable } from '../../platform/db/client';
import { scopeWhere } from '../../platform/scope';
import { addressOf, qualified } from './care-files.repository';
import { consolation, consolationHandover, consolationTarget } from './care.tables';
import type { ConsolationCriteria } from './consolations.schemas';

const textArray = (items: readonly string[]) => sql`${`{${items.join(',')}}`}::text[]`;
const likeOf = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const columns = {
  c: consolation,
  communityName: sql<string>`(SELECT o.name FROM org_node o WHERE o.id = ${qualified(consolation.communityId)})`,
  targets: sql<number>`(SELECT count(*)::int FROM consolation_target t WHERE t.consolation_id = ${qualified(consolation.id)})`.mapWith(Number),
  handedOver: sql<number>`(SELECT count(*)::int FROM consolation_handover h WHERE h.consolation_id = ${qualified(consolation.id)})`.mapWith(Number),
  amountFen: sql<number>`(SELECT COALESCE(sum(h.amount_fen), 0)::bigint FROM consolation_handover h WHERE h.consolation_id = ${qualified(consolation.id)})`.mapWith(Number),
};

export const consolationsRepository = {
  scope: (actor: Actor, permission: PermissionRef) => scopeWhere(actor, permission, { community: consolation.communityId }),

  list(q: Queryable, actor: Actor, f: { year?: number }) {
    const conds: (SQL | undefined)[] = [this.scope(actor, ['consolation.read', 'consolation.handover'])];
    if (f.year) conds.push(eq(consolation.year, f.year));
    return q.select(columns).from(consolation).where(and(...conds)).orderBy(desc(consolation.year), desc(consolation.eventDate), desc(consolation.id)).limit(500);
  },

  async find(q: Queryable, actor: Actor, permission: PermissionRef, id: string) {
    const [row] = await q.select(columns).from(consolation).where(and(eq(consolation.id, id), this.scope(actor, permission)));
    return row;
  },

  async communityInScope(q: Queryable, actor: Actor, communityId: string) {
    const [row] = await rows<{ id: string }>(q, sql`SELECT o.id FROM org_node o WHERE o.id = ${communityId} AND o.kind = 'community' AND ${scopeWhere(actor, 'consolation.manage', { community: sql`o.id` })}`);
    return row;
  },

  async insert(q: Queryable, values: typeof consolation.$inferInsert) {
    const [row] = await q.insert(consolation).values(values).returning();
    return row!;
  },

  /** Adds the community's households matching the criteria (those already listed stay as they are). */
  async addTargets(q: Queryable, campaign: { id: string; communityId: string }, criteria: ConsolationCriteria): Promise<number> {
    const tags = textArray(criteria.tags);
    const kinds = textArray(criteria.assistanceKinds);
    const matches = await rows<{ id: string; grid_id: string | null; matched: string[] }>(
      q,
      sql`SELECT h.id, h.grid_id, ARRAY(
                SELECT DISTINCT x FROM (
                  SELECT unnest(r.tags) AS x FROM resident r WHERE r.household_id = h.id AND r.status = 'active'
                  UNION SELECT unnest(f.categories) FROM care_file f WHERE f.household_id = h.id AND f.status = 'active'
                  UNION SELECT a.kind FROM assistance_application a WHERE a.household_id = h.id AND a.status = 'approved'
                ) m WHERE x = ANY(${tags}) OR x = ANY(${kinds}) ORDER BY x) AS matched
            FROM household h
           WHERE h.community_id = ${campaign.communityId}
             AND (EXISTS (SELECT 1 FROM resident r WHERE r.household_id = h.id AND r.status = 'active' AND r.tags && ${tags})
               OR EXISTS (SELECT 1 FROM care_file f WHERE f.household_id = h.id AND f.status = 'active' AND f.categories && ${tags})
               OR EXISTS (SELECT 1 FROM assistance_application a WHERE a.household_id = h.id AND a.status = 'approved' AND a.kind = ANY(${kinds})))
             ${criteria.careFileOnly ? sql`AND EXISTS (SELECT 1 FROM care_file f WHERE f.household_id = h.id AND f.status = 'active')` : sql``}
             AND NOT EXISTS (SELECT 1 FROM consolation_target t WHERE t.consolation_id = ${campaign.id} AND t.household_id = h.id)`,
    );
    for (let i = 0; i < matches.length; i += 1000) {
      const chunk = matches.slice(i, i + 1000);
      await q.insert(consolationTarget).values(chunk.map((m) => ({ id: newId(), communityId: campaign.communityId, gridId: m.grid_id, consolationId: campaign.id, householdId: m.id, matched: m.matched })));
    }
    return matches.length;
  },

  targets(q: Queryable, actor: Actor, consolationId: string, f: { state: 'pending' | 'done' | 'all'; q?: string; after?: string; limit: number }) {
    return rows<{ household_id: string; address: string; head_name: string | null; grid_name: string | null; matched: string[]; h_id: string | null; gift: string | null; amount_fen: number | null; delivered_by_name: string | null; delivered_at: Date | null; photo_id: string | null; signature_id: string | null }>(
      q,
      sql`SELECT t.household_id, ${addressOf(sql`t.household_id`)} AS address, g.name AS grid_name, t.matched,
                 (SELECT r.name FROM resident r WHERE r.household_id = t.household_id AND r.status = 'active' ORDER BY (r.relation_to_head = '户主') DESC, r.birth_date LIMIT 1) AS head_name,
                 h.id AS h_id, h.gift, h.amount_fen, h.delivered_by_name, h.delivered_at, h.photo_id, h.signature_id
            FROM consolation_target t
            LEFT JOIN consolation_handover h ON h.consolation_id = t.consolation_id AND h.household_id = t.household_id
            LEFT JOIN org_node g ON g.id = t.grid_id
           WHERE t.consolation_id = ${consolationId}
             AND ${scopeWhere(actor, ['consolation.read', 'consolation.handover'], { community: sql`t.community_id`, grid: sql`t.grid_id` })}
             ${f.state === 'pending' ? sql`AND h.id IS NULL` : f.state === 'done' ? sql`AND h.id IS NOT NULL` : sql``}
             ${f.q ? sql`AND (${addressOf(sql`t.household_id`)} ILIKE ${likeOf(f.q)} OR EXISTS (SELECT 1 FROM resident r WHERE r.household_id = t.household_id AND (r.name ILIKE ${likeOf(f.q)} OR r.name_initials ILIKE ${likeOf(f.q)})))` : sql``}
             ${f.after ? sql`AND t.household_id > ${f.after}` : sql``}
           ORDER BY t.household_id LIMIT ${f.limit + 1}`,
    );
  },

  async targetInScope(q: Queryable, actor: Actor, consolationId: string, householdId: string) {
    const [row] = await q
      .select()
      .from(consolationTarget)
      .where(and(eq(consolationTarget.consolationId, consolationId), eq(consolationTarget.householdId, householdId), scopeWhere(actor, 'consolation.handover', { community: consolationTarget.communityId, grid: consolationTarget.gridId })));
    return row;
  },

  /** Inserts the handover unless the household already has one for this campaign (then undefined). */
  async insertHandover(q: Queryable, values: typeof consolationHandover.$inferInsert) {
    const [row] = await q.insert(consolationHandover).values(values).onConflictDoNothing().returning();
    return row;
  },
};
