import { z } from 'zod';
import { Uuid } from '../../../contracts/common';

export const RankingsQuery = z.strictObject({
  /** A street (or district): its communities are compared. Defaults to the caller's widest scope. */
  orgId: Uuid.optional(),
  from: z.iso.date(),
  to: z.iso.date(),
  /** Comma-separated indicator keys; default all. */
  indicators: z.string().max(500).optional(),
});

export const IndicatorView = z.object({
  key: z.string(),
  module: z.string(),
  unit: z.enum(['count', 'rate', 'fen', 'hours', 'score']),
  higherIsBetter: z.boolean(),
});

export const CommunityRanking = z.object({
  communityId: z.string(),
  communityName: z.string(),
  streetName: z.string().nullable(),
  values: z.record(z.string(), z.number().nullable()),
  ranks: z.record(z.string(), z.number().int().nullable()),
  /** Mean rank over the indicators that have a value (lower is better), and the resulting place. */
  meanRank: z.number().nullable(),
  place: z.number().int().nullable(),
});

export const Rankings = z.object({
  from: z.string(),
  to: z.string(),
  indicators: z.array(IndicatorView),
  communities: z.array(CommunityRanking),
});
export type Rankings = z.infer<typeof Rankings>;
