/**
 * Volunteers benchmark (issue 8): 300 approved volunteers signing up for one activity with 50
 * places at the same instant, over real HTTP, on PGlite and PostgreSQL (fresh worlds from the
 * volunteer test helpers, bench/fixtures/volunteers.ts). Exactly 50 signed up, 250 waitlisted with
 * positions 1…250 in arrival order (the server's seq: the organizer's list, ordered by arrival,
 * starts with the 50 signed up, then the waitlist in position order, and each answer's position is
 * the one on the list). On PostgreSQL the same race by hand-written SQL through `pg` (lock the
 * activity, count, insert) on a second activity, printed as ratios.
 * PGlite only with BENCH_PGLITE=1 (minutes at this size; see docs/benchmarks.md).
 * Knobs: BENCH_VOLUNTEERS (300), BENCH_VOLUNTEER_PLACES (50).
 */
import { Agent } from 'undici';
import { allPages, burst, client, fmtCounts, type Burst } from './lib/http';
import { inTx, rawBurst, type RawOutcome } from './lib/postgres';
import { Checks, latencyRow } from './lib/report';
import { onEngines } from './lib/world';
import type { VolunteersBenchWorld } from './fixtures/volunteers';

const VOLUNTEERS = Number(process.env.BENCH_VOLUNTEERS ?? 300);
const PLACES = Number(process.env.BENCH_VOLUNTEER_PLACES ?? 50);

interface Listed {
  id: string;
  status: string;
  position: number | null;
}

interface EngineResult {
  signups: Burst<{ id: string; status: string; position?: number }>;
  list: Listed[];
  raw?: { signups: RawOutcome<{ status: string; position?: number }>; statuses: string[] };
}

async function race(url: string, w: VolunteersBenchWorld, databaseUrl?: string): Promise<EngineResult> {
  const a = w.activities.api;
  const signups = await burst<{ id: string; status: string; position?: number }>(url, VOLUNTEERS, (i) => ({ route: `/volunteer-activities/${a.id}/signups`, cookie: w.volunteers[i]!.cookie, body: {} }));
  const dispatcher = new Agent({ connections: 2 });
  const list = await allPages<Listed>(client(url, dispatcher), `/volunteer-activities/${a.id}/signups`, w.staffCookie);
  await dispatcher.close();
  const result: EngineResult = { signups, list };
  if (databaseUrl && w.activities.raw) {
    const r = w.activities.raw;
    const raw = await rawBurst(databaseUrl, VOLUNTEERS, (c, i) =>
      inTx(c, async () => {
        const v = w.volunteers[i]!;
        const [me] = (await c.query(`SELECT id FROM volunteer WHERE account_id = $1 AND community_id = $2 AND status = 'approved'`, [v.accountId, w.communityId])).rows;
        await c.query('SELECT id FROM volunteer_activity WHERE id = $1 FOR UPDATE', [r.id]);
        const [slot] = (await c.query<{ capacity: number; signed: number }>(`SELECT sl.capacity, count(s.id) FILTER (WHERE s.status = 'signed_up')::int AS signed FROM volunteer_activity_slot sl LEFT JOIN volunteer_signup s ON s.slot_id = sl.id WHERE sl.id = $1 GROUP BY sl.id`, [r.slotId])).rows;
        const status = slot!.signed < slot!.capacity ? 'signed_up' : 'waitlisted';
        const [row] = (await c.query<{ seq: string }>(`INSERT INTO volunteer_signup (id, community_id, activity_id, slot_id, volunteer_id, status) VALUES (gen_random_uuid(), $1, $2, $3, $4, $5) RETURNING seq`, [w.communityId, r.id, r.slotId, me.id, status])).rows;
        if (status === 'signed_up') return { status };
        const [p] = (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM volunteer_signup WHERE slot_id = $1 AND status = 'waitlisted' AND seq <= $2`, [r.slotId, row!.seq])).rows;
        return { status, position: p!.n };
      }),
    );
    const pg = (await import('pg')).default;
    const c = new pg.Client({ connectionString: databaseUrl });
    await c.connect();
    const statuses = (await c.query<{ status: string }>('SELECT status FROM volunteer_signup WHERE activity_id = $1 ORDER BY seq', [r.id])).rows.map((x) => x.status);
    await c.end();
    result.raw = { signups: raw, statuses };
  }
  return result;
}

const isRange = (xs: number[], n: number) => xs.length === n && [...xs].sort((x, y) => x - y).every((x, i) => x === i + 1);

export async function run(): Promise<void> {
  const WAIT = VOLUNTEERS - PLACES;
  console.log(`\n## Volunteers — ${VOLUNTEERS} volunteers sign up for ${PLACES} places at the same instant`);
  const runs = await onEngines<VolunteersBenchWorld, EngineResult>('volunteers', { volunteers: VOLUNTEERS, places: PLACES }, (_e, url, w, db) => race(url, w, db), { pglite: false });
  for (const { engine, setupSeconds, result: r } of runs) {
    const ok = r.signups.calls.filter((c) => c.status === 201);
    const answered = new Map(ok.map((c) => [c.body.id, c.body]));
    const waitPositions = ok.filter((c) => c.body.status === 'waitlisted').map((c) => c.body.position ?? 0);
    const checks = new Checks();
    checks.add('signups answered 201', VOLUNTEERS, ok.length);
    checks.add('signed up', PLACES, ok.filter((c) => c.body.status === 'signed_up').length);
    checks.add('waitlisted', WAIT, waitPositions.length);
    checks.add(`waitlist positions are 1…${WAIT}, each once`, 'yes', isRange(waitPositions, WAIT) ? 'yes' : 'no');
    const listStatuses = r.list.map((s) => s.status);
    checks.add('list in arrival order: signed up first, then waitlist', 'yes', listStatuses.slice(0, PLACES).every((s) => s === 'signed_up') && listStatuses.slice(PLACES).every((s) => s === 'waitlisted') && r.list.length === VOLUNTEERS ? 'yes' : 'no');
    checks.add('waitlist positions follow arrival (seq) order', 'yes', r.list.slice(PLACES).every((s, k) => s.position === k + 1) ? 'yes' : 'no');
    checks.add("each answer's position = its place on the list", 'yes', r.list.every((s) => answered.get(s.id)?.status === s.status && (s.status !== 'waitlisted' || answered.get(s.id)?.position === s.position)) ? 'yes' : 'no');
    checks.add('5xx / network errors', 0, r.signups.result.errors);
    if (r.raw) {
      const vals = r.raw.signups.values.filter((v): v is { status: string; position?: number } => !(v instanceof Error));
      checks.add('raw SQL: signed up / waitlisted', `${PLACES} / ${WAIT}`, `${vals.filter((v) => v.status === 'signed_up').length} / ${vals.filter((v) => v.status === 'waitlisted').length}`);
      checks.add('raw SQL: rows in arrival order', 'yes', r.raw.statuses.slice(0, PLACES).every((s) => s === 'signed_up') && r.raw.statuses.slice(PLACES).every((s) => s === 'waitlisted') ? 'yes' : 'no');
    }
    checks.print(`${engine} (world built in ${setupSeconds.toFixed(1)} s): outcomes`);
    console.log(`statuses — ${fmtCounts(r.signups.statuses)} ${fmtCounts(r.signups.codes)}`);
    console.table([latencyRow(`sign-up ×${VOLUNTEERS} / ${PLACES}`, r.signups.result, r.raw?.signups.result)]);
  }
}
