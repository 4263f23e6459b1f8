/**
 * Who the caller is to a ticket (submitter, assignee, handler…), whether they may see it, and the
 * response shapes — with the submitter's personal data masked for everyone but the submitter and
 * the assignee.
 */
import { can, type Actor } from '../../platform/auth/actor';
import { maskName } from '../../platform/crypto';
import { pathInScope } from '../../platform/scope';
import type { EventRow, TicketDetailRow } from './tickets.repository';
import type { DuplicateCandidate, TicketListItem, TicketView } from './tickets.schemas';
import { availableActions, RATING_WINDOW_DAYS, type Relation } from './tickets.states';
import { openStatuses } from './tickets.tables';
import type { z } from 'zod';

const DAY_MS = 86_400_000;

/** The org path that scopes a ticket: its grid's, or its community's when it names no building. */
export const scopePathOf = (d: Pick<TicketDetailRow, 'gridPath' | 'communityPath'>): string => d.gridPath ?? d.communityPath;

export function relationsOf(actor: Actor, d: TicketDetailRow): Set<Relation> {
  const out = new Set<Relation>();
  if (actor.kind === 'system') out.add('system');
  const me = actor.accountId;
  // A resident whose app account was linked after staff filed for their record is the submitter too.
  const ownRecord = actor.residentId !== null && d.t.submitterResidentId === actor.residentId && can(actor, 'ticket.create');
  if ((me && d.t.submitterAccountId === me) || ownRecord) out.add('submitter');
  if (me && d.t.assigneeAccountId === me && can(actor, ['ticket.work', 'ticket.handle'])) out.add('assignee');
  const path = scopePathOf(d);
  if (pathInScope(actor, 'ticket.handle', path)) {
    out.add('handler');
    if (!d.t.submitterAccountId) out.add('callback');
  }
  if (pathInScope(actor, 'ticket.supervise', path)) out.add('supervisor');
  return out;
}

/** Out of scope is not found: callers turn false into 404. */
export function canSee(actor: Actor, d: TicketDetailRow, relations: ReadonlySet<Relation>): boolean {
  return relations.size > 0 || pathInScope(actor, 'ticket.read', scopePathOf(d));
}

const seesPersonalData = (relations: ReadonlySet<Relation>) => relations.has('submitter') || relations.has('assignee');

export const isOverdue = (d: { status: string; dueAt: Date }, now = new Date()): boolean =>
  (openStatuses as readonly string[]).includes(d.status) && d.dueAt.getTime() < now.getTime();

type EventView = TicketView['timeline'][number];

export function toEventView(e: EventRow, unmasked: boolean): EventView {
  return {
    id: e.id,
    at: e.at,
    action: e.action,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    actorName: e.actorKind === 'submitter' && !unmasked ? (maskName(e.actorName) ?? '') : e.actorName,
    actorKind: e.actorKind,
    note: e.note,
  };
}

function core(d: TicketDetailRow) {
  const t = d.t;
  return {
    id: t.id,
    communityId: t.communityId,
    gridId: t.gridId,
    gridName: d.gridName,
    buildingId: t.buildingId,
    buildingLabel: t.buildingLabel,
    category: { key: t.categoryKey, name: d.categoryName, onSite: d.onSite },
    kind: t.kind,
    channel: t.channel,
    status: t.status,
    assignee: t.assigneeAccountId ? { accountId: t.assigneeAccountId, name: d.assigneeName ?? '', standIn: t.assigneeStandIn } : null,
    dueAt: t.dueAt,
    overdue: isOverdue(t),
    escalationLevel: t.escalationLevel,
    rating: t.rating,
    photoIds: t.photoIds,
    createdAt: t.createdAt,
  };
}

export function toListItem(actor: Actor, d: TicketDetailRow): TicketListItem {
  const mine = actor.accountId !== null && (d.t.submitterAccountId === actor.accountId || d.t.assigneeAccountId === actor.accountId);
  return {
    ...core(d),
    description: d.t.description.length > 140 ? `${d.t.description.slice(0, 140)}…` : d.t.description,
    submitterName: mine ? d.t.contactName : maskName(d.t.contactName),
  };
}

export interface ViewExtras {
  events: EventRow[];
  mergedCount: number;
  master: { d: TicketDetailRow; events: EventRow[] } | null;
  duplicates: z.infer<typeof DuplicateCandidate>[];
}

export function toTicketView(actor: Actor, d: TicketDetailRow, relations: ReadonlySet<Relation>, extras: ViewExtras): TicketView {
  const t = d.t;
  const unmasked = seesPersonalData(relations);
  return {
    ...core(d),
    communityName: d.communityName,
    location: t.location,
    description: t.description,
    submitter: {
      name: unmasked ? t.contactName : maskName(t.contactName),
      phone: t.contactPhoneLast4 ? `*******${t.contactPhoneLast4}` : null,
      isMe: relations.has('submitter'),
      hasAccount: t.submitterAccountId !== null,
    },
    acceptedAt: t.acceptedAt,
    resolvedAt: t.resolvedAt,
    closedAt: t.closedAt,
    resolution: t.resolution,
    returnReason: t.returnReason,
    ratingComment: t.ratingComment,
    ratedAt: t.ratedAt,
    rateUntil: t.status === 'resolved' && t.resolvedAt ? new Date(t.resolvedAt.getTime() + RATING_WINDOW_DAYS * DAY_MS) : null,
    reopenCount: t.reopenCount,
    escalationCount: t.escalationCount,
    mergedIntoId: t.mergedIntoId,
    mergedCount: extras.mergedCount,
    projectId: t.projectId,
    version: t.version,
    actions: availableActions(t.status, relations),
    timeline: extras.events.map((e) => toEventView(e, unmasked)),
    master: extras.master
      ? {
          id: extras.master.d.t.id,
          status: extras.master.d.t.status,
          resolution: extras.master.d.t.resolution,
          // The other submitter's name stays masked: this is their ticket, not the caller's.
          timeline: extras.master.events.map((e) => toEventView(e, false)),
        }
      : null,
    duplicateCandidates: extras.duplicates,
  };
}
