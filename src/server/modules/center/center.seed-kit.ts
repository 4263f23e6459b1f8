/**
 * Tools of the center's demo seeders: find a demo community's center, pick residents (read-only on
 * places), insert rows a thousand at a time, and collect the service visits the records imply.
 */
import { sql } from 'drizzle-orm';
import { newId } from '../../platform/db/columns';
import { rows, type Tx } from '../../platform/db/client';
import type { SeedContext } from '../../seed/runner';
import { insertVisits, type VisitInput } from '../service-visits/service-visits.service';
import type { Theme } from './center.constants';
import { centerSatisfaction, course, courseAttendance, courseEnrollment, courseSession, event, eventSignup, venue, venueBooking } from './center.tables';
import { addDays, localParts, zonedInstant } from './center.time';

export interface SeedCenter {
  communityId: string;
  centerId: string;
  tz: string;
  today: string;
}

export async function seedCenterOf(tx: Tx, code: string, now: Date): Promise<SeedCenter> {
  const [row] = await rows<{ communityId: string; centerId: string; tz: string }>(
    tx,
    sql`SELECT o.id AS "communityId", c.id AS "centerId", o.timezone AS tz FROM org_node o JOIN center c ON c.community_id = o.id WHERE o.code = ${code} ORDER BY c.created_at LIMIT 1`,
  );
  if (!row) throw new Error(`demo community ${code} has no center`);
  return { ...row, today: localParts(now, row.tz).date };
}

export interface Person {
  id: string;
  name: string;
  birthDate: string | null;
  tags: string[];
  householdId: string | null;
}

/** Active residents of a community in an age band (on `today`), in a stable order. */
export async function residentsAged(tx: Tx, communityId: string, today: string, minAge: number, maxAge: number, limit: number): Promise<Person[]> {
  return rows<Person>(
    tx,
    sql`SELECT id, name, birth_date::text AS "birthDate", tags, household_id AS "householdId" FROM resident
         WHERE community_id = ${communityId} AND status = 'active' AND birth_date IS NOT NULL
           AND birth_date <= (${today}::date - make_interval(years => ${minAge}))
           AND birth_date > (${today}::date - make_interval(years => ${maxAge + 1}))
         ORDER BY name_pinyin, birth_date, id_number_last4, name LIMIT ${limit}`,
  );
}

/** A household's adults (for who picks a child up from the 4:30 school). */
export async function adultsOf(tx: Tx, householdIds: string[], today: string): Promise<Map<string, Array<{ name: string; relation: string | null; age: number }>>> {
  if (householdIds.length === 0) return new Map();
  const found = await rows<{ householdId: string; name: string; relation: string | null; age: number }>(
    tx,
    sql`SELECT household_id AS "householdId", name, relation_to_head AS relation, date_part('year', age(${today}::date, birth_date))::int AS age
          FROM resident WHERE household_id IN (${sql.join(householdIds.map((h) => sql`${h}::uuid`), sql`, `)}) AND birth_date <= ${today}::date - interval '18 years'
         ORDER BY birth_date`,
  );
  const out = new Map<string, Array<{ name: string; relation: string | null; age: number }>>();
  for (const r of found) out.set(r.householdId, [...(out.get(r.householdId) ?? []), r]);
  return out;
}

export async function insertChunked<T>(tx: Tx, table: Parameters<Tx['insert']>[0], values: T[], size = 1000): Promise<void> {
  for (let i = 0; i < values.length; i += size) await tx.insert(table).values(values.slice(i, i + size) as never);
}

/** Picks `n` distinct items deterministically. */
export function sample<T>(rng: SeedContext['rng'], items: readonly T[], n: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < n && pool.length) out.push(pool.splice(rng.int(0, pool.length - 1), 1)[0]!);
  return out;
}

export interface VenueSpec {
  name: string;
  purpose: string;
  areaM2: number;
  capacity: number;
  equipment: string[];
  theme?: Theme;
  bookableBy?: Array<'partner' | 'resident'>;
}

