/**
 * Tickets benchmark (issue 6), printed side by side in one run:
 * - create + route: 200 residents (one virtual user each) filing tickets back to back for 10 s
 *   over real HTTP, every request with its own Idempotency-Key as phones send it, and every tenth
 *   one retried at once with the same key (a phone on a bad network). On PGlite and PostgreSQL
 *   (fresh worlds from places-factory, bench/fixtures/tickets.ts): p50/p99, requests/s, zero 5xx,
 *   each retry answered with the original ticket, each ticket routed to its grid's primary worker,
 *   and the statistics (trigger-kept rollups) counting exactly the tickets created — no
 *   duplicates. On PostgreSQL the same closed loop by hand-written SQL through `pg` (building →
 *   category → duty worker → insert ticket and its two events), printed as a ratio.
 * - statistics over 1,000,000 tickets (PostgreSQL): rows bulk-generated with INSERT … SELECT
 *   generate_series (rollup trigger off), the module's rollup rebuild (ticketStatsRepository
 *   .rebuild), then GET /tickets/stats for the last 365 days vs the module's raw query over the
 *   ticket table (rawFigures, through the driver), same figures checked; target p99 ≤ 100 ms.
 * Knobs: BENCH_TICKETS_USERS (200), BENCH_TICKETS_SECONDS (10), BENCH_TICKETS_ROWS (1000000),
 * BENCH_TICKETS_ITERATIONS (30).
 */
import pg from 'pg';
import { Agent } from 'undici';
import { openPostgres } from '../src/server/platform/db/client';
import { ticketStatsRepository } from '../src/server/modules/tickets/tickets.stats.repository';
import { client, fmtCounts, tally, type Call } from './lib/http';
import { fmt, load, summarize, type LoadResult } from './lib/load';
import { inTx } from './lib/postgres';
import { Checks, latencyRow } from './lib/report';
import { onEngines } from './lib/world';
import type { TicketsBenchWorld } from './fixtures/tickets';

const USERS = Number(process.env.BENCH_TICKETS_USERS ?? 200);
const SECONDS = Number(process.env.BENCH_TICKETS_SECONDS ?? 10);
const ROWS = Number(process.env.BENCH_TICKETS_ROWS ?? 1_000_000);
const ITERATIONS = Number(process.env.BENCH_TICKETS_ITERATIONS ?? 30);
const CATEGORIES = ['sanitation', 'property_repair', 'neighbour_dispute'];

type Ticket = { id: string; assignee: { accountId: string } | null };

interface FiledResult {
  result: LoadResult;
  statuses: Record<number, number>;
  codes: Record<string, number>;
  created: Set<string>;
  retries: number;
  retriesSame: number;
  /** Retries answered 2xx with another ticket: a duplicate. */
  retriesOther: number;
  misrouted: number;
  /** First requests answered 5xx, then re-sent with their key after the run; how many then got their 201. */
  failed: number;
  recovered: number;
  received: number;
  raw?: { result: LoadResult; created: number };
  stats?: StatsResult;
}

interface StatsResult {
  rows: number;
  generateSeconds: number;
  rebuildSeconds: number;
  api: LoadResult;
  raw: LoadResult;
  loaded: LoadResult;
  same: boolean;
  apiTotals: Record<string, unknown>;
  rawTotals: Record<string, unknown>;
}

