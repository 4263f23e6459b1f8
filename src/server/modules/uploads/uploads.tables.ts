/**
 * Uploaded photos (随手拍, visit and care photos). The row records who uploaded what, for which
 * community; the bytes live in an `UploadStore` under their content hash, so identical files are
 * stored once and a row never points at bytes that changed.
 */
import { index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from '../../platform/db/columns';
import { account } from '../../platform/db/tables/auth';
import { orgNode } from '../../platform/db/tables/org';

export const upload = pgTable(
  'upload',
  {
    id: id(),
    communityId: uuid('community_id').notNull().references(() => orgNode.id),
    ownerAccountId: uuid('owner_account_id').notNull().references(() => account.id),
    /** SHA-256 (hex) of the stored, re-encoded bytes: the storage key. */
    sha256: text('sha256').notNull(),
    mime: text('mime', { enum: ['image/jpeg', 'image/png', 'image/webp'] }).notNull(),
    bytes: integer('bytes').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    // The same owner sending the same picture twice (a retry) gets the same row back.
    uniqueIndex('upload_owner_content_key').on(t.communityId, t.ownerAccountId, t.sha256),
    index('upload_sha256_idx').on(t.sha256),
  ],
);
