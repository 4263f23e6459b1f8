#!/usr/bin/env node
/**
 * `npm start`: build the web apps if their sources changed, then run the server in this very
 * process (TypeScript through tsx), so that SIGTERM/SIGINT reach it directly.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
if (process.env.SKIP_WEB_BUILD !== '1') {
  const build = spawnSync(process.execPath, ['scripts/build-web.mjs'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const { register } = await import('tsx/esm/api');
register();
await import('../src/server/main.ts');
