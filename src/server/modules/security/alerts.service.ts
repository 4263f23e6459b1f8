/**
 * Alerts for the security admin when one account reveals personal data, or exports, in bulk:
 * more than the configured number of `*.reveal` / `*.export` audit entries within one clock hour.
 * Scanned every five minutes by a job (and on demand); new alerts reach every security admin's
 * inbox. Like the audit log they cover the whole deployment.
 */
import { z } from 'zod';
import type { AppContext } from '../../context';
import { systemActor, type Actor } from '../../platform/auth/actor';
import { updateVersioned } from '../../platform/db/versioned';
import { AppError } from '../../platform/errors';
import { decodeCursor, pageFrom } from '../../platform/pagination';
import type { NotificationsService } from '../notifications/notifications.service';
import { alertsRepository as repo } from './alerts.repository';
import { securityMessages } from './security.messages';
import { securityAlert } from './security.tables';

type AlertRow = typeof securityAlert.$inferSelect;

const view = (r: AlertRow) => ({
  id: r.id,
  accountId: r.accountId,
  accountName: r.accountName,
  kind: r.kind,
  windowStart: r.windowStart,
  count: r.count,
  threshold: r.threshold,
  status: r.status,
  note: r.note,
  acknowledgedAt: r.acknowledgedAt,
  createdAt: r.createdAt,
  version: r.version,
});

export function createAlertsService(ctx: AppContext, deps: { notifications: NotificationsService }) {
  const { db, audit, config } = ctx;
  const thresholds = { reveal: config.alertRevealsPerHour, export: config.alertExportsPerHour };

  return {
    thresholds,

    async scan(actor: Actor = systemActor('alert-scan')): Promise<{ created: number; updated: number }> {
      return db.transaction(async (tx) => {
        let created = 0;
        let updated = 0;
        const admins = await repo.securityAdmins(tx);
        for (const c of await repo.candidates(tx, thresholds)) {
          const threshold = c.kind === 'bulk_reveal' ? thresholds.reveal : thresholds.export;
          const outcome = await repo.upsert(tx, c, threshold);
          if (outcome === 'updated') updated++;
          if (outcome !== 'created') continue;
          created++;
          await audit.record(tx, actor, { action: 'security_alert.raise', entity: 'account', entityId: c.account_id, changes: { kind: c.kind, count: c.n, threshold } });
          await deps.notifications.notify(tx, { accountIds: admins, kind: `security_alert.${c.kind}`, ...securityMessages.alertRaised(c.kind, c.account_name ?? c.account_id, c.n), link: '/security/alerts', entity: 'account', entityId: c.account_id });
        }
        return { created, updated };
      });
    },

    async list(_actor: Actor, q: { status?: 'open' | 'acknowledged'; kind?: 'bulk_reveal' | 'bulk_export'; cursor?: string; limit: number }) {
      const before = decodeCursor(q.cursor, z.tuple([z.string(), z.string()]));
      const rows = await repo.list(db, { ...q, before: before ?? undefined });
      return pageFrom(rows, q.limit, (r) => [r.windowStart.toISOString(), r.id], view);
    },

    async acknowledge(actor: Actor, id: string, input: { version: number; note: string }) {
      const row = await db.transaction(async (tx) => {
        const before = await repo.find(tx, id);
        if (!before) throw new AppError('not_found');
        if (before.status !== 'open') throw new AppError('invalid_transition', { from: before.status, action: 'acknowledge' });
        const after = await updateVersioned(tx, securityAlert, { id, version: input.version, values: { status: 'acknowledged', note: input.note || null, acknowledgedBy: actor.accountId, acknowledgedAt: new Date() } });
        await audit.record(tx, actor, { action: 'security_alert.acknowledge', entity: 'security_alert', entityId: id, changes: { status: { before: 'open', after: 'acknowledged' } }, reason: input.note || null });
        return after;
      });
      return view(row);
    },
  };
}

export type AlertsService = ReturnType<typeof createAlertsService>;
