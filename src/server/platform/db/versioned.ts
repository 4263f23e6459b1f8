/**
 * Optimistic concurrency: `UPDATE … WHERE id = $1 AND version = $2`, bumping the version. No row
 * means either the record is gone / out of scope (404) or someone else saved first (409).
 */
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { AppError } from '../errors';
import type { Queryable } from './client';

type VersionedTable = PgTable & { id: PgColumn; version: PgColumn; updatedAt: PgColumn };

export async function updateVersioned<T extends VersionedTable>(
  tx: Queryable,
  table: T,
  args: { id: string; version: number; values: Record<string, unknown>; scope?: SQL },
): Promise<T['$inferSelect']> {
  const where = and(eq(table.id, args.id), args.scope);
  const updated = (await tx
    .update(table)
    .set({ ...args.values, version: sql`${table.version} + 1`, updatedAt: new Date() } as never)
    .where(and(where, eq(table.version, args.version)))
    .returning()) as unknown as T['$inferSelect'][];
  if (updated.length === 1) return updated[0]!;
  const exists = await tx.select({ id: table.id }).from(table as PgTable).where(where).limit(1);
  throw new AppError(exists.length ? 'version_conflict' : 'not_found');
}
