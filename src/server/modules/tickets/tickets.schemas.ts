import { z } from 'zod';
import { pageQuery, Uuid } from '../../../contracts/common';
import { ticketActions } from './tickets.states';
import { ticketChannels, ticketKinds, ticketStatuses } from './tickets.tables';

export const TicketKind = z.enum(ticketKinds);
export const TicketChannel = z.enum(ticketChannels);
export const TicketStatus = z.enum(ticketStatuses);
export const TicketAction = z.enum(ticketActions);
export const CategoryKey = z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, { message: 'category_key' });

const Phone = z
  .string()
  .trim()
  .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, { message: 'phone_format' });

/** Channels residents use themselves; the others are staff entering a ticket for someone. */
export const selfChannels = ['resident_app', 'snap'] as const;

export const CreateTicketBody = z.strictObject({
  kind: TicketKind,
  category: CategoryKey,
  description: z.string().trim().min(2).max(2000),
  channel: TicketChannel.optional(),
  buildingId: Uuid.optional(),
  /** Needed only when no building is named and the caller's scope spans several communities. */
  communityId: Uuid.optional(),
  location: z.string().trim().max(200).optional(),
  photoIds: z.array(Uuid).max(9).optional(),
  /** Staff entering a call or visit: the resident it is for (their app account then follows it). */
  submitterResidentId: Uuid.optional(),
  contactName: z.string().trim().min(1).max(50).optional(),
  contactPhone: Phone.optional(),
});
export type CreateTicketBody = z.infer<typeof CreateTicketBody>;

export const TicketActionParams = z.strictObject({ id: Uuid, action: TicketAction });

export const TicketActionBody = z.strictObject({
  reason: z.string().trim().min(2).max(500).optional(),
  resolution: z.string().trim().min(2).max(2000).optional(),
  assigneeId: Uuid.optional(),
  rating: z.number().int().min(1).max(5).optional(),
  comment: z.string().trim().max(500).optional(),
  intoId: Uuid.optional(),
  photoIds: z.array(Uuid).max(9).optional(),
});
export type TicketActionBody = z.infer<typeof TicketActionBody>;

export const TicketEventView = z.object({
  id: z.string(),
  at: z.date(),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  actorName: z.string(),
  actorKind: z.enum(['submitter', 'staff', 'system']),
  note: z.string().nullable(),
});

const CategoryRef = z.object({ key: z.string(), name: z.string(), onSite: z.boolean() });
const Person = z.object({ accountId: z.string(), name: z.string() });

export const TicketSubmitterView = z.object({
  /** Masked (张*) for anyone but the submitter and the assignee. */
  name: z.string().nullable(),
  /** Always masked; the assignee reveals it through POST …/reveal-contact (audited). */
  phone: z.string().nullable(),
  isMe: z.boolean(),
  hasAccount: z.boolean(),
});

export const DuplicateCandidate = z.object({
  id: z.string(),
  description: z.string(),
  status: TicketStatus,
  createdAt: z.date(),
  similarity: z.number(),
});

const ticketCore = {
  id: z.string(),
  communityId: z.string(),
  gridId: z.string().nullable(),
  gridName: z.string().nullable(),
  buildingId: z.string().nullable(),
  buildingLabel: z.string().nullable(),
  category: CategoryRef,
  kind: TicketKind,
  channel: TicketChannel,
  status: TicketStatus,
  assignee: Person.extend({ standIn: z.boolean() }).nullable(),
  dueAt: z.date(),
  overdue: z.boolean(),
  escalationLevel: z.number().int(),
  rating: z.number().int().nullable(),
  photoIds: z.array(z.string()),
  createdAt: z.date(),
};

export const TicketListItem = z.object({ ...ticketCore, description: z.string(), submitterName: z.string().nullable() });
export type TicketListItem = z.infer<typeof TicketListItem>;

export const TicketView = z.object({
  ...ticketCore,
  communityName: z.string(),
  location: z.string().nullable(),
  description: z.string(),
  submitter: TicketSubmitterView,
  acceptedAt: z.date().nullable(),
  resolvedAt: z.date().nullable(),
  closedAt: z.date().nullable(),
  resolution: z.string().nullable(),
  returnReason: z.string().nullable(),
  ratingComment: z.string().nullable(),
  ratedAt: z.date().nullable(),
  /** Until when the submitter may rate (resolved tickets). */
  rateUntil: z.date().nullable(),
  reopenCount: z.number().int(),
  escalationCount: z.number().int(),
  mergedIntoId: z.string().nullable(),
  mergedCount: z.number().int(),
  projectId: z.string().nullable(),
  version: z.number().int(),
  /** What the caller may do now, from the state table. */
  actions: z.array(TicketAction),
  timeline: z.array(TicketEventView),
  /** For a ticket merged into another: that ticket's outcome and public timeline. */
  master: z.object({ id: z.string(), status: TicketStatus, resolution: z.string().nullable(), timeline: z.array(TicketEventView) }).nullable(),
  /** Staff only: open tickets of the same building and category in the last 7 days with similar text. */
  duplicateCandidates: z.array(DuplicateCandidate),
});
export type TicketView = z.infer<typeof TicketView>;

