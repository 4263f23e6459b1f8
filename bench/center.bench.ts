/**
 * Center benchmark (issue 9), over real HTTP on PGlite and PostgreSQL with fresh worlds from the
 * center test fixtures (bench/fixtures/center.ts):
 * - 1,000 residents enrolling in a 30-seat course at the same instant: exactly 30 enrolled, 970
 *   waitlisted with positions 1…970 in arrival order (the server's seq, as the staff list shows),
 *   zero errors;
 * - 200 residents booking a room at once, 20 on each of 10 one-hour slots with overlapping
 *   windows (the hour, its first 45 min, its last 45 min): exactly one booking wins per slot, the
 *   others get 409 booking_conflict.
 * On PostgreSQL both races also run as hand-written SQL through `pg` (seq bump + count + insert;
 * a plain INSERT against the exclusion constraint) on a second course and room, printed as ratios.
 * PGlite only with BENCH_PGLITE=1 (minutes at this size; see docs/benchmarks.md).
 * Knobs: BENCH_CENTER_RESIDENTS (1000), BENCH_CENTER_SEATS (30), BENCH_CENTER_BOOKINGS (200),
 * BENCH_CENTER_SLOTS (10, at most 13).
 */
import { Agent } from 'undici';
import { allPages, burst, client, fmtCounts, type Burst } from './lib/http';
import { inTx, rawBurst, type RawOutcome } from './lib/postgres';
import { Checks, latencyRow } from './lib/report';
import { onEngines } from './lib/world';
import type { CenterBenchWorld } from './fixtures/center';

const RESIDENTS = Number(process.env.BENCH_CENTER_RESIDENTS ?? 1000);
const SEATS = Number(process.env.BENCH_CENTER_SEATS ?? 30);
const BOOKINGS = Number(process.env.BENCH_CENTER_BOOKINGS ?? 200);
const SLOTS = Math.min(13, Number(process.env.BENCH_CENTER_SLOTS ?? 10));

interface Listed {
  id: string;
  status: string;
  seq: number;
  position: number | null;
}

interface EngineResult {
  enroll: Burst<{ id: string; status: string; position?: number }>;
  list: Listed[];
  book: Burst;
  winnersPerSlot: number[];
  raw?: { enroll: RawOutcome<string>; book: RawOutcome<string>; winnersPerSlot: number[] };
}

/** Booking i: slot i % SLOTS, window variant ⌊i / SLOTS⌋ % 3 — all three overlap each other, none leaves its hour. */
function window(w: CenterBenchWorld, i: number): { slot: number; startsAt: string; endsAt: string } {
  const slot = i % SLOTS;
  const h = Date.parse(w.slotStarts[slot]!);
  const [from, to] = [[0, 60], [0, 45], [15, 60]][Math.floor(i / SLOTS) % 3]!;
  return { slot, startsAt: new Date(h + from! * 60_000).toISOString(), endsAt: new Date(h + to! * 60_000).toISOString() };
}

