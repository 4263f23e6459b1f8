/** The only file that builds SQL for uploads. */
import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor';
import type { Queryable } from '../../platform/db/client';
import { orgNode } from '../../platform/db/tables/org';
import { scopeWhere } from '../../platform/scope';
import { upload } from './uploads.tables';

export type UploadRow = typeof upload.$inferSelect;

/** Own uploads, or uploads of a community the actor reads photos of. */
function readable(actor: Actor): SQL {
  const own = actor.accountId ? eq(upload.ownerAccountId, actor.accountId) : sql`false`;
  return or(own, scopeWhere(actor, 'upload.read', { community: upload.communityId }))!;
}

export const uploadsRepository = {
  async community(q: Queryable, id: string): Promise<{ id: string; path: string; kind: string } | undefined> {
    const [row] = await q.select({ id: orgNode.id, path: orgNode.path, kind: orgNode.kind }).from(orgNode).where(eq(orgNode.id, id));
    return row;
  },

  /** Inserts, or returns the row the same owner already has for the same bytes. */
  async insertOrGet(q: Queryable, values: typeof upload.$inferInsert): Promise<{ row: UploadRow; created: boolean }> {
    const [inserted] = await q.insert(upload).values(values).onConflictDoNothing().returning();
    if (inserted) return { row: inserted, created: true };
    const [existing] = await q
      .select()
      .from(upload)
      .where(and(eq(upload.communityId, values.communityId), eq(upload.ownerAccountId, values.ownerAccountId), eq(upload.sha256, values.sha256)));
    return { row: existing!, created: false };
  },

  async findReadable(q: Queryable, actor: Actor, id: string): Promise<UploadRow | undefined> {
    const [row] = await q.select().from(upload).where(and(eq(upload.id, id), readable(actor)));
    return row;
  },

  async findInCommunity(q: Queryable, id: string, communityId: string): Promise<UploadRow | undefined> {
    const [row] = await q.select().from(upload).where(and(eq(upload.id, id), eq(upload.communityId, communityId)));
    return row;
  },

  /** Of `ids`, those that belong to the community and that the actor may use. */
  async usableIds(q: Queryable, actor: Actor, ids: readonly string[], communityId: string): Promise<string[]> {
    if (ids.length === 0) return [];
    const found = await q
      .select({ id: upload.id })
      .from(upload)
      .where(and(inArray(upload.id, [...ids]), eq(upload.communityId, communityId), readable(actor)));
    return found.map((r) => r.id);
  },

  /** How many rows still point at the bytes (the store object can go when none do). */
  async referencesTo(q: Queryable, sha256: string): Promise<number> {
    const [row] = await q.select({ n: sql<number>`count(*)::int` }).from(upload).where(eq(upload.sha256, sha256));
    return row?.n ?? 0;
  },
};
