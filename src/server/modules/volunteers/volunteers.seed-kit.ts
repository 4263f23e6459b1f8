/**
 * Building blocks of the volunteer demo data: rows made in memory and written with multi-row
 * inserts (first start on PGlite must stay quick). Every figure shown later is a count or sum of
 * these rows.
 */
import { getTableColumns, is, SQL, sql } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { newId } from '../../platform/db/columns';
import { rows, type Tx } from '../../platform/db/client';
import type { Crypto } from '../../platform/crypto';
import { chineseName, mobilePhone, type Rng } from '../../seed/random';
import { availabilitySlots, volunteerSkills, type activityCategories } from './volunteer-values.schemas';
import { volunteer, volunteerActivity, volunteerActivitySlot, volunteerSignup } from './volunteers.tables';

type VolunteerInsert = typeof volunteer.$inferInsert;
type ActivityInsert = typeof volunteerActivity.$inferInsert;
type SignupInsert = Omit<typeof volunteerSignup.$inferInsert, 'seq'>;

/**
 * Many rows in one statement: the rows travel as one JSON parameter and `json_populate_recordset`
 * turns them into the table's row type. Several times faster than a multi-row VALUES list on
 * PGlite (no per-value parameters to build and bind). Columns no row mentions keep their defaults.
 */
export async function insertChunked(tx: Tx, table: PgTable, values: readonly object[], size = 2000): Promise<void> {
  const { name, columns } = getTableConfig(table);
  const cols = getTableColumns(table);
  const columnOf = new Map(Object.entries(cols).map(([key, col]) => [key, col.name]));
  // A key some rows leave out takes the column's plain default there (NULL would break NOT NULL).
  const fallback = (key: string): unknown => {
    const d = (cols[key] as { default?: unknown } | undefined)?.default;
    return d === undefined || is(d, SQL) ? null : d;
  };
  const used = new Set<string>();
  for (const row of values) for (const key of Object.keys(row)) if ((row as Record<string, unknown>)[key] !== undefined) used.add(key);
  const keys = [...used].filter((k) => columnOf.has(k));
  if (!columns.length || !keys.length) return;
  const list = sql.raw(keys.map((k) => `"${columnOf.get(k)}"`).join(', '));
  for (let i = 0; i < values.length; i += size) {
    const chunk = values.slice(i, i + size).map((row) => Object.fromEntries(keys.map((k) => [columnOf.get(k)!, (row as Record<string, unknown>)[k] ?? fallback(k)])));
    await tx.execute(sql`INSERT INTO ${sql.identifier(name)} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${sql.identifier(name)}, ${JSON.stringify(chunk)}::json)`);
  }
}

/** A wall-clock time in Asia/Shanghai (UTC+8, no daylight saving) on the local day `daysFromToday` days away. */
export function shanghaiTime(now: Date, daysFromToday: number, hour: number, minute = 0): Date {
  const local = new Date(now.getTime() + 8 * 3_600_000);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + daysFromToday, hour - 8, minute));
}

export interface ExistingResident {
  id: string;
  name: string;
  gender: 'male' | 'female';
  birth_date: string | null;
}

/** Adult residents of a community from the places seed, if it ran (read only). */
export function adultResidents(tx: Tx, communityId: string, limit: number): Promise<ExistingResident[]> {
  return rows<ExistingResident>(
    tx,
    sql`SELECT id, name, gender, birth_date::text AS birth_date FROM resident
         WHERE community_id = ${communityId} AND status = 'active' AND (birth_date IS NULL OR birth_date <= (now() - interval '16 years')::date)
         ORDER BY id LIMIT ${limit}`,
  );
}

