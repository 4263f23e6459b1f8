/**
 * Party building benchmark (issue 5). On PGlite and PostgreSQL, each with a fresh world built by
 * the party test factories (bench/fixtures/party.ts), over real HTTP:
 * - 200 members checking in to one micro-lecture at the same instant (19:50 sharp), then every
 *   member tapping again (the first check-in is kept: 200, not a second row);
 * - 1,000 members claiming one service post with 100 places at the same instant: exactly 100
 *   claims, 900 × 409 capacity_full;
 * and, on PostgreSQL, the same two races by hand-written SQL through `pg` (member lookup + insert
 * in a transaction; no HTTP, auth, validation, audit or points) on a second lecture and post of
 * the same world, printed as ratios.
 * Knobs: BENCH_PARTY_CHECKINS (200), BENCH_PARTY_CLAIMS (1000), BENCH_PARTY_PLACES (100).
 */
import { burst, fmtCounts, type Burst } from './lib/http';
import { latencyRow, Checks } from './lib/report';
import { inTx, rawBurst, type RawOutcome } from './lib/postgres';
import { onEngines } from './lib/world';
import type { PartyBenchWorld } from './fixtures/party';
import { client } from './lib/http';
import { Agent } from 'undici';

const CHECKINS = Number(process.env.BENCH_PARTY_CHECKINS ?? 200);
const CLAIMS = Number(process.env.BENCH_PARTY_CLAIMS ?? 1000);
const PLACES = Number(process.env.BENCH_PARTY_PLACES ?? 100);

interface EngineResult {
  checkIn: Burst;
  again: Burst;
  claims: Burst;
  lectureCheckIns: number;
  lectureCheckInsAfter: number;
  postClaimed: number;
  claimRows: number;
  distinctClaimers: number;
  raw?: { checkIn: RawOutcome<string>; claims: RawOutcome<string> };
}

async function race(url: string, w: PartyBenchWorld, databaseUrl?: string): Promise<EngineResult> {
  const members = w.members;
  const checkIn = await burst(url, CHECKINS, (i) => ({ route: `/micro-lectures/${w.lectures.api}/check-ins`, cookie: members[i]!.cookie, body: {} }));
  const dispatcher = new Agent({ connections: 2 });
  const call = client(url, dispatcher);
  const lecture = async () => (await call('GET', `/micro-lectures/${w.lectures.api}`, w.staffCookie)).body as { checkIns: number };
  const lectureCheckIns = (await lecture()).checkIns;
  const again = await burst(url, CHECKINS, (i) => ({ route: `/micro-lectures/${w.lectures.api}/check-ins`, cookie: members[i]!.cookie, body: {} }));
  const lectureCheckInsAfter = (await lecture()).checkIns;

  const claims = await burst(url, CLAIMS, (i) => ({ route: `/service-posts/${w.posts.api}/claims`, cookie: members[i % members.length]!.cookie }));
  const post = (await call('GET', `/service-posts/${w.posts.api}`, w.staffCookie)).body as { claimedCount: number };
  const list = (await call('GET', `/service-posts/${w.posts.api}/claims`, w.staffCookie)).body as Array<{ memberId: string; status: string }>;
  await dispatcher.close();
  const result: EngineResult = {
    checkIn,
    again,
    claims,
    lectureCheckIns,
    lectureCheckInsAfter,
    postClaimed: post.claimedCount,
    claimRows: list.filter((c) => c.status === 'claimed').length,
    distinctClaimers: new Set(list.map((c) => c.memberId)).size,
  };
  if (databaseUrl) {
    const memberOf = (c: import('pg').PoolClient, accountId: string) =>
      c.query<{ id: string }>('SELECT id FROM party_member WHERE community_id = $1 AND account_id = $2 AND left_at IS NULL LIMIT 1', [w.communityId, accountId]);
    const rawCheckIn = await rawBurst(databaseUrl, CHECKINS, (c, i) =>
      inTx(c, async () => {
        const [m] = (await memberOf(c, members[i]!.accountId)).rows;
        const ins = await c.query(`INSERT INTO lecture_check_in (id, community_id, lecture_id, member_id) VALUES (gen_random_uuid(), $1, $2, $3) ON CONFLICT DO NOTHING RETURNING id`, [w.communityId, w.lectures.raw, m!.id]);
        return ins.rowCount ? 'created' : 'kept';
      }),
    );
    const rawClaims = await rawBurst(databaseUrl, CLAIMS, async (c, i) => {
      let outcome = 'claimed';
      await inTx(c, async () => {
        const [m] = (await memberOf(c, members[i % members.length]!.accountId)).rows;
        const took = await c.query(`UPDATE service_post SET claimed_count = claimed_count + 1 WHERE id = $1 AND status = 'open' AND claimed_count < capacity RETURNING id`, [w.posts.raw]);
        if (!took.rowCount) return ((outcome = 'capacity_full'), false);
        const ins = await c.query(`INSERT INTO service_post_claim (id, community_id, post_id, member_id) VALUES (gen_random_uuid(), $1, $2, $3) ON CONFLICT DO NOTHING RETURNING id`, [w.communityId, w.posts.raw, m!.id]);
        if (!ins.rowCount) return ((outcome = 'already_claimed'), false);
        return true;
      });
      return outcome;
    });
    result.raw = { checkIn: rawCheckIn, claims: rawClaims };
  }
  return result;
}

