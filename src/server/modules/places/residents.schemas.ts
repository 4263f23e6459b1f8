/**
 * Shapes of households and residents. Personal fields go in as clear text (validated with the
 * same checks the web form uses) and come out masked; only `reveal` answers a clear value.
 */
import { z } from 'zod';
import { pageQuery, Uuid } from '../../../contracts/common';
import { checkIdNumber, normalizePhone } from './places.checks';

export const residentTags = ['elderly_alone', 'empty_nest', 'left_behind_child', 'disabled', 'veteran', 'dibao', 'tekun'] as const;
export const ResidentTag = z.enum(residentTags);
export type ResidentTag = z.infer<typeof ResidentTag>;

export const relations = ['head', 'spouse', 'child', 'parent', 'grandchild', 'grandparent', 'sibling', 'child_in_law', 'tenant', 'other'] as const;
export const Relation = z.enum(relations);

export const politicalStatuses = ['party_member', 'probationary_member', 'league_member', 'democratic_party', 'masses'] as const;
export const PoliticalStatus = z.enum(politicalStatuses);

export const Residency = z.enum(['permanent', 'floating']);
export const Gender = z.enum(['male', 'female']);
export const ResidentStatus = z.enum(['active', 'moved_out', 'deceased']);

/** An ID-card number: 18 characters, real region and birth date, correct check character. */
export const IdNumber = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .superRefine((v, ctx) => {
    const r = checkIdNumber(v);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: r.problem });
  });

/** A mainland mobile or landline number, normalized ("13812345678", "0596-26312345"). */
export const Phone = z
  .string()
  .trim()
  .max(30)
  .transform((v, ctx) => {
    const n = normalizePhone(v);
    if (!n) {
      ctx.addIssue({ code: 'custom', message: 'phone_format' });
      return z.NEVER;
    }
    return n;
  });

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const isoDate = z.iso.date();

// ---- households ------------------------------------------------------------------------------

export const HouseholdView = z.object({
  id: z.string(),
  communityId: z.string(),
  gridId: z.string().nullable(),
  buildingId: z.string(),
  buildingName: z.string(),
  estateName: z.string(),
  entranceId: z.string().nullable(),
  entranceName: z.string().nullable(),
  room: z.string(),
  address: z.string(),
  residency: Residency,
  headResidentId: z.string().nullable(),
  headName: z.string().nullable(),
  memberCount: z.number().int(),
  notes: z.string().nullable(),
  version: z.number().int(),
});
export type HouseholdView = z.infer<typeof HouseholdView>;

export const HouseholdListQuery = z.strictObject({
  ...pageQuery,
  buildingId: Uuid.optional(),
  gridId: Uuid.optional(),
  q: z.string().trim().max(50).optional(),
});

export const CreateHouseholdBody = z.strictObject({
  buildingId: Uuid,
  entranceId: Uuid.nullable().optional(),
  room: z.string().trim().min(1).max(20),
  residency: Residency.optional(),
  notes: optionalText(1000),
});

export const UpdateHouseholdBody = z.strictObject({
  version: z.number().int().min(1),
  residency: Residency.optional(),
  notes: optionalText(1000),
});

// ---- residents -------------------------------------------------------------------------------

export const ResidentListItem = z.object({
  id: z.string(),
  communityId: z.string(),
  gridId: z.string().nullable(),
  householdId: z.string().nullable(),
  buildingId: z.string().nullable(),
  address: z.string().nullable(),
  relationToHead: z.string().nullable(),
  name: z.string(),
  gender: Gender,
  birthDate: z.string().nullable(),
  age: z.number().int().nullable(),
  /** Always masked ("410***********1234"). */
  idNumber: z.string().nullable(),
  /** Always masked ("138****1234"). */
  phone: z.string().nullable(),
  residency: Residency,
  tags: z.array(z.string()),
  status: ResidentStatus,
});
export type ResidentListItem = z.infer<typeof ResidentListItem>;

export const MembershipView = z.object({
  householdId: z.string(),
  address: z.string(),
  relationToHead: z.string().nullable(),
  joinedAt: z.date(),
  leftAt: z.date().nullable(),
});

