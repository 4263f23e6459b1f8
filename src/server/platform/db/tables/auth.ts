import { boolean, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tstz, updatedAt, version } from '../columns';
import { orgNode } from './org';

export const account = pgTable(
  'account',
  {
    id: id(),
    /** Stored lower-case; unique across the deployment. */
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    status: text('status', { enum: ['active', 'disabled'] }).notNull().default('active'),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: tstz('locked_until'),
    passwordChangedAt: tstz('password_changed_at').notNull().defaultNow(),
    lastLoginAt: tstz('last_login_at'),
    /** Set for resident accounts once matched to a resident record (places module). */
    residentId: uuid('resident_id'),
    /** Demo accounts carry the published demo password; they are refused in production. */
    isDemo: boolean('is_demo').notNull().default(false),
    /** Per-user UI preferences (language, elderly mode). Not personal data. */
    preferences: jsonb('preferences').$type<Record<string, unknown>>().notNull().default({}),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('account_username_key').on(t.username)],
);

export const role = pgTable('role', {
  key: text('key').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  builtin: boolean('builtin').notNull().default(true),
  /** 三员分立: 'system' | 'security' | 'audit' for the three admin roles; one account holds at most one. */
  adminKind: text('admin_kind', { enum: ['system', 'security', 'audit'] }),
});

export const permission = pgTable('permission', {
  key: text('key').primaryKey(),
  module: text('module').notNull(),
});

export const rolePermission = pgTable(
  'role_permission',
  {
    roleKey: text('role_key').notNull().references(() => role.key, { onDelete: 'cascade' }),
    permissionKey: text('permission_key').notNull().references(() => permission.key, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.roleKey, t.permissionKey] })],
);

/** Binds a role to an account at an org node; the scope is that node's subtree. */
export const roleAssignment = pgTable(
  'role_assignment',
  {
    id: id(),
    accountId: uuid('account_id').notNull().references(() => account.id, { onDelete: 'cascade' }),
    roleKey: text('role_key').notNull().references(() => role.key),
    orgId: uuid('org_id').notNull().references(() => orgNode.id),
    createdAt: createdAt(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    uniqueIndex('role_assignment_unique').on(t.accountId, t.roleKey, t.orgId),
    index('role_assignment_org_idx').on(t.orgId),
  ],
);

/** Server-side sessions: the cookie carries a random token, the table stores only its SHA-256. */
export const session = pgTable(
  'session',
  {
    id: text('id').primaryKey(),
    accountId: uuid('account_id').notNull().references(() => account.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    lastSeenAt: tstz('last_seen_at').notNull().defaultNow(),
    expiresAt: tstz('expires_at').notNull(),
    revokedAt: tstz('revoked_at'),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('session_account_idx').on(t.accountId)],
);