function birthDate(rng: Rng, now: Date, minAge: number, maxAge: number): string {
  const year = now.getUTCFullYear() - rng.int(minAge, maxAge);
  return `${year}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
}

function someOf<T>(rng: Rng, items: readonly T[], min: number, max: number): T[] {
  const n = rng.int(min, max);
  const picked = new Set<T>();
  while (picked.size < Math.min(n, items.length)) picked.add(rng.pick(items));
  return [...picked];
}

/**
 * Approved volunteers. Where the places seed made residents, volunteers are those residents
 * (name, gender, birth date from the record); the rest carry their own name and encrypted phone.
 */
export function makeVolunteers(
  rng: Rng,
  crypto: Crypto,
  now: Date,
  communityId: string,
  count: number,
  residents: readonly ExistingResident[],
  opts: { areas: ReadonlyArray<(typeof activityCategories)[number]>; ageRange: [number, number]; partyShare: number },
): VolunteerInsert[] {
  const out: VolunteerInsert[] = [];
  for (let i = 0; i < count; i++) {
    const r = residents[i];
    const gender = r?.gender ?? (rng.chance(0.58) ? 'female' : 'male');
    const phone = mobilePhone(rng);
    out.push({
      id: newId(),
      communityId,
      residentId: r?.id ?? null,
      origin: rng.chance(opts.partyShare) ? 'party_member' : 'resident',
      name: r?.name ?? chineseName(rng, gender),
      gender,
      birthDate: r?.birth_date ?? birthDate(rng, now, opts.ageRange[0], opts.ageRange[1]),
      phoneEnc: crypto.encrypt(phone),
      phoneIdx: crypto.blindIndex('phone', phone),
      phoneLast4: phone.slice(-4),
      skills: someOf(rng, volunteerSkills, 0, 2),
      availability: someOf(rng, availabilitySlots, 1, 3),
      areas: someOf(rng, opts.areas, 1, 2),
      status: 'approved',
      reviewedAt: new Date(now.getTime() - rng.int(30, 900) * 86_400_000),
      createdAt: new Date(now.getTime() - rng.int(30, 900) * 86_400_000),
    });
  }
  return out;
}

export interface ActivityPlan {
  activity: ActivityInsert & { id: string; communityId: string; startsAt: Date; endsAt: Date };
  slotId: string;
}

/** A published activity with one slot. */
export function planActivity(a: Omit<ActivityInsert, 'id' | 'status' | 'cancelCutoffMinutes'> & { startsAt: Date; endsAt: Date; cancelCutoffMinutes?: number }, role: string, capacity: number) {
  const id = newId();
  return {
    activity: { requiredSkills: [], ...a, id, status: 'published' as const, publishedAt: new Date(a.startsAt.getTime() - 7 * 86_400_000), cancelCutoffMinutes: a.cancelCutoffMinutes ?? 120 },
    slot: { id: newId(), communityId: a.communityId, activityId: id, role, capacity, position: 0 },
  };
}

/** A signup that was served and confirmed: check-in at the start, check-out after `minutes`. */
export function servedSignup(plan: { activity: { id: string; communityId: string; startsAt: Date }; slot: { id: string } }, volunteerId: string, minutes: number, confirmedBy: string | null, confirmed = true): SignupInsert {
  const inAt = plan.activity.startsAt;
  const outAt = new Date(inAt.getTime() + minutes * 60_000);
  return {
    id: newId(),
    communityId: plan.activity.communityId,
    activityId: plan.activity.id,
    slotId: plan.slot.id,
    volunteerId,
    status: 'signed_up',
    checkedInAt: inAt,
    checkInMethod: 'qr',
    checkedOutAt: outAt,
    checkOutMethod: 'qr',
    recordedMinutes: minutes,
    hoursStatus: confirmed ? 'confirmed' : 'recorded',
    confirmedMinutes: confirmed ? minutes : null,
    confirmedAt: confirmed ? new Date(outAt.getTime() + 3_600_000) : null,
    confirmedBy: confirmed ? confirmedBy : null,
    createdAt: new Date(inAt.getTime() - 3 * 86_400_000),
  };
}

export async function writeActivities(tx: Tx, plans: ReadonlyArray<{ activity: ActivityInsert; slot: typeof volunteerActivitySlot.$inferInsert }>, signups: readonly SignupInsert[]): Promise<void> {
  await insertChunked(tx, volunteerActivity, plans.map((p) => p.activity), 400);
  await insertChunked(tx, volunteerActivitySlot, plans.map((p) => p.slot), 1000);
  await insertChunked(tx, volunteerSignup, signups, 800);
}
