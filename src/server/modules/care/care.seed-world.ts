/**
 * The households care's demo data hangs on. The places seeder normally created them (惠民社区's
 * 280 dibao/tekun households among 4,700); care picks the neediest first (by tags) and, where a
 * community has too few (places not seeded, or the small test seed), adds what is missing in a
 * building of its own — so the care figures never depend on another seeder's sizes.
 */
import { sql } from 'drizzle-orm';
import { newId } from '../../platform/db/columns';
import { rows, type Tx } from '../../platform/db/client';
import { chineseName, type Rng } from '../../seed/random';
import { namePinyin } from '../places/places.pinyin';
import { building, estate, household, householdMembership, resident } from '../places/places.tables';

export interface CareMember {
  id: string;
  name: string;
  gender: 'male' | 'female';
  age: number | null;
  tags: string[];
  relation: string | null;
}

export interface CareHome {
  id: string;
  gridId: string | null;
  estateName: string;
  members: CareMember[];
  tags: string[];
}

export interface MemberSpec {
  age: number;
  gender: 'male' | 'female';
  tags: string[];
  relation: string;
}

/** Households of the community whose active members carry any of `tags`, neediest (most matching tags) first. */
async function existing(tx: Tx, communityId: string, tags: readonly string[], limit: number, exclude: readonly string[]): Promise<CareHome[]> {
  if (limit <= 0) return [];
  const found = await rows<{ id: string; grid_id: string | null; estate_name: string; members: CareMember[] }>(
    tx,
    sql`SELECT h.id, h.grid_id, e.name AS estate_name,
               json_agg(json_build_object('id', r.id, 'name', r.name, 'gender', r.gender, 'tags', r.tags, 'relation', r.relation_to_head,
                        'age', date_part('year', age(now()::date, r.birth_date))::int) ORDER BY r.birth_date NULLS LAST) AS members
          FROM household h JOIN building b ON b.id = h.building_id JOIN estate e ON e.id = b.estate_id
          JOIN resident r ON r.household_id = h.id AND r.status = 'active'
         WHERE h.community_id = ${communityId}
           AND NOT (h.id = ANY(${`{${exclude.join(',')}}`}::uuid[]))
           AND EXISTS (SELECT 1 FROM resident x WHERE x.household_id = h.id AND x.status = 'active' AND x.tags && ${`{${tags.join(',')}}`}::text[])
           AND NOT EXISTS (SELECT 1 FROM care_file f WHERE f.household_id = h.id)
         GROUP BY h.id, h.grid_id, e.name
         ORDER BY (SELECT count(*) FROM resident x, unnest(x.tags) t WHERE x.household_id = h.id AND t = ANY(${`{${tags.join(',')}}`}::text[])) DESC, h.id
         LIMIT ${limit}`,
  );
  return found.map((h) => ({ id: h.id, gridId: h.grid_id, estateName: h.estate_name, members: h.members, tags: [...new Set(h.members.flatMap((m) => m.tags))] }));
}

/** A building of care's own (with a level-3 grid of the community when there is one). */
async function fallbackBuilding(tx: Tx, communityId: string, estateName: string): Promise<{ id: string; gridId: string | null }> {
  await tx.insert(estate).values({ id: newId(), communityId, name: estateName }).onConflictDoNothing();
  const [e] = await rows<{ id: string }>(tx, sql`SELECT id FROM estate WHERE community_id = ${communityId} AND name = ${estateName}`);
  const [g] = await rows<{ id: string }>(tx, sql`SELECT g.id FROM grid g WHERE g.community_id = ${communityId} AND g.level = 3 ORDER BY g.id LIMIT 1`);
  const name = '帮扶安置楼';
  await tx.insert(building).values({ id: newId(), communityId, estateId: e!.id, gridId: g?.id ?? null, name, floors: 6 }).onConflictDoNothing();
  const [b] = await rows<{ id: string; grid_id: string | null }>(tx, sql`SELECT id, grid_id FROM building WHERE community_id = ${communityId} AND estate_id = ${e!.id} AND name = ${name}`);
  return { id: b!.id, gridId: b!.grid_id };
}

