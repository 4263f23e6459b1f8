/**
 * Waste-sorting figures within the caller's scope. A year of a pilot is ~1M sorting records, so the
 * big tables are read once each: one grouped scan of `sorting_record` (GROUPING SETS by community,
 * drop point and day — totals and months are sums of those groups), one of `waste_reward` (by
 * community and month), and participation as index probes per household (EXISTS on the
 * household-day key) instead of a COUNT(DISTINCT) sort over every record.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor';
import { rows, type Db } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import { scopeWhere } from '../../platform/scope';
import type { WasteStats } from './waste.schemas';

const rate = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null);

interface Counts {
  records: number;
  correct: number;
}
type Group = Counts & { community: string | null; point: string | null; day: string | null };

const add = (map: Map<string, Counts>, key: string, c: Counts) => {
  const seen = map.get(key) ?? { records: 0, correct: 0 };
  map.set(key, { records: seen.records + c.records, correct: seen.correct + c.correct });
};

export async function wasteStats(db: Db, actor: Actor, q: { orgId?: string; from: string; to: string }): Promise<WasteStats> {
  if (q.to < q.from) throw new AppError('validation_failed', [{ field: 'querystring.to', code: 'time_range' }]);
  const inOrg = (col: SQL) =>
    sql`${scopeWhere(actor, 'waste.read', { community: col })} ${q.orgId ? sql`AND ${col} IN (SELECT o.id FROM org_node o WHERE o.kind = 'community' AND o.path LIKE (SELECT p.path FROM org_node p WHERE p.id = ${q.orgId}) || '%')` : sql``}`;
  const days = sql`r.day BETWEEN ${q.from}::date AND ${q.to}::date`;

  const [scale] = await rows<{ points: number; bins: number; households: number; supervisors: number; applicants: number }>(
    db,
    sql`SELECT (SELECT count(*)::int FROM drop_point p WHERE p.status = 'active' AND ${inOrg(sql`p.community_id`)}) AS points,
               (SELECT count(*)::int FROM bin b WHERE b.status = 'in_service' AND ${inOrg(sql`b.community_id`)}) AS bins,
               (SELECT count(*)::int FROM drop_point_building d JOIN household h ON h.building_id = d.building_id WHERE ${inOrg(sql`d.community_id`)}) AS households,
               (SELECT count(*)::int FROM waste_supervisor s WHERE s.status = 'selected' AND ${inOrg(sql`s.community_id`)}) AS supervisors,
               (SELECT count(*)::int FROM waste_supervisor s WHERE ${inOrg(sql`s.community_id`)}) AS applicants`,
  );
  const groups = await rows<Group>(
    db,
    sql`SELECT r.community_id AS community, r.drop_point_id AS point, to_char(r.day, 'YYYY-MM-DD') AS day,
               count(*)::int AS records, count(*) FILTER (WHERE r.result = 'correct')::int AS correct
          FROM sorting_record r WHERE ${days} AND ${inOrg(sql`r.community_id`)}
         GROUP BY GROUPING SETS ((r.community_id), (r.drop_point_id), (r.day))`,
  );
  // Households that have a record in the range: one probe of (community, household, day) each.
  const participating = await rows<{ community: string; n: number }>(
    db,
    sql`SELECT h.community_id AS community, count(*)::int AS n FROM household h
         WHERE ${inOrg(sql`h.community_id`)}
           AND EXISTS (SELECT 1 FROM sorting_record r WHERE r.community_id = h.community_id AND r.household_id = h.id AND ${days})
         GROUP BY h.community_id`,
  );
  const rewards = await rows<{ community: string; month: string; fen: number }>(
    db,
    sql`SELECT r.community_id AS community, to_char(r.day, 'YYYY-MM') AS month, sum(r.amount_fen)::int AS fen
          FROM waste_reward r WHERE ${days} AND ${inOrg(sql`r.community_id`)} GROUP BY 1, 2`,
  );
  const points = await rows<{ id: string; name: string; community: string; status: string; households: number }>(
    db,
    sql`SELECT p.id, p.name, p.community_id AS community, p.status,
               (SELECT count(*)::int FROM drop_point_building d JOIN household h ON h.building_id = d.building_id WHERE d.drop_point_id = p.id) AS households
          FROM drop_point p WHERE ${inOrg(sql`p.community_id`)} ORDER BY p.name`,
  );
  const communities = await rows<{ id: string; name: string }>(
    db,
    sql`SELECT o.id, o.name FROM org_node o WHERE o.kind = 'community' AND ${inOrg(sql`o.id`)} ORDER BY o.code NULLS LAST, o.name LIMIT 500`,
  );

  const byCommunity = new Map<string, Counts>();
  const byPoint = new Map<string, Counts>();
  const byDay = new Map<string, Counts>();
  for (const g of groups) {
    if (g.community) add(byCommunity, g.community, g);
    else if (g.point) add(byPoint, g.point, g);
    else if (g.day) add(byDay, g.day, g);
  }
  const byMonth = new Map<string, Counts>();
  for (const [day, c] of byDay) add(byMonth, day.slice(0, 7), c);
  const fenByMonth = new Map<string, number>();
  const fenByCommunity = new Map<string, number>();
  for (const r of rewards) {
    fenByMonth.set(r.month, (fenByMonth.get(r.month) ?? 0) + r.fen);
    fenByCommunity.set(r.community, (fenByCommunity.get(r.community) ?? 0) + r.fen);
  }
  const joined = new Map(participating.map((p) => [p.community, p.n]));
  const total = [...byCommunity.values()].reduce((s, c) => ({ records: s.records + c.records, correct: s.correct + c.correct }), { records: 0, correct: 0 });
  const participatingHouseholds = participating.reduce((n, p) => n + p.n, 0);
  const households = scale?.households ?? 0;

  return {
    dropPoints: scale?.points ?? 0,
    bins: scale?.bins ?? 0,
    households,
    participatingHouseholds,
    participationRate: rate(participatingHouseholds, households),
    records: total.records,
    correct: total.correct,
    correctRate: rate(total.correct, total.records),
    rewardFen: rewards.reduce((n, r) => n + r.fen, 0),
    supervisors: scale?.supervisors ?? 0,
    applicants: scale?.applicants ?? 0,
    byDropPoint: points.map((p) => {
      const c = byPoint.get(p.id) ?? { records: 0, correct: 0 };
      return { dropPointId: p.id, name: p.name, households: p.households, records: c.records, correct: c.correct, correctRate: rate(c.correct, c.records) };
    }),
    byMonth: [...byMonth].sort(([a], [b]) => a.localeCompare(b)).map(([month, c]) => ({ month, records: c.records, correct: c.correct, rewardFen: fenByMonth.get(month) ?? 0 })),
    byDay: [...byDay].sort(([a], [b]) => a.localeCompare(b)).map(([day, c]) => ({ day, records: c.records, correct: c.correct, correctRate: rate(c.correct, c.records) })),
    byCommunity: communities.map((o) => {
      const own = points.filter((p) => p.community === o.id);
      const c = byCommunity.get(o.id) ?? { records: 0, correct: 0 };
      const served = own.reduce((n, p) => n + p.households, 0);
      const joinedHere = joined.get(o.id) ?? 0;
      return {
        communityId: o.id,
        name: o.name,
        dropPoints: own.filter((p) => p.status === 'active').length,
        households: served,
        participatingHouseholds: joinedHere,
        participationRate: rate(joinedHere, served),
        records: c.records,
        correct: c.correct,
        correctRate: rate(c.correct, c.records),
        rewardFen: fenByCommunity.get(o.id) ?? 0,
      };
    }),
  };
}
