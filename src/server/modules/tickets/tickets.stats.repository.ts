/**
 * Statistics SQL: one statement over the rollups (monthly rows for whole months, daily rows for
 * the partial months at either end of the range), grouped by GROUPING SETS into totals, category,
 * grid and month. `rawFigures` computes the same totals straight from `ticket` (the benchmark's
 * baseline and the tests' cross-check); `rebuild` recomputes the rollups after a bulk load.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor';
import { rows, type Queryable } from '../../platform/db/client';
import { scopeWhere } from '../../platform/scope';

export const NO_GRID = '00000000-0000-0000-0000-000000000000';

export interface StatsOrg {
  id: string;
  kind: 'district' | 'street' | 'community' | 'grid';
  path: string;
}

export interface RangeSplit {
  /** Whole months [monthFrom, monthTo) as first days; null bound = open. `none` = no whole month. */
  months: { from: string | null; to: string | null } | 'none';
  /** Day ranges [from, to] (inclusive) covered by daily rows. */
  days: Array<{ from: string | null; to: string | null }>;
}

const addMonths = (day: string, n: number): string => {
  const [y, m] = day.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return d.toISOString().slice(0, 10);
};
const monthStart = (day: string) => `${day.slice(0, 7)}-01`;
const dayBefore = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** Which part of [from, to] the monthly rollup can answer and which days are left for the daily one. */
export function splitRange(from: string | undefined, to: string | undefined): RangeSplit {
  const mFrom = from ? (from.endsWith('-01') ? from : addMonths(from, 1)) : null;
  const mTo = to ? (dayBefore(addMonths(to, 1)) === to ? addMonths(to, 1) : monthStart(to)) : null;
  if (mFrom && mTo && mFrom >= mTo) return { months: 'none', days: [{ from: from ?? null, to: to ?? null }] };
  const days: RangeSplit['days'] = [];
  if (from && mFrom && from < mFrom) days.push({ from, to: dayBefore(mFrom) });
  if (to && mTo && mTo <= to) days.push({ from: mTo, to });
  return { months: { from: mFrom, to: mTo }, days };
}

