/**
 * Faults: the database going away mid-request (PostgreSQL through a TCP proxy the test cuts and
 * restores), SIGKILL during a bulk write (nothing partial survives), and a job that crashes or
 * whose worker dies (retried, its effect happens once).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../../app';
import { loadConfig, projectRoot } from '../../config';
import { createAuditLog } from '../../platform/audit';
import { openPglite, openPostgres, type Database } from '../../platform/db/client';
import { bossAdapter, createJobQueue } from '../../platform/jobs';
import { adminUrl, openTestDatabase, testDbKind, urlFor } from '../../test/databases';
import { client, createTree, createUser, login, testCrypto } from '../../test/harness';
import { recordFigures, table } from './figures';

const figures: Array<[string, string, string]> = [];
const until = async (cond: () => Promise<boolean> | boolean, ms = 30_000, step = 100) => {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, step));
  }
};

afterAll(async () => {
  if (figures.length) await recordFigures(`faults-${testDbKind()}`, 'Faults survived', table(['fault', 'what the test does', 'outcome'], figures));
});

// ---- a TCP proxy in front of PostgreSQL -------------------------------------------------------

interface Proxy {
  port: number;
  /** Stop listening and drop every connection: the database is gone. */
  down(): Promise<void>;
  /** Listen again on the same port: the database is back. */
  up(): Promise<void>;
  /** Drop each connection as soon as it carries the next message (a query in flight dies). */
  cutInFlight(): void;
}

