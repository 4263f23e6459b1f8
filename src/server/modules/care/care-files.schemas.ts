import { z } from 'zod';
import { pageQuery, Uuid } from '../../../contracts/common';
import { careCategories, careNeeds, conditionKinds, housingKinds } from './care.model';

const Fen = z.number().int();

export const CareCategory = z.enum(careCategories);
export const ConditionKind = z.enum(conditionKinds);

export const OpenCareFileBody = z.strictObject({
  householdId: Uuid,
  /** Default: the care categories found in the members' tags. */
  categories: z.array(CareCategory).max(careCategories.length).optional(),
  summary: z.string().trim().max(2000).optional(),
});

export const UpdateCareFileBody = z.strictObject({
  version: z.number().int().min(1),
  categories: z.array(CareCategory).max(careCategories.length).optional(),
  monthlyIncomeFen: Fen.min(0).max(100_000_000).nullable().optional(),
  incomeNotes: z.string().trim().max(500).nullable().optional(),
  housingKind: z.enum(housingKinds).nullable().optional(),
  housingAreaM2: z.number().int().min(1).max(2000).nullable().optional(),
  housingNotes: z.string().trim().max(500).nullable().optional(),
  needs: z.array(z.enum(careNeeds)).max(careNeeds.length).optional(),
  needsNotes: z.string().trim().max(1000).nullable().optional(),
  summary: z.string().trim().max(2000).nullable().optional(),
  status: z.enum(['active', 'closed']).optional(),
  closeReason: z.string().trim().max(500).nullable().optional(),
});
export type UpdateCareFileBody = z.infer<typeof UpdateCareFileBody>;

export const CareFileListQuery = z.strictObject({
  ...pageQuery,
  q: z.string().trim().max(50).optional(),
  gridId: Uuid.optional(),
  category: CareCategory.optional(),
  condition: ConditionKind.optional(),
  status: z.enum(['active', 'closed']).optional(),
});
export type CareFileListQuery = z.infer<typeof CareFileListQuery>;

export const CareFileExportQuery = CareFileListQuery.omit({ cursor: true, limit: true });

export const CareFileListItem = z.object({
  id: z.string(),
  householdId: z.string(),
  address: z.string(),
  gridId: z.string().nullable(),
  gridName: z.string().nullable(),
  headName: z.string().nullable(),
  memberCount: z.number().int(),
  categories: z.array(z.string()),
  status: z.enum(['active', 'closed']),
  updatedAt: z.date(),
});
export type CareFileListItem = z.infer<typeof CareFileListItem>;

export const ConditionView = z.object({
  id: z.string(),
  residentId: z.string(),
  kind: z.string(),
  detail: z.string().nullable(),
  since: z.string().nullable(),
  status: z.enum(['active', 'resolved']),
  version: z.number().int(),
});
export type ConditionView = z.infer<typeof ConditionView>;

export const MemberView = z.object({
  residentId: z.string(),
  name: z.string(),
  gender: z.enum(['male', 'female']),
  age: z.number().int().nullable(),
  relationToHead: z.string().nullable(),
  phone: z.string().nullable(),
  tags: z.array(z.string()),
  status: z.string(),
  conditions: z.array(ConditionView),
});

export const AssistanceSummary = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.string(),
  applicantName: z.string(),
  amountFen: z.number().int().nullable(),
  startMonth: z.string().nullable(),
  reviewDueOn: z.string().nullable(),
  updatedAt: z.date(),
});

export const TimelineEntry = z.object({
  at: z.date(),
  kind: z.enum(['care_service', 'visit', 'consolation', 'assistance_step', 'wish', 'file_version']),
  /** Service kind, assistance action, wish status… (the UI words it). */
  label: z.string(),
  detail: z.string().nullable(),
  by: z.string().nullable(),
  amountFen: z.number().int().nullable(),
  refId: z.string(),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const CareFileView = z.object({
  id: z.string(),
  communityId: z.string(),
  householdId: z.string(),
  address: z.string(),
  gridId: z.string().nullable(),
  gridName: z.string().nullable(),
  status: z.enum(['active', 'closed']),
  categories: z.array(z.string()),
  monthlyIncomeFen: z.number().int().nullable(),
  incomeNotes: z.string().nullable(),
  perCapitaIncomeFen: z.number().int().nullable(),
  housingKind: z.string().nullable(),
  housingAreaM2: z.number().int().nullable(),
  housingNotes: z.string().nullable(),
  needs: z.array(z.string()),
  needsNotes: z.string().nullable(),
  summary: z.string().nullable(),
  closeReason: z.string().nullable(),
  members: z.array(MemberView),
  assistance: z.array(AssistanceSummary),
  timeline: z.array(TimelineEntry),
  createdAt: z.date(),
  updatedAt: z.date(),
  version: z.number().int(),
});
export type CareFileView = z.infer<typeof CareFileView>;

export const CareFileVersionView = z.object({
  version: z.number().int(),
  changes: z.record(z.string(), z.unknown()).nullable(),
  changedByName: z.string(),
  changedAt: z.date(),
});

export const CareFileSuggestion = z.object({
  householdId: z.string(),
  address: z.string(),
  gridName: z.string().nullable(),
  headName: z.string().nullable(),
  memberCount: z.number().int(),
  matchedTags: z.array(z.string()),
});

export const SuggestionQuery = z.strictObject({ limit: pageQuery.limit });

export const AddConditionBody = z.strictObject({
  residentId: Uuid,
  kind: ConditionKind,
  detail: z.string().trim().max(1000).optional(),
  since: z.iso.date().optional(),
});

export const UpdateConditionBody = z.strictObject({
  version: z.number().int().min(1),
  detail: z.string().trim().max(1000).nullable().optional(),
  since: z.iso.date().nullable().optional(),
  status: z.enum(['active', 'resolved']).optional(),
});

export const ConditionParams = z.strictObject({ id: Uuid, conditionId: Uuid });

export const BirthdayQuery = z.strictObject({
  /** YYYY-MM; default: this month in the community's zone. */
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month_format' }).optional(),
  group: z.enum(['left_behind_child', 'elderly', 'all']).default('all'),
  communityId: Uuid.optional(),
});

export const BirthdayPerson = z.object({
  residentId: z.string(),
  name: z.string(),
  gender: z.enum(['male', 'female']),
  birthDate: z.string(),
  ageTurning: z.number().int(),
  group: z.enum(['left_behind_child', 'elderly']),
  address: z.string(),
  gridName: z.string().nullable(),
});

export const BirthdayList = z.object({ month: z.string(), items: z.array(BirthdayPerson) });

export const CareStatsQuery = z.strictObject({
  orgId: Uuid.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

const Count = z.object({ key: z.string(), count: z.number().int() });

export const CareStats = z.object({
  careFiles: z.object({ total: z.number().int(), active: z.number().int(), byCategory: z.array(Count) }),
  applications: z.object({
    total: z.number().int(),
    byKind: z.array(Count),
    byStatus: z.array(Count),
    approvedMonthlyFen: z.number().int(),
  }),
  services: z.object({ total: z.number().int(), byKind: z.array(Count) }),
  consolations: z.object({ campaigns: z.number().int(), households: z.number().int(), amountFen: z.number().int() }),
  wishes: z.object({ total: z.number().int(), fulfilled: z.number().int() }),
  /** Present only for callers who may see restricted data (the care officer). */
  restricted: z.object({ severeMentalDisorder: z.number().int() }).optional(),
});
export type CareStats = z.infer<typeof CareStats>;
