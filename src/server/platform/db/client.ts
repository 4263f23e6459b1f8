/**
 * Opens the one database the process uses: embedded PGlite (a data directory, one connection,
 * guarded by a lock file) or a PostgreSQL server through a `pg` pool. Both speak the same SQL and
 * run the same migrations; everything above this file sees only `Database`.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
import pg from 'pg';
import type { DbKind } from '../../config';

export type Db = PgDatabase<PgQueryResultHKT>;
export type Tx = PgTransaction<PgQueryResultHKT, Record<string, never>, ExtractTablesWithRelations<Record<string, never>>>;
/** Anything that can run a query: the database or an open transaction. */
export type Queryable = Db | Tx;

export interface Database {
  kind: DbKind;
  db: Db;
  /** Parameterized raw SQL, for the few places that are not drizzle queries (job queue adapter, maintenance). */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Several statements separated by `;`, no parameters. */
  exec(text: string): Promise<void>;
  close(): Promise<void>;
  pglite?: PGlite;
  pool?: pg.Pool;
}

export const pgliteExtensions = { pg_trgm, btree_gist, ltree };

/** Rows of a drizzle `db.execute(sql)` on either driver. */
export async function rows<T>(db: Queryable, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export class DataDirLockedError extends Error {}

const inTransaction = new AsyncLocalStorage<true>();
const rootMethods = new Set(['select', 'selectDistinct', 'selectDistinctOn', 'insert', 'update', 'delete', 'execute', 'with', 'transaction', 'refreshMaterializedView']);

/**
 * Inside `db.transaction(fn)`, every query must go through the `tx` handed to `fn`. Using the root
 * `db` there is a bug: on PostgreSQL it runs outside the transaction (sees uncommitted nothing,
 * commits on its own); on PGlite, a single connection, it waits for the transaction forever. The
 * guard turns that silent deadlock into an immediate error, in tests and in production alike.
 */
export function guardRootDb(db: Db): Db {
  return new Proxy(db, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof prop !== 'string' || !rootMethods.has(prop) || typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (inTransaction.getStore()) {
          throw new Error(`db.${prop}() called inside a transaction: use the transaction handle (tx) instead`);
        }
        if (prop === 'transaction') {
          const [fn, ...rest] = args as [(tx: Tx) => Promise<unknown>, ...unknown[]];
          return (value as (...a: unknown[]) => unknown).call(target, (tx: Tx) => inTransaction.run(true, () => fn(tx)), ...rest);
        }
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

/**
 * A second process on the same PGlite directory would corrupt it, so the directory carries a
 * lock file holding the owner's pid. A stale lock (owner gone) is taken over.
 */
export function acquireDirLock(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'tongxin.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        rmSync(file, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = Number(readFileSync(file, 'utf8').trim());
      if (owner && owner !== process.pid && isAlive(owner)) {
        throw new DataDirLockedError(
          `The data directory ${dir} is in use by another Tongxin process (pid ${owner}). ` +
            `Stop it first, or start this one with another DATA_DIR, or use DATABASE_URL for several instances.`,
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new DataDirLockedError(`Could not lock ${dir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface OpenPgliteOptions {
  /** Data directory; undefined = in memory. */
  dataDir?: string;
  /** A dump (from `dumpDataDir`) to start from, used by tests to skip migrations. */
  loadDataDir?: Blob | File;
}

export async function openPglite(opts: OpenPgliteOptions): Promise<Database> {
  const release = opts.dataDir ? acquireDirLock(opts.dataDir) : () => {};
  let client: PGlite;
  try {
    client = await PGlite.create({
      dataDir: opts.dataDir ? path.join(opts.dataDir, 'pglite') : undefined,
      extensions: pgliteExtensions,
      loadDataDir: opts.loadDataDir,
    });
  } catch (err) {
    release();
    throw err;
  }
  const db = guardRootDb(drizzlePglite(client) as unknown as Db);
  let closed = false;
  return {
    kind: 'pglite',
    db,
    pglite: client,
    async query(text, params) {
      const r = await client.query(text, params ?? []);
      return r.rows as never[];
    },
    async exec(text) {
      await client.exec(text);
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        await client.close();
      } finally {
        release();
      }
    },
  };
}

export async function openPostgres(url: string, opts: { max?: number } = {}): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    // A burst (a course opening, a wish wall) queues for a connection instead of failing: every
    // request holds one for milliseconds, so a long queue drains fast; past 30 s it is a 503.
    max: opts.max ?? (Number(process.env.DATABASE_POOL_SIZE) || 20),
    connectionTimeoutMillis: 30_000,
    idleTimeoutMillis: 30_000,
    application_name: 'tongxin',
  });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const db = guardRootDb(drizzlePg(pool) as unknown as Db);
  let closed = false;
  return {
    kind: 'postgres',
    db,
    pool,
    async query(text, params) {
      const r = await pool.query(text, params ?? []);
      return r.rows as never[];
    },
    async exec(text) {
      await pool.query(text);
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

export async function openDatabase(opts: { databaseUrl?: string; dataDir: string }): Promise<Database> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openPglite({ dataDir: opts.dataDir });
}
