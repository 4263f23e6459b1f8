/**
 * Meal orders: from the resident app (for oneself or a household member) or by staff at the
 * counter (for any resident, or a guest). Orders of one sitting pass the menu row lock one at a
 * time, so dine-in seats never oversell and a person gets at most one subsidized meal per sitting
 * (also a partial unique index). A served meal counts one service visit (canteen_meal).
 */
import { z } from 'zod';
import type { AppContext } from '../../context';
import type { Actor } from '../../platform/auth/actor';
import type { Queryable } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import { decodeCursor, pageFrom } from '../../platform/pagination';
import { beneficiary, mapViolation, operates } from './center.access';
import { centerRepository, type CommunityInfo } from './center.repository';
import type { CenterDeps } from './center.service';
import { bestSubsidy } from './canteen.rules';
import { canteenRepository as repo, type MenuWithFacts, type OrderWithMenu, type CanteenWithCenter } from './canteen.repository';
import type { MealOrderView } from './canteen.schemas';
import type { ResidentBasic } from '../places/places.duty';

export const toOrderView = (r: OrderWithMenu): MealOrderView => ({ ...r.order, servedOn: r.servedOn, meal: r.meal, residentName: r.residentName });

type MenuInScope = MenuWithFacts & CanteenWithCenter;
const communityOf = (m: MenuInScope): CommunityInfo => ({ id: m.canteen.communityId, name: '', path: m.communityPath, timezone: m.timezone });

