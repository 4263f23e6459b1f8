/**
 * Care of needy households (困难群众帮扶): the 一户一档 care file, its members' conditions (health
 * details encrypted; restricted kinds such as severe mental disorder carry no clear kind at all),
 * assistance applications with their review steps and objections, care services, consolation
 * campaigns with their household lists and handovers, and micro-wishes.
 * Every row carries community_id; rows about a household carry grid_id (the grid worker's scope).
 */
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tstz, updatedAt, version } from '../../platform/db/columns';
import { orgNode } from '../../platform/db/tables/org';

export const careFile = pgTable(
  'care_file',
  {
    id: id(),
    communityId: uuid('community_id').notNull().references(() => orgNode.id),
    gridId: uuid('grid_id'),
    householdId: uuid('household_id').notNull(),
    status: text('status', { enum: ['active', 'closed'] }).notNull().default('active'),
    /** Why the household is cared for: resident tags and assistance kinds (elderly_alone, dibao…). */
    categories: text('categories').array().notNull().default(sql`'{}'::text[]`),
    monthlyIncomeFen: integer('monthly_income_fen'),
    incomeNotes: text('income_notes'),
    housingKind: text('housing_kind', { enum: ['public_rental', 'low_rent', 'affordable', 'owned', 'private_rental', 'other'] }),
    housingAreaM2: integer('housing_area_m2'),
    housingNotes: text('housing_notes'),
    needs: text('needs').array().notNull().default(sql`'{}'::text[]`),
    needsNotes: text('needs_notes'),
    summary: text('summary'),
    openedBy: uuid('opened_by'),
    closedAt: tstz('closed_at'),
    closeReason: text('close_reason'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('care_file_household_key').on(t.communityId, t.householdId),
    index('care_file_scope_idx').on(t.communityId, t.gridId, t.id),
    index('care_file_categories_idx').using('gin', t.categories),
    check('care_file_income_range', sql`${t.monthlyIncomeFen} IS NULL OR ${t.monthlyIncomeFen} >= 0`),
  ],
);

/** The file as it stood after each change (restricted data never enters a snapshot). */
export const careFileVersion = pgTable(
  'care_file_version',
  {
    id: id(),
    communityId: uuid('community_id').notNull(),
    careFileId: uuid('care_file_id').notNull().references(() => careFile.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    snapshot: jsonb('snapshot').notNull(),
    changes: jsonb('changes'),
    changedBy: uuid('changed_by'),
    changedByName: text('changed_by_name').notNull(),
    changedAt: tstz('changed_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('care_file_version_key').on(t.careFileId, t.version)],
);

/**
 * A member's condition. `detail_enc` holds the encrypted `{ kind, detail }` of every row (health
 * details are personal data). Restricted rows keep `kind` NULL, so nothing in clear says what
 * they are; `kind_idx` (keyed blind index) lets the care officer count them.
 */
export const careCondition = pgTable(
  'care_condition',
  {
    id: id(),
    communityId: uuid('community_id').notNull(),
    gridId: uuid('grid_id'),
    careFileId: uuid('care_file_id').notNull().references(() => careFile.id, { onDelete: 'cascade' }),
    residentId: uuid('resident_id').notNull(),
    restricted: boolean('restricted').notNull().default(false),
    kind: text('kind'),
    kindIdx: text('kind_idx').notNull(),
    detailEnc: text('detail_enc').notNull(),
    since: date('since', { mode: 'string' }),
    status: text('status', { enum: ['active', 'resolved'] }).notNull().default('active'),
    createdBy: uuid('created_by'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('care_condition_file_idx').on(t.careFileId),
    index('care_condition_kind_idx').on(t.communityId, t.kindIdx),
    check('care_condition_restricted_has_no_kind', sql`${t.restricted} = (${t.kind} IS NULL)`),
  ],
);

export const assistanceApplication = pgTable(
  'assistance_application',
  {
    id: id(),
    communityId: uuid('community_id').notNull().references(() => orgNode.id),
    gridId: uuid('grid_id'),
    householdId: uuid('household_id').notNull(),
    careFileId: uuid('care_file_id'),
    applicantResidentId: uuid('applicant_resident_id').notNull(),
    kind: text('kind', { enum: ['dibao', 'tekun', 'temporary_relief', 'medical_relief'] }).notNull(),
    status: text('status', { enum: ['draft', 'submitted', 'community_review', 'public_notice', 'street_review', 'approved', 'rejected'] }).notNull().default('draft'),
    reason: text('reason').notNull(),
    requestedAmountFen: integer('requested_amount_fen'),
    /** Amount proposed by the community for the notice, then the approved amount. */
    amountFen: integer('amount_fen'),
    startMonth: text('start_month'),
    documentIds: uuid('document_ids').array().notNull().default(sql`'{}'::uuid[]`),
    createdBy: uuid('created_by').notNull(),
    submittedBy: uuid('submitted_by'),
    submittedAt: tstz('submitted_at'),
    noticeStartsAt: tstz('notice_starts_at'),
    noticeEndsAt: tstz('notice_ends_at'),
    decidedBy: uuid('decided_by'),
    decidedAt: tstz('decided_at'),
    rejectReason: text('reject_reason'),
    /** Annual re-review (dibao/tekun): due date and the last due date a reminder went out for. */
    reviewDueOn: date('review_due_on', { mode: 'string' }),
    remindedForDueOn: date('reminded_for_due_on', { mode: 'string' }),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('assistance_scope_idx').on(t.communityId, t.gridId, t.id),
    index('assistance_status_idx').on(t.communityId, t.status, t.id),
    index('assistance_household_idx').on(t.householdId),
    index('assistance_review_due_idx').on(t.reviewDueOn),
    check('assistance_amount_positive', sql`${t.amountFen} IS NULL OR ${t.amountFen} > 0`),
    check('assistance_requested_positive', sql`${t.requestedAmountFen} IS NULL OR ${t.requestedAmountFen} > 0`),
  ],
);

/** Each transition an application took: who, when, from → to, and their note (draws the step bar). */
export const assistanceStep = pgTable(
  'assistance_step',
  {
    id: id(),
    communityId: uuid('community_id').notNull(),
    applicationId: uuid('application_id').notNull().references(() => assistanceApplication.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    fromStatus: text('from_status').notNull(),
    toStatus: text('to_status').notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    note: text('note'),
    at: tstz('at').notNull().defaultNow(),
  },
  (t) => [index('assistance_step_application_idx').on(t.applicationId, t.at)],
);

/** An objection raised during the public notice (公示异议), as recorded by staff. */
export const assistanceObjection = pgTable(
  'assistance_objection',
  {
    id: id(),
    communityId: uuid('community_id').notNull(),
    applicationId: uuid('application_id').notNull().references(() => assistanceApplication.id, { onDelete: 'cascade' }),
    content: text('content').notNull(),
    raisedBy: text('raised_by'),
    recordedBy: uuid('recorded_by'),
    recordedByName: text('recorded_by_name').notNull(),
    recordedAt: tstz('recorded_at').notNull().defaultNow(),
  },
  (t) => [index('assistance_objection_application_idx').on(t.applicationId)],
);

export const careService = pgTable(
  'care_service',
  {
    id: id(),
    communityId: uuid('community_id').notNull(),
    gridId: uuid('grid_id'),
    householdId: uuid('household_id'),
    residentId: uuid('resident_id').notNull(),
    kind: text('kind', { enum: ['daily_care', 'emotional_support', 'health_care'] }).notNull(),
    occurredAt: tstz('occurred_at').notNull(),
    durationMinutes: integer('duration_minutes'),
    content: text('content').notNull(),
    /** Follow-up of a restricted condition: the row is then visible only to the care officer. */
    restricted: boolean('restricted').notNull().default(false),
    conditionId: uuid('condition_id'),
    photoIds: uuid('photo_ids').array().notNull().default(sql`'{}'::uuid[]`),
    providerId: uuid('provider_id'),
    providerName: text('provider_name').notNull(),
    providerRole: text('provider_role', { enum: ['staff', 'social_worker', 'volunteer'] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('care_service_time_idx').on(t.communityId, t.occurredAt),
    index('care_service_resident_idx').on(t.residentId, t.occurredAt),
    index('care_service_household_idx').on(t.householdId, t.occurredAt),
    check('care_service_duration', sql`${t.durationMinutes} IS NULL OR ${t.durationMinutes} > 0`),
  ],
);

/** A consolation campaign (慰问活动): an occasion, criteria that produce its household list, and a cap. */
export const consolation = pgTable(
  'consolation',
  {
    id: id(),
    communityId: uuid('community_id').notNull().references(() => orgNode.id),
    name: text('name').notNull(),
    occasion: text('occasion', { enum: ['spring_festival', 'lantern', 'dragon_boat', 'mid_autumn', 'double_ninth', 'laba', 'student_aid', 'medical_aid', 'other'] }).notNull(),
    year: integer('year').notNull(),
    /** The festival's solar date in that year (lunar calendar), or the planned day. */
    eventDate: date('event_date', { mode: 'string' }),
    criteria: jsonb('criteria').notNull(),
    giftDescription: text('gift_description'),
    defaultAmountFen: integer('default_amount_fen'),
    maxAmountFen: integer('max_amount_fen').notNull(),
    status: text('status', { enum: ['active', 'closed'] }).notNull().default('active'),
    createdBy: uuid('created_by'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('consolation_community_idx').on(t.communityId, t.year),
    check('consolation_cap_positive', sql`${t.maxAmountFen} > 0`),
  ],
);

export const consolationTarget = pgTable(
  'consolation_target',
  {
    id: id(),
    communityId: uuid('community_id').notNull(),
    gridId: uuid('grid_id'),
    consolationId: uuid('consolation_id').notNull().references(() => consolation.id, { onDelete: 'cascade' }),
    householdId: uuid('household_id').notNull(),
    /** The criteria this household matched (tags, assistance kinds). */
    matched: text('matched').array().notNull().default(sql`'{}'::text[]`),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('consolation_target_key').on(t.consolationId, t.householdId), index('consolation_target_scope_idx').on(t.communityId, t.gridId)],
);

export const consolationHandover = pgTable(
  'consolation_handover',
  {
    id: id(),
    communityId: uuid('community_id').notNull(),
    gridId: uuid('grid_id'),
    consolationId: uuid('consolation_id').notNull().references(() => consolation.id, { onDelete: 'cascade' }),
    householdId: uuid('household_id').notNull(),
    gift: text('gift'),
    amountFen: integer('amount_fen'),
    photoId: uuid('photo_id'),
    signatureId: uuid('signature_id'),
    deliveredBy: uuid('delivered_by'),
    deliveredByName: text('delivered_by_name').notNull(),
    deliveredAt: tstz('delivered_at').notNull(),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [
    // One handover per household per campaign: the second one is refused (409), also under concurrency.
    uniqueIndex('consolation_handover_once').on(t.consolationId, t.householdId),
    check('consolation_handover_amount', sql`${t.amountFen} IS NULL OR ${t.amountFen} > 0`),
    check('consolation_handover_what', sql`${t.amountFen} IS NOT NULL OR ${t.gift} IS NOT NULL`),
    // A photo or signature is required of every handover recorded through the API; handovers taken
    // over from the paper ledger (demo seed, imports) have no scan, so it is not a table constraint.
  ],
);

export const wish = pgTable(
  'wish',
  {
    id: id(),
    communityId: uuid('community_id').notNull().references(() => orgNode.id),
    gridId: uuid('grid_id'),
    householdId: uuid('household_id'),
    wisherResidentId: uuid('wisher_resident_id').notNull(),
    /** The wisher's own app account, when they have one (they confirm receipt with it). */
    wisherAccountId: uuid('wisher_account_id'),
    postedBy: uuid('posted_by').notNull(),
    title: text('title').notNull(),
    story: text('story'),
    category: text('category', { enum: ['daily_goods', 'food', 'clothing', 'study', 'health', 'other'] }).notNull(),
    priceFen: integer('price_fen').notNull(),
    status: text('status', { enum: ['pending_review', 'open', 'claimed', 'fulfilled', 'confirmed', 'rejected'] }).notNull().default('pending_review'),
    reviewedBy: uuid('reviewed_by'),
    reviewedAt: tstz('reviewed_at'),
    rejectReason: text('reject_reason'),
    claimedBy: uuid('claimed_by'),
    claimedByName: text('claimed_by_name'),
    claimedPartnerUnitId: uuid('claimed_partner_unit_id'),
    claimedPartnerUnitName: text('claimed_partner_unit_name'),
    claimedAt: tstz('claimed_at'),
    fulfilledAt: tstz('fulfilled_at'),
    fulfilmentPhotoId: uuid('fulfilment_photo_id'),
    fulfilmentNote: text('fulfilment_note'),
    confirmedAt: tstz('confirmed_at'),
    confirmedBy: uuid('confirmed_by'),
    thanks: text('thanks'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('wish_status_idx').on(t.communityId, t.status, t.createdAt),
    index('wish_claimer_idx').on(t.claimedBy),
    index('wish_wisher_idx').on(t.wisherResidentId),
    check('wish_price_positive', sql`${t.priceFen} > 0`),
  ],
);

/** Reminders already sent (festival consolations): the key makes a retried or repeated job a no-op. */
export const careReminder = pgTable(
  'care_reminder',
  {
    id: id(),
    communityId: uuid('community_id').notNull(),
    key: text('key').notNull(),
    sentAt: tstz('sent_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('care_reminder_key').on(t.communityId, t.key)],
);
