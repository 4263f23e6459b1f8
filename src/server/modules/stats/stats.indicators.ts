/**
 * Indicators a street compares its communities by. Each is one SQL aggregate over a set of
 * communities and a date range (community-local days), returning a value per community. Modules
 * contribute indicators here; the rankings endpoint computes, ranks and explains them.
 */
import { sql, type SQL } from 'drizzle-orm';
import { rows, type Db } from '../../platform/db/client';

export type IndicatorUnit = 'count' | 'rate' | 'fen' | 'hours' | 'score';

export interface Range {
  from: string;
  to: string;
}

export interface Indicator {
  key: string;
  module: string;
  unit: IndicatorUnit;
  /** Whether a larger value ranks first. */
  higherIsBetter: boolean;
  compute(db: Db, communityIds: string[], range: Range): Promise<Map<string, number | null>>;
}

/** Days of a timestamp column in its community's zone (`community` is the row's qualified community column), within the range. */
export const inRange = (ts: SQL, community: SQL, range: Range) =>
  sql`(${ts} AT TIME ZONE (SELECT o.timezone FROM org_node o WHERE o.id = ${community}))::date BETWEEN ${range.from}::date AND ${range.to}::date`;

/** Runs `SELECT community_id, value … GROUP BY community_id` and maps it. */
export async function perCommunity(db: Db, query: SQL): Promise<Map<string, number | null>> {
  const result = await rows<{ community_id: string; value: number | string | null }>(db, query);
  return new Map(result.map((r) => [r.community_id, r.value === null ? null : Number(r.value)]));
}

export const ids = (communityIds: string[]) => sql`ANY(${`{${communityIds.join(',')}}`}::uuid[])`;

export const coreIndicators: Indicator[] = [
  {
    key: 'service_visits',
    module: 'service-visits',
    unit: 'count',
    higherIsBetter: true,
    compute: (db, c, r) =>
      perCommunity(db, sql`SELECT community_id, count(*) AS value FROM service_visit v WHERE community_id = ${ids(c)} AND ${inRange(sql`v.occurred_at`, sql`v.community_id`, r)} GROUP BY community_id`),
  },
  {
    key: 'elderly_service_visits',
    module: 'service-visits',
    unit: 'count',
    higherIsBetter: true,
    compute: (db, c, r) =>
      perCommunity(db, sql`SELECT community_id, count(*) AS value FROM service_visit v WHERE community_id = ${ids(c)} AND target_group = 'elderly' AND ${inRange(sql`v.occurred_at`, sql`v.community_id`, r)} GROUP BY community_id`),
  },
  {
    key: 'partner_units',
    module: 'partners',
    unit: 'count',
    higherIsBetter: true,
    compute: (db, c) => perCommunity(db, sql`SELECT community_id, count(*) AS value FROM partner_unit WHERE community_id = ${ids(c)} AND status = 'active' GROUP BY community_id`),
  },
  {
    key: 'waste_correct_rate',
    module: 'waste',
    unit: 'rate',
    higherIsBetter: true,
    compute: (db, c, r) =>
      perCommunity(
        db,
        sql`SELECT community_id, round(count(*) FILTER (WHERE result = 'correct')::numeric / NULLIF(count(*), 0), 4) AS value
              FROM sorting_record WHERE community_id = ${ids(c)} AND day BETWEEN ${r.from}::date AND ${r.to}::date GROUP BY community_id`,
      ),
  },
  {
    key: 'waste_reward_fen',
    module: 'waste',
    unit: 'fen',
    higherIsBetter: true,
    compute: (db, c, r) =>
      perCommunity(db, sql`SELECT community_id, sum(amount_fen) AS value FROM waste_reward WHERE community_id = ${ids(c)} AND day BETWEEN ${r.from}::date AND ${r.to}::date GROUP BY community_id`),
  },
];
