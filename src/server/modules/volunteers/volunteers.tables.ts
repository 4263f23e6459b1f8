/**
 * 志愿服务: the volunteer register of a community, teams with leaders, activities with slots per
 * role, signups (with waitlist and attendance on the same row: one row = one person serving once),
 * and certificates. Service hours are the confirmed minutes of signups — totals are always sums
 * over these rows, never stored counters.
 */
import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tstz, updatedAt, version } from '../../platform/db/columns';
import { account } from '../../platform/db/tables/auth';
import { orgNode } from '../../platform/db/tables/org';
import { activityCategories, activityStatuses, attendanceMethods, careKinds, hoursStatuses, signupStatuses, teamOwnerKinds, themeColors, volunteerOrigins, volunteerStatuses } from './volunteer-values.schemas';


export const volunteer = pgTable(
  'volunteer',
  {
    id: id(),
    communityId: uuid('community_id').notNull().references(() => orgNode.id),
    /** The resident record, when the volunteer lives in the community (places module). */
    residentId: uuid('resident_id'),
    /** The app account the volunteer acts through, if any (self-service). */
    accountId: uuid('account_id').references(() => account.id),
    /** Partner unit the volunteer serves for (共驻共建单位的成员). */
    partnerUnitId: uuid('partner_unit_id'),
    origin: text('origin', { enum: volunteerOrigins }).notNull(),
    /** The register keeps its own copy: many volunteers have no resident record here. */
    name: text('name').notNull(),
    gender: text('gender', { enum: ['male', 'female'] }),
    birthDate: date('birth_date', { mode: 'string' }),
    phoneEnc: text('phone_enc'),
    phoneIdx: text('phone_idx'),
    phoneLast4: text('phone_last4'),
    skills: text('skills').array().notNull().default(sql`'{}'::text[]`),
    availability: text('availability').array().notNull().default(sql`'{}'::text[]`),
    /** Service areas (fields of service the volunteer offers), same keys as activity categories. */
    areas: text('areas').array().notNull().default(sql`'{}'::text[]`),
    note: text('note'),
    status: text('status', { enum: volunteerStatuses }).notNull().default('pending'),
    reviewedAt: tstz('reviewed_at'),
    reviewedBy: uuid('reviewed_by'),
    reviewNote: text('review_note'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('volunteer_account_key').on(t.communityId, t.accountId),
    uniqueIndex('volunteer_resident_key').on(t.communityId, t.residentId),
    index('volunteer_list_idx').on(t.communityId, t.status, t.id),
    index('volunteer_phone_idx').on(t.phoneIdx),
    index('volunteer_account_idx').on(t.accountId),
  ],
);

export const volunteerTeam = pgTable(
  'volunteer_team',
  {
    id: id(),
    communityId: uuid('community_id').notNull().references(() => orgNode.id),
    name: text('name').notNull(),
    /** Who the team belongs to: the community itself, a partner unit, or a party organization. */
    ownerKind: text('owner_kind', { enum: teamOwnerKinds }).notNull().default('community'),
    partnerUnitId: uuid('partner_unit_id'),
    partyOrgId: uuid('party_org_id'),
    description: text('description'),
    foundedOn: date('founded_on', { mode: 'string' }),
    status: text('status', { enum: ['active', 'dissolved'] }).notNull().default('active'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('volunteer_team_name_key').on(t.communityId, t.name),
    check('volunteer_team_owner', sql`(${t.ownerKind} <> 'partner_unit' OR ${t.partnerUnitId} IS NOT NULL) AND (${t.ownerKind} <> 'party_org' OR ${t.partyOrgId} IS NOT NULL)`),
  ],
);

export const volunteerTeamMember = pgTable(
  'volunteer_team_member',
  {
    communityId: uuid('community_id').notNull(),
    teamId: uuid('team_id').notNull().references(() => volunteerTeam.id, { onDelete: 'cascade' }),
    volunteerId: uuid('volunteer_id').notNull().references(() => volunteer.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['leader', 'member'] }).notNull().default('member'),
    joinedAt: tstz('joined_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.volunteerId] }), index('volunteer_team_member_volunteer_idx').on(t.volunteerId)],
);


export const volunteerActivity = pgTable(
  'volunteer_activity',
  {
    id: id(),
    communityId: uuid('community_id').notNull().references(() => orgNode.id),
    teamId: uuid('team_id').references(() => volunteerTeam.id),
    title: text('title').notNull(),
    description: text('description'),
    category: text('category', { enum: activityCategories }).notNull(),
    /** 多彩党建 service line, when the activity belongs to one. */
    theme: text('theme', { enum: themeColors }),
    place: text('place').notNull(),
    startsAt: tstz('starts_at').notNull(),
    endsAt: tstz('ends_at').notNull(),
    /** The account that runs check-in and confirms hours. */
    organizerAccountId: uuid('organizer_account_id').references(() => account.id),
    requiredSkills: text('required_skills').array().notNull().default(sql`'{}'::text[]`),
    minAge: integer('min_age'),
    maxAge: integer('max_age'),
    /** A volunteer may cancel until this many minutes before the start. */
    cancelCutoffMinutes: integer('cancel_cutoff_minutes').notNull(),
    /** A care service to one resident (帮扶服务): counted once as a service visit when hours are confirmed. */
    careResidentId: uuid('care_resident_id'),
    careKind: text('care_kind', { enum: careKinds }),
    status: text('status', { enum: activityStatuses }).notNull().default('draft'),
    publishedAt: tstz('published_at'),
    createdBy: uuid('created_by'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('volunteer_activity_time_idx').on(t.communityId, t.startsAt),
    index('volunteer_activity_team_idx').on(t.teamId),
    check('volunteer_activity_time', sql`${t.endsAt} > ${t.startsAt} AND ${t.endsAt} <= ${t.startsAt} + interval '24 hours'`),
    check('volunteer_activity_age', sql`(${t.minAge} IS NULL OR ${t.maxAge} IS NULL OR ${t.minAge} <= ${t.maxAge})`),
  ],
);

export const volunteerActivitySlot = pgTable(
  'volunteer_activity_slot',
  {
    id: id(),
    communityId: uuid('community_id').notNull(),
    activityId: uuid('activity_id').notNull().references(() => volunteerActivity.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    capacity: integer('capacity').notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [uniqueIndex('volunteer_activity_slot_role_key').on(t.communityId, t.activityId, t.role), check('volunteer_activity_slot_capacity', sql`${t.capacity} > 0`)],
);


export const volunteerSignup = pgTable(
  'volunteer_signup',
  {
    id: id(),
    communityId: uuid('community_id').notNull(),
    activityId: uuid('activity_id').notNull().references(() => volunteerActivity.id),
    slotId: uuid('slot_id').notNull().references(() => volunteerActivitySlot.id),
    volunteerId: uuid('volunteer_id').notNull().references(() => volunteer.id),
    status: text('status', { enum: signupStatuses }).notNull(),
    /** Arrival order, assigned while the slot row is locked: the waitlist is served in this order. */
    seq: bigint('seq', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    promotedAt: tstz('promoted_at'),
    cancelledAt: tstz('cancelled_at'),
    cancelledBy: uuid('cancelled_by'),
    checkedInAt: tstz('checked_in_at'),
    checkInMethod: text('check_in_method', { enum: attendanceMethods }),
    checkedOutAt: tstz('checked_out_at'),
    checkOutMethod: text('check_out_method', { enum: attendanceMethods }),
    /** Minutes between check-in and check-out, capped by the activity's length. */
    recordedMinutes: integer('recorded_minutes'),
    hoursStatus: text('hours_status', { enum: hoursStatuses }).notNull().default('none'),
    /** Service hours that count (in minutes), set by the organizer's confirmation. */
    confirmedMinutes: integer('confirmed_minutes'),
    confirmedAt: tstz('confirmed_at'),
    confirmedBy: uuid('confirmed_by'),
    correctionReason: text('correction_reason'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('volunteer_signup_once').on(t.communityId, t.activityId, t.volunteerId).where(sql`${t.status} <> 'cancelled'`),
    index('volunteer_signup_slot_idx').on(t.slotId, t.status, t.seq),
    index('volunteer_signup_volunteer_idx').on(t.volunteerId, t.status),
    index('volunteer_signup_hours_idx').on(t.communityId, t.hoursStatus),
    check('volunteer_signup_minutes', sql`(${t.confirmedMinutes} IS NULL OR ${t.confirmedMinutes} BETWEEN 0 AND 1440) AND (${t.recordedMinutes} IS NULL OR ${t.recordedMinutes} >= 0)`),
    check('volunteer_signup_checkout', sql`${t.checkedOutAt} IS NULL OR (${t.checkedInAt} IS NOT NULL AND ${t.checkedOutAt} >= ${t.checkedInAt})`),
  ],
);

/** A printed certificate states the confirmed hours at issue; anyone can check its code. */
export const volunteerCertificate = pgTable(
  'volunteer_certificate',
  {
    id: id(),
    communityId: uuid('community_id').notNull(),
    volunteerId: uuid('volunteer_id').notNull().references(() => volunteer.id),
    code: text('code').notNull(),
    maskedName: text('masked_name').notNull(),
    confirmedMinutes: integer('confirmed_minutes').notNull(),
    activityCount: integer('activity_count').notNull(),
    starLevel: integer('star_level').notNull(),
    issuedAt: tstz('issued_at').notNull().defaultNow(),
    issuedBy: uuid('issued_by'),
  },
  (t) => [uniqueIndex('volunteer_certificate_code_key').on(t.code), index('volunteer_certificate_volunteer_idx').on(t.volunteerId)],
);
