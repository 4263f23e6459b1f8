/**
 * The restore drill: back up the demo district with `npm run backup`, restore it with
 * `npm run restore` into a new directory / database, and compare every table's row count and the
 * audit chain — then sign in on the restored copy. Runs on the project's database kind.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { buildApp } from '../../app';
import { loadConfig, projectRoot } from '../../config';
import { systemActor } from '../../platform/auth/actor';
import { createAuditLog } from '../../platform/audit';
import { prepareDatabase } from '../../platform/bootstrap';
import { openPglite, openPostgres, type Database } from '../../platform/db/client';
import { demoSeeders, DEMO_PASSWORD } from '../../seed';
import { runSeeders } from '../../seed/runner';
import { adminUrl, testDbKind, urlFor } from '../../test/databases';
import { client, testCrypto } from '../../test/harness';
import { databaseFacts, type DatabaseFacts } from './backup';
import { recordFigures, table } from './figures';

interface Ran {
  code: number;
  out: string;
  ms: number;
}

function runScript(script: string, args: string[], env: Record<string, string | undefined>): Promise<Ran> {
  const started = Date.now();
  return new Promise((resolve) => {
    const clean = { ...process.env };
    delete clean.DATABASE_URL;
    delete clean.NODE_ENV;
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: projectRoot, env: { ...clean, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => resolve({ code: code ?? -1, out, ms: Date.now() - started }));
  });
}

const restoreCheckOf = (out: string) => JSON.parse(out.split('\n').find((l) => l.startsWith('{"restoreCheck"'))!).restoreCheck;

/** The demo district plus some audited activity, as a fresh deployment would hold it. */
async function seedDemo(database: Database): Promise<void> {
  await prepareDatabase(database); // a no-op on a migrated template
  await runSeeders(database.db, demoSeeders, { crypto: testCrypto, options: { small: true }, now: new Date(), log: { info: () => {} } });
  const audit = createAuditLog(database.db);
  for (let i = 0; i < 5; i++) await audit.recordNow(systemActor('drill'), { action: 'drill.activity', entity: 'drill', entityId: String(i) });
}

/** Signs in as the demo sysadmin on a restored database: it serves, not just counts. */
async function signInWorks(database: Database): Promise<number> {
  const config = { ...loadConfig({ NODE_ENV: 'test' } as NodeJS.ProcessEnv, []), demo: false, jobs: false, webDir: '/nonexistent', logLevel: 'silent' };
  const app = await buildApp({ config, database, crypto: testCrypto, startJobs: false });
  try {
    return (await client(app).post('/api/v1/auth/login', { username: 'sysadmin', password: DEMO_PASSWORD })).status;
  } finally {
    await app.close();
  }
}

async function report(kind: 'pglite' | 'postgres', before: DatabaseFacts, backup: Ran, restore: Ran, bytes: number): Promise<void> {
  const rows = Object.values(before.counts).reduce((a, b) => a + b, 0);
  await recordFigures(
    `backup-${kind}`,
    `Restore drill (${kind === 'pglite' ? 'PGlite data directory dump' : 'pg_dump custom format'})`,
    table(
      ['tables', 'rows', 'audit entries', 'dump size', 'backup', 'restore + check', 'row counts equal', 'audit chain'],
      [[Object.keys(before.counts).length, rows, before.audit.checked, `${(bytes / 1024).toFixed(0)} KiB`, `${(backup.ms / 1000).toFixed(1)} s`, `${(restore.ms / 1000).toFixed(1)} s`, 'yes', 'verifies, same head']],
    ),
  );
}

