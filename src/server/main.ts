/**
 * `npm start`: open the database (embedded PGlite in DATA_DIR, or DATABASE_URL), migrate, seed the
 * demo district on first start (demo mode), serve API and web on PORT, and shut down cleanly on
 * SIGTERM/SIGINT (stop accepting, finish in-flight requests, stop jobs, close the database).
 */
import { loadConfig } from './config';
import { DataDirLockedError, openDatabase, type Database } from './platform/db/client';

async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  let database: Database;
  // The embedded database compiles its WASM off the main thread while the application's modules load.
  const opening = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  opening.catch(() => {});
  const modules = Promise.all([import('./app'), import('./platform/crypto'), import('./platform/bootstrap'), import('./seed/runner'), import('./seed'), import('./seed/accounts-list')]);
  try {
    database = await opening;
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      console.error(`\n✖ ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }

  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    const say = (msg: string) => (app ? app.log.info({ signal }, msg) : console.log(msg));
    say('shutting down: no new connections, finishing in-flight requests');
    const force = setTimeout(() => {
      console.error('shutdown took too long; exiting');
      process.exit(1);
    }, 25_000);
    force.unref();
    try {
      await app?.close();
    } finally {
      await database.close();
      clearTimeout(force);
      say('database closed; bye');
      process.exit(0);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  const [{ buildApp }, { createCrypto, resolveMasterKey }, { prepareDatabase }, { runSeeders }, { DEMO_PASSWORD, demoSeeders }, { demoAccountsList }] = await modules;
  try {
    const crypto = createCrypto(resolveMasterKey(config));
    await prepareDatabase(database);
    app = await buildApp({ config, database, crypto });
    if (config.demo) {
      const ran = await runSeeders(database.db, demoSeeders, { crypto, options: {}, now: new Date(), log: app.log });
      if (ran.length) app.log.info({ seeders: ran }, 'demo data loaded');
    }
    await app.listen({ port: config.port, host: config.host });
    app.startJobs().catch((err) => app!.log.error({ err }, 'job queue failed to start'));
  } catch (err) {
    console.error(err);
    await app?.close().catch(() => {});
    await database.close();
    process.exit(1);
  }

  const url = `http://localhost:${config.port}`;
  const lines = [
    '',
    `  同心 Tongxin ${config.version} is ready in ${((Date.now() - started) / 1000).toFixed(1)} s — database: ${database.kind}${database.kind === 'pglite' ? ` (${config.dataDir})` : ''}`,
    `  Admin web:     ${url}/`,
    `  Resident app:  ${url}/m/`,
    `  API docs:      ${url}/api/docs`,
  ];
  if (config.demo) {
    lines.push('', `  Demo accounts (password ${DEMO_PASSWORD}):`);
    for (const line of await demoAccountsList(database.db).catch(() => [])) lines.push(`    ${line}`);
  }
  console.log(lines.join('\n') + '\n');
}

void main();