const birthDateFor = (rng: Rng, age: number, now: Date) => {
  const d = new Date(Date.UTC(now.getUTCFullYear() - age, rng.int(0, 11), rng.int(1, 28)));
  return d.toISOString().slice(0, 10);
};

/** Creates `count` households with members from `spec`, in bulk. */
async function create(tx: Tx, rng: Rng, now: Date, communityId: string, estateName: string, count: number, spec: (rng: Rng, i: number) => MemberSpec[]): Promise<CareHome[]> {
  if (count <= 0) return [];
  const b = await fallbackBuilding(tx, communityId, estateName);
  const [{ n: already } = { n: 0 }] = await rows<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM household WHERE building_id = ${b.id}`);
  const homes: CareHome[] = [];
  const householdRows: (typeof household.$inferInsert)[] = [];
  const residentRows: (typeof resident.$inferInsert)[] = [];
  const memberships: (typeof householdMembership.$inferInsert)[] = [];
  for (let i = 0; i < count; i++) {
    const id = newId();
    const n = already + i;
    const room = `${Math.floor(n / 4) % 6 + 1}0${(n % 4) + 1}-${Math.floor(n / 24) + 1}`;
    const members: CareMember[] = spec(rng, i).map((m) => {
      const name = chineseName(rng, m.gender);
      const py = namePinyin(name);
      const rid = newId();
      residentRows.push({ id: rid, communityId, gridId: b.gridId, householdId: id, buildingId: b.id, relationToHead: m.relation, name, namePinyin: py.full, nameInitials: py.initials, gender: m.gender, birthDate: birthDateFor(rng, m.age, now), tags: m.tags });
      memberships.push({ communityId, householdId: id, residentId: rid, relationToHead: m.relation });
      return { id: rid, name, gender: m.gender, age: m.age, tags: m.tags, relation: m.relation };
    });
    householdRows.push({ id, communityId, gridId: b.gridId, buildingId: b.id, room, addressText: `${estateName} 帮扶安置楼 ${room}`, headResidentId: members[0]!.id });
    homes.push({ id, gridId: b.gridId, estateName, members, tags: [...new Set(members.flatMap((m) => m.tags))] });
  }
  for (let i = 0; i < householdRows.length; i += 500) await tx.insert(household).values(householdRows.slice(i, i + 500));
  for (let i = 0; i < residentRows.length; i += 500) await tx.insert(resident).values(residentRows.slice(i, i + 500));
  for (let i = 0; i < memberships.length; i += 500) await tx.insert(householdMembership).values(memberships.slice(i, i + 500));
  return homes;
}

/** `count` care households in the community: existing ones matching `tags` first, then new ones. */
export async function careHomes(tx: Tx, rng: Rng, now: Date, o: { communityId: string; count: number; tags: readonly string[]; estateName: string; exclude?: readonly string[]; spec: (rng: Rng, i: number) => MemberSpec[] }): Promise<CareHome[]> {
  const found = await existing(tx, o.communityId, o.tags, o.count, o.exclude ?? []);
  return [...found, ...(await create(tx, rng, now, o.communityId, o.estateName, o.count - found.length, o.spec))];
}

/** Members of a typical needy household: an elderly head, often a spouse, sometimes a grandchild or a working-age child. */
export function needyMembers(rng: Rng, i: number): MemberSpec[] {
  const headMale = rng.chance(0.45);
  const alone = i % 3 === 0;
  const head: MemberSpec = { age: rng.int(62, 91), gender: headMale ? 'male' : 'female', tags: alone ? ['elderly_alone'] : [], relation: '户主' };
  if (alone) return [head];
  const out = [head, { age: head.age - rng.int(0, 5), gender: headMale ? ('female' as const) : ('male' as const), tags: rng.chance(0.3) ? ['disabled'] : [], relation: '配偶' }];
  if (rng.chance(0.35)) out.push({ age: rng.int(28, 50), gender: rng.chance(0.5) ? 'male' : 'female', tags: rng.chance(0.25) ? ['disabled'] : [], relation: '子女' });
  if (rng.chance(0.2)) out.push({ age: rng.int(5, 15), gender: rng.chance(0.5) ? 'male' : 'female', tags: ['left_behind_child'], relation: '孙子女' });
  return out;
}
