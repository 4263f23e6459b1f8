/**
 * Party building (党建): the party organization tree of a community with its 楼栋党小组, the
 * members (registered, reporting in from their workplace, mobile), report-ins (双报到), service
 * posts and claims, the weekly micro-lecture with check-in, democratic evaluation, the points
 * ledger and the monthly joint meeting (四方联动). Every row carries community_id.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, numeric, pgTable, primaryKey, text, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { createdAt, id, tstz, updatedAt, version } from '../../platform/db/columns';
import { account } from '../../platform/db/tables/auth';
import { orgNode } from '../../platform/db/tables/org';
import { building, resident } from '../places/places.tables';

/** Per-community configuration: the lecture schedule and check-in window, and the issue counter. */
export const partySettings = pgTable(
  'party_settings',
  {
    communityId: uuid('community_id').primaryKey().references(() => orgNode.id),
    /** ISO weekday of the weekly lecture, 1 = Monday … 7 = Sunday (default Thursday). */
    lectureWeekday: integer('lecture_weekday').notNull().default(4),
    /** Local start time "HH:MM" in the community's zone. */
    lectureTime: text('lecture_time').notNull().default('20:00'),
    checkinOpensMinutes: integer('checkin_opens_minutes').notNull().default(10),
    checkinClosesMinutes: integer('checkin_closes_minutes').notNull().default(10),
    reminderMinutes: integer('reminder_minutes').notNull().default(60),
    /** Last issued 第N期 number; bumped atomically when a lecture is created. */
    lastIssueNo: integer('last_issue_no').notNull().default(0),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('party_settings_weekday', sql`${t.lectureWeekday} BETWEEN 1 AND 7`),
    check('party_settings_time', sql`${t.lectureTime} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`),
    check('party_settings_window', sql`${t.checkinOpensMinutes} >= 0 AND ${t.checkinClosesMinutes} > 0`),
  ],
);

/** Points per unit of one activity source ('lecture_check_in', 'volunteer_hours', …) in a community. */
export const partyPointRule = pgTable(
  'party_point_rule',
  {
    communityId: uuid('community_id').notNull().references(() => orgNode.id),
    source: text('source').notNull(),
    pointsPerUnit: numeric('points_per_unit', { precision: 8, scale: 2, mode: 'number' }).notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.communityId, t.source] })],
);

/** 党组织: committee 党委 → general_branch 党总支 → branch 党支部 → group 党小组. `path` = ancestor ids. */
export const partyOrg = pgTable(
  'party_org',
  {
    id: id(),
    communityId: uuid('community_id').notNull().references(() => orgNode.id),
    parentId: uuid('parent_id').references((): AnyPgColumn => partyOrg.id),
    kind: text('kind', { enum: ['committee', 'general_branch', 'branch', 'group'] }).notNull(),
    name: text('name').notNull(),
    path: text('path').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('party_org_name_key').on(t.communityId, t.name), index('party_org_path_idx').on(t.communityId, t.path)],
);

/** The buildings a 楼栋党小组 covers; a building belongs to one group. */
export const partyOrgBuilding = pgTable(
  'party_org_building',
  {
    communityId: uuid('community_id').notNull(),
    orgId: uuid('org_id').notNull().references(() => partyOrg.id, { onDelete: 'cascade' }),
    buildingId: uuid('building_id').notNull().references(() => building.id),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.buildingId] }), uniqueIndex('party_org_building_key').on(t.communityId, t.buildingId)],
);

