/** Shapes of grids (网格), AB-post duty and leave, estates, buildings and entrances. */
import { z } from 'zod';
import { Uuid } from '../../../contracts/common';

const name = z.string().trim().min(1).max(100);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const isoDate = z.iso.date();

export const DutyKind = z.enum(['primary', 'backup', 'leader']);
export type DutyKind = z.infer<typeof DutyKind>;

export const DutyHolderView = z.object({
  accountId: z.string(),
  displayName: z.string(),
  servicePhone: z.string().nullable(),
  onLeave: z.boolean(),
});

export const GridView = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  communityId: z.string(),
  name: z.string(),
  level: z.number().int(),
  description: z.string().nullable(),
  primary: DutyHolderView.nullable(),
  backup: DutyHolderView.nullable(),
  leader: DutyHolderView.nullable(),
  buildingCount: z.number().int(),
  version: z.number().int(),
});
export type GridView = z.infer<typeof GridView>;

export const GridListQuery = z.strictObject({ communityId: Uuid.optional() });

export const CreateGridBody = z.strictObject({
  /** A community (the new grid is level 1) or a grid of level 1–2. */
  parentId: Uuid,
  name,
  description: optionalText(500),
});

export const UpdateGridBody = z.strictObject({
  version: z.number().int().min(1),
  name: name.optional(),
  description: optionalText(500),
});

const phone = z.string().trim().max(30);

export const SetDutyBody = z.strictObject({
  /** null removes the post's holder. */
  accountId: Uuid.nullable(),
  servicePhone: phone.nullable().optional(),
});
export const DutyParams = z.strictObject({ id: Uuid, duty: DutyKind });

export const DutyCandidateView = z.object({ accountId: z.string(), username: z.string(), displayName: z.string(), roles: z.array(z.string()) });

export const LeaveView = z.object({
  id: z.string(),
  communityId: z.string(),
  accountId: z.string(),
  displayName: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  reason: z.string().nullable(),
  createdAt: z.date(),
});
export type LeaveView = z.infer<typeof LeaveView>;

export const LeaveListQuery = z.strictObject({ communityId: Uuid.optional(), from: isoDate.optional() });

export const CreateLeaveBody = z
  .strictObject({
    communityId: Uuid,
    accountId: Uuid,
    startsOn: isoDate,
    endsOn: isoDate,
    reason: optionalText(200),
  })
  .refine((b) => b.endsOn >= b.startsOn, { message: 'time_range', path: ['endsOn'] });

export const EstateView = z.object({
  id: z.string(),
  communityId: z.string(),
  name: z.string(),
  address: z.string().nullable(),
  propertyCompany: z.string().nullable(),
  propertyPhone: z.string().nullable(),
  buildingCount: z.number().int(),
  version: z.number().int(),
});
export type EstateView = z.infer<typeof EstateView>;

export const EstateListQuery = z.strictObject({ communityId: Uuid.optional() });

export const CreateEstateBody = z.strictObject({
  communityId: Uuid,
  name,
  address: optionalText(200),
  propertyCompany: optionalText(100),
  propertyPhone: phone.nullable().optional(),
});

export const UpdateEstateBody = z.strictObject({
  version: z.number().int().min(1),
  name: name.optional(),
  address: optionalText(200),
  propertyCompany: optionalText(100),
  propertyPhone: phone.nullable().optional(),
});

export const EntranceView = z.object({ id: z.string(), name: z.string() });

export const BuildingView = z.object({
  id: z.string(),
  communityId: z.string(),
  estateId: z.string(),
  estateName: z.string(),
  gridId: z.string().nullable(),
  gridName: z.string().nullable(),
  name: z.string(),
  floors: z.number().int().nullable(),
  buildingHeadId: z.string().nullable(),
  buildingHeadName: z.string().nullable(),
  entrances: z.array(EntranceView),
  householdCount: z.number().int(),
  residentCount: z.number().int(),
  version: z.number().int(),
});
export type BuildingView = z.infer<typeof BuildingView>;

export const BuildingListQuery = z.strictObject({ communityId: Uuid.optional(), estateId: Uuid.optional(), gridId: Uuid.optional() });

export const CreateBuildingBody = z.strictObject({
  estateId: Uuid,
  name,
  floors: z.number().int().min(1).max(200).nullable().optional(),
  /** A level-3 grid of the same community. */
  gridId: Uuid.nullable().optional(),
  entrances: z.array(z.string().trim().min(1).max(20)).max(50).optional(),
});

export const UpdateBuildingBody = z.strictObject({
  version: z.number().int().min(1),
  name: name.optional(),
  floors: z.number().int().min(1).max(200).nullable().optional(),
  gridId: Uuid.nullable().optional(),
  /** 楼栋长: a resident of the community. */
  buildingHeadId: Uuid.nullable().optional(),
});

export const CreateEntranceBody = z.strictObject({ name: z.string().trim().min(1).max(20) });
