/** The only SQL of the waste-sorting module. Places tables (building, household) are read, never written. */
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { newId } from '../../platform/db/columns';
import { rows, type Queryable } from '../../platform/db/client';
import { account } from '../../platform/db/tables/auth';
import { building, entrance, estate, household } from '../places/places.tables';
import { bin, dropPoint, dropPointBuilding, sortingRecord, wasteReward, wasteRewardRule, wasteSupervisor } from './waste.tables';

export type DropPointRow = typeof dropPoint.$inferSelect;

export const wasteRepository = {
  listPoints(q: Queryable, where: SQL) {
    return q.select().from(dropPoint).where(where).orderBy(asc(dropPoint.name)).limit(500);
  },

  async findPoint(q: Queryable, id: string, where: SQL): Promise<DropPointRow | undefined> {
    const [row] = await q.select().from(dropPoint).where(and(eq(dropPoint.id, id), where));
    return row;
  },

  binsOf(q: Queryable, pointIds: string[]) {
    if (!pointIds.length) return Promise.resolve([]);
    return q.select().from(bin).where(inArray(bin.dropPointId, pointIds)).orderBy(asc(bin.code));
  },

  buildingsOf(q: Queryable, pointIds: string[]) {
    if (!pointIds.length) return Promise.resolve([]);
    return q.select().from(dropPointBuilding).where(inArray(dropPointBuilding.dropPointId, pointIds));
  },

  async householdCounts(q: Queryable, pointIds: string[]): Promise<Map<string, number>> {
    if (!pointIds.length) return new Map();
    const counts = await q
      .select({ pointId: dropPointBuilding.dropPointId, n: sql<number>`count(${household.id})::int` })
      .from(dropPointBuilding)
      .innerJoin(household, eq(household.buildingId, dropPointBuilding.buildingId))
      .where(inArray(dropPointBuilding.dropPointId, pointIds))
      .groupBy(dropPointBuilding.dropPointId);
    return new Map(counts.map((c) => [c.pointId, c.n]));
  },

  supervisorsOf(q: Queryable, pointIds: string[]) {
    if (!pointIds.length) return Promise.resolve([]);
    return q
      .select({ id: wasteSupervisor.id, pointId: wasteSupervisor.dropPointId, accountId: wasteSupervisor.accountId, displayName: account.displayName })
      .from(wasteSupervisor)
      .innerJoin(account, eq(account.id, wasteSupervisor.accountId))
      .where(and(inArray(wasteSupervisor.dropPointId, pointIds), eq(wasteSupervisor.status, 'selected')));
  },

  /** Buildings of a community (to validate assignments). */
  async buildingsInCommunity(q: Queryable, communityId: string, ids: string[]): Promise<string[]> {
    if (!ids.length) return [];
    const found = await q.select({ id: building.id }).from(building).where(and(eq(building.communityId, communityId), inArray(building.id, ids)));
    return found.map((b) => b.id);
  },

  pointsOfBuildings(q: Queryable, communityId: string, buildingIds: string[]) {
    if (!buildingIds.length) return Promise.resolve([]);
    return q.select().from(dropPointBuilding).where(and(eq(dropPointBuilding.communityId, communityId), inArray(dropPointBuilding.buildingId, buildingIds)));
  },

  async replaceBuildings(q: Queryable, communityId: string, pointId: string, buildingIds: string[]) {
    await q.delete(dropPointBuilding).where(eq(dropPointBuilding.dropPointId, pointId));
    if (buildingIds.length) await q.insert(dropPointBuilding).values(buildingIds.map((buildingId) => ({ communityId, dropPointId: pointId, buildingId })));
  },

  /** The drop point a household belongs to (through its building), if any. */
  async pointOfHousehold(q: Queryable, householdId: string) {
    const [row] = await q
      .select({ point: dropPoint, householdCommunityId: household.communityId })
      .from(household)
      .innerJoin(dropPointBuilding, eq(dropPointBuilding.buildingId, household.buildingId))
      .innerJoin(dropPoint, eq(dropPoint.id, dropPointBuilding.dropPointId))
      .where(eq(household.id, householdId));
    return row;
  },

  householdsOfPoint(q: Queryable, pointId: string, day: string) {
    return q
      .select({
        householdId: household.id,
        // Rooms repeat per entrance (1单元 101, 2单元 101): the entrance is part of the address.
        address: sql<string>`${estate.name} || ${building.name} || COALESCE(${entrance.name}, '') || ' ' || ${household.room}`,
        record: sortingRecord,
      })
      .from(dropPointBuilding)
      .innerJoin(household, eq(household.buildingId, dropPointBuilding.buildingId))
      .innerJoin(building, eq(building.id, household.buildingId))
      .innerJoin(estate, eq(estate.id, building.estateId))
      .leftJoin(entrance, eq(entrance.id, household.entranceId))
      .leftJoin(sortingRecord, and(eq(sortingRecord.householdId, household.id), eq(sortingRecord.day, day)))
      .where(eq(dropPointBuilding.dropPointId, pointId))
      .orderBy(asc(building.name), asc(entrance.name), asc(household.room))
      .limit(2000);
  },

  async selectedSupervisor(q: Queryable, accountId: string, pointId: string): Promise<boolean> {
    const [row] = await q
      .select({ id: wasteSupervisor.id })
      .from(wasteSupervisor)
      .where(and(eq(wasteSupervisor.accountId, accountId), eq(wasteSupervisor.dropPointId, pointId), eq(wasteSupervisor.status, 'selected')));
    return !!row;
  },

  async rule(q: Queryable, communityId: string) {
    const [row] = await q.select().from(wasteRewardRule).where(eq(wasteRewardRule.communityId, communityId));
    return row ?? { communityId, amountPerDayFen: 30, fundingSource: null, version: 0 };
  },

  /** The daily reward run: one reward per correctly sorted household-day, idempotent. */
  async insertRewardsForDay(q: Queryable, communityId: string, day: string, amountFen: number): Promise<number> {
    const due = await q
      .select({ id: sortingRecord.id, householdId: sortingRecord.householdId })
      .from(sortingRecord)
      .where(and(eq(sortingRecord.communityId, communityId), eq(sortingRecord.day, day), eq(sortingRecord.result, 'correct')));
    let inserted = 0;
    for (let i = 0; i < due.length; i += 1000) {
      const batch = due.slice(i, i + 1000).map((r) => ({ id: newId(), communityId, householdId: r.householdId, day, amountFen, sortingRecordId: r.id }));
      const done = await q.insert(wasteReward).values(batch).onConflictDoNothing().returning({ id: wasteReward.id });
      inserted += done.length;
    }
    return inserted;
  },

  /** Communities that have sorting records on a day (for the scheduled run). */
  async communitiesWithRecords(q: Queryable, day: string): Promise<string[]> {
    const found = await q.selectDistinct({ id: sortingRecord.communityId }).from(sortingRecord).where(eq(sortingRecord.day, day));
    return found.map((r) => r.id);
  },

  rewardsOfHousehold(q: Queryable, householdId: string) {
    return rows<{ month: string; days: number; amount_fen: number }>(
      q,
      sql`SELECT to_char(day, 'YYYY-MM') AS month, count(*)::int AS days, sum(amount_fen)::int AS amount_fen
            FROM waste_reward WHERE household_id = ${householdId} GROUP BY 1 ORDER BY 1 DESC LIMIT 12`,
    );
  },

  recentOfHousehold(q: Queryable, householdId: string) {
    return q.select({ day: sortingRecord.day, result: sortingRecord.result }).from(sortingRecord).where(eq(sortingRecord.householdId, householdId)).orderBy(sql`${sortingRecord.day} DESC`).limit(31);
  },

  /** An account's supervisor rows, with the point it is on duty at and the community's name. */
  dutiesOf(q: Queryable, accountId: string) {
    return rows<{ id: string; communityId: string; communityName: string; status: 'applicant' | 'selected' | 'retired'; appliedAt: string; pointId: string | null; pointName: string | null; location: string | null; hours: string | null }>(
      q,
      sql`SELECT s.id, s.community_id AS "communityId", o.name AS "communityName", s.status, s.created_at AS "appliedAt",
                 p.id AS "pointId", p.name AS "pointName", p.location, p.hours
            FROM waste_supervisor s JOIN org_node o ON o.id = s.community_id LEFT JOIN drop_point p ON p.id = s.drop_point_id
           WHERE s.account_id = ${accountId} ORDER BY s.created_at LIMIT 100`,
    );
  },

  communityNames(q: Queryable, ids: string[]) {
    if (!ids.length) return Promise.resolve([]);
    return rows<{ id: string; name: string }>(q, sql`SELECT id, name FROM org_node WHERE kind = 'community' AND id IN (${sql.join(ids.map((i) => sql`${i}`), sql`, `)}) ORDER BY code NULLS LAST, name`);
  },

  rewardTable: wasteReward,
};
