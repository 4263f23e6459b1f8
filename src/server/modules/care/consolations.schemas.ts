import { z } from 'zod';
import { pageQuery, Uuid } from '../../../contracts/common';
import { assistanceKinds, careCategories, consolationCapLimitFen, consolationOccasions } from './care.model';

export const ConsolationOccasion = z.enum(consolationOccasions);
const PositiveFen = z.number().int().positive({ message: 'amount_positive' });

export const ConsolationCriteria = z.strictObject({
  /** Households with an active member carrying any of these tags. */
  tags: z.array(z.enum(careCategories)).max(careCategories.length).default([]),
  /** …or with an approved application of any of these kinds. */
  assistanceKinds: z.array(z.enum(assistanceKinds)).max(assistanceKinds.length).default([]),
  /** Only households with an active care file. */
  careFileOnly: z.boolean().default(false),
});
export type ConsolationCriteria = z.infer<typeof ConsolationCriteria>;

export const CreateConsolationBody = z
  .strictObject({
    communityId: Uuid,
    name: z.string().trim().min(1).max(100),
    occasion: ConsolationOccasion,
    year: z.number().int().min(2000).max(2100),
    /** Required for occasions without a lunar date (student aid, other); festivals get theirs. */
    eventDate: z.iso.date().optional(),
    criteria: ConsolationCriteria,
    giftDescription: z.string().trim().max(200).optional(),
    defaultAmountFen: PositiveFen.optional(),
    maxAmountFen: PositiveFen.max(consolationCapLimitFen, { message: 'amount_above_cap' }),
  })
  .refine((b) => b.defaultAmountFen === undefined || b.defaultAmountFen <= b.maxAmountFen, { message: 'amount_above_cap', path: ['defaultAmountFen'] })
  .refine((b) => b.criteria.tags.length + b.criteria.assistanceKinds.length > 0, { message: 'criteria_empty', path: ['criteria'] });
export type CreateConsolationBody = z.infer<typeof CreateConsolationBody>;

export const ConsolationListQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export const ConsolationView = z.object({
  id: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  name: z.string(),
  occasion: ConsolationOccasion,
  year: z.number().int(),
  eventDate: z.string().nullable(),
  criteria: z.object({ tags: z.array(z.string()), assistanceKinds: z.array(z.string()), careFileOnly: z.boolean() }),
  giftDescription: z.string().nullable(),
  defaultAmountFen: z.number().int().nullable(),
  maxAmountFen: z.number().int(),
  status: z.enum(['active', 'closed']),
  targets: z.number().int(),
  handedOver: z.number().int(),
  amountFen: z.number().int(),
  version: z.number().int(),
});
export type ConsolationView = z.infer<typeof ConsolationView>;

export const TargetListQuery = z.strictObject({
  ...pageQuery,
  state: z.enum(['pending', 'done', 'all']).default('all'),
  q: z.string().trim().max(50).optional(),
});

export const TargetView = z.object({
  householdId: z.string(),
  address: z.string(),
  headName: z.string().nullable(),
  gridName: z.string().nullable(),
  matched: z.array(z.string()),
  handover: z
    .object({ id: z.string(), gift: z.string().nullable(), amountFen: z.number().int().nullable(), deliveredByName: z.string(), deliveredAt: z.date(), photoId: z.string().nullable(), signatureId: z.string().nullable() })
    .nullable(),
});

export const HandoverBody = z
  .strictObject({
    householdId: Uuid,
    gift: z.string().trim().min(1).max(200).optional(),
    amountFen: PositiveFen.optional(),
    photoId: Uuid.optional(),
    signatureId: Uuid.optional(),
    deliveredAt: z.iso.datetime({ offset: true }).optional(),
    note: z.string().trim().max(500).optional(),
  })
  .refine((b) => b.gift !== undefined || b.amountFen !== undefined, { message: 'gift_or_amount', path: ['amountFen'] })
  .refine((b) => b.photoId !== undefined || b.signatureId !== undefined, { message: 'proof_required', path: ['photoId'] });
export type HandoverBody = z.infer<typeof HandoverBody>;

export const FestivalQuery = z.strictObject({ year: z.coerce.number().int().min(1901).max(2099) });
export const FestivalList = z.array(z.object({ occasion: ConsolationOccasion, date: z.string() }));
