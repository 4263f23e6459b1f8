/** Shapes shared by every module's schemas (and by the web clients). Pure zod: no server imports. */
import { z } from 'zod';

export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;

export const Uuid = z.uuid({ message: 'uuid' });
export const IdParams = z.strictObject({ id: Uuid });

/** Spread into a list query: `z.strictObject({ ...pageQuery, q: … })`. */
export const pageQuery = {
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
};

export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const Created = z.object({ id: z.string() });
export const Ok = z.object({ ok: z.literal(true) });

export const Locale = z.enum(['zh-CN', 'en-US']);

export const ErrorResponse = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