export const ResidentView = ResidentListItem.extend({
  ethnicity: z.string().nullable(),
  politicalStatus: z.string().nullable(),
  notes: z.string().nullable(),
  hasAccount: z.boolean(),
  history: z.array(MembershipView),
  version: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type ResidentView = z.infer<typeof ResidentView>;

export const HouseholdDetailView = HouseholdView.extend({ members: z.array(ResidentListItem), formerMembers: z.array(ResidentListItem.extend({ leftAt: z.date() })) });

const tagList = z
  .string()
  .max(300)
  .transform((s) => s.split(',').map((t) => t.trim()).filter(Boolean))
  .pipe(z.array(ResidentTag).max(residentTags.length));

const residentFilterFields = {
  q: z.string().trim().min(1).max(50).optional(),
  gridId: Uuid.optional(),
  buildingId: Uuid.optional(),
  householdId: Uuid.optional(),
  communityId: Uuid.optional(),
  /** Comma-separated; a resident matches when it has any of them. */
  tags: tagList.optional(),
  ageMin: z.coerce.number().int().min(0).max(150).optional(),
  ageMax: z.coerce.number().int().min(0).max(150).optional(),
  residency: Residency.optional(),
  status: ResidentStatus.optional(),
};
const ageRange = (q: { ageMin?: number; ageMax?: number }) => q.ageMin === undefined || q.ageMax === undefined || q.ageMin <= q.ageMax;

export const ResidentListQuery = z.strictObject({ ...pageQuery, ...residentFilterFields }).refine(ageRange, { message: 'age_range', path: ['ageMax'] });
export type ResidentListQuery = z.infer<typeof ResidentListQuery>;

const residentFields = {
  name: z.string().trim().min(1).max(50),
  gender: Gender.optional(),
  birthDate: isoDate.optional(),
  idNumber: IdNumber.nullable().optional(),
  phone: Phone.nullable().optional(),
  ethnicity: optionalText(20),
  politicalStatus: PoliticalStatus.nullable().optional(),
  residency: Residency.optional(),
  tags: z.array(ResidentTag).max(residentTags.length).optional(),
  notes: optionalText(1000),
};

/** Without an ID number, gender and birth date must be given; with one, they are derived from it. */
export const CreateResidentBody = z
  .strictObject({ householdId: Uuid, relationToHead: Relation, ...residentFields })
  .refine((b) => !!b.idNumber || (!!b.gender && !!b.birthDate), { message: 'gender_birth_required', path: ['idNumber'] });
export type CreateResidentBody = z.infer<typeof CreateResidentBody>;

export const UpdateResidentBody = z.strictObject({
  version: z.number().int().min(1),
  ...residentFields,
  name: residentFields.name.optional(),
  relationToHead: Relation.optional(),
  status: ResidentStatus.optional(),
});
export type UpdateResidentBody = z.infer<typeof UpdateResidentBody>;

export const MoveResidentBody = z.strictObject({
  version: z.number().int().min(1),
  householdId: Uuid,
  relationToHead: Relation,
});

export const RevealBody = z.strictObject({
  field: z.enum(['idNumber', 'phone']),
  reason: z.string().trim().min(2).max(200),
});
export const RevealView = z.object({ field: z.enum(['idNumber', 'phone']), value: z.string().nullable() });

export const RevealAlertView = z.object({
  id: z.string(),
  communityId: z.string(),
  accountId: z.string(),
  username: z.string(),
  displayName: z.string(),
  windowStart: z.date(),
  reveals: z.number().int(),
  createdAt: z.date(),
});
export const RevealAlertListQuery = z.strictObject({ ...pageQuery });

// ---- import / export -------------------------------------------------------------------------

export const ExportQuery = z
  .strictObject({
    ...residentFilterFields,
    /** Clear ID numbers and phones: needs the reveal permission and a reason. */
    reveal: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
    reason: z.string().trim().min(2).max(200).optional(),
  })
  .refine(ageRange, { message: 'age_range', path: ['ageMax'] })
  .refine((q) => !q.reveal || !!q.reason, { message: 'reason_required', path: ['reason'] });

export const ImportQuery = z.strictObject({
  communityId: Uuid,
  dryRun: z.enum(['true', 'false']).transform((v) => v === 'true').default(false),
});

export const ImportIssueView = z.object({ row: z.number().int(), column: z.string().nullable(), code: z.string(), message: z.string() });
export const ImportReportView = z.object({ total: z.number().int(), valid: z.number().int(), errors: z.array(ImportIssueView), imported: z.number().int().optional() });
export type ImportReportView = z.infer<typeof ImportReportView>;