async function race(url: string, w: CenterBenchWorld, databaseUrl?: string): Promise<EngineResult> {
  const enroll = await burst<{ id: string; status: string; position?: number }>(url, RESIDENTS, (i) => ({ route: `/courses/${w.courses.api}/enrollments`, cookie: w.residents[i]!.cookie, body: {} }));
  const dispatcher = new Agent({ connections: 2 });
  const list = await allPages<Listed>(client(url, dispatcher), `/courses/${w.courses.api}/enrollments`, w.staffCookie);
  await dispatcher.close();
  const book = await burst(url, BOOKINGS, (i) => {
    const { startsAt, endsAt } = window(w, i);
    return { route: `/venues/${w.venues.api}/bookings`, cookie: w.residents[i]!.cookie, body: { startsAt, endsAt, purpose: `抢订${i}` } };
  });
  const winnersPerSlot = Array.from({ length: SLOTS }, (_, s) => book.calls.filter((c) => c.status === 201 && window(w, c.i).slot === s).length);
  const result: EngineResult = { enroll, list, book, winnersPerSlot };
  if (databaseUrl && w.courses.raw && w.venues.raw) {
    const course = w.courses.raw;
    const venue = w.venues.raw;
    const rawEnroll = await rawBurst(databaseUrl, RESIDENTS, (c, i) =>
      inTx(c, async () => {
        const r = w.residents[i]!;
        const [{ seq, capacity }] = (await c.query<{ seq: number; capacity: number }>('UPDATE course SET enrollment_seq = enrollment_seq + 1 WHERE id = $1 RETURNING enrollment_seq AS seq, capacity', [course])).rows as [{ seq: number; capacity: number }];
        const [{ n }] = (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM course_enrollment WHERE course_id = $1 AND status = 'enrolled'`, [course])).rows as [{ n: number }];
        const status = n < capacity ? 'enrolled' : 'waitlisted';
        await c.query(`INSERT INTO course_enrollment (id, community_id, course_id, resident_id, enrolled_by, channel, status, seq) VALUES (gen_random_uuid(), $1, $2, $3, $4, 'app', $5, $6)`, [w.communityId, course, r.residentId, r.accountId, status, seq]);
        return status;
      }),
    );
    const rawBook = await rawBurst(databaseUrl, BOOKINGS, async (c, i) => {
      const { startsAt, endsAt } = window(w, i);
      const r = w.residents[i]!;
      try {
        await c.query(`INSERT INTO venue_booking (id, community_id, venue_id, starts_at, ends_at, purpose, booker_kind, booked_by, resident_id, status) VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, 'resident', $6, $7, 'confirmed')`, [w.communityId, venue, startsAt, endsAt, `抢订${i}`, r.accountId, r.residentId]);
        return `won:${window(w, i).slot}`;
      } catch (err) {
        if ((err as { code?: string }).code === '23P01') return 'booking_conflict';
        throw err;
      }
    });
    result.raw = { enroll: rawEnroll, book: rawBook, winnersPerSlot: Array.from({ length: SLOTS }, (_, s) => rawBook.values.filter((v) => v === `won:${s}`).length) };
  }
  return result;
}

const isRange = (xs: number[], n: number) => xs.length === n && [...xs].sort((x, y) => x - y).every((x, i) => x === i + 1);

export async function run(): Promise<void> {
  const WAIT = RESIDENTS - SEATS;
  console.log(`\n## Center — ${RESIDENTS} residents enroll in a ${SEATS}-seat course at once; ${BOOKINGS} bookings race for ${SLOTS} overlapping room slots`);
  const runs = await onEngines<CenterBenchWorld, EngineResult>('center', { residents: Math.max(RESIDENTS, BOOKINGS), seats: SEATS, slots: SLOTS }, (_e, url, w, db) => race(url, w, db), { pglite: false });
  for (const { engine, setupSeconds, result: r } of runs) {
    const ok = r.enroll.calls.filter((c) => c.status === 201);
    const answered = new Map(ok.map((c) => [c.body.id, c.body]));
    const waitPositions = ok.filter((c) => c.body.status === 'waitlisted').map((c) => c.body.position ?? 0);
    const checks = new Checks();
    checks.add('enrollments answered 201', RESIDENTS, ok.length);
    checks.add('enrolled', SEATS, ok.filter((c) => c.body.status === 'enrolled').length);
    checks.add('waitlisted', WAIT, waitPositions.length);
    checks.add(`waitlist positions are 1…${WAIT}, each once`, 'yes', isRange(waitPositions, WAIT) ? 'yes' : 'no');
    const enrolledSeqs = r.list.filter((e) => e.status === 'enrolled').map((e) => e.seq);
    const waiting = r.list.filter((e) => e.status === 'waitlisted').sort((a, b) => a.seq - b.seq);
    checks.add('arrival order: every enrolled seq < every waitlisted seq', 'yes', enrolledSeqs.length && waiting.length && Math.max(...enrolledSeqs) < waiting[0]!.seq ? 'yes' : 'no');
    checks.add('waitlist positions follow seq', 'yes', waiting.length === WAIT && waiting.every((e, k) => e.position === k + 1) ? 'yes' : 'no');
    checks.add("each answer's position = the staff list's", 'yes', r.list.length === RESIDENTS && r.list.every((e) => answered.get(e.id)?.status === e.status && (e.status !== 'waitlisted' || answered.get(e.id)?.position === e.position)) ? 'yes' : 'no');
    checks.add('enrollment 4xx/5xx/network errors', 0, RESIDENTS - ok.length);
    checks.add('bookings answered 201 (one per slot)', SLOTS, r.book.statuses[201] ?? 0);
    checks.add('winners per slot (min–max)', '1–1', `${Math.min(...r.winnersPerSlot)}–${Math.max(...r.winnersPerSlot)}`);
    checks.add('bookings refused 409 booking_conflict', BOOKINGS - SLOTS, r.book.codes.booking_conflict ?? 0);
    checks.add('booking 5xx / network errors', 0, r.book.result.errors);
    if (r.raw) {
      checks.add('raw SQL: enrolled / waitlisted', `${SEATS} / ${WAIT}`, `${r.raw.enroll.values.filter((v) => v === 'enrolled').length} / ${r.raw.enroll.values.filter((v) => v === 'waitlisted').length}`);
      checks.add('raw SQL: winners per slot (min–max)', '1–1', `${Math.min(...r.raw.winnersPerSlot)}–${Math.max(...r.raw.winnersPerSlot)}`);
    }
    checks.print(`${engine} (world built in ${setupSeconds.toFixed(1)} s): outcomes`);
    console.log(`statuses — enroll: ${fmtCounts(r.enroll.statuses)} ${fmtCounts(r.enroll.codes)}; book: ${fmtCounts(r.book.statuses)} ${fmtCounts(r.book.codes)}`);
    console.table([
      latencyRow(`enroll ×${RESIDENTS} / ${SEATS} seats`, r.enroll.result, r.raw?.enroll.result),
      latencyRow(`book ×${BOOKINGS} / ${SLOTS} slots`, r.book.result, r.raw?.book.result),
    ]);
  }
}
