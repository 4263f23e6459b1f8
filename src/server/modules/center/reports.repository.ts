/** The only SQL for satisfaction answers, the center's dashboard figures and a resident's "my center" page. */
import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor';
import { rows, type Queryable } from '../../platform/db/client';
import { scopeWhere } from '../../platform/scope';
import { centerSatisfaction } from './center.tables';

const ids = (list: readonly string[]) => (list.length ? sql.join(list.map((i) => sql`${i}::uuid`), sql`, `) : sql`NULL::uuid`);

type Bucket = { key: string; responses: number; satisfied: number };

export const reportsRepository = {
  /** What the survey is about, if the resident took part in it (checked in / attended at least once). */
  async surveySubject(q: Queryable, actor: Actor, kind: 'event' | 'course', id: string, residentId: string) {
    const table = kind === 'event' ? sql`event` : sql`course`;
    const took = kind === 'event'
      ? sql`EXISTS (SELECT 1 FROM event_signup s WHERE s.event_id = x.id AND s.resident_id = ${residentId} AND s.status = 'signed_up' AND s.checked_in_at IS NOT NULL)`
      : sql`EXISTS (SELECT 1 FROM course_attendance a WHERE a.course_id = x.id AND a.resident_id = ${residentId} AND a.status = 'present')`;
    const [row] = await rows<{ id: string; communityId: string; centerId: string; theme: string | null; tookPart: boolean }>(
      q,
      sql`SELECT x.id, x.community_id AS "communityId", x.center_id AS "centerId", x.theme, ${took} AS "tookPart"
            FROM ${table} x WHERE x.id = ${id} AND ${scopeWhere(actor, ['event.read', 'course.read'], { community: sql`x.community_id` })}`,
    );
    return row;
  },

  async insertSatisfaction(q: Queryable, values: typeof centerSatisfaction.$inferInsert) {
    const [row] = await q.insert(centerSatisfaction).values(values).returning();
    return row!;
  },

  async satisfaction(q: Queryable, actor: Actor, f: { centerId?: string; from: string; to: string }) {
    const where = sql`FROM center_satisfaction s JOIN org_node o ON o.id = s.community_id JOIN center c ON c.id = s.center_id
      WHERE ${scopeWhere(actor, 'center_satisfaction.read', { community: sql`s.community_id` })}
        ${f.centerId ? sql`AND s.center_id = ${f.centerId}` : sql``}
        AND (s.created_at AT TIME ZONE o.timezone)::date BETWEEN ${f.from}::date AND ${f.to}::date`;
    const agg = sql`count(*)::int AS responses, count(*) FILTER (WHERE s.score >= 4)::int AS satisfied`;
    const bucket = (key: SQL) => rows<Bucket>(q, sql`SELECT COALESCE(${key}, '') AS key, ${agg} ${where} GROUP BY 1 ORDER BY 1`);
    const [totals] = await rows<{ responses: number; satisfied: number; average: number | null }>(q, sql`SELECT ${agg}, round(avg(s.score), 2)::float AS average ${where}`);
    const [byMonth, byTheme, byKind, byCenter] = await Promise.all([
      bucket(sql`to_char(s.created_at AT TIME ZONE o.timezone, 'YYYY-MM')`),
      bucket(sql`s.theme`),
      bucket(sql`s.subject_kind`),
      rows<Bucket & { name: string }>(q, sql`SELECT s.center_id::text AS key, c.name, ${agg} ${where} GROUP BY 1, 2 ORDER BY 2`),
    ]);
    return { totals: totals!, byMonth, byTheme, byKind, byCenter };
  },

  async centerStats(q: Queryable, actor: Actor, f: { centerId?: string; from: string; to: string }) {
    const scoped = (alias: string) => sql`${scopeWhere(actor, 'center_stats.read', { community: sql.raw(`${alias}.community_id`) })} ${f.centerId ? sql`AND ${sql.raw(alias)}.center_id = ${f.centerId}` : sql``}`;
    const inRange = (col: string) => sql`(${sql.raw(col)} AT TIME ZONE o.timezone)::date BETWEEN ${f.from}::date AND ${f.to}::date`;
    const byTheme = await rows<{ theme: string; events: number; signups: number; checkIns: number }>(
      q,
      sql`SELECT e.theme, count(DISTINCT e.id)::int AS events, count(s.id)::int AS signups, count(s.checked_in_at)::int AS "checkIns"
            FROM event e JOIN org_node o ON o.id = e.community_id LEFT JOIN event_signup s ON s.event_id = e.id AND s.status = 'signed_up'
           WHERE ${scoped('e')} AND e.status = 'published' AND ${inRange('e.starts_at')}
           GROUP BY 1 ORDER BY array_position(ARRAY['red','orange','yellow','green','cyan','blue','purple'], e.theme)`,
    );
    const courses = await rows<{ kind: string; courses: number; enrolled: number; waitlisted: number; attendances: number }>(
      q,
      sql`SELECT c.kind, count(*)::int AS courses,
                 COALESCE(sum((SELECT count(*) FROM course_enrollment x WHERE x.course_id = c.id AND x.status = 'enrolled')), 0)::int AS enrolled,
                 COALESCE(sum((SELECT count(*) FROM course_enrollment x WHERE x.course_id = c.id AND x.status = 'waitlisted')), 0)::int AS waitlisted,
                 COALESCE(sum((SELECT count(*) FROM course_attendance a JOIN course_session cs ON cs.id = a.session_id
                                WHERE a.course_id = c.id AND a.status = 'present' AND ${inRange('cs.starts_at')})), 0)::int AS attendances
            FROM course c JOIN org_node o ON o.id = c.community_id
           WHERE ${scoped('c')} AND c.status = 'active' AND c.starts_on <= ${f.to}::date AND c.ends_on >= ${f.from}::date
           GROUP BY 1 ORDER BY 1`,
    );
    const [canteen] = await rows<{ meals: number; subsidizedMeals: number; subsidyFen: number; paidFen: number }>(
      q,
      sql`SELECT COALESCE(sum(m.quantity), 0)::int AS meals, count(*) FILTER (WHERE m.subsidy_fen > 0)::int AS "subsidizedMeals",
                 COALESCE(sum(m.subsidy_fen), 0)::int AS "subsidyFen", COALESCE(sum(m.amount_fen), 0)::int AS "paidFen"
            FROM meal_order m JOIN canteen k ON k.id = m.canteen_id JOIN canteen_menu mn ON mn.id = m.menu_id JOIN org_node o ON o.id = m.community_id
           WHERE ${scoped('k')} AND m.status = 'served' AND mn.served_on BETWEEN ${f.from}::date AND ${f.to}::date`,
    );
    const venues = await rows<{ venueId: string; name: string; bookings: number; hours: number }>(
      q,
      sql`SELECT v.id AS "venueId", v.name, count(b.id)::int AS bookings, COALESCE(round(sum(extract(epoch FROM b.ends_at - b.starts_at)) / 3600.0, 1), 0)::float AS hours
            FROM venue v JOIN org_node o ON o.id = v.community_id
            LEFT JOIN venue_booking b ON b.venue_id = v.id AND b.status = 'confirmed' AND ${inRange('b.starts_at')}
           WHERE ${scoped('v')} AND v.status = 'active'
           GROUP BY 1, 2 ORDER BY 2 LIMIT 200`,
    );
    return { byTheme, courses, canteen: canteen!, venues };
  },

  async householdResidents(q: Queryable, residentId: string) {
    return rows<{ id: string; name: string }>(
      q,
      sql`SELECT r.id, r.name FROM resident r WHERE r.id = ${residentId}
          UNION SELECT r.id, r.name FROM resident r JOIN resident me ON me.household_id = r.household_id WHERE me.id = ${residentId} AND r.status = 'active'`,
    );
  },

  async myEnrollments(q: Queryable, residentIds: string[]) {
    return rows<{ id: string; courseId: string; courseName: string; kind: string; status: 'enrolled' | 'waitlisted'; position: number | null; residentId: string; residentName: string; nextSessionAt: Date | null; venueName: string | null }>(
      q,
      sql`SELECT e.id, c.id AS "courseId", c.name AS "courseName", c.kind, e.status,
                 CASE WHEN e.status = 'waitlisted' THEN (SELECT count(*)::int FROM course_enrollment w WHERE w.course_id = c.id AND w.status = 'waitlisted' AND w.seq <= e.seq) END AS position,
                 e.resident_id AS "residentId", r.name AS "residentName", v.name AS "venueName",
                 (SELECT min(s.starts_at) FROM course_session s WHERE s.course_id = c.id AND s.status = 'scheduled' AND s.starts_at > now()) AS "nextSessionAt"
            FROM course_enrollment e JOIN course c ON c.id = e.course_id JOIN resident r ON r.id = e.resident_id LEFT JOIN venue v ON v.id = c.venue_id
           WHERE e.resident_id IN (${ids(residentIds)}) AND e.status IN ('enrolled', 'waitlisted') AND c.ends_on >= (now() - interval '1 day')::date
           ORDER BY c.name LIMIT 100`,
    );
  },

  async mySignups(q: Queryable, residentIds: string[]) {
    return rows<{ id: string; eventId: string; title: string; theme: string; startsAt: Date; endsAt: Date; checkedIn: boolean; residentId: string; residentName: string }>(
      q,
      sql`SELECT s.id, e.id AS "eventId", e.title, e.theme, e.starts_at AS "startsAt", e.ends_at AS "endsAt", s.checked_in_at IS NOT NULL AS "checkedIn",
                 s.resident_id AS "residentId", r.name AS "residentName"
            FROM event_signup s JOIN event e ON e.id = s.event_id JOIN resident r ON r.id = s.resident_id
           WHERE s.resident_id IN (${ids(residentIds)}) AND s.status = 'signed_up' AND e.status = 'published' AND e.ends_at > now() - interval '1 day'
           ORDER BY e.starts_at LIMIT 100`,
    );
  },

  /** Events checked in and courses attended in the last 60 days that have no answer yet. */
  async pendingSurveys(q: Queryable, residentIds: string[]) {
    return rows<{ subjectKind: 'event' | 'course'; subjectId: string; title: string; residentId: string; residentName: string }>(
      q,
      sql`SELECT 'event' AS "subjectKind", e.id AS "subjectId", e.title, s.resident_id AS "residentId", r.name AS "residentName"
            FROM event_signup s JOIN event e ON e.id = s.event_id JOIN resident r ON r.id = s.resident_id
           WHERE s.resident_id IN (${ids(residentIds)}) AND s.checked_in_at IS NOT NULL AND e.starts_at > now() - interval '60 days'
             AND NOT EXISTS (SELECT 1 FROM center_satisfaction x WHERE x.subject_kind = 'event' AND x.subject_id = e.id AND x.resident_id = s.resident_id)
          UNION ALL
          SELECT DISTINCT 'course', c.id, c.name, a.resident_id, r.name
            FROM course_attendance a JOIN course c ON c.id = a.course_id JOIN resident r ON r.id = a.resident_id
           WHERE a.resident_id IN (${ids(residentIds)}) AND a.status = 'present' AND a.recorded_at > now() - interval '60 days'
             AND NOT EXISTS (SELECT 1 FROM center_satisfaction x WHERE x.subject_kind = 'course' AND x.subject_id = c.id AND x.resident_id = a.resident_id)
          LIMIT 20`,
    );
  },
};
