/** Micro-wishes: who sees which (staff all in scope, donors the open ones and their own claims, wishers theirs). */
import { and, desc, eq, lt, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor';
import { rows, type Queryable } from '../../platform/db/client';
import { scopeWhere } from '../../platform/scope';
import { qualified } from './care-files.repository';
import { wish } from './care.tables';

export type WishRow = typeof wish.$inferSelect;

const staffScope = (actor: Actor) => scopeWhere(actor, 'wish.manage', { community: wish.communityId, grid: wish.gridId });

/** The caller's own wishes: posted by their account or made by the resident they are. */
const ownWish = (actor: Actor): SQL =>
  actor.residentId ? sql`(${wish.wisherAccountId} = ${actor.accountId} OR ${wish.wisherResidentId} = ${actor.residentId})` : sql`${wish.wisherAccountId} = ${actor.accountId}`;

function visible(actor: Actor): SQL {
  return sql`(${staffScope(actor)}
    OR (${wish.status} = 'open' AND ${scopeWhere(actor, ['wish.read', 'wish.claim'], { community: wish.communityId })})
    OR ${wish.claimedBy} = ${actor.accountId}
    OR ${ownWish(actor)})`;
}

const columns = (actor: Actor) => ({
  w: wish,
  communityName: sql<string>`(SELECT o.name FROM org_node o WHERE o.id = ${qualified(wish.communityId)})`,
  wisherName: sql<string>`(SELECT r.name FROM resident r WHERE r.id = ${qualified(wish.wisherResidentId)})`,
  staff: sql<boolean>`${staffScope(actor)}`,
  own: sql<boolean>`COALESCE(${ownWish(actor)}, false)`,
});

export const wishesRepository = {
  list(q: Queryable, actor: Actor, f: { status?: string; mine?: boolean; before?: string; limit: number }) {
    const conds: (SQL | undefined)[] = [visible(actor)];
    if (f.status) conds.push(sql`${wish.status} = ${f.status}`);
    if (f.mine) conds.push(sql`(${wish.claimedBy} = ${actor.accountId} OR ${ownWish(actor)})`);
    if (f.before) conds.push(lt(wish.id, f.before));
    return q.select(columns(actor)).from(wish).where(and(...conds)).orderBy(desc(wish.id)).limit(f.limit + 1);
  },

  async find(q: Queryable, actor: Actor, id: string) {
    const [row] = await q.select(columns(actor)).from(wish).where(and(eq(wish.id, id), visible(actor)));
    return row;
  },

  /** A wish in a community where the caller may claim, whatever its status (for the claim's answer). */
  async findClaimable(q: Queryable, actor: Actor, id: string) {
    const [row] = await q.select(columns(actor)).from(wish).where(and(eq(wish.id, id), scopeWhere(actor, 'wish.claim', { community: wish.communityId })));
    return row;
  },

  async residentForWish(q: Queryable, actor: Actor, residentId: string, viaStaff: boolean) {
    const scope = viaStaff ? scopeWhere(actor, 'wish.manage', { community: sql`r.community_id`, grid: sql`r.grid_id` }) : sql`true`;
    const [row] = await rows<{ id: string; community_id: string; grid_id: string | null; household_id: string | null; account_id: string | null; needy: boolean }>(
      q,
      sql`SELECT r.id, r.community_id, r.grid_id, r.household_id,
                 (SELECT a.id FROM account a WHERE a.resident_id = r.id LIMIT 1) AS account_id,
                 EXISTS (SELECT 1 FROM care_file f WHERE f.household_id = r.household_id AND f.status = 'active') AS needy
            FROM resident r WHERE r.id = ${residentId} AND r.status = 'active' AND ${scope}`,
    );
    return row;
  },

  async insert(q: Queryable, values: typeof wish.$inferInsert) {
    const [row] = await q.insert(wish).values(values).returning();
    return row!;
  },

  /** The single-winner claim: only an open wish changes hands, so of N racing claimers one gets the row. */
  async claim(q: Queryable, id: string, by: { accountId: string; name: string; unitId: string | null; unitName: string | null }) {
    const [row] = await q
      .update(wish)
      .set({ status: 'claimed', claimedBy: by.accountId, claimedByName: by.name, claimedPartnerUnitId: by.unitId, claimedPartnerUnitName: by.unitName, claimedAt: new Date(), version: sql`${wish.version} + 1`, updatedAt: new Date() })
      .where(and(eq(wish.id, id), eq(wish.status, 'open')))
      .returning();
    return row;
  },

  /** Moves a wish on from one status to the next; undefined when someone moved it first. */
  async advance(q: Queryable, id: string, from: WishRow['status'], values: Partial<typeof wish.$inferInsert>) {
    const [row] = await q
      .update(wish)
      .set({ ...values, version: sql`${wish.version} + 1`, updatedAt: new Date() })
      .where(and(eq(wish.id, id), eq(wish.status, from)))
      .returning();
    return row;
  },

  wall(q: Queryable, communityId: string, f: { before?: string; limit: number }) {
    return rows<{ id: string; title: string; category: string; wisher: string; donor_name: string | null; unit_name: string | null; fulfilled_at: Date; thanks: string | null; photo_id: string | null }>(
      q,
      sql`SELECT w.id, w.title, w.category, r.name AS wisher, w.claimed_by_name AS donor_name, w.claimed_partner_unit_name AS unit_name,
                 w.fulfilled_at, w.thanks, w.fulfilment_photo_id AS photo_id
            FROM wish w JOIN resident r ON r.id = w.wisher_resident_id
           WHERE w.community_id = ${communityId} AND w.status IN ('fulfilled', 'confirmed')
             ${f.before ? sql`AND w.id < ${f.before}` : sql``}
           ORDER BY w.id DESC LIMIT ${f.limit + 1}`,
    );
  },

  async community(q: Queryable, communityId: string) {
    const [row] = await rows<{ id: string }>(q, sql`SELECT id FROM org_node WHERE id = ${communityId} AND kind = 'community'`);
    return row;
  },
};
