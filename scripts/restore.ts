/**
 * `npm run restore -- <backup.json|dump> --data-dir DIR` (PGlite) or `--database-url URL`
 * (PostgreSQL): restores into a NEW, empty target (never over a live database), then checks it
 * against the backup's manifest — row counts of every table and the audit chain — and says so.
 * Point DATA_DIR / DATABASE_URL at the target once the check passes.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BackupRefused, restorePglite, restorePostgres } from '../src/server/modules/security/backup';

const { values, positionals } = parseArgs({ options: { 'data-dir': { type: 'string' }, 'database-url': { type: 'string' } }, allowPositionals: true });
const file = positionals[0];
if (!file || (!values['data-dir'] === !values['database-url'])) {
  console.error('usage: npm run restore -- <backup.json> (--data-dir NEW_DIR | --database-url postgres://…/empty_db)');
  process.exit(2);
}
try {
  const started = Date.now();
  const check = values['data-dir']
    ? await restorePglite({ file: path.resolve(file), dataDir: path.resolve(values['data-dir']) })
    : await restorePostgres({ file: path.resolve(file), databaseUrl: values['database-url']! });
  console.log(`${check.ok ? '✔' : '✖'} restored in ${((Date.now() - started) / 1000).toFixed(1)} s: ${check.tables} tables, ${check.rows} rows, audit chain ${check.audit.ok ? 'verified' : 'BROKEN'} (${check.audit.checked} entries)`);
  for (const m of check.mismatches) console.log(`  ${m.table}: expected ${m.expected} rows, found ${m.actual}`);
  console.log(JSON.stringify({ restoreCheck: check }));
  if (!check.ok) process.exit(3);
} catch (err) {
  if (err instanceof BackupRefused) {
    console.error(`✖ ${err.message}`);
    process.exit(2);
  }
  throw err;
}
