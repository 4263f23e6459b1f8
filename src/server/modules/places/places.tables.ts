/**
 * Places and people (人口与网格): grids with AB-post duty, estates → buildings → entrances,
 * households and residents. Personal data (ID number, phone) is stored encrypted with a blind
 * index for exact search; names carry pinyin and initials for search as residents type them.
 * Every row carries community_id; rows that belong to a grid carry grid_id (the data scope of
 * grid workers).
 */
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tstz, updatedAt, version } from '../../platform/db/columns';
import { account } from '../../platform/db/tables/auth';
import { orgNode } from '../../platform/db/tables/org';

/** A grid is an org node of kind 'grid' (so role assignments and scope work on it); this row holds its grid facts. */
export const grid = pgTable(
  'grid',
  {
    id: uuid('id').primaryKey().references(() => orgNode.id, { onDelete: 'cascade' }),
    communityId: uuid('community_id').notNull().references(() => orgNode.id),
    /** 1 = whole community, 2 = a part, 3 = a few buildings. */
    level: integer('level').notNull(),
    description: text('description'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('grid_community_idx').on(t.communityId), check('grid_level_range', sql`${t.level} BETWEEN 1 AND 3`)],
);

/** AB岗: primary and backup grid worker of a grid, and the grid leader (网格长) of a level-2 grid. */
export const gridDuty = pgTable(
  'grid_duty',
  {
    id: id(),
    communityId: uuid('community_id').notNull(),
    gridId: uuid('grid_id').notNull().references(() => grid.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id').notNull().references(() => account.id),
    duty: text('duty', { enum: ['primary', 'backup', 'leader'] }).notNull(),
    /** Work phone printed on the contact card (a service line, not personal data). */
    servicePhone: text('service_phone'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('grid_duty_one_per_kind').on(t.communityId, t.gridId, t.duty), index('grid_duty_account_idx').on(t.accountId)],
);

/** A worker on leave for a date range (inclusive): while the primary is on leave, the backup takes everything. */
export const dutyLeave = pgTable(
  'duty_leave',
  {
    id: id(),
    communityId: uuid('community_id').notNull(),
    accountId: uuid('account_id').notNull().references(() => account.id),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    reason: text('reason'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [index('duty_leave_account_idx').on(t.accountId, t.startsOn), check('duty_leave_range', sql`${t.endsOn} >= ${t.startsOn}`)],
);

export const estate = pgTable(
  'estate',
  {
    id: id(),
    communityId: uuid('community_id').notNull().references(() => orgNode.id),
    name: text('name').notNull(),
    address: text('address'),
    propertyCompany: text('property_company'),
    propertyPhone: text('property_phone'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('estate_name_key').on(t.communityId, t.name)],
);

export const building = pgTable(
  'building',
  {
    id: id(),
    communityId: uuid('community_id').notNull().references(() => orgNode.id),
    estateId: uuid('estate_id').notNull().references(() => estate.id),
    /** The level-3 grid the building belongs to. */
    gridId: uuid('grid_id').references(() => grid.id),
    name: text('name').notNull(),
    floors: integer('floors'),
    /** 楼栋长: a resident volunteer. */
    buildingHeadId: uuid('building_head_id'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('building_name_key').on(t.communityId, t.estateId, t.name), index('building_grid_idx').on(t.gridId)],
);

export const entrance = pgTable(
  'entrance',
  {
    id: id(),
    communityId: uuid('community_id').notNull(),
    buildingId: uuid('building_id').notNull().references(() => building.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
  },
  (t) => [uniqueIndex('entrance_name_key').on(t.communityId, t.buildingId, t.name)],
);

export const household = pgTable(
  'household',
  {
    id: id(),
    communityId: uuid('community_id').notNull().references(() => orgNode.id),
    gridId: uuid('grid_id'),
    buildingId: uuid('building_id').notNull().references(() => building.id),
    entranceId: uuid('entrance_id').references(() => entrance.id),
    room: text('room').notNull(),
    residency: text('residency', { enum: ['permanent', 'floating'] }).notNull().default('permanent'),
    headResidentId: uuid('head_resident_id'),
    notes: text('notes'),
    /** "惠民花园 3号楼 1单元 201": denormalized for address search and lists. */
    addressText: text('address_text').notNull().default(''),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('household_address_key').on(t.communityId, t.buildingId, t.entranceId, t.room),
    index('household_grid_idx').on(t.communityId, t.gridId),
    index('household_building_idx').on(t.buildingId, t.addressText, t.id),
    index('household_address_trgm').using('gin', t.addressText.op('gin_trgm_ops')),
  ],
);

export const resident = pgTable(
  'resident',
  {
    id: id(),
    communityId: uuid('community_id').notNull().references(() => orgNode.id),
    /** Denormalized from the current household's building: the scope of grid workers. */
    gridId: uuid('grid_id'),
    householdId: uuid('household_id').references(() => household.id),
    /** Denormalized from the current household, for building filters. */
    buildingId: uuid('building_id'),
    relationToHead: text('relation_to_head'),
    name: text('name').notNull(),
    /** Full pinyin without tones or spaces ("zhangsan") and initials ("zs"), for search. */
    namePinyin: text('name_pinyin').notNull(),
    nameInitials: text('name_initials').notNull(),
    gender: text('gender', { enum: ['male', 'female'] }).notNull(),
    birthDate: date('birth_date', { mode: 'string' }),
    /** AES-256-GCM ciphertext and keyed blind index of the ID-card number. */
    idNumberEnc: text('id_number_enc'),
    idNumberIdx: text('id_number_idx'),
    idNumberLast4: text('id_number_last4'),
    phoneEnc: text('phone_enc'),
    phoneIdx: text('phone_idx'),
    phoneLast4: text('phone_last4'),
    ethnicity: text('ethnicity'),
    politicalStatus: text('political_status'),
    residency: text('residency', { enum: ['permanent', 'floating'] }).notNull().default('permanent'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    notes: text('notes'),
    status: text('status', { enum: ['active', 'moved_out', 'deceased'] }).notNull().default('active'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('resident_id_number_key').on(t.communityId, t.idNumberIdx),
    index('resident_scope_idx').on(t.communityId, t.gridId, t.id),
    index('resident_household_idx').on(t.householdId),
    index('resident_phone_idx').on(t.phoneIdx),
    index('resident_birth_idx').on(t.communityId, t.birthDate),
    index('resident_tags_idx').using('gin', t.tags),
    index('resident_name_trgm').using('gin', t.name.op('gin_trgm_ops')),
    index('resident_pinyin_trgm').using('gin', t.namePinyin.op('gin_trgm_ops')),
    index('resident_initials_idx').on(t.communityId, t.nameInitials),
    // Keyset lists in a community scope, and prefix search (LIKE 'q%') on names as typed.
    index('resident_community_id_idx').on(t.communityId, t.id),
    index('resident_building_idx').on(t.buildingId, t.id),
    index('resident_name_prefix').on(t.communityId, t.name.op('text_pattern_ops')),
    index('resident_pinyin_prefix').on(t.communityId, t.namePinyin.op('text_pattern_ops')),
    index('resident_initials_prefix').on(t.communityId, t.nameInitials.op('text_pattern_ops')),
  ],
);

/** Household membership over time: moving keeps one resident identity and leaves a history. */
export const householdMembership = pgTable(
  'household_membership',
  {
    id: id(),
    communityId: uuid('community_id').notNull(),
    householdId: uuid('household_id').notNull().references(() => household.id),
    residentId: uuid('resident_id').notNull().references(() => resident.id),
    relationToHead: text('relation_to_head'),
    joinedAt: tstz('joined_at').notNull().defaultNow(),
    leftAt: tstz('left_at'),
  },
  (t) => [index('household_membership_resident_idx').on(t.residentId), index('household_membership_household_idx').on(t.householdId)],
);

/** Who revealed which personal field of whom, when: counted per account and hour for alerts. */
export const residentReveal = pgTable(
  'resident_reveal',
  {
    id: id(),
    communityId: uuid('community_id').notNull(),
    residentId: uuid('resident_id').notNull().references(() => resident.id),
    accountId: uuid('account_id').notNull().references(() => account.id),
    field: text('field', { enum: ['idNumber', 'phone'] }).notNull(),
    at: tstz('at').notNull().defaultNow(),
  },
  (t) => [index('resident_reveal_account_idx').on(t.accountId, t.at), index('resident_reveal_resident_idx').on(t.residentId, t.at)],
);

/** An account revealed more personal data in one hour than the threshold: shown to security admins. */
export const revealAlert = pgTable(
  'reveal_alert',
  {
    id: id(),
    communityId: uuid('community_id').notNull(),
    accountId: uuid('account_id').notNull().references(() => account.id),
    /** Start of the clock hour in which the threshold was crossed. */
    windowStart: tstz('window_start').notNull(),
    reveals: integer('reveals').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('reveal_alert_window_key').on(t.accountId, t.windowStart), index('reveal_alert_community_idx').on(t.communityId, t.createdAt)],
);

/** 入户走访: a recorded home visit to a household (optionally naming the resident seen). */
export const visit = pgTable(
  'visit',
  {
    id: id(),
    communityId: uuid('community_id').notNull().references(() => orgNode.id),
    gridId: uuid('grid_id'),
    householdId: uuid('household_id').notNull().references(() => household.id),
    residentId: uuid('resident_id').references(() => resident.id),
    visitorId: uuid('visitor_id').notNull().references(() => account.id),
    kind: text('kind', { enum: ['routine', 'care', 'survey', 'follow_up', 'other'] }).notNull(),
    visitedAt: tstz('visited_at').notNull(),
    findings: text('findings').notNull().default(''),
    followUpNeeded: boolean('follow_up_needed').notNull().default(false),
    photoIds: uuid('photo_ids').array().notNull().default(sql`'{}'::uuid[]`),
    createdAt: createdAt(),
  },
  (t) => [
    index('visit_household_idx').on(t.householdId, t.visitedAt),
    index('visit_scope_idx').on(t.communityId, t.gridId, t.visitedAt, t.id),
    index('visit_visitor_idx').on(t.visitorId, t.visitedAt),
  ],
);

/** How often residents with a tag are visited (days); defaults apply where a community set none. */
export const visitRule = pgTable(
  'visit_rule',
  {
    id: id(),
    communityId: uuid('community_id').notNull().references(() => orgNode.id),
    tag: text('tag').notNull(),
    intervalDays: integer('interval_days').notNull(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('visit_rule_tag_key').on(t.communityId, t.tag), check('visit_rule_interval', sql`${t.intervalDays} BETWEEN 1 AND 366`)],
);

/** A one-time code that lets a resident set the password of the app account staff created for them. */
export const activationCode = pgTable(
  'activation_code',
  {
    id: id(),
    communityId: uuid('community_id').notNull(),
    residentId: uuid('resident_id').notNull().references(() => resident.id),
    accountId: uuid('account_id').notNull().references(() => account.id, { onDelete: 'cascade' }),
    /** Blind index of the code (lookup) and the code encrypted (reprinted on the contact card until used). */
    codeIdx: text('code_idx').notNull(),
    codeEnc: text('code_enc').notNull(),
    expiresAt: tstz('expires_at').notNull(),
    usedAt: tstz('used_at'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('activation_code_idx_key').on(t.codeIdx), index('activation_code_resident_idx').on(t.residentId)],
);

/** A verification code sent to a phone for self-registration; only its keyed hash is stored. */
export const phoneVerification = pgTable(
  'phone_verification',
  {
    id: id(),
    phoneIdx: text('phone_idx').notNull(),
    codeHash: text('code_hash').notNull(),
    expiresAt: tstz('expires_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
    consumedAt: tstz('consumed_at'),
    ip: text('ip'),
    createdAt: createdAt(),
  },
  (t) => [index('phone_verification_phone_idx').on(t.phoneIdx, t.createdAt), index('phone_verification_ip_idx').on(t.ip, t.createdAt)],
);
