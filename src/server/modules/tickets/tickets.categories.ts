/**
 * Ticket categories per community. Every community starts with the default set (created on first
 * use, idempotently); the secretary or staff tune deadlines, the on-site flag and routing to a
 * department contact (e.g. the property company), or add their own.
 */
import type { AppContext } from '../../context';
import { systemActor, type Actor } from '../../platform/auth/actor';
import { diffForAudit } from '../../platform/audit';
import type { Queryable, Tx } from '../../platform/db/client';
import { updateVersioned } from '../../platform/db/versioned';
import { AppError } from '../../platform/errors';
import { explicitCommunityIds, pathInScope, scopeWhere } from '../../platform/scope';
import { ticketsRepository as repo, type CategoryRow } from './tickets.repository';
import type { CategoryView } from './tickets.schemas';
import { ticketCategory } from './tickets.tables';

export interface DefaultCategory {
  key: string;
  name: string;
  deadlineHours: number;
  onSite: boolean;
  sort: number;
}

/** 环境卫生, 物业维修, 邻里纠纷, 治安, 政策咨询, 解忧 … with their usual promise to residents. */
export const defaultCategories: readonly DefaultCategory[] = [
  { key: 'sanitation', name: '环境卫生', deadlineHours: 48, onSite: true, sort: 10 },
  { key: 'property_repair', name: '物业维修', deadlineHours: 72, onSite: true, sort: 20 },
  { key: 'neighbor_dispute', name: '邻里纠纷', deadlineHours: 72, onSite: true, sort: 30 },
  { key: 'public_security', name: '治安', deadlineHours: 24, onSite: true, sort: 40 },
  { key: 'policy_inquiry', name: '政策咨询', deadlineHours: 24, onSite: false, sort: 50 },
  { key: 'counseling', name: '解忧', deadlineHours: 48, onSite: false, sort: 60 },
  { key: 'public_facilities', name: '公共设施', deadlineHours: 72, onSite: true, sort: 70 },
  { key: 'elderly_care', name: '为老服务', deadlineHours: 48, onSite: true, sort: 80 },
  { key: 'other', name: '其他', deadlineHours: 72, onSite: false, sort: 90 },
];

/** Every ticket permission: any of them lets one read a community's categories. */
export const categoryReadAccess = ['ticket.create', 'ticket.create_for', 'ticket.read', 'ticket.work', 'ticket.configure'] as const;

export const toCategoryView = (c: CategoryRow, routeAccountName: string | null): CategoryView => ({
  id: c.id,
  communityId: c.communityId,
  key: c.key,
  name: c.name,
  deadlineHours: c.deadlineHours,
  onSite: c.onSite,
  routeAccountId: c.routeAccountId,
  routeAccountName,
  active: c.active,
  sort: c.sort,
  version: c.version,
});

