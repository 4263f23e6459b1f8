import { z } from 'zod';
import { Uuid } from '../../../contracts/common';

export const BinKind = z.enum(['hazardous', 'recyclable', 'kitchen', 'residual']);
export const SortingResult = z.enum(['correct', 'incorrect']);
export const SortingIssue = z.enum(['mixed', 'wrong_bin', 'not_bagged', 'other']);

export const BinView = z.object({ id: z.string(), kind: BinKind, code: z.string(), status: z.enum(['in_service', 'damaged', 'removed']) });

export const DropPointView = z.object({
  id: z.string(),
  communityId: z.string(),
  name: z.string(),
  location: z.string().nullable(),
  hours: z.string().nullable(),
  status: z.enum(['active', 'closed']),
  version: z.number().int(),
  bins: z.array(BinView),
  buildingIds: z.array(z.string()),
  households: z.number().int(),
  supervisors: z.array(z.object({ id: z.string(), accountId: z.string(), displayName: z.string() })),
});
export type DropPointView = z.infer<typeof DropPointView>;

export const DropPointListQuery = z.strictObject({ communityId: Uuid.optional() });

export const CreateDropPointBody = z.strictObject({
  communityId: Uuid,
  name: z.string().trim().min(1).max(50),
  estateId: Uuid.nullable().optional(),
  location: z.string().trim().max(200).nullable().optional(),
  hours: z.string().trim().max(100).nullable().optional(),
  /** Bins to set up, e.g. seed 003's point: 1 hazardous, 1 recyclable, 4 kitchen, 8 residual. */
  bins: z.strictObject({ hazardous: z.number().int().min(0).max(20), recyclable: z.number().int().min(0).max(20), kitchen: z.number().int().min(0).max(40), residual: z.number().int().min(0).max(40) }),
  buildingIds: z.array(Uuid).max(200).default([]),
});

export const UpdateDropPointBody = z.strictObject({
  version: z.number().int().min(1),
  name: z.string().trim().min(1).max(50).optional(),
  location: z.string().trim().max(200).nullable().optional(),
  hours: z.string().trim().max(100).nullable().optional(),
  status: z.enum(['active', 'closed']).optional(),
  buildingIds: z.array(Uuid).max(200).optional(),
});

export const SupervisorView = z.object({
  id: z.string(),
  communityId: z.string(),
  accountId: z.string(),
  displayName: z.string(),
  dropPointId: z.string().nullable(),
  dropPointName: z.string().nullable(),
  status: z.enum(['applicant', 'selected', 'retired']),
  appliedAt: z.date(),
  version: z.number().int(),
});

export const SupervisorListQuery = z.strictObject({ communityId: Uuid.optional(), status: z.enum(['applicant', 'selected', 'retired']).optional() });
export const ApplyBody = z.strictObject({ communityId: Uuid });
export const DecideSupervisorBody = z.strictObject({
  version: z.number().int().min(1),
  status: z.enum(['selected', 'retired']),
  dropPointId: Uuid.nullable().optional(),
});

export const CreateSortingRecordBody = z.strictObject({
  dropPointId: Uuid,
  householdId: Uuid,
  day: z.iso.date().optional(),
  result: SortingResult,
  issue: SortingIssue.nullable().optional(),
  note: z.string().trim().max(200).nullable().optional(),
});

export const UpdateSortingRecordBody = z.strictObject({
  version: z.number().int().min(1),
  result: SortingResult,
  issue: SortingIssue.nullable().optional(),
  note: z.string().trim().max(200).nullable().optional(),
});

export const SortingRecordView = z.object({
  id: z.string(),
  dropPointId: z.string(),
  householdId: z.string(),
  day: z.string(),
  result: SortingResult,
  issue: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
});

export const PointHouseholdsQuery = z.strictObject({ day: z.iso.date().optional() });
export const PointHouseholdView = z.object({
  householdId: z.string(),
  address: z.string(),
  record: SortingRecordView.nullable(),
});

export const WasteStatsQuery = z.strictObject({ orgId: Uuid.optional(), from: z.iso.date(), to: z.iso.date() });

const PointStats = z.object({
  dropPointId: z.string(),
  name: z.string(),
  households: z.number().int(),
  records: z.number().int(),
  correct: z.number().int(),
  correctRate: z.number().nullable(),
});

const CommunityStats = z.object({
  communityId: z.string(),
  name: z.string(),
  dropPoints: z.number().int(),
  households: z.number().int(),
  participatingHouseholds: z.number().int(),
  participationRate: z.number().nullable(),
  records: z.number().int(),
  correct: z.number().int(),
  correctRate: z.number().nullable(),
  rewardFen: z.number().int(),
});

export const WasteStats = z.object({
  dropPoints: z.number().int(),
  bins: z.number().int(),
  households: z.number().int(),
  participatingHouseholds: z.number().int(),
  participationRate: z.number().nullable(),
  records: z.number().int(),
  correct: z.number().int(),
  correctRate: z.number().nullable(),
  rewardFen: z.number().int(),
  supervisors: z.number().int(),
  applicants: z.number().int(),
  byDropPoint: z.array(PointStats),
  byMonth: z.array(z.object({ month: z.string(), records: z.number().int(), correct: z.number().int(), rewardFen: z.number().int() })),
  /** Daily trend over the range (days without records are absent). */
  byDay: z.array(z.object({ day: z.string(), records: z.number().int(), correct: z.number().int(), correctRate: z.number().nullable() })),
  /** Every community in the caller's scope (and under orgId), so street staff compare their communities. */
  byCommunity: z.array(CommunityStats),
});
export type WasteStats = z.infer<typeof WasteStats>;

export const RewardRunBody = z.strictObject({ communityId: Uuid, day: z.iso.date() });

export const MyWasteView = z.object({
  householdId: z.string().nullable(),
  dropPoint: z.object({ id: z.string(), name: z.string(), location: z.string().nullable(), hours: z.string().nullable() }).nullable(),
  recent: z.array(z.object({ day: z.string(), result: SortingResult })),
  rewards: z.array(z.object({ month: z.string(), days: z.number().int(), amountFen: z.number().int() })),
});

/** The caller's own supervisor applications and duties, and where they may still apply. */
export const MySupervisionView = z.object({
  duties: z.array(
    z.object({
      id: z.string(),
      communityId: z.string(),
      communityName: z.string(),
      status: z.enum(['applicant', 'selected', 'retired']),
      appliedAt: z.date(),
      dropPoint: z.object({ id: z.string(), name: z.string(), location: z.string().nullable(), hours: z.string().nullable() }).nullable(),
    }),
  ),
  canApplyAt: z.array(z.object({ communityId: z.string(), name: z.string() })),
});
export type MySupervisionView = z.infer<typeof MySupervisionView>;
