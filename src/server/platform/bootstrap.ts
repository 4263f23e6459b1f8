/** Brings a database to the current schema and catalog: migrations, then permissions and roles. */
import { policies } from '../modules';
import { buildCatalog } from './auth/roles';
import { syncPolicies } from './auth/sync';
import type { Database } from './db/client';
import { migrateDatabase } from './db/migrate';

export async function prepareDatabase(database: Database): Promise<void> {
  await migrateDatabase(database);
  await syncPolicies(database.db, buildCatalog(policies));
}
