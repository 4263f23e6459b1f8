/**
 * Care files, their members and conditions. Households and residents belong to the places
 * module: this file only reads them (joins), never writes them.
 */
import { and, desc, eq, getTableName, lt, sql, type SQL } from 'drizzle-orm';
import type { Actor, PermissionRef } from '../../platform/auth/actor';
import { rows, type Queryable } from '../../platform/db/client';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { scopeWhere } from '../../platform/scope';
import { suggestingTags } from './care.model';
import { careCondition, careFile, careFileVersion } from './care.tables';

export type CareFileRow = typeof careFile.$inferSelect;
export type ConditionRow = typeof careCondition.$inferSelect;

/**
 * A column as `"table"."column"`. Drizzle leaves select-list columns of a one-table query
 * unqualified, and inside a subquery an unqualified name binds to the inner table first
 * (org_node has its own community_id): correlated subqueries in select lists use this.
 */
export const qualified = (column: AnyPgColumn) => sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;

/** The household's address line (places keeps it denormalized; older rows fall back to the parts). */
export const addressOf = (household: SQL) => sql`(SELECT COALESCE(NULLIF(h.address_text, ''), e.name || ' ' || b.name || ' ' || COALESCE(en.name || ' ', '') || h.room)
    FROM household h JOIN building b ON b.id = h.building_id JOIN estate e ON e.id = b.estate_id
    LEFT JOIN entrance en ON en.id = h.entrance_id WHERE h.id = ${household})`;

const headNameOf = (household: SQL) => sql`(SELECT r.name FROM resident r WHERE r.household_id = ${household} AND r.status = 'active'
    ORDER BY (r.id = (SELECT head_resident_id FROM household WHERE id = ${household})) DESC, (r.relation_to_head = '户主') DESC, r.birth_date ASC NULLS LAST LIMIT 1)`;

const memberCountOf = (household: SQL) => sql`(SELECT count(*)::int FROM resident r WHERE r.household_id = ${household} AND r.status = 'active')`;

/** Restricted rows are visible only where the caller holds the restricted permission. */
export const restrictedVisible = (actor: Actor, restricted: SQL | AnyPgColumn, community: SQL | AnyPgColumn) =>
  sql`(NOT ${restricted} OR ${scopeWhere(actor, 'care_condition.restricted', { community })})`;

export interface ListFilter {
  q?: string;
  gridId?: string;
  category?: string;
  conditionIdx?: string;
  status?: 'active' | 'closed';
  before?: string;
  limit: number;
}

