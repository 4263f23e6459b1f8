import { and, asc, eq, gt, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Actor, PermissionRef } from '../../platform/auth/actor';
import type { Queryable } from '../../platform/db/client';
import { account, role, roleAssignment, rolePermission } from '../../platform/db/tables/auth';
import { orgNode } from '../../platform/db/tables/org';
import { orgSubtreeWhere } from '../../platform/scope';

export type AccountRow = typeof account.$inferSelect;

/**
 * Accounts are deployment-wide; an admin sees those with a role inside their subtree, and
 * accounts without any role yet (just created, waiting for an assignment).
 */
function accountScope(actor: Actor, permission: PermissionRef): SQL {
  return sql`(NOT EXISTS (SELECT 1 FROM role_assignment ra WHERE ra.account_id = ${account.id})
           OR EXISTS (SELECT 1 FROM role_assignment ra JOIN org_node o ON o.id = ra.org_id
                       WHERE ra.account_id = ${account.id} AND ${orgSubtreeWhere(actor, permission, sql`o.path`)}))`;
}

export const accountsRepository = {
  async list(db: Queryable, actor: Actor, permission: PermissionRef, f: { q?: string; role?: string; after?: string; limit: number }) {
    const conds: (SQL | undefined)[] = [accountScope(actor, permission)];
    if (f.q) {
      const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      conds.push(or(ilike(account.username, like), ilike(account.displayName, like)));
    }
    if (f.role) conds.push(sql`EXISTS (SELECT 1 FROM role_assignment ra WHERE ra.account_id = ${account.id} AND ra.role_key = ${f.role})`);
    if (f.after) conds.push(gt(account.username, f.after));
    return db.select().from(account).where(and(...conds)).orderBy(asc(account.username)).limit(f.limit + 1);
  },

  async findInScope(db: Queryable, actor: Actor, permission: PermissionRef, id: string): Promise<AccountRow | undefined> {
    const [row] = await db.select().from(account).where(and(eq(account.id, id), accountScope(actor, permission)));
    return row;
  },

  async usernameTaken(db: Queryable, username: string): Promise<boolean> {
    const [row] = await db.select({ id: account.id }).from(account).where(eq(account.username, username));
    return !!row;
  },

  async insert(db: Queryable, values: typeof account.$inferInsert): Promise<AccountRow> {
    const [row] = await db.insert(account).values(values).returning();
    return row!;
  },

  assignmentsOf(db: Queryable, accountIds: string[]) {
    if (accountIds.length === 0) return Promise.resolve([]);
    return db
      .select({
        id: roleAssignment.id,
        accountId: roleAssignment.accountId,
        role: roleAssignment.roleKey,
        orgId: orgNode.id,
        orgName: orgNode.name,
        orgKind: orgNode.kind,
        createdAt: roleAssignment.createdAt,
        adminKind: role.adminKind,
      })
      .from(roleAssignment)
      .innerJoin(orgNode, eq(orgNode.id, roleAssignment.orgId))
      .innerJoin(role, eq(role.key, roleAssignment.roleKey))
      .where(inArray(roleAssignment.accountId, accountIds))
      .orderBy(asc(roleAssignment.createdAt));
  },

  async roleByKey(db: Queryable, key: string) {
    const [row] = await db.select().from(role).where(eq(role.key, key));
    return row;
  },

  async insertAssignment(db: Queryable, values: typeof roleAssignment.$inferInsert) {
    const [row] = await db.insert(roleAssignment).values(values).onConflictDoNothing().returning();
    return row;
  },

  async deleteAssignment(db: Queryable, accountId: string, assignmentId: string) {
    const [row] = await db
      .delete(roleAssignment)
      .where(and(eq(roleAssignment.id, assignmentId), eq(roleAssignment.accountId, accountId)))
      .returning();
    return row;
  },

  async lockAccountRow(db: Queryable, id: string) {
    await db.execute(sql`SELECT id FROM account WHERE id = ${id} FOR UPDATE`);
  },

  async unlock(db: Queryable, id: string) {
    await db.update(account).set({ failedLogins: 0, lockedUntil: null }).where(eq(account.id, id));
  },

  roles(db: Queryable) {
    return db
      .select({ key: role.key, nameZh: role.nameZh, nameEn: role.nameEn, adminKind: role.adminKind, permission: rolePermission.permissionKey })
      .from(role)
      .leftJoin(rolePermission, eq(rolePermission.roleKey, role.key))
      .orderBy(asc(role.key), asc(rolePermission.permissionKey));
  },
};
