import { and, desc, eq, gte, lt, lte, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client';
import { auditLog } from '../../platform/db/tables/audit';

export interface AuditFilter {
  actorId?: string;
  action?: string;
  entity?: string;
  entityId?: string;
  communityId?: string;
  from?: string;
  to?: string;
  beforeSeq?: number;
  limit: number;
}

export const auditRepository = {
  list(db: Queryable, f: AuditFilter) {
    const conds: (SQL | undefined)[] = [
      f.actorId ? eq(auditLog.actorId, f.actorId) : undefined,
      f.action ? eq(auditLog.action, f.action) : undefined,
      f.entity ? eq(auditLog.entity, f.entity) : undefined,
      f.entityId ? eq(auditLog.entityId, f.entityId) : undefined,
      f.communityId ? eq(auditLog.communityId, f.communityId) : undefined,
      f.from ? gte(auditLog.at, new Date(f.from)) : undefined,
      f.to ? lte(auditLog.at, new Date(f.to)) : undefined,
      f.beforeSeq ? lt(auditLog.seq, f.beforeSeq) : undefined,
    ];
    return db.select().from(auditLog).where(and(...conds)).orderBy(desc(auditLog.seq)).limit(f.limit + 1);
  },
};
