/**
 * Backups and restores, for `npm run backup` / `npm run restore` and the restore drill test.
 *
 * - PGlite: the data directory dumped by PGlite itself (`dumpDataDir`, a gzipped tar). PGlite is
 *   one process: the backup takes the directory's lock, so it refuses while the server runs.
 * - PostgreSQL: `pg_dump --format=custom`, restored with `pg_restore` into an empty database.
 *
 * Each backup writes a manifest next to the dump: row counts of every table, the audit chain's
 * length and head, and the dump's SHA-256. A restore checks the file against the manifest, then the
 * restored database against it (same counts, audit chain verifies to the same head).
 * The data key (TONGXIN_SECRET_KEY, or DATA_DIR/secret.key in demo mode) is not in the backup
 * unless asked for: keep keys and backups apart.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { createAuditLog } from '../../platform/audit';
import { DataDirLockedError, openPglite, openPostgres, type Database } from '../../platform/db/client';

export interface Manifest {
  format: 'tongxin-backup/1';
  kind: 'pglite' | 'postgres';
  createdAt: string;
  version: string;
  dump: string;
  sha256: string;
  bytes: number;
  counts: Record<string, number>;
  audit: { ok: boolean; checked: number; headHash: string | null };
  /** The demo key file was copied next to the dump (`--with-key`). */
  keyFile: string | null;
}

export interface DatabaseFacts {
  counts: Record<string, number>;
  audit: Manifest['audit'];
}

/** Row counts of every table in the public schema (one statement), and the audit chain. */
export async function databaseFacts(database: Database): Promise<DatabaseFacts> {
  const tables = await database.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  const counts: Record<string, number> = {};
  if (tables.length) {
    const select = tables.map((t) => `SELECT '${t.name}' AS name, count(*)::bigint AS n FROM "${t.name.replace(/"/g, '""')}"`).join(' UNION ALL ');
    for (const r of await database.query<{ name: string; n: string | number }>(select)) counts[r.name] = Number(r.n);
  }
  const verified = await createAuditLog(database.db).verify();
  const [head] = tables.some((t) => t.name === 'audit_log') ? await database.query<{ hash: string }>('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1') : [];
  return { counts, audit: { ok: verified.ok, checked: verified.checked, headHash: head?.hash ?? null } };
}

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\..+$/, '').replace('T', '-');
const sha256 = (buf: Buffer) => createHash('sha256').update(buf).digest('hex');

function writeManifest(file: string, manifest: Manifest): string {
  const manifestFile = file.replace(/(\.tar\.gz|\.dump)$/, '.json');
  writeFileSync(manifestFile, JSON.stringify(manifest, null, 2) + '\n', { mode: 0o600 });
  return manifestFile;
}

export class BackupRefused extends Error {}

