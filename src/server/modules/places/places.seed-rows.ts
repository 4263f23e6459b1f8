/** Households, residents, memberships and visit history of one demo community, written in batches. */
import { sql } from 'drizzle-orm';
import { newId } from '../../platform/db/columns';
import type { Tx } from '../../platform/db/client';
import type { SeedContext } from '../../seed/runner';
import { bulkInsert, householdKeys, membershipKeys, residentKeys } from './places.bulk';
import { phoneIndexValue } from './places.checks';
import { namePinyin } from './places.pinyin';
import { planHouseholds, PersonFactory, type SeedPerson } from './places.seed-people';
import type { CommunitySeed } from './places.seed-data';
import { household, householdMembership, resident, visit } from './places.tables';

export interface SeededBuilding {
  id: string;
  estateId: string;
  estateName: string;
  name: string;
  floors: number;
  perFloor: number;
  entrances: { id: string; name: string }[];
  gridId: string;
}

export interface SeedTotals {
  households: number;
  residents: number;
  visits: number;
}

interface Input {
  seed: CommunitySeed;
  communityId: string;
  buildings: SeededBuilding[];
  sizes: { households: number; residents: number };
  today: string;
  primaryOf: Map<string, string>;
}

const FLUSH_AT = 5000;
const visitKeys = ['id', 'communityId', 'gridId', 'householdId', 'residentId', 'visitorId', 'kind', 'visitedAt', 'findings', 'followUpNeeded'] as const;
const visitTags = new Set(['elderly_alone', 'empty_nest', 'left_behind_child', 'disabled']);
const findings = ['身体状况良好，生活能自理', '血压偏高，已提醒按时服药', '家中电线老化，已联系物业检修', '反映楼道灯不亮，已报修', '子女每周探望，情绪稳定', '需要助餐服务，已登记', '孩子学习情况良好，已联系学校了解', '行动不便，已协调志愿者定期帮助'];

