/**
 * A fresh PostgreSQL database per benchmark (created on BENCH_DATABASE_URL / TEST_DATABASE_URL's
 * server, dropped afterwards), and the raw-SQL baseline runner: N operations released at once over
 * a `pg` pool as large as the app's.
 */
import pg from 'pg';
import { summarize, type LoadResult } from './load';

export const adminUrl = () => process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Runs fn with a new database (URL and a connected client); undefined when PostgreSQL is unreachable. */
export async function withPostgres<T>(label: string, fn: (databaseUrl: string, c: pg.Client) => Promise<T>): Promise<T | undefined> {
  const name = `tongxin_bench_${label}_${process.pid}`;
  const root = new pg.Client({ connectionString: adminUrl() });
  try {
    await root.connect();
    await root.query(`CREATE DATABASE ${name}`);
  } catch (err) {
    console.log(`(PostgreSQL skipped: ${(err as Error).message})`);
    await root.end().catch(() => {});
    return undefined;
  }
  const u = new URL(adminUrl());
  u.pathname = `/${name}`;
  const c = new pg.Client({ connectionString: u.toString() });
  try {
    await c.connect();
    return await fn(u.toString(), c);
  } finally {
    await c.end().catch(() => {});
    await root.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
    await root.end().catch(() => {});
  }
}

export interface RawOutcome<T> {
  values: Array<T | Error>;
  result: LoadResult;
}

/**
 * The baseline: `n` hand-written SQL operations started at once on a pool of `poolSize` connections
 * (the app's pool is 10), each timed from its start like an HTTP request.
 */
export async function rawBurst<T>(databaseUrl: string, n: number, op: (c: pg.PoolClient, i: number) => Promise<T>, poolSize = 10): Promise<RawOutcome<T>> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  await Promise.all(Array.from({ length: poolSize }, async () => (await pool.connect()).release()));
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const values = await Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const t = performance.now();
      const c = await pool.connect();
      try {
        return await op(c, i);
      } catch (err) {
        errors++;
        return err as Error;
      } finally {
        c.release();
        latencies.push(performance.now() - t);
      }
    }),
  );
  const elapsed = performance.now() - started;
  await pool.end();
  return { values, result: summarize(latencies, errors, elapsed) };
}

/** BEGIN … COMMIT around fn (ROLLBACK when it throws or returns false). */
export async function inTx<T>(c: pg.PoolClient, fn: () => Promise<T>): Promise<T> {
  await c.query('BEGIN');
  try {
    const v = await fn();
    await c.query(v === false ? 'ROLLBACK' : 'COMMIT');
    return v;
  } catch (err) {
    await c.query('ROLLBACK').catch(() => {});
    throw err;
  }
}