/** Dumps a PGlite data directory; refuses (BackupRefused) while a server holds it. */
export async function backupPglite(opts: { dataDir: string; outDir: string; version: string; withKey?: boolean; now?: Date }): Promise<{ manifest: Manifest; manifestFile: string }> {
  if (!existsSync(path.join(opts.dataDir, 'pglite'))) throw new BackupRefused(`No embedded database in ${opts.dataDir} (expected ${path.join(opts.dataDir, 'pglite')}).`);
  let database: Database;
  try {
    database = await openPglite({ dataDir: opts.dataDir });
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      throw new BackupRefused(
        `${err.message}\nThe embedded database can only be backed up while the server is stopped (the backup takes seconds): ` +
          `stop it, run \`npm run backup\`, start it again. For backups while serving, run on PostgreSQL (DATABASE_URL) — pg_dump works online.`,
      );
    }
    throw err;
  }
  try {
    const facts = await databaseFacts(database);
    const dump = Buffer.from(await (await database.pglite!.dumpDataDir('gzip')).arrayBuffer());
    mkdirSync(opts.outDir, { recursive: true });
    const now = opts.now ?? new Date();
    const file = path.join(opts.outDir, `tongxin-pglite-${stamp(now)}.tar.gz`);
    writeFileSync(file, dump, { mode: 0o600 });
    let keyFile: string | null = null;
    const key = path.join(opts.dataDir, 'secret.key');
    if (opts.withKey && existsSync(key)) {
      keyFile = file.replace(/\.tar\.gz$/, '.secret.key');
      copyFileSync(key, keyFile);
    }
    const manifest: Manifest = { format: 'tongxin-backup/1', kind: 'pglite', createdAt: now.toISOString(), version: opts.version, dump: path.basename(file), sha256: sha256(dump), bytes: dump.length, ...facts, keyFile: keyFile && path.basename(keyFile) };
    return { manifest, manifestFile: writeManifest(file, manifest) };
  } finally {
    await database.close();
  }
}

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('error', (e) => reject(new BackupRefused(`${cmd} could not start (${e.message}); install the PostgreSQL client tools (apt-get install postgresql-client).`)));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} exited with ${code}: ${err.trim().slice(-2000)}`))));
  });
}

/** pg_dump in custom format; online (a consistent snapshot while the server keeps serving). */
export async function backupPostgres(opts: { databaseUrl: string; outDir: string; version: string; now?: Date }): Promise<{ manifest: Manifest; manifestFile: string }> {
  const database = await openPostgres(opts.databaseUrl, { max: 2 });
  try {
    mkdirSync(opts.outDir, { recursive: true });
    const now = opts.now ?? new Date();
    const file = path.join(opts.outDir, `tongxin-postgres-${stamp(now)}.dump`);
    // Facts first, then the dump: with writes going on, the dump may hold more rows than counted.
    const facts = await databaseFacts(database);
    await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, opts.databaseUrl]);
    const dump = readFileSync(file);
    const manifest: Manifest = { format: 'tongxin-backup/1', kind: 'postgres', createdAt: now.toISOString(), version: opts.version, dump: path.basename(file), sha256: sha256(dump), bytes: dump.length, ...facts, keyFile: null };
    return { manifest, manifestFile: writeManifest(file, manifest) };
  } finally {
    await database.close();
  }
}

export function readManifest(file: string): { manifest: Manifest; dumpFile: string } {
  const manifestFile = file.endsWith('.json') ? file : file.replace(/(\.tar\.gz|\.dump)$/, '.json');
  if (!existsSync(manifestFile)) throw new BackupRefused(`No manifest ${manifestFile} next to the backup.`);
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
  if (manifest.format !== 'tongxin-backup/1') throw new BackupRefused(`${manifestFile} is not a Tongxin backup manifest.`);
  const dumpFile = path.join(path.dirname(manifestFile), manifest.dump);
  const actual = sha256(readFileSync(dumpFile));
  if (actual !== manifest.sha256) throw new BackupRefused(`${dumpFile} does not match its manifest (SHA-256 ${actual} ≠ ${manifest.sha256}): the file is damaged.`);
  return { manifest, dumpFile };
}

export interface RestoreCheck {
  ok: boolean;
  tables: number;
  rows: number;
  mismatches: Array<{ table: string; expected: number; actual: number }>;
  audit: Manifest['audit'];
}

/** Compares a restored database with the manifest of its backup. */
export function compareFacts(manifest: Manifest, facts: DatabaseFacts): RestoreCheck {
  const names = new Set([...Object.keys(manifest.counts), ...Object.keys(facts.counts)]);
  const mismatches = [...names]
    .map((table) => ({ table, expected: manifest.counts[table] ?? -1, actual: facts.counts[table] ?? -1 }))
    .filter((m) => m.expected !== m.actual);
  const auditOk = facts.audit.ok && facts.audit.checked === manifest.audit.checked && facts.audit.headHash === manifest.audit.headHash;
  return {
    ok: mismatches.length === 0 && auditOk,
    tables: names.size,
    rows: Object.values(facts.counts).reduce((a, b) => a + b, 0),
    mismatches,
    audit: facts.audit,
  };
}

/** Restores a PGlite dump into a new (absent or empty) data directory. */
export async function restorePglite(opts: { file: string; dataDir: string }): Promise<RestoreCheck> {
  const { manifest, dumpFile } = readManifest(opts.file);
  if (manifest.kind !== 'pglite') throw new BackupRefused(`This is a ${manifest.kind} backup; restore it with --database-url.`);
  if (existsSync(opts.dataDir) && readdirSync(opts.dataDir).length > 0) {
    throw new BackupRefused(`${opts.dataDir} is not empty: restore into a new directory, check it, then point DATA_DIR at it.`);
  }
  mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
  const database = await openPglite({ dataDir: opts.dataDir, loadDataDir: new Blob([readFileSync(dumpFile)]) });
  try {
    if (manifest.keyFile) copyFileSync(path.join(path.dirname(dumpFile), manifest.keyFile), path.join(opts.dataDir, 'secret.key'));
    return compareFacts(manifest, await databaseFacts(database));
  } finally {
    await database.close();
  }
}

/** Restores a pg_dump into an empty database (it must exist and hold no tables). */
export async function restorePostgres(opts: { file: string; databaseUrl: string }): Promise<RestoreCheck> {
  const { manifest, dumpFile } = readManifest(opts.file);
  if (manifest.kind !== 'postgres') throw new BackupRefused(`This is a ${manifest.kind} backup; restore it with --data-dir.`);
  const probe = new pg.Client({ connectionString: opts.databaseUrl });
  await probe.connect();
  try {
    const { rows } = await probe.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`);
    if ((rows[0]?.n ?? 0) > 0) throw new BackupRefused('The target database is not empty: restore into a new database (createdb …), check it, then switch DATABASE_URL.');
  } finally {
    await probe.end();
  }
  await run('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', `--dbname=${opts.databaseUrl}`, dumpFile]);
  const database = await openPostgres(opts.databaseUrl, { max: 2 });
  try {
    return compareFacts(manifest, await databaseFacts(database));
  } finally {
    await database.close();
  }
}
