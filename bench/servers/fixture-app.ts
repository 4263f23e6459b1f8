/**
 * Bench server for the race benchmarks: the full Tongxin app (buildApp) on DATABASE_URL or
 * DATA_DIR, migrated but not seeded; before listening it builds the suite's world with the
 * modules' own test factories (BENCH_FIXTURE names a module under bench/fixtures exporting
 * `fixture(ctx, args)`), and writes what the suite needs (ids, session cookies) as JSON to
 * BENCH_FIXTURE_OUT. The app runs with the test crypto key the factories encrypt with.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildApp } from '../../src/server/app';
import { loadConfig, type Config } from '../../src/server/config';
import { prepareDatabase } from '../../src/server/platform/bootstrap';
import { openDatabase } from '../../src/server/platform/db/client';
import { testCrypto, type TestContext } from '../../src/server/test/harness';

const config: Config = { ...loadConfig(), demo: false, jobs: false, logLevel: 'silent', loginRateLimit: 100_000, webDir: '/nonexistent' };
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
await prepareDatabase(database);
const app = await buildApp({ config, database, crypto: testCrypto, logger: false, startJobs: false });
if (process.env.BENCH_DEBUG) app.addHook('onError', async (req, _reply, err) => console.error(`${req.method} ${req.url}: ${err.stack ?? err.message}`));
await app.ready();
const ctx: TestContext = { app, database, config, close: async () => {} };
const mod = (await import(pathToFileURL(path.resolve(import.meta.dirname, '../fixtures', `${process.env.BENCH_FIXTURE}.ts`)).href)) as {
  fixture(ctx: TestContext, args: Record<string, unknown>): Promise<unknown>;
};
const world = await mod.fixture(ctx, JSON.parse(process.env.BENCH_FIXTURE_ARGS ?? '{}'));
writeFileSync(process.env.BENCH_FIXTURE_OUT!, JSON.stringify(world));
await app.listen({ port: config.port, host: '127.0.0.1' });
console.log('ready');
process.on('SIGTERM', async () => {
  await app.close();
  await database.close();
  process.exit(0);
});
