/** Bench server: the full Tongxin app (buildApp) on DATABASE_URL or DATA_DIR, demo data loaded, no request logs. */
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { prepareDatabase } from '../../src/server/platform/bootstrap';
import { createCrypto, resolveMasterKey } from '../../src/server/platform/crypto';
import { openDatabase } from '../../src/server/platform/db/client';
import { demoSeeders } from '../../src/server/seed';
import { runSeeders } from '../../src/server/seed/runner';

const config = { ...loadConfig(), demo: true, jobs: false, logLevel: 'silent', loginRateLimit: 100_000 };
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const crypto = createCrypto(resolveMasterKey(config));
await prepareDatabase(database);
await runSeeders(database.db, demoSeeders, { crypto, options: {}, now: new Date(), log: { info: () => {} } as never });
const app = await buildApp({ config, database, crypto, logger: false, startJobs: false });
await app.listen({ port: config.port, host: '127.0.0.1' });
console.log('ready');
process.on('SIGTERM', async () => {
  await app.close();
  await database.close();
  process.exit(0);
});
