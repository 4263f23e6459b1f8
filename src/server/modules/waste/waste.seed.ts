/**
 * Demo waste sorting from seed 003: 紫荆路街道's pilot estate 东方现代城 in 政通路社区 — 23 buildings,
 * 3,281 households, 12 drop points × 14 bins (1 hazardous, 1 recyclable, 4 kitchen, 8 residual),
 * one supervisor per point chosen from 300+ volunteer applicants, two weeks of daily records and
 * their ¥0.30-a-day rewards. Everything the dashboard shows is computed from these rows.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { newId } from '../../platform/db/columns';
import { rows, type Tx } from '../../platform/db/client';
import { account, roleAssignment } from '../../platform/db/tables/auth';
import { chineseName } from '../../seed/random';
import type { Seeder } from '../../seed/runner';
import { createDemoAccounts, demoPasswordHash, orgIdByCode } from '../../seed/demo-district';
import { namePinyin } from '../places/places.pinyin';
import { building, estate, household, householdMembership, resident } from '../places/places.tables';
import { bin, binCodePrefix, binKinds, dropPoint, dropPointBuilding, sortingRecord, wasteReward, wasteRewardRule, wasteSupervisor } from './waste.tables';

const BUILDINGS = 23;
const HOUSEHOLDS = 3281;
const POINTS = 12;
const APPLICANTS = 312;
const binsPerPoint = { hazardous: 1, recyclable: 1, kitchen: 4, residual: 8 } as const;

async function insertChunked<T>(tx: Tx, table: Parameters<Tx['insert']>[0], values: T[], size = 1000): Promise<void> {
  for (let i = 0; i < values.length; i += size) await tx.insert(table).values(values.slice(i, i + size) as never);
}

/** The pilot estate's buildings and households, created if the places seed did not already. */
async function pilotEstate(tx: Tx, communityId: string, rng: { int(a: number, b: number): number }): Promise<{ buildingIds: string[]; households: { id: string; buildingId: string }[] }> {
  const [existing] = await tx.select({ id: estate.id }).from(estate).where(and(eq(estate.communityId, communityId), eq(estate.name, '东方现代城')));
  const estateId = existing?.id ?? newId();
  if (!existing) await tx.insert(estate).values({ id: estateId, communityId, name: '东方现代城', address: '巩义市政通路与紫荆路交叉口', propertyCompany: '东方物业', propertyPhone: '0371-64399999' });
  let buildings = await tx.select({ id: building.id, name: building.name }).from(building).where(eq(building.estateId, estateId));
  if (buildings.length === 0) {
    buildings = Array.from({ length: BUILDINGS }, (_, i) => ({ id: newId(), name: `${i + 1}号楼` }));
    await tx.insert(building).values(buildings.map((b) => ({ id: b.id, communityId, estateId, name: b.name, floors: 18 })));
  }
  let households = await tx.select({ id: household.id, buildingId: household.buildingId }).from(household).where(sql`${household.buildingId} IN (SELECT id FROM building WHERE estate_id = ${estateId})`);
  if (households.length === 0) {
    const made: { id: string; buildingId: string; room: string }[] = [];
    for (let i = 0; i < HOUSEHOLDS; i++) {
      const b = buildings[i % buildings.length]!;
      const n = Math.floor(i / buildings.length);
      made.push({ id: newId(), buildingId: b.id, room: `${(n % 3) + 1}-${Math.floor(n / 6) + 1}0${(n % 6 >= 3 ? 2 : 1) + (n % 2)}` });
    }
    const unique = new Map(made.map((h) => [`${h.buildingId}/${h.room}`, h]));
    // Room labels can repeat within a building for large buildings: fall back to a running number.
    const labelled = made.map((h, i) => (unique.get(`${h.buildingId}/${h.room}`) === h ? h : { ...h, room: `${h.room}-${i}` }));
    await insertChunked(tx, household, labelled.map((h) => ({ id: h.id, communityId, buildingId: h.buildingId, room: h.room, residency: rng.int(0, 9) < 8 ? ('permanent' as const) : ('floating' as const) })));
    households = labelled.map((h) => ({ id: h.id, buildingId: h.buildingId }));
  }
  return { buildingIds: buildings.map((b) => b.id), households };
}

/** A resident record in a pilot household, linked to a demo account (what account matching does). */
async function linkDemoResident(tx: Tx, communityId: string, who: { id: string; name: string; gender: 'female' | 'male' }, home: { id: string; buildingId: string }): Promise<void> {
  const py = namePinyin(who.name);
  const id = newId();
  await tx.insert(resident).values({ id, communityId, gridId: sql`(SELECT grid_id FROM household WHERE id = ${home.id})`, householdId: home.id, buildingId: home.buildingId, relationToHead: '户主', name: who.name, namePinyin: py.full, nameInitials: py.initials, gender: who.gender });
  await tx.insert(householdMembership).values({ communityId, householdId: home.id, residentId: id, relationToHead: '户主' });
  await tx.update(household).set({ headResidentId: id }).where(and(eq(household.id, home.id), isNull(household.headResidentId)));
  await tx.update(account).set({ residentId: id }).where(eq(account.id, who.id));
}

