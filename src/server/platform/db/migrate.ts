/**
 * Applies the drizzle-kit migrations in `migrations/` at start. On PostgreSQL the run holds a
 * session advisory lock, so that several instances starting together migrate exactly once (the
 * others wait, then find nothing to do). PGlite has one process by construction (lock file).
 */
import path from 'node:path';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { projectRoot } from '../../config';
import type { Database } from './client';

export const migrationsFolder = path.join(projectRoot, 'migrations');
/** Arbitrary constant: "tongxin migrate". */
const MIGRATION_LOCK_KEY = 7_262_011_001;

export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    await migratePglite(database.db as never, { migrationsFolder });
    return;
  }
  const client = await database.pool!.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await migratePg(database.db as never, { migrationsFolder });
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
    client.release();
  }
}
