import { integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { tstz } from '../columns';

/** Remembers the outcome of create requests sent with an Idempotency-Key. */
export const idempotencyKey = pgTable(
  'idempotency_key',
  {
    /** Account id, or 'anonymous'. */
    owner: text('owner').notNull(),
    key: text('key').notNull(),
    route: text('route').notNull(),
    bodyHash: text('body_hash').notNull(),
    state: text('state', { enum: ['in_flight', 'done'] }).notNull(),
    responseStatus: integer('response_status'),
    responseBody: text('response_body'),
    responseType: text('response_type'),
    createdAt: tstz('created_at').notNull().defaultNow(),
    expiresAt: tstz('expires_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.owner, t.key] })],
);

/** Which seeders have run on this database (so a restart never re-seeds, and new seeders run once). */
export const seedRun = pgTable('seed_run', {
  name: text('name').primaryKey(),
  ranAt: tstz('ran_at').notNull().defaultNow(),
  details: jsonb('details').$type<Record<string, unknown>>(),
});
