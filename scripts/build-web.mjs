#!/usr/bin/env node
/**
 * `npm run build:web`: builds the web apps with Vite only when their inputs changed. The inputs'
 * hash (web sources, contracts, the server schema files the contracts import, vite.config.ts,
 * package-lock.json, this script) is kept in dist/web/.build-hash; an unchanged hash skips the build.
 * Prints exactly one line either way. `--force` builds regardless.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'dist/web');
const hashFile = path.join(outDir, '.build-hash');

/** Every file under dir (relative to root), sorted, skipping node_modules. */
function walk(dir) {
  const abs = path.join(root, dir);
  if (!existsSync(abs)) return [];
  const out = [];
  for (const entry of readdirSync(abs, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(rel));
    else if (entry.isFile()) out.push(rel);
  }
  return out;
}

/** The server files the contracts re-export: each module's *.schemas.ts and the role list. */
function serverSchemaFiles() {
  const modules = path.join(root, 'src/server/modules');
  if (!existsSync(modules)) return [];
  return readdirSync(modules)
    .filter((name) => statSync(path.join(modules, name)).isDirectory())
    .flatMap((name) => readdirSync(path.join(modules, name)).filter((f) => f.endsWith('.schemas.ts')).map((f) => path.join('src/server/modules', name, f)));
}

function inputsHash() {
  const files = [
    ...walk('src/web'),
    ...walk('src/contracts'),
    ...serverSchemaFiles(),
    'src/server/platform/auth/roles.ts',
    'vite.config.ts',
    'package-lock.json',
    'scripts/build-web.mjs',
  ].filter((f) => existsSync(path.join(root, f)));
  const hash = createHash('sha256');
  for (const file of [...new Set(files)].sort()) {
    hash.update(file.split(path.sep).join('/')).update('\0').update(readFileSync(path.join(root, file))).update('\0');
  }
  return hash.digest('hex');
}

/** The server's CSP is `script-src 'self'`: an inline script in the built HTML would never run. */
function assertNoInlineScripts() {
  for (const page of ['index.html', 'm/index.html']) {
    const html = readFileSync(path.join(outDir, page), 'utf8');
    const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter(([, attrs, body]) => !/\bsrc=/.test(attrs) || body.trim() !== '');
    if (inline.length > 0) throw new Error(`dist/web/${page} has ${inline.length} inline script(s); the CSP (script-src 'self') would block them`);
  }
}

const started = Date.now();
const hash = inputsHash();
const force = process.argv.includes('--force');
const previous = existsSync(hashFile) ? readFileSync(hashFile, 'utf8').trim() : null;

if (!force && previous === hash && existsSync(path.join(outDir, 'index.html')) && existsSync(path.join(outDir, 'm/index.html'))) {
  console.log(`web: up to date (${hash.slice(0, 12)}), build skipped`);
} else {
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'error', mode: 'production' });
  assertNoInlineScripts();
  writeFileSync(hashFile, `${hash}\n`);
  console.log(`web: built dist/web in ${((Date.now() - started) / 1000).toFixed(1)} s (${hash.slice(0, 12)})`);
}
