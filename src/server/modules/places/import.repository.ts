/** The only SQL of the Excel import: what the file refers to, and the bulk writes of one import. */
import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor';
import { rows, type Queryable } from '../../platform/db/client';
import { scopeWhere } from '../../platform/scope';
import { building, entrance, estate } from './places.tables';

export interface ImportBuilding {
  id: string;
  name: string;
  estateName: string;
  gridId: string | null;
  entrances: Map<string, string>;
}

export interface ExistingHousehold {
  id: string;
  buildingId: string;
  entranceId: string | null;
  room: string;
  headActive: boolean;
}

export const importRepository = {
  /** Buildings of a community the caller may import into, keyed "estate\u0000building". */
  async buildings(db: Queryable, actor: Actor, communityId: string): Promise<Map<string, ImportBuilding>> {
    const list = await db
      .select({ id: building.id, name: building.name, gridId: building.gridId, estateName: estate.name })
      .from(building)
      .innerJoin(estate, eq(estate.id, building.estateId))
      .where(and(eq(building.communityId, communityId), scopeWhere(actor, 'resident.import', { community: building.communityId, grid: building.gridId })));
    const byId = new Map(list.map((b) => [b.id, { ...b, entrances: new Map<string, string>() }]));
    const ents = await db.select({ id: entrance.id, name: entrance.name, buildingId: entrance.buildingId }).from(entrance).where(eq(entrance.communityId, communityId));
    for (const e of ents) byId.get(e.buildingId)?.entrances.set(e.name, e.id);
    return new Map([...byId.values()].map((b) => [`${b.estateName}\u0000${b.name}`, b]));
  },

  async households(db: Queryable, communityId: string, buildingIds: string[]): Promise<ExistingHousehold[]> {
    if (buildingIds.length === 0) return [];
    return rows<ExistingHousehold>(
      db,
      sql`SELECT h.id, h.building_id AS "buildingId", h.entrance_id AS "entranceId", h.room,
                 EXISTS (SELECT 1 FROM resident r WHERE r.id = h.head_resident_id AND r.status = 'active' AND r.household_id = h.id) AS "headActive"
            FROM household h WHERE h.community_id = ${communityId} AND h.building_id = ANY(${sql.param(buildingIds)}::uuid[])`,
    );
  },

  /** Sets household heads in one statement. */
  async setHeads(db: Queryable, pairs: Array<[householdId: string, residentId: string]>): Promise<void> {
    for (let i = 0; i < pairs.length; i += 5000) {
      const part = pairs.slice(i, i + 5000);
      await db.execute(sql`UPDATE household h SET head_resident_id = v.r
                             FROM unnest(${sql.param(part.map((p) => p[0]))}::uuid[], ${sql.param(part.map((p) => p[1]))}::uuid[]) AS v(h, r)
                            WHERE h.id = v.h`);
    }
  },
};
