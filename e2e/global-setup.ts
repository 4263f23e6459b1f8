/**
 * Browser tests' global setup: build the web apps (skipped when unchanged), start the real server
 * on a fresh database and a free port, wait until it is healthy (the demo district loads on first
 * start), and hand its URL to the tests (`inject('baseUrl')`). Teardown stops it with SIGTERM and
 * removes the data directory. The fresh database is a new PostgreSQL database on the server of
 * TEST_DATABASE_URL when that is set (loading the demo district there takes a fraction of the time
 * it takes in the embedded database, which the integration tests cover), else embedded PGlite.
 *
 * E2E_BASE_URL=http://host:port runs the tests against a server that is already running instead
 * (its demo data must be loaded; the tests create uniquely named records, so reruns are fine).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const root = path.resolve(import.meta.dirname, '..');
const artifacts = path.join(root, 'e2e/artifacts');
/** First start loads the whole demo district (some 37,000 residents and a year of records). */
const HEALTH_TIMEOUT_MS = 600_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  let exited: number | null = null;
  child.once('exit', (code) => (exited = code ?? -1));
  while (Date.now() < deadline) {
    if (exited !== null) throw new Error(`The server exited with code ${exited} before becoming healthy; see ${logFile}`);
    try {
      const res = await fetch(`${url}/api/v1/health`);
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The server did not answer /api/v1/health within ${HEALTH_TIMEOUT_MS / 1000} s; see ${logFile}`);
}

/** Both apps' pages must come back as HTML, or every browser test would fail for one reason. */
async function expectWebApps(url: string): Promise<void> {
  for (const page of ['/', '/m/', '/orgs', '/m/settings']) {
    const res = await fetch(`${url}${page}`);
    const type = res.headers.get('content-type') ?? '';
    if (!res.ok || !type.startsWith('text/html')) {
      throw new Error(`GET ${page} answered ${res.status} ${type} instead of the web app; the server does not serve dist/web correctly (body: ${(await res.text()).slice(0, 200)})`);
    }
  }
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** A new, empty database on the TEST_DATABASE_URL server, or null without one. */
async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> } | null> {
  const admin = process.env.TEST_DATABASE_URL;
  if (!admin) return null;
  const name = `tongxin_e2e_${process.pid}_${Date.now()}`;
  const run = async (statement: string) => {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {}) };
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const external = process.env.E2E_BASE_URL;
  if (external) {
    project.provide('baseUrl', external.replace(/\/$/, ''));
    return undefined;
  }

  execFileSync(process.execPath, ['scripts/build-web.mjs'], { cwd: root, stdio: 'inherit' });

  mkdirSync(artifacts, { recursive: true });
  const logFile = path.join(artifacts, 'server.log');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tongxin-e2e-'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', TONGXIN_JOBS: '0' };
  // The server must run as a plain demo instance: not in test or production mode, not on a shared database.
  delete env.NODE_ENV;
  delete env.DATABASE_URL;
  delete env.VITEST;
  const database = await freshDatabase();
  if (database) Object.assign(env, { DATABASE_URL: database.url, TONGXIN_DEMO: '1' });

  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = createWriteStream(logFile);
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);

  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(url, child, logFile);
  } catch (err) {
    await stop(child);
    rmSync(dataDir, { recursive: true, force: true });
    await database?.drop();
    throw err;
  }
  try {
    await expectWebApps(url);
  } catch (err) {
    await stop(child);
    rmSync(dataDir, { recursive: true, force: true });
    await database?.drop();
    throw err;
  }
  project.provide('baseUrl', url);

  return async () => {
    await stop(child);
    log.end();
    rmSync(dataDir, { recursive: true, force: true });
    await database?.drop();
  };
}