const count = <T>(values: Array<T | Error>, v: T) => values.filter((x) => x === v).length;

export async function run(): Promise<void> {
  console.log(`\n## Party — ${CHECKINS} members check in to one micro-lecture at once; ${CLAIMS} claims race for ${PLACES} service-post places`);
  const members = Math.max(CHECKINS, CLAIMS);
  const runs = await onEngines<PartyBenchWorld, EngineResult>('party', { members, places: PLACES }, (_e, url, w, db) => race(url, w, db));
  for (const { engine, setupSeconds, result: r } of runs) {
    const checks = new Checks();
    checks.add('check-ins answered 201 (created)', CHECKINS, r.checkIn.statuses[201] ?? 0);
    checks.add('lecture shows check-ins', CHECKINS, r.lectureCheckIns);
    checks.add('second tap answered 200 (first kept)', CHECKINS, r.again.statuses[200] ?? 0);
    checks.add('check-ins after second tap', CHECKINS, r.lectureCheckInsAfter);
    checks.add('claims answered 201', PLACES, r.claims.statuses[201] ?? 0);
    checks.add('claims refused 409 capacity_full', CLAIMS - PLACES, r.claims.codes.capacity_full ?? 0);
    checks.add('post claimedCount', PLACES, r.postClaimed);
    checks.add('claim rows / distinct members', `${PLACES} / ${PLACES}`, `${r.claimRows} / ${r.distinctClaimers}`);
    checks.add('5xx / network errors', 0, r.checkIn.result.errors + r.again.result.errors + r.claims.result.errors);
    if (r.raw) {
      checks.add('raw SQL: check-ins created', CHECKINS, count(r.raw.checkIn.values, 'created'));
      checks.add('raw SQL: claims won', PLACES, count(r.raw.claims.values, 'claimed'));
    }
    checks.print(`${engine} (world built in ${setupSeconds.toFixed(1)} s): outcomes`);
    console.log(`statuses — check-in: ${fmtCounts(r.checkIn.statuses)}; second tap: ${fmtCounts(r.again.statuses)}; claims: ${fmtCounts(r.claims.statuses)} ${fmtCounts(r.claims.codes)}`);
    console.table([
      latencyRow(`check-in ×${CHECKINS}`, r.checkIn.result, r.raw?.checkIn.result),
      latencyRow(`second tap ×${CHECKINS}`, r.again.result),
      latencyRow(`claim ×${CLAIMS} / ${PLACES}`, r.claims.result, r.raw?.claims.result),
    ]);
  }
}