async function fileTickets(url: string, w: TicketsBenchWorld): Promise<Omit<FiledResult, 'raw' | 'stats'>> {
  const dispatcher = new Agent({ connections: USERS, pipelining: 1, keepAliveTimeout: 60_000 });
  const call = client(url, dispatcher);
  const calls: Call<Ticket>[] = [];
  const created = new Set<string>();
  let retries = 0;
  let retriesSame = 0;
  let misrouted = 0;
  let retriesOther = 0;
  const failed: Array<{ cookie: string; body: unknown; key: string }> = [];
  const started = performance.now();
  const end = started + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: USERS }, async (_, u) => {
      const r = w.residents[u % w.residents.length]!;
      for (let n = 0; performance.now() < end; n++) {
        const key = `bench-${u}-${n}`;
        const body = { kind: 'appeal', category: CATEGORIES[n % CATEGORIES.length], description: `楼道里堆满了杂物，没人清理（${u}-${n}）`, buildingId: r.buildingId };
        const first = await call<Ticket>('POST', '/tickets', r.cookie, body, { 'idempotency-key': key });
        calls.push(first);
        if (first.status !== 201) {
          failed.push({ cookie: r.cookie, body, key });
          continue;
        }
        created.add(first.body.id);
        if (first.body.assignee?.accountId !== w.primaries[r.gridId]) misrouted++;
        if (n % 10 === 0) {
          const again = await call<Ticket>('POST', '/tickets', r.cookie, body, { 'idempotency-key': key });
          calls.push(again);
          retries++;
          if (again.status < 300 && again.body.id === first.body.id) retriesSame++;
          else if (again.status < 300) retriesOther++;
        }
      }
    }),
  );
  const elapsed = performance.now() - started;
  // What a phone does after an error: send the same request with the same key again, until it gets an answer.
  let recovered = 0;
  for (const f of failed) {
    for (let attempt = 0; attempt < 5; attempt++) {
      const res = await call<Ticket>('POST', '/tickets', f.cookie, f.body, { 'idempotency-key': f.key });
      if (res.status === 201) {
        created.add(res.body.id);
        recovered++;
        break;
      }
    }
  }
  const statsCall = await call<{ totals: { received: number } }>('GET', `/tickets/stats?orgId=${w.communityId}`, w.secretaryCookie);
  await dispatcher.close();
  return { ...tally(calls, elapsed), created, retries, retriesSame, retriesOther, misrouted, failed: failed.length, recovered, received: statsCall.body.totals.received };
}

/** The same closed loop by hand: one transaction per ticket on a pool as large as the app's. */
async function rawTickets(databaseUrl: string, w: TicketsBenchWorld): Promise<{ result: LoadResult; created: number }> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const end = started + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: USERS }, async (_, u) => {
      const r = w.residents[u % w.residents.length]!;
      for (let n = 0; performance.now() < end; n++) {
        const t = performance.now();
        const c = await pool.connect();
        try {
          await inTx(c, async () => {
            const [b] = (await c.query('SELECT id, community_id, grid_id FROM building WHERE id = $1', [r.buildingId])).rows;
            const [cat] = (await c.query('SELECT id, key, deadline_hours FROM ticket_category WHERE community_id = $1 AND key = $2 AND active', [b.community_id, CATEGORIES[n % CATEGORIES.length]])).rows;
            const [duty] = (await c.query(`SELECT account_id FROM grid_duty gd WHERE grid_id = $1 AND duty = 'primary' AND NOT EXISTS (SELECT 1 FROM duty_leave l WHERE l.account_id = gd.account_id AND current_date BETWEEN l.starts_on AND l.ends_on)`, [b.grid_id])).rows;
            const [row] = (
              await c.query(
                `INSERT INTO ticket (id, community_id, grid_id, building_id, category_id, category_key, kind, channel, description, submitter_account_id, submitter_resident_id, created_by, assignee_account_id, assigned_at, created_on, due_at)
                 VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, 'appeal', 'resident_app', $6, $7, $8, $7, $9, now(), (now() AT TIME ZONE 'Asia/Shanghai')::date, now() + $10 * interval '1 hour') RETURNING id`,
                [b.community_id, b.grid_id, b.id, cat.id, cat.key, `楼道里堆满了杂物（基线 ${u}-${n}）`, r.accountId, r.residentId, duty?.account_id ?? null, cat.deadline_hours],
              )
            ).rows;
            await c.query(
              `INSERT INTO ticket_event (id, community_id, ticket_id, actor_account_id, actor_name, actor_kind, action, to_status) VALUES (gen_random_uuid(), $1, $2, $3, 'resident', 'submitter', 'create', 'submitted'), (gen_random_uuid(), $1, $2, NULL, 'system', 'system', 'assign', 'submitted')`,
              [b.community_id, row.id, r.accountId],
            );
          });
          latencies.push(performance.now() - t);
        } catch {
          errors++;
        } finally {
          c.release();
        }
      }
    }),
  );
  const result = summarize(latencies, errors, performance.now() - started);
  await pool.end();
  return { result, created: latencies.length };
}