const dirs: string[] = [];
const tempDir = (label: string) => {
  const d = mkdtempSync(path.join(tmpdir(), `tongxin-${label}-`));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe.runIf(testDbKind() === 'pglite')('backup and restore of the embedded database', () => {
  it('refuses while the server holds the data directory, then backs up, restores into a new directory and matches', async () => {
    const source = tempDir('src');
    const out = tempDir('backups');
    const target = path.join(tempDir('restore'), 'data');
    // Start from the migrated template (as a fresh `npm start` would be after migrating).
    const db = await openPglite({ dataDir: source, loadDataDir: new Blob([readFileSync(inject('pgliteTemplate'))]) });
    await seedDemo(db);
    const before = await databaseFacts(db);
    await db.close();
    writeFileSync(path.join(source, 'secret.key'), `${testCrypto.token(32)}\n`, { mode: 0o600 }); // the demo data key

    // A live server holds the lock (this test process stands in for it).
    writeFileSync(path.join(source, 'tongxin.lock'), String(process.pid));
    const refused = await runScript('scripts/backup.ts', ['--out', out], { DATA_DIR: source });
    expect(refused.code).toBe(2);
    expect(refused.out).toMatch(/in use by another Tongxin process[\s\S]*stop it, run `npm run backup`/);
    rmSync(path.join(source, 'tongxin.lock'));

    const backup = await runScript('scripts/backup.ts', ['--out', out, '--with-key'], { DATA_DIR: source });
    expect(backup.code, backup.out).toBe(0);
    const manifestFile = /manifest: (\S+)/.exec(backup.out)![1]!;
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    expect(manifest.counts).toEqual(before.counts);

    const restore = await runScript('scripts/restore.ts', [manifestFile, '--data-dir', target], {});
    expect(restore.code, restore.out).toBe(0);
    expect(restoreCheckOf(restore.out)).toMatchObject({ ok: true, mismatches: [] });

    const restored = await openPglite({ dataDir: target });
    try {
      const after = await databaseFacts(restored);
      expect(after.counts).toEqual(before.counts);
      expect(after.audit).toEqual(before.audit);
      expect(after.audit.ok).toBe(true);
      expect(await signInWorks(restored)).toBe(200);
    } finally {
      await restored.close();
    }
    expect(readFileSync(path.join(target, 'secret.key'), 'utf8')).toBe(readFileSync(path.join(source, 'secret.key'), 'utf8'));

    // Never over existing data, and never from a damaged file.
    expect((await runScript('scripts/restore.ts', [manifestFile, '--data-dir', target], {})).code).toBe(2);
    const dump = path.join(path.dirname(manifestFile), manifest.dump);
    const bytes = readFileSync(dump);
    const middle = bytes.length >> 1;
    bytes[middle] = bytes[middle]! ^ 0xff;
    writeFileSync(dump, bytes);
    const damaged = await runScript('scripts/restore.ts', [manifestFile, '--data-dir', path.join(tempDir('restore2'), 'data')], {});
    expect(damaged.code).toBe(2);
    expect(damaged.out).toMatch(/does not match its manifest/);
    await report('pglite', before, backup, restore, manifest.bytes);
  }, 300_000);
});

describe.runIf(testDbKind() === 'postgres')('backup and restore of a PostgreSQL database', () => {
  const admin = () => new pg.Client({ connectionString: adminUrl() });
  const created: string[] = [];
  afterAll(async () => {
    const a = admin();
    await a.connect();
    for (const name of created) await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
    await a.end();
  });

  it('pg_dump, pg_restore into a new empty database, and every count and the audit chain match', async () => {
    const suffix = `${process.pid}_${Date.now().toString(36)}`;
    const source = `tongxin_drill_src_${suffix}`;
    const target = `tongxin_drill_dst_${suffix}`;
    const a = admin();
    await a.connect();
    await a.query(`CREATE DATABASE ${source} TEMPLATE ${inject('pgTemplate')}`);
    created.push(source);
    await a.query(`CREATE DATABASE ${target}`);
    created.push(target);
    await a.end();

    const db = await openPostgres(urlFor(source), { max: 2 });
    await seedDemo(db);
    const before = await databaseFacts(db);
    await db.close();

    const out = tempDir('backups');
    const backup = await runScript('scripts/backup.ts', ['--out', out], { DATABASE_URL: urlFor(source) });
    expect(backup.code, backup.out).toBe(0);
    const manifestFile = /manifest: (\S+)/.exec(backup.out)![1]!;
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));

    const restore = await runScript('scripts/restore.ts', [manifestFile, '--database-url', urlFor(target)], {});
    expect(restore.code, restore.out).toBe(0);
    expect(restoreCheckOf(restore.out)).toMatchObject({ ok: true, mismatches: [] });

    const restored = await openPostgres(urlFor(target), { max: 2 });
    try {
      const after = await databaseFacts(restored);
      expect(after.counts).toEqual(before.counts);
      expect(after.audit).toEqual(before.audit);
      expect(await signInWorks(restored)).toBe(200);
    } finally {
      await restored.close();
    }
    // The target now holds data: a second restore into it is refused.
    const again = await runScript('scripts/restore.ts', [manifestFile, '--database-url', urlFor(target)], {});
    expect(again.code).toBe(2);
    expect(again.out).toMatch(/not empty/);
    await report('postgres', before, backup, restore, manifest.bytes);
  }, 300_000);
});
