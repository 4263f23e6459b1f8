/**
 * Aggregates of confirmed service hours (rankings, community figures) — each one SQL statement
 * over signups — and certificates.
 */
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor';
import { rows, type Queryable } from '../../platform/db/client';
import { orgNode } from '../../platform/db/tables/org';
import { scopeWhere } from '../../platform/scope';
import { volunteerCertificate } from './volunteers.tables';

export interface HoursFilter {
  communityId?: string;
  from?: string;
  to?: string;
}

/** Conditions on signups `s` of activities `a` in communities `c`, within the caller's scope. */
function confirmedWhere(actor: Actor, f: HoursFilter): SQL {
  const parts: SQL[] = [sql`s.hours_status = 'confirmed'`, scopeWhere(actor, 'volunteer_hours.read', { community: sql`s.community_id` })];
  if (f.communityId) parts.push(sql`s.community_id = ${f.communityId}`);
  if (f.from) parts.push(sql`(a.starts_at AT TIME ZONE c.timezone)::date >= ${f.from}::date`);
  if (f.to) parts.push(sql`(a.starts_at AT TIME ZONE c.timezone)::date <= ${f.to}::date`);
  return sql.join(parts, sql` AND `);
}

const confirmedFrom = sql`volunteer_signup s JOIN volunteer_activity a ON a.id = s.activity_id JOIN org_node c ON c.id = s.community_id`;

/** `(m >= 6000)::int + (m >= 18000)::int + …`: the star level of `m` minutes in SQL. */
const levelSql = (minutes: SQL, starHours: readonly number[]) => sql.join(starHours.map((h) => sql`(${minutes} >= ${h * 60})::int`), sql` + `);

export interface RankingRow {
  id: string;
  name: string;
  community_name: string;
  minutes: number;
  participations: number;
  all_minutes: number | null;
  member_count: number | null;
}