/** ~ROWS tickets over the past year in the community: categories, buildings and outcomes spread. */
async function generate(c: pg.Client, communityId: string, rows: number): Promise<number> {
  const started = performance.now();
  await c.query('ALTER TABLE ticket DISABLE TRIGGER USER');
  try {
    await c.query(
      `WITH cats AS (SELECT array_agg(id ORDER BY key) AS ids, array_agg(key ORDER BY key) AS keys, array_agg(deadline_hours ORDER BY key) AS hrs, count(*)::int AS n FROM ticket_category WHERE community_id = $1),
            bld AS (SELECT array_agg(id ORDER BY id) AS ids, array_agg(grid_id ORDER BY id) AS grids, count(*)::int AS n FROM building WHERE community_id = $1)
       INSERT INTO ticket (id, community_id, grid_id, building_id, category_id, category_key, kind, channel, status, description, created_on, created_at, due_at, accepted_at, resolved_at, closed_at, rating, reopen_count, escalation_count)
       SELECT gen_random_uuid(), $1, bld.grids[s.bi], bld.ids[s.bi], cats.ids[s.ci], cats.keys[s.ci], 'appeal', 'resident_app',
              s.status, '楼道里堆满了杂物，没人清理', (s.at AT TIME ZONE 'Asia/Shanghai')::date, s.at, s.at + cats.hrs[s.ci] * interval '1 hour',
              CASE WHEN s.status <> 'submitted' THEN s.at + interval '1 hour' END,
              CASE WHEN s.status IN ('resolved', 'closed') THEN s.at + s.q * 1.5 * cats.hrs[s.ci] * interval '1 hour' END,
              CASE WHEN s.status = 'closed' THEN s.at + (s.q * 1.5 * cats.hrs[s.ci] + 24) * interval '1 hour' END,
              CASE WHEN s.status = 'closed' AND s.q < 0.6 THEN 1 + (s.i % 5) END,
              CASE WHEN s.i % 50 = 0 THEN 1 ELSE 0 END, CASE WHEN s.q > 0.9 THEN 1 ELSE 0 END
         FROM (SELECT i, now() - random() * interval '365 days' - interval '1 day' AS at, random() AS q,
                      CASE WHEN i % 20 < 13 THEN 'closed' WHEN i % 20 < 16 THEN 'resolved' WHEN i % 20 < 18 THEN 'accepted' ELSE 'submitted' END AS status,
                      1 + (i % (SELECT n FROM cats)) AS ci, 1 + ((i / 7) % (SELECT n FROM bld)) AS bi
                 FROM generate_series(1, $2::int) AS g(i)) s, cats, bld`,
      [communityId, rows],
    );
  } finally {
    await c.query('ALTER TABLE ticket ENABLE TRIGGER USER');
  }
  return (performance.now() - started) / 1000;
}

async function statsOverMillion(url: string, w: TicketsBenchWorld, databaseUrl: string): Promise<StatsResult> {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  const generateSeconds = await generate(c, w.communityId, ROWS);
  const database = await openPostgres(databaseUrl, { max: 2 });
  const r0 = performance.now();
  await ticketStatsRepository.rebuild(database.db);
  await c.query('ANALYZE ticket');
  await c.query('ANALYZE ticket_stat_daily');
  await c.query('ANALYZE ticket_stat_monthly');
  const rebuildSeconds = (performance.now() - r0) / 1000;
  const [{ n }] = (await c.query<{ n: number }>('SELECT count(*)::int AS n FROM ticket')).rows as [{ n: number }];
  const [{ path }] = (await c.query<{ path: string }>('SELECT path FROM org_node WHERE id = $1', [w.communityId])).rows as [{ path: string }];
  await c.end();

  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const from = new Date(Date.parse(`${today}T00:00:00Z`) - 364 * 86_400_000).toISOString().slice(0, 10);
  const route = `/tickets/stats?orgId=${w.communityId}&from=${from}&to=${today}`;
  const dispatcher = new Agent({ connections: 2 });
  const call = client(url, dispatcher);
  const org = { id: w.communityId, kind: 'community' as const, path };
  await call('GET', route, w.secretaryCookie);
  await ticketStatsRepository.rawFigures(database.db, org, from, today);
  const apiMs: number[] = [];
  const rawMs: number[] = [];
  let apiTotals: Record<string, unknown> = {};
  let rawTotals: Record<string, unknown> = {};
  for (let i = 0; i < ITERATIONS; i++) {
    const a = await call<{ totals: Record<string, unknown> }>('GET', route, w.secretaryCookie);
    if (a.status !== 200) throw new Error(`stats ${a.status}: ${JSON.stringify(a.body)}`);
    apiMs.push(a.ms);
    apiTotals = a.body.totals;
    const t = performance.now();
    const raw = await ticketStatsRepository.rawFigures(database.db, org, from, today);
    rawMs.push(performance.now() - t);
    rawTotals = raw as unknown as Record<string, unknown>;
  }
  await dispatcher.close();
  await database.close();
  const loaded = await load({ url: `${url}/api/v1${route}`, headers: { cookie: w.secretaryCookie }, concurrency: 8, durationMs: 5000 });
  const same = apiTotals.received === rawTotals.received && apiTotals.resolved === rawTotals.resolved && apiTotals.rated === rawTotals.rated && apiTotals.reopened === rawTotals.reopened && apiTotals.escalated === rawTotals.escalated;
  return { rows: n, generateSeconds, rebuildSeconds, api: summarize(apiMs, 0, apiMs.reduce((x, y) => x + y, 0)), raw: summarize(rawMs, 0, rawMs.reduce((x, y) => x + y, 0)), loaded, same, apiTotals, rawTotals };
}

