import { z } from 'zod';
import { Uuid } from '../../../contracts/common';
import { communityField, DateOnly, OfficerRole, PartyOrgKind, text } from './party-common.schemas';

export const OfficerView = z.object({
  id: z.string(),
  orgId: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  role: OfficerRole,
  termStart: z.string(),
  termEnd: z.string().nullable(),
  current: z.boolean(),
});
export type OfficerView = z.infer<typeof OfficerView>;

export const PartyOrgView = z.object({
  id: z.string(),
  communityId: z.string(),
  parentId: z.string().nullable(),
  kind: PartyOrgKind,
  name: z.string(),
  sortOrder: z.number().int(),
  buildings: z.array(z.object({ id: z.string(), name: z.string() })),
  memberCount: z.number().int(),
  officers: z.array(OfficerView),
  version: z.number().int(),
});
export type PartyOrgView = z.infer<typeof PartyOrgView>;

export const PartyOrgListQuery = z.strictObject({ ...communityField });

const buildingIds = z.array(Uuid).max(100);

export const CreatePartyOrgBody = z.strictObject({
  ...communityField,
  parentId: Uuid.nullable().optional(),
  kind: PartyOrgKind,
  name: text(100),
  sortOrder: z.number().int().min(0).max(100_000).optional(),
  buildingIds: buildingIds.optional(),
});

export const UpdatePartyOrgBody = z.strictObject({
  version: z.number().int().min(1),
  name: text(100).optional(),
  sortOrder: z.number().int().min(0).max(100_000).optional(),
  buildingIds: buildingIds.optional(),
});

export const AddOfficerBody = z
  .strictObject({ memberId: Uuid, role: OfficerRole, termStart: DateOnly, termEnd: DateOnly.nullable().optional() })
  .refine((b) => !b.termEnd || b.termEnd >= b.termStart, { message: 'time_range', path: ['termEnd'] });

export const EndOfficerTermBody = z.strictObject({ termEnd: DateOnly });

export const BuildingOption = z.object({
  id: z.string(),
  name: z.string(),
  estateName: z.string(),
  orgId: z.string().nullable(),
  orgName: z.string().nullable(),
});
export type BuildingOption = z.infer<typeof BuildingOption>;

export const BuildingListQuery = z.strictObject({ ...communityField });
