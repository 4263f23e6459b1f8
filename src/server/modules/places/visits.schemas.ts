/** Shapes of home visits (入户走访), visit rules per tag and the due list. */
import { z } from 'zod';
import { pageQuery, Uuid } from '../../../contracts/common';
import { ResidentTag } from './residents.schemas';

export const VisitKind = z.enum(['routine', 'care', 'survey', 'follow_up', 'other']);

export const CreateVisitBody = z.strictObject({
  householdId: Uuid,
  /** The resident seen, when the visit was for one person. */
  residentId: Uuid.nullable().optional(),
  kind: VisitKind,
  /** Defaults to now; a visit cannot be in the future. */
  visitedAt: z.iso.datetime({ offset: true }).optional(),
  findings: z.string().trim().max(2000).default(''),
  followUpNeeded: z.boolean().default(false),
  photoIds: z.array(Uuid).max(9).default([]),
});
export type CreateVisitBody = z.infer<typeof CreateVisitBody>;

export const VisitView = z.object({
  id: z.string(),
  communityId: z.string(),
  gridId: z.string().nullable(),
  householdId: z.string(),
  address: z.string(),
  residentId: z.string().nullable(),
  residentName: z.string().nullable(),
  visitorId: z.string(),
  visitorName: z.string(),
  kind: VisitKind,
  visitedAt: z.date(),
  findings: z.string(),
  followUpNeeded: z.boolean(),
  photoIds: z.array(z.string()),
  createdAt: z.date(),
});
export type VisitView = z.infer<typeof VisitView>;

export const VisitListQuery = z.strictObject({
  ...pageQuery,
  householdId: Uuid.optional(),
  residentId: Uuid.optional(),
  gridId: Uuid.optional(),
  visitorId: Uuid.optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  followUpNeeded: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});

export const VisitRuleView = z.object({ tag: z.string(), intervalDays: z.number().int(), isDefault: z.boolean(), version: z.number().int().nullable() });
export const VisitRuleQuery = z.strictObject({ communityId: Uuid });
export const SetVisitRuleBody = z.strictObject({
  communityId: Uuid,
  /** null returns the tag to its default (or no rule). */
  intervalDays: z.number().int().min(1).max(366).nullable(),
});
export const VisitRuleParams = z.strictObject({ tag: ResidentTag });

export const DueQuery = z.strictObject({
  /** A grid to look at (staff); without it, the grids the caller is on duty for today. */
  gridId: Uuid.optional(),
  /** Also list visits coming due within this many days. */
  days: z.coerce.number().int().min(0).max(60).default(0),
});

export const DueVisitView = z.object({
  residentId: z.string(),
  name: z.string(),
  age: z.number().int().nullable(),
  tags: z.array(z.string()),
  householdId: z.string(),
  address: z.string(),
  gridId: z.string(),
  gridName: z.string(),
  intervalDays: z.number().int(),
  lastVisitAt: z.date().nullable(),
  dueOn: z.string(),
  overdueDays: z.number().int(),
  /** True when the caller covers this grid for an absent primary (AB岗). */
  standIn: z.boolean(),
});
export type DueVisitView = z.infer<typeof DueVisitView>;
