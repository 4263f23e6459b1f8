import { bigint, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tstz, updatedAt } from '../columns';
import { account } from './auth';

/**
 * Second factor (TOTP) of an account. The secret is encrypted at rest; `enabledAt` is null while
 * an enrollment waits for its first code. `lastTimeStep` is the 30-second step of the last code
 * accepted, so a code can never be used twice (replay), even by two requests at once.
 */
export const mfaFactor = pgTable('mfa_factor', {
  accountId: uuid('account_id')
    .primaryKey()
    .references(() => account.id, { onDelete: 'cascade' }),
  secretEnc: text('secret_enc').notNull(),
  enabledAt: tstz('enabled_at'),
  lastTimeStep: bigint('last_time_step', { mode: 'number' }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** One-time recovery codes, stored as keyed hashes; `usedAt` set once, by a conditional update. */
export const mfaRecoveryCode = pgTable(
  'mfa_recovery_code',
  {
    id: id(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => account.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: tstz('used_at'),
    createdAt: createdAt(),
  },
  (t) => [index('mfa_recovery_code_account_idx').on(t.accountId, t.codeHash)],
);

/**
 * The second step of a sign-in: issued after a correct password to an account with MFA, valid for
 * a few minutes, consumed by the first correct code. Only SHA-256 of the token is stored.
 */
export const mfaChallenge = pgTable(
  'mfa_challenge',
  {
    id: text('id').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => account.id, { onDelete: 'cascade' }),
    expiresAt: tstz('expires_at').notNull(),
    usedAt: tstz('used_at'),
    attempts: integer('attempts').notNull().default(0),
    ip: text('ip'),
    createdAt: createdAt(),
  },
  (t) => [index('mfa_challenge_account_idx').on(t.accountId)],
);
