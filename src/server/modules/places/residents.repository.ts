/**
 * The only SQL for households and residents. Every read applies the caller's scope (grid workers:
 * their grids' rows; community staff: the community; street staff: the street's communities).
 * Search terms arrive already classified by the service (blind indexes computed there).
 */
import { and, asc, desc, eq, gt, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Actor, PermissionRef } from '../../platform/auth/actor';
import { rows, type Queryable } from '../../platform/db/client';
import { account } from '../../platform/db/tables/auth';
import { scopeWhere } from '../../platform/scope';
import { building, entrance, estate, household, householdMembership, resident } from './places.tables';

export type ResidentRow = typeof resident.$inferSelect;
export type HouseholdRow = typeof household.$inferSelect;

export type SearchTerm =
  | { kind: 'idNumber'; idx: string }
  | { kind: 'phone'; idx: string }
  | { kind: 'pinyin'; value: string }
  | { kind: 'name'; value: string }
  | { kind: 'address'; parts: string[] };

export interface ResidentFilter {
  term?: SearchTerm;
  communityId?: string;
  gridId?: string;
  buildingId?: string;
  householdId?: string;
  tags?: string[];
  /** Born on or before / after (inclusive bounds computed from the age range). */
  bornOnOrBefore?: string;
  bornAfter?: string;
  residency?: 'permanent' | 'floating';
  status?: 'active' | 'moved_out' | 'deceased';
  /** Also within the scope of this permission (an export that reveals: export scope ∩ reveal scope). */
  alsoIn?: PermissionRef;
}

const like = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export const residentScope = (actor: Actor, permission: PermissionRef) => scopeWhere(actor, permission, { community: resident.communityId, grid: resident.gridId });
export const householdScope = (actor: Actor, permission: PermissionRef) => scopeWhere(actor, permission, { community: household.communityId, grid: household.gridId });

function termCondition(actor: Actor, permission: PermissionRef, term: SearchTerm): SQL {
  switch (term.kind) {
    case 'idNumber':
      return eq(resident.idNumberIdx, term.idx);
    case 'phone':
      return eq(resident.phoneIdx, term.idx);
    case 'pinyin':
      return or(sql`${resident.nameInitials} LIKE ${`${like(term.value)}%`}`, sql`${resident.namePinyin} LIKE ${`${like(term.value)}%`}`)!;
    case 'name':
      // Trigrams need three characters; shorter names match from the start (surname, full name).
      return [...term.value].length >= 3 ? sql`${resident.name} LIKE ${`%${like(term.value)}%`}` : sql`${resident.name} LIKE ${`${like(term.value)}%`}`;
    case 'address':
      return sql`${resident.householdId} IN (SELECT h.id FROM household h WHERE h.address_text LIKE ${`%${term.parts.map(like).join('%')}%`} AND ${scopeWhere(actor, permission, { community: sql`h.community_id`, grid: sql`h.grid_id` })})`;
    default: {
      const never: never = term;
      throw new Error(`unknown term ${String(never)}`);
    }
  }
}

export function residentConditions(actor: Actor, permission: PermissionRef, f: ResidentFilter): SQL[] {
  const conds: SQL[] = [residentScope(actor, permission)];
  if (f.term) conds.push(termCondition(actor, permission, f.term));
  if (f.communityId) conds.push(eq(resident.communityId, f.communityId));
  if (f.gridId) conds.push(sql`${resident.gridId} IN (SELECT o.id FROM org_node o WHERE o.kind = 'grid' AND o.path LIKE (SELECT p.path || '%' FROM org_node p WHERE p.id = ${f.gridId}))`);
  if (f.buildingId) conds.push(eq(resident.buildingId, f.buildingId));
  if (f.householdId) conds.push(eq(resident.householdId, f.householdId));
  if (f.tags?.length) conds.push(sql`${resident.tags} && ${sql.param(f.tags)}::text[]`);
  if (f.bornOnOrBefore) conds.push(sql`${resident.birthDate} <= ${f.bornOnOrBefore}`);
  if (f.bornAfter) conds.push(sql`${resident.birthDate} > ${f.bornAfter}`);
  if (f.residency) conds.push(eq(resident.residency, f.residency));
  if (f.status) conds.push(eq(resident.status, f.status));
  if (f.alsoIn) conds.push(residentScope(actor, f.alsoIn));
  return conds;
}

