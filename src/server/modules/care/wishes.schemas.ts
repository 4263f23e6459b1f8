import { z } from 'zod';
import { pageQuery, Uuid } from '../../../contracts/common';
import { wishCategories, wishPriceCapFen, wishStatuses } from './care.model';

export const WishCategory = z.enum(wishCategories);
export const WishStatus = z.enum(wishStatuses);

export const PostWishBody = z.strictObject({
  title: z.string().trim().min(1).max(60),
  story: z.string().trim().max(500).optional(),
  category: WishCategory,
  priceFen: z.number().int().positive({ message: 'amount_positive' }).max(wishPriceCapFen, { message: 'price_above_cap' }),
  /** Staff posting on a resident's behalf name them; a resident posting for themselves leaves it out. */
  wisherResidentId: Uuid.optional(),
});
export type PostWishBody = z.infer<typeof PostWishBody>;

export const ReviewWishBody = z.strictObject({
  decision: z.enum(['approve', 'reject']),
  reason: z.string().trim().min(1).max(500).optional(),
});

export const FulfilWishBody = z.strictObject({ photoId: Uuid, note: z.string().trim().max(500).optional() });
export const ConfirmWishBody = z.strictObject({ thanks: z.string().trim().max(500).optional() });

export const WishListQuery = z.strictObject({
  ...pageQuery,
  status: WishStatus.optional(),
  /** `mine`: wishes I posted (resident) or claimed (donor). */
  mine: z.enum(['true', 'false']).optional(),
});

export const WishView = z.object({
  id: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  title: z.string(),
  story: z.string().nullable(),
  category: WishCategory,
  priceFen: z.number().int(),
  status: WishStatus,
  /** Masked for donors; in full for staff of the community and the wisher. */
  wisherName: z.string(),
  claimedByName: z.string().nullable(),
  claimedPartnerUnitName: z.string().nullable(),
  claimedAt: z.date().nullable(),
  fulfilledAt: z.date().nullable(),
  fulfilmentPhotoId: z.string().nullable(),
  fulfilmentNote: z.string().nullable(),
  confirmedAt: z.date().nullable(),
  thanks: z.string().nullable(),
  rejectReason: z.string().nullable(),
  isMine: z.boolean(),
  claimedByMe: z.boolean(),
  createdAt: z.date(),
  version: z.number().int(),
});
export type WishView = z.infer<typeof WishView>;

export const WishWallQuery = z.strictObject({ communityId: Uuid, ...pageQuery });

export const WishWallItem = z.object({
  id: z.string(),
  title: z.string(),
  category: WishCategory,
  maskedWisher: z.string(),
  donor: z.string(),
  fulfilledAt: z.date(),
  thanks: z.string().nullable(),
  photoId: z.string().nullable(),
});
