import { z } from 'zod';
import { Uuid } from '../../../contracts/common';

export const UploadView = z.object({
  id: z.string(),
  communityId: z.string(),
  mime: z.enum(['image/jpeg', 'image/png', 'image/webp']),
  bytes: z.number().int(),
  width: z.number().int(),
  height: z.number().int(),
  /** Where to fetch the picture (same origin, session cookie). */
  url: z.string(),
  createdAt: z.date(),
});
export type UploadView = z.infer<typeof UploadView>;

/** `communityId` is needed only by staff whose scope spans several communities. */
export const UploadQuery = z.strictObject({ communityId: Uuid.optional() });
