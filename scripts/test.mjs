#!/usr/bin/env node
/**
 * `npm test`: type-check, then every vitest project (unit; integration on PGlite, and on
 * PostgreSQL when TEST_DATABASE_URL is set; browser tests in Chromium). Ends with one line
 * `N passed, N failed` summed over all suites; exits non-zero when anything failed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
let passed = 0;
let failed = 0;

console.log('▶ typecheck (tsc --noEmit)');
const tsc = spawnSync(bin('tsc'), ['--noEmit', '-p', '.'], { stdio: 'inherit' });
if (tsc.status === 0) passed++;
else failed++;

mkdirSync('.tmp', { recursive: true });
const report = path.join('.tmp', 'vitest-report.json');
rmSync(report, { force: true });
const extra = process.argv.slice(2);
console.log(`▶ vitest (${process.env.TEST_DATABASE_URL ? 'PGlite + PostgreSQL' : 'PGlite only: set TEST_DATABASE_URL to run on PostgreSQL too'})`);
const vitest = spawnSync(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extra], { stdio: 'inherit' });
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed += r.numPassedTests ?? 0;
  failed += r.numFailedTests ?? 0;
  // A file that failed before running its tests (import error, failing hook) counts as a failure too.
  for (const file of r.testResults ?? []) {
    if (file.status === 'failed' && (file.assertionResults ?? []).every((a) => a.status !== 'failed')) failed++;
  }
} else {
  failed++;
}
if (vitest.status !== 0 && failed === 0) failed++;

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