function orgFilter(org: StatsOrg): SQL {
  const prefix = `${org.path.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  switch (org.kind) {
    case 'community':
      return sql`community_id = ${org.id}`;
    case 'grid':
      return sql`grid_id IN (SELECT id FROM org_node WHERE kind = 'grid' AND path LIKE ${prefix})`;
    case 'street':
    case 'district':
      return sql`community_id IN (SELECT id FROM org_node WHERE kind = 'community' AND path LIKE ${prefix})`;
    default: {
      const never: never = org.kind;
      throw new Error(`unknown org kind ${String(never)}`);
    }
  }
}

const figureColumns = sql`sum(received)::int AS received, sum(resolved)::int AS resolved, sum(resolved_on_time)::int AS resolved_on_time,
  sum(resolve_hours)::float8 AS resolve_hours, sum(rated)::int AS rated, sum(satisfied)::int AS satisfied,
  sum(reopened)::int AS reopened, sum(escalated)::int AS escalated, sum(returned)::int AS returned`;

const measures = sql`received, resolved, resolved_on_time, resolve_hours, rated, satisfied, reopened, escalated, returned`;

export interface FigureRow {
  received: number;
  resolved: number;
  resolved_on_time: number;
  resolve_hours: number;
  rated: number;
  satisfied: number;
  reopened: number;
  escalated: number;
  returned: number;
}

export interface GroupedRow extends FigureRow {
  g_category: number;
  g_grid: number;
  g_month: number;
  category_key: string | null;
  grid_id: string | null;
  month: string | null;
}

export const ticketStatsRepository = {
  grouped(q: Queryable, actor: Actor, org: StatsOrg, from: string | undefined, to: string | undefined): Promise<GroupedRow[]> {
    const split = splitRange(from, to);
    const scope = scopeWhere(actor, 'ticket.stats', { community: sql`community_id`, grid: sql`grid_id` });
    const parts: SQL[] = [];
    if (split.months !== 'none') {
      const { from: mf, to: mt } = split.months;
      parts.push(sql`SELECT grid_id, category_key, to_char(month, 'YYYY-MM') AS month, ${measures} FROM ticket_stat_monthly
        WHERE ${orgFilter(org)} AND ${scope} AND (${mf}::date IS NULL OR month >= ${mf}::date) AND (${mt}::date IS NULL OR month < ${mt}::date)`);
    }
    for (const d of split.days) {
      parts.push(sql`SELECT grid_id, category_key, to_char(day, 'YYYY-MM') AS month, ${measures} FROM ticket_stat_daily
        WHERE ${orgFilter(org)} AND ${scope} AND (${d.from}::date IS NULL OR day >= ${d.from}::date) AND (${d.to}::date IS NULL OR day <= ${d.to}::date)`);
    }
    return rows<GroupedRow>(
      q,
      sql`WITH s AS (${sql.join(parts, sql` UNION ALL `)})
          SELECT GROUPING(category_key) AS g_category, GROUPING(grid_id) AS g_grid, GROUPING(month) AS g_month,
                 category_key, grid_id::text AS grid_id, month, ${figureColumns}
            FROM s GROUP BY GROUPING SETS ((), (category_key), (grid_id), (month))`,
    );
  },

  /** The same totals from the tickets themselves (no rollup): the benchmark's baseline, the tests' cross-check. */
  async rawFigures(q: Queryable, org: StatsOrg, from: string | undefined, to: string | undefined): Promise<FigureRow> {
    const [row] = await rows<FigureRow>(
      q,
      sql`SELECT count(*)::int AS received,
                 count(*) FILTER (WHERE resolved)::int AS resolved,
                 count(*) FILTER (WHERE resolved AND resolved_at <= due_at)::int AS resolved_on_time,
                 COALESCE(sum(EXTRACT(EPOCH FROM resolved_at - created_at) / 3600.0) FILTER (WHERE resolved), 0)::float8 AS resolve_hours,
                 count(rating)::int AS rated, count(*) FILTER (WHERE rating >= 4)::int AS satisfied,
                 count(*) FILTER (WHERE reopen_count > 0)::int AS reopened, count(*) FILTER (WHERE escalation_count > 0)::int AS escalated,
                 count(*) FILTER (WHERE status = 'returned')::int AS returned
            FROM (SELECT t.*, (t.resolved_at IS NOT NULL AND t.status IN ('resolved', 'closed')) AS resolved FROM ticket t) x
           WHERE ${orgFilter(org)} AND (${from ?? null}::date IS NULL OR created_on >= ${from ?? null}::date) AND (${to ?? null}::date IS NULL OR created_on <= ${to ?? null}::date)`,
    );
    return row!;
  },

  /** Category names by key for the communities of an org (first community's wording wins). */
  categoryNames(q: Queryable, org: StatsOrg): Promise<Array<{ key: string; name: string }>> {
    const communities =
      org.kind === 'grid' ? sql`(SELECT community_id FROM org_node WHERE id = ${org.id})` : org.kind === 'community' ? sql`(${org.id})` : sql`(SELECT community_id FROM ticket_category WHERE ${orgFilter(org)})`;
    return rows(q, sql`SELECT DISTINCT ON (key) key, name FROM ticket_category WHERE community_id IN ${communities} ORDER BY key, community_id`);
  },

  gridNames(q: Queryable, ids: readonly string[]): Promise<Array<{ id: string; name: string }>> {
    if (ids.length === 0) return Promise.resolve([]);
    return rows(q, sql`SELECT id::text AS id, name FROM org_node WHERE id IN (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`);
  },

  /** Recomputes both rollups from the tickets (after a bulk load with the trigger off, or to repair). */
  async rebuild(q: Queryable): Promise<void> {
    const source = sql`SELECT community_id, created_on, COALESCE(grid_id, ${NO_GRID}::uuid) AS grid_id, category_key,
        (resolved_at IS NOT NULL AND status IN ('resolved', 'closed')) AS resolved_flag, resolved_at, due_at, created_at, rating, reopen_count, escalation_count, status
      FROM ticket`;
    const sums = sql`count(*)::int, count(*) FILTER (WHERE resolved_flag)::int, count(*) FILTER (WHERE resolved_flag AND resolved_at <= due_at)::int,
      COALESCE(sum(EXTRACT(EPOCH FROM resolved_at - created_at) / 3600.0) FILTER (WHERE resolved_flag), 0),
      count(rating)::int, count(*) FILTER (WHERE rating >= 4)::int, count(*) FILTER (WHERE reopen_count > 0)::int,
      count(*) FILTER (WHERE escalation_count > 0)::int, count(*) FILTER (WHERE status = 'returned')::int`;
    await q.execute(sql`DELETE FROM ticket_stat_daily`);
    await q.execute(sql`DELETE FROM ticket_stat_monthly`);
    await q.execute(sql`INSERT INTO ticket_stat_daily (community_id, day, grid_id, category_key, ${measures})
      SELECT community_id, created_on, grid_id, category_key, ${sums} FROM (${source}) s GROUP BY 1, 2, 3, 4`);
    await q.execute(sql`INSERT INTO ticket_stat_monthly (community_id, month, grid_id, category_key, ${measures})
      SELECT community_id, date_trunc('month', created_on)::date, grid_id, category_key, ${sums} FROM (${source}) s GROUP BY 1, 2, 3, 4`);
  },
};