export const hoursRepository = {
  volunteerRanking(q: Queryable, actor: Actor, f: HoursFilter, limit: number): Promise<RankingRow[]> {
    return rows<RankingRow>(
      q,
      sql`SELECT v.id, v.name, c.name AS community_name, sum(s.confirmed_minutes)::int AS minutes, count(*)::int AS participations,
                 (SELECT COALESCE(sum(x.confirmed_minutes), 0) FROM volunteer_signup x WHERE x.volunteer_id = v.id AND x.hours_status = 'confirmed')::int AS all_minutes,
                 NULL::int AS member_count
            FROM ${confirmedFrom} JOIN volunteer v ON v.id = s.volunteer_id
           WHERE ${confirmedWhere(actor, f)}
           GROUP BY v.id, v.name, c.name
           ORDER BY minutes DESC, v.id
           LIMIT ${limit}`,
    );
  },

  /** Team hours are the hours served in the team's activities. */
  teamRanking(q: Queryable, actor: Actor, f: HoursFilter, limit: number): Promise<RankingRow[]> {
    return rows<RankingRow>(
      q,
      sql`SELECT t.id, t.name, c.name AS community_name, sum(s.confirmed_minutes)::int AS minutes, count(*)::int AS participations,
                 NULL::int AS all_minutes,
                 (SELECT count(*) FROM volunteer_team_member m WHERE m.team_id = t.id)::int AS member_count
            FROM ${confirmedFrom} JOIN volunteer_team t ON t.id = a.team_id
           WHERE ${confirmedWhere(actor, f)}
           GROUP BY t.id, t.name, c.name
           ORDER BY minutes DESC, t.id
           LIMIT ${limit}`,
    );
  },

  async totals(q: Queryable, actor: Actor, f: HoursFilter, starHours: readonly number[]) {
    const scopeV = and(scopeWhere(actor, 'volunteer_hours.read', { community: sql`v.community_id` }), f.communityId ? sql`v.community_id = ${f.communityId}` : undefined)!;
    const scopeT = and(scopeWhere(actor, 'volunteer_hours.read', { community: sql`t.community_id` }), f.communityId ? sql`t.community_id = ${f.communityId}` : undefined)!;
    const scopeA = and(
      scopeWhere(actor, 'volunteer_hours.read', { community: sql`a.community_id` }),
      f.communityId ? sql`a.community_id = ${f.communityId}` : undefined,
      f.from ? sql`(a.starts_at AT TIME ZONE c.timezone)::date >= ${f.from}::date` : undefined,
      f.to ? sql`(a.starts_at AT TIME ZONE c.timezone)::date <= ${f.to}::date` : undefined,
    )!;
    const [counts] = await rows<Record<string, number>>(
      q,
      sql`SELECT (SELECT count(*) FROM volunteer v WHERE ${scopeV})::int AS volunteers,
                 (SELECT count(*) FROM volunteer v WHERE ${scopeV} AND v.status = 'approved')::int AS approved,
                 (SELECT count(*) FROM volunteer v WHERE ${scopeV} AND v.status = 'pending')::int AS pending,
                 (SELECT count(*) FROM volunteer_team t WHERE ${scopeT} AND t.status = 'active')::int AS teams,
                 (SELECT count(*) FROM volunteer_activity a JOIN org_node c ON c.id = a.community_id WHERE ${scopeA} AND a.status = 'published')::int AS activities,
                 (SELECT count(*) FROM ${confirmedFrom} WHERE ${confirmedWhere(actor, f)})::int AS participations,
                 (SELECT COALESCE(sum(s.confirmed_minutes), 0) FROM ${confirmedFrom} WHERE ${confirmedWhere(actor, f)})::bigint AS minutes,
                 (SELECT count(DISTINCT a.id) FROM ${confirmedFrom} WHERE ${confirmedWhere(actor, f)} AND a.care_kind IS NOT NULL AND s.confirmed_minutes > 0)::int AS care_services`,
    );
    const byMonth = await rows<{ month: string; minutes: number; participations: number }>(
      q,
      sql`SELECT to_char(a.starts_at AT TIME ZONE c.timezone, 'YYYY-MM') AS month, sum(s.confirmed_minutes)::int AS minutes, count(*)::int AS participations
            FROM ${confirmedFrom} WHERE ${confirmedWhere(actor, f)} GROUP BY 1 ORDER BY 1`,
    );
    const byLevel = await rows<{ level: number; volunteers: number }>(
      q,
      sql`SELECT ${levelSql(sql`m.minutes`, starHours)} AS level, count(*)::int AS volunteers
            FROM (SELECT v.id, COALESCE(sum(s.confirmed_minutes) FILTER (WHERE s.hours_status = 'confirmed'), 0) AS minutes
                    FROM volunteer v LEFT JOIN volunteer_signup s ON s.volunteer_id = v.id
                   WHERE ${scopeV} AND v.status = 'approved' GROUP BY v.id) m
           GROUP BY 1 ORDER BY 1`,
    );
    return { counts: counts!, byMonth, byLevel };
  },

  /** Confirmed minutes and activities of one volunteer (a certificate's figures). */
  async volunteerTotals(q: Queryable, volunteerId: string): Promise<{ minutes: number; activities: number }> {
    const [row] = await rows<{ minutes: number; activities: number }>(
      q,
      sql`SELECT COALESCE(sum(confirmed_minutes), 0)::int AS minutes, count(*)::int AS activities
            FROM volunteer_signup WHERE volunteer_id = ${volunteerId} AND hours_status = 'confirmed' AND confirmed_minutes > 0`,
    );
    return { minutes: Number(row?.minutes ?? 0), activities: Number(row?.activities ?? 0) };
  },
};

export const certificatesRepository = {
  async insert(q: Queryable, values: typeof volunteerCertificate.$inferInsert) {
    const [row] = await q.insert(volunteerCertificate).values(values).onConflictDoNothing({ target: volunteerCertificate.code }).returning();
    return row;
  },

  ofVolunteer(q: Queryable, volunteerId: string) {
    return q
      .select({ c: volunteerCertificate, communityName: orgNode.name })
      .from(volunteerCertificate)
      .innerJoin(orgNode, eq(orgNode.id, volunteerCertificate.communityId))
      .where(eq(volunteerCertificate.volunteerId, volunteerId))
      .orderBy(desc(volunteerCertificate.issuedAt))
      .limit(100);
  },

  async byCode(q: Queryable, code: string) {
    const [row] = await q
      .select({ c: volunteerCertificate, communityName: orgNode.name })
      .from(volunteerCertificate)
      .innerJoin(orgNode, eq(orgNode.id, volunteerCertificate.communityId))
      .where(eq(volunteerCertificate.code, code));
    return row;
  },
};
