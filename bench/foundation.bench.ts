/**
 * Issue 3 benchmark. Printed side by side, in one run, on the same data:
 * - GET /api/v1/me through the full stack vs a bare fastify + driver handler running the same
 *   queries (requests/s, p99, ratio), on PGlite and on PostgreSQL;
 * - start time of `npm start` on a fresh data directory (migrate + seed) and on an existing one.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { fmt, load, type LoadResult } from './lib/load';
import { signIn } from './lib/http';
import { startTs } from './lib/process';

const DURATION = Number(process.env.BENCH_SECONDS ?? 5) * 1000;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);

async function meRun(url: string, cookie: string): Promise<LoadResult> {
  await load({ url: `${url}/api/v1/me`, headers: { cookie }, concurrency: 4, durationMs: 1000 }); // warm-up
  return load({ url: `${url}/api/v1/me`, headers: { cookie }, concurrency: CONCURRENCY, durationMs: DURATION });
}

async function compare(kind: 'pglite' | 'postgres', env: Record<string, string>) {
  const app = await startTs('bench/servers/app.ts', env);
  const cookie = await signIn(app.url, 'sysadmin');
  const full = await meRun(app.url, cookie);
  await app.stop();
  const bare = await startTs('bench/servers/bare.ts', env);
  const baseline = await meRun(bare.url, cookie);
  await bare.stop();
  return { kind, full, baseline };
}

export async function run(): Promise<void> {
  console.log(`\n## Foundation — GET /api/v1/me (${CONCURRENCY} concurrent, ${DURATION / 1000} s each)`);
  const results = [];
  const dir = mkdtempSync(path.join(tmpdir(), 'tx-bench-'));
  results.push(await compare('pglite', { DATA_DIR: dir }));
  const admin = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const dbName = `tongxin_bench_${process.pid}`;
  const c = new pg.Client({ connectionString: admin });
  try {
    await c.connect();
    await c.query(`CREATE DATABASE ${dbName}`);
    const u = new URL(admin);
    u.pathname = `/${dbName}`;
    results.push(await compare('postgres', { DATABASE_URL: u.toString(), DATA_DIR: dir }));
  } catch (err) {
    console.log(`(PostgreSQL skipped: ${(err as Error).message})`);
  } finally {
    await c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => {});
    await c.end().catch(() => {});
  }
  console.table(
    results.map(({ kind, full, baseline }) => ({
      database: kind,
      'full stack req/s': fmt(full.rps, 0),
      'full p99 ms': fmt(full.p99, 2),
      'bare req/s': fmt(baseline.rps, 0),
      'bare p99 ms': fmt(baseline.p99, 2),
      'full/bare throughput': fmt(full.rps / baseline.rps, 2),
      errors: full.errors + baseline.errors,
    })),
  );
  if (results.length === 2) console.log(`PGlite vs PostgreSQL (full stack throughput): ${fmt(results[0]!.full.rps / results[1]!.full.rps, 2)}×`);
  rmSync(dir, { recursive: true, force: true });

  console.log('\n## Start time of `npm start` (web build skipped)');
  const startDir = mkdtempSync(path.join(tmpdir(), 'tx-start-'));
  const times: Array<Record<string, string>> = [];
  for (const label of ['fresh data directory (migrate + seed)', 'existing data directory', 'existing data directory (again)']) {
    const s = await startTs('src/server/main.ts', { DATA_DIR: startDir, SKIP_WEB_BUILD: '1', TONGXIN_JOBS: '1' }, { readyByHealth: true });
    times.push({ start: label, 'ready in s': fmt(s.readyMs / 1000, 2) });
    await s.stop();
  }
  console.table(times);
  rmSync(startDir, { recursive: true, force: true });
}
