/** Column helpers shared by every table: UUIDv7 ids, timestamptz, optimistic-concurrency version. */
import { integer, timestamp, uuid } from 'drizzle-orm/pg-core';
import { uuidv7 } from 'uuidv7';

export const newId = (): string => uuidv7();

export const id = () => uuid('id').primaryKey().$defaultFn(newId);
export const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
export const createdAt = () => tstz('created_at').notNull().defaultNow();
export const updatedAt = () => tstz('updated_at').notNull().defaultNow();
/** Optimistic concurrency: bumped on every update; a stale write is refused (409 version_conflict). */
export const version = () => integer('version').notNull().default(1);
