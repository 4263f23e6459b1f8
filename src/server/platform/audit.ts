/**
 * The audit log: every write and every reveal appends one row, chained to the previous row by
 * hash. Writers take a transaction-scoped advisory lock, read the chain's head, and insert the
 * next link, so the chain has no forks even with several instances on one database. Rows are
 * never updated or deleted (trigger in migration 0002); `verify()` recomputes the chain.
 */
import { createHash } from 'node:crypto';
import { asc, desc, gt, sql } from 'drizzle-orm';
import type { Actor } from './auth/actor';
import { newId } from './db/columns';
import type { Db, Queryable, Tx } from './db/client';
import { auditLog } from './db/tables/audit';

const AUDIT_LOCK_KEY = 7_262_011_002;
const GENESIS = '0'.repeat(64);

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | null;
  communityId?: string | null;
  /** Changed fields, `{ field: { before, after } }`, or any small JSON. Personal data must already be masked. */
  changes?: Record<string, unknown> | null;
  reason?: string | null;
}

/** Stable JSON: object keys sorted at every level, so the hash does not depend on key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

interface ChainFields {
  seq: number;
  id: string;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  communityId: string | null;
  changes: Record<string, unknown> | null;
  reason: string | null;
  ip: string | null;
}

export function linkHash(prevHash: string, row: ChainFields): string {
  const body = canonicalJson({ ...row, at: row.at.toISOString() });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

export interface AuditLog {
  /** Appends within the caller's transaction (so the audit row commits or rolls back with the change). */
  record(tx: Tx, actor: Actor, entry: AuditEntry): Promise<void>;
  /** Appends in a transaction of its own (reads, reveals, sign-ins). */
  recordNow(actor: Actor, entry: AuditEntry): Promise<void>;
  verify(): Promise<{ ok: true; checked: number } | { ok: false; checked: number; brokenAt: string }>;
}

export function createAuditLog(db: Db): AuditLog {
  async function append(tx: Queryable, actor: Actor, entry: AuditEntry): Promise<void> {
    await tx.execute(sql.raw(`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`));
    const [head] = await tx
      .select({ seq: auditLog.seq, hash: auditLog.hash })
      .from(auditLog)
      .orderBy(desc(auditLog.seq))
      .limit(1);
    const row: ChainFields = {
      seq: (head?.seq ?? 0) + 1,
      id: newId(),
      at: new Date(),
      actorId: actor.accountId,
      actorName: actor.username,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      communityId: entry.communityId ?? null,
      changes: entry.changes ?? null,
      reason: entry.reason ?? null,
      ip: actor.ip,
    };
    const prevHash = head?.hash ?? GENESIS;
    await tx.insert(auditLog).values({ ...row, requestId: actor.requestId, prevHash, hash: linkHash(prevHash, row) });
  }

  return {
    record: (tx, actor, entry) => append(tx, actor, entry),
    recordNow: (actor, entry) => db.transaction((tx) => append(tx, actor, entry)),
    async verify() {
      let prev = GENESIS;
      let checked = 0;
      let after = 0;
      for (;;) {
        const batch = await db.select().from(auditLog).where(gt(auditLog.seq, after)).orderBy(asc(auditLog.seq)).limit(2000);
        if (batch.length === 0) return { ok: true, checked };
        for (const r of batch) {
          const expected = linkHash(prev, {
            seq: r.seq,
            id: r.id,
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
          });
          if (r.prevHash !== prev || r.hash !== expected || r.seq !== checked + 1) {
            return { ok: false, checked, brokenAt: r.id };
          }
          prev = r.hash;
          checked++;
          after = r.seq;
        }
      }
    },
  };
}

/**
 * Field-level diff for the audit log. Fields listed in `personal` are masked by the given masker
 * (or replaced by "***"), so the log never holds an ID number or phone in clear.
 */
export function diffForAudit<T extends Record<string, unknown>>(
  before: Partial<T> | null,
  after: Partial<T> | null,
  opts: { fields?: readonly (keyof T)[]; personal?: Partial<Record<keyof T, (v: unknown) => unknown>> } = {},
): Record<string, { before?: unknown; after?: unknown }> {
  const keys = (opts.fields as string[] | undefined) ?? [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const out: Record<string, { before?: unknown; after?: unknown }> = {};
  for (const key of keys) {
    if (key === 'version' || key === 'updatedAt' || key === 'createdAt') continue;
    const b = before?.[key];
    const a = after?.[key];
    if (canonicalJson(b) === canonicalJson(a)) continue;
    const mask = opts.personal?.[key as keyof T];
    const m = (v: unknown) => (v === undefined || v === null ? v : mask ? mask(v) : v);
    out[key] = { ...(before ? { before: m(b) } : {}), ...(after ? { after: m(a) } : {}) };
  }
  return out;
}
