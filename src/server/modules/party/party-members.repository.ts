/** SQL for party members, their dues and their record (claims, lectures, points). */
import { and, asc, eq, ilike, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Actor, PermissionRef } from '../../platform/auth/actor';
import { rows, type Queryable } from '../../platform/db/client';
import { scopeWhere } from '../../platform/scope';
import { partyDues, partyMember, partyOrg, servicePost, servicePostClaim } from './party.tables';

export type MemberRow = typeof partyMember.$inferSelect;
export type MemberWithOrg = MemberRow & { orgName: string };

const withOrg = { member: partyMember, orgName: partyOrg.name };
const flatten = (r: { member: MemberRow; orgName: string }): MemberWithOrg => ({ ...r.member, orgName: r.orgName });

export interface MemberFilter {
  communityId: string;
  orgPath?: string;
  membership?: MemberRow['membership'];
  status?: MemberRow['status'];
  tag?: string;
  q?: string;
  includeLeft?: boolean;
  after?: readonly [string, string];
  limit: number;
}

export const partyMembersRepository = {
  async findForAccount(q: Queryable, communityId: string, accountId: string, residentId: string | null): Promise<MemberRow | undefined> {
    const who = residentId ? or(eq(partyMember.accountId, accountId), eq(partyMember.residentId, residentId)) : eq(partyMember.accountId, accountId);
    const [row] = await q
      .select()
      .from(partyMember)
      .where(and(eq(partyMember.communityId, communityId), isNull(partyMember.leftAt), who))
      .orderBy(sql`(${partyMember.accountId} = ${accountId}) DESC NULLS LAST`)
      .limit(1);
    return row;
  },

  /** Every community where an account is an active member (the resident app's "me"). */
  membershipsOfAccount(q: Queryable, accountId: string, residentId: string | null) {
    const who = residentId ? or(eq(partyMember.accountId, accountId), eq(partyMember.residentId, residentId)) : eq(partyMember.accountId, accountId);
    return q
      .select({ ...withOrg, communityName: sql<string>`(SELECT name FROM org_node WHERE id = ${partyMember.communityId})` })
      .from(partyMember)
      .innerJoin(partyOrg, eq(partyOrg.id, partyMember.orgId))
      .where(and(isNull(partyMember.leftAt), who))
      .limit(20);
  },

  async findByResident(q: Queryable, communityId: string, residentId: string): Promise<MemberRow | undefined> {
    const [row] = await q
      .select()
      .from(partyMember)
      .where(and(eq(partyMember.communityId, communityId), eq(partyMember.residentId, residentId), isNull(partyMember.leftAt)))
      .limit(1);
    return row;
  },

  /** True when the member holds a current leading office on the org at `orgPath` or one of its ancestors. */
  async leadsOrgPath(q: Queryable, memberId: string, orgPath: string): Promise<boolean> {
    const [row] = await rows<{ ok: boolean }>(
      q,
      sql`SELECT EXISTS (
            SELECT 1 FROM party_org_officer f JOIN party_org o ON o.id = f.org_id
             WHERE f.member_id = ${memberId} AND f.role IN ('secretary', 'deputy_secretary', 'group_leader')
               AND f.term_start <= current_date AND (f.term_end IS NULL OR f.term_end >= current_date)
               AND ${orgPath} LIKE o.path || '%') AS ok`,
    );
    return !!row?.ok;
  },

  async list(q: Queryable, actor: Actor, permission: PermissionRef, f: MemberFilter): Promise<MemberWithOrg[]> {
    const conds: (SQL | undefined)[] = [scopeWhere(actor, permission, { community: partyMember.communityId }), eq(partyMember.communityId, f.communityId)];
    if (!f.includeLeft) conds.push(isNull(partyMember.leftAt));
    if (f.orgPath) conds.push(sql`${partyOrg.path} LIKE ${`${f.orgPath}%`}`);
    if (f.membership) conds.push(eq(partyMember.membership, f.membership));
    if (f.status) conds.push(eq(partyMember.status, f.status));
    if (f.tag) conds.push(sql`${f.tag} = ANY(${partyMember.tags})`);
    if (f.q) conds.push(or(ilike(partyMember.name, `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`), ilike(partyMember.workplace, `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)));
    if (f.after) conds.push(sql`(${partyMember.name}, ${partyMember.id}) > (${f.after[0]}, ${f.after[1]})`);
    const list = await q
      .select(withOrg)
      .from(partyMember)
      .innerJoin(partyOrg, eq(partyOrg.id, partyMember.orgId))
      .where(and(...conds))
      .orderBy(asc(partyMember.name), asc(partyMember.id))
      .limit(f.limit + 1);
    return list.map(flatten);
  },

  async findInScope(q: Queryable, actor: Actor, permission: PermissionRef, id: string): Promise<MemberWithOrg | undefined> {
    const [row] = await q
      .select(withOrg)
      .from(partyMember)
      .innerJoin(partyOrg, eq(partyOrg.id, partyMember.orgId))
      .where(and(eq(partyMember.id, id), scopeWhere(actor, permission, { community: partyMember.communityId })));
    return row && flatten(row);
  },

  async findById(q: Queryable, id: string): Promise<MemberWithOrg | undefined> {
    const [row] = await q.select(withOrg).from(partyMember).innerJoin(partyOrg, eq(partyOrg.id, partyMember.orgId)).where(eq(partyMember.id, id));
    return row && flatten(row);
  },

  async insert(q: Queryable, values: typeof partyMember.$inferInsert): Promise<MemberRow> {
    const [row] = await q.insert(partyMember).values(values).returning();
    return row!;
  },

  dues(q: Queryable, memberId: string) {
    return q
      .select({ month: partyDues.month, amountFen: partyDues.amountFen, paidAt: partyDues.paidAt })
      .from(partyDues)
      .where(eq(partyDues.memberId, memberId))
      .orderBy(sql`${partyDues.month} DESC`)
      .limit(24);
  },

  async insertDues(q: Queryable, values: typeof partyDues.$inferInsert): Promise<boolean> {
    const inserted = await q.insert(partyDues).values(values).onConflictDoNothing().returning({ id: partyDues.id });
    return inserted.length === 1;
  },

  /** The member's claims, newest first (bounded). */
  claims(q: Queryable, memberId: string, limit = 50) {
    return q
      .select({
        id: servicePostClaim.id,
        postId: servicePost.id,
        title: servicePost.title,
        startsAt: servicePost.startsAt,
        endsAt: servicePost.endsAt,
        status: servicePostClaim.status,
        claimedAt: servicePostClaim.claimedAt,
        doneAt: servicePostClaim.doneAt,
      })
      .from(servicePostClaim)
      .innerJoin(servicePost, eq(servicePost.id, servicePostClaim.postId))
      .where(eq(servicePostClaim.memberId, memberId))
      .orderBy(sql`${servicePost.startsAt} DESC`, asc(servicePostClaim.id))
      .limit(limit);
  },

  /** Counters of the member's record, in one statement. */
  async recordCounts(q: Queryable, memberId: string) {
    const [row] = await rows<{ claims_open: number; claims_done: number; points: string | number; attended: number; given: number }>(
      q,
      sql`SELECT
            (SELECT count(*)::int FROM service_post_claim WHERE member_id = ${memberId} AND status = 'claimed') AS claims_open,
            (SELECT count(*)::int FROM service_post_claim WHERE member_id = ${memberId} AND status = 'done') AS claims_done,
            (SELECT COALESCE(sum(points), 0) FROM party_point_entry WHERE member_id = ${memberId}) AS points,
            (SELECT count(*)::int FROM lecture_check_in WHERE member_id = ${memberId}) AS attended,
            (SELECT count(*)::int FROM micro_lecture WHERE lecturer_member_id = ${memberId} AND status = 'scheduled' AND scheduled_at <= now()) AS given`,
    );
    return { claimsOpen: row!.claims_open, claimsDone: row!.claims_done, points: Number(row!.points), lecturesAttended: row!.attended, lecturesGiven: row!.given };
  },

  async accountExists(q: Queryable, accountId: string): Promise<boolean> {
    const [row] = await rows<{ ok: boolean }>(q, sql`SELECT EXISTS (SELECT 1 FROM account WHERE id = ${accountId}) AS ok`);
    return !!row?.ok;
  },
};
