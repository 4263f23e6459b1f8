/**
 * Reading the audit log. The log covers the whole deployment (audit administrators sit at the
 * district), newest first, keyset-paginated by chain position.
 */
import { z } from 'zod';
import type { AppContext } from '../../context';
import type { Actor } from '../../platform/auth/actor';
import { decodeCursor, pageFrom } from '../../platform/pagination';
import { auditRepository as repo, type AuditFilter } from './audit.repository';

export function createAuditService(ctx: AppContext) {
  const { db, audit } = ctx;
  return {
    async list(_actor: Actor, q: Omit<AuditFilter, 'beforeSeq'> & { cursor?: string }) {
      const before = decodeCursor(q.cursor, z.tuple([z.number().int()]));
      const rows = await repo.list(db, { ...q, beforeSeq: before?.[0] });
      return pageFrom(rows, q.limit, (r) => [r.seq], (r) => ({
        id: r.id,
        seq: r.seq,
        at: r.at,
        actorId: r.actorId,
        actorName: r.actorName,
        action: r.action,
        entity: r.entity,
        entityId: r.entityId,
        communityId: r.communityId,
        changes: r.changes ?? null,
        reason: r.reason,
        ip: r.ip,
      }));
    },
    verify: () => audit.verify(),
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
