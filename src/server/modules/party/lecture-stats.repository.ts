/**
 * Attendance figures of micro-lectures, computed in SQL from the records: a member counts for a
 * lecture when they were on the roster when it started; a check-in counts when it is theirs.
 */
import { sql, type SQL } from 'drizzle-orm';
import { rows, type Queryable } from '../../platform/db/client';

export interface StatsFilter {
  communityId: string;
  from?: Date;
  to?: Date;
  orgPath?: string;
}

/** lec: lectures held in the period; mem: members (of the org subtree); elig: who counted; att: who came. */
function base(f: StatsFilter): SQL {
  return sql`WITH lec AS (
      SELECT id, issue_no, title, scheduled_at, lecturer_member_id FROM micro_lecture
       WHERE community_id = ${f.communityId} AND status = 'scheduled' AND scheduled_at <= now()
         ${f.from ? sql`AND scheduled_at >= ${f.from.toISOString()}::timestamptz` : sql``}
         ${f.to ? sql`AND scheduled_at < ${f.to.toISOString()}::timestamptz` : sql``}),
    mem AS (
      SELECT m.id, m.name, m.enrolled_at, m.left_at, o.name AS org_name FROM party_member m JOIN party_org o ON o.id = m.org_id
       WHERE m.community_id = ${f.communityId} ${f.orgPath ? sql`AND o.path LIKE ${`${f.orgPath}%`}` : sql``}),
    elig AS (
      SELECT l.id AS lecture_id, m.id AS member_id FROM lec l JOIN mem m
          ON m.enrolled_at <= l.scheduled_at AND (m.left_at IS NULL OR m.left_at > l.scheduled_at)),
    att AS (
      SELECT e.lecture_id, e.member_id, c.late FROM elig e JOIN lecture_check_in c ON c.lecture_id = e.lecture_id AND c.member_id = e.member_id)`;
}

