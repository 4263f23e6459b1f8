/** SQL for report-ins (双报到) and the counts of reporting members by workplace and by group. */
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Actor, PermissionRef } from '../../platform/auth/actor';
import { rows, type Queryable } from '../../platform/db/client';
import { orgNode } from '../../platform/db/tables/org';
import { scopeWhere } from '../../platform/scope';
import { building, estate } from '../places/places.tables';
import { partyOrg, reportIn } from './party.tables';

export type ReportInRow = typeof reportIn.$inferSelect;
export type ReportInFull = ReportInRow & { communityName: string; buildingName: string | null; suggestedOrgName: string | null };

const full = {
  report: reportIn,
  communityName: orgNode.name,
  buildingName: sql<string | null>`${estate.name} || ' ' || ${building.name}`,
  suggestedOrgName: partyOrg.name,
};

function base(q: Queryable) {
  return q
    .select(full)
    .from(reportIn)
    .innerJoin(orgNode, eq(orgNode.id, reportIn.communityId))
    .leftJoin(building, eq(building.id, reportIn.buildingId))
    .leftJoin(estate, eq(estate.id, building.estateId))
    .leftJoin(partyOrg, eq(partyOrg.id, reportIn.suggestedOrgId));
}

const flatten = (r: { report: ReportInRow; communityName: string; buildingName: string | null; suggestedOrgName: string | null }): ReportInFull => ({
  ...r.report,
  communityName: r.communityName,
  buildingName: r.buildingName,
  suggestedOrgName: r.suggestedOrgName,
});

export const reportInsRepository = {
  /** Inserts unless the account already has a pending or approved report-in here (then undefined). */
  async insert(q: Queryable, values: typeof reportIn.$inferInsert): Promise<ReportInRow | undefined> {
    const [row] = await q.insert(reportIn).values(values).onConflictDoNothing().returning();
    return row;
  },

  async list(q: Queryable, actor: Actor, permission: PermissionRef, f: { communityId: string; status?: ReportInRow['status']; before?: readonly [string, string]; limit: number }) {
    const conds: (SQL | undefined)[] = [scopeWhere(actor, permission, { community: reportIn.communityId }), eq(reportIn.communityId, f.communityId)];
    if (f.status) conds.push(eq(reportIn.status, f.status));
    if (f.before) conds.push(sql`(${reportIn.createdAt}, ${reportIn.id}) < (${f.before[0]}::timestamptz, ${f.before[1]})`);
    const list = await base(q).where(and(...conds)).orderBy(desc(reportIn.createdAt), desc(reportIn.id)).limit(f.limit + 1);
    return list.map(flatten);
  },

  async ofAccount(q: Queryable, communityId: string, accountId: string): Promise<ReportInFull[]> {
    const list = await base(q).where(and(eq(reportIn.communityId, communityId), eq(reportIn.accountId, accountId))).orderBy(desc(reportIn.createdAt)).limit(20);
    return list.map(flatten);
  },

  async findInScope(q: Queryable, actor: Actor, permission: PermissionRef, id: string): Promise<ReportInFull | undefined> {
    const [row] = await base(q).where(and(eq(reportIn.id, id), scopeWhere(actor, permission, { community: reportIn.communityId })));
    return row && flatten(row);
  },

  async findById(q: Queryable, id: string): Promise<ReportInFull | undefined> {
    const [row] = await base(q).where(eq(reportIn.id, id));
    return row && flatten(row);
  },

  /** Accounts holding the secretary role at the community (to tell them a report-in waits). */
  async secretariesOf(q: Queryable, communityId: string): Promise<string[]> {
    const list = await rows<{ account_id: string }>(q, sql`SELECT account_id FROM role_assignment WHERE role_key = 'community_secretary' AND org_id = ${communityId}`);
    return list.map((r) => r.account_id);
  },

  async summary(q: Queryable, communityId: string) {
    const [counts] = await rows<{ reporting: number; pending: number }>(
      q,
      sql`SELECT (SELECT count(*)::int FROM party_member WHERE community_id = ${communityId} AND membership = 'reporting' AND left_at IS NULL) AS reporting,
                 (SELECT count(*)::int FROM report_in WHERE community_id = ${communityId} AND status = 'pending') AS pending`,
    );
    const byWorkplace = await rows<{ workplace: string; members: number }>(
      q,
      sql`SELECT workplace, count(*)::int AS members FROM party_member
           WHERE community_id = ${communityId} AND membership = 'reporting' AND left_at IS NULL AND workplace IS NOT NULL
           GROUP BY workplace ORDER BY members DESC, workplace LIMIT 500`,
    );
    const byGroup = await rows<{ org_id: string; org_name: string; members: number }>(
      q,
      sql`SELECT o.id AS org_id, o.name AS org_name, count(*)::int AS members FROM party_member m JOIN party_org o ON o.id = m.org_id
           WHERE m.community_id = ${communityId} AND m.membership = 'reporting' AND m.left_at IS NULL
           GROUP BY o.id, o.name ORDER BY members DESC, o.name LIMIT 2000`,
    );
    return { ...counts!, byWorkplace, byGroup: byGroup.map((g) => ({ orgId: g.org_id, orgName: g.org_name, members: g.members })) };
  },
};
