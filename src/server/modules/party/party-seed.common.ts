/** Helpers shared by the party demo seeders: chunked inserts, members, dates in Asia/Shanghai. */
import { eq, sql } from 'drizzle-orm';
import { newId } from '../../platform/db/columns';
import { rows, type Tx } from '../../platform/db/client';
import { orgNode } from '../../platform/db/tables/org';
import { chineseName, type Rng } from '../../seed/random';
import { partyMember, partyOrg } from './party.tables';

export const ZONE = 'Asia/Shanghai';
export const DAY = 86_400_000;

export async function insertChunked<T>(tx: Tx, table: Parameters<Tx['insert']>[0], values: T[], size = 1000): Promise<void> {
  for (let i = 0; i < values.length; i += size) await tx.insert(table).values(values.slice(i, i + size) as never);
}

export async function communityByCode(tx: Tx, code: string): Promise<{ id: string; name: string } | undefined> {
  const [row] = await tx.select({ id: orgNode.id, name: orgNode.name }).from(orgNode).where(eq(orgNode.code, code));
  return row;
}

export type OrgInsert = typeof partyOrg.$inferInsert & { id: string; path: string };

/** An org row with its materialized path under `parent` (null = top of the community). */
export function orgRow(communityId: string, parent: { id: string; path: string } | null, kind: OrgInsert['kind'], name: string, sortOrder = 0): OrgInsert {
  const id = newId();
  return { id, communityId, parentId: parent?.id ?? null, kind, name, sortOrder, path: `${parent?.path ?? '/'}${id}/` };
}

export type MemberInsert = typeof partyMember.$inferInsert & { id: string; name: string };

/** A synthetic member: joined the party between 1975 and five years ago, full unless recent. */
export function memberRow(rng: Rng, now: Date, communityId: string, orgId: string, extra: Partial<MemberInsert> = {}): MemberInsert {
  const gender = rng.chance(0.55) ? 'male' : 'female';
  const joinedYear = rng.int(1975, now.getUTCFullYear() - 2);
  const joinedOn = `${joinedYear}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
  const probationary = joinedYear >= now.getUTCFullYear() - 2 && rng.chance(0.6);
  return {
    id: newId(),
    communityId,
    orgId,
    name: chineseName(rng, gender),
    gender,
    status: probationary ? 'probationary' : 'full',
    joinedOn,
    fullOn: probationary ? null : `${joinedYear + 1}${joinedOn.slice(4)}`,
    membership: 'registered',
    tags: [],
    ...extra,
  };
}

/** Buildings of a community with their estate, for groups to cover (read-only use of places data). */
export function buildingsOf(tx: Tx, communityId: string, limit: number) {
  return rows<{ id: string; name: string; estate: string }>(
    tx,
    sql`SELECT b.id, b.name, e.name AS estate FROM building b JOIN estate e ON e.id = b.estate_id
         WHERE b.community_id = ${communityId} ORDER BY e.name, length(b.name), b.name LIMIT ${limit}`,
  );
}

/** The instant of a wall-clock time in Asia/Shanghai (UTC+8, no DST). */
export const shanghai = (y: number, m: number, d: number, hh = 0, mm = 0): Date => new Date(Date.UTC(y, m - 1, d, hh - 8, mm));

/** The last `weekday` (ISO) at hh:mm Shanghai strictly before `now`. */
export function lastWeekly(now: Date, weekday: number, hh: number, mm: number): Date {
  const local = new Date(now.getTime() + 8 * 3_600_000);
  const dow = local.getUTCDay() === 0 ? 7 : local.getUTCDay();
  let back = (dow - weekday + 7) % 7;
  let slot = shanghai(local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate() - back, hh, mm);
  if (slot.getTime() >= now.getTime()) {
    back += 7;
    slot = shanghai(local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate() - back, hh, mm);
  }
  return slot;
}

/** Points for every check-in and every lecture given in a community, from the records (one statement each). */
export async function creditLectures(tx: Tx, communityId: string): Promise<void> {
  await tx.execute(sql`
    INSERT INTO party_point_entry (id, community_id, member_id, source, source_id, quantity, points, occurred_at)
    SELECT gen_random_uuid(), c.community_id, c.member_id, 'lecture_check_in', c.id::text, 1, 1, c.checked_in_at
      FROM lecture_check_in c WHERE c.community_id = ${communityId}
    ON CONFLICT DO NOTHING`);
  await tx.execute(sql`
    INSERT INTO party_point_entry (id, community_id, member_id, source, source_id, quantity, points, occurred_at)
    SELECT gen_random_uuid(), l.community_id, l.lecturer_member_id, 'lecture_given', l.id::text, 1, 5, l.scheduled_at
      FROM micro_lecture l WHERE l.community_id = ${communityId} AND l.lecturer_member_id IS NOT NULL AND l.checkin_closes_at <= now()
    ON CONFLICT DO NOTHING`);
}

/** Points for every service done on a claimed post in a community. */
export async function creditClaims(tx: Tx, communityId: string): Promise<void> {
  await tx.execute(sql`
    INSERT INTO party_point_entry (id, community_id, member_id, source, source_id, quantity, points, occurred_at)
    SELECT gen_random_uuid(), k.community_id, k.member_id, 'post_service', k.id::text, 1, 2, k.done_at
      FROM service_post_claim k WHERE k.community_id = ${communityId} AND k.status = 'done'
    ON CONFLICT DO NOTHING`);
}

/** Fisher–Yates with the seed's RNG (deterministic). */
export function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
