/**
 * Child processes for the fault tests (faults.test.ts), killed with SIGKILL at a chosen moment.
 * Opens the database from DATA_DIR (PGlite) or DATABASE_URL, then:
 *
 * - `bulk <accountId> <rows>`: one transaction writing `rows` inbox rows in batches of 500 with an
 *   audit entry, printing `batch N` after each batch and `committed` at the end — the shape of an
 *   import or a bulk job.
 * - `job <queue>`: a job worker whose handler commits its effect (keyed by job id), prints
 *   `effect committed`, then hangs as if the process froze before telling the queue it finished.
 */
import { sql } from 'drizzle-orm';
import { systemActor } from '../../platform/auth/actor';
import { createAuditLog } from '../../platform/audit';
import { openDatabase } from '../../platform/db/client';
import { notification } from '../../platform/db/tables/notification';
import { createJobQueue } from '../../platform/jobs';

const [mode, arg1, arg2] = process.argv.slice(2);
const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: process.env.DATA_DIR ?? '' });
const say = (line: string) => process.stdout.write(`${line}\n`);

if (mode === 'bulk') {
  const accountId = arg1!;
  const total = Number(arg2);
  const audit = createAuditLog(database.db);
  await database.db.transaction(async (tx) => {
    await audit.record(tx, systemActor('fault-test'), { action: 'fault.bulk_write', entity: 'notification', changes: { rows: total } });
    for (let done = 0, batch = 1; done < total; done += 500, batch++) {
      const rows = Array.from({ length: Math.min(500, total - done) }, (_, i) => ({ accountId, kind: 'fault.bulk', title: `bulk ${done + i}` }));
      await tx.insert(notification).values(rows);
      say(`batch ${batch}`);
      // Give the parent time to see the progress and pull the plug in the middle.
      await new Promise((r) => setTimeout(r, 30));
    }
  });
  say('committed');
  await database.close();
} else if (mode === 'job') {
  const queue = createJobQueue(database, { error: () => {}, info: () => {} });
  await queue.start([
    {
      name: arg1!,
      retryLimit: 3,
      retryDelaySeconds: 1,
      expireInSeconds: 2,
      async handler(_data, job) {
        await database.db.execute(sql`INSERT INTO fault_job_effect (job_id, worker) VALUES (${job.jobId}, 'child') ON CONFLICT DO NOTHING`);
        say('effect committed');
        await new Promise(() => {}); // frozen: never completes
      },
    },
  ]);
  say('worker ready');
} else {
  console.error(`unknown mode ${mode}`);
  process.exit(2);
}
