/**
 * 垃圾分类: drop points (投放点) with their bins, the buildings each point serves, the volunteer
 * supervisors (督导员) on duty there, a daily sorting record per household, and the rewards that
 * correct sorting earns (seed 003: ¥0.30 per household per day).
 */
import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version } from '../../platform/db/columns';
import { account } from '../../platform/db/tables/auth';
import { orgNode } from '../../platform/db/tables/org';

export const binKinds = ['hazardous', 'recyclable', 'kitchen', 'residual'] as const;
/** Bin codes: <point>-H1 (有害), -R1 (可回收), -K1 (厨余), -O1 (其他). */
export const binCodePrefix = { hazardous: 'H', recyclable: 'R', kitchen: 'K', residual: 'O' } as const;

export const dropPoint = pgTable(
  'drop_point',
  {
    id: id(),
    communityId: uuid('community_id').notNull().references(() => orgNode.id),
    estateId: uuid('estate_id'),
    name: text('name').notNull(),
    location: text('location'),
    /** Opening times of the supervised point, e.g. "07:00-09:00, 18:00-20:00". */
    hours: text('hours'),
    status: text('status', { enum: ['active', 'closed'] }).notNull().default('active'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('drop_point_name_key').on(t.communityId, t.name)],
);

export const bin = pgTable(
  'bin',
  {
    id: id(),
    communityId: uuid('community_id').notNull(),
    dropPointId: uuid('drop_point_id').notNull().references(() => dropPoint.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: binKinds }).notNull(),
    code: text('code').notNull(),
    status: text('status', { enum: ['in_service', 'damaged', 'removed'] }).notNull().default('in_service'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('bin_code_key').on(t.communityId, t.code), index('bin_point_idx').on(t.dropPointId)],
);

/** Which buildings' households take their waste to a point (about 300 households per point). */
export const dropPointBuilding = pgTable(
  'drop_point_building',
  {
    communityId: uuid('community_id').notNull(),
    dropPointId: uuid('drop_point_id').notNull().references(() => dropPoint.id, { onDelete: 'cascade' }),
    buildingId: uuid('building_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.communityId, t.buildingId] }), index('drop_point_building_point_idx').on(t.dropPointId)],
);

/** A volunteer who applied to supervise, and whether they were selected for a point. */
export const wasteSupervisor = pgTable(
  'waste_supervisor',
  {
    id: id(),
    communityId: uuid('community_id').notNull(),
    accountId: uuid('account_id').notNull().references(() => account.id),
    residentId: uuid('resident_id'),
    dropPointId: uuid('drop_point_id').references(() => dropPoint.id),
    status: text('status', { enum: ['applicant', 'selected', 'retired'] }).notNull().default('applicant'),
    appliedAt: createdAt(),
    version: version(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('waste_supervisor_account_key').on(t.communityId, t.accountId), index('waste_supervisor_point_idx').on(t.dropPointId)],
);

/** One observation per household per day at its drop point. */
export const sortingRecord = pgTable(
  'sorting_record',
  {
    id: id(),
    communityId: uuid('community_id').notNull(),
    dropPointId: uuid('drop_point_id').notNull().references(() => dropPoint.id),
    householdId: uuid('household_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    result: text('result', { enum: ['correct', 'incorrect'] }).notNull(),
    /** For incorrect sorting: what was wrong ('mixed', 'wrong_bin', 'not_bagged', 'other'). */
    issue: text('issue'),
    note: text('note'),
    recordedBy: uuid('recorded_by').notNull(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('sorting_record_household_day_key').on(t.communityId, t.householdId, t.day),
    index('sorting_record_point_day_idx').on(t.dropPointId, t.day),
    index('sorting_record_day_idx').on(t.communityId, t.day),
  ],
);

/** Reward rule of a community: fen per household per correctly sorted day. */
export const wasteRewardRule = pgTable('waste_reward_rule', {
  communityId: uuid('community_id').primaryKey(),
  amountPerDayFen: integer('amount_per_day_fen').notNull().default(30),
  /** Who pays (e.g. 街道垃圾分类专项资金), for the monthly statement. */
  fundingSource: text('funding_source'),
  version: version(),
  updatedAt: updatedAt(),
});

/** The money a correct day earned; written by the daily reward run, one per household per day. */
export const wasteReward = pgTable(
  'waste_reward',
  {
    id: id(),
    communityId: uuid('community_id').notNull(),
    householdId: uuid('household_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    amountFen: integer('amount_fen').notNull(),
    sortingRecordId: uuid('sorting_record_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('waste_reward_household_day_key').on(t.communityId, t.householdId, t.day), check('waste_reward_positive', sql`${t.amountFen} > 0`)],
);
