/** SQL for the party org tree, the buildings its groups cover, and its officers. */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Actor, PermissionRef } from '../../platform/auth/actor';
import { rows, type Queryable } from '../../platform/db/client';
import { scopeWhere } from '../../platform/scope';
import { building, estate } from '../places/places.tables';
import { partyMember, partyOrg, partyOrgBuilding, partyOrgOfficer } from './party.tables';

export type PartyOrgRow = typeof partyOrg.$inferSelect;
export type OfficerRow = typeof partyOrgOfficer.$inferSelect & { memberName: string };

export const partyOrgsRepository = {
  /** The whole tree of a community (hundreds of nodes at most; bounded anyway). */
  list(q: Queryable, actor: Actor, permission: PermissionRef, communityId: string): Promise<PartyOrgRow[]> {
    return q
      .select()
      .from(partyOrg)
      .where(and(eq(partyOrg.communityId, communityId), scopeWhere(actor, permission, { community: partyOrg.communityId })))
      .orderBy(asc(partyOrg.path), asc(partyOrg.sortOrder), asc(partyOrg.name))
      .limit(5000);
  },

  async findInScope(q: Queryable, actor: Actor, permission: PermissionRef, id: string): Promise<PartyOrgRow | undefined> {
    const [row] = await q.select().from(partyOrg).where(and(eq(partyOrg.id, id), scopeWhere(actor, permission, { community: partyOrg.communityId })));
    return row;
  },

  async findInCommunity(q: Queryable, communityId: string, id: string): Promise<PartyOrgRow | undefined> {
    const [row] = await q.select().from(partyOrg).where(and(eq(partyOrg.id, id), eq(partyOrg.communityId, communityId)));
    return row;
  },

  async insert(q: Queryable, values: typeof partyOrg.$inferInsert): Promise<PartyOrgRow> {
    const [row] = await q.insert(partyOrg).values(values).returning();
    return row!;
  },

  buildingsOf(q: Queryable, orgIds: string[]) {
    if (orgIds.length === 0) return Promise.resolve([]);
    return q
      .select({ orgId: partyOrgBuilding.orgId, id: building.id, name: sql<string>`${estate.name} || ' ' || ${building.name}` })
      .from(partyOrgBuilding)
      .innerJoin(building, eq(building.id, partyOrgBuilding.buildingId))
      .innerJoin(estate, eq(estate.id, building.estateId))
      .where(inArray(partyOrgBuilding.orgId, orgIds))
      .orderBy(asc(estate.name), asc(building.name));
  },

  /** Active members per org (direct members only). */
  async memberCounts(q: Queryable, communityId: string): Promise<Map<string, number>> {
    const list = await rows<{ org_id: string; n: number }>(
      q,
      sql`SELECT org_id, count(*)::int AS n FROM party_member WHERE community_id = ${communityId} AND left_at IS NULL GROUP BY org_id`,
    );
    return new Map(list.map((r) => [r.org_id, r.n]));
  },

  /** Buildings of the community among `ids`, and which other org already covers each. */
  async buildingClaims(q: Queryable, communityId: string, ids: string[], orgId: string | null) {
    if (ids.length === 0) return { known: new Set<string>(), takenByOthers: [] as string[] };
    const list = await rows<{ id: string; org_id: string | null }>(
      q,
      sql`SELECT b.id, pob.org_id FROM building b LEFT JOIN party_org_building pob ON pob.building_id = b.id
           WHERE b.community_id = ${communityId} AND b.id IN (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`,
    );
    return { known: new Set(list.map((r) => r.id)), takenByOthers: list.filter((r) => r.org_id && r.org_id !== orgId).map((r) => r.id) };
  },

  async setBuildings(q: Queryable, communityId: string, orgId: string, buildingIds: string[]): Promise<void> {
    await q.delete(partyOrgBuilding).where(eq(partyOrgBuilding.orgId, orgId));
    if (buildingIds.length) await q.insert(partyOrgBuilding).values(buildingIds.map((buildingId) => ({ communityId, orgId, buildingId })));
  },

  /** The 楼栋党小组 covering a building, if any. */
  async groupOfBuilding(q: Queryable, buildingId: string): Promise<PartyOrgRow | undefined> {
    const [row] = await q
      .select({ org: partyOrg })
      .from(partyOrgBuilding)
      .innerJoin(partyOrg, eq(partyOrg.id, partyOrgBuilding.orgId))
      .where(eq(partyOrgBuilding.buildingId, buildingId));
    return row?.org;
  },

  /** Every building of a community with the group that covers it (bounded). */
  buildingOptions(q: Queryable, communityId: string) {
    return q
      .select({ id: building.id, name: building.name, estateName: estate.name, orgId: partyOrg.id, orgName: partyOrg.name })
      .from(building)
      .innerJoin(estate, eq(estate.id, building.estateId))
      .leftJoin(partyOrgBuilding, eq(partyOrgBuilding.buildingId, building.id))
      .leftJoin(partyOrg, eq(partyOrg.id, partyOrgBuilding.orgId))
      .where(eq(building.communityId, communityId))
      .orderBy(asc(estate.name), sql`length(${building.name})`, asc(building.name))
      .limit(2000);
  },

  officersOf(q: Queryable, communityId: string, orgId?: string): Promise<OfficerRow[]> {
    return q
      .select({ officer: partyOrgOfficer, memberName: partyMember.name })
      .from(partyOrgOfficer)
      .innerJoin(partyMember, eq(partyMember.id, partyOrgOfficer.memberId))
      .where(and(eq(partyOrgOfficer.communityId, communityId), orgId ? eq(partyOrgOfficer.orgId, orgId) : undefined))
      .orderBy(asc(partyOrgOfficer.termStart))
      .limit(5000)
      .then((list) => list.map((r) => ({ ...r.officer, memberName: r.memberName })));
  },

  async insertOfficer(q: Queryable, values: typeof partyOrgOfficer.$inferInsert) {
    const [row] = await q.insert(partyOrgOfficer).values(values).returning();
    return row!;
  },

  async findOfficer(q: Queryable, actor: Actor, permission: PermissionRef, id: string) {
    const [row] = await q
      .select()
      .from(partyOrgOfficer)
      .where(and(eq(partyOrgOfficer.id, id), scopeWhere(actor, permission, { community: partyOrgOfficer.communityId })));
    return row;
  },

  async endOfficerTerm(q: Queryable, id: string, termEnd: string) {
    const [row] = await q.update(partyOrgOfficer).set({ termEnd }).where(eq(partyOrgOfficer.id, id)).returning();
    return row!;
  },
};
