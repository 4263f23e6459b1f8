/**
 * Indicators the domain modules contribute to the community rankings, each computed from the
 * module's own records with the same definitions its statistics page uses:
 * - tickets: received, resolution rate (resolved or closed / received), satisfaction (ratings ≥ 4 / rated),
 *   by the day the ticket was created;
 * - party: micro-lecture attendance (check-ins of members on the roster / members on the roster, per
 *   lecture held in the range) and members who reported in where they live;
 * - volunteers: confirmed service hours of activities held in the range;
 * - care: care services delivered (visits, help at home …).
 */
import { sql } from 'drizzle-orm';
import { ids, inRange, perCommunity, type Indicator } from './stats.indicators';

export const moduleIndicators: Indicator[] = [
  {
    key: 'tickets_received',
    module: 'tickets',
    unit: 'count',
    higherIsBetter: true,
    compute: (db, c, r) =>
      perCommunity(db, sql`SELECT community_id, count(*) AS value FROM ticket WHERE community_id = ${ids(c)} AND created_on BETWEEN ${r.from}::date AND ${r.to}::date GROUP BY community_id`),
  },
  {
    key: 'tickets_resolution_rate',
    module: 'tickets',
    unit: 'rate',
    higherIsBetter: true,
    compute: (db, c, r) =>
      perCommunity(
        db,
        sql`SELECT community_id,
                   round(count(*) FILTER (WHERE resolved_at IS NOT NULL AND status IN ('resolved', 'closed'))::numeric / NULLIF(count(*), 0), 4) AS value
              FROM ticket WHERE community_id = ${ids(c)} AND created_on BETWEEN ${r.from}::date AND ${r.to}::date GROUP BY community_id`,
      ),
  },
  {
    key: 'tickets_satisfaction',
    module: 'tickets',
    unit: 'rate',
    higherIsBetter: true,
    compute: (db, c, r) =>
      perCommunity(
        db,
        sql`SELECT community_id, round(count(*) FILTER (WHERE rating >= 4)::numeric / NULLIF(count(rating), 0), 4) AS value
              FROM ticket WHERE community_id = ${ids(c)} AND created_on BETWEEN ${r.from}::date AND ${r.to}::date GROUP BY community_id`,
      ),
  },
  {
    key: 'lecture_attendance_rate',
    module: 'party',
    unit: 'rate',
    higherIsBetter: true,
    compute: (db, c, r) =>
      perCommunity(
        db,
        sql`WITH lec AS (
              SELECT l.id, l.community_id, l.scheduled_at FROM micro_lecture l
               WHERE l.community_id = ${ids(c)} AND l.status = 'scheduled' AND l.scheduled_at <= now()
                 AND ${inRange(sql`l.scheduled_at`, sql`l.community_id`, r)}),
            elig AS (
              SELECT l.id AS lecture_id, l.community_id, m.id AS member_id FROM lec l
                JOIN party_member m ON m.community_id = l.community_id AND m.enrolled_at <= l.scheduled_at AND (m.left_at IS NULL OR m.left_at > l.scheduled_at))
            SELECT e.community_id, round(count(ci.id)::numeric / NULLIF(count(*), 0), 4) AS value
              FROM elig e LEFT JOIN lecture_check_in ci ON ci.lecture_id = e.lecture_id AND ci.member_id = e.member_id
             GROUP BY e.community_id`,
      ),
  },
  {
    key: 'reporting_members',
    module: 'party',
    unit: 'count',
    higherIsBetter: true,
    compute: (db, c, r) =>
      perCommunity(
        db,
        sql`SELECT community_id, count(*) AS value FROM report_in
             WHERE community_id = ${ids(c)} AND status = 'approved'
               AND (decided_at AT TIME ZONE (SELECT o.timezone FROM org_node o WHERE o.id = report_in.community_id))::date <= ${r.to}::date
             GROUP BY community_id`,
      ),
  },
  {
    key: 'volunteer_hours',
    module: 'volunteers',
    unit: 'hours',
    higherIsBetter: true,
    compute: (db, c, r) =>
      perCommunity(
        db,
        sql`SELECT s.community_id, round(sum(s.confirmed_minutes)::numeric / 60, 1) AS value
              FROM volunteer_signup s
             WHERE s.community_id = ${ids(c)} AND s.hours_status = 'confirmed' AND s.checked_in_at IS NOT NULL
               AND ${inRange(sql`s.checked_in_at`, sql`s.community_id`, r)}
             GROUP BY s.community_id`,
      ),
  },
  {
    key: 'care_services',
    module: 'care',
    unit: 'count',
    higherIsBetter: true,
    compute: (db, c, r) =>
      perCommunity(db, sql`SELECT community_id, count(*) AS value FROM care_service cs WHERE community_id = ${ids(c)} AND ${inRange(sql`cs.occurred_at`, sql`cs.community_id`, r)} GROUP BY community_id`),
  },
];
