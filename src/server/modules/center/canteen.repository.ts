/** The only SQL for the canteen: canteens, daily menus (sittings), subsidy rules, meal orders, statements. */
import { and, asc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { Actor, PermissionRef } from '../../platform/auth/actor';
import { rows, type Queryable } from '../../platform/db/client';
import { center, orgNode } from '../../platform/db/tables/org';
import { scopeWhere } from '../../platform/scope';
import { resident } from '../places/places.tables';
import { canteen, canteenMenu, mealOrder, mealSubsidyRule } from './center.tables';

export type CanteenRow = typeof canteen.$inferSelect;
export type MenuRow = typeof canteenMenu.$inferSelect;
export type RuleRow = typeof mealSubsidyRule.$inferSelect;
export type OrderRow = typeof mealOrder.$inferSelect;
export type CanteenWithCenter = { canteen: CanteenRow; centerName: string; timezone: string; communityPath: string };

const canteenSelect = (q: Queryable) =>
  q
    .select({ canteen, centerName: center.name, timezone: orgNode.timezone, communityPath: orgNode.path })
    .from(canteen)
    .innerJoin(center, eq(center.id, canteen.centerId))
    .innerJoin(orgNode, eq(orgNode.id, canteen.communityId));

const active = sql`mo.status <> 'cancelled'`;
// Qualified by hand: in a single-table select drizzle renders columns unqualified, which a subquery would capture.
const menuIdCol = sql.raw('"canteen_menu"."id"');
const menuFacts = {
  dineInTaken: sql<number>`(SELECT COALESCE(sum(mo.quantity), 0)::int FROM meal_order mo WHERE mo.menu_id = ${menuIdCol} AND mo.mode = 'dine_in' AND ${active})`,
  pickupCount: sql<number>`(SELECT COALESCE(sum(mo.quantity), 0)::int FROM meal_order mo WHERE mo.menu_id = ${menuIdCol} AND mo.mode = 'pickup' AND ${active})`,
  orderCount: sql<number>`(SELECT count(*)::int FROM meal_order mo WHERE mo.menu_id = ${menuIdCol} AND ${active})`,
  servedCount: sql<number>`(SELECT count(*)::int FROM meal_order mo WHERE mo.menu_id = ${menuIdCol} AND mo.status = 'served')`,
};
export type MenuWithFacts = { menu: MenuRow; dineInTaken: number; pickupCount: number; orderCount: number; servedCount: number };

const orderSelect = (q: Queryable) =>
  q
    .select({ order: mealOrder, servedOn: canteenMenu.servedOn, meal: canteenMenu.meal, residentName: resident.name })
    .from(mealOrder)
    .innerJoin(canteenMenu, eq(canteenMenu.id, mealOrder.menuId))
    .leftJoin(resident, eq(resident.id, mealOrder.residentId));
export type OrderWithMenu = { order: OrderRow; servedOn: string; meal: MenuRow['meal']; residentName: string | null };

export const canteenRepository = {
  list(q: Queryable, actor: Actor, f: { centerId?: string }): Promise<CanteenWithCenter[]> {
    const conds: SQL[] = [scopeWhere(actor, 'canteen.read', { community: canteen.communityId })];
    if (f.centerId) conds.push(eq(canteen.centerId, f.centerId));
    return canteenSelect(q).where(and(...conds)).orderBy(asc(canteen.name)).limit(200);
  },

  async findInScope(q: Queryable, actor: Actor, permission: PermissionRef, id: string): Promise<CanteenWithCenter | undefined> {
    const [row] = await canteenSelect(q).where(and(eq(canteen.id, id), scopeWhere(actor, permission, { community: canteen.communityId })));
    return row;
  },

  async insert(q: Queryable, values: typeof canteen.$inferInsert): Promise<CanteenRow> {
    const [row] = await q.insert(canteen).values(values).returning();
    return row!;
  },

  menus(q: Queryable, canteenId: string, from: string, to: string): Promise<MenuWithFacts[]> {
    return q
      .select({ menu: canteenMenu, ...menuFacts })
      .from(canteenMenu)
      .where(and(eq(canteenMenu.canteenId, canteenId), gte(canteenMenu.servedOn, from), lte(canteenMenu.servedOn, to)))
      .orderBy(asc(canteenMenu.servedOn), sql`array_position(ARRAY['breakfast','lunch','dinner'], ${canteenMenu.meal})`)
      .limit(200);
  },

  async menuInScope(q: Queryable, actor: Actor, permission: PermissionRef, id: string): Promise<(MenuWithFacts & CanteenWithCenter) | undefined> {
    const [row] = await q
      .select({ menu: canteenMenu, ...menuFacts, canteen, centerName: center.name, timezone: orgNode.timezone, communityPath: orgNode.path })
      .from(canteenMenu)
      .innerJoin(canteen, eq(canteen.id, canteenMenu.canteenId))
      .innerJoin(center, eq(center.id, canteen.centerId))
      .innerJoin(orgNode, eq(orgNode.id, canteen.communityId))
      .where(and(eq(canteenMenu.id, id), scopeWhere(actor, permission, { community: canteenMenu.communityId })));
    return row;
  },

  async insertMenu(q: Queryable, values: typeof canteenMenu.$inferInsert): Promise<MenuRow> {
    const [row] = await q.insert(canteenMenu).values(values).returning();
    return row!;
  },

  /** Locks a sitting: orders of one menu pass one at a time, so seats and the one-subsidy rule hold. */
  async lockMenu(tx: Queryable, id: string): Promise<void> {
    await tx.execute(sql`SELECT id FROM canteen_menu WHERE id = ${id} FOR UPDATE`);
  },

  async dineInTaken(q: Queryable, menuId: string): Promise<number> {
    const [row] = await rows<{ n: number }>(q, sql`SELECT COALESCE(sum(quantity), 0)::int AS n FROM meal_order WHERE menu_id = ${menuId} AND mode = 'dine_in' AND status <> 'cancelled'`);
    return row!.n;
  },

  async subsidizedOrder(q: Queryable, menuId: string, residentId: string): Promise<boolean> {
    const [row] = await rows<{ id: string }>(q, sql`SELECT id FROM meal_order WHERE menu_id = ${menuId} AND resident_id = ${residentId} AND subsidy_fen > 0 AND status <> 'cancelled' LIMIT 1`);
    return !!row;
  },

  activeRules(q: Queryable, canteenId: string): Promise<RuleRow[]> {
    return q.select().from(mealSubsidyRule).where(and(eq(mealSubsidyRule.canteenId, canteenId), eq(mealSubsidyRule.active, true))).orderBy(asc(mealSubsidyRule.name));
  },

  rules(q: Queryable, canteenId: string): Promise<RuleRow[]> {
    return q.select().from(mealSubsidyRule).where(eq(mealSubsidyRule.canteenId, canteenId)).orderBy(asc(mealSubsidyRule.name)).limit(200);
  },

  async ruleInScope(q: Queryable, actor: Actor, permission: PermissionRef, id: string): Promise<RuleRow | undefined> {
    const [row] = await q.select().from(mealSubsidyRule).where(and(eq(mealSubsidyRule.id, id), scopeWhere(actor, permission, { community: mealSubsidyRule.communityId })));
    return row;
  },

  async insertRule(q: Queryable, values: typeof mealSubsidyRule.$inferInsert): Promise<RuleRow> {
    const [row] = await q.insert(mealSubsidyRule).values(values).returning();
    return row!;
  },

  async insertOrder(q: Queryable, values: typeof mealOrder.$inferInsert): Promise<OrderRow> {
    const [row] = await q.insert(mealOrder).values(values).returning();
    return row!;
  },

  async orderInScope(q: Queryable, actor: Actor, permission: PermissionRef, id: string): Promise<(OrderWithMenu & { cutoffAt: Date; centerId: string; theme: CanteenRow['theme'] }) | undefined> {
    const [row] = await q
      .select({ order: mealOrder, servedOn: canteenMenu.servedOn, meal: canteenMenu.meal, residentName: resident.name, cutoffAt: canteenMenu.orderCutoffAt, centerId: canteen.centerId, theme: canteen.theme })
      .from(mealOrder)
      .innerJoin(canteenMenu, eq(canteenMenu.id, mealOrder.menuId))
      .innerJoin(canteen, eq(canteen.id, mealOrder.canteenId))
      .leftJoin(resident, eq(resident.id, mealOrder.residentId))
      .where(and(eq(mealOrder.id, id), scopeWhere(actor, permission, { community: mealOrder.communityId })));
    return row;
  },

  async setOrder(q: Queryable, id: string, values: Partial<typeof mealOrder.$inferInsert>): Promise<void> {
    await q.update(mealOrder).set(values).where(eq(mealOrder.id, id));
  },

  listOrders(
    q: Queryable,
    actor: Actor,
    f: { canteenId?: string; menuId?: string; servedOn?: string; servedFrom?: string; status?: string; excludeCancelled?: boolean; residentIds?: string[]; after: [string, string] | null; limit: number },
  ): Promise<OrderWithMenu[]> {
    const conds: SQL[] = [scopeWhere(actor, ['meal_order.read', 'meal_order.create'], { community: mealOrder.communityId })];
    if (f.canteenId) conds.push(eq(mealOrder.canteenId, f.canteenId));
    if (f.menuId) conds.push(eq(mealOrder.menuId, f.menuId));
    if (f.servedOn) conds.push(eq(canteenMenu.servedOn, f.servedOn));
    if (f.servedFrom) conds.push(gte(canteenMenu.servedOn, f.servedFrom));
    if (f.status) conds.push(eq(mealOrder.status, f.status as OrderRow['status']));
    if (f.excludeCancelled) conds.push(sql`${mealOrder.status} <> 'cancelled'`);
    if (f.residentIds) conds.push(f.residentIds.length ? sql`${mealOrder.residentId} IN (${sql.join(f.residentIds.map((r) => sql`${r}::uuid`), sql`, `)})` : sql`false`);
    if (f.after) conds.push(sql`(${mealOrder.createdAt}, ${mealOrder.id}) > (${f.after[0]}::timestamptz, ${f.after[1]}::uuid)`);
    return orderSelect(q).where(and(...conds)).orderBy(asc(mealOrder.createdAt), asc(mealOrder.id)).limit(f.limit + 1);
  },

  /** The month's served, subsidized meals per funding source and per person: one aggregate each. */
  async statement(q: Queryable, canteenId: string, month: string) {
    const base = sql`FROM meal_order o JOIN canteen_menu m ON m.id = o.menu_id
      WHERE o.canteen_id = ${canteenId} AND o.status = 'served' AND o.subsidy_fen > 0 AND to_char(m.served_on, 'YYYY-MM') = ${month}`;
    const [totals] = await rows<{ meals: number; people: number; amountFen: number }>(q, sql`SELECT count(*)::int AS meals, count(DISTINCT o.resident_id)::int AS people, COALESCE(sum(o.subsidy_fen), 0)::int AS "amountFen" ${base}`);
    const bySource = await rows<{ fundingSource: string; meals: number; people: number; amountFen: number }>(
      q,
      sql`SELECT o.funding_source AS "fundingSource", count(*)::int AS meals, count(DISTINCT o.resident_id)::int AS people, sum(o.subsidy_fen)::int AS "amountFen" ${base} GROUP BY 1 ORDER BY 1`,
    );
    const lines = await rows<{ fundingSource: string; residentId: string; residentName: string; meals: number; amountFen: number }>(
      q,
      sql`SELECT o.funding_source AS "fundingSource", o.resident_id AS "residentId", r.name AS "residentName", count(*)::int AS meals, sum(o.subsidy_fen)::int AS "amountFen"
          FROM meal_order o JOIN canteen_menu m ON m.id = o.menu_id JOIN resident r ON r.id = o.resident_id
          WHERE o.canteen_id = ${canteenId} AND o.status = 'served' AND o.subsidy_fen > 0 AND to_char(m.served_on, 'YYYY-MM') = ${month}
          GROUP BY 1, 2, 3 ORDER BY 1, 3 LIMIT 5000`,
    );
    return { totals: totals!, bySource, lines };
  },
};
