/**
 * Resident tickets (民意诉求): categories per community, tickets with their life cycle, the public
 * timeline of every transition, a daily statistics rollup kept by a trigger (migration
 * tickets_stats), and 领办督办 projects with milestones and progress updates.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tstz, updatedAt, version } from '../../platform/db/columns';
import { account } from '../../platform/db/tables/auth';
import { orgNode } from '../../platform/db/tables/org';

export const ticketKinds = ['appeal', 'suggestion', 'complaint', 'inquiry'] as const;
export const ticketChannels = ['resident_app', 'snap', 'hotline', 'walk_in', 'visit', 'joint_meeting'] as const;
export const ticketStatuses = ['submitted', 'accepted', 'reopened', 'resolved', 'returned', 'closed', 'merged'] as const;
/** Statuses in which someone still has to act. */
export const openStatuses = ['submitted', 'accepted', 'reopened'] as const;

export const ticketCategory = pgTable(
  'ticket_category',
  {
    id: id(),
    communityId: uuid('community_id').notNull().references(() => orgNode.id),
    /** Stable handle (`sanitation`); statistics group by it across communities. */
    key: text('key').notNull(),
    name: text('name').notNull(),
    deadlineHours: integer('deadline_hours').notNull(),
    onSite: boolean('on_site').notNull().default(false),
    /** A department contact (e.g. the property company) that takes these instead of the grid worker. */
    routeAccountId: uuid('route_account_id').references(() => account.id),
    active: boolean('active').notNull().default(true),
    sort: integer('sort').notNull().default(0),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('ticket_category_key').on(t.communityId, t.key), check('ticket_category_deadline', sql`${t.deadlineHours} BETWEEN 1 AND 720`)],
);

export const ticket = pgTable(
  'ticket',
  {
    id: id(),
    communityId: uuid('community_id').notNull().references(() => orgNode.id),
    /** Level-3 grid of the building (scope of grid workers); null when the ticket names no building. */
    gridId: uuid('grid_id'),
    buildingId: uuid('building_id'),
    /** "幸福小区 3号楼", copied at creation so lists need no join into places. */
    buildingLabel: text('building_label'),
    location: text('location'),
    categoryId: uuid('category_id').notNull().references(() => ticketCategory.id),
    categoryKey: text('category_key').notNull(),
    kind: text('kind', { enum: ticketKinds }).notNull(),
    channel: text('channel', { enum: ticketChannels }).notNull(),
    status: text('status', { enum: ticketStatuses }).notNull().default('submitted'),
    description: text('description').notNull(),
    photoIds: uuid('photo_ids').array().notNull().default(sql`'{}'::uuid[]`),
    submitterAccountId: uuid('submitter_account_id').references(() => account.id),
    submitterResidentId: uuid('submitter_resident_id'),
    /** Caller's name as given (hotline, walk-in) or the resident's name; masked in responses. */
    contactName: text('contact_name'),
    contactPhoneEnc: text('contact_phone_enc'),
    contactPhoneIdx: text('contact_phone_idx'),
    contactPhoneLast4: text('contact_phone_last4'),
    createdBy: uuid('created_by').references(() => account.id),
    assigneeAccountId: uuid('assignee_account_id').references(() => account.id),
    /** True when the ticket went to the backup because the primary was on leave (AB岗). */
    assigneeStandIn: boolean('assignee_stand_in').notNull().default(false),
    assignedAt: tstz('assigned_at'),
    /** Day of creation in the community's time zone: the statistics' day. */
    createdOn: date('created_on', { mode: 'string' }).notNull(),
    dueAt: tstz('due_at').notNull(),
    acceptedAt: tstz('accepted_at'),
    resolvedAt: tstz('resolved_at'),
    closedAt: tstz('closed_at'),
    resolution: text('resolution'),
    returnReason: text('return_reason'),
    rating: integer('rating'),
    ratingComment: text('rating_comment'),
    ratedAt: tstz('rated_at'),
    reopenCount: integer('reopen_count').notNull().default(0),
    /** 0 none, 1 grid leader pushed (at due), 2 community secretary pushed (due + 1 day). */
    escalationLevel: integer('escalation_level').notNull().default(0),
    escalationCount: integer('escalation_count').notNull().default(0),
    lastEscalatedAt: tstz('last_escalated_at'),
    mergedIntoId: uuid('merged_into_id'),
    projectId: uuid('project_id'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('ticket_community_created_idx').on(t.communityId, t.createdAt, t.id),
    index('ticket_grid_queue_idx').on(t.gridId, t.status, t.dueAt),
    index('ticket_assignee_idx').on(t.assigneeAccountId, t.status, t.dueAt),
    index('ticket_submitter_idx').on(t.submitterAccountId, t.createdAt),
    index('ticket_merged_idx').on(t.mergedIntoId),
    index('ticket_open_due_idx').on(t.dueAt).where(sql`${t.status} IN ('submitted', 'accepted', 'reopened')`),
    index('ticket_resolved_idx').on(t.resolvedAt).where(sql`${t.status} = 'resolved'`),
    index('ticket_duplicate_idx').on(t.communityId, t.categoryId, t.buildingId, t.createdAt),
    index('ticket_description_trgm').using('gin', t.description.op('gin_trgm_ops')),
    check('ticket_rating_range', sql`${t.rating} IS NULL OR ${t.rating} BETWEEN 1 AND 5`),
    check('ticket_photo_count', sql`cardinality(${t.photoIds}) <= 9`),
  ],
);

/** The public timeline: one row per transition, escalation or merge — who, when, why. */
export const ticketEvent = pgTable(
  'ticket_event',
  {
    id: id(),
    communityId: uuid('community_id').notNull(),
    ticketId: uuid('ticket_id').notNull().references(() => ticket.id, { onDelete: 'cascade' }),
    at: tstz('at').notNull().defaultNow(),
    actorAccountId: uuid('actor_account_id'),
    actorName: text('actor_name').notNull(),
    actorKind: text('actor_kind', { enum: ['submitter', 'staff', 'system'] }).notNull(),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    note: text('note'),
    details: jsonb('details').$type<Record<string, unknown>>(),
  },
  (t) => [index('ticket_event_ticket_idx').on(t.ticketId, t.at)],
);

/** Cohort statistics per creation day, grid and category, kept exact by the ticket_stat trigger. */
export const ticketStatDaily = pgTable(
  'ticket_stat_daily',
  {
    communityId: uuid('community_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    /** The nil UUID stands for "no grid" (a primary key column cannot be null). */
    gridId: uuid('grid_id').notNull(),
    categoryKey: text('category_key').notNull(),
    received: integer('received').notNull().default(0),
    resolved: integer('resolved').notNull().default(0),
    resolvedOnTime: integer('resolved_on_time').notNull().default(0),
    resolveHours: doublePrecision('resolve_hours').notNull().default(0),
    rated: integer('rated').notNull().default(0),
    satisfied: integer('satisfied').notNull().default(0),
    reopened: integer('reopened').notNull().default(0),
    escalated: integer('escalated').notNull().default(0),
    returned: integer('returned').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.communityId, t.day, t.gridId, t.categoryKey] }), index('ticket_stat_daily_grid_idx').on(t.gridId, t.day)],
);

