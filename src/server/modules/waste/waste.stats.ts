/** Waste-sorting figures in a few aggregate statements, within the caller's scope. */
import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor';
import { rows, type Db } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import { scopeWhere } from '../../platform/scope';
import type { WasteStats } from './waste.schemas';

const rate = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null);

export async function wasteStats(db: Db, actor: Actor, q: { orgId?: string; from: string; to: string }): Promise<WasteStats> {
  if (q.to < q.from) throw new AppError('validation_failed', [{ field: 'querystring.to', code: 'time_range' }]);
  const inOrg = (col: SQL) =>
    sql`${scopeWhere(actor, 'waste.read', { community: col })} ${q.orgId ? sql`AND ${col} IN (SELECT o.id FROM org_node o WHERE o.kind = 'community' AND o.path LIKE (SELECT p.path FROM org_node p WHERE p.id = ${q.orgId}) || '%')` : sql``}`;
  const [points] = await rows<{ points: number; bins: number; households: number; supervisors: number; applicants: number }>(
    db,
    sql`SELECT (SELECT count(*)::int FROM drop_point p WHERE p.status = 'active' AND ${inOrg(sql`p.community_id`)}) AS points,
               (SELECT count(*)::int FROM bin b WHERE b.status = 'in_service' AND ${inOrg(sql`b.community_id`)}) AS bins,
               (SELECT count(*)::int FROM drop_point_building d JOIN household h ON h.building_id = d.building_id WHERE ${inOrg(sql`d.community_id`)}) AS households,
               (SELECT count(*)::int FROM waste_supervisor s WHERE s.status = 'selected' AND ${inOrg(sql`s.community_id`)}) AS supervisors,
               (SELECT count(*)::int FROM waste_supervisor s WHERE ${inOrg(sql`s.community_id`)}) AS applicants`,
  );
  const range = sql`r.day BETWEEN ${q.from}::date AND ${q.to}::date AND ${inOrg(sql`r.community_id`)}`;
  const [totals] = await rows<{ records: number; correct: number; participating: number }>(
    db,
    sql`SELECT count(*)::int AS records, count(*) FILTER (WHERE r.result = 'correct')::int AS correct, count(DISTINCT r.household_id)::int AS participating FROM sorting_record r WHERE ${range}`,
  );
  const [reward] = await rows<{ fen: number }>(db, sql`SELECT COALESCE(sum(r.amount_fen), 0)::int AS fen FROM waste_reward r WHERE ${range}`);
  const byPoint = await rows<{ id: string; name: string; households: number; records: number; correct: number }>(
    db,
    sql`SELECT p.id, p.name,
               (SELECT count(*)::int FROM drop_point_building d JOIN household h ON h.building_id = d.building_id WHERE d.drop_point_id = p.id) AS households,
               count(r.id)::int AS records, count(r.id) FILTER (WHERE r.result = 'correct')::int AS correct
          FROM drop_point p LEFT JOIN sorting_record r ON r.drop_point_id = p.id AND r.day BETWEEN ${q.from}::date AND ${q.to}::date
         WHERE ${inOrg(sql`p.community_id`)} GROUP BY p.id, p.name ORDER BY p.name`,
  );
  const byMonth = await rows<{ month: string; records: number; correct: number; reward_fen: number }>(
    db,
    sql`SELECT m.month, m.records, m.correct, COALESCE(w.fen, 0)::int AS reward_fen FROM
          (SELECT to_char(r.day, 'YYYY-MM') AS month, count(*)::int AS records, count(*) FILTER (WHERE r.result = 'correct')::int AS correct FROM sorting_record r WHERE ${range} GROUP BY 1) m
          LEFT JOIN (SELECT to_char(r.day, 'YYYY-MM') AS month, sum(r.amount_fen) AS fen FROM waste_reward r WHERE ${range} GROUP BY 1) w ON w.month = m.month
         ORDER BY m.month`,
  );
  const households = points?.households ?? 0;
  return {
    dropPoints: points?.points ?? 0,
    bins: points?.bins ?? 0,
    households,
    participatingHouseholds: totals?.participating ?? 0,
    participationRate: rate(totals?.participating ?? 0, households),
    records: totals?.records ?? 0,
    correct: totals?.correct ?? 0,
    correctRate: rate(totals?.correct ?? 0, totals?.records ?? 0),
    rewardFen: reward?.fen ?? 0,
    supervisors: points?.supervisors ?? 0,
    applicants: points?.applicants ?? 0,
    byDropPoint: byPoint.map((p) => ({ dropPointId: p.id, name: p.name, households: p.households, records: p.records, correct: p.correct, correctRate: rate(p.correct, p.records) })),
    byMonth: byMonth.map((m) => ({ month: m.month, records: m.records, correct: m.correct, rewardFen: m.reward_fen })),
  };
}
