/**
 * Test databases. Migrating per test file would be slow, so global setup migrates once into a
 * template (a PGlite data-dir dump, or a PostgreSQL TEMPLATE database) and each test file starts
 * from a private copy: files never share data and run in parallel.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { openPglite, openPostgres, type Database } from '../platform/db/client';

export type TestDbKind = 'pglite' | 'postgres';

export const testDbKind = (): TestDbKind => (process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite');

export function adminUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  return url;
}

/** The URL of another database on the same server as TEST_DATABASE_URL. */
export function urlFor(database: string): string {
  const u = new URL(adminUrl());
  u.pathname = `/${database}`;
  return u.toString();
}

export async function openTestDatabase(): Promise<Database> {
  if (testDbKind() === 'pglite') {
    const template = inject('pgliteTemplate');
    if (!template) throw new Error('pgliteTemplate missing: run tests through vitest (global setup)');
    return openPglite({ loadDataDir: new Blob([readFileSync(template)]) });
  }
  const templateDb = inject('pgTemplate');
  if (!templateDb) throw new Error('pgTemplate missing: run tests through vitest (global setup)');
  const name = `${templateDb}_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${templateDb}`);
  } finally {
    await admin.end();
  }
  const database = await openPostgres(urlFor(name), { max: 10 });
  const close = database.close;
  database.close = async () => {
    await close();
    const a = new pg.Client({ connectionString: adminUrl() });
    await a.connect();
    await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
    await a.end();
  };
  return database;
}