export function createMealOrdersService(ctx: AppContext, deps: CenterDeps) {
  const { db, audit } = ctx;

  async function menuFor(q: Queryable, actor: Actor, id: string): Promise<MenuInScope> {
    const m = await repo.menuInScope(q, actor, 'canteen.read', id);
    if (!m) throw new AppError('not_found');
    return m;
  }

  /** The diner: staff may leave the resident out (a guest); residents order for themselves or their household. */
  async function diner(actor: Actor, m: MenuInScope, residentId: string | undefined): Promise<{ resident: ResidentBasic | null; channel: 'app' | 'counter' }> {
    const community = communityOf(m);
    if (!residentId && operates(actor, 'canteen.manage', community)) return { resident: null, channel: 'counter' };
    return beneficiary(db, actor, community, 'canteen.manage', residentId);
  }

  async function subsidyFor(q: Queryable, m: MenuInScope, r: ResidentBasic) {
    return bestSubsidy(await repo.activeRules(q, m.canteen.id), r, m.menu.servedOn, m.menu.priceFen);
  }

  return {
    async quote(actor: Actor, menuId: string, q: { residentId?: string }) {
      const m = await menuFor(db, actor, menuId);
      const who = await beneficiary(db, actor, communityOf(m), 'canteen.manage', q.residentId);
      const best = await subsidyFor(db, m, who.resident);
      return {
        residentId: who.resident.id,
        residentName: who.resident.name,
        priceFen: m.menu.priceFen,
        subsidy: best ? { ruleId: best.rule.id, ruleName: best.rule.name, fundingSource: best.rule.fundingSource, subsidyFen: best.subsidyFen } : null,
        alreadyClaimed: await repo.subsidizedOrder(db, menuId, who.resident.id),
        orderOpen: m.menu.status === 'open' && Date.now() < m.menu.orderCutoffAt.getTime(),
      };
    },

    async order(actor: Actor, menuId: string, input: { residentId?: string; mode: 'dine_in' | 'pickup'; quantity: number; claimSubsidy: boolean }): Promise<MealOrderView> {
      const m = await menuFor(db, actor, menuId);
      const who = await diner(actor, m, input.residentId);
      if (m.menu.status !== 'open') throw new AppError('invalid_transition');
      if (Date.now() >= m.menu.orderCutoffAt.getTime()) throw new AppError('order_cutoff_passed', { cutoffAt: m.menu.orderCutoffAt.toISOString() });
      const best = input.claimSubsidy && who.resident ? await subsidyFor(db, m, who.resident) : null;
      if (input.claimSubsidy && !best) throw new AppError('subsidy_not_eligible');
      const id = await mapViolation(
        () =>
          db.transaction(async (tx) => {
            await repo.lockMenu(tx, menuId);
            if (input.mode === 'dine_in' && (await repo.dineInTaken(tx, menuId)) + input.quantity > m.menu.seats) throw new AppError('capacity_full', { seats: m.menu.seats });
            if (best && (await repo.subsidizedOrder(tx, menuId, who.resident!.id))) throw new AppError('subsidy_already_claimed');
            const subsidyFen = best?.subsidyFen ?? 0;
            const row = await repo.insertOrder(tx, {
              communityId: m.canteen.communityId,
              canteenId: m.canteen.id,
              menuId,
              residentId: who.resident?.id ?? null,
              mode: input.mode,
              channel: who.channel,
              quantity: input.quantity,
              priceFen: m.menu.priceFen,
              subsidyFen,
              subsidyRuleId: best?.rule.id ?? null,
              fundingSource: best?.rule.fundingSource ?? null,
              amountFen: m.menu.priceFen * input.quantity - subsidyFen,
              orderedBy: actor.accountId,
            });
            await audit.record(tx, actor, { action: 'meal_order.create', entity: 'meal_order', entityId: row.id, communityId: row.communityId, changes: { servedOn: m.menu.servedOn, meal: m.menu.meal, mode: row.mode, quantity: row.quantity, subsidyFen, amountFen: row.amountFen } });
            return row.id;
          }),
        { '23505': () => new AppError('subsidy_already_claimed') },
      );
      return this.get(actor, id);
    },

    async get(actor: Actor, id: string): Promise<MealOrderView> {
      const row = await repo.orderInScope(db, actor, ['meal_order.read', 'meal_order.create'], id);
      if (!row) throw new AppError('not_found');
      return toOrderView(row);
    },

    async serve(actor: Actor, id: string): Promise<MealOrderView> {
      await db.transaction(async (tx) => {
        const row = await repo.orderInScope(tx, actor, 'meal_order.serve', id);
        if (!row) throw new AppError('not_found');
        if (row.order.status !== 'ordered') throw new AppError('invalid_transition');
        const now = new Date();
        await repo.setOrder(tx, id, { status: 'served', servedAt: now, servedBy: actor.accountId });
        await deps.serviceVisits.record(tx, { communityId: row.order.communityId, centerId: row.centerId, residentId: row.order.residentId, source: 'canteen_meal', sourceId: id, occurredAt: now, theme: row.theme });
        await audit.record(tx, actor, { action: 'meal_order.serve', entity: 'meal_order', entityId: id, communityId: row.order.communityId, changes: { status: { before: 'ordered', after: 'served' } } });
      });
      return this.get(actor, id);
    },

    async cancel(actor: Actor, id: string): Promise<MealOrderView> {
      await db.transaction(async (tx) => {
        const row = await repo.orderInScope(tx, actor, ['meal_order.read', 'meal_order.create'], id);
        if (!row) throw new AppError('not_found');
        const community = (await centerRepository.community(tx, row.order.communityId))!;
        const staff = operates(actor, 'canteen.manage', community);
        if (!staff) {
          if (!row.order.residentId) throw new AppError('not_found');
          await beneficiary(tx, actor, community, 'canteen.manage', row.order.residentId);
          // After the cut-off the kitchen has cooked it: only the counter can still take it back.
          if (Date.now() >= row.cutoffAt.getTime()) throw new AppError('order_cutoff_passed');
        }
        if (row.order.status !== 'ordered') throw new AppError('invalid_transition');
        await repo.setOrder(tx, id, { status: 'cancelled', cancelledAt: new Date() });
        await audit.record(tx, actor, { action: 'meal_order.cancel', entity: 'meal_order', entityId: id, communityId: row.order.communityId, changes: { status: { before: 'ordered', after: 'cancelled' } } });
      });
      return this.get(actor, id);
    },

    /** Orders of these residents from a local date on (the resident app's "my meals"). */
    async upcoming(actor: Actor, residentIds: string[], from: string): Promise<MealOrderView[]> {
      const found = await repo.listOrders(db, actor, { residentIds, servedFrom: from, excludeCancelled: true, after: null, limit: 100 });
      return found.slice(0, 100).map(toOrderView);
    },

    async list(actor: Actor, q: { canteenId?: string; menuId?: string; servedOn?: string; status?: string; mine?: 'true' | 'false'; cursor?: string; limit: number }) {
      const after = decodeCursor(q.cursor, z.tuple([z.string(), z.string()]));
      const staffWide = actor.grants.some((g) => g.permissions.has('meal_order.read'));
      // Without meal_order.read, callers see their own and their household's orders only.
      const residentIds = q.mine === 'true' || !staffWide ? await householdOf(actor) : undefined;
      const found = await repo.listOrders(db, actor, { ...q, residentIds, after, limit: q.limit });
      return pageFrom(found, q.limit, (r) => [r.order.createdAt.toISOString(), r.order.id], toOrderView);
    },
  };

  async function householdOf(actor: Actor): Promise<string[]> {
    if (!actor.residentId) return [];
    return centerRepository.householdMembers(db, actor.residentId);
  }
}

export type MealOrdersService = ReturnType<typeof createMealOrdersService>;
