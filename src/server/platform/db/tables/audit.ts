import { bigint, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { id, tstz } from '../columns';

/**
 * Append-only, hash-chained audit log. `hash = sha256(prevHash + canonical row)`; a trigger
 * (migration 0001) refuses UPDATE, DELETE and TRUNCATE. `seq` orders the chain; the API exposes `id`.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: id(),
    /** Position in the chain, assigned under an advisory lock (no gaps). */
    seq: bigint('seq', { mode: 'number' }).notNull().unique(),
    at: tstz('at').notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    communityId: uuid('community_id'),
    changes: jsonb('changes').$type<Record<string, unknown> | null>(),
    reason: text('reason'),
    ip: text('ip'),
    requestId: text('request_id'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_entity_idx').on(t.entity, t.entityId),
    index('audit_log_actor_idx').on(t.actorId),
  ],
);