export const TicketListQuery = z.strictObject({
  ...pageQuery,
  /** mine = filed by me; assigned = assigned to me; scope = everything I may read (staff). */
  view: z.enum(['mine', 'assigned', 'scope']).optional(),
  status: z.union([TicketStatus, z.literal('open')]).optional(),
  category: CategoryKey.optional(),
  communityId: Uuid.optional(),
  gridId: Uuid.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  sort: z.enum(['due', 'created']).default('created'),
});
export type TicketListQuery = z.infer<typeof TicketListQuery>;

export const RevealContactView = z.object({ name: z.string().nullable(), phone: z.string().nullable() });

export const TransitionView = z.object({
  from: TicketStatus,
  action: TicketAction,
  to: TicketStatus,
  by: z.array(z.string()),
  needs: z.array(z.string()),
  when: z.string().nullable(),
});

// ---- categories ------------------------------------------------------------------------------

export const CategoryView = z.object({
  id: z.string(),
  communityId: z.string(),
  key: z.string(),
  name: z.string(),
  deadlineHours: z.number().int(),
  onSite: z.boolean(),
  routeAccountId: z.string().nullable(),
  routeAccountName: z.string().nullable(),
  active: z.boolean(),
  sort: z.number().int(),
  version: z.number().int(),
});
export type CategoryView = z.infer<typeof CategoryView>;

export const CategoryListQuery = z.strictObject({ communityId: Uuid.optional(), includeInactive: z.enum(['true', 'false']).optional() });

export const CreateCategoryBody = z.strictObject({
  communityId: Uuid,
  key: CategoryKey,
  name: z.string().trim().min(1).max(30),
  deadlineHours: z.number().int().min(1).max(720),
  onSite: z.boolean().default(false),
  routeAccountId: Uuid.nullable().optional(),
  sort: z.number().int().min(0).max(1000).optional(),
});

export const UpdateCategoryBody = z.strictObject({
  version: z.number().int().min(1),
  name: z.string().trim().min(1).max(30).optional(),
  deadlineHours: z.number().int().min(1).max(720).optional(),
  onSite: z.boolean().optional(),
  routeAccountId: Uuid.nullable().optional(),
  active: z.boolean().optional(),
  sort: z.number().int().min(0).max(1000).optional(),
});

// ---- buildings one can report about (the map-less picker) --------------------------------------

export const BuildingOption = z.object({
  id: z.string(),
  communityId: z.string(),
  estateName: z.string(),
  name: z.string(),
  label: z.string(),
  gridId: z.string().nullable(),
  gridName: z.string().nullable(),
});
export const BuildingOptionsQuery = z.strictObject({ communityId: Uuid.optional(), q: z.string().trim().max(50).optional() });

// ---- people for pickers (reassign, route-to, project leader and supervisor) -----------------------

export const PeopleQuery = z.strictObject({ communityId: Uuid, kind: z.enum(['workers', 'party_members', 'supervisors']) });
export const PersonOption = z.object({ accountId: z.string(), name: z.string(), roles: z.array(z.string()) });

// ---- statistics ----------------------------------------------------------------------------

export const StatsQuery = z.strictObject({ orgId: Uuid, from: z.iso.date().optional(), to: z.iso.date().optional() });

export const StatsFigures = z.object({
  received: z.number().int(),
  resolved: z.number().int(),
  /** Shares are 0–1, null when there is nothing to divide by. */
  resolutionRate: z.number().nullable(),
  onTimeRate: z.number().nullable(),
  avgResolveHours: z.number().nullable(),
  rated: z.number().int(),
  satisfaction: z.number().nullable(),
  reopened: z.number().int(),
  escalated: z.number().int(),
  returned: z.number().int(),
});
export type StatsFigures = z.infer<typeof StatsFigures>;

export const StatsView = z.object({
  orgId: z.string(),
  orgName: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  totals: StatsFigures,
  byCategory: z.array(StatsFigures.extend({ key: z.string(), name: z.string() })),
  byGrid: z.array(StatsFigures.extend({ gridId: z.string().nullable(), gridName: z.string().nullable() })),
  byMonth: z.array(StatsFigures.extend({ month: z.string() })),
});
export type StatsView = z.infer<typeof StatsView>;
