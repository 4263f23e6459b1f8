import { z } from 'zod';
import { pageOf, pageQuery, Uuid } from '../../../contracts/common';
import { communityField, optionalText, text, Timestamp } from './party-common.schemas';

export const ClaimStatus = z.enum(['claimed', 'withdrawn', 'done']);

export const ServicePostView = z.object({
  id: z.string(),
  communityId: z.string(),
  orgId: z.string().nullable(),
  orgName: z.string().nullable(),
  buildingId: z.string().nullable(),
  buildingName: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  capacity: z.number().int(),
  claimedCount: z.number().int(),
  doneCount: z.number().int(),
  startsAt: z.date(),
  endsAt: z.date(),
  status: z.enum(['open', 'cancelled']),
  /** The caller's live claim (member callers), else null. */
  myClaim: z.object({ id: z.string(), status: ClaimStatus }).nullable(),
  version: z.number().int(),
});
export type ServicePostView = z.infer<typeof ServicePostView>;

export const CreateServicePostBody = z
  .strictObject({
    ...communityField,
    title: text(100),
    description: z.string().trim().max(2000).default(''),
    capacity: z.number().int().min(1).max(10_000),
    startsAt: Timestamp,
    endsAt: Timestamp,
    orgId: Uuid.nullable().optional(),
    buildingId: Uuid.nullable().optional(),
  })
  .refine((b) => new Date(b.endsAt) > new Date(b.startsAt), { message: 'time_range', path: ['endsAt'] });

export const UpdateServicePostBody = z
  .strictObject({
    version: z.number().int().min(1),
    title: text(100).optional(),
    description: optionalText(2000),
    capacity: z.number().int().min(1).max(10_000).optional(),
    startsAt: Timestamp.optional(),
    endsAt: Timestamp.optional(),
    status: z.enum(['open', 'cancelled']).optional(),
  })
  .refine((b) => !b.startsAt || !b.endsAt || new Date(b.endsAt) > new Date(b.startsAt), { message: 'time_range', path: ['endsAt'] });

export const ServicePostListQuery = z.strictObject({
  ...communityField,
  ...pageQuery,
  when: z.enum(['upcoming', 'past', 'all']).default('all'),
  status: z.enum(['open', 'cancelled']).optional(),
  orgId: Uuid.optional(),
});
export const ServicePostPage = pageOf(ServicePostView);

export const ClaimView = z.object({
  id: z.string(),
  postId: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  orgName: z.string(),
  status: ClaimStatus,
  claimedAt: z.date(),
  withdrawnAt: z.date().nullable(),
  doneAt: z.date().nullable(),
});
export type ClaimView = z.infer<typeof ClaimView>;

export const ClaimParams = z.strictObject({ id: Uuid, claimId: Uuid });