export const listColumns = {
  id: resident.id,
  communityId: resident.communityId,
  gridId: resident.gridId,
  householdId: resident.householdId,
  buildingId: resident.buildingId,
  relationToHead: resident.relationToHead,
  name: resident.name,
  gender: resident.gender,
  birthDate: resident.birthDate,
  idNumberEnc: resident.idNumberEnc,
  phoneEnc: resident.phoneEnc,
  residency: resident.residency,
  tags: resident.tags,
  status: resident.status,
  address: household.addressText,
};
export interface ResidentListRow {
  id: string;
  communityId: string;
  gridId: string | null;
  householdId: string | null;
  buildingId: string | null;
  relationToHead: string | null;
  name: string;
  gender: 'male' | 'female';
  birthDate: string | null;
  idNumberEnc: string | null;
  phoneEnc: string | null;
  residency: 'permanent' | 'floating';
  tags: string[];
  status: 'active' | 'moved_out' | 'deceased';
  address: string | null;
}

const householdColumns = {
  household,
  buildingName: building.name,
  estateName: estate.name,
  entranceName: entrance.name,
  headName: sql<string | null>`(SELECT r.name FROM ${resident} r WHERE r.id = ${household.headResidentId})`,
  memberCount: sql<number>`(SELECT count(*)::int FROM ${resident} r WHERE r.household_id = ${household.id} AND r.status = 'active')`,
};