async function startProxy(target: { host: string; port: number }): Promise<Proxy> {
  const sockets = new Set<net.Socket>();
  let cut = false;
  const server = net.createServer((clientSocket) => {
    const upstream = net.connect(target.port, target.host);
    sockets.add(clientSocket).add(upstream);
    const drop = () => {
      clientSocket.destroy();
      upstream.destroy();
    };
    clientSocket.on('data', (chunk) => {
      if (cut) return drop();
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => clientSocket.write(chunk));
    for (const s of [clientSocket, upstream]) {
      s.on('error', drop);
      s.on('close', () => {
        sockets.delete(s);
        drop();
      });
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    async down() {
      cut = false;
      await new Promise<void>((r) => {
        server.close(() => r());
        for (const s of sockets) s.destroy();
      });
    },
    async up() {
      cut = false;
      await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
    },
    cutInFlight() {
      cut = true;
    },
  };
}

describe.runIf(testDbKind() === 'postgres')('the database goes away and comes back', () => {
  it('requests get 503 with Retry-After while it is gone (even mid-request) and succeed again by themselves when it is back', async () => {
    const name = `${inject('pgTemplate')}_f_${process.pid}_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: adminUrl() });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('pgTemplate')}`);
    await admin.end();
    const real = new URL(urlFor(name));
    const proxy = await startProxy({ host: real.hostname, port: Number(real.port || 5432) });
    const viaProxy = new URL(real);
    viaProxy.port = String(proxy.port);
    const database = await openPostgres(viaProxy.toString(), { max: 4 });
    const tree = await createTree(database);
    const user = await createUser(database, [['community_staff', tree.communityA1]]);
    const config = { ...loadConfig({ NODE_ENV: 'test' } as NodeJS.ProcessEnv, []), demo: false, jobs: false, webDir: '/nonexistent', logLevel: 'silent' };
    const app = await buildApp({ config, database, crypto: testCrypto, startJobs: false });
    try {
      const staff = await login(app, user.username);
      const read = () => staff.get(`/api/v1/orgs/${tree.communityA1.id}`);
      expect((await read()).status).toBe(200);

      // A query in flight loses its connection.
      proxy.cutInFlight();
      const inFlight = await read();
      expect(inFlight.status).toBe(503);
      expect(inFlight.headers['retry-after']).toBe('5');
      expect(inFlight.body.error.code).toBe('service_unavailable');
      expect(JSON.stringify(inFlight.body)).not.toMatch(/Connection|terminated|ECONN|select/i);

      // The database is gone altogether.
      await proxy.down();
      const gone = await read();
      expect(gone.status).toBe(503);
      expect(gone.headers['retry-after']).toBe('5');
      expect((await client(app).get('/api/v1/health')).status).toBe(503);
      const write = await staff.post('/api/v1/auth/logout');
      expect(write.status).toBe(503);

      // Back: the pool reconnects on its own, no restart.
      await proxy.up();
      const back = Date.now();
      await until(async () => (await read()).status === 200, 20_000, 50);
      const recoveredMs = Date.now() - back;
      expect((await client(app).get('/api/v1/health')).status).toBe(200);
      figures.push(['database cut mid-request', 'TCP proxy drops the connection carrying a query', `503 service_unavailable, Retry-After: 5, no internals in the body`]);
      figures.push(['database gone', 'proxy stops listening; reads, writes and /health', '503 with Retry-After for each; nothing crashed']);
      figures.push(['database back', 'proxy listens again; same server process', `first success ${recoveredMs} ms later, no restart`]);
    } finally {
      await app.close();
      await database.close();
      await proxy.down().catch(() => {});
      const a = new pg.Client({ connectionString: adminUrl() });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
      await a.end();
    }
  });
});

// ---- SIGKILL during a bulk write --------------------------------------------------------------

interface Child {
  proc: ChildProcess;
  lines: string[];
  exited: Promise<number | null>;
}

function child(args: string[], env: Record<string, string>): Child {
  const clean = { ...process.env };
  delete clean.DATABASE_URL;
  delete clean.DATA_DIR;
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/server/modules/security/fault-child.ts', ...args], { cwd: projectRoot, env: { ...clean, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let buf = '';
  proc.stdout!.on('data', (d) => {
    buf += d;
    const parts = buf.split('\n');
    buf = parts.pop()!;
    lines.push(...parts);
  });
  let err = '';
  proc.stderr!.on('data', (d) => (err += d));
  const exited = new Promise<number | null>((r) => proc.on('exit', (code) => r(code)));
  void exited.then(() => err && !lines.includes('committed') && lines.push(`stderr: ${err.slice(-500)}`));
  return { proc, lines, exited };
}

/** A database the child can open by itself: a PGlite directory, or a PostgreSQL database of its own. */
async function sharedDatabase(): Promise<{ env: Record<string, string>; open(): Promise<Database>; drop(): Promise<void> }> {
  if (testDbKind() === 'pglite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'tongxin-fault-'));
    const first = await openPglite({ dataDir: dir, loadDataDir: new Blob([readFileSync(inject('pgliteTemplate'))]) });
    await first.close();
    return { env: { DATA_DIR: dir }, open: () => openPglite({ dataDir: dir }), drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `${inject('pgTemplate')}_k_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('pgTemplate')}`);
  await admin.end();
  return {
    env: { DATABASE_URL: urlFor(name) },
    open: () => openPostgres(urlFor(name), { max: 2 }),
    async drop() {
      const a = new pg.Client({ connectionString: adminUrl() });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
      await a.end();
    },
  };
}

describe('SIGKILL during a bulk write', () => {
  it('leaves no row of the killed transaction behind, and the same job run to the end writes them all', async () => {
    const shared = await sharedDatabase();
    try {
      let db = await shared.open();
      const tree = await createTree(db);
      const user = await createUser(db, [['community_staff', tree.communityA1]]);
      const auditBefore = (await createAuditLog(db.db).verify()).checked;
      await db.close();

      const killed = child(['bulk', user.id, '20000'], shared.env);
      await until(() => killed.lines.some((l) => /^batch ([3-9]|\d\d)/.test(l)) || killed.lines.some((l) => l.startsWith('stderr')), 120_000, 10);
      const batchesWritten = killed.lines.filter((l) => l.startsWith('batch')).length;
      killed.proc.kill('SIGKILL');
      await killed.exited;
      expect(batchesWritten).toBeGreaterThanOrEqual(3);
      expect(killed.lines).not.toContain('committed');

      // Reopen (PGlite recovers its data directory; the stale lock of the dead process is taken over).
      db = await shared.open();
      const count = async () => Number((await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM notification WHERE kind = 'fault.bulk'`))[0]!.n);
      expect(await count()).toBe(0);
      const verified = await createAuditLog(db.db).verify();
      expect(verified).toMatchObject({ ok: true, checked: auditBefore });
      await db.close();

      const full = child(['bulk', user.id, '3000'], shared.env);
      expect(await full.exited).toBe(0);
      expect(full.lines).toContain('committed');
      db = await shared.open();
      expect(await count()).toBe(3000);
      expect((await createAuditLog(db.db).verify()).ok).toBe(true);
      await db.close();
      figures.push(['SIGKILL during a bulk write', `kill -9 after ${batchesWritten} of 40 batches (500 rows each, one transaction)`, '0 rows left behind; audit chain verifies; the full run afterwards writes all rows']);
    } finally {
      await shared.drop();
    }
  }, 240_000);
});

// ---- jobs that crash --------------------------------------------------------------------------

describe('a job that crashes', () => {
  it('is retried and its effect happens once', async () => {
    const database = await openTestDatabase();
    try {
      await database.exec(`CREATE TABLE fault_job_effect (job_id text PRIMARY KEY, worker text NOT NULL, at timestamptz NOT NULL DEFAULT now())`);
      let attempts = 0;
      let completions = 0;
      const queue = createJobQueue(database, { error: () => {}, info: () => {} });
      await queue.start([
        {
          name: 'fault.flaky',
          retryLimit: 3,
          retryDelaySeconds: 1,
          async handler(_data, job) {
            attempts++;
            await database.db.transaction(async (tx) => {
              await tx.execute(sql`INSERT INTO fault_job_effect (job_id, worker) VALUES (${job.jobId}, 'parent') ON CONFLICT DO NOTHING`);
              if (attempts === 1) throw new Error('crash in the middle of the job');
            });
            completions++;
          },
        },
      ]);
      try {
        const id = await queue.send('fault.flaky', {});
        await until(() => completions === 1, 60_000);
        await new Promise((r) => setTimeout(r, 2500)); // a second run would show up here
        expect(attempts).toBe(2);
        expect(completions).toBe(1);
        const effects = await database.query<{ job_id: string }>(`SELECT job_id FROM fault_job_effect`);
        expect(effects).toEqual([{ job_id: id }]);
        const [state] = await database.query<{ state: string; retry_count: number }>(`SELECT state, retry_count FROM pgboss.job WHERE id = $1`, [id]);
        expect(state).toMatchObject({ state: 'completed', retry_count: 1 });
        figures.push(['job throws mid-way', 'handler fails on its first attempt inside its transaction', 'rolled back, retried once, completed once, effect written once']);
      } finally {
        await queue.stop();
      }
    } finally {
      await database.close();
    }
  }, 120_000);

  it.runIf(testDbKind() === 'postgres')('whose worker process is killed is taken over by another worker, and its effect still happens once', async () => {
    const shared = await sharedDatabase();
    try {
      const database = await shared.open();
      await database.exec(`CREATE TABLE fault_job_effect (job_id text PRIMARY KEY, worker text NOT NULL, at timestamptz NOT NULL DEFAULT now())`);
      const name = 'fault.frozen';
      const frozen = child(['job', name], shared.env);
      await until(() => frozen.lines.includes('worker ready') || frozen.lines.some((l) => l.startsWith('stderr')), 60_000);
      const queue = createJobQueue(database, { error: () => {}, info: () => {} });
      // The parent's supervisor expires jobs whose worker went silent (pg-boss maintenance, every second here).
      const supervisor = new PgBoss({ db: bossAdapter(database), schema: 'pgboss', maintenanceIntervalSeconds: 1 } as ConstructorParameters<typeof PgBoss>[0]);
      await supervisor.start();
      let completions = 0;
      try {
        // First the parent only sends (the queue exists: the child created it), so the child picks the job.
        await queue.start([]);
        const id = await queue.send(name, {});
        await until(() => frozen.lines.includes('effect committed'), 60_000);
        frozen.proc.kill('SIGKILL');
        await frozen.exited;
        await queue.stop();
        // Now a healthy worker takes over once the job has expired.
        await queue.start([
          {
            name,
            retryLimit: 3,
            retryDelaySeconds: 1,
            expireInSeconds: 2,
            async handler(_data, job) {
              await database.query(`INSERT INTO fault_job_effect (job_id, worker) VALUES ($1, 'parent') ON CONFLICT DO NOTHING`, [job.jobId]);
              completions++;
            },
          },
        ]);
        await until(async () => (await database.query<{ state: string }>(`SELECT state FROM pgboss.job WHERE id = $1`, [id]))[0]?.state === 'completed', 90_000, 250);
        const effects = await database.query<{ job_id: string; worker: string }>(`SELECT job_id, worker FROM fault_job_effect`);
        expect(effects).toEqual([{ job_id: id, worker: 'child' }]);
        expect(completions).toBe(1);
        figures.push(['worker killed mid-job', 'kill -9 of the worker process after its effect committed, before it reported completion', 'job expired, retried by another worker; effect once (idempotent handler), completed once']);
      } finally {
        await queue.stop();
        await supervisor.stop({ graceful: false, close: false } as never);
        await database.close();
      }
    } finally {
      await shared.drop();
    }
  }, 180_000);
});
