/**
 * Scheduled work (pg-boss cron, one run per tick whatever the number of instances; batches are
 * locked with SKIP LOCKED so overlapping runs never touch one ticket twice):
 * - 督办: an open ticket past its due time is pushed to the grid leader; one day later to the
 *   community secretary. Each push notifies, is on the public timeline and is counted.
 * - Resolved tickets nobody rated within 7 days close by themselves.
 */
import type { AppContext } from '../../context';
import { systemActor } from '../../platform/auth/actor';
import type { JobDefinition } from '../../platform/jobs';
import { gridLeaderFor } from '../places/places.duty';
import type { TicketNotifier } from './tickets.notify';
import { ticketsRepository as repo } from './tickets.repository';
import { RATING_WINDOW_DAYS } from './tickets.states';

const DAY_MS = 86_400_000;
const BATCH = 200;

export function createTicketJobs(ctx: AppContext, notice: TicketNotifier) {
  const { db, audit } = ctx;
  const actor = systemActor('tickets');

  /** One batch; returns how many tickets were escalated. */
  async function escalateBatch(now: Date): Promise<number> {
    return db.transaction(async (tx) => {
      const due = await repo.dueForEscalation(tx, now, BATCH);
      for (const t of due) {
        const level = t.dueAt.getTime() + DAY_MS <= now.getTime() ? 2 : 1;
        const leader = level === 1 && t.gridId ? await gridLeaderFor(tx, t.gridId) : null;
        // No grid leader to push (no grid, or none assigned): the push goes to the secretary at once.
        const targets = leader ? [leader] : await repo.holdersAt(tx, t.communityId, 'ticket.supervise');
        const updated = await repo.update(tx, t.id, { escalationLevel: level, escalationCount: t.escalationCount + 1, lastEscalatedAt: now });
        await repo.insertEvents(tx, [
          { communityId: t.communityId, ticketId: t.id, at: now, actorName: 'system', actorKind: 'system', action: 'escalate', note: null, details: { level, reason: 'overdue', to: targets } },
        ]);
        const category = await repo.categoryById(tx, t.categoryId);
        await notice(tx, 'overdue', updated, category?.name ?? t.categoryKey, { staff: [...targets, t.assigneeAccountId] }, { level });
        await audit.record(tx, actor, { action: 'ticket.escalate', entity: 'ticket', entityId: t.id, communityId: t.communityId, changes: { level, to: targets } });
      }
      return due.length;
    });
  }

  async function autoCloseBatch(now: Date): Promise<number> {
    return db.transaction(async (tx) => {
      const stale = await repo.resolvedBefore(tx, new Date(now.getTime() - RATING_WINDOW_DAYS * DAY_MS), BATCH);
      for (const t of stale) {
        await repo.update(tx, t.id, { status: 'closed', closedAt: now });
        await repo.insertEvents(tx, [{ communityId: t.communityId, ticketId: t.id, at: now, actorName: 'system', actorKind: 'system', action: 'close', fromStatus: 'resolved', toStatus: 'closed', note: null, details: { reason: 'not_rated' } }]);
        await audit.record(tx, actor, { action: 'ticket.close', entity: 'ticket', entityId: t.id, communityId: t.communityId, changes: { status: { before: 'resolved', after: 'closed' }, reason: 'not_rated' } });
      }
      return stale.length;
    });
  }

  const drain = async (batch: (now: Date) => Promise<number>, now: Date) => {
    let total = 0;
    for (;;) {
      const n = await batch(now);
      total += n;
      if (n < BATCH) return total;
    }
  };

  return {
    escalateOverdue: (now = new Date()) => drain(escalateBatch, now),
    closeUnrated: (now = new Date()) => drain(autoCloseBatch, now),
    definitions(): JobDefinition[] {
      return [
        { name: 'tickets.escalate', cron: '*/5 * * * *', handler: async () => void (await drain(escalateBatch, new Date())) },
        { name: 'tickets.close-unrated', cron: '17 * * * *', handler: async () => void (await drain(autoCloseBatch, new Date())) },
      ];
    },
  };
}

export type TicketJobs = ReturnType<typeof createTicketJobs>;
