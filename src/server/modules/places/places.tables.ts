/**
 * Places and people (人口与网格): grids with AB-post duty, estates → buildings → entrances,
 * households and residents. Personal data (ID number, phone) is stored encrypted with a blind
 * index for exact search; names carry pinyin and initials for search as residents type them.
 * Every row carries community_id; rows that belong to a grid carry grid_id (the data scope of
 * grid workers).
 */
import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
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
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('household_address_key').on(t.communityId, t.buildingId, t.entranceId, t.room),
    index('household_grid_idx').on(t.communityId, t.gridId),
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
