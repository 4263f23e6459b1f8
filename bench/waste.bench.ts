/**
 * Waste sorting benchmark (seed 003's pilot: 12 drop points, 3,281 households). Printed side by
 * side, in one run:
 * - a morning at the drop points: the 12 selected supervisors record all 3,281 households of one
 *   day at once through the API (each tapping one household after the other), on PGlite and on
 *   PostgreSQL — requests/s, p50, p99, and the exact number of records the database then holds;
 *   then every tap again (a phone retrying): all refused, the count unchanged;
 * - the dashboard over a year: ~1M sorting records (+ their rewards) generated on PostgreSQL with
 *   a bulk INSERT … SELECT, then GET /waste/stats for the year vs the same figures by hand-written
 *   SQL through the driver (no HTTP, no scope, no validation), with both answers compared.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { Agent } from 'undici';
import { fmt, summarize, type LoadResult } from './lib/load';
import { client, signIn } from './lib/http';
import { withPostgres } from './lib/postgres';
import { startTs } from './lib/process';

const SUPERVISORS = ['zt_supervisor1', ...Array.from({ length: 11 }, (_, i) => `zt_applicant${String(i + 1).padStart(3, '0')}`)];
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 5);

interface DayResult {
  database: string;
  taps: LoadResult;
  created: number;
  refused: number;
  recordsToday: number;
  retry: { refused: number; recordsToday: number; p99: number };
}

/** The 12 supervisors, each with their point's households; all 12 tap through their lists at once. */
async function recordOneDay(database: string, url: string): Promise<DayResult> {
  const dispatcher = new Agent({ connections: SUPERVISORS.length + 2, pipelining: 1 });
  const call = client(url, dispatcher);
  const crews: { cookie: string; pointId: string; households: string[] }[] = [];
  for (const username of SUPERVISORS) {
    const cookie = await signIn(url, username);
    const mine = (await call('GET', '/waste/supervisors/mine', cookie)).body as { duties: { dropPoint: { id: string } | null }[] };
    const pointId = mine.duties.find((d) => d.dropPoint)?.dropPoint?.id;
    if (!pointId) throw new Error(`${username} supervises no point`);
    const list = (await call('GET', `/waste/drop-points/${pointId}/households`, cookie)).body as { householdId: string }[];
    crews.push({ cookie, pointId, households: list.map((h) => h.householdId) });
  }
  const staff = await signIn(url, 'zt_staff');
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const countToday = async () => ((await call('GET', `/waste/stats?from=${today}&to=${today}`, staff)).body as { records: number }).records;

  const pass = async () => {
    const latencies: number[] = [];
    const statuses = new Map<number, number>();
    const started = performance.now();
    await Promise.all(
      crews.map(async (crew) => {
        for (const [i, householdId] of crew.households.entries()) {
          const correct = i % 10 !== 0;
          const res = await call('POST', '/waste/sorting-records', crew.cookie, { dropPointId: crew.pointId, householdId, result: correct ? 'correct' : 'incorrect', issue: correct ? null : 'mixed' });
          latencies.push(res.ms);
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        }
      }),
    );
    return { result: summarize(latencies, [...statuses].filter(([s]) => s >= 500).reduce((n, [, c]) => n + c, 0), performance.now() - started), statuses };
  };

  const first = await pass();
  const recordsToday = await countToday();
  const second = await pass();
  const after = await countToday();
  await dispatcher.close();
  return {
    database,
    taps: first.result,
    created: first.statuses.get(201) ?? 0,
    refused: first.statuses.get(409) ?? 0,
    recordsToday,
    retry: { refused: second.statuses.get(409) ?? 0, recordsToday: after, p99: second.result.p99 },
  };
}

