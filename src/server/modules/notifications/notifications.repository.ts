import { and, count, desc, eq, isNull, lt, or, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client';
import { notification } from '../../platform/db/tables/notification';

export const notificationsRepository = {
  insertMany(db: Queryable, values: (typeof notification.$inferInsert)[]) {
    return values.length ? db.insert(notification).values(values) : Promise.resolve();
  },
  list(db: Queryable, accountId: string, f: { unread?: boolean; before?: [string, string]; limit: number }) {
    const conds: (SQL | undefined)[] = [eq(notification.accountId, accountId)];
    if (f.unread) conds.push(isNull(notification.readAt));
    if (f.before) {
      const [at, id] = f.before;
      conds.push(or(lt(notification.createdAt, new Date(at)), and(eq(notification.createdAt, new Date(at)), lt(notification.id, id))));
    }
    return db.select().from(notification).where(and(...conds)).orderBy(desc(notification.createdAt), desc(notification.id)).limit(f.limit + 1);
  },
  async unreadCount(db: Queryable, accountId: string): Promise<number> {
    const [row] = await db.select({ n: count() }).from(notification).where(and(eq(notification.accountId, accountId), isNull(notification.readAt)));
    return Number(row?.n ?? 0);
  },
  async markRead(db: Queryable, accountId: string, id?: string): Promise<number> {
    const rows = await db
      .update(notification)
      .set({ readAt: new Date() })
      .where(and(eq(notification.accountId, accountId), isNull(notification.readAt), id ? eq(notification.id, id) : undefined))
      .returning({ id: notification.id });
    return rows.length;
  },
  async exists(db: Queryable, accountId: string, id: string): Promise<boolean> {
    const [row] = await db.select({ id: notification.id }).from(notification).where(and(eq(notification.accountId, accountId), eq(notification.id, id)));
    return !!row;
  },
};
