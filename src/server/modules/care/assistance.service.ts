/**
 * Assistance applications (低保/特困/临时救助/医疗救助) walk the table in care.model.ts:
 * draft → submitted → community_review → public_notice (7 days, objections) → street_review →
 * approved | rejected. The service looks the step up in the table (no step, 409), checks the
 * caller holds that step's permission (403), that a reviewer did not submit it (409), and the
 * step's own requirements; each step is a row in assistance_step and an audit entry.
 */
import { z } from 'zod';
import type { AppContext } from '../../context';
import type { Actor } from '../../platform/auth/actor';
import { diffForAudit } from '../../platform/audit';
import { maskName } from '../../platform/crypto';
import type { Queryable } from '../../platform/db/client';
import { updateVersioned } from '../../platform/db/versioned';
import { AppError } from '../../platform/errors';
import { decodeCursor, pageFrom } from '../../platform/pagination';
import {
  assistanceAmountCapFen,
  assistancePermissionFor,
  assistanceTransitions,
  noticeDays,
  recurringAssistanceKinds,
  transitionFor,
  type AssistanceAction,
  type AssistanceTransition,
} from './care.model';
import { assistanceApplication } from './care.tables';
import { assertUploads, type CareDeps } from './care.deps';
import { assistanceRepository as repo } from './assistance.repository';
import type { ApplicationListItem, ApplicationListQuery, ApplicationView, CreateApplicationBody, MyApplicationView, TransitionBody } from './assistance.schemas';

type Found = NonNullable<Awaited<ReturnType<typeof repo.find>>>;

const DAY_MS = 86_400_000;
const fieldError = (field: string, code: string) => new AppError('validation_failed', [{ field: `body.${field}`, code, message: code }]);

function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return d.toISOString().slice(0, 10);
}

function listItem(r: Found): ApplicationListItem {
  const a = r.app;
  return {
    id: a.id,
    communityId: a.communityId,
    communityName: r.communityName,
    kind: a.kind,
    status: a.status,
    applicantName: r.applicantName,
    address: r.address,
    amountFen: a.amountFen,
    submittedAt: a.submittedAt,
    noticeEndsAt: a.noticeEndsAt,
    updatedAt: a.updatedAt,
  };
}