/** 党员 of a community; personal data (phone, ID number) encrypted with a blind index. */
export const partyMember = pgTable(
  'party_member',
  {
    id: id(),
    communityId: uuid('community_id').notNull().references(() => orgNode.id),
    orgId: uuid('org_id').notNull().references(() => partyOrg.id),
    /** The resident record when the member lives in the community. */
    residentId: uuid('resident_id').references(() => resident.id),
    /** The app account the member acts from (check in, claim, evaluate). */
    accountId: uuid('account_id').references(() => account.id),
    name: text('name').notNull(),
    gender: text('gender', { enum: ['male', 'female'] }),
    phoneEnc: text('phone_enc'),
    phoneIdx: text('phone_idx'),
    phoneLast4: text('phone_last4'),
    idNumberEnc: text('id_number_enc'),
    idNumberIdx: text('id_number_idx'),
    idNumberLast4: text('id_number_last4'),
    status: text('status', { enum: ['full', 'probationary'] }).notNull(),
    /** 入党日期 and, for full members, 转正日期. */
    joinedOn: date('joined_on', { mode: 'string' }).notNull(),
    fullOn: date('full_on', { mode: 'string' }),
    membership: text('membership', { enum: ['registered', 'reporting', 'mobile'] }).notNull(),
    /** Workplace (partner unit) of an in-service member who reports in here. */
    workplace: text('workplace'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    /** On this community's roster since (lectures before this date do not count against them). */
    enrolledAt: tstz('enrolled_at').notNull().defaultNow(),
    leftAt: tstz('left_at'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('party_member_account_key').on(t.communityId, t.accountId).where(sql`${t.accountId} IS NOT NULL AND ${t.leftAt} IS NULL`),
    uniqueIndex('party_member_resident_key').on(t.communityId, t.residentId).where(sql`${t.residentId} IS NOT NULL AND ${t.leftAt} IS NULL`),
    uniqueIndex('party_member_id_number_key').on(t.communityId, t.idNumberIdx).where(sql`${t.idNumberIdx} IS NOT NULL AND ${t.leftAt} IS NULL`),
    index('party_member_org_idx').on(t.communityId, t.orgId),
    index('party_member_name_idx').on(t.communityId, t.name, t.id),
    index('party_member_account_idx').on(t.accountId),
    check('party_member_full_on', sql`${t.status} = 'full' OR ${t.fullOn} IS NULL`),
  ],
);

/** 书记 / 副书记 / 委员 / 党小组长 of an org, with their term. */
export const partyOrgOfficer = pgTable(
  'party_org_officer',
  {
    id: id(),
    communityId: uuid('community_id').notNull(),
    orgId: uuid('org_id').notNull().references(() => partyOrg.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id').notNull().references(() => partyMember.id),
    role: text('role', { enum: ['secretary', 'deputy_secretary', 'committee_member', 'group_leader'] }).notNull(),
    termStart: date('term_start', { mode: 'string' }).notNull(),
    termEnd: date('term_end', { mode: 'string' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('party_org_officer_org_idx').on(t.orgId),
    index('party_org_officer_member_idx').on(t.memberId),
    check('party_org_officer_term', sql`${t.termEnd} IS NULL OR ${t.termEnd} >= ${t.termStart}`),
  ],
);

/** 党费: one row per member and month paid. */
export const partyDues = pgTable(
  'party_dues',
  {
    id: id(),
    communityId: uuid('community_id').notNull(),
    memberId: uuid('member_id').notNull().references(() => partyMember.id),
    /** First day of the month paid for. */
    month: date('month', { mode: 'string' }).notNull(),
    amountFen: integer('amount_fen').notNull(),
    paidAt: tstz('paid_at').notNull().defaultNow(),
    recordedBy: uuid('recorded_by'),
  },
  (t) => [uniqueIndex('party_dues_month_key').on(t.memberId, t.month), check('party_dues_amount', sql`${t.amountFen} >= 0`)],
);

/** 双报到: an in-service member reports to the community where they live; the secretary decides. */
export const reportIn = pgTable(
  'report_in',
  {
    id: id(),
    communityId: uuid('community_id').notNull().references(() => orgNode.id),
    accountId: uuid('account_id').notNull().references(() => account.id),
    residentId: uuid('resident_id'),
    name: text('name').notNull(),
    phoneEnc: text('phone_enc'),
    phoneIdx: text('phone_idx'),
    phoneLast4: text('phone_last4'),
    workplace: text('workplace').notNull(),
    buildingId: uuid('building_id').references(() => building.id),
    /** The group covering the building (楼栋党小组), proposed to the secretary. */
    suggestedOrgId: uuid('suggested_org_id').references(() => partyOrg.id),
    partyStatus: text('party_status', { enum: ['full', 'probationary'] }).notNull(),
    joinedOn: date('joined_on', { mode: 'string' }).notNull(),
    status: text('status', { enum: ['pending', 'approved', 'returned'] }).notNull().default('pending'),
    reason: text('reason'),
    decidedBy: uuid('decided_by'),
    decidedAt: tstz('decided_at'),
    memberId: uuid('member_id').references(() => partyMember.id),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('report_in_open_key').on(t.communityId, t.accountId).where(sql`${t.status} IN ('pending', 'approved')`),
    index('report_in_queue_idx').on(t.communityId, t.status, t.createdAt),
  ],
);

/** 服务岗位 the community offers; `claimed_count` is kept exact by a conditional update. */
export const servicePost = pgTable(
  'service_post',
  {
    id: id(),
    communityId: uuid('community_id').notNull().references(() => orgNode.id),
    orgId: uuid('org_id').references(() => partyOrg.id),
    buildingId: uuid('building_id').references(() => building.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    capacity: integer('capacity').notNull(),
    claimedCount: integer('claimed_count').notNull().default(0),
    startsAt: tstz('starts_at').notNull(),
    endsAt: tstz('ends_at').notNull(),
    status: text('status', { enum: ['open', 'cancelled'] }).notNull().default('open'),
    createdBy: uuid('created_by'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('service_post_time_idx').on(t.communityId, t.startsAt, t.id),
    check('service_post_capacity', sql`${t.capacity} > 0 AND ${t.claimedCount} BETWEEN 0 AND ${t.capacity}`),
    check('service_post_period', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

export const servicePostClaim = pgTable(
  'service_post_claim',
  {
    id: id(),
    communityId: uuid('community_id').notNull(),
    postId: uuid('post_id').notNull().references(() => servicePost.id),
    memberId: uuid('member_id').notNull().references(() => partyMember.id),
    status: text('status', { enum: ['claimed', 'withdrawn', 'done'] }).notNull().default('claimed'),
    claimedAt: tstz('claimed_at').notNull().defaultNow(),
    withdrawnAt: tstz('withdrawn_at'),
    doneAt: tstz('done_at'),
    confirmedBy: uuid('confirmed_by'),
  },
  (t) => [
    uniqueIndex('service_post_claim_live_key').on(t.postId, t.memberId).where(sql`${t.status} <> 'withdrawn'`),
    index('service_post_claim_member_idx').on(t.communityId, t.memberId),
    index('service_post_claim_post_idx').on(t.postId),
  ],
);

export interface LectureMaterial {
  kind: 'text' | 'link' | 'file';
  title: string;
  /** The text itself, or a URL for links and files. */
  content: string;
}

/** 微党课 第N期: `issue_no` per community; the check-in window is fixed when the lecture is scheduled. */
export const microLecture = pgTable(
  'micro_lecture',
  {
    id: id(),
    communityId: uuid('community_id').notNull().references(() => orgNode.id),
    issueNo: integer('issue_no').notNull(),
    title: text('title').notNull(),
    lecturerMemberId: uuid('lecturer_member_id').references(() => partyMember.id),
    scheduledAt: tstz('scheduled_at').notNull(),
    checkinOpensAt: tstz('checkin_opens_at').notNull(),
    checkinClosesAt: tstz('checkin_closes_at').notNull(),
    materials: jsonb('materials').$type<LectureMaterial[]>().notNull().default([]),
    status: text('status', { enum: ['scheduled', 'cancelled'] }).notNull().default('scheduled'),
    remindedAt: tstz('reminded_at'),
    createdBy: uuid('created_by'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('micro_lecture_issue_key').on(t.communityId, t.issueNo),
    index('micro_lecture_time_idx').on(t.communityId, t.scheduledAt),
    check('micro_lecture_window', sql`${t.checkinClosesAt} > ${t.checkinOpensAt}`),
  ],
);

/** 签到 of a member at a lecture: one per member and lecture (the first is kept). */
export const lectureCheckIn = pgTable(
  'lecture_check_in',
  {
    id: id(),
    communityId: uuid('community_id').notNull(),
    lectureId: uuid('lecture_id').notNull().references(() => microLecture.id),
    memberId: uuid('member_id').notNull().references(() => partyMember.id),
    checkedInAt: tstz('checked_in_at').notNull().defaultNow(),
    late: boolean('late').notNull().default(false),
    /** Staff who recorded a missed check-in, with the reason; null when the member tapped. */
    recordedBy: uuid('recorded_by'),
    reason: text('reason'),
  },
  (t) => [uniqueIndex('lecture_check_in_key').on(t.lectureId, t.memberId), index('lecture_check_in_member_idx').on(t.communityId, t.memberId)],
);

export interface EvaluationQuestion {
  key: string;
  text: string;
  kind: 'rating' | 'comment';
}

/** 民主测评 round: a questionnaire on a lecture, or the annual grading of members. */
export const evaluationRound = pgTable(
  'evaluation_round',
  {
    id: id(),
    communityId: uuid('community_id').notNull().references(() => orgNode.id),
    title: text('title').notNull(),
    kind: text('kind', { enum: ['lecture', 'member'] }).notNull(),
    lectureId: uuid('lecture_id').references(() => microLecture.id),
    questions: jsonb('questions').$type<EvaluationQuestion[]>().notNull(),
    opensAt: tstz('opens_at').notNull(),
    closesAt: tstz('closes_at').notNull(),
    closedAt: tstz('closed_at'),
    /** Members entitled to take part when the round was opened (the base of the participation rate). */
    eligibleCount: integer('eligible_count').notNull(),
    createdBy: uuid('created_by'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('evaluation_round_time_idx').on(t.communityId, t.opensAt), check('evaluation_round_period', sql`${t.closesAt} > ${t.opensAt}`)],
);

/** The members graded in an annual member round. */
export const evaluationSubject = pgTable(
  'evaluation_subject',
  {
    roundId: uuid('round_id').notNull().references(() => evaluationRound.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id').notNull().references(() => partyMember.id),
    communityId: uuid('community_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.memberId] })],
);

/**
 * Anonymous by construction: answers are counted, never stored per ballot. Every possible answer
 * has a counter row created with the round, and every submission rewrites all counters of the
 * round in one statement, so no column, row version (xmin) or physical order ties a counter to
 * one voter. `subject_key` is the graded member's id in member rounds, '' otherwise.
 */
export const evaluationTally = pgTable(
  'evaluation_tally',
  {
    roundId: uuid('round_id').notNull().references(() => evaluationRound.id, { onDelete: 'cascade' }),
    communityId: uuid('community_id').notNull(),
    subjectKey: text('subject_key').notNull().default(''),
    questionKey: text('question_key').notNull(),
    value: text('value').notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.subjectKey, t.questionKey, t.value] })],
);

/** Free-text answers of a round: one array, reshuffled on every submission. */
export const evaluationCommentPool = pgTable('evaluation_comment_pool', {
  roundId: uuid('round_id').primaryKey().references(() => evaluationRound.id, { onDelete: 'cascade' }),
  communityId: uuid('community_id').notNull(),
  comments: text('comments').array().notNull().default(sql`'{}'::text[]`),
});

/** Who took part (for "once per member"), with no link to what they answered. */
export const evaluationParticipation = pgTable(
  'evaluation_participation',
  {
    id: id(),
    communityId: uuid('community_id').notNull(),
    roundId: uuid('round_id').notNull().references(() => evaluationRound.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id').notNull().references(() => partyMember.id),
    submittedAt: tstz('submitted_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('evaluation_participation_key').on(t.roundId, t.memberId)],
);

/** 积分 ledger: one entry per recorded activity (idempotent on source + source id). */
export const partyPointEntry = pgTable(
  'party_point_entry',
  {
    id: id(),
    communityId: uuid('community_id').notNull(),
    memberId: uuid('member_id').notNull().references(() => partyMember.id),
    source: text('source').notNull(),
    sourceId: text('source_id').notNull(),
    quantity: numeric('quantity', { precision: 10, scale: 2, mode: 'number' }).notNull(),
    points: numeric('points', { precision: 10, scale: 2, mode: 'number' }).notNull(),
    occurredAt: tstz('occurred_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('party_point_entry_source_key').on(t.communityId, t.source, t.sourceId), index('party_point_entry_member_idx').on(t.communityId, t.memberId, t.occurredAt)],
);

export const jointMeetingParties = ['community', 'property_company', 'owners_committee', 'social_worker'] as const;

/** 党建联席会 (四方联动): community, property company, owners' committee and social workers. */
export const jointMeeting = pgTable(
  'joint_meeting',
  {
    id: id(),
    communityId: uuid('community_id').notNull().references(() => orgNode.id),
    title: text('title').notNull(),
    heldAt: tstz('held_at').notNull(),
    location: text('location'),
    agenda: text('agenda'),
    minutes: text('minutes'),
    createdBy: uuid('created_by'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('joint_meeting_time_idx').on(t.communityId, t.heldAt, t.id)],
);

export const jointMeetingAttendee = pgTable(
  'joint_meeting_attendee',
  {
    id: id(),
    communityId: uuid('community_id').notNull(),
    meetingId: uuid('meeting_id').notNull().references(() => jointMeeting.id, { onDelete: 'cascade' }),
    party: text('party', { enum: jointMeetingParties }).notNull(),
    name: text('name').notNull(),
    organization: text('organization'),
  },
  (t) => [index('joint_meeting_attendee_meeting_idx').on(t.meetingId)],
);

/** A decision of a meeting that someone must carry out by a date; open items reappear on later agendas. */
export const meetingActionItem = pgTable(
  'meeting_action_item',
  {
    id: id(),
    communityId: uuid('community_id').notNull(),
    meetingId: uuid('meeting_id').notNull().references(() => jointMeeting.id),
    decision: text('decision').notNull(),
    ownerParty: text('owner_party', { enum: jointMeetingParties }).notNull(),
    ownerName: text('owner_name').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    status: text('status', { enum: ['open', 'done'] }).notNull().default('open'),
    doneAt: tstz('done_at'),
    doneNote: text('done_note'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('meeting_action_item_meeting_idx').on(t.meetingId), index('meeting_action_item_open_idx').on(t.communityId, t.status)],
);