export const residentsRepository = {
  list(db: Queryable, actor: Actor, permission: PermissionRef, f: ResidentFilter, page: { after?: string; limit: number }): Promise<ResidentListRow[]> {
    const conds = residentConditions(actor, permission, f);
    if (page.after) conds.push(gt(resident.id, page.after));
    return db.select(listColumns).from(resident).leftJoin(household, eq(household.id, resident.householdId)).where(and(...conds)).orderBy(asc(resident.id)).limit(page.limit + 1) as Promise<ResidentListRow[]>;
  },

  async find(db: Queryable, actor: Actor, permission: PermissionRef, id: string) {
    const [row] = await db
      .select({ resident, address: household.addressText })
      .from(resident)
      .leftJoin(household, eq(household.id, resident.householdId))
      .where(and(eq(resident.id, id), residentScope(actor, permission)));
    return row;
  },

  /** Locks a resident row for the rest of the transaction (account creation, moves). */
  async lock(db: Queryable, id: string): Promise<void> {
    await db.execute(sql`SELECT id FROM resident WHERE id = ${id} FOR UPDATE`);
  },

  async insert(db: Queryable, values: (typeof resident.$inferInsert)[]): Promise<void> {
    for (let i = 0; i < values.length; i += 1000) await db.insert(resident).values(values.slice(i, i + 1000));
  },

  async insertMemberships(db: Queryable, values: (typeof householdMembership.$inferInsert)[]): Promise<void> {
    for (let i = 0; i < values.length; i += 2000) await db.insert(householdMembership).values(values.slice(i, i + 2000));
  },

  async closeMembership(db: Queryable, residentId: string, at: Date): Promise<void> {
    await db.update(householdMembership).set({ leftAt: at }).where(and(eq(householdMembership.residentId, residentId), isNull(householdMembership.leftAt)));
  },

  async setMembershipRelation(db: Queryable, residentId: string, relation: string | null): Promise<void> {
    await db.update(householdMembership).set({ relationToHead: relation }).where(and(eq(householdMembership.residentId, residentId), isNull(householdMembership.leftAt)));
  },

  history(db: Queryable, residentId: string) {
    return db
      .select({ householdId: householdMembership.householdId, address: household.addressText, relationToHead: householdMembership.relationToHead, joinedAt: householdMembership.joinedAt, leftAt: householdMembership.leftAt })
      .from(householdMembership)
      .innerJoin(household, eq(household.id, householdMembership.householdId))
      .where(eq(householdMembership.residentId, residentId))
      .orderBy(desc(householdMembership.joinedAt))
      .limit(100);
  },

  async hasAccount(db: Queryable, residentId: string): Promise<boolean> {
    const [row] = await db.select({ id: account.id }).from(account).where(eq(account.residentId, residentId)).limit(1);
    return !!row;
  },

  /** Which of these ID-number blind indexes already exist in a community. */
  async existingIdNumbers(db: Queryable, communityId: string, idxs: string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (let i = 0; i < idxs.length; i += 5000) {
      const part = idxs.slice(i, i + 5000);
      const list = await rows<{ idx: string }>(db, sql`SELECT id_number_idx AS idx FROM resident WHERE community_id = ${communityId} AND id_number_idx = ANY(${sql.param(part)}::text[])`);
      for (const r of list) found.add(r.idx);
    }
    return found;
  },

  // ---- households -----------------------------------------------------------------------------

  listHouseholds(db: Queryable, actor: Actor, permission: PermissionRef, f: { buildingId?: string; gridId?: string; q?: string }, page: { after?: [string, string]; limit: number }) {
    const conds: SQL[] = [householdScope(actor, permission)];
    if (f.buildingId) conds.push(eq(household.buildingId, f.buildingId));
    if (f.gridId) conds.push(eq(household.gridId, f.gridId));
    if (f.q) conds.push(sql`${household.addressText} LIKE ${`%${like(f.q)}%`}`);
    if (page.after) conds.push(sql`(${household.addressText}, ${household.id}) > (${page.after[0]}, ${page.after[1]})`);
    return db
      .select(householdColumns)
      .from(household)
      .innerJoin(building, eq(building.id, household.buildingId))
      .innerJoin(estate, eq(estate.id, building.estateId))
      .leftJoin(entrance, eq(entrance.id, household.entranceId))
      .where(and(...conds))
      .orderBy(asc(household.addressText), asc(household.id))
      .limit(page.limit + 1);
  },

  async findHousehold(db: Queryable, actor: Actor, permission: PermissionRef, id: string) {
    const [row] = await db
      .select(householdColumns)
      .from(household)
      .innerJoin(building, eq(building.id, household.buildingId))
      .innerJoin(estate, eq(estate.id, building.estateId))
      .leftJoin(entrance, eq(entrance.id, household.entranceId))
      .where(and(eq(household.id, id), householdScope(actor, permission)));
    return row;
  },

  async insertHouseholds(db: Queryable, values: (typeof household.$inferInsert)[]): Promise<void> {
    for (let i = 0; i < values.length; i += 1000) await db.insert(household).values(values.slice(i, i + 1000));
  },

  async setHead(db: Queryable, householdId: string, residentId: string | null): Promise<void> {
    await db.update(household).set({ headResidentId: residentId }).where(eq(household.id, householdId));
  },

  async clearHeadIf(db: Queryable, householdId: string, residentId: string): Promise<void> {
    await db.update(household).set({ headResidentId: null }).where(and(eq(household.id, householdId), eq(household.headResidentId, residentId)));
  },

  /** Current members (in the household now) and former members (left, with the date). */
  members(db: Queryable, householdId: string) {
    return db.select(listColumns).from(resident).leftJoin(household, eq(household.id, resident.householdId)).where(eq(resident.householdId, householdId)).orderBy(asc(resident.birthDate)).limit(200) as Promise<ResidentListRow[]>;
  },

  formerMembers(db: Queryable, householdId: string) {
    return db
      .select({ ...listColumns, leftAt: householdMembership.leftAt })
      .from(householdMembership)
      .innerJoin(resident, eq(resident.id, householdMembership.residentId))
      .leftJoin(household, eq(household.id, resident.householdId))
      .where(and(eq(householdMembership.householdId, householdId), isNotNull(householdMembership.leftAt)))
      .orderBy(desc(householdMembership.leftAt))
      .limit(200);
  },

  async buildingInScope(db: Queryable, actor: Actor, permission: PermissionRef, buildingId: string): Promise<boolean> {
    const [row] = await db
      .select({ id: building.id })
      .from(building)
      .where(and(eq(building.id, buildingId), scopeWhere(actor, permission, { community: building.communityId, grid: building.gridId })));
    return !!row;
  },

  /** Building, entrance and estate of a new household, for its address text. */
  async addressParts(db: Queryable, buildingId: string, entranceId: string | null) {
    const [row] = await db
      .select({ building, estateName: estate.name, entranceName: sql<string | null>`(SELECT e.name FROM ${entrance} e WHERE e.id = ${entranceId} AND e.building_id = ${building.id})` })
      .from(building)
      .innerJoin(estate, eq(estate.id, building.estateId))
      .where(eq(building.id, buildingId));
    return row;
  },
};
