/**
 * Care benchmark (issue 7): 500 donors racing for 20 open micro-wishes (25 donors on each, all
 * released at the same instant over real HTTP), on PGlite and PostgreSQL, each with a fresh world
 * built by the care test helpers (bench/fixtures/care.ts). Exactly 20 winners (200), 480 × 409
 * already_claimed, every wish claimed once by one donor. On PostgreSQL the same race is run by
 * hand-written SQL through `pg` (the single-winner UPDATE … WHERE status = 'open') on 20 other
 * wishes of the same world, printed as ratios.
 * PGlite only with BENCH_PGLITE=1 (minutes at this size; see docs/benchmarks.md).
 * Knobs: BENCH_CARE_DONORS (500), BENCH_CARE_WISHES (20).
 */
import { Agent } from 'undici';
import { burst, client, fmtCounts, type Burst } from './lib/http';
import { rawBurst, type RawOutcome } from './lib/postgres';
import { Checks, latencyRow } from './lib/report';
import { onEngines } from './lib/world';
import type { CareBenchWorld } from './fixtures/care';

const DONORS = Number(process.env.BENCH_CARE_DONORS ?? 500);
const WISHES = Number(process.env.BENCH_CARE_WISHES ?? 20);

interface EngineResult {
  claims: Burst;
  wishes: Array<{ status: string; claimedByName: string | null; version: number }>;
  winnersPerWish: number[];
  raw?: { claims: RawOutcome<string>; rows: Array<{ status: string; claimed_by: string | null }> };
}

async function race(url: string, w: CareBenchWorld, databaseUrl?: string): Promise<EngineResult> {
  const claims = await burst(url, DONORS, (i) => ({ route: `/wishes/${w.wishes.api[i % WISHES]}/claim`, cookie: w.donors[i]!.cookie }));
  const dispatcher = new Agent({ connections: 4 });
  const call = client(url, dispatcher);
  const wishes = await Promise.all(w.wishes.api.map(async (id) => (await call('GET', `/wishes/${id}`, w.staffCookie)).body));
  await dispatcher.close();
  const winnersPerWish = w.wishes.api.map((_, k) => claims.calls.filter((c) => c.status === 200 && c.i % WISHES === k).length);
  const result: EngineResult = { claims, wishes, winnersPerWish };
  if (databaseUrl) {
    const raw = await rawBurst(databaseUrl, DONORS, async (c, i) => {
      const d = w.donors[i]!;
      const won = await c.query(
        `UPDATE wish SET status = 'claimed', claimed_by = $1, claimed_by_name = $2, claimed_at = now(), version = version + 1, updated_at = now() WHERE id = $3 AND status = 'open' RETURNING id`,
        [d.accountId, d.name, w.wishes.raw[i % WISHES]],
      );
      return won.rowCount ? 'won' : 'already_claimed';
    });
    const pg = (await import('pg')).default;
    const c = new pg.Client({ connectionString: databaseUrl });
    await c.connect();
    const rows = (await c.query('SELECT status, claimed_by FROM wish WHERE id = ANY($1)', [w.wishes.raw])).rows;
    await c.end();
    result.raw = { claims: raw, rows };
  }
  return result;
}

export async function run(): Promise<void> {
  console.log(`\n## Care — ${DONORS} donors race for ${WISHES} micro-wishes (${DONORS / WISHES} on each, all at once)`);
  const runs = await onEngines<CareBenchWorld, EngineResult>('care', { wishes: WISHES, donors: DONORS }, (_e, url, w, db) => race(url, w, db), { pglite: false });
  for (const { engine, setupSeconds, result: r } of runs) {
    const checks = new Checks();
    checks.add('claims answered 200 (winners)', WISHES, r.claims.statuses[200] ?? 0);
    checks.add('claims refused 409 already_claimed', DONORS - WISHES, r.claims.codes.already_claimed ?? 0);
    checks.add('winners per wish (min–max)', '1–1', `${Math.min(...r.winnersPerWish)}–${Math.max(...r.winnersPerWish)}`);
    checks.add('wishes now claimed', WISHES, r.wishes.filter((x) => x.status === 'claimed' && x.claimedByName).length);
    checks.add('wish versions (one change after approval)', 'all 3', r.wishes.every((x) => x.version === 3) ? 'all 3' : r.wishes.map((x) => x.version).join(','));
    const winners = new Set(r.claims.calls.filter((c) => c.status === 200).map((c) => c.i));
    checks.add('distinct winning donors', WISHES, winners.size);
    checks.add('5xx / network errors', 0, r.claims.result.errors);
    if (r.raw) {
      checks.add('raw SQL: winners', WISHES, r.raw.claims.values.filter((v) => v === 'won').length);
      checks.add('raw SQL: wishes claimed', WISHES, r.raw.rows.filter((x) => x.status === 'claimed').length);
    }
    checks.print(`${engine} (world built in ${setupSeconds.toFixed(1)} s): outcomes`);
    console.log(`statuses — ${fmtCounts(r.claims.statuses)} ${fmtCounts(r.claims.codes)}`);
    console.table([latencyRow(`claim ×${DONORS} / ${WISHES} wishes`, r.claims.result, r.raw?.claims.result)]);
  }
}
