import { z } from 'zod';
import { pageQuery, Uuid } from '../../../contracts/common';
import { careServiceKinds } from './care.model';

export const CareServiceKind = z.enum(careServiceKinds);
const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month_format' });

export const RecordCareServiceBody = z.strictObject({
  residentId: Uuid,
  kind: CareServiceKind,
  occurredAt: z.iso.datetime({ offset: true }),
  durationMinutes: z.number().int().min(1).max(24 * 60).optional(),
  content: z.string().trim().min(1).max(2000),
  /** Follow-up of one of the resident's conditions (restricted ones: care officer only). */
  conditionId: Uuid.optional(),
  photoIds: z.array(Uuid).max(9).default([]),
});
export type RecordCareServiceBody = z.infer<typeof RecordCareServiceBody>;

export const CareServiceListQuery = z.strictObject({
  ...pageQuery,
  kind: CareServiceKind.optional(),
  month: Month.optional(),
  residentId: Uuid.optional(),
});

export const CareServiceView = z.object({
  id: z.string(),
  residentId: z.string(),
  residentName: z.string(),
  address: z.string().nullable(),
  kind: CareServiceKind,
  occurredAt: z.date(),
  durationMinutes: z.number().int().nullable(),
  content: z.string(),
  providerName: z.string(),
  providerRole: z.enum(['staff', 'social_worker', 'volunteer']),
  photoIds: z.array(z.string()),
});
export type CareServiceView = z.infer<typeof CareServiceView>;

export const CareServiceStatsQuery = z.strictObject({ from: Month, to: Month, orgId: Uuid.optional() });

export const CareServiceStats = z.object({
  months: z.array(z.object({ month: z.string(), daily_care: z.number().int(), emotional_support: z.number().int(), health_care: z.number().int(), people: z.number().int() })),
  total: z.number().int(),
});

export const RecipientQuery = z.strictObject({ q: z.string().trim().min(1).max(50) });
export const Recipient = z.object({ residentId: z.string(), maskedName: z.string(), address: z.string(), tags: z.array(z.string()) });
