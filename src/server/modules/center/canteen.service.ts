/**
 * The canteen (幸福大食堂): canteens of a center, the daily menu of each sitting with its seats and
 * order cut-off, the subsidy rules, and the monthly subsidy statement per funding source — the
 * sheet the community hands in to get the subsidies paid back.
 */
import type { AppContext } from '../../context';
import type { Actor } from '../../platform/auth/actor';
import { diffForAudit } from '../../platform/audit';
import { updateVersioned } from '../../platform/db/versioned';
import { AppError } from '../../platform/errors';
import { scopeWhere } from '../../platform/scope';
import { mapViolation } from './center.access';
import { centerRepository } from './center.repository';
import { canteen, canteenMenu, mealSubsidyRule } from './center.tables';
import { zonedInstant } from './center.time';
import { canteenRepository as repo, type CanteenWithCenter, type MenuWithFacts, type RuleRow } from './canteen.repository';
import type { CanteenView, MenuView, SubsidyRuleView } from './canteen.schemas';

export const toCanteenView = (r: CanteenWithCenter): CanteenView => ({ ...r.canteen, centerName: r.centerName, timezone: r.timezone });

export const toMenuView = (r: MenuWithFacts, now = new Date()): MenuView => ({
  ...r.menu,
  orderOpen: r.menu.status === 'open' && now < r.menu.orderCutoffAt,
  dineInTaken: r.dineInTaken,
  pickupCount: r.pickupCount,
  orderCount: r.orderCount,
  servedCount: r.servedCount,
});

export const toRuleView = (r: RuleRow): SubsidyRuleView => ({ ...r });

const sittingTaken = () => new AppError('already_exists', [{ field: 'body.meal', code: 'already_exists', message: 'meal' }]);

