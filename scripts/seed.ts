/**
 * `npm run seed -- [--residents N] [--seed label]`: loads the demo district (and, as modules add
 * them, their demo data) into DATABASE_URL or DATA_DIR. Deterministic for a given label: the same
 * command twice on two machines gives the same data. Seeders that already ran are skipped.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/server/config';
import { prepareDatabase } from '../src/server/platform/bootstrap';
import { createCrypto, resolveMasterKey } from '../src/server/platform/crypto';
import { openDatabase } from '../src/server/platform/db/client';
import { demoSeeders } from '../src/server/seed';
import { runSeeders } from '../src/server/seed/runner';

const { values } = parseArgs({
  options: { residents: { type: 'string' }, seed: { type: 'string', default: 'tongxin' } },
  allowPositionals: false,
});
const residents = values.residents === undefined ? undefined : Number(values.residents);
if (residents !== undefined && (!Number.isInteger(residents) || residents < 0)) {
  console.error('--residents must be a non-negative integer');
  process.exit(2);
}

const config = loadConfig(process.env, []);
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  const crypto = createCrypto(resolveMasterKey(config));
  await prepareDatabase(database);
  const started = Date.now();
  const ran = await runSeeders(database.db, demoSeeders, {
    crypto,
    seed: values.seed,
    options: { residents },
    now: new Date(),
    log: { info: (obj: unknown) => console.log(JSON.stringify(obj)) } as never,
  });
  console.log(`seeded ${ran.length ? ran.join(', ') : 'nothing new'} in ${((Date.now() - started) / 1000).toFixed(1)} s (${database.kind})`);
} finally {
  await database.close();
}
