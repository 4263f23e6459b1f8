import { z } from 'zod';
import { pageOf, pageQuery, Uuid } from '../../../contracts/common';
import { checkIdNumber, normalizePhone } from '../places/places.checks';
import { communityField, DateOnly, Membership, Month, optionalText, PartyStatus, text } from './party-common.schemas';

export const PhoneInput = z
  .string()
  .trim()
  .max(30)
  .refine((v) => normalizePhone(v) !== null, { message: 'phone_format' });

export const IdNumberInput = z
  .string()
  .trim()
  .max(18)
  .superRefine((v, c) => {
    const r = checkIdNumber(v);
    if (!r.ok) c.addIssue({ code: 'custom', message: r.problem });
  });

const tags = z.array(z.string().trim().min(1).max(20)).max(20);

export const PartyMemberView = z.object({
  id: z.string(),
  communityId: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  /** Masked (张*华); the full name through reveal. */
  name: z.string(),
  gender: z.enum(['male', 'female']).nullable(),
  phone: z.string().nullable(),
  idNumber: z.string().nullable(),
  status: PartyStatus,
  joinedOn: z.string(),
  fullOn: z.string().nullable(),
  membership: Membership,
  workplace: z.string().nullable(),
  tags: z.array(z.string()),
  residentId: z.string().nullable(),
  hasAccount: z.boolean(),
  enrolledAt: z.date(),
  leftAt: z.date().nullable(),
  version: z.number().int(),
});
export type PartyMemberView = z.infer<typeof PartyMemberView>;

export const DuesView = z.object({ month: z.string(), amountFen: z.number().int(), paidAt: z.date() });

export const MemberClaimView = z.object({
  id: z.string(),
  postId: z.string(),
  title: z.string(),
  startsAt: z.date(),
  endsAt: z.date(),
  status: z.enum(['claimed', 'withdrawn', 'done']),
  claimedAt: z.date(),
  doneAt: z.date().nullable(),
});
export type MemberClaimView = z.infer<typeof MemberClaimView>;

export const PartyMemberDetail = PartyMemberView.extend({
  dues: z.array(DuesView),
  claims: z.array(MemberClaimView),
  claimsOpen: z.number().int(),
  claimsDone: z.number().int(),
  points: z.number(),
  lecturesAttended: z.number().int(),
  lecturesGiven: z.number().int(),
});
export type PartyMemberDetail = z.infer<typeof PartyMemberDetail>;

export const PartyMemberListQuery = z.strictObject({
  ...communityField,
  ...pageQuery,
  orgId: Uuid.optional(),
  membership: Membership.optional(),
  status: PartyStatus.optional(),
  tag: z.string().trim().min(1).max(20).optional(),
  q: z.string().trim().min(1).max(50).optional(),
  includeLeft: z.enum(['true', 'false']).optional(),
});

export const PartyMemberPage = pageOf(PartyMemberView);

const memberFields = {
  orgId: Uuid,
  name: text(50),
  gender: z.enum(['male', 'female']).nullable().optional(),
  phone: PhoneInput.nullable().optional(),
  idNumber: IdNumberInput.nullable().optional(),
  status: PartyStatus,
  joinedOn: DateOnly,
  fullOn: DateOnly.nullable().optional(),
  membership: Membership,
  workplace: optionalText(100),
  tags: tags.optional(),
};

/** Rules across fields: a probationary member has no 转正 date; a reporting member names a workplace. */
const memberRules = <T extends { status?: string; fullOn?: string | null; membership?: string; workplace?: string | null }>(b: T, c: z.RefinementCtx) => {
  if (b.status === 'probationary' && b.fullOn) c.addIssue({ code: 'custom', path: ['fullOn'], message: 'probationary_full_on' });
  if (b.membership === 'reporting' && !b.workplace) c.addIssue({ code: 'custom', path: ['workplace'], message: 'required' });
};

export const CreatePartyMemberBody = z
  .strictObject({ ...communityField, ...memberFields, residentId: Uuid.nullable().optional(), accountId: Uuid.nullable().optional() })
  .superRefine(memberRules);

export const UpdatePartyMemberBody = z
  .strictObject({
    version: z.number().int().min(1),
    orgId: Uuid.optional(),
    name: text(50).optional(),
    gender: memberFields.gender,
    phone: memberFields.phone,
    status: PartyStatus.optional(),
    fullOn: memberFields.fullOn,
    membership: Membership.optional(),
    workplace: optionalText(100),
    tags: tags.optional(),
    /** 转出 / 离开: the member leaves the roster (history stays). */
    left: z.boolean().optional(),
  })
  .superRefine(memberRules);

export const RevealBody = z.strictObject({ field: z.enum(['name', 'phone', 'idNumber']), reason: text(200) });
export const RevealView = z.object({ field: z.string(), value: z.string().nullable() });

export const RecordDuesBody = z.strictObject({ month: Month, amountFen: z.number().int().min(0).max(10_000_000) });

export const PointEntryView = z.object({
  id: z.string(),
  source: z.string(),
  sourceId: z.string(),
  quantity: z.number(),
  points: z.number(),
  occurredAt: z.date(),
});
export type PointEntryView = z.infer<typeof PointEntryView>;
export const PointsQuery = z.strictObject({ ...pageQuery });
export const PointsPage = pageOf(PointEntryView).extend({ total: z.number() });
