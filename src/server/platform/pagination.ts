/**
 * Lists answer `{ items, nextCursor }`. Cursors are opaque (base64url JSON of the last row's sort
 * key) and the page size has a hard maximum, so no list endpoint can load an unbounded result.
 */
import type { z } from 'zod';
import { AppError } from './errors';

export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, pageOf, pageQuery } from '../../contracts/common';

export function encodeCursor(values: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** Decodes a cursor made by `encodeCursor`; anything else is a 400 naming the `cursor` field. */
export function decodeCursor<T extends readonly unknown[]>(cursor: string | undefined, shape: z.ZodType<T>): T | null {
  if (!cursor) return null;
  try {
    const parsed = shape.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through
  }
  throw new AppError('validation_failed', [{ field: 'querystring.cursor', code: 'cursor_invalid', message: 'cursor' }]);
}

/** Given `limit + 1` rows, returns the page and the cursor of its last row (or null at the end). */
export function pageFrom<R, T>(rows: R[], limit: number, keyOf: (row: R) => readonly unknown[], map: (row: R) => T): { items: T[]; nextCursor: string | null } {
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const last = page[page.length - 1];
  return { items: page.map(map), nextCursor: more && last ? encodeCursor(keyOf(last)) : null };
}
