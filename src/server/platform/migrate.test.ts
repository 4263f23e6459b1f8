import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { adminUrl, testDbKind, urlFor } from '../test/databases';
import { prepareDatabase } from './bootstrap';
import { openPostgres } from './db/client';

describe.runIf(testDbKind() === 'postgres')('migrations on PostgreSQL', () => {
  it('two instances starting together migrate exactly once', async () => {
    const name = `tongxin_tpl_${process.pid}_mig_${Date.now()}`;
    const admin = new pg.Client({ connectionString: adminUrl() });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    try {
      const [a, b] = await Promise.all([openPostgres(urlFor(name)), openPostgres(urlFor(name))]);
      await Promise.all([prepareDatabase(a), prepareDatabase(b)]);
      const applied = await a.query<{ n: number }>('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations');
      const files = (await import('node:fs')).readdirSync(new URL('../../../migrations', import.meta.url)).filter((f) => f.endsWith('.sql'));
      expect(applied[0]!.n).toBe(files.length);
      await Promise.all([a.close(), b.close()]);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
