import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tstz } from '../columns';
import { account } from './auth';

/** The in-app inbox of an account (residents and staff alike). */
export const notification = pgTable(
  'notification',
  {
    id: id(),
    accountId: uuid('account_id').notNull().references(() => account.id, { onDelete: 'cascade' }),
    communityId: uuid('community_id'),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    /** Path inside the web apps to open (e.g. /m/tickets/…). */
    link: text('link'),
    entity: text('entity'),
    entityId: text('entity_id'),
    readAt: tstz('read_at'),
    createdAt: createdAt(),
  },
  (t) => [index('notification_account_idx').on(t.accountId, t.createdAt)],
);
