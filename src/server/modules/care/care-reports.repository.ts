/** Aggregates, the group-birthday list and the care-file export rows: single SQL statements each. */
import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor';
import { rows, type Queryable } from '../../platform/db/client';
import { scopeWhere } from '../../platform/scope';
import { addressOf, restrictedVisible } from './care-files.repository';

const inOrg = (col: SQL, orgId: string | undefined) =>
  orgId ? sql`AND ${col} IN (SELECT o.id FROM org_node o WHERE o.kind = 'community' AND o.path LIKE (SELECT p.path FROM org_node p WHERE p.id = ${orgId}) || '%')` : sql``;

type Count = { key: string; count: number };

export const careReportsRepository = {
  async stats(q: Queryable, actor: Actor, f: { orgId?: string; year?: number; restrictedIdx: string }) {
    const scope = (col: SQL) => sql`${scopeWhere(actor, 'care_stats.read', { community: col })} ${inOrg(col, f.orgId)}`;
    const year = (expr: SQL) => (f.year ? sql`AND extract(year FROM ${expr}) = ${f.year}` : sql``);
    const [files] = await rows<{ total: number; active: number }>(q, sql`SELECT count(*)::int AS total, count(*) FILTER (WHERE status = 'active')::int AS active FROM care_file f WHERE ${scope(sql`f.community_id`)}`);
    const byCategory = await rows<Count>(q, sql`SELECT c AS key, count(*)::int AS count FROM care_file f, unnest(f.categories) c WHERE f.status = 'active' AND ${scope(sql`f.community_id`)} GROUP BY c ORDER BY count DESC, c`);
    const appWhere = sql`${scope(sql`a.community_id`)} ${year(sql`a.created_at`)}`;
    const byKind = await rows<Count>(q, sql`SELECT a.kind AS key, count(*)::int AS count FROM assistance_application a WHERE ${appWhere} GROUP BY 1 ORDER BY 1`);
    const byStatus = await rows<Count>(q, sql`SELECT a.status AS key, count(*)::int AS count FROM assistance_application a WHERE ${appWhere} GROUP BY 1 ORDER BY 1`);
    const [monthly] = await rows<{ fen: number }>(q, sql`SELECT COALESCE(sum(a.amount_fen), 0)::bigint::float8 AS fen FROM assistance_application a
      WHERE a.status = 'approved' AND a.kind IN ('dibao', 'tekun') AND ${appWhere}`);
    const services = await rows<Count>(q, sql`SELECT s.kind AS key, count(*)::int AS count FROM care_service s WHERE ${scope(sql`s.community_id`)} ${year(sql`s.occurred_at`)} GROUP BY 1 ORDER BY 1`);
    const [consolations] = await rows<{ campaigns: number; households: number; fen: number }>(
      q,
      sql`SELECT count(DISTINCT c.id)::int AS campaigns, count(h.id)::int AS households, COALESCE(sum(h.amount_fen), 0)::bigint::float8 AS fen
            FROM consolation c LEFT JOIN consolation_handover h ON h.consolation_id = c.id
           WHERE ${scope(sql`c.community_id`)} ${f.year ? sql`AND c.year = ${f.year}` : sql``}`,
    );
    const [wishes] = await rows<{ total: number; fulfilled: number }>(
      q,
      sql`SELECT count(*)::int AS total, count(*) FILTER (WHERE w.status IN ('fulfilled', 'confirmed'))::int AS fulfilled FROM wish w WHERE ${scope(sql`w.community_id`)} ${year(sql`w.created_at`)}`,
    );
    // Counted only inside the care officer's own scope; nobody else learns the figure exists.
    const [restricted] = await rows<{ people: number }>(
      q,
      sql`SELECT count(DISTINCT c.resident_id)::int AS people FROM care_condition c
           WHERE c.kind_idx = ${f.restrictedIdx} AND c.status = 'active'
             AND ${scopeWhere(actor, 'care_condition.restricted', { community: sql`c.community_id` })} ${inOrg(sql`c.community_id`, f.orgId)}`,
    );
    return { files, byCategory, byKind, byStatus, monthlyFen: monthly?.fen ?? 0, services, consolations, wishes, restrictedPeople: restricted?.people ?? 0 };
  },

  /** The caller's default month: "this month" in the zone of their first community. */
  async currentMonth(q: Queryable, actor: Actor): Promise<string> {
    const [row] = await rows<{ month: string }>(
      q,
      sql`SELECT to_char(now() AT TIME ZONE COALESCE((SELECT o.timezone FROM org_node o WHERE o.kind = 'community'
            AND ${scopeWhere(actor, 'care_birthday.read', { community: sql`o.id` })} ORDER BY o.path LIMIT 1), 'Asia/Shanghai'), 'YYYY-MM') AS month`,
    );
    return row!.month;
  },

  /**
   * Residents whose birthday falls in the month: left-behind children, and elderly people living
   * alone or as empty nesters (60+) or aged 80+ in that year. Ages as of the birthday in that year.
   */
  birthdays(q: Queryable, actor: Actor, f: { month: string; group: 'left_behind_child' | 'elderly' | 'all'; communityId?: string }) {
    const year = Number(f.month.slice(0, 4));
    const month = Number(f.month.slice(5, 7));
    const turning = sql`(${year} - extract(year FROM r.birth_date)::int)`;
    const isChild = sql`('left_behind_child' = ANY(r.tags))`;
    const isElderly = sql`((${turning} >= 60 AND r.tags && '{elderly_alone,empty_nest}'::text[]) OR ${turning} >= 80)`;
    const groupCond = f.group === 'left_behind_child' ? isChild : f.group === 'elderly' ? isElderly : sql`(${isChild} OR ${isElderly})`;
    return rows<{ id: string; name: string; gender: 'male' | 'female'; birth_date: string; turning: number; is_child: boolean; address: string | null; grid_name: string | null }>(
      q,
      sql`SELECT r.id, r.name, r.gender, r.birth_date::text AS birth_date, ${turning} AS turning, ${isChild} AS is_child,
                 ${addressOf(sql`r.household_id`)} AS address, g.name AS grid_name
            FROM resident r LEFT JOIN org_node g ON g.id = r.grid_id
           WHERE r.status = 'active' AND r.birth_date IS NOT NULL AND extract(month FROM r.birth_date) = ${month}
             AND ${scopeWhere(actor, 'care_birthday.read', { community: sql`r.community_id`, grid: sql`r.grid_id` })}
             ${f.communityId ? sql`AND r.community_id = ${f.communityId}` : sql``}
             AND ${groupCond}
           ORDER BY extract(day FROM r.birth_date), r.name_pinyin LIMIT 2000`,
    );
  },

  /** Export rows of the care files in scope; restricted conditions only where the caller may see them. */
  exportRows(q: Queryable, actor: Actor, f: { category?: string; status?: string; gridId?: string; conditionIdx?: string; after?: string; limit: number }) {
    return rows<{ id: string; address: string; grid_name: string | null; head_name: string | null; members: number; categories: string[]; monthly_income_fen: number | null; housing_kind: string | null; needs: string[]; status: string; condition_encs: string[] | null; restricted_count: number }>(
      q,
      sql`SELECT f.id, ${addressOf(sql`f.household_id`)} AS address, g.name AS grid_name,
                 (SELECT r.name FROM resident r WHERE r.household_id = f.household_id AND r.status = 'active' ORDER BY (r.relation_to_head = '户主') DESC, r.birth_date LIMIT 1) AS head_name,
                 (SELECT count(*)::int FROM resident r WHERE r.household_id = f.household_id AND r.status = 'active') AS members,
                 f.categories, f.monthly_income_fen, f.housing_kind, f.needs, f.status,
                 (SELECT array_agg(c.detail_enc ORDER BY c.created_at) FROM care_condition c
                   WHERE c.care_file_id = f.id AND c.status = 'active' AND ${restrictedVisible(actor, sql`c.restricted`, sql`c.community_id`)}) AS condition_encs,
                 (SELECT count(*)::int FROM care_condition c WHERE c.care_file_id = f.id AND c.status = 'active' AND c.restricted
                   AND ${restrictedVisible(actor, sql`c.restricted`, sql`c.community_id`)}) AS restricted_count
            FROM care_file f LEFT JOIN org_node g ON g.id = f.grid_id
           WHERE ${scopeWhere(actor, 'care_file.read', { community: sql`f.community_id`, grid: sql`f.grid_id` })}
             ${f.category ? sql`AND ${f.category} = ANY(f.categories)` : sql``}
             ${f.status ? sql`AND f.status = ${f.status}` : sql``}
             ${f.gridId ? sql`AND f.grid_id IN (SELECT o.id FROM org_node o WHERE o.path LIKE (SELECT p.path FROM org_node p WHERE p.id = ${f.gridId}) || '%')` : sql``}
             ${f.conditionIdx ? sql`AND EXISTS (SELECT 1 FROM care_condition c WHERE c.care_file_id = f.id AND c.kind_idx = ${f.conditionIdx} AND c.status = 'active' AND ${restrictedVisible(actor, sql`c.restricted`, sql`c.community_id`)})` : sql``}
             ${f.after ? sql`AND f.id > ${f.after}` : sql``}
           ORDER BY f.id LIMIT ${f.limit}`,
    );
  },
};
