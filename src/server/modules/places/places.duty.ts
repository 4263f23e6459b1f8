/**
 * The questions other modules ask about places: who is on duty for a grid right now (AB岗), which
 * grid and community a building belongs to, which resident an account is. Stable interface used
 * by tickets, visits, care and volunteers; each takes the caller's query handle (db or tx).
 */
import { and, eq, sql } from 'drizzle-orm';
import { rows, type Queryable } from '../../platform/db/client';
import { orgNode } from '../../platform/db/tables/org';
import { building, estate, household, resident } from './places.tables';

export interface DutyWorker {
  accountId: string;
  duty: 'primary' | 'backup' | 'leader';
  /** True when the primary is on leave and this is the stand-in. */
  standIn: boolean;
}

/**
 * The worker on duty for a grid at `at` (default now), in the community's time zone: the primary,
 * or the backup while the primary is on leave; if both are away, the grid leader of the parent
 * grid; null when nobody is assigned.
 */
export async function dutyWorkerForGrid(q: Queryable, gridId: string, at: Date = new Date()): Promise<DutyWorker | null> {
  const [row] = await rows<{ primary_id: string | null; primary_away: boolean; backup_id: string | null; backup_away: boolean; leader_id: string | null }>(
    q,
    sql`WITH g AS (
          SELECT o.id, o.parent_id, (${at.toISOString()}::timestamptz AT TIME ZONE o.timezone)::date AS today
            FROM org_node o WHERE o.id = ${gridId}),
        d AS (
          SELECT gd.duty, gd.account_id,
                 EXISTS (SELECT 1 FROM duty_leave l, g WHERE l.account_id = gd.account_id AND g.today BETWEEN l.starts_on AND l.ends_on) AS away
            FROM grid_duty gd WHERE gd.grid_id = ${gridId})
        SELECT (SELECT account_id FROM d WHERE duty = 'primary') AS primary_id,
               COALESCE((SELECT away FROM d WHERE duty = 'primary'), false) AS primary_away,
               (SELECT account_id FROM d WHERE duty = 'backup') AS backup_id,
               COALESCE((SELECT away FROM d WHERE duty = 'backup'), false) AS backup_away,
               COALESCE((SELECT account_id FROM d WHERE duty = 'leader'),
                        (SELECT gd.account_id FROM grid_duty gd, g WHERE gd.grid_id = g.parent_id AND gd.duty = 'leader')) AS leader_id`,
  );
  if (!row) return null;
  if (row.primary_id && !row.primary_away) return { accountId: row.primary_id, duty: 'primary', standIn: false };
  if (row.backup_id && !row.backup_away) return { accountId: row.backup_id, duty: 'backup', standIn: !!row.primary_id };
  if (row.leader_id) return { accountId: row.leader_id, duty: 'leader', standIn: true };
  return null;
}

/** The grid leader (网格长) responsible for a grid: its own leader, or its parent grid's. */
export async function gridLeaderFor(q: Queryable, gridId: string): Promise<string | null> {
  const [row] = await rows<{ account_id: string }>(
    q,
    sql`SELECT gd.account_id FROM grid_duty gd
         WHERE gd.duty = 'leader' AND gd.grid_id IN (SELECT id FROM org_node WHERE id = ${gridId} UNION SELECT parent_id FROM org_node WHERE id = ${gridId})
         ORDER BY (gd.grid_id = ${gridId}) DESC LIMIT 1`,
  );
  return row?.account_id ?? null;
}

export interface BuildingInfo {
  id: string;
  communityId: string;
  gridId: string | null;
  name: string;
  estateName: string;
  communityName: string;
}

export async function buildingInfo(q: Queryable, buildingId: string): Promise<BuildingInfo | undefined> {
  const [row] = await q
    .select({ id: building.id, communityId: building.communityId, gridId: building.gridId, name: building.name, estateName: estate.name, communityName: orgNode.name })
    .from(building)
    .innerJoin(estate, eq(estate.id, building.estateId))
    .innerJoin(orgNode, eq(orgNode.id, building.communityId))
    .where(eq(building.id, buildingId));
  return row;
}

export interface ResidentBasic {
  id: string;
  communityId: string;
  gridId: string | null;
  householdId: string | null;
  buildingId: string | null;
  name: string;
  gender: 'male' | 'female';
  birthDate: string | null;
  tags: string[];
}

const basicColumns = {
  id: resident.id,
  communityId: resident.communityId,
  gridId: resident.gridId,
  householdId: resident.householdId,
  buildingId: household.buildingId,
  name: resident.name,
  gender: resident.gender,
  birthDate: resident.birthDate,
  tags: resident.tags,
};

export async function residentBasic(q: Queryable, residentId: string): Promise<ResidentBasic | undefined> {
  const [row] = await q.select(basicColumns).from(resident).leftJoin(household, eq(household.id, resident.householdId)).where(eq(resident.id, residentId));
  return row;
}

/** The resident record an app account belongs to (set when the account was matched), if any. */
export async function residentOfAccount(q: Queryable, accountId: string): Promise<ResidentBasic | undefined> {
  const [row] = await q
    .select(basicColumns)
    .from(resident)
    .leftJoin(household, eq(household.id, resident.householdId))
    .where(and(eq(resident.id, sql`(SELECT resident_id FROM account WHERE id = ${accountId})`)));
  return row;
}
