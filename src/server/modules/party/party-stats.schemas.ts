import { z } from 'zod';
import { Uuid } from '../../../contracts/common';
import { communityField, Membership, PartyStatus, periodQuery } from './party-common.schemas';
import { MemberClaimView } from './party-members.schemas';
import { MyLectureView } from './micro-lectures.schemas';

/** One row per community in the caller's scope: what street staff see (aggregates, no names). */
export const PartyOverviewRow = z.object({
  communityId: z.string(),
  communityName: z.string(),
  members: z.number().int(),
  registered: z.number().int(),
  reporting: z.number().int(),
  mobile: z.number().int(),
  probationary: z.number().int(),
  groups: z.number().int(),
  groupsWithBuildings: z.number().int(),
  pendingReportIns: z.number().int(),
  servicePosts: z.number().int(),
  claims: z.number().int(),
  claimsDone: z.number().int(),
  lecturesHeld: z.number().int(),
  attendanceRate: z.number(),
  jointMeetings: z.number().int(),
});
export type PartyOverviewRow = z.infer<typeof PartyOverviewRow>;
export const PartyOverviewQuery = z.strictObject({ orgId: Uuid.optional() });

export const RankingQuery = z.strictObject({ ...communityField, ...periodQuery, orgId: Uuid.optional(), top: z.coerce.number().int().min(1).max(200).default(20) });
export const RankingView = z.object({
  groups: z.array(
    z.object({
      orgId: z.string(),
      orgName: z.string(),
      members: z.number().int(),
      ranking: z.array(z.object({ rank: z.number().int(), memberId: z.string(), name: z.string(), points: z.number() })),
    }),
  ),
});
export type RankingView = z.infer<typeof RankingView>;

export const MyMembership = z.object({
  communityId: z.string(),
  communityName: z.string(),
  member: z.object({
    id: z.string(),
    name: z.string(),
    orgId: z.string(),
    orgName: z.string(),
    status: PartyStatus,
    membership: Membership,
    workplace: z.string().nullable(),
    tags: z.array(z.string()),
  }),
  points: z.number(),
  rankInGroup: z.number().int().nullable(),
  groupSize: z.number().int(),
  nextLecture: MyLectureView.nullable(),
  openClaims: z.number().int(),
  /** Rounds open now that the member has not answered yet. */
  openEvaluations: z.number().int(),
});
export type MyMembership = z.infer<typeof MyMembership>;

export const MyPartyView = z.object({ memberships: z.array(MyMembership) });
export type MyPartyView = z.infer<typeof MyPartyView>;
export const MyQuery = z.strictObject({ ...communityField });
export const MyClaimsView = z.array(MemberClaimView);
