/** The only file that builds SQL for tickets, their timeline and categories. */
import { and, asc, desc, eq, gt, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Actor } from '../../platform/auth/actor';
import { rows, type Queryable } from '../../platform/db/client';
import { account } from '../../platform/db/tables/auth';
import { orgNode } from '../../platform/db/tables/org';
import { scopeWhere } from '../../platform/scope';
import { openStatuses, ticket, ticketCategory, ticketEvent } from './tickets.tables';

export type TicketRow = typeof ticket.$inferSelect;
export type CategoryRow = typeof ticketCategory.$inferSelect;
export type EventRow = typeof ticketEvent.$inferSelect;

const gridOrg = alias(orgNode, 'grid_org');
const communityOrg = alias(orgNode, 'community_org');
const assignee = alias(account, 'assignee');

/** A ticket with what its views and access checks need: names and the org paths of its scope. */
const detailColumns = {
  t: ticket,
  categoryName: ticketCategory.name,
  onSite: ticketCategory.onSite,
  communityName: communityOrg.name,
  communityPath: communityOrg.path,
  gridName: gridOrg.name,
  gridPath: gridOrg.path,
  assigneeName: assignee.displayName,
};
export interface TicketDetailRow {
  t: TicketRow;
  categoryName: string;
  onSite: boolean;
  communityName: string;
  communityPath: string;
  gridName: string | null;
  gridPath: string | null;
  assigneeName: string | null;
}

function detailSelect(q: Queryable) {
  return q
    .select(detailColumns)
    .from(ticket)
    .innerJoin(ticketCategory, eq(ticketCategory.id, ticket.categoryId))
    .innerJoin(communityOrg, eq(communityOrg.id, ticket.communityId))
    .leftJoin(gridOrg, eq(gridOrg.id, ticket.gridId))
    .leftJoin(assignee, eq(assignee.id, ticket.assigneeAccountId));
}

export interface ListFilter {
  view: 'mine' | 'assigned' | 'scope';
  accountId: string;
  residentId?: string | null;
  status?: string;
  category?: string;
  communityId?: string;
  gridId?: string;
  overdue?: boolean;
  sort: 'due' | 'created';
  after?: [string, string];
  limit: number;
}