export async function seedVenues(tx: Tx, c: SeedCenter, specs: readonly VenueSpec[], hours: [string, string]): Promise<Map<string, string>> {
  const values = specs.map((v) => ({
    id: newId(),
    communityId: c.communityId,
    centerId: c.centerId,
    name: v.name,
    purpose: v.purpose,
    areaM2: v.areaM2,
    capacity: v.capacity,
    equipment: v.equipment,
    theme: v.theme ?? null,
    opensAt: hours[0],
    closesAt: hours[1],
    bookableBy: v.bookableBy ?? ['resident', 'partner'],
    approvalRequired: true,
  }));
  await tx.insert(venue).values(values);
  return new Map(values.map((v) => [v.name, v.id]));
}

/**
 * Collects a seeder's records in memory (ids made up front, so rows can refer to each other) and
 * writes them in foreign-key order, a thousand rows per statement.
 */
export class SeedBatch {
  bookings: Array<typeof venueBooking.$inferInsert> = [];
  courses: Array<typeof course.$inferInsert> = [];
  sessions: Array<typeof courseSession.$inferInsert> = [];
  enrollments: Array<typeof courseEnrollment.$inferInsert> = [];
  attendance: Array<typeof courseAttendance.$inferInsert> = [];
  events: Array<typeof event.$inferInsert> = [];
  signups: Array<typeof eventSignup.$inferInsert> = [];
  answers: Array<typeof centerSatisfaction.$inferInsert> = [];
  visits: VisitInput[] = [];

  constructor(readonly c: SeedCenter) {}

  at(dayOffset: number, time: string): Date {
    return zonedInstant(addDays(this.c.today, dayOffset), time, this.c.tz);
  }

  hold(venueId: string | undefined, startsAt: Date, endsAt: Date, kind: 'course' | 'event', purpose: string, seriesId: string | null = null): string | null {
    if (!venueId) return null;
    const id = newId();
    this.bookings.push({ id, communityId: this.c.communityId, venueId, seriesId, startsAt, endsAt, purpose, bookerKind: kind, status: 'confirmed', createdAt: new Date(startsAt.getTime() - 14 * 86_400_000) });
    return id;
  }

  visit(residentId: string | null, source: VisitInput['source'], sourceId: string, occurredAt: Date, theme: Theme | null): void {
    this.visits.push({ communityId: this.c.communityId, centerId: this.c.centerId, residentId, source, sourceId, occurredAt, theme });
  }

  answer(kind: 'event' | 'course', subjectId: string, residentId: string, theme: Theme | null, score: number, at: Date): void {
    this.answers.push({ communityId: this.c.communityId, centerId: this.c.centerId, subjectKind: kind, subjectId, residentId, theme, score, createdAt: at });
  }

  /** Writes everything collected; returns the counts. */
  async flush(tx: Tx): Promise<Record<string, number>> {
    const counts = {
      bookings: this.bookings.length, courses: this.courses.length, sessions: this.sessions.length, enrollments: this.enrollments.length,
      attendance: this.attendance.length, events: this.events.length, signups: this.signups.length, answers: this.answers.length, visits: this.visits.length,
    };
    await insertChunked(tx, venueBooking, this.bookings);
    await insertChunked(tx, course, this.courses);
    await insertChunked(tx, courseSession, this.sessions);
    await insertChunked(tx, courseEnrollment, this.enrollments);
    await insertChunked(tx, courseAttendance, this.attendance);
    await insertChunked(tx, event, this.events);
    await insertChunked(tx, eventSignup, this.signups);
    await insertChunked(tx, centerSatisfaction, this.answers);
    await insertVisits(tx, this.visits);
    return counts;
  }
}

/** Survey answers: mostly satisfied, a few not (the demo's rates should look like real ones). */
export function scoreOf(rng: SeedContext['rng'], satisfiedShare = 0.95): number {
  if (rng.next() < satisfiedShare) return rng.next() < 0.72 ? 5 : 4;
  return rng.next() < 0.7 ? 3 : 2;
}
