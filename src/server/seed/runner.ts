/**
 * Seeding: an ordered list of named seeders. Each runs once per database (recorded in
 * `seed_run`) inside its own transaction, so a restart never re-seeds, an interrupted seeder
 * leaves nothing behind, and seeders that later modules add run on existing demo databases too.
 */
import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Crypto } from '../platform/crypto';
import type { Db, Tx } from '../platform/db/client';
import { seedRun } from '../platform/db/tables/platform';
import { createRng, type Rng } from './random';

const SEED_LOCK_KEY = 7_262_011_004;

export interface SeedOptions {
  /** Synthetic residents to generate per demo community (places module); default a demo-sized number. */
  residents?: number;
  /** Smaller data for tests. */
  small?: boolean;
}

export interface SeedContext {
  crypto: Crypto;
  rng: Rng;
  options: SeedOptions;
  now: Date;
  log: Pick<FastifyBaseLogger, 'info'>;
}

export interface Seeder {
  name: string;
  run(tx: Tx, ctx: SeedContext): Promise<Record<string, unknown> | void>;
}

export async function runSeeders(
  db: Db,
  seeders: readonly Seeder[],
  base: Omit<SeedContext, 'rng'> & { seed?: string },
): Promise<string[]> {
  const ran: string[] = [];
  for (const seeder of seeders) {
    const done = await db.transaction(async (tx) => {
      await tx.execute(sql.raw(`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})`));
      const [existing] = await tx.select().from(seedRun).where(sql`${seedRun.name} = ${seeder.name}`);
      if (existing) return false;
      const started = Date.now();
      const details = await seeder.run(tx, { ...base, rng: createRng(`${base.seed ?? 'tongxin'}:${seeder.name}`) });
      await tx.insert(seedRun).values({ name: seeder.name, details: { ...(details ?? {}), ms: Date.now() - started } });
      return true;
    });
    if (done) {
      ran.push(seeder.name);
      base.log.info({ seeder: seeder.name }, 'seeded');
    }
  }
  // Planner statistics for the rows just loaded: without them the first statistics queries on a
  // freshly seeded PostgreSQL database (before autovacuum gets to it) can pick nested loops over
  // hundreds of thousands of rows and run for minutes.
  if (ran.length) await db.execute(sql.raw('ANALYZE'));
  return ran;
}