export const ticketsRepository = {
  async insert(q: Queryable, values: typeof ticket.$inferInsert): Promise<TicketRow> {
    const [row] = await q.insert(ticket).values(values).returning();
    return row!;
  },

  async insertEvents(q: Queryable, values: (typeof ticketEvent.$inferInsert)[]): Promise<void> {
    if (values.length) await q.insert(ticketEvent).values(values);
  },

  async findDetail(q: Queryable, id: string): Promise<TicketDetailRow | undefined> {
    const [row] = await detailSelect(q).where(eq(ticket.id, id));
    return row;
  },

  /** Locks the ticket row for a transition (concurrent transitions queue here; the loser sees the new status). */
  async lock(q: Queryable, id: string): Promise<TicketRow | undefined> {
    const [row] = await q.select().from(ticket).where(eq(ticket.id, id)).for('update');
    return row;
  },

  async update(q: Queryable, id: string, values: Partial<typeof ticket.$inferInsert>): Promise<TicketRow> {
    const [row] = await q
      .update(ticket)
      .set({ ...values, version: sql`${ticket.version} + 1`, updatedAt: new Date() })
      .where(eq(ticket.id, id))
      .returning();
    return row!;
  },

  events(q: Queryable, ticketId: string): Promise<EventRow[]> {
    return q.select().from(ticketEvent).where(eq(ticketEvent.ticketId, ticketId)).orderBy(asc(ticketEvent.at), asc(ticketEvent.id));
  },

  async mergedChildren(q: Queryable, masterId: string, lock = false): Promise<TicketRow[]> {
    const query = q.select().from(ticket).where(and(eq(ticket.mergedIntoId, masterId), eq(ticket.status, 'merged'))).orderBy(asc(ticket.id));
    return lock ? query.for('update') : query;
  },

  async mergedCount(q: Queryable, masterId: string): Promise<number> {
    const [row] = await q.select({ n: sql<number>`count(*)::int` }).from(ticket).where(eq(ticket.mergedIntoId, masterId));
    return row?.n ?? 0;
  },

  list(q: Queryable, actor: Actor, f: ListFilter) {
    const conds: (SQL | undefined)[] = [];
    if (f.view === 'mine') conds.push(f.residentId ? or(eq(ticket.submitterAccountId, f.accountId), eq(ticket.submitterResidentId, f.residentId)) : eq(ticket.submitterAccountId, f.accountId));
    else if (f.view === 'assigned') conds.push(eq(ticket.assigneeAccountId, f.accountId));
    else conds.push(scopeWhere(actor, 'ticket.read', { community: ticket.communityId, grid: ticket.gridId }));
    if (f.status === 'open') conds.push(inArray(ticket.status, [...openStatuses]));
    else if (f.status) conds.push(eq(ticket.status, f.status as TicketRow['status']));
    if (f.category) conds.push(eq(ticket.categoryKey, f.category));
    if (f.communityId) conds.push(eq(ticket.communityId, f.communityId));
    if (f.gridId) conds.push(sql`${ticket.gridId} IN (SELECT id FROM org_node WHERE path LIKE (SELECT path FROM org_node WHERE id = ${f.gridId}) || '%')`);
    if (f.overdue !== undefined) {
      const overdue = and(inArray(ticket.status, [...openStatuses]), lt(ticket.dueAt, new Date()));
      conds.push(f.overdue ? overdue : sql`NOT (${overdue})`);
    }
    if (f.after) {
      const [at, id] = f.after;
      const key = f.sort === 'due' ? ticket.dueAt : ticket.createdAt;
      const cmp = f.sort === 'due' ? gt : lt;
      conds.push(or(cmp(key, new Date(at)), and(eq(key, new Date(at)), cmp(ticket.id, id))));
    }
    const order = f.sort === 'due' ? [asc(ticket.dueAt), asc(ticket.id)] : [desc(ticket.createdAt), desc(ticket.id)];
    return detailSelect(q).where(and(...conds)).orderBy(...order).limit(f.limit + 1);
  },

  /** Open tickets of the same building and category in the last 7 days whose text is similar (pg_trgm). */
  duplicates(q: Queryable, t: Pick<TicketRow, 'id' | 'communityId' | 'categoryId' | 'buildingId' | 'description'>) {
    return rows<{ id: string; description: string; status: TicketRow['status']; created_at: Date | string; similarity: number }>(
      q,
      sql`SELECT id, description, status, created_at, similarity(description, ${t.description})::float8 AS similarity
            FROM ticket
           WHERE community_id = ${t.communityId} AND category_id = ${t.categoryId}
             AND building_id IS NOT DISTINCT FROM ${t.buildingId}
             AND status IN ('submitted', 'accepted', 'reopened') AND merged_into_id IS NULL
             AND created_at >= now() - interval '7 days' AND id <> ${t.id}
             AND similarity(description, ${t.description}) >= 0.25
           ORDER BY similarity DESC, created_at DESC LIMIT 5`,
    );
  },

  // ---- jobs ------------------------------------------------------------------------------------

  /** Open tickets past due that still need a push, locked so two workers never escalate one twice. */
  dueForEscalation(q: Queryable, now: Date, limit: number) {
    return q
      .select()
      .from(ticket)
      .where(
        and(
          inArray(ticket.status, [...openStatuses]),
          lt(ticket.dueAt, now),
          or(lt(ticket.escalationLevel, 1), and(lt(ticket.escalationLevel, 2), sql`${ticket.dueAt} + interval '1 day' <= ${now.toISOString()}::timestamptz`)),
        ),
      )
      .orderBy(asc(ticket.dueAt))
      .limit(limit)
      .for('update', { skipLocked: true });
  },

  resolvedBefore(q: Queryable, cutoff: Date, limit: number) {
    return q
      .select()
      .from(ticket)
      .where(and(eq(ticket.status, 'resolved'), lt(ticket.resolvedAt, cutoff)))
      .orderBy(asc(ticket.resolvedAt))
      .limit(limit)
      .for('update', { skipLocked: true });
  },

  // ---- categories ------------------------------------------------------------------------------

  categories(q: Queryable, communityIds: readonly string[], includeInactive: boolean) {
    if (communityIds.length === 0) return Promise.resolve([]);
    return q
      .select({ c: ticketCategory, routeAccountName: account.displayName })
      .from(ticketCategory)
      .leftJoin(account, eq(account.id, ticketCategory.routeAccountId))
      .where(and(inArray(ticketCategory.communityId, [...communityIds]), includeInactive ? undefined : eq(ticketCategory.active, true)))
      .orderBy(asc(ticketCategory.sort), asc(ticketCategory.key));
  },

  async category(q: Queryable, communityId: string, key: string): Promise<CategoryRow | undefined> {
    const [row] = await q.select().from(ticketCategory).where(and(eq(ticketCategory.communityId, communityId), eq(ticketCategory.key, key)));
    return row;
  },

  async categoryById(q: Queryable, id: string): Promise<CategoryRow | undefined> {
    const [row] = await q.select().from(ticketCategory).where(eq(ticketCategory.id, id));
    return row;
  },

  async insertCategories(q: Queryable, values: (typeof ticketCategory.$inferInsert)[]): Promise<CategoryRow[]> {
    if (values.length === 0) return [];
    return q.insert(ticketCategory).values(values).onConflictDoNothing().returning();
  },

  async hasCategories(q: Queryable, communityId: string): Promise<boolean> {
    const [row] = await q.select({ id: ticketCategory.id }).from(ticketCategory).where(eq(ticketCategory.communityId, communityId)).limit(1);
    return !!row;
  },

  // ---- people and places -----------------------------------------------------------------------

  async org(q: Queryable, id: string): Promise<{ id: string; kind: string; name: string; path: string; communityId: string | null; timezone: string } | undefined> {
    const [row] = await q
      .select({ id: orgNode.id, kind: orgNode.kind, name: orgNode.name, path: orgNode.path, communityId: orgNode.communityId, timezone: orgNode.timezone })
      .from(orgNode)
      .where(eq(orgNode.id, id));
    return row;
  },

  async displayNames(q: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const found = await q.select({ id: account.id, name: account.displayName }).from(account).where(inArray(account.id, unique));
    return new Map(found.map((r) => [r.id, r.name]));
  },

  /** Active accounts holding `permission` through a role assigned exactly at `orgId` (e.g. the secretary of a community). */
  async holdersAt(q: Queryable, orgId: string, permission: string): Promise<string[]> {
    const found = await rows<{ account_id: string }>(
      q,
      sql`SELECT DISTINCT ra.account_id FROM role_assignment ra
            JOIN role_permission rp ON rp.role_key = ra.role_key AND rp.permission_key = ${permission}
            JOIN account a ON a.id = ra.account_id AND a.status = 'active'
           WHERE ra.org_id = ${orgId}`,
    );
    return found.map((r) => r.account_id);
  },

  /** Whether an account may work tickets somewhere inside the community (a valid assignee or route target). */
  async canWorkIn(q: Queryable, accountId: string, communityPath: string): Promise<boolean> {
    const [row] = await rows<{ ok: boolean }>(
      q,
      sql`SELECT EXISTS (
            SELECT 1 FROM role_assignment ra
              JOIN org_node o ON o.id = ra.org_id
              JOIN role_permission rp ON rp.role_key = ra.role_key AND rp.permission_key IN ('ticket.work', 'ticket.handle')
              JOIN account a ON a.id = ra.account_id AND a.status = 'active'
             WHERE ra.account_id = ${accountId} AND o.path LIKE ${communityPath} || '%') AS ok`,
    );
    return !!row?.ok;
  },

  /** Accounts of a community for pickers: who can work tickets, its party members, or its supervisors. */
  people(q: Queryable, communityPath: string, kind: 'workers' | 'party_members' | 'supervisors') {
    const filter =
      kind === 'workers'
        ? sql`EXISTS (SELECT 1 FROM role_permission rp WHERE rp.role_key = ra.role_key AND rp.permission_key IN ('ticket.work', 'ticket.handle'))`
        : kind === 'party_members'
          ? sql`ra.role_key = 'party_member'`
          : sql`ra.role_key IN ('community_secretary', 'community_staff')`;
    return rows<{ id: string; name: string; roles: string[] }>(
      q,
      sql`SELECT a.id, a.display_name AS name, array_agg(DISTINCT ra.role_key) AS roles
            FROM role_assignment ra JOIN org_node o ON o.id = ra.org_id JOIN account a ON a.id = ra.account_id AND a.status = 'active'
           WHERE o.path LIKE ${communityPath} || '%' AND ${filter}
           GROUP BY a.id, a.display_name ORDER BY a.display_name LIMIT 500`,
    );
  },

  async accountOfResident(q: Queryable, residentId: string): Promise<string | null> {
    const [row] = await q.select({ id: account.id }).from(account).where(and(eq(account.residentId, residentId), eq(account.status, 'active'))).limit(1);
    return row?.id ?? null;
  },

  /**
   * Buildings of a community for the map-less picker. Reads the places tables directly (read
   * only, names only) because places offers no such helper yet; see docs/tickets.md.
   */
  buildings(q: Queryable, communityId: string, search: string | undefined) {
    const like = search ? `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    return rows<{ id: string; community_id: string; estate_name: string; name: string; grid_id: string | null; grid_name: string | null }>(
      q,
      sql`SELECT b.id, b.community_id, e.name AS estate_name, b.name, b.grid_id, g.name AS grid_name
            FROM building b JOIN estate e ON e.id = b.estate_id LEFT JOIN org_node g ON g.id = b.grid_id
           WHERE b.community_id = ${communityId} AND (${like}::text IS NULL OR (e.name || b.name) LIKE ${like})
           ORDER BY e.name, length(b.name), b.name LIMIT 500`,
    );
  },

};
