/** The only SQL for grids, duty posts, leave, estates, buildings and entrances. */
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Actor, PermissionRef } from '../../platform/auth/actor';
import { rows, type Queryable } from '../../platform/db/client';
import { account } from '../../platform/db/tables/auth';
import { orgNode } from '../../platform/db/tables/org';
import { scopeWhere } from '../../platform/scope';
import { building, dutyLeave, entrance, estate, grid, gridDuty, household, resident } from './places.tables';

export interface GridRow {
  id: string;
  parentId: string | null;
  communityId: string;
  name: string;
  level: number;
  description: string | null;
  path: string;
  depth: number;
  version: number;
  buildingCount: number;
}

export interface DutyRow {
  gridId: string;
  duty: 'primary' | 'backup' | 'leader';
  accountId: string;
  displayName: string;
  servicePhone: string | null;
  onLeave: boolean;
}

const gridScope = (actor: Actor, permission: PermissionRef) => scopeWhere(actor, permission, { community: grid.communityId, grid: grid.id });

const gridColumns = {
  id: grid.id,
  parentId: orgNode.parentId,
  communityId: grid.communityId,
  name: orgNode.name,
  level: grid.level,
  description: grid.description,
  path: orgNode.path,
  depth: orgNode.depth,
  version: grid.version,
  buildingCount: sql<number>`(SELECT count(*)::int FROM ${building} b WHERE b.grid_id = ${grid.id})`,
};

