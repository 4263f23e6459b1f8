import { z } from 'zod';
import { pageQuery, Uuid } from '../../../contracts/common';

export const AuditListQuery = z.strictObject({
  ...pageQuery,
  actorId: Uuid.optional(),
  action: z.string().trim().max(100).optional(),
  entity: z.string().trim().max(100).optional(),
  entityId: z.string().trim().max(100).optional(),
  communityId: Uuid.optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

export const AuditEntryView = z.object({
  id: z.string(),
  seq: z.number().int(),
  at: z.date(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  communityId: z.string().nullable(),
  changes: z.unknown().nullable(),
  reason: z.string().nullable(),
  ip: z.string().nullable(),
});

export const AuditVerifyView = z.object({ ok: z.boolean(), checked: z.number().int(), brokenAt: z.string().optional() });
