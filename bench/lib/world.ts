/**
 * Helpers for the bench fixtures (they run inside bench/servers/fixture-app.ts): many signed-in
 * accounts at once without the password round trip, and starting the fixture server from a suite.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RoleKey } from '../../src/server/platform/auth/roles';
import { SESSION_COOKIE, createSession } from '../../src/server/platform/auth/sessions';
import { createUser, type OrgRef, type TestContext, type TestUser } from '../../src/server/test/harness';
import { startTs, type Running } from './process';

/** An account with roles and a live session (inserted directly: argon2 sign-ins for 1,000 people would dominate the setup). */
export async function sessionUser(ctx: TestContext, roles: Array<[RoleKey, OrgRef]>): Promise<TestUser & { cookie: string }> {
  const user = await createUser(ctx.database, roles);
  const { token } = await createSession(ctx.database.db, user.id, { idleMinutes: 600, absoluteHours: 12 }, { ip: null, userAgent: null });
  return { ...user, cookie: `${SESSION_COOKIE}=${token}` };
}

/** Runs `fn` n times, `width` at a time. */
export async function times<T>(n: number, fn: (i: number) => Promise<T>, width = 8): Promise<T[]> {
  const out: T[] = new Array(n);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, n) }, async () => {
      while (next < n) {
        const i = next++;
        out[i] = await fn(i);
      }
    }),
  );
  return out;
}

export type Engine = 'pglite' | 'postgres';

/** Starts the fixture server for a suite on PGlite (databaseUrl undefined) or PostgreSQL; answers the app and the world it built. */
export async function startWorld<W>(fixture: string, databaseUrl: string | undefined, args: Record<string, unknown> = {}): Promise<{ app: Running; world: W; setupSeconds: number; cleanup(): Promise<void> }> {
  const dir = mkdtempSync(path.join(tmpdir(), `tx-bench-${fixture}-`));
  const out = path.join(dir, 'world.json');
  const started = performance.now();
  const app = await startTs(
    'bench/servers/fixture-app.ts',
    { ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}), DATA_DIR: path.join(dir, 'data'), BENCH_FIXTURE: fixture, BENCH_FIXTURE_OUT: out, BENCH_FIXTURE_ARGS: JSON.stringify(args) },
    { timeoutMs: 600_000 },
  );
  const world = JSON.parse(readFileSync(out, 'utf8')) as W;
  return {
    app,
    world,
    setupSeconds: (performance.now() - started) / 1000,
    async cleanup() {
      await app.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Runs a suite's measurement on each engine with a fresh world: PGlite (a new data directory;
 * skipped with BENCH_SKIP_PGLITE=1; suites where it takes minutes leave it out unless
 * BENCH_PGLITE=1) and PostgreSQL (a new database; its URL is passed on so the
 * suite can run the raw-SQL baseline on the same data). The fixture gets `engine` among its args
 * (baseline objects are only needed on PostgreSQL).
 */
export async function onEngines<W, R>(
  fixture: string,
  args: Record<string, unknown>,
  fn: (engine: Engine, url: string, world: W, databaseUrl?: string) => Promise<R>,
  opts: { pglite?: boolean } = {},
): Promise<Array<{ engine: Engine; setupSeconds: number; result: R }>> {
  const out: Array<{ engine: Engine; setupSeconds: number; result: R }> = [];
  const { withPostgres } = await import('./postgres');
  const pglite = process.env.BENCH_PGLITE === '1' || ((opts.pglite ?? true) && !process.env.BENCH_SKIP_PGLITE);
  if (pglite) {
    const s = await startWorld<W>(fixture, undefined, { ...args, engine: 'pglite' });
    try {
      out.push({ engine: 'pglite', setupSeconds: s.setupSeconds, result: await fn('pglite', s.app.url, s.world) });
    } finally {
      await s.cleanup();
    }
  }
  await withPostgres(fixture, async (databaseUrl) => {
    const s = await startWorld<W>(fixture, databaseUrl, { ...args, engine: 'postgres' });
    try {
      out.push({ engine: 'postgres', setupSeconds: s.setupSeconds, result: await fn('postgres', s.app.url, s.world, databaseUrl) });
    } finally {
      await s.cleanup();
    }
  });
  return out;
}
