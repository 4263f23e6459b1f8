/** SQL for the points ledger: rules, entries (idempotent on source + source id), rankings. */
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { newId } from '../../platform/db/columns';
import { rows, type Queryable } from '../../platform/db/client';
import { partyPointEntry, partyPointRule } from './party.tables';

export interface PointInput {
  communityId: string;
  memberId: string;
  source: string;
  sourceId: string;
  quantity: number;
  occurredAt: Date;
  /** Points per unit when the community has no rule for the source. */
  defaultPerUnit: number;
}

export interface RankingRow {
  org_id: string;
  org_name: string;
  members: number;
  member_id: string;
  name: string;
  points: string | number;
  rnk: number;
}

const period = (col: SQL, from?: Date, to?: Date): SQL =>
  sql.join([sql`true`, ...(from ? [sql`${col} >= ${from.toISOString()}::timestamptz`] : []), ...(to ? [sql`${col} < ${to.toISOString()}::timestamptz`] : [])], sql` AND `);

export const partyPointsRepository = {
  rules(q: Queryable, communityId: string) {
    return q.select({ source: partyPointRule.source, pointsPerUnit: partyPointRule.pointsPerUnit }).from(partyPointRule).where(eq(partyPointRule.communityId, communityId));
  },

  async replaceRules(q: Queryable, communityId: string, rules: { source: string; pointsPerUnit: number }[]): Promise<void> {
    await q.delete(partyPointRule).where(eq(partyPointRule.communityId, communityId));
    if (rules.length) await q.insert(partyPointRule).values(rules.map((r) => ({ communityId, ...r })));
  },

  /** Computes the points from the community's rule at insert time; a repeat of (source, source id) is a no-op. */
  async insertEntry(q: Queryable, p: PointInput): Promise<boolean> {
    const inserted = await rows<{ id: string }>(
      q,
      sql`INSERT INTO party_point_entry (id, community_id, member_id, source, source_id, quantity, points, occurred_at)
          SELECT ${newId()}, ${p.communityId}, ${p.memberId}, ${p.source}, ${p.sourceId}, ${p.quantity},
                 round(${p.quantity}::numeric * COALESCE((SELECT points_per_unit FROM party_point_rule WHERE community_id = ${p.communityId} AND source = ${p.source}), ${p.defaultPerUnit}), 2),
                 ${p.occurredAt.toISOString()}::timestamptz
          ON CONFLICT (community_id, source, source_id) DO NOTHING
          RETURNING id`,
    );
    return inserted.length === 1;
  },

  ledger(q: Queryable, memberId: string, before: readonly [string, string] | null, limit: number) {
    return q
      .select()
      .from(partyPointEntry)
      .where(and(eq(partyPointEntry.memberId, memberId), before ? sql`(${partyPointEntry.occurredAt}, ${partyPointEntry.id}) < (${before[0]}::timestamptz, ${before[1]})` : undefined))
      .orderBy(sql`${partyPointEntry.occurredAt} DESC`, sql`${partyPointEntry.id} DESC`)
      .limit(limit + 1);
  },

  async total(q: Queryable, memberId: string): Promise<number> {
    const [row] = await rows<{ total: string | number }>(q, sql`SELECT COALESCE(sum(points), 0) AS total FROM party_point_entry WHERE member_id = ${memberId}`);
    return Number(row?.total ?? 0);
  },

  /** Members ranked by points within their org (RANK: ties share a place), top N per org. */
  ranking(q: Queryable, f: { communityId: string; orgPath?: string; from?: Date; to?: Date; top: number }): Promise<RankingRow[]> {
    return rows<RankingRow>(
      q,
      sql`WITH pts AS (
            SELECT m.id AS member_id, m.name, m.org_id, COALESCE(sum(e.points), 0) AS points
              FROM party_member m
              JOIN party_org o ON o.id = m.org_id
              LEFT JOIN party_point_entry e ON e.member_id = m.id AND ${period(sql`e.occurred_at`, f.from, f.to)}
             WHERE m.community_id = ${f.communityId} AND m.left_at IS NULL ${f.orgPath ? sql`AND o.path LIKE ${`${f.orgPath}%`}` : sql``}
             GROUP BY m.id),
          ranked AS (
            SELECT pts.*, rank() OVER (PARTITION BY org_id ORDER BY points DESC)::int AS rnk, count(*) OVER (PARTITION BY org_id)::int AS members FROM pts)
          SELECT r.*, o.name AS org_name FROM ranked r JOIN party_org o ON o.id = r.org_id
           WHERE r.rnk <= ${f.top}
           ORDER BY o.path, r.rnk, r.name
           LIMIT 20000`,
    );
  },

  /** A member's place in their org's ranking (all time). */
  async rankOf(q: Queryable, memberId: string): Promise<{ rank: number | null; size: number }> {
    const [row] = await rows<{ rnk: number | null; size: number }>(
      q,
      sql`WITH me AS (SELECT org_id FROM party_member WHERE id = ${memberId}),
          pts AS (
            SELECT m.id, COALESCE((SELECT sum(points) FROM party_point_entry e WHERE e.member_id = m.id), 0) AS points
              FROM party_member m WHERE m.org_id = (SELECT org_id FROM me) AND m.left_at IS NULL)
          SELECT (SELECT r FROM (SELECT id, rank() OVER (ORDER BY points DESC)::int AS r FROM pts) x WHERE x.id = ${memberId}) AS rnk,
                 (SELECT count(*)::int FROM pts) AS size`,
    );
    return { rank: row?.rnk ?? null, size: row?.size ?? 0 };
  },
};
