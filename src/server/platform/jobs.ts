/**
 * Background work through pg-boss 10 — on PostgreSQL and, through a small adapter, on PGlite too,
 * so one queue implementation serves both (docs/decisions/002-job-queue.md). Jobs live in the
 * database: N instances share them, a job is fetched by one worker (SKIP LOCKED), failed jobs are
 * retried, and a cron schedule produces one job per tick however many instances run it.
 */
import PgBoss from 'pg-boss';
import type { Database } from './db/client';

export interface JobContext {
  jobId: string;
  /** 0 on the first try. */
  attempt: number;
}

export interface JobDefinition<T extends object = Record<string, unknown>> {
  name: string;
  handler: (data: T, ctx: JobContext) => Promise<void>;
  /** Five-field cron in `tz` (default Asia/Shanghai), e.g. '*\/5 * * * *'. */
  cron?: string;
  tz?: string;
  retryLimit?: number;
  retryDelaySeconds?: number;
  expireInSeconds?: number;
}

export interface SendOptions {
  /** At most one job with this key per `singletonSeconds` window. */
  singletonKey?: string;
  singletonSeconds?: number;
  startAfterSeconds?: number;
}

export interface JobQueue {
  readonly running: boolean;
  start(defs: readonly JobDefinition<never>[]): Promise<void>;
  send(name: string, data?: object, opts?: SendOptions): Promise<string | null>;
  stop(): Promise<void>;
}

interface SqlResult {
  rows: unknown[];
  rowCount: number;
}

/** pg-boss talks to the database through `executeSql`; multi-statement text goes through the simple protocol. */
export function bossAdapter(database: Database): { executeSql(text: string, values?: unknown[]): Promise<SqlResult> } {
  if (database.kind === 'pglite') {
    const client = database.pglite!;
    return {
      async executeSql(text, values) {
        if (!values || values.length === 0) {
          const results = await client.exec(text);
          const last = results[results.length - 1];
          return { rows: last?.rows ?? [], rowCount: last?.affectedRows ?? last?.rows.length ?? 0 };
        }
        const r = await client.query(text, values);
        return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
      },
    };
  }
  const pool = database.pool!;
  return {
    async executeSql(text, values) {
      const r = (await pool.query(text, values as unknown[] | undefined)) as unknown;
      const last = (Array.isArray(r) ? r[r.length - 1] : r) as { rows?: unknown[]; rowCount?: number | null } | undefined;
      return { rows: last?.rows ?? [], rowCount: last?.rowCount ?? 0 };
    },
  };
}

export function createJobQueue(database: Database, log: { error(obj: unknown, msg?: string): void; info(obj: unknown, msg?: string): void }): JobQueue {
  let boss: PgBoss | null = null;
  return {
    get running() {
      return boss !== null;
    },
    async start(defs) {
      if (boss) return;
      const instance = new PgBoss({
        db: bossAdapter(database),
        schema: 'pgboss',
        // PGlite is one connection: keep the background chatter modest.
        maintenanceIntervalSeconds: 300,
      } as ConstructorParameters<typeof PgBoss>[0]);
      instance.on('error', (err) => log.error({ err }, 'job queue error'));
      await instance.start();
      for (const def of defs) {
        await instance.createQueue(def.name, {
          name: def.name,
          retryLimit: def.retryLimit ?? 3,
          retryDelay: def.retryDelaySeconds ?? 30,
          retryBackoff: true,
          expireInSeconds: def.expireInSeconds ?? 15 * 60,
        });
        await instance.work(def.name, { pollingIntervalSeconds: 2, batchSize: 1 }, async (jobs) => {
          for (const job of jobs) {
            await def.handler(job.data as never, { jobId: job.id, attempt: 0 });
          }
        });
        if (def.cron) await instance.schedule(def.name, def.cron, {}, { tz: def.tz ?? 'Asia/Shanghai' });
        else await instance.unschedule(def.name).catch(() => {});
      }
      boss = instance;
      log.info({ jobs: defs.map((d) => d.name) }, 'job queue started');
    },
    async send(name, data = {}, opts = {}) {
      if (!boss) throw new Error('job queue is not running');
      return boss.send(name, data, {
        ...(opts.singletonKey ? { singletonKey: opts.singletonKey } : {}),
        ...(opts.singletonSeconds ? { singletonSeconds: opts.singletonSeconds } : {}),
        ...(opts.startAfterSeconds ? { startAfter: opts.startAfterSeconds } : {}),
      });
    },
    async stop() {
      if (!boss) return;
      const b = boss;
      boss = null;
      await b.stop({ graceful: true, wait: true, timeout: 10_000, close: false } as never);
    },
  };
}