export const lectureStatsRepository = {
  async totals(q: Queryable, f: StatsFilter) {
    const [row] = await rows<{ lectures: number; members: number; eligible: number; check_ins: number; lectured: number; at_least_90: number }>(
      q,
      sql`${base(f)}
          SELECT (SELECT count(*)::int FROM lec) AS lectures,
                 (SELECT count(*)::int FROM mem WHERE left_at IS NULL) AS members,
                 (SELECT count(*)::int FROM elig) AS eligible,
                 (SELECT count(*)::int FROM att) AS check_ins,
                 (SELECT count(DISTINCT l.lecturer_member_id)::int FROM lec l JOIN mem m ON m.id = l.lecturer_member_id WHERE m.left_at IS NULL) AS lectured,
                 (SELECT count(*)::int FROM (
                    SELECT l.id FROM lec l LEFT JOIN elig e ON e.lecture_id = l.id LEFT JOIN att a ON a.lecture_id = e.lecture_id AND a.member_id = e.member_id
                     GROUP BY l.id HAVING count(e.member_id) > 0 AND count(a.member_id) * 10 >= count(e.member_id) * 9) x) AS at_least_90`,
    );
    return row!;
  },

  perLecture(q: Queryable, f: StatsFilter) {
    return rows<{ id: string; issue_no: number; title: string; scheduled_at: string | Date; eligible: number; attended: number; late: number }>(
      q,
      sql`${base(f)}
          SELECT l.id, l.issue_no, l.title, l.scheduled_at, count(e.member_id)::int AS eligible, count(a.member_id)::int AS attended,
                 count(a.member_id) FILTER (WHERE a.late)::int AS late
            FROM lec l LEFT JOIN elig e ON e.lecture_id = l.id LEFT JOIN att a ON a.lecture_id = e.lecture_id AND a.member_id = e.member_id
           GROUP BY l.id, l.issue_no, l.title, l.scheduled_at
           ORDER BY l.scheduled_at
           LIMIT 2000`,
    );
  },

  perMember(q: Queryable, f: StatsFilter) {
    return rows<{ id: string; name: string; org_name: string; eligible: number; attended: number; late: number; lectured: number }>(
      q,
      sql`${base(f)}
          SELECT m.id, m.name, m.org_name,
                 (SELECT count(*)::int FROM elig e WHERE e.member_id = m.id) AS eligible,
                 (SELECT count(*)::int FROM att a WHERE a.member_id = m.id) AS attended,
                 (SELECT count(*)::int FROM att a WHERE a.member_id = m.id AND a.late) AS late,
                 (SELECT count(*)::int FROM lec l WHERE l.lecturer_member_id = m.id) AS lectured
            FROM mem m WHERE m.left_at IS NULL
           ORDER BY m.org_name, m.name, m.id
           LIMIT 5000`,
    );
  },

  /** Heat-map cells: 1 = on time, 2 = late, for the lectures and members given. */
  cells(q: Queryable, lectureIds: string[], memberIds: string[]) {
    if (lectureIds.length === 0 || memberIds.length === 0) return Promise.resolve([]);
    return rows<{ lecture_id: string; member_id: string; late: boolean }>(
      q,
      sql`SELECT lecture_id, member_id, late FROM lecture_check_in
           WHERE lecture_id IN (${sql.join(lectureIds.map((id) => sql`${id}`), sql`, `)})
             AND member_id IN (${sql.join(memberIds.map((id) => sql`${id}`), sql`, `)})`,
    );
  },

  /** Lectures of the period for the heat map, latest `limit`, in time order. */
  lecturesOf(q: Queryable, f: StatsFilter, limit: number) {
    return rows<{ id: string; issue_no: number; scheduled_at: string | Date }>(
      q,
      sql`SELECT * FROM (
            SELECT id, issue_no, scheduled_at FROM micro_lecture
             WHERE community_id = ${f.communityId} AND status = 'scheduled' AND scheduled_at <= now()
               ${f.from ? sql`AND scheduled_at >= ${f.from.toISOString()}::timestamptz` : sql``}
               ${f.to ? sql`AND scheduled_at < ${f.to.toISOString()}::timestamptz` : sql``}
             ORDER BY scheduled_at DESC LIMIT ${limit}) x ORDER BY scheduled_at`,
    );
  },

  membersOf(q: Queryable, f: StatsFilter, limit: number) {
    return rows<{ id: string; name: string; org_name: string; enrolled_at: string | Date }>(
      q,
      sql`SELECT m.id, m.name, o.name AS org_name, m.enrolled_at FROM party_member m JOIN party_org o ON o.id = m.org_id
           WHERE m.community_id = ${f.communityId} AND m.left_at IS NULL ${f.orgPath ? sql`AND o.path LIKE ${`${f.orgPath}%`}` : sql``}
           ORDER BY o.path, m.name, m.id LIMIT ${limit}`,
    );
  },

  /**
   * Rotation candidates: members who have never lectured first, then those whose last lecture is
   * longest ago; members already booked for a coming lecture wait for the next round.
   */
  rotation(q: Queryable, communityId: string, count: number) {
    return rows<{ id: string; name: string; org_name: string; given: number; last_at: string | Date | null }>(
      q,
      sql`SELECT m.id, m.name, o.name AS org_name,
                 count(l.id) FILTER (WHERE l.scheduled_at <= now())::int AS given,
                 max(l.scheduled_at) FILTER (WHERE l.scheduled_at <= now()) AS last_at
            FROM party_member m
            JOIN party_org o ON o.id = m.org_id
            LEFT JOIN micro_lecture l ON l.lecturer_member_id = m.id AND l.status = 'scheduled'
           WHERE m.community_id = ${communityId} AND m.left_at IS NULL
           GROUP BY m.id, m.name, o.name, m.enrolled_at
          HAVING count(l.id) FILTER (WHERE l.scheduled_at > now()) = 0
           ORDER BY given, last_at NULLS FIRST, m.enrolled_at, m.name, m.id
           LIMIT ${count}`,
    );
  },
};
