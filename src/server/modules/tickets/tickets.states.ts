/**
 * A ticket's life as data (FixMyStreet report states): `from → action → to`, who may take it and
 * what it needs. The service checks this table, `GET /ticket-transitions` hands it to the web apps
 * (which draw their buttons from it) and docs/tickets.md shows it as a diagram.
 *
 * Who is decided per ticket, not by role alone:
 * - submitter   the account that filed the ticket
 * - assignee    the account it is assigned to (a grid worker, or a department contact such as the property company)
 * - handler     staff holding `ticket.handle` whose scope covers the ticket (the grid's backup and leader, community staff)
 * - supervisor  staff holding `ticket.supervise` over the ticket (community secretary, street)
 * - callback    a handler recording the rating of a caller who has no app account (回访 by phone)
 * - system      scheduled jobs (auto-close after 7 days)
 */
import type { ticketStatuses } from './tickets.tables';

export type TicketStatus = (typeof ticketStatuses)[number];
export const ticketActions = ['accept', 'reassign', 'resolve', 'return', 'rate', 'close', 'merge'] as const;
export type TicketAction = (typeof ticketActions)[number];
export type Relation = 'submitter' | 'assignee' | 'handler' | 'supervisor' | 'callback' | 'system';
export type Requirement = 'reason' | 'resolution' | 'assigneeId' | 'rating' | 'intoId';
/** Conditions that pick between two rows of the same action (a low first rating reopens). */
export type Guard = 'satisfied_or_reopened_before' | 'unhappy_first_time';

export interface Transition {
  from: TicketStatus;
  action: TicketAction;
  to: TicketStatus;
  by: readonly Relation[];
  needs?: readonly Requirement[];
  when?: Guard;
}

const working = ['assignee', 'handler'] as const;
const open = ['submitted', 'accepted', 'reopened'] as const;

export const ticketTransitions: readonly Transition[] = [
  { from: 'submitted', action: 'accept', to: 'accepted', by: working },
  { from: 'reopened', action: 'accept', to: 'accepted', by: working },
  ...open.map((from): Transition => ({ from, action: 'reassign', to: 'submitted', by: working, needs: ['assigneeId', 'reason'] })),
  ...open.map((from): Transition => ({ from, action: 'resolve', to: 'resolved', by: working, needs: ['resolution'] })),
  ...open.map((from): Transition => ({ from, action: 'return', to: 'returned', by: working, needs: ['reason'] })),
  ...open.map((from): Transition => ({ from, action: 'merge', to: 'merged', by: ['handler'], needs: ['intoId'] })),
  { from: 'resolved', action: 'rate', to: 'closed', by: ['submitter', 'callback'], needs: ['rating'], when: 'satisfied_or_reopened_before' },
  { from: 'resolved', action: 'rate', to: 'reopened', by: ['submitter', 'callback'], needs: ['rating'], when: 'unhappy_first_time' },
  { from: 'resolved', action: 'close', to: 'closed', by: ['system', 'supervisor'] },
  // A suggestion taken on record, with nothing to fix: the secretary files it with a reason.
  { from: 'accepted', action: 'close', to: 'closed', by: ['supervisor'], needs: ['reason'] },
];

/** Days after resolution during which the submitter may rate (and after which the ticket closes). */
export const RATING_WINDOW_DAYS = 7;
/** Ratings at or below this are "unhappy": the first one reopens the ticket and escalates it. */
export const UNHAPPY_RATING = 2;

export function guardHolds(guard: Guard | undefined, ctx: { rating?: number; reopenCount: number }): boolean {
  switch (guard) {
    case undefined:
      return true;
    case 'unhappy_first_time':
      return (ctx.rating ?? 5) <= UNHAPPY_RATING && ctx.reopenCount === 0;
    case 'satisfied_or_reopened_before':
      return (ctx.rating ?? 5) > UNHAPPY_RATING || ctx.reopenCount > 0;
    default: {
      const never: never = guard;
      throw new Error(`unknown guard ${String(never)}`);
    }
  }
}

/** The row that applies, or null when the action is not allowed from this status for these relations. */
export function findTransition(status: TicketStatus, action: TicketAction, relations: ReadonlySet<Relation>, ctx: { rating?: number; reopenCount: number }): Transition | null {
  return ticketTransitions.find((t) => t.from === status && t.action === action && t.by.some((r) => relations.has(r)) && guardHolds(t.when, ctx)) ?? null;
}

/** Actions the caller can take now (for the buttons); guards are not evaluated, so `rate` shows once. */
export function availableActions(status: TicketStatus, relations: ReadonlySet<Relation>): TicketAction[] {
  const out = new Set<TicketAction>();
  for (const t of ticketTransitions) if (t.from === status && t.by.some((r) => relations.has(r) && r !== 'system')) out.add(t.action);
  return [...out];
}