/** ~1M records: every pilot household on ~88 % of the 351 days before the seed's two weeks, with rewards. */
async function generateYear(c: pg.Client): Promise<{ records: number; rewards: number; seconds: number }> {
  const started = performance.now();
  const [{ id: communityId }] = (await c.query<{ id: string }>(`SELECT id FROM org_node WHERE code = 'ZJL02'`)).rows as [{ id: string }];
  const today = `(now() AT TIME ZONE 'Asia/Shanghai')::date`;
  await c.query(
    `INSERT INTO sorting_record (id, community_id, drop_point_id, household_id, day, result, issue, recorded_by)
     SELECT gen_random_uuid(), t.community_id, t.drop_point_id, t.household_id, t.day,
            CASE WHEN t.r < 0.9 THEN 'correct' ELSE 'incorrect' END, CASE WHEN t.r < 0.9 THEN NULL ELSE 'mixed' END, t.recorded_by
       FROM (SELECT d.community_id, d.drop_point_id, h.id AS household_id, g.day::date AS day, random() AS r, random() AS p,
                    (SELECT s.account_id FROM waste_supervisor s WHERE s.drop_point_id = d.drop_point_id AND s.status = 'selected' LIMIT 1) AS recorded_by
               FROM generate_series(${today} - 365, ${today} - 15, interval '1 day') AS g(day)
               CROSS JOIN drop_point_building d JOIN household h ON h.building_id = d.building_id
              WHERE d.community_id = $1) t
      WHERE t.p < 0.88 AND t.recorded_by IS NOT NULL
     ON CONFLICT DO NOTHING`,
    [communityId],
  );
  await c.query(
    `INSERT INTO waste_reward (id, community_id, household_id, day, amount_fen, sorting_record_id)
     SELECT gen_random_uuid(), r.community_id, r.household_id, r.day, 30, r.id FROM sorting_record r
      WHERE r.community_id = $1 AND r.result = 'correct' AND r.day < ${today} ON CONFLICT DO NOTHING`,
    [communityId],
  );
  await c.query('ANALYZE sorting_record');
  await c.query('ANALYZE waste_reward');
  const [counts] = (await c.query<{ records: number; rewards: number }>(`SELECT (SELECT count(*)::int FROM sorting_record) AS records, (SELECT count(*)::int FROM waste_reward) AS rewards`)).rows;
  return { ...counts!, seconds: (performance.now() - started) / 1000 };
}

interface Figures {
  records: number;
  correct: number;
  participatingHouseholds: number;
  rewardFen: number;
  points: number;
  days: number;
}

/** The dashboard's figures for the pilot community, written by hand: one statement per figure group. */
async function rawStats(c: pg.Client, from: string, to: string): Promise<Figures> {
  const [{ id }] = (await c.query<{ id: string }>(`SELECT id FROM org_node WHERE code = 'ZJL02'`)).rows as [{ id: string }];
  const args = [id, from, to];
  const range = 'community_id = $1 AND day BETWEEN $2::date AND $3::date';
  // One connection, one statement after another, as the API runs them.
  const totals = await c.query(`SELECT count(*)::int AS records, count(*) FILTER (WHERE result = 'correct')::int AS correct, count(DISTINCT household_id)::int AS participating FROM sorting_record WHERE ${range}`, args);
  const reward = await c.query(`SELECT COALESCE(sum(amount_fen), 0)::int AS fen FROM waste_reward WHERE ${range}`, args);
  const points = await c.query(`SELECT drop_point_id, count(*)::int, count(*) FILTER (WHERE result = 'correct')::int FROM sorting_record WHERE ${range} GROUP BY 1`, args);
  const days = await c.query(`SELECT day, count(*)::int, count(*) FILTER (WHERE result = 'correct')::int FROM sorting_record WHERE ${range} GROUP BY 1`, args);
  await c.query(`SELECT date_trunc('month', day), sum(amount_fen)::int FROM waste_reward WHERE ${range} GROUP BY 1`, args);
  const t = totals.rows[0] as { records: number; correct: number; participating: number };
  return { records: t.records, correct: t.correct, participatingHouseholds: t.participating, rewardFen: (reward.rows[0] as { fen: number }).fen, points: points.rowCount ?? 0, days: days.rowCount ?? 0 };
}

const timed = async <T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> => {
  const started = performance.now();
  const value = await fn();
  return { ms: performance.now() - started, value };
};