export function createCanteenService(ctx: AppContext) {
  const { db, audit } = ctx;

  async function canteenFor(actor: Actor, permission: string, id: string, q = db): Promise<CanteenWithCenter> {
    const row = await repo.findInScope(q, actor, permission, id);
    if (!row) throw new AppError('not_found');
    return row;
  }

  return {
    canteenFor,

    async list(actor: Actor, q: { centerId?: string }): Promise<CanteenView[]> {
      return (await repo.list(db, actor, q)).map(toCanteenView);
    },

    async get(actor: Actor, id: string): Promise<CanteenView> {
      return toCanteenView(await canteenFor(actor, 'canteen.read', id));
    },

    async create(actor: Actor, input: { centerId: string; name: string; seatsPerSitting: number; orderCutoff: string; theme?: CanteenView['theme'] }): Promise<CanteenView> {
      return db.transaction(async (tx) => {
        const c = await centerRepository.centerInScope(tx, actor, 'canteen.manage', input.centerId);
        if (!c) throw new AppError('not_found');
        const row = await repo.insert(tx, { ...input, communityId: c.communityId, theme: input.theme ?? null });
        await audit.record(tx, actor, { action: 'canteen.create', entity: 'canteen', entityId: row.id, communityId: row.communityId, changes: diffForAudit(null, { name: row.name, seatsPerSitting: row.seatsPerSitting, orderCutoff: row.orderCutoff }) });
        return toCanteenView({ canteen: row, centerName: c.name, timezone: c.community.timezone, communityPath: c.community.path });
      });
    },

    async update(actor: Actor, id: string, input: { version: number; name?: string; seatsPerSitting?: number; orderCutoff?: string; theme?: CanteenView['theme'] }): Promise<CanteenView> {
      return db.transaction(async (tx) => {
        const before = await canteenFor(actor, 'canteen.manage', id, tx);
        const { version, ...values } = input;
        const after = await updateVersioned(tx, canteen, { id, version, values, scope: scopeWhere(actor, 'canteen.manage', { community: canteen.communityId }) });
        await audit.record(tx, actor, { action: 'canteen.update', entity: 'canteen', entityId: id, communityId: after.communityId, changes: diffForAudit(before.canteen, after, { fields: Object.keys(values) as never }) });
        return toCanteenView({ ...before, canteen: after });
      });
    },

    async menus(actor: Actor, canteenId: string, q: { from: string; to: string }): Promise<MenuView[]> {
      await canteenFor(actor, 'canteen.read', canteenId);
      const now = new Date();
      return (await repo.menus(db, canteenId, q.from, q.to)).map((m) => toMenuView(m, now));
    },

    async createMenu(actor: Actor, canteenId: string, input: { servedOn: string; meal: MenuView['meal']; dishes: string[]; priceFen: number; seats?: number }): Promise<MenuView> {
      const id = await mapViolation(
        () =>
          db.transaction(async (tx) => {
            const c = await canteenFor(actor, 'canteen.manage', canteenId, tx);
            const row = await repo.insertMenu(tx, {
              communityId: c.canteen.communityId,
              canteenId,
              servedOn: input.servedOn,
              meal: input.meal,
              dishes: input.dishes,
              priceFen: input.priceFen,
              seats: input.seats ?? c.canteen.seatsPerSitting,
              // The cut-off is fixed when the menu is published, so later changes to the canteen do not move it.
              orderCutoffAt: zonedInstant(input.servedOn, c.canteen.orderCutoff, c.timezone),
            });
            await audit.record(tx, actor, { action: 'canteen_menu.create', entity: 'canteen_menu', entityId: row.id, communityId: row.communityId, changes: { servedOn: row.servedOn, meal: row.meal, priceFen: row.priceFen, seats: row.seats } });
            return row.id;
          }),
        { '23505': sittingTaken },
      );
      const menu = await repo.menuInScope(db, actor, 'canteen.read', id);
      return toMenuView(menu!);
    },

    async updateMenu(actor: Actor, id: string, input: { version: number; dishes?: string[]; priceFen?: number; seats?: number; status?: 'open' | 'cancelled' }): Promise<MenuView> {
      await db.transaction(async (tx) => {
        const before = await repo.menuInScope(tx, actor, 'canteen.manage', id);
        if (!before) throw new AppError('not_found');
        const { version, ...values } = input;
        if (values.seats !== undefined && values.seats < before.dineInTaken) throw new AppError('validation_failed', [{ field: 'body.seats', code: 'seats_below_orders', message: String(before.dineInTaken) }]);
        const after = await updateVersioned(tx, canteenMenu, { id, version, values, scope: scopeWhere(actor, 'canteen.manage', { community: canteenMenu.communityId }) });
        await audit.record(tx, actor, { action: 'canteen_menu.update', entity: 'canteen_menu', entityId: id, communityId: after.communityId, changes: diffForAudit(before.menu, after, { fields: Object.keys(values) as never }) });
      });
      return toMenuView((await repo.menuInScope(db, actor, 'canteen.read', id))!);
    },

    async rules(actor: Actor, canteenId: string): Promise<SubsidyRuleView[]> {
      await canteenFor(actor, 'canteen.read', canteenId);
      return (await repo.rules(db, canteenId)).map(toRuleView);
    },

    async createRule(actor: Actor, canteenId: string, input: { name: string; minAge?: number | null; tags?: string[]; discountKind: 'fixed' | 'percent'; amountFen?: number | null; percent?: number | null; fundingSource: string }): Promise<SubsidyRuleView> {
      return db.transaction(async (tx) => {
        const c = await canteenFor(actor, 'canteen.manage', canteenId, tx);
        const row = await repo.insertRule(tx, { ...input, communityId: c.canteen.communityId, canteenId, tags: input.tags ?? [], minAge: input.minAge ?? null, amountFen: input.amountFen ?? null, percent: input.percent ?? null });
        await audit.record(tx, actor, { action: 'meal_subsidy_rule.create', entity: 'meal_subsidy_rule', entityId: row.id, communityId: row.communityId, changes: diffForAudit(null, { name: row.name, minAge: row.minAge, tags: row.tags, discountKind: row.discountKind, amountFen: row.amountFen, percent: row.percent, fundingSource: row.fundingSource }) });
        return toRuleView(row);
      });
    },

    async updateRule(actor: Actor, id: string, input: { version: number; name?: string; fundingSource?: string; active?: boolean }): Promise<SubsidyRuleView> {
      return db.transaction(async (tx) => {
        const before = await repo.ruleInScope(tx, actor, 'canteen.manage', id);
        if (!before) throw new AppError('not_found');
        const { version, ...values } = input;
        const after = await updateVersioned(tx, mealSubsidyRule, { id, version, values, scope: scopeWhere(actor, 'canteen.manage', { community: mealSubsidyRule.communityId }) });
        await audit.record(tx, actor, { action: 'meal_subsidy_rule.update', entity: 'meal_subsidy_rule', entityId: id, communityId: after.communityId, changes: diffForAudit(before, after, { fields: Object.keys(values) as never }) });
        return toRuleView(after);
      });
    },

    async statement(actor: Actor, canteenId: string, month: string) {
      const c = await canteenFor(actor, 'meal_subsidy.read', canteenId);
      const s = await repo.statement(db, canteenId, month);
      return { canteenId, canteenName: c.canteen.name, month, ...s.totals, bySource: s.bySource, lines: s.lines };
    },
  };
}

export type CanteenService = ReturnType<typeof createCanteenService>;
