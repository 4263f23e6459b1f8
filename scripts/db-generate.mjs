#!/usr/bin/env node
/**
 * `npm run db:generate -- --name what [--custom]`: drizzle-kit generate under a lock, so that two
 * people (or agents) generating at once do not produce two migrations with one number.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const lock = path.join(root, '.tmp', 'db-generate.lock');
mkdirSync(path.dirname(lock), { recursive: true });
const deadline = Date.now() + 120_000;
for (;;) {
  try {
    mkdirSync(lock);
    break;
  } catch {
    try {
      if (Date.now() - statSync(lock).mtimeMs > 120_000) rmdirSync(lock);
    } catch {}
    if (Date.now() > deadline) {
      console.error('db:generate: lock busy for 2 minutes; remove .tmp/db-generate.lock if stale');
      process.exit(1);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}
try {
  const r = spawnSync(path.join(root, 'node_modules/.bin/drizzle-kit'), ['generate', ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
  process.exitCode = r.status ?? 1;
} finally {
  rmdirSync(lock);
}