export async function run(): Promise<void> {
  console.log(`\n## Tickets — ${USERS} residents file tickets back to back for ${SECONDS} s (create + route, idempotency keys, 1 in 10 retried); stats over ${ROWS.toLocaleString('en-US')} tickets`);
  const runs = await onEngines<TicketsBenchWorld, FiledResult>('tickets', { residents: USERS }, async (engine, url, w, databaseUrl) => {
    const filed: FiledResult = await fileTickets(url, w);
    if (databaseUrl) {
      filed.raw = await rawTickets(databaseUrl, w);
      if (ROWS > 0) filed.stats = await statsOverMillion(url, w, databaseUrl);
    }
    return filed;
  });
  for (const { engine, setupSeconds, result: r } of runs) {
    const checks = new Checks();
    const firsts = r.created.size;
    checks.add('5xx / network errors', 0, r.result.errors);
    checks.add('other refusals (4xx)', 0, Object.entries(r.statuses).filter(([s]) => Number(s) >= 400 && Number(s) < 500).reduce((n, [, c]) => n + c, 0));
    checks.add('immediate retries answered with the original ticket', r.retries, r.retriesSame);
    checks.add('immediate retries answered with another ticket (duplicate)', 0, r.retriesOther);
    checks.add('tickets routed to their grid’s primary worker', firsts - r.recovered, firsts - r.recovered - r.misrouted);
    checks.add('requests answered 5xx, re-sent with their key: answered 201', r.failed, r.recovered);
    checks.add('tickets stored = distinct tickets answered (no duplicates)', firsts, r.received);
    if (r.stats) {
      checks.add('stats over the rows: API figures = raw SQL figures', 'yes', r.stats.same ? 'yes' : 'no');
      checks.add('stats p99 ≤ 100 ms (sequential)', 'yes', r.stats.api.p99 <= 100 ? 'yes' : 'no');
    }
    checks.print(`${engine} (world built in ${setupSeconds.toFixed(1)} s): outcomes`);
    console.log(`statuses — ${fmtCounts(r.statuses)} ${fmtCounts(r.codes)}; distinct tickets answered ${firsts} (${r.recovered} of them only after re-sending a 5xx), immediate retries ${r.retries}`);
    console.table([latencyRow(`create + route, ${USERS} users × ${SECONDS} s`, r.result, r.raw?.result)]);
    if (r.stats) {
      const s = r.stats;
      console.log(`\n${s.rows.toLocaleString('en-US')} tickets on PostgreSQL (generated in ${fmt(s.generateSeconds, 1)} s, rollups rebuilt in ${fmt(s.rebuildSeconds, 1)} s); the last 365 days, ${ITERATIONS} runs each, sequential:`);
      console.table([
        {
          query: 'GET /tickets/stats (rollups) vs raw SQL over ticket',
          received: String(s.apiTotals.received),
          'API p50 ms': fmt(s.api.p50, 1),
          'API p99 ms': fmt(s.api.p99, 1),
          'raw SQL p50 ms': fmt(s.raw.p50, 1),
          'raw SQL p99 ms': fmt(s.raw.p99, 1),
          'raw/API p50': fmt(s.raw.p50 / s.api.p50, 1) + '×',
          'same figures': s.same ? 'yes' : 'NO',
        },
      ]);
      console.log(`GET /tickets/stats under load (8 concurrent, 5 s): ${fmt(s.loaded.rps, 0)} req/s, p50 ${fmt(s.loaded.p50, 1)} ms, p99 ${fmt(s.loaded.p99, 1)} ms, errors ${s.loaded.errors}`);
    }
  }
}