export const gridsRepository = {
  listGrids(db: Queryable, actor: Actor, permission: PermissionRef, filter: { communityId?: string }): Promise<GridRow[]> {
    const conds: SQL[] = [gridScope(actor, permission)];
    if (filter.communityId) conds.push(eq(grid.communityId, filter.communityId));
    // A community has tens of grids; a district a few thousand at most.
    return db.select(gridColumns).from(grid).innerJoin(orgNode, eq(orgNode.id, grid.id)).where(and(...conds)).orderBy(asc(orgNode.depth), asc(orgNode.name)).limit(5000);
  },

  async findGrid(db: Queryable, actor: Actor, permission: PermissionRef, id: string): Promise<GridRow | undefined> {
    const [row] = await db.select(gridColumns).from(grid).innerJoin(orgNode, eq(orgNode.id, grid.id)).where(and(eq(grid.id, id), gridScope(actor, permission)));
    return row;
  },

  /** Duty holders of grids, with "on leave today" in each community's zone. */
  dutiesOf(db: Queryable, gridIds: string[]): Promise<DutyRow[]> {
    if (gridIds.length === 0) return Promise.resolve([]);
    return rows<DutyRow>(
      db,
      sql`SELECT gd.grid_id AS "gridId", gd.duty, gd.account_id AS "accountId", a.display_name AS "displayName", gd.service_phone AS "servicePhone",
                 EXISTS (SELECT 1 FROM duty_leave l WHERE l.account_id = gd.account_id
                           AND (now() AT TIME ZONE c.timezone)::date BETWEEN l.starts_on AND l.ends_on) AS "onLeave"
            FROM grid_duty gd JOIN account a ON a.id = gd.account_id JOIN org_node c ON c.id = gd.community_id
           WHERE gd.grid_id = ANY(${sql.param(gridIds)}::uuid[])`,
    );
  },

  async hasChildren(db: Queryable, gridId: string): Promise<boolean> {
    const [row] = await rows<{ n: number }>(
      db,
      sql`SELECT (SELECT count(*) FROM org_node WHERE parent_id = ${gridId})::int + (SELECT count(*) FROM building WHERE grid_id = ${gridId})::int
               + (SELECT count(*) FROM role_assignment WHERE org_id = ${gridId})::int AS n`,
    );
    return (row?.n ?? 0) > 0;
  },

  async insertGridNode(db: Queryable, node: typeof orgNode.$inferInsert, row: typeof grid.$inferInsert): Promise<void> {
    await db.insert(orgNode).values(node);
    await db.insert(grid).values(row);
  },

  async renameGridNode(db: Queryable, id: string, name: string): Promise<void> {
    await db.update(orgNode).set({ name, updatedAt: new Date(), version: sql`${orgNode.version} + 1` }).where(and(eq(orgNode.id, id), eq(orgNode.kind, 'grid')));
  },

  async deleteGrid(db: Queryable, id: string): Promise<void> {
    await db.delete(grid).where(eq(grid.id, id));
    await db.delete(orgNode).where(and(eq(orgNode.id, id), eq(orgNode.kind, 'grid')));
  },

  /** Serializes duty changes of one grid (so primary ≠ backup holds under concurrency). */
  async lockGrid(db: Queryable, id: string): Promise<void> {
    await db.execute(sql`SELECT id FROM grid WHERE id = ${id} FOR UPDATE`);
  },

  async dutyRowsOfGrid(db: Queryable, gridId: string) {
    return db.select().from(gridDuty).where(eq(gridDuty.gridId, gridId));
  },

  async setDuty(db: Queryable, values: { communityId: string; gridId: string; duty: 'primary' | 'backup' | 'leader'; accountId: string | null; servicePhone: string | null }) {
    await db.delete(gridDuty).where(and(eq(gridDuty.gridId, values.gridId), eq(gridDuty.duty, values.duty)));
    if (values.accountId) {
      await db.insert(gridDuty).values({ communityId: values.communityId, gridId: values.gridId, duty: values.duty, accountId: values.accountId, servicePhone: values.servicePhone });
    }
  },

  /** Staff accounts whose role sits in the community (at the community or one of its grids). */
  candidatesIn(db: Queryable, communityId: string) {
    return rows<{ accountId: string; username: string; displayName: string; roles: string[] }>(
      db,
      sql`SELECT a.id AS "accountId", a.username, a.display_name AS "displayName", array_agg(DISTINCT ra.role_key ORDER BY ra.role_key) AS roles
            FROM role_assignment ra JOIN account a ON a.id = ra.account_id JOIN org_node o ON o.id = ra.org_id
           WHERE (o.id = ${communityId} OR o.community_id = ${communityId})
             AND ra.role_key IN ('grid_worker', 'community_staff', 'community_secretary') AND a.status = 'active'
           GROUP BY a.id, a.username, a.display_name ORDER BY a.display_name LIMIT 500`,
    );
  },

  async isCandidate(db: Queryable, communityId: string, accountId: string): Promise<boolean> {
    return (await this.candidatesIn(db, communityId)).some((c) => c.accountId === accountId);
  },

  // ---- leave ----------------------------------------------------------------------------------

  listLeaves(db: Queryable, actor: Actor, permission: PermissionRef, filter: { communityId?: string; from?: string }) {
    const conds: SQL[] = [scopeWhere(actor, permission, { community: dutyLeave.communityId })];
    if (filter.communityId) conds.push(eq(dutyLeave.communityId, filter.communityId));
    if (filter.from) conds.push(sql`${dutyLeave.endsOn} >= ${filter.from}`);
    return db
      .select({ leave: dutyLeave, displayName: account.displayName })
      .from(dutyLeave)
      .innerJoin(account, eq(account.id, dutyLeave.accountId))
      .where(and(...conds))
      .orderBy(asc(dutyLeave.startsOn))
      .limit(1000);
  },

  async findLeave(db: Queryable, actor: Actor, permission: PermissionRef, id: string) {
    const [row] = await db.select().from(dutyLeave).where(and(eq(dutyLeave.id, id), scopeWhere(actor, permission, { community: dutyLeave.communityId })));
    return row;
  },

  async insertLeave(db: Queryable, values: typeof dutyLeave.$inferInsert) {
    const [row] = await db.insert(dutyLeave).values(values).returning();
    return row!;
  },

  async deleteLeave(db: Queryable, id: string) {
    await db.delete(dutyLeave).where(eq(dutyLeave.id, id));
  },

  async holdsDutyIn(db: Queryable, communityId: string, accountId: string): Promise<boolean> {
    const [row] = await db.select({ id: gridDuty.id }).from(gridDuty).where(and(eq(gridDuty.communityId, communityId), eq(gridDuty.accountId, accountId))).limit(1);
    return !!row;
  },

  // ---- estates, buildings, entrances ----------------------------------------------------------

  listEstates(db: Queryable, actor: Actor, permission: PermissionRef, filter: { communityId?: string }) {
    const conds: SQL[] = [scopeWhere(actor, permission, { community: estate.communityId })];
    if (filter.communityId) conds.push(eq(estate.communityId, filter.communityId));
    return db
      .select({ estate, buildingCount: sql<number>`(SELECT count(*)::int FROM building b WHERE b.estate_id = estate.id)` })
      .from(estate)
      .where(and(...conds))
      .orderBy(asc(estate.name))
      .limit(1000);
  },

  async findEstate(db: Queryable, actor: Actor, permission: PermissionRef, id: string) {
    const [row] = await db.select().from(estate).where(and(eq(estate.id, id), scopeWhere(actor, permission, { community: estate.communityId })));
    return row;
  },

  async insertEstate(db: Queryable, values: typeof estate.$inferInsert) {
    const [row] = await db.insert(estate).values(values).returning();
    return row!;
  },

  listBuildings(db: Queryable, actor: Actor, permission: PermissionRef, filter: { communityId?: string; estateId?: string; gridId?: string; ids?: string[] }) {
    const conds: SQL[] = [scopeWhere(actor, permission, { community: building.communityId, grid: building.gridId })];
    if (filter.communityId) conds.push(eq(building.communityId, filter.communityId));
    if (filter.estateId) conds.push(eq(building.estateId, filter.estateId));
    if (filter.gridId) conds.push(eq(building.gridId, filter.gridId));
    if (filter.ids) conds.push(inArray(building.id, filter.ids));
    return db
      .select({
        building,
        estateName: estate.name,
        gridName: sql<string | null>`(SELECT o.name FROM org_node o WHERE o.id = ${building.gridId})`,
        buildingHeadName: sql<string | null>`(SELECT r.name FROM ${resident} r WHERE r.id = ${building.buildingHeadId})`,
        householdCount: sql<number>`(SELECT count(*)::int FROM ${household} h WHERE h.building_id = ${building.id})`,
        residentCount: sql<number>`(SELECT count(*)::int FROM ${resident} r WHERE r.building_id = ${building.id} AND r.status = 'active')`,
      })
      .from(building)
      .innerJoin(estate, eq(estate.id, building.estateId))
      .where(and(...conds))
      .orderBy(asc(estate.name), sql`length(${building.name})`, asc(building.name))
      .limit(2000);
  },

  async findBuilding(db: Queryable, actor: Actor, permission: PermissionRef, id: string) {
    const [row] = await db.select().from(building).where(and(eq(building.id, id), scopeWhere(actor, permission, { community: building.communityId, grid: building.gridId })));
    return row;
  },

  async insertBuilding(db: Queryable, values: typeof building.$inferInsert) {
    const [row] = await db.insert(building).values(values).returning();
    return row!;
  },

  entrancesOf(db: Queryable, buildingIds: string[]) {
    if (buildingIds.length === 0) return Promise.resolve([]);
    return db.select().from(entrance).where(inArray(entrance.buildingId, buildingIds)).orderBy(sql`length(${entrance.name})`, asc(entrance.name));
  },

  async insertEntrances(db: Queryable, values: (typeof entrance.$inferInsert)[]) {
    if (values.length) await db.insert(entrance).values(values);
  },

  /** A building moved to another grid takes its households and residents along (grid scope follows). */
  async moveBuildingToGrid(db: Queryable, buildingId: string, gridId: string | null) {
    await db.update(household).set({ gridId }).where(eq(household.buildingId, buildingId));
    await db.update(resident).set({ gridId }).where(eq(resident.buildingId, buildingId));
  },

  /** Renaming an estate or building changes the address text of its households. */
  async refreshAddresses(db: Queryable, where: { buildingId?: string; estateId?: string }) {
    const cond = where.buildingId ? sql`b.id = ${where.buildingId}` : sql`b.estate_id = ${where.estateId!}`;
    await db.execute(sql`UPDATE household h SET address_text = concat_ws(' ', e.name, b.name, (SELECT en.name FROM entrance en WHERE en.id = h.entrance_id), h.room)
                           FROM building b JOIN estate e ON e.id = b.estate_id
                          WHERE h.building_id = b.id AND ${cond}`);
  },
};
