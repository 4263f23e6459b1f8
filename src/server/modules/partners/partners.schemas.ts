import { z } from 'zod';
import { Uuid } from '../../../contracts/common';

export const PartnerKind = z.enum(['government', 'public_institution', 'enterprise', 'school', 'hospital', 'social_org', 'other']);

export const PartnerUnitView = z.object({
  id: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  name: z.string(),
  kind: PartnerKind,
  partyOrgName: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  address: z.string().nullable(),
  status: z.enum(['active', 'inactive']),
  version: z.number().int(),
});
export type PartnerUnitView = z.infer<typeof PartnerUnitView>;

export const PartnerUnitListQuery = z.strictObject({
  communityId: Uuid.optional(),
  q: z.string().trim().max(50).optional(),
  kind: PartnerKind.optional(),
});

const text = (max: number) => z.string().trim().max(max).nullable().optional();

export const CreatePartnerUnitBody = z.strictObject({
  communityId: Uuid,
  name: z.string().trim().min(1).max(100),
  kind: PartnerKind,
  partyOrgName: text(100),
  contactName: text(30),
  contactPhone: text(30),
  address: text(200),
});

export const UpdatePartnerUnitBody = z.strictObject({
  version: z.number().int().min(1),
  name: z.string().trim().min(1).max(100).optional(),
  kind: PartnerKind.optional(),
  partyOrgName: text(100),
  contactName: text(30),
  contactPhone: text(30),
  address: text(200),
  status: z.enum(['active', 'inactive']).optional(),
});
