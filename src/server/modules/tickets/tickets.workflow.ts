/**
 * Transitions (`POST /tickets/{id}/{action}`), checked against the state table under a row lock:
 * two staff accepting at once — one wins, the other gets 409. Merged tickets share their master's
 * outcome: resolving or returning the master carries every merged ticket along and tells every
 * submitter.
 */
import type { AppContext } from '../../context';
import type { Actor } from '../../platform/auth/actor';
import type { Tx } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import { gridLeaderFor } from '../places/places.duty';
import type { TicketNotifier } from './tickets.notify';
import { ticketsRepository as repo, type TicketDetailRow, type TicketRow } from './tickets.repository';
import type { TicketActionBody, TicketView } from './tickets.schemas';
import type { TicketsService } from './tickets.service';
import { findTransition, RATING_WINDOW_DAYS, ticketTransitions, type TicketAction, type Transition } from './tickets.states';
import { canSee, relationsOf } from './tickets.views';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

type Patch = Partial<TicketRow>;
interface Effects {
  patch: Patch;
  note: string | null;
  details?: Record<string, unknown>;
  after?: (t: TicketRow) => Promise<void>;
}

const missing = (field: string) => new AppError('validation_failed', [{ field: `body.${field}`, code: 'required', message: 'required' }]);

export function createTicketWorkflow(ctx: AppContext, tickets: TicketsService, notice: TicketNotifier) {
  const { db, audit } = ctx;

  function checkNeeds(tr: Transition, body: TicketActionBody): void {
    for (const need of tr.needs ?? []) if (body[need] === undefined) throw missing(need);
  }

  async function event(tx: Tx, t: TicketRow, actor: Actor, kind: 'submitter' | 'staff' | 'system', action: string, from: string | null, to: string | null, note: string | null, details?: Record<string, unknown>) {
    await repo.insertEvents(tx, [{ communityId: t.communityId, ticketId: t.id, actorAccountId: actor.accountId, actorName: kind === 'system' ? 'system' : actor.displayName, actorKind: kind, action, fromStatus: from, toStatus: to, note, details: details ?? null }]);
  }

  /** Carries the master's outcome to its merged tickets (same status, resolution, return reason). */
  async function carryToMerged(tx: Tx, actor: Actor, master: TicketRow, categoryName: string, kind: 'resolved' | 'returned') {
    for (const child of await repo.mergedChildren(tx, master.id, true)) {
      const updated = await repo.update(tx, child.id, {
        status: kind,
        resolution: master.resolution,
        resolvedAt: kind === 'resolved' ? master.resolvedAt : null,
        returnReason: kind === 'returned' ? master.returnReason : null,
      });
      await event(tx, updated, actor, 'staff', kind === 'resolved' ? 'resolve' : 'return', 'merged', kind, kind === 'resolved' ? master.resolution : master.returnReason, { master: master.id });
      await notice(tx, kind, updated, categoryName, { residents: [updated.submitterAccountId] }, { reason: master.returnReason });
    }
  }

  async function effects(tx: Tx, actor: Actor, d: TicketDetailRow, tr: Transition, body: TicketActionBody): Promise<Effects> {
    const t = d.t;
    const now = new Date();
    const action: TicketAction = tr.action;
    switch (action) {
      case 'accept':
        // Whoever accepts owns it: the backup or the leader stepping in takes the ticket over.
        return {
          patch: { acceptedAt: now, assigneeAccountId: actor.accountId, assigneeStandIn: actor.accountId === t.assigneeAccountId ? t.assigneeStandIn : t.assigneeAccountId !== null },
          note: null,
        };
      case 'reassign': {
        const to = body.assigneeId!;
        if (!(await repo.canWorkIn(tx, to, d.communityPath))) throw new AppError('validation_failed', [{ field: 'body.assigneeId', code: 'assignee_invalid', message: 'assignee_invalid' }]);
        const names = await repo.displayNames(tx, [to]);
        return {
          patch: { assigneeAccountId: to, assigneeStandIn: false, assignedAt: now, acceptedAt: null },
          note: body.reason!,
          details: { from: t.assigneeAccountId, to, toName: names.get(to) ?? null },
          after: (u) => notice(tx, 'assigned', u, d.categoryName, { staff: [to] }, { reason: body.reason }),
        };
      }
      case 'resolve':
        return {
          patch: { resolution: body.resolution!, resolvedAt: now, acceptedAt: t.acceptedAt ?? now },
          note: body.resolution!,
          after: async (u) => {
            await notice(tx, 'resolved', u, d.categoryName, { residents: [u.submitterAccountId] });
            await carryToMerged(tx, actor, u, d.categoryName, 'resolved');
          },
        };
      case 'return':
        return {
          patch: { returnReason: body.reason!, closedAt: now },
          note: body.reason!,
          after: async (u) => {
            await notice(tx, 'returned', u, d.categoryName, { residents: [u.submitterAccountId] }, { reason: body.reason });
            await carryToMerged(tx, actor, u, d.categoryName, 'returned');
          },
        };
      case 'rate': {
        if (t.resolvedAt && now.getTime() > t.resolvedAt.getTime() + RATING_WINDOW_DAYS * DAY_MS) throw new AppError('invalid_transition', { reason: 'rating_window_closed' });
        const base: Patch = { rating: body.rating!, ratingComment: body.comment ?? null, ratedAt: now };
        if (tr.to === 'closed') return { patch: { ...base, closedAt: now }, note: body.comment ?? null, details: { rating: body.rating } };
        // Unhappy the first time: reopened with a fresh deadline, and the grid leader is told (督办).
        const category = await repo.categoryById(tx, t.categoryId);
        const leader = t.gridId ? await gridLeaderFor(tx, t.gridId) : null;
        const supervisors = leader ? [] : await repo.holdersAt(tx, t.communityId, 'ticket.supervise');
        return {
          patch: { ...base, reopenCount: t.reopenCount + 1, escalationLevel: Math.max(t.escalationLevel, 1), escalationCount: t.escalationCount + 1, lastEscalatedAt: now, dueAt: new Date(now.getTime() + (category?.deadlineHours ?? 72) * HOUR_MS), acceptedAt: null },
          note: body.comment ?? null,
          details: { rating: body.rating },
          after: async (u) => {
            await event(tx, u, actor, 'system', 'escalate', null, null, null, { level: 1, reason: 'unhappy_rating', to: leader ? [leader] : supervisors });
            await notice(tx, 'reopened', u, d.categoryName, { staff: [u.assigneeAccountId, leader, ...supervisors] });
          },
        };
      }
      case 'close':
        return { patch: { closedAt: now }, note: body.reason ?? null };
      case 'merge': {
        const intoId = body.intoId!;
        if (intoId === t.id) throw new AppError('invalid_transition', { reason: 'merge_into_self' });
        const master = await repo.lock(tx, intoId);
        const md = master ? await repo.findDetail(tx, intoId) : undefined;
        if (!master || !md || !canSee(actor, md, relationsOf(actor, md))) throw new AppError('not_found', [{ field: 'body.intoId', code: 'ticket_not_found', message: 'ticket_not_found' }]);
        if (master.communityId !== t.communityId || master.mergedIntoId || !['submitted', 'accepted', 'reopened'].includes(master.status)) {
          throw new AppError('invalid_transition', { reason: 'merge_target_not_open' });
        }
        return {
          patch: { mergedIntoId: master.id, assigneeAccountId: master.assigneeAccountId, assigneeStandIn: master.assigneeStandIn },
          note: body.reason ?? null,
          details: { into: master.id },
          after: async (u) => {
            await event(tx, master, actor, 'staff', 'merge_in', null, null, body.reason ?? null, { from: u.id });
            await notice(tx, 'merged', u, d.categoryName, { residents: [u.submitterAccountId] });
          },
        };
      }
      default: {
        const never: never = action;
        throw new Error(`unknown action ${String(never)}`);
      }
    }
  }

  return {
    async act(actor: Actor, id: string, action: TicketAction, body: TicketActionBody): Promise<TicketView> {
      const t = await db.transaction(async (tx) => {
        const locked = await repo.lock(tx, id);
        const d = locked ? await repo.findDetail(tx, id) : undefined;
        const relations = d ? relationsOf(actor, d) : new Set<never>();
        if (!d || !canSee(actor, d, relations)) throw new AppError('not_found');
        const tr = findTransition(d.t.status, action, relations, { rating: body.rating, reopenCount: d.t.reopenCount });
        if (!tr) {
          const someoneCould = ticketTransitions.some((x) => x.from === d.t.status && x.action === action);
          throw new AppError(someoneCould ? 'forbidden' : 'invalid_transition', someoneCould ? undefined : { status: d.t.status, action });
        }
        checkNeeds(tr, body);
        const fx = await effects(tx, actor, d, tr, body);
        const updated = await repo.update(tx, id, { ...fx.patch, status: tr.to });
        const kind = action === 'rate' && relations.has('submitter') ? 'submitter' : 'staff';
        await event(tx, updated, actor, kind, action, d.t.status, tr.to, fx.note, fx.details);
        await fx.after?.(updated);
        await audit.record(tx, actor, {
          action: `ticket.${action}`,
          entity: 'ticket',
          entityId: id,
          communityId: d.t.communityId,
          changes: { status: { before: d.t.status, after: tr.to }, ...(fx.details ?? {}) },
          reason: body.reason ?? null,
        });
        return updated;
      });
      // Built without the visibility check: a contact who just handed the ticket on may no longer see it, but did act on it.
      const d = await repo.findDetail(db, t.id);
      return tickets.view(db, actor, d!);
    },
  };
}

export type TicketWorkflow = ReturnType<typeof createTicketWorkflow>;
