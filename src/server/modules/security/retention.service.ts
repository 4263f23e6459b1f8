/**
 * Retention (PIPL art. 19: keep personal data no longer than needed): a policy per record kind,
 * set by the security admin, and a daily job that deletes or anonymizes what has expired. The
 * audit log is not a record kind here: it is append-only and kept (网络安全法 asks ≥ 6 months).
 */
import type { AppContext } from '../../context';
import { systemActor, type Actor } from '../../platform/auth/actor';
import { AppError } from '../../platform/errors';
import { retentionKinds, retentionRepository as repo, type RecordKind } from './retention.repository';

const isKind = (kind: string): kind is RecordKind => Object.hasOwn(retentionKinds, kind);

export function createRetentionService(ctx: AppContext) {
  const { db, audit } = ctx;

  return {
    async policies() {
      await repo.ensureDefaults(db);
      const rows = await repo.policies(db);
      return rows.filter((r) => isKind(r.recordKind)).map((r) => ({ ...r, action: retentionKinds[r.recordKind as RecordKind].action }));
    },

    async update(actor: Actor, kind: string, input: { version: number; retainDays?: number; enabled?: boolean }) {
      if (!isKind(kind)) throw new AppError('not_found');
      await repo.ensureDefaults(db);
      const row = await db.transaction(async (tx) => {
        const before = (await repo.policies(tx)).find((p) => p.recordKind === kind);
        const updated = await repo.update(tx, kind, input.version, { retainDays: input.retainDays, enabled: input.enabled, updatedBy: actor.accountId });
        if (!updated) throw new AppError(before ? 'version_conflict' : 'not_found');
        await audit.record(tx, actor, {
          action: 'retention.update',
          entity: 'retention_policy',
          entityId: kind,
          changes: { retainDays: { before: before?.retainDays, after: updated.retainDays }, enabled: { before: before?.enabled, after: updated.enabled } },
        });
        return updated;
      });
      return { ...row, action: retentionKinds[kind].action };
    },

    /** One run over every enabled kind, each in its own transaction; recorded and audited. */
    async run(actor: Actor = systemActor('retention')) {
      const startedAt = new Date();
      const policies = await this.policies();
      const results: Record<string, number> = {};
      for (const p of policies) {
        if (!p.enabled) continue;
        results[p.recordKind] = await db.transaction((tx) => retentionKinds[p.recordKind as RecordKind].run(tx, p.retainDays));
      }
      return db.transaction(async (tx) => {
        const row = await repo.insertRun(tx, { startedAt, finishedAt: new Date(), results, triggeredBy: actor.kind === 'system' ? 'schedule' : actor.username });
        await audit.record(tx, actor, { action: 'retention.run', entity: 'retention_run', entityId: row.id, changes: results });
        return row;
      });
    },

    runs: (limit = 30) => repo.runs(db, limit),
  };
}

export type RetentionService = ReturnType<typeof createRetentionService>;
