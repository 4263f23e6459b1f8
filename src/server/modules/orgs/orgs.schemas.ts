import { z } from 'zod';
import { Uuid } from '../../../contracts/common';

export const OrgKind = z.enum(['district', 'street', 'community', 'grid']);

export const OrgView = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  kind: OrgKind,
  name: z.string(),
  code: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  timezone: z.string(),
  version: z.number().int(),
});
export type OrgView = z.infer<typeof OrgView>;

export const OrgListQuery = z.strictObject({
  kind: OrgKind.optional(),
  parentId: Uuid.optional(),
});

const name = z.string().trim().min(1).max(100);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const CreateOrgBody = z.strictObject({
  parentId: Uuid,
  kind: z.enum(['street', 'community']),
  name,
  code: optionalText(20),
  phone: optionalText(30),
  address: optionalText(200),
});

export const UpdateOrgBody = z.strictObject({
  version: z.number().int().min(1),
  name: name.optional(),
  code: optionalText(20),
  phone: optionalText(30),
  address: optionalText(200),
});

export const CenterView = z.object({
  id: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  name: z.string(),
  address: z.string().nullable(),
  areaM2: z.number().int().nullable(),
  phone: z.string().nullable(),
  openingHours: z.string().nullable(),
  version: z.number().int(),
});
export type CenterView = z.infer<typeof CenterView>;

export const CenterListQuery = z.strictObject({ communityId: Uuid.optional() });

export const CreateCenterBody = z.strictObject({
  communityId: Uuid,
  name,
  address: optionalText(200),
  areaM2: z.number().int().min(1).max(1_000_000).nullable().optional(),
  phone: optionalText(30),
  openingHours: optionalText(100),
});

export const UpdateCenterBody = z.strictObject({
  version: z.number().int().min(1),
  name: name.optional(),
  address: optionalText(200),
  areaM2: z.number().int().min(1).max(1_000_000).nullable().optional(),
  phone: optionalText(30),
  openingHours: optionalText(100),
});