export async function seedHouseholds(tx: Tx, ctx: SeedContext, input: Input, totals: SeedTotals): Promise<Array<{ residentId: string; name: string }>> {
  const { seed, communityId, buildings, today } = input;
  const rng = ctx.rng.fork(`${seed.code}:people`);
  const people = new PersonFactory(rng, seed, today);
  const pinyin = new Map<string, { full: string; initials: string }>();
  const py = (name: string) => pinyin.get(name) ?? (pinyin.set(name, namePinyin(name)), pinyin.get(name)!);

  const capacity = buildings.reduce((s, b) => s + b.floors * b.perFloor * b.entrances.length, 0);
  const wanted = Math.min(input.sizes.households, capacity);
  const plan = planHouseholds(rng, { households: wanted, residents: Math.max(wanted, input.sizes.residents), elderlyShare: seed.elderlyShare });
  const needy = new Set<number>();
  const needyCount = ctx.options.small ? 1 : Math.round((seed.needyHouseholds * wanted) / seed.households);
  while (needy.size < Math.min(needyCount, wanted)) needy.add(rng.int(0, wanted - 1));

  const buf = { households: [] as (typeof household.$inferInsert)[], residents: [] as (typeof resident.$inferInsert)[], memberships: [] as (typeof householdMembership.$inferInsert)[], visits: [] as (typeof visit.$inferInsert)[] };
  const flush = async () => {
    await bulkInsert(tx, household, buf.households, householdKeys);
    await bulkInsert(tx, resident, buf.residents, residentKeys);
    await bulkInsert(tx, householdMembership, buf.memberships, membershipKeys);
    await bulkInsert(tx, visit, buf.visits, visitKeys);
    for (const list of Object.values(buf)) list.length = 0;
  };
  const heads: Array<{ residentId: string; name: string }> = [];
  const buildingHeads: Array<[string, string]> = [];
  let planned = 0;
  let flatsLeft = capacity;

  for (const b of buildings) {
    let firstHome = true;
    let headPicked = false;
    for (const ent of b.entrances) {
      for (let floor = 1; floor <= b.floors; floor++) {
        for (let unit = 1; unit <= b.perFloor; unit++) {
          // Selection sampling: exactly `wanted` of the flats are occupied, spread over all buildings.
          const take = rng.next() * flatsLeft-- < wanted - planned;
          if (!take) continue;
          const index = planned++;
          const h = plan[index]!;
          const room = `${floor}${String(unit).padStart(2, '0')}`;
          const floating = (h.kind === 'working' || h.kind === 'three_gen') && rng.chance(seed.floatingShare);
          const members: SeedPerson[] = people.household(h.kind, h.size, floating);
          if (needy.has(index)) for (const m of members) m.tags.push(h.kind === 'alone' && rng.chance(0.3) ? 'tekun' : 'dibao');
          const householdId = newId();
          const ids = members.map(() => newId());
          buf.households.push({ id: householdId, communityId, gridId: b.gridId, buildingId: b.id, entranceId: ent.id, room, residency: floating ? 'floating' : 'permanent', headResidentId: ids[0]!, addressText: `${b.estateName} ${b.name} ${ent.name} ${room}` });
          const joinedAt = new Date(Date.parse(`${today}T02:00:00Z`) - rng.int(30, 3650) * 86_400_000);
          members.forEach((m, k) => {
            const p = py(m.name);
            buf.residents.push({
              id: ids[k]!, communityId, gridId: b.gridId, householdId, buildingId: b.id, relationToHead: m.relation, name: m.name, namePinyin: p.full, nameInitials: p.initials,
              gender: m.gender, birthDate: m.birthDate, idNumberEnc: ctx.crypto.encrypt(m.idNumber), idNumberIdx: ctx.crypto.blindIndex('id_number', m.idNumber), idNumberLast4: m.idNumber.slice(-4),
              phoneEnc: m.phone ? ctx.crypto.encrypt(m.phone) : null, phoneIdx: m.phone ? ctx.crypto.blindIndex('phone', phoneIndexValue(m.phone)) : null, phoneLast4: m.phone?.slice(-4) ?? null,
              ethnicity: m.ethnicity, politicalStatus: m.politicalStatus, residency: m.residency, tags: [...new Set(m.tags)],
            });
            buf.memberships.push({ id: newId(), communityId, householdId, residentId: ids[k]!, relationToHead: m.relation, joinedAt });
            const age = Number(today.slice(0, 4)) - Number(m.birthDate.slice(0, 4));
            if (!headPicked && age >= 45 && age <= 68 && m.tags.length === 0) {
              buildingHeads.push([b.id, ids[k]!]);
              headPicked = true;
            }
          });
          if (firstHome) heads.push({ residentId: ids[0]!, name: members[0]!.name });
          firstHome = false;
          if (members.some((m) => m.tags.some((t) => visitTags.has(t)))) totals.visits += addVisits(buf.visits, rng, { communityId, gridId: b.gridId, householdId, residentId: ids[0]!, visitorId: input.primaryOf.get(b.gridId)!, alone: members.some((m) => m.tags.includes('elderly_alone')), today });
          totals.households++;
          totals.residents += members.length;
          if (buf.residents.length >= FLUSH_AT) await flush();
        }
      }
    }
  }
  await flush();
  if (buildingHeads.length) {
    await tx.execute(sql`UPDATE building b SET building_head_id = v.r FROM unnest(${sql.param(buildingHeads.map((x) => x[0]))}::uuid[], ${sql.param(buildingHeads.map((x) => x[1]))}::uuid[]) AS v(b, r) WHERE b.id = v.b`);
  }
  return heads;
}

/** One or two past visits: 独居老人 within the last 9 days (a few come due), others within 40. */
function addVisits(out: (typeof visit.$inferInsert)[], rng: SeedContext['rng'], v: { communityId: string; gridId: string; householdId: string; residentId: string; visitorId: string; alone: boolean; today: string }): number {
  const base = Date.parse(`${v.today}T02:00:00Z`);
  // From yesterday back: a visit today could lie after the moment of seeding (the API refuses visits in the future).
  const last = 1 + rng.int(0, v.alone ? 8 : 39);
  for (const daysAgo of [last, last + rng.int(20, 60)]) {
    out.push({
      id: newId(), communityId: v.communityId, gridId: v.gridId, householdId: v.householdId, residentId: v.residentId, visitorId: v.visitorId,
      kind: rng.weighted([['routine', 6], ['care', 3], ['survey', 1]] as const), visitedAt: new Date(base - daysAgo * 86_400_000 + rng.int(0, 480) * 60_000),
      findings: rng.pick(findings), followUpNeeded: rng.chance(0.1),
    });
  }
  return 2;
}
