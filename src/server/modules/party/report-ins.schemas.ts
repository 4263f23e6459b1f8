import { z } from 'zod';
import { pageOf, pageQuery, Uuid } from '../../../contracts/common';
import { communityField, DateOnly, PartyStatus, text } from './party-common.schemas';
import { PhoneInput } from './party-members.schemas';
import { BuildingOption } from './party-orgs.schemas';

export const ReportInStatus = z.enum(['pending', 'approved', 'returned']);

export const ReportInView = z.object({
  id: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  workplace: z.string(),
  buildingId: z.string().nullable(),
  buildingName: z.string().nullable(),
  suggestedOrgId: z.string().nullable(),
  suggestedOrgName: z.string().nullable(),
  partyStatus: PartyStatus,
  joinedOn: z.string(),
  status: ReportInStatus,
  reason: z.string().nullable(),
  decidedAt: z.date().nullable(),
  memberId: z.string().nullable(),
  createdAt: z.date(),
  version: z.number().int(),
});
export type ReportInView = z.infer<typeof ReportInView>;

export const SubmitReportInBody = z.strictObject({
  ...communityField,
  buildingId: Uuid.nullable().optional(),
  workplace: text(100),
  partyStatus: PartyStatus,
  joinedOn: DateOnly,
  /** Defaults to the name on the resident record or account. */
  name: text(50).optional(),
  phone: PhoneInput.nullable().optional(),
});

export const ApproveReportInBody = z.strictObject({ version: z.number().int().min(1), orgId: Uuid.optional() });
export const ReturnReportInBody = z.strictObject({ version: z.number().int().min(1), reason: text(200) });

export const ReportInListQuery = z.strictObject({ ...communityField, ...pageQuery, status: ReportInStatus.optional() });
export const ReportInPage = pageOf(ReportInView);

export const ReportInSummary = z.object({
  communityId: z.string(),
  reporting: z.number().int(),
  pending: z.number().int(),
  byWorkplace: z.array(z.object({ workplace: z.string(), members: z.number().int() })),
  byGroup: z.array(z.object({ orgId: z.string(), orgName: z.string(), members: z.number().int() })),
});
export type ReportInSummary = z.infer<typeof ReportInSummary>;
export const ReportInSummaryQuery = z.strictObject({ ...communityField });

/** What the resident app needs to fill the form: the buildings, the caller's own and their last report-in. */
export const ReportInOptions = z.object({
  communityId: z.string(),
  communityName: z.string(),
  buildings: z.array(BuildingOption),
  myBuildingId: z.string().nullable(),
  myName: z.string().nullable(),
  alreadyMember: z.boolean(),
  reportIns: z.array(ReportInView),
});
export type ReportInOptions = z.infer<typeof ReportInOptions>;
export const ReportInOptionsQuery = z.strictObject({ ...communityField });