export function createCategoryService(ctx: AppContext) {
  const { db, audit } = ctx;

  /** Creates the default set for a community that has none (inside the caller's transaction). */
  async function ensureDefaults(tx: Tx, communityId: string): Promise<void> {
    if (await repo.hasCategories(tx, communityId)) return;
    const created = await repo.insertCategories(
      tx,
      defaultCategories.map((c) => ({ communityId, key: c.key, name: c.name, deadlineHours: c.deadlineHours, onSite: c.onSite, sort: c.sort })),
    );
    if (created.length) {
      await audit.record(tx, systemActor('tickets'), { action: 'ticket_category.defaults', entity: 'ticket_category', communityId, changes: { keys: created.map((c) => c.key) } });
    }
  }

  async function communityInScope(actor: Actor, communityId: string, permission: readonly string[] | string) {
    const node = await repo.org(db, communityId);
    if (!node || node.kind !== 'community' || !pathInScope(actor, permission, node.path)) throw new AppError('not_found');
    return node;
  }

  async function checkRouteAccount(q: Queryable, accountId: string | null | undefined, communityPath: string) {
    if (accountId && !(await repo.canWorkIn(q, accountId, communityPath))) {
      throw new AppError('validation_failed', [{ field: 'body.routeAccountId', code: 'assignee_invalid', message: 'assignee_invalid' }]);
    }
  }

  return {
    ensureDefaults,

    async list(actor: Actor, query: { communityId?: string; includeInactive?: 'true' | 'false' }): Promise<CategoryView[]> {
      let communityId = query.communityId;
      if (communityId) {
        // Grid workers hold their grants at a grid: the community around it is theirs to read categories of.
        const ids = explicitCommunityIds(actor, categoryReadAccess);
        if (!(ids?.includes(communityId) ?? false)) await communityInScope(actor, communityId, categoryReadAccess);
      } else {
        const ids = explicitCommunityIds(actor, categoryReadAccess);
        if (!ids || ids.length !== 1) throw new AppError('validation_failed', [{ field: 'querystring.communityId', code: 'community_required', message: 'community_required' }]);
        communityId = ids[0]!;
      }
      const target = communityId;
      await db.transaction((tx) => ensureDefaults(tx, target));
      const found = await repo.categories(db, [target], query.includeInactive === 'true');
      return found.map((r) => toCategoryView(r.c, r.routeAccountName));
    },

    async create(
      actor: Actor,
      body: { communityId: string; key: string; name: string; deadlineHours: number; onSite: boolean; routeAccountId?: string | null; sort?: number },
    ): Promise<CategoryView> {
      const community = await communityInScope(actor, body.communityId, 'ticket.configure');
      return db.transaction(async (tx) => {
        await ensureDefaults(tx, community.id);
        await checkRouteAccount(tx, body.routeAccountId, community.path);
        const [row] = await repo.insertCategories(tx, [
          { communityId: community.id, key: body.key, name: body.name, deadlineHours: body.deadlineHours, onSite: body.onSite, routeAccountId: body.routeAccountId ?? null, sort: body.sort ?? 100 },
        ]);
        if (!row) throw new AppError('already_exists', [{ field: 'body.key', code: 'category_key_taken', message: 'category_key_taken' }]);
        await audit.record(tx, actor, { action: 'ticket_category.create', entity: 'ticket_category', entityId: row.id, communityId: community.id, changes: diffForAudit(null, { key: row.key, name: row.name, deadlineHours: row.deadlineHours, onSite: row.onSite, routeAccountId: row.routeAccountId }) });
        const names = await repo.displayNames(tx, row.routeAccountId ? [row.routeAccountId] : []);
        return toCategoryView(row, row.routeAccountId ? (names.get(row.routeAccountId) ?? null) : null);
      });
    },

    async update(
      actor: Actor,
      id: string,
      body: { version: number; name?: string; deadlineHours?: number; onSite?: boolean; routeAccountId?: string | null; active?: boolean; sort?: number },
    ): Promise<CategoryView> {
      return db.transaction(async (tx) => {
        const before = await repo.categoryById(tx, id);
        const community = before ? await repo.org(tx, before.communityId) : undefined;
        if (!before || !community || !pathInScope(actor, 'ticket.configure', community.path)) throw new AppError('not_found');
        await checkRouteAccount(tx, body.routeAccountId, community.path);
        const { version, ...values } = body;
        const after = await updateVersioned(tx, ticketCategory, { id, version, values, scope: scopeWhere(actor, 'ticket.configure', { community: ticketCategory.communityId }) });
        await audit.record(tx, actor, { action: 'ticket_category.update', entity: 'ticket_category', entityId: id, communityId: after.communityId, changes: diffForAudit(before, after, { fields: ['name', 'deadlineHours', 'onSite', 'routeAccountId', 'active', 'sort'] }) });
        const names = await repo.displayNames(tx, after.routeAccountId ? [after.routeAccountId] : []);
        return toCategoryView(after, after.routeAccountId ? (names.get(after.routeAccountId) ?? null) : null);
      });
    },
  };
}

export type CategoryService = ReturnType<typeof createCategoryService>;