export const wasteSeeder: Seeder = {
  name: 'waste.demo',
  async run(tx, ctx) {
    const communityId = await orgIdByCode(tx, 'ZJL02');
    const { buildingIds, households } = await pilotEstate(tx, communityId, ctx.rng);
    await tx.insert(wasteRewardRule).values({ communityId, amountPerDayFen: 30, fundingSource: '紫荆路街道垃圾分类专项资金' }).onConflictDoNothing();

    const points = Array.from({ length: POINTS }, (_, i) => ({ id: newId(), communityId, name: `东方现代城${i + 1}号投放点`, location: `${i * 2 + 1}号楼旁`, hours: '07:00-09:00, 18:00-20:30' }));
    await tx.insert(dropPoint).values(points);
    await tx.insert(bin).values(points.flatMap((p, pi) => binKinds.flatMap((kind) => Array.from({ length: binsPerPoint[kind] }, (_, i) => ({ communityId, dropPointId: p.id, kind, code: `DF${pi + 1}-${binCodePrefix[kind]}${i + 1}` })))));
    const pointOfBuilding = new Map(buildingIds.map((b, i) => [b, points[i % POINTS]!.id]));
    await tx.insert(dropPointBuilding).values(buildingIds.map((b) => ({ communityId, dropPointId: pointOfBuilding.get(b)!, buildingId: b })));

    // 300+ applicants; the first twelve were selected, one per point.
    const passwordHash = await demoPasswordHash();
    const genders: ('female' | 'male')[] = [];
    const applicants = Array.from({ length: APPLICANTS }, (_, i) => {
      const gender = ctx.rng.chance(0.7) ? 'female' : 'male';
      genders.push(gender);
      return { id: newId(), username: i === 0 ? 'zt_supervisor1' : `zt_applicant${String(i).padStart(3, '0')}`, displayName: chineseName(ctx.rng, gender), passwordHash, isDemo: true };
    });
    await insertChunked(tx, account, applicants);
    await tx.insert(roleAssignment).values(applicants.slice(0, POINTS).map((a) => ({ accountId: a.id, roleKey: 'volunteer' as const, orgId: communityId })));
    await insertChunked(tx, wasteSupervisor, applicants.map((a, i) => ({ communityId, accountId: a.id, status: i < POINTS ? ('selected' as const) : ('applicant' as const), dropPointId: i < POINTS ? points[i]!.id : null })));

    // Two weeks of daily records up to yesterday: participation ~88 %, correctness rising 82 % → 95 %.
    const [{ d: todayStr }] = (await rows<{ d: string }>(tx, sql`SELECT to_char((now() AT TIME ZONE 'Asia/Shanghai')::date, 'YYYY-MM-DD') AS d`)) as [{ d: string }];
    const days = ctx.options.small ? 2 : 14;
    const records: (typeof sortingRecord.$inferInsert)[] = [];
    const rewards: (typeof wasteReward.$inferInsert)[] = [];
    const sample = ctx.options.small ? households.slice(0, 200) : households;
    for (let d = days; d >= 1; d--) {
      const day = new Date(Date.parse(`${todayStr}T00:00:00Z`) - d * 86_400_000).toISOString().slice(0, 10);
      const pCorrect = 0.82 + (0.13 * (days - d)) / Math.max(1, days - 1);
      for (const h of sample) {
        if (!ctx.rng.chance(0.88)) continue;
        const pointId = pointOfBuilding.get(h.buildingId)!;
        const supervisor = applicants[points.findIndex((p) => p.id === pointId)]!;
        const correct = ctx.rng.chance(pCorrect);
        const id = newId();
        records.push({ id, communityId, dropPointId: pointId, householdId: h.id, day, result: correct ? 'correct' : 'incorrect', issue: correct ? null : ctx.rng.pick(['mixed', 'wrong_bin', 'not_bagged']), recordedBy: supervisor.id });
        if (correct) rewards.push({ communityId, householdId: h.id, day, amountFen: 30, sortingRecordId: id });
      }
    }
    await insertChunked(tx, sortingRecord, records);
    await insertChunked(tx, wasteReward, rewards.map((r) => ({ ...r, id: newId() })));

    // Community staff who run the pilot, and two households with an app account: the first
    // supervisor lives by the point he supervises; a resident who may apply to supervise.
    const demo = await createDemoAccounts(tx, [
      ['zt_staff', '政通路社区 张丽', 'community_staff', 'ZJL02'],
      ['zt_resident1', '赵桂芝', 'resident', 'ZJL02'],
    ]);
    await linkDemoResident(tx, communityId, { id: applicants[0]!.id, name: applicants[0]!.displayName, gender: genders[0]! }, households[0]!);
    await linkDemoResident(tx, communityId, { id: demo.get('zt_resident1')!, name: '赵桂芝', gender: 'female' }, households[1]!);
    return { dropPoints: POINTS, bins: POINTS * 14, households: households.length, applicants: APPLICANTS, records: records.length, rewards: rewards.length };
  },
};
