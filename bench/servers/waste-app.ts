/**
 * Bench server for the waste benchmark: the full Tongxin app (buildApp), seeded with only what the
 * pilot needs (the demo district and the waste seeder), so other modules' demo data neither slows
 * the start nor can stop it.
 */
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { wasteSeeder } from '../../src/server/modules/waste/waste.seed';
import { prepareDatabase } from '../../src/server/platform/bootstrap';
import { createCrypto, resolveMasterKey } from '../../src/server/platform/crypto';
import { openDatabase } from '../../src/server/platform/db/client';
import { demoDistrictSeeder } from '../../src/server/seed/demo-district';
import { runSeeders } from '../../src/server/seed/runner';

const config = { ...loadConfig(), demo: true, jobs: false, logLevel: 'silent', loginRateLimit: 100_000 };
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const crypto = createCrypto(resolveMasterKey(config));
await prepareDatabase(database);
await runSeeders(database.db, [demoDistrictSeeder, wasteSeeder], { crypto, options: {}, now: new Date(), log: { info: () => {} } as never });
const app = await buildApp({ config, database, crypto, logger: false, startJobs: false });
await app.listen({ port: config.port, host: '127.0.0.1' });
console.log('ready');
process.on('SIGTERM', async () => {
  await app.close();
  await database.close();
  process.exit(0);
});
