/** The street's view: party-building figures per community, one SQL statement. */
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor';
import { rows, type Queryable } from '../../platform/db/client';
import { scopeWhere } from '../../platform/scope';

export interface OverviewRow {
  community_id: string;
  community_name: string;
  members: number;
  registered: number;
  reporting: number;
  mobile: number;
  probationary: number;
  groups: number;
  groups_with_buildings: number;
  pending_report_ins: number;
  service_posts: number;
  claims: number;
  claims_done: number;
  lectures_held: number;
  eligible: number;
  check_ins: number;
  joint_meetings: number;
}

export const partyStatsRepository = {
  overview(q: Queryable, actor: Actor, underPath: string | null): Promise<OverviewRow[]> {
    return rows<OverviewRow>(
      q,
      sql`WITH c AS (
            SELECT o.id, o.name, o.path FROM org_node o
             WHERE o.kind = 'community' AND ${scopeWhere(actor, 'party_stats.read', { community: sql`o.id` })}
               ${underPath ? sql`AND o.path LIKE ${`${underPath}%`}` : sql``}),
          m AS (
            SELECT community_id, count(*)::int AS members,
                   count(*) FILTER (WHERE membership = 'registered')::int AS registered,
                   count(*) FILTER (WHERE membership = 'reporting')::int AS reporting,
                   count(*) FILTER (WHERE membership = 'mobile')::int AS mobile,
                   count(*) FILTER (WHERE status = 'probationary')::int AS probationary
              FROM party_member WHERE left_at IS NULL AND community_id IN (SELECT id FROM c) GROUP BY community_id),
          lec AS (
            SELECT id, community_id, scheduled_at FROM micro_lecture
             WHERE status = 'scheduled' AND scheduled_at <= now() AND community_id IN (SELECT id FROM c)),
          att AS (
            SELECT l.community_id, count(pm.id)::int AS eligible, count(ci.id)::int AS check_ins
              FROM lec l JOIN party_member pm ON pm.community_id = l.community_id AND pm.enrolled_at <= l.scheduled_at AND (pm.left_at IS NULL OR pm.left_at > l.scheduled_at)
              LEFT JOIN lecture_check_in ci ON ci.lecture_id = l.id AND ci.member_id = pm.id
             GROUP BY l.community_id)
          SELECT c.id AS community_id, c.name AS community_name,
                 COALESCE(m.members, 0) AS members, COALESCE(m.registered, 0) AS registered, COALESCE(m.reporting, 0) AS reporting,
                 COALESCE(m.mobile, 0) AS mobile, COALESCE(m.probationary, 0) AS probationary,
                 (SELECT count(*)::int FROM party_org g WHERE g.community_id = c.id AND g.kind = 'group') AS groups,
                 (SELECT count(DISTINCT b.org_id)::int FROM party_org_building b WHERE b.community_id = c.id) AS groups_with_buildings,
                 (SELECT count(*)::int FROM report_in r WHERE r.community_id = c.id AND r.status = 'pending') AS pending_report_ins,
                 (SELECT count(*)::int FROM service_post p WHERE p.community_id = c.id) AS service_posts,
                 (SELECT count(*)::int FROM service_post_claim k WHERE k.community_id = c.id AND k.status <> 'withdrawn') AS claims,
                 (SELECT count(*)::int FROM service_post_claim k WHERE k.community_id = c.id AND k.status = 'done') AS claims_done,
                 (SELECT count(*)::int FROM lec WHERE lec.community_id = c.id) AS lectures_held,
                 COALESCE(att.eligible, 0) AS eligible, COALESCE(att.check_ins, 0) AS check_ins,
                 (SELECT count(*)::int FROM joint_meeting j WHERE j.community_id = c.id) AS joint_meetings
            FROM c LEFT JOIN m ON m.community_id = c.id LEFT JOIN att ON att.community_id = c.id
           ORDER BY c.path
           LIMIT 1000`,
    );
  },

  /** Open rounds a member may still answer. */
  async openEvaluationsFor(q: Queryable, communityId: string, memberId: string, enrolledAt: Date): Promise<number> {
    const [row] = await rows<{ n: number }>(
      q,
      sql`SELECT count(*)::int AS n FROM evaluation_round r
           WHERE r.community_id = ${communityId} AND r.closed_at IS NULL AND r.opens_at <= now() AND r.closes_at > now()
             AND r.created_at >= ${enrolledAt.toISOString()}::timestamptz
             AND NOT EXISTS (SELECT 1 FROM evaluation_participation p WHERE p.round_id = r.id AND p.member_id = ${memberId})`,
    );
    return row!.n;
  },
};
