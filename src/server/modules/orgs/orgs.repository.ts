/** The only file that builds SQL for org nodes and centers. */
import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor';
import type { Queryable } from '../../platform/db/client';
import { center, orgNode } from '../../platform/db/tables/org';
import { orgSubtreeWhere, scopeWhere } from '../../platform/scope';
import type { PermissionRef } from '../../platform/auth/actor';

export type OrgRow = typeof orgNode.$inferSelect;
export type CenterRow = typeof center.$inferSelect;

export const orgsRepository = {
  list(db: Queryable, actor: Actor, permission: PermissionRef, filter: { kind?: string; parentId?: string }): Promise<OrgRow[]> {
    const conds: SQL[] = [orgSubtreeWhere(actor, permission, orgNode.path)];
    if (filter.kind) conds.push(eq(orgNode.kind, filter.kind as OrgRow['kind']));
    if (filter.parentId) conds.push(eq(orgNode.parentId, filter.parentId));
    // The tree is small (hundreds of nodes per district); still bounded by a hard limit.
    return db.select().from(orgNode).where(and(...conds)).orderBy(asc(orgNode.depth), asc(orgNode.name)).limit(5000);
  },

  async findInScope(db: Queryable, actor: Actor, permission: PermissionRef, id: string): Promise<OrgRow | undefined> {
    const [row] = await db.select().from(orgNode).where(and(eq(orgNode.id, id), orgSubtreeWhere(actor, permission, orgNode.path)));
    return row;
  },

  async findById(db: Queryable, id: string): Promise<OrgRow | undefined> {
    const [row] = await db.select().from(orgNode).where(eq(orgNode.id, id));
    return row;
  },

  async insert(db: Queryable, values: typeof orgNode.$inferInsert): Promise<OrgRow> {
    const [row] = await db.insert(orgNode).values(values).returning();
    return row!;
  },

  listCenters(db: Queryable, actor: Actor, filter: { communityId?: string }) {
    const conds: SQL[] = [scopeWhere(actor, 'center.read', { community: center.communityId })];
    if (filter.communityId) conds.push(eq(center.communityId, filter.communityId));
    return db
      .select({ center, communityName: orgNode.name })
      .from(center)
      .innerJoin(orgNode, eq(orgNode.id, center.communityId))
      .where(and(...conds))
      .orderBy(asc(orgNode.name), asc(center.name))
      .limit(1000);
  },

  async findCenterInScope(db: Queryable, actor: Actor, permission: string, id: string) {
    const [row] = await db
      .select({ center, communityName: orgNode.name })
      .from(center)
      .innerJoin(orgNode, eq(orgNode.id, center.communityId))
      .where(and(eq(center.id, id), scopeWhere(actor, permission, { community: center.communityId })));
    return row;
  },

  async insertCenter(db: Queryable, values: typeof center.$inferInsert): Promise<CenterRow> {
    const [row] = await db.insert(center).values(values).returning();
    return row!;
  },
};