export function createAssistanceService(ctx: AppContext, deps: CareDeps) {
  const { db, audit } = ctx;

  async function allowedActions(q: Queryable, actor: Actor, a: Found['app']): Promise<AssistanceAction[]> {
    const out: AssistanceAction[] = [];
    const held = new Map<string, boolean>();
    for (const t of assistanceTransitions.filter((x) => x.from === a.status)) {
      const permission = assistancePermissionFor[t.by];
      if (!held.has(permission)) held.set(permission, await repo.permitted(q, actor, permission, a.communityId, a.gridId));
      if (!held.get(permission)) continue;
      if (t.notBySubmitter && a.submittedBy === actor.accountId) continue;
      if (!out.includes(t.action)) out.push(t.action);
    }
    return out;
  }

  async function view(q: Queryable, actor: Actor, found: Found): Promise<ApplicationView> {
    const a = found.app;
    const [steps, objections, allowed] = [await repo.steps(q, a.id), await repo.objections(q, a.id), await allowedActions(q, actor, a)];
    return {
      ...listItem(found),
      householdId: a.householdId,
      careFileId: a.careFileId,
      applicantResidentId: a.applicantResidentId,
      reason: a.reason,
      requestedAmountFen: a.requestedAmountFen,
      startMonth: a.startMonth,
      documentIds: a.documentIds,
      noticeStartsAt: a.noticeStartsAt,
      rejectReason: a.rejectReason,
      reviewDueOn: a.reviewDueOn,
      submittedByMe: !!a.submittedBy && a.submittedBy === actor.accountId,
      allowedActions: allowed,
      steps: steps.map((s) => ({ action: s.action, fromStatus: s.fromStatus, toStatus: s.toStatus, actorName: s.actorName, note: s.note, at: s.at })),
      objections: objections.map((o) => ({ id: o.id, content: o.content, raisedBy: o.raisedBy, recordedByName: o.recordedByName, recordedAt: o.recordedAt })),
      version: a.version,
    };
  }

  /** The step's own requirements, as the values it writes. */
  function stepValues(t: AssistanceTransition, a: Found['app'], body: TransitionBody, now: Date): Partial<typeof assistanceApplication.$inferInsert> {
    const cap = assistanceAmountCapFen[a.kind];
    const checkAmount = (amount: number | undefined | null) => {
      if (amount === undefined || amount === null) throw fieldError('amountFen', 'required');
      if (amount > cap) throw new AppError('validation_failed', [{ field: 'body.amountFen', code: 'amount_above_cap', message: 'amount_above_cap', cap }]);
      return amount;
    };
    switch (t.action) {
      case 'submit':
        if (a.documentIds.length === 0) throw new AppError('documents_required');
        return { submittedAt: now };
      case 'accept':
        return {};
      case 'publish_notice':
        return { amountFen: checkAmount(body.amountFen ?? a.requestedAmountFen), noticeStartsAt: now, noticeEndsAt: new Date(now.getTime() + noticeDays * DAY_MS) };
      case 'forward':
        if (!a.noticeEndsAt || a.noticeEndsAt.getTime() > now.getTime()) throw new AppError('notice_period_running', { noticeEndsAt: a.noticeEndsAt });
        return {};
      case 'approve': {
        const recurring = recurringAssistanceKinds.includes(a.kind);
        if (recurring && !body.startMonth) throw fieldError('startMonth', 'required');
        const startMonth = body.startMonth ?? now.toISOString().slice(0, 7);
        return { amountFen: checkAmount(body.amountFen ?? a.amountFen), startMonth, decidedAt: now, reviewDueOn: recurring ? addMonths(startMonth, 12) : null };
      }
      case 'reject':
        if (!body.reason) throw fieldError('reason', 'required');
        return { rejectReason: body.reason, decidedAt: now };
      case 'record_objection':
        return {};
      default: {
        const never: never = t.action;
        throw new Error(`unknown action ${String(never)}`);
      }
    }
  }

  return {
    async list(actor: Actor, q: ApplicationListQuery) {
      const before = decodeCursor(q.cursor, z.tuple([z.string()]));
      const found = await repo.list(db, actor, { status: q.status, kind: q.kind, q: q.q, householdId: q.householdId, before: before?.[0], limit: q.limit });
      return pageFrom(found, q.limit, (r) => [r.app.id], listItem);
    },

    async get(actor: Actor, id: string): Promise<ApplicationView> {
      const found = await repo.find(db, actor, id);
      if (!found) throw new AppError('not_found');
      return view(db, actor, found);
    },

    async create(actor: Actor, input: CreateApplicationBody): Promise<{ id: string }> {
      return db.transaction(async (tx) => {
        const household = await repo.household(tx, actor, input.householdId);
        if (!household) throw new AppError('not_found');
        if (!(await repo.isMember(tx, input.applicantResidentId, household.id))) throw fieldError('applicantResidentId', 'not_a_member');
        if (input.requestedAmountFen !== undefined && input.requestedAmountFen > assistanceAmountCapFen[input.kind]) throw fieldError('requestedAmountFen', 'amount_above_cap');
        await assertUploads(deps, tx, actor, input.documentIds, household.community_id);
        const row = await repo.insert(tx, {
          communityId: household.community_id,
          gridId: household.grid_id,
          householdId: household.id,
          careFileId: household.care_file_id,
          applicantResidentId: input.applicantResidentId,
          kind: input.kind,
          reason: input.reason,
          requestedAmountFen: input.requestedAmountFen ?? null,
          documentIds: input.documentIds,
          createdBy: actor.accountId!,
        });
        await audit.record(tx, actor, { action: 'assistance.create', entity: 'assistance_application', entityId: row.id, communityId: row.communityId, changes: diffForAudit(null, { kind: row.kind, documents: row.documentIds.length }) });
        return { id: row.id };
      });
    },

    async update(actor: Actor, id: string, input: { version: number; reason?: string; requestedAmountFen?: number | null; documentIds?: string[] }): Promise<ApplicationView> {
      return db.transaction(async (tx) => {
        const found = await repo.find(tx, actor, id, { lock: true });
        if (!found) throw new AppError('not_found');
        if (!(await repo.permitted(tx, actor, 'assistance.create', found.app.communityId, found.app.gridId))) throw new AppError('forbidden');
        if (found.app.status !== 'draft') throw new AppError('invalid_transition', { status: found.app.status });
        if (input.requestedAmountFen && input.requestedAmountFen > assistanceAmountCapFen[found.app.kind]) throw fieldError('requestedAmountFen', 'amount_above_cap');
        if (input.documentIds) await assertUploads(deps, tx, actor, input.documentIds, found.app.communityId);
        const { version, ...values } = input;
        const after = await updateVersioned(tx, assistanceApplication, { id, version, values });
        await audit.record(tx, actor, { action: 'assistance.update', entity: 'assistance_application', entityId: id, communityId: after.communityId, changes: diffForAudit({ reason: found.app.reason, requestedAmountFen: found.app.requestedAmountFen, documents: found.app.documentIds.length }, { reason: after.reason, requestedAmountFen: after.requestedAmountFen, documents: after.documentIds.length }) });
        return view(tx, actor, { ...found, app: after });
      });
    },

    async transition(actor: Actor, id: string, action: Exclude<AssistanceAction, 'record_objection'>, body: TransitionBody): Promise<ApplicationView> {
      return db.transaction(async (tx) => {
        const found = await repo.find(tx, actor, id, { lock: true });
        if (!found) throw new AppError('not_found');
        const a = found.app;
        const t = transitionFor(a.status, action);
        if (!t) throw new AppError('invalid_transition', { status: a.status, action });
        if (!(await repo.permitted(tx, actor, assistancePermissionFor[t.by], a.communityId, a.gridId))) throw new AppError('forbidden');
        if (t.notBySubmitter && a.submittedBy === actor.accountId) throw new AppError('own_submission');
        if (a.version !== body.version) throw new AppError('version_conflict');
        const now = new Date();
        const values = { ...stepValues(t, a, body, now), status: t.to };
        if (action === 'submit') values.submittedBy = actor.accountId;
        if (action === 'approve' || action === 'reject') values.decidedBy = actor.accountId;
        const after = await updateVersioned(tx, assistanceApplication, { id, version: body.version, values });
        await repo.insertStep(tx, { communityId: a.communityId, applicationId: id, action, fromStatus: a.status, toStatus: t.to, actorId: actor.accountId, actorName: actor.displayName, note: body.note ?? body.reason ?? null });
        await audit.record(tx, actor, {
          action: `assistance.${action}`,
          entity: 'assistance_application',
          entityId: id,
          communityId: a.communityId,
          changes: diffForAudit({ status: a.status, amountFen: a.amountFen, startMonth: a.startMonth }, { status: after.status, amountFen: after.amountFen, startMonth: after.startMonth }),
          reason: body.reason ?? null,
        });
        return view(tx, actor, { ...found, app: after });
      });
    },

    async recordObjection(actor: Actor, id: string, input: { content: string; raisedBy?: string }): Promise<ApplicationView> {
      return db.transaction(async (tx) => {
        const found = await repo.find(tx, actor, id, { lock: true });
        if (!found) throw new AppError('not_found');
        const t = transitionFor(found.app.status, 'record_objection');
        if (!t) throw new AppError('invalid_transition', { status: found.app.status, action: 'record_objection' });
        if (!(await repo.permitted(tx, actor, assistancePermissionFor[t.by], found.app.communityId, found.app.gridId))) throw new AppError('forbidden');
        const row = await repo.insertObjection(tx, { communityId: found.app.communityId, applicationId: id, content: input.content, raisedBy: input.raisedBy ?? null, recordedBy: actor.accountId, recordedByName: actor.displayName });
        await repo.insertStep(tx, { communityId: found.app.communityId, applicationId: id, action: 'record_objection', fromStatus: found.app.status, toStatus: found.app.status, actorId: actor.accountId, actorName: actor.displayName, note: null });
        await audit.record(tx, actor, { action: 'assistance.record_objection', entity: 'assistance_application', entityId: id, communityId: found.app.communityId, changes: { objection: { after: row.id } } });
        return view(tx, actor, found);
      });
    },

    /** The caller's own applications with their steps (a resident following what they applied for). */
    async mine(actor: Actor): Promise<MyApplicationView[]> {
      if (!actor.residentId) return [];
      const found = await repo.mine(db, actor.residentId);
      const out: MyApplicationView[] = [];
      for (const r of found) {
        const a = r.app;
        const steps = await repo.steps(db, a.id);
        out.push({
          id: a.id,
          communityName: r.communityName,
          kind: a.kind,
          status: a.status,
          applicantName: r.applicantName,
          requestedAmountFen: a.requestedAmountFen,
          amountFen: a.amountFen,
          startMonth: a.startMonth,
          submittedAt: a.submittedAt,
          noticeStartsAt: a.noticeStartsAt,
          noticeEndsAt: a.noticeEndsAt,
          rejectReason: a.rejectReason,
          reviewDueOn: a.reviewDueOn,
          steps: steps.filter((s) => s.action !== 'record_objection').map((s) => ({ action: s.action, toStatus: s.toStatus, at: s.at })),
        });
      }
      return out;
    },

    /**
     * Anyone signed in may object to an application while it is on public notice (that is what the
     * notice is for); the objection is recorded under their name for the community's review.
     */
    async objectOnNotice(actor: Actor, id: string, input: { content: string }): Promise<{ id: string }> {
      return db.transaction(async (tx) => {
        const found = await repo.onNotice(tx, id);
        if (!found) throw new AppError('not_found');
        // Objections are for the notice period; once it is over the community has moved on (or is about to).
        const over = !found.notice_ends_at || new Date(found.notice_ends_at).getTime() <= Date.now();
        if (found.status !== 'public_notice' || over) throw new AppError('invalid_transition', { status: found.status, action: 'record_objection' });
        const row = await repo.insertObjection(tx, { communityId: found.community_id, applicationId: id, content: input.content, raisedBy: actor.displayName, recordedBy: actor.accountId, recordedByName: actor.displayName });
        await repo.insertStep(tx, { communityId: found.community_id, applicationId: id, action: 'record_objection', fromStatus: 'public_notice', toStatus: 'public_notice', actorId: actor.accountId, actorName: actor.displayName, note: null });
        await audit.record(tx, actor, { action: 'assistance.record_objection', entity: 'assistance_application', entityId: id, communityId: found.community_id, changes: { objection: { after: row.id } } });
        return { id: row.id };
      });
    },

    /** The public notice board of a community: masked names, kind, amount and the notice period only. */
    async notices(communityId: string) {
      const community = await repo.community(db, communityId);
      if (!community) throw new AppError('not_found');
      const found = await repo.notices(db, communityId);
      return {
        communityName: community.name,
        items: found.map((n) => ({ id: n.id, maskedName: maskName(n.name)!, kind: n.kind as ApplicationView['kind'], amountFen: n.amount_fen, noticeStartsAt: new Date(n.notice_starts_at), noticeEndsAt: new Date(n.notice_ends_at) })),
      };
    },
  };
}

export type AssistanceService = ReturnType<typeof createAssistanceService>;
