/**
 * Privacy (PIPL) and security monitoring: residents' correction requests, separate consents for
 * sensitive data, guardians of minors under 14, the retention policy per record kind with its
 * runs, and alerts on bulk reveals / exports. MFA tables are platform tables (platform/db/tables/mfa.ts)
 * because every sign-in reads them.
 */
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tstz, updatedAt, version } from '../../platform/db/columns';
import { account } from '../../platform/db/tables/auth';
import { orgNode } from '../../platform/db/tables/org';
import { resident } from '../places/places.tables';

export const privacyRequestKinds = ['correction', 'deletion'] as const;
export const privacyRequestFields = ['name', 'gender', 'birthDate', 'phone', 'idNumber', 'address', 'household', 'tags', 'other'] as const;
export const privacyRequestStatuses = ['pending', 'resolved', 'rejected'] as const;

/** A resident asks staff to correct (or delete) data held about them; staff resolve or reject it. */
export const privacyRequest = pgTable(
  'privacy_request',
  {
    id: id(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => orgNode.id),
    residentId: uuid('resident_id')
      .notNull()
      .references(() => resident.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => account.id),
    kind: text('kind', { enum: privacyRequestKinds }).notNull(),
    field: text('field', { enum: privacyRequestFields }).notNull(),
    /** What the data should say, encrypted (it may be an ID number or a phone). */
    requestedValueEnc: text('requested_value_enc'),
    reason: text('reason').notNull().default(''),
    status: text('status', { enum: privacyRequestStatuses }).notNull().default('pending'),
    responseNote: text('response_note'),
    handledBy: uuid('handled_by'),
    handledAt: tstz('handled_at'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('privacy_request_community_idx').on(t.communityId, t.status, t.createdAt), index('privacy_request_resident_idx').on(t.residentId)],
);

/**
 * Separate consent for a purpose involving sensitive data (health details, photos…), against a
 * version of the notice shown. `subjectKey` is the resident id, or `account:<id>` when the account
 * is not matched to a resident yet. A withdrawal closes the row; a new grant adds a row.
 */
export const consentRecord = pgTable(
  'consent_record',
  {
    id: id(),
    subjectKey: text('subject_key').notNull(),
    residentId: uuid('resident_id'),
    accountId: uuid('account_id').references(() => account.id, { onDelete: 'set null' }),
    communityId: uuid('community_id'),
    purpose: text('purpose').notNull(),
    noticeVersion: text('notice_version').notNull(),
    /** The account that gave consent: the subject, or the guardian of a minor. */
    grantedBy: uuid('granted_by').notNull(),
    grantedAt: tstz('granted_at').notNull().defaultNow(),
    withdrawnAt: tstz('withdrawn_at'),
    withdrawnBy: uuid('withdrawn_by'),
    ip: text('ip'),
  },
  (t) => [
    uniqueIndex('consent_record_one_active').on(t.subjectKey, t.purpose).where(sql`withdrawn_at IS NULL`),
    index('consent_record_subject_idx').on(t.subjectKey, t.grantedAt),
  ],
);

/** A guardian (监护人) of a minor under 14: the account that acts and consents for the minor. */
export const guardianLink = pgTable(
  'guardian_link',
  {
    id: id(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => orgNode.id),
    minorResidentId: uuid('minor_resident_id')
      .notNull()
      .references(() => resident.id),
    guardianAccountId: uuid('guardian_account_id')
      .notNull()
      .references(() => account.id),
    relation: text('relation').notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    revokedAt: tstz('revoked_at'),
    revokedBy: uuid('revoked_by'),
  },
  (t) => [
    uniqueIndex('guardian_link_one_active').on(t.minorResidentId, t.guardianAccountId).where(sql`revoked_at IS NULL`),
    index('guardian_link_guardian_idx').on(t.guardianAccountId),
  ],
);

/** How long each kind of record is kept before the retention job deletes or anonymizes it. */
export const retentionPolicy = pgTable('retention_policy', {
  recordKind: text('record_kind').primaryKey(),
  retainDays: integer('retain_days').notNull(),
  enabled: boolean('enabled').notNull().default(true),
  version: version(),
  updatedAt: updatedAt(),
  updatedBy: uuid('updated_by'),
});

/** One run of the retention job: what it removed or anonymized, per record kind. */
export const retentionRun = pgTable(
  'retention_run',
  {
    id: id(),
    startedAt: tstz('started_at').notNull().defaultNow(),
    finishedAt: tstz('finished_at'),
    results: jsonb('results').$type<Record<string, number>>().notNull().default({}),
    triggeredBy: text('triggered_by').notNull(),
  },
  (t) => [index('retention_run_started_idx').on(t.startedAt)],
);

export const securityAlertKinds = ['bulk_reveal', 'bulk_export'] as const;

/** Bulk reveals / exports by one account within one clock hour, over the threshold. */
export const securityAlert = pgTable(
  'security_alert',
  {
    id: id(),
    accountId: uuid('account_id').notNull(),
    accountName: text('account_name'),
    kind: text('kind', { enum: securityAlertKinds }).notNull(),
    windowStart: tstz('window_start').notNull(),
    count: integer('count').notNull(),
    threshold: integer('threshold').notNull(),
    status: text('status', { enum: ['open', 'acknowledged'] }).notNull().default('open'),
    note: text('note'),
    acknowledgedBy: uuid('acknowledged_by'),
    acknowledgedAt: tstz('acknowledged_at'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('security_alert_window_key').on(t.accountId, t.kind, t.windowStart), index('security_alert_status_idx').on(t.status, t.windowStart)],
);
