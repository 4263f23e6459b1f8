/** The only SQL of contact cards: what a household's card shows. */
import { sql } from 'drizzle-orm';
import { rows, type Queryable } from '../../platform/db/client';

export interface CardRow {
  householdId: string;
  address: string;
  buildingId: string;
  buildingName: string;
  gridId: string | null;
  gridName: string | null;
  parentGridId: string | null;
  communityName: string;
  communityPhone: string | null;
  propertyCompany: string | null;
  propertyPhone: string | null;
  buildingHead: string | null;
}

const select = sql`SELECT h.id AS "householdId", h.address_text AS address, b.id AS "buildingId", b.name AS "buildingName",
         g.id AS "gridId", g.name AS "gridName", g.parent_id AS "parentGridId", c.name AS "communityName", c.phone AS "communityPhone",
         e.property_company AS "propertyCompany", e.property_phone AS "propertyPhone",
         (SELECT r.name FROM resident r WHERE r.id = b.building_head_id) AS "buildingHead"
    FROM household h JOIN building b ON b.id = h.building_id JOIN estate e ON e.id = b.estate_id
    JOIN org_node c ON c.id = h.community_id LEFT JOIN org_node g ON g.id = b.grid_id`;

export const cardsRepository = {
  /** Households already checked to be in the caller's scope, in address order. */
  cards(db: Queryable, householdIds: string[]): Promise<CardRow[]> {
    if (householdIds.length === 0) return Promise.resolve([]);
    return rows<CardRow>(db, sql`${select} WHERE h.id = ANY(${sql.param(householdIds)}::uuid[]) ORDER BY h.address_text`);
  },

  householdIdsOfBuilding(db: Queryable, buildingId: string) {
    return rows<{ id: string }>(db, sql`SELECT id FROM household WHERE building_id = ${buildingId} ORDER BY address_text LIMIT 2000`);
  },
};