async function yearOfStats(url: string, c: pg.Client) {
  const dispatcher = new Agent({ connections: 2 });
  const call = client(url, dispatcher);
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const from = new Date(Date.parse(`${today}T00:00:00Z`) - 364 * 86_400_000).toISOString().slice(0, 10);
  const rows = [];
  let agree = true;
  for (const username of ['zt_staff', 'street_zjl']) {
    const cookie = await signIn(url, username);
    const api = async () => {
      const res = await call('GET', `/waste/stats?from=${from}&to=${today}`, cookie);
      if (res.status !== 200) throw new Error(`stats ${res.status}`);
      return res.body as Figures & { byDropPoint: unknown[]; byDay: unknown[] };
    };
    await api(); // warm-up
    await rawStats(c, from, today);
    const apiMs: number[] = [];
    const rawMs: number[] = [];
    let apiFigures: (Figures & { byDropPoint: unknown[]; byDay: unknown[] }) | undefined;
    let rawFigures: Figures | undefined;
    for (let i = 0; i < ITERATIONS; i++) {
      const a = await timed(api);
      const r = await timed(() => rawStats(c, from, today));
      apiMs.push(a.ms);
      rawMs.push(r.ms);
      [apiFigures, rawFigures] = [a.value, r.value];
    }
    const same = ['records', 'correct', 'participatingHouseholds', 'rewardFen'].every((k) => apiFigures![k as keyof Figures] === rawFigures![k as keyof Figures]) && apiFigures!.byDay.length === rawFigures!.days;
    agree &&= same;
    const a = summarize(apiMs, 0, 1);
    const r = summarize(rawMs, 0, 1);
    rows.push({
      caller: username,
      'records in range': rawFigures!.records.toLocaleString('en-US'),
      'API p50 ms': fmt(a.p50, 0),
      'API max ms': fmt(a.max, 0),
      'raw SQL p50 ms': fmt(r.p50, 0),
      'raw SQL max ms': fmt(r.max, 0),
      'API/raw': fmt(a.p50 / r.p50, 2),
      'same figures': same ? 'yes' : 'NO',
    });
  }
  await dispatcher.close();
  return { rows, agree };
}

const dayRow = (d: DayResult) => ({
  database: d.database,
  taps: d.taps.requests + d.taps.errors,
  'created (201)': d.created,
  'refused (409)': d.refused,
  'records today': d.recordsToday,
  'taps/s': fmt(d.taps.rps, 0),
  'p50 ms': fmt(d.taps.p50, 1),
  'p99 ms': fmt(d.taps.p99, 1),
  'retry: refused': d.retry.refused,
  'retry: records today': d.retry.recordsToday,
  errors: d.taps.errors,
});

export async function run(): Promise<void> {
  console.log(`\n## Waste sorting — ${SUPERVISORS.length} supervisors record 3,281 households at once; the dashboard over a year`);
  const dir = mkdtempSync(path.join(tmpdir(), 'tx-bench-waste-'));
  const days: DayResult[] = [];
  try {
    if (!process.env.BENCH_WASTE_SKIP_PGLITE) {
      const app = await startTs('bench/servers/waste-app.ts', { DATA_DIR: path.join(dir, 'pglite') }, { timeoutMs: 600_000 });
      try {
        days.push(await recordOneDay('pglite', app.url));
      } finally {
        await app.stop();
      }
    }
    const year = await withPostgres('waste', async (databaseUrl, c) => {
      const app = await startTs('bench/servers/waste-app.ts', { DATABASE_URL: databaseUrl, DATA_DIR: path.join(dir, 'pg') }, { timeoutMs: 600_000 });
      try {
        days.push(await recordOneDay('postgres', app.url));
        const generated = await generateYear(c);
        return { generated, stats: await yearOfStats(app.url, c) };
      } finally {
        await app.stop();
      }
    });
    console.log('\nOne day at the 12 drop points (each supervisor taps through their list; all 12 at once), then every tap again:');
    console.table(days.map(dayRow));
    const exact = days.every((d) => d.created === 3281 && d.recordsToday === 3281 && d.retry.refused === 3281 && d.retry.recordsToday === 3281);
    console.log(`Exactly 3,281 records, none twice: ${exact ? 'yes' : 'NO'}`);
    if (days.length === 2) console.log(`PGlite vs PostgreSQL (taps/s): ${fmt(days[0]!.taps.rps / days[1]!.taps.rps, 2)}×`);
    if (year) {
      console.log(`\nA year of records on PostgreSQL: ${year.generated.records.toLocaleString('en-US')} sorting records, ${year.generated.rewards.toLocaleString('en-US')} rewards (generated in ${fmt(year.generated.seconds, 1)} s)`);
      console.log(`GET /waste/stats for 365 days vs hand-written SQL through the driver (${ITERATIONS} runs each, sequential):`);
      console.table(year.stats.rows);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
