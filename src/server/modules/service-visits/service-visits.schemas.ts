import { z } from 'zod';
import { Uuid } from '../../../contracts/common';

export const ServiceVisitStatsQuery = z.strictObject({
  orgId: Uuid.optional(),
  centerId: Uuid.optional(),
  from: z.iso.date(),
  to: z.iso.date(),
  /** Narrow to one age group ('elderly' …), source ('canteen_meal' …) or theme color. */
  targetGroup: z.string().trim().max(30).optional(),
  source: z.string().trim().max(40).optional(),
  theme: z.string().trim().max(20).optional(),
});

const Bucket = z.object({ key: z.string(), visits: z.number().int(), people: z.number().int() });

export const ServiceVisitStats = z.object({
  total: z.number().int(),
  people: z.number().int(),
  byMonth: z.array(Bucket),
  bySource: z.array(Bucket),
  byTargetGroup: z.array(Bucket),
  byTheme: z.array(Bucket),
  byCenter: z.array(Bucket),
});
export type ServiceVisitStats = z.infer<typeof ServiceVisitStats>;