const likeOf = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export const careFilesRepository = {
  scope: (actor: Actor, permission: PermissionRef) => scopeWhere(actor, permission, { community: careFile.communityId, grid: careFile.gridId }),

  async list(q: Queryable, actor: Actor, f: ListFilter) {
    const conds: (SQL | undefined)[] = [this.scope(actor, 'care_file.read')];
    if (f.gridId) conds.push(sql`${careFile.gridId} IN (SELECT o.id FROM org_node o WHERE o.path LIKE (SELECT p.path FROM org_node p WHERE p.id = ${f.gridId}) || '%')`);
    if (f.category) conds.push(sql`${f.category} = ANY(${careFile.categories})`);
    if (f.status) conds.push(eq(careFile.status, f.status));
    if (f.conditionIdx) {
      conds.push(sql`EXISTS (SELECT 1 FROM care_condition c WHERE c.care_file_id = ${careFile.id} AND c.kind_idx = ${f.conditionIdx}
        AND c.status = 'active' AND ${restrictedVisible(actor, sql`c.restricted`, sql`c.community_id`)})`);
    }
    if (f.q) {
      const like = likeOf(f.q);
      conds.push(sql`(EXISTS (SELECT 1 FROM resident r WHERE r.household_id = ${careFile.householdId}
          AND (r.name ILIKE ${like} OR r.name_pinyin ILIKE ${like} OR r.name_initials ILIKE ${like}))
        OR ${addressOf(sql`${careFile.householdId}`)} ILIKE ${like})`);
    }
    if (f.before) conds.push(lt(careFile.id, f.before));
    return q
      .select({
        file: careFile,
        address: addressOf(qualified(careFile.householdId)).mapWith(String),
        gridName: sql<string | null>`(SELECT o.name FROM org_node o WHERE o.id = ${qualified(careFile.gridId)})`,
        headName: headNameOf(qualified(careFile.householdId)).mapWith((v) => (v === null ? null : String(v))),
        memberCount: memberCountOf(qualified(careFile.householdId)).mapWith(Number),
      })
      .from(careFile)
      .where(and(...conds))
      .orderBy(desc(careFile.id))
      .limit(f.limit + 1);
  },

  async findInScope(q: Queryable, actor: Actor, permission: PermissionRef, id: string) {
    const [row] = await q
      .select({
        file: careFile,
        address: addressOf(qualified(careFile.householdId)).mapWith(String),
        gridName: sql<string | null>`(SELECT o.name FROM org_node o WHERE o.id = ${qualified(careFile.gridId)})`,
      })
      .from(careFile)
      .where(and(eq(careFile.id, id), this.scope(actor, permission)));
    return row;
  },

  async lockFile(q: Queryable, id: string) {
    await q.execute(sql`SELECT id FROM care_file WHERE id = ${id} FOR UPDATE`);
  },

  /** The household, if the caller may open a file for it (scope on the household's own columns). */
  async householdInScope(q: Queryable, actor: Actor, permission: PermissionRef, householdId: string) {
    const [row] = await rows<{ id: string; community_id: string; grid_id: string | null }>(
      q,
      sql`SELECT h.id, h.community_id, h.grid_id FROM household h
           WHERE h.id = ${householdId} AND ${scopeWhere(actor, permission, { community: sql`h.community_id`, grid: sql`h.grid_id` })}`,
    );
    return row;
  },

  async byHousehold(q: Queryable, communityId: string, householdId: string) {
    const [row] = await q.select().from(careFile).where(and(eq(careFile.communityId, communityId), eq(careFile.householdId, householdId)));
    return row;
  },

  async memberTags(q: Queryable, householdId: string): Promise<string[]> {
    const found = await rows<{ tag: string }>(q, sql`SELECT DISTINCT unnest(tags) AS tag FROM resident WHERE household_id = ${householdId} AND status = 'active'`);
    return found.map((r) => r.tag);
  },

  async insert(q: Queryable, values: typeof careFile.$inferInsert) {
    const [row] = await q.insert(careFile).values(values).returning();
    return row!;
  },

  async insertVersion(q: Queryable, values: typeof careFileVersion.$inferInsert) {
    await q.insert(careFileVersion).values(values);
  },

  versions(q: Queryable, careFileId: string) {
    return q.select().from(careFileVersion).where(eq(careFileVersion.careFileId, careFileId)).orderBy(desc(careFileVersion.version)).limit(200);
  },

  members(q: Queryable, householdId: string) {
    return rows<{
      id: string;
      name: string;
      gender: 'male' | 'female';
      age: number | null;
      relation_to_head: string | null;
      phone_enc: string | null;
      tags: string[];
      status: string;
    }>(
      q,
      sql`SELECT r.id, r.name, r.gender, date_part('year', age(now()::date, r.birth_date))::int AS age, r.relation_to_head,
                 r.phone_enc, r.tags, r.status
            FROM resident r WHERE r.household_id = ${householdId}
           ORDER BY (r.status = 'active') DESC, (r.relation_to_head = '户主') DESC, r.birth_date ASC NULLS LAST`,
    );
  },

  /** Conditions of a file the caller may see: restricted rows only with the restricted permission. */
  conditions(q: Queryable, actor: Actor, careFileId: string) {
    return q
      .select()
      .from(careCondition)
      .where(and(eq(careCondition.careFileId, careFileId), restrictedVisible(actor, careCondition.restricted, careCondition.communityId)))
      .orderBy(careCondition.createdAt);
  },

  async conditionInFile(q: Queryable, actor: Actor, careFileId: string, conditionId: string) {
    const [row] = await q
      .select()
      .from(careCondition)
      .where(and(eq(careCondition.id, conditionId), eq(careCondition.careFileId, careFileId), restrictedVisible(actor, careCondition.restricted, careCondition.communityId)));
    return row;
  },

  async insertCondition(q: Queryable, values: typeof careCondition.$inferInsert) {
    const [row] = await q.insert(careCondition).values(values).returning();
    return row!;
  },

  async residentInHousehold(q: Queryable, residentId: string, householdId: string) {
    const [row] = await rows<{ id: string }>(q, sql`SELECT id FROM resident WHERE id = ${residentId} AND household_id = ${householdId}`);
    return !!row;
  },

  assistanceOf(q: Queryable, householdId: string) {
    return rows<{ id: string; kind: string; status: string; applicant_name: string; amount_fen: number | null; start_month: string | null; review_due_on: string | null; updated_at: Date }>(
      q,
      sql`SELECT a.id, a.kind, a.status, r.name AS applicant_name, a.amount_fen, a.start_month, a.review_due_on::text, a.updated_at
            FROM assistance_application a JOIN resident r ON r.id = a.applicant_resident_id
           WHERE a.household_id = ${householdId} ORDER BY a.created_at DESC LIMIT 50`,
    );
  },

  /** Everything that happened to the household, newest first; restricted services only for the care officer. */
  timeline(q: Queryable, actor: Actor, file: { id: string; householdId: string }) {
    return rows<{ at: Date | string; kind: string; label: string; detail: string | null; by: string | null; amount_fen: number | null; ref_id: string }>(
      q,
      sql`SELECT * FROM (
            SELECT s.occurred_at AS at, 'care_service' AS kind, s.kind AS label, s.content AS detail, s.provider_name AS by, NULL::int AS amount_fen, s.id::text AS ref_id
              FROM care_service s WHERE s.household_id = ${file.householdId} AND ${restrictedVisible(actor, sql`s.restricted`, sql`s.community_id`)}
            UNION ALL
            SELECT h.delivered_at, 'consolation', c.occasion, c.name || COALESCE(' · ' || h.gift, ''), h.delivered_by_name, h.amount_fen, h.id::text
              FROM consolation_handover h JOIN consolation c ON c.id = h.consolation_id WHERE h.household_id = ${file.householdId}
            UNION ALL
            SELECT st.at, 'assistance_step', st.action, a.kind, st.actor_name, CASE WHEN st.action = 'approve' THEN a.amount_fen END, a.id::text
              FROM assistance_step st JOIN assistance_application a ON a.id = st.application_id WHERE a.household_id = ${file.householdId}
            UNION ALL
            SELECT w.updated_at, 'wish', w.status, w.title, w.claimed_by_name, w.price_fen, w.id::text
              FROM wish w WHERE w.household_id = ${file.householdId}
            UNION ALL
            SELECT vi.visited_at, 'visit', vi.kind, NULLIF(vi.findings, ''), (SELECT display_name FROM account WHERE id = vi.visitor_id), NULL, vi.id::text
              FROM visit vi WHERE vi.household_id = ${file.householdId}
            UNION ALL
            SELECT v.changed_at, 'file_version', 'v' || v.version, NULL, v.changed_by_name, NULL, v.id::text
              FROM care_file_version v WHERE v.care_file_id = ${file.id}
          ) t ORDER BY at DESC LIMIT 100`,
    );
  },

  /** Accounts holding one of the roles at the community itself (notification recipients). */
  async staffOf(q: Queryable, communityId: string, roles: readonly string[]): Promise<string[]> {
    const found = await rows<{ account_id: string }>(
      q,
      sql`SELECT DISTINCT ra.account_id FROM role_assignment ra JOIN account a ON a.id = ra.account_id
           WHERE ra.org_id = ${communityId} AND ra.role_key IN (SELECT unnest(${`{${roles.join(',')}}`}::text[])) AND a.status = 'active'`,
    );
    return found.map((r) => r.account_id);
  },

  /** Households in scope without a file whose active members carry a care tag. */
  suggestions(q: Queryable, actor: Actor, limit: number) {
    return rows<{ household_id: string; address: string; grid_name: string | null; head_name: string | null; member_count: number; matched_tags: string[] }>(
      q,
      sql`SELECT h.id AS household_id, ${addressOf(sql`h.id`)} AS address, g.name AS grid_name, ${headNameOf(sql`h.id`)} AS head_name,
                 ${memberCountOf(sql`h.id`)} AS member_count, m.tags AS matched_tags
            FROM household h
            JOIN LATERAL (
              SELECT array_agg(DISTINCT t.tag ORDER BY t.tag) AS tags
                FROM resident r, unnest(r.tags) AS t(tag)
               WHERE r.household_id = h.id AND r.status = 'active' AND t.tag = ANY(${sql`${`{${suggestingTags.join(',')}}`}::text[]`})
            ) m ON m.tags IS NOT NULL
            LEFT JOIN org_node g ON g.id = h.grid_id
           WHERE ${scopeWhere(actor, 'care_file.manage', { community: sql`h.community_id`, grid: sql`h.grid_id` })}
             AND NOT EXISTS (SELECT 1 FROM care_file f WHERE f.community_id = h.community_id AND f.household_id = h.id)
           ORDER BY cardinality(m.tags) DESC, h.id LIMIT ${limit}`,
    );
  },
};
