/** Vitest global setup for integration projects: one migrated template per run (see databases.ts). */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { projectRoot } from '../config';
import { prepareDatabase } from '../platform/bootstrap';
import { openPglite, openPostgres } from '../platform/db/client';
import { adminUrl, urlFor } from './databases';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // The project's `env` reaches the workers, not this process: the project name says which database.
  if (project.name !== 'postgres') {
    const db = await openPglite({});
    await prepareDatabase(db);
    const dump = await db.pglite!.dumpDataDir('none');
    await db.close();
    const dir = path.join(projectRoot, '.tmp');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `pglite-template-${process.pid}.tar`);
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    project.provide('pgliteTemplate', file);
    return async () => {
      rmSync(file, { force: true });
    };
  }
  const name = `tongxin_tpl_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  // Leftovers of killed runs (their owning process is gone).
  const stale = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'tongxin_tpl_%'`);
  for (const { datname } of stale.rows) {
    const owner = Number(/^tongxin_tpl_(\d+)/.exec(datname)?.[1]);
    if (owner && isAlive(owner)) continue;
    await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`).catch(() => {});
  }
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const db = await openPostgres(urlFor(name), { max: 2 });
  await prepareDatabase(db);
  await db.close();
  project.provide('pgTemplate', name);
  return async () => {
    const a = new pg.Client({ connectionString: adminUrl() });
    await a.connect();
    await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
    await a.end();
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    pgTemplate: string;
  }
}
