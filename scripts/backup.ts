/**
 * `npm run backup [-- --out DIR] [--with-key]`: backs up the database the server uses — the
 * embedded PGlite directory (DATA_DIR; the server must be stopped) or DATABASE_URL (pg_dump, online).
 * Writes the dump and a manifest (row counts, audit chain head, SHA-256) into DIR (default ./backups).
 * `--with-key` copies the demo data key (DATA_DIR/secret.key) too; in production keep
 * TONGXIN_SECRET_KEY apart from the backups.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/server/config';
import { backupPglite, backupPostgres, BackupRefused } from '../src/server/modules/security/backup';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'backups' }, 'with-key': { type: 'boolean', default: false } }, allowPositionals: false });
const config = loadConfig(process.env, []);
const outDir = path.resolve(values.out!);
try {
  const started = Date.now();
  const { manifest, manifestFile } = config.databaseUrl
    ? await backupPostgres({ databaseUrl: config.databaseUrl, outDir, version: config.version })
    : await backupPglite({ dataDir: config.dataDir, outDir, version: config.version, withKey: values['with-key'] });
  const rows = Object.values(manifest.counts).reduce((a, b) => a + b, 0);
  console.log(
    [
      `✔ backup of the ${manifest.kind} database written in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      `  dump:     ${path.join(outDir, manifest.dump)} (${(manifest.bytes / 1024).toFixed(0)} KiB, sha256 ${manifest.sha256.slice(0, 16)}…)`,
      `  manifest: ${manifestFile}`,
      `  ${Object.keys(manifest.counts).length} tables, ${rows} rows; audit chain ${manifest.audit.ok ? 'verified' : 'BROKEN'} (${manifest.audit.checked} entries)`,
      manifest.keyFile ? `  data key copied to ${manifest.keyFile} — store it apart from the backup` : '  the data key is not in the backup: keep TONGXIN_SECRET_KEY (or DATA_DIR/secret.key) safe separately',
    ].join('\n'),
  );
  if (!manifest.audit.ok) process.exitCode = 3;
} catch (err) {
  if (err instanceof BackupRefused) {
    console.error(`✖ ${err.message}`);
    process.exit(2);
  }
  throw err;
}