/** The same figures per creation month: a year of a district is a few thousand rows (daily rows cover partial months). */
export const ticketStatMonthly = pgTable(
  'ticket_stat_monthly',
  {
    communityId: uuid('community_id').notNull(),
    /** First day of the month. */
    month: date('month', { mode: 'string' }).notNull(),
    gridId: uuid('grid_id').notNull(),
    categoryKey: text('category_key').notNull(),
    received: integer('received').notNull().default(0),
    resolved: integer('resolved').notNull().default(0),
    resolvedOnTime: integer('resolved_on_time').notNull().default(0),
    resolveHours: doublePrecision('resolve_hours').notNull().default(0),
    rated: integer('rated').notNull().default(0),
    satisfied: integer('satisfied').notNull().default(0),
    reopened: integer('reopened').notNull().default(0),
    escalated: integer('escalated').notNull().default(0),
    returned: integer('returned').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.communityId, t.month, t.gridId, t.categoryKey] }), index('ticket_stat_monthly_grid_idx').on(t.gridId, t.month)],
);

export const projectStatuses = ['planned', 'in_progress', 'done', 'cancelled'] as const;

/** 领办督办: a matter too big for one worker, led by a party member and supervised. */
export const project = pgTable(
  'project',
  {
    id: id(),
    communityId: uuid('community_id').notNull().references(() => orgNode.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    source: text('source', { enum: ['ticket', 'joint_meeting', 'other'] }).notNull(),
    sourceTicketId: uuid('source_ticket_id').references(() => ticket.id),
    /** A 党建联席会 (party module) whose decision started it; referenced by id only. */
    jointMeetingId: uuid('joint_meeting_id'),
    decisionNote: text('decision_note'),
    leaderAccountId: uuid('leader_account_id').notNull().references(() => account.id),
    leaderResidentId: uuid('leader_resident_id'),
    supervisorAccountId: uuid('supervisor_account_id').notNull().references(() => account.id),
    status: text('status', { enum: projectStatuses }).notNull().default('planned'),
    progress: integer('progress').notNull().default(0),
    isPublic: boolean('is_public').notNull().default(true),
    dueOn: date('due_on', { mode: 'string' }),
    completedAt: tstz('completed_at'),
    createdBy: uuid('created_by'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('project_community_idx').on(t.communityId, t.createdAt, t.id),
    index('project_leader_idx').on(t.leaderAccountId),
    check('project_progress_range', sql`${t.progress} BETWEEN 0 AND 100`),
  ],
);

export const projectMilestone = pgTable(
  'project_milestone',
  {
    id: id(),
    communityId: uuid('community_id').notNull(),
    projectId: uuid('project_id').notNull().references(() => project.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    dueOn: date('due_on', { mode: 'string' }),
    doneAt: tstz('done_at'),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [index('project_milestone_project_idx').on(t.projectId, t.sort)],
);

export const projectUpdate = pgTable(
  'project_update',
  {
    id: id(),
    communityId: uuid('community_id').notNull(),
    projectId: uuid('project_id').notNull().references(() => project.id, { onDelete: 'cascade' }),
    at: tstz('at').notNull().defaultNow(),
    authorAccountId: uuid('author_account_id').notNull().references(() => account.id),
    authorName: text('author_name').notNull(),
    note: text('note').notNull(),
    progress: integer('progress'),
    milestoneId: uuid('milestone_id'),
    photoIds: uuid('photo_ids').array().notNull().default(sql`'{}'::uuid[]`),
  },
  (t) => [index('project_update_project_idx').on(t.projectId, t.at)],
);
