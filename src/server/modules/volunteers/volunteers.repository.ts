/** SQL for the volunteer register and teams. Every read applies the caller's scope. */
import { and, desc, eq, ilike, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Actor, PermissionRef } from '../../platform/auth/actor';
import { rows, type Queryable } from '../../platform/db/client';
import { roleAssignment } from '../../platform/db/tables/auth';
import { orgNode } from '../../platform/db/tables/org';
import { scopeWhere } from '../../platform/scope';
import { volunteer, volunteerTeam, volunteerTeamMember } from './volunteers.tables';

export type VolunteerRowRaw = typeof volunteer.$inferSelect;
export type TeamRowRaw = typeof volunteerTeam.$inferSelect;

const like = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** json_agg comes back parsed on one driver and as text on another. */
export const parseJson = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

const confirmedMinutesOf = (volunteerId: SQL | typeof volunteer.id) =>
  sql<number>`COALESCE((SELECT sum(s.confirmed_minutes) FROM volunteer_signup s WHERE s.volunteer_id = ${volunteerId} AND s.hours_status = 'confirmed'), 0)`.mapWith(Number);

const volunteerColumns = {
  v: volunteer,
  communityName: orgNode.name,
  partnerUnitName: sql<string | null>`(SELECT pu.name FROM partner_unit pu WHERE pu.id = ${volunteer.partnerUnitId})`,
  minutes: confirmedMinutesOf(volunteer.id),
  activityCount: sql<number>`(SELECT count(*) FROM volunteer_signup s WHERE s.volunteer_id = ${volunteer.id} AND s.hours_status = 'confirmed')`.mapWith(Number),
  teams: sql<unknown>`COALESCE((SELECT json_agg(json_build_object('id', t.id, 'name', t.name, 'role', m.role) ORDER BY t.name)
           FROM volunteer_team_member m JOIN volunteer_team t ON t.id = m.team_id WHERE m.volunteer_id = ${volunteer.id}), '[]'::json)`,
};

export type VolunteerRow = { v: VolunteerRowRaw; communityName: string; partnerUnitName: string | null; minutes: number; activityCount: number; teams: unknown };

const selectVolunteers = (q: Queryable) => q.select(volunteerColumns).from(volunteer).innerJoin(orgNode, eq(orgNode.id, volunteer.communityId));

export const volunteersRepository = {
  async list(q: Queryable, actor: Actor, f: { communityId?: string; status?: string; teamId?: string; skill?: string; q?: string; before?: string; limit: number }): Promise<VolunteerRow[]> {
    const conds: SQL[] = [scopeWhere(actor, 'volunteer.read', { community: volunteer.communityId })];
    if (f.communityId) conds.push(eq(volunteer.communityId, f.communityId));
    if (f.status) conds.push(eq(volunteer.status, f.status as VolunteerRowRaw['status']));
    if (f.teamId) conds.push(sql`EXISTS (SELECT 1 FROM volunteer_team_member m WHERE m.volunteer_id = ${volunteer.id} AND m.team_id = ${f.teamId})`);
    if (f.skill) conds.push(sql`${f.skill} = ANY(${volunteer.skills})`);
    if (f.q) conds.push(ilike(volunteer.name, like(f.q)));
    if (f.before) conds.push(lt(volunteer.id, f.before));
    return selectVolunteers(q).where(and(...conds)).orderBy(desc(volunteer.id)).limit(f.limit + 1);
  },

  async findInScope(q: Queryable, actor: Actor, permission: PermissionRef, id: string): Promise<VolunteerRow | undefined> {
    const [row] = await selectVolunteers(q).where(and(eq(volunteer.id, id), scopeWhere(actor, permission, { community: volunteer.communityId })));
    return row;
  },

  async findOwn(q: Queryable, actor: Actor, id: string): Promise<VolunteerRow | undefined> {
    if (!actor.accountId) return undefined;
    const [row] = await selectVolunteers(q).where(and(eq(volunteer.id, id), eq(volunteer.accountId, actor.accountId), scopeWhere(actor, ['volunteer.self', 'volunteer.register'], { community: volunteer.communityId })));
    return row;
  },

  ofAccount(q: Queryable, accountId: string): Promise<VolunteerRow[]> {
    return selectVolunteers(q).where(eq(volunteer.accountId, accountId)).orderBy(orgNode.name);
  },

  /** The approved volunteer an account is in a community, locked when asked (star level and signup rules read it). */
  async approvedOfAccount(q: Queryable, accountId: string, communityId: string): Promise<VolunteerRowRaw | undefined> {
    const [row] = await q.select().from(volunteer).where(and(eq(volunteer.accountId, accountId), eq(volunteer.communityId, communityId), eq(volunteer.status, 'approved')));
    return row;
  },

  async findDuplicate(q: Queryable, communityId: string, keys: { accountId?: string | null; residentId?: string | null; phoneIdx?: string | null }): Promise<VolunteerRowRaw | undefined> {
    const ors: SQL[] = [];
    if (keys.accountId) ors.push(eq(volunteer.accountId, keys.accountId));
    if (keys.residentId) ors.push(eq(volunteer.residentId, keys.residentId));
    if (keys.phoneIdx) ors.push(eq(volunteer.phoneIdx, keys.phoneIdx));
    if (!ors.length) return undefined;
    const [row] = await q.select().from(volunteer).where(and(eq(volunteer.communityId, communityId), sql`(${sql.join(ors, sql` OR `)})`)).limit(1);
    return row;
  },

  async insert(q: Queryable, values: typeof volunteer.$inferInsert): Promise<VolunteerRowRaw> {
    const [row] = await q.insert(volunteer).values(values).returning();
    return row!;
  },

  async findRaw(q: Queryable, id: string): Promise<VolunteerRowRaw | undefined> {
    const [row] = await q.select().from(volunteer).where(eq(volunteer.id, id));
    return row;
  },

  async accountOf(q: Queryable, volunteerId: string): Promise<string | null> {
    const [row] = await q.select({ accountId: volunteer.accountId }).from(volunteer).where(eq(volunteer.id, volunteerId));
    return row?.accountId ?? null;
  },

  async lock(q: Queryable, id: string): Promise<void> {
    await q.execute(sql`SELECT id FROM volunteer WHERE id = ${id} FOR UPDATE`);
  },

  async confirmedMinutes(q: Queryable, volunteerId: string): Promise<number> {
    const [row] = await rows<{ m: number }>(q, sql`SELECT COALESCE(sum(confirmed_minutes), 0)::int AS m FROM volunteer_signup WHERE volunteer_id = ${volunteerId} AND hours_status = 'confirmed'`);
    return Number(row?.m ?? 0);
  },

  /** The community (org node) if the caller's grants for the permission cover it. */
  async communityInScope(q: Queryable, actor: Actor, permission: PermissionRef, communityId: string) {
    const [row] = await q
      .select({ id: orgNode.id, name: orgNode.name, timezone: orgNode.timezone })
      .from(orgNode)
      .where(and(eq(orgNode.id, communityId), eq(orgNode.kind, 'community'), scopeWhere(actor, permission, { community: orgNode.id })));
    return row;
  },

  /** Communities where the caller may register (grants at a community or below it). */
  registrableCommunities(q: Queryable, actor: Actor) {
    return q
      .select({ id: orgNode.id, name: orgNode.name })
      .from(orgNode)
      .where(and(eq(orgNode.kind, 'community'), scopeWhere(actor, 'volunteer.register', { community: orgNode.id })))
      .orderBy(orgNode.name)
      .limit(50);
  },

  async accountOfResident(q: Queryable, residentId: string): Promise<string | null> {
    const [row] = await rows<{ id: string }>(q, sql`SELECT id FROM account WHERE resident_id = ${residentId} ORDER BY created_at LIMIT 1`);
    return row?.id ?? null;
  },

  /** Approval gives the account the `volunteer` role at the community; suspension takes it back. */
  async grantVolunteerRole(q: Queryable, accountId: string, communityId: string, grantedBy: string | null): Promise<boolean> {
    const rowsIn = await q.insert(roleAssignment).values({ accountId, roleKey: 'volunteer', orgId: communityId, createdBy: grantedBy }).onConflictDoNothing().returning({ id: roleAssignment.id });
    return rowsIn.length > 0;
  },

  async revokeVolunteerRole(q: Queryable, accountId: string, communityId: string): Promise<boolean> {
    const removed = await q
      .delete(roleAssignment)
      .where(and(eq(roleAssignment.accountId, accountId), eq(roleAssignment.roleKey, 'volunteer'), eq(roleAssignment.orgId, communityId)))
      .returning({ id: roleAssignment.id });
    return removed.length > 0;
  },
};

// ---- teams -----------------------------------------------------------------------------------

const teamColumns = {
  t: volunteerTeam,
  communityName: orgNode.name,
  partnerUnitName: sql<string | null>`(SELECT pu.name FROM partner_unit pu WHERE pu.id = ${volunteerTeam.partnerUnitId})`,
  memberCount: sql<number>`(SELECT count(*) FROM volunteer_team_member m WHERE m.team_id = ${volunteerTeam.id})`.mapWith(Number),
  leaders: sql<unknown>`COALESCE((SELECT json_agg(json_build_object('volunteerId', v.id, 'name', v.name) ORDER BY v.name)
            FROM volunteer_team_member m JOIN volunteer v ON v.id = m.volunteer_id WHERE m.team_id = ${volunteerTeam.id} AND m.role = 'leader'), '[]'::json)`,
  minutes: sql<number>`COALESCE((SELECT sum(s.confirmed_minutes) FROM volunteer_signup s JOIN volunteer_activity a ON a.id = s.activity_id
            WHERE a.team_id = ${volunteerTeam.id} AND s.hours_status = 'confirmed'), 0)`.mapWith(Number),
};
export type TeamRow = { t: TeamRowRaw; communityName: string; partnerUnitName: string | null; memberCount: number; leaders: unknown; minutes: number };

const selectTeams = (q: Queryable) => q.select(teamColumns).from(volunteerTeam).innerJoin(orgNode, eq(orgNode.id, volunteerTeam.communityId));

export const teamsRepository = {
  list(q: Queryable, actor: Actor, f: { communityId?: string; ownerKind?: string; q?: string; after?: [string, string]; limit: number }): Promise<TeamRow[]> {
    const conds: SQL[] = [scopeWhere(actor, 'volunteer_team.read', { community: volunteerTeam.communityId })];
    if (f.communityId) conds.push(eq(volunteerTeam.communityId, f.communityId));
    if (f.ownerKind) conds.push(eq(volunteerTeam.ownerKind, f.ownerKind as TeamRowRaw['ownerKind']));
    if (f.q) conds.push(ilike(volunteerTeam.name, like(f.q)));
    if (f.after) conds.push(sql`(${volunteerTeam.name}, ${volunteerTeam.id}) > (${f.after[0]}, ${f.after[1]}::uuid)`);
    return selectTeams(q).where(and(...conds)).orderBy(volunteerTeam.name, volunteerTeam.id).limit(f.limit + 1);
  },

  async findInScope(q: Queryable, actor: Actor, permission: PermissionRef, id: string): Promise<TeamRow | undefined> {
    const [row] = await selectTeams(q).where(and(eq(volunteerTeam.id, id), scopeWhere(actor, permission, { community: volunteerTeam.communityId })));
    return row;
  },

  async insert(q: Queryable, values: typeof volunteerTeam.$inferInsert): Promise<TeamRowRaw> {
    const [row] = await q.insert(volunteerTeam).values(values).returning();
    return row!;
  },

  async nameTaken(q: Queryable, communityId: string, name: string, exceptId?: string): Promise<boolean> {
    const found = await q
      .select({ id: volunteerTeam.id })
      .from(volunteerTeam)
      .where(and(eq(volunteerTeam.communityId, communityId), sql`lower(${volunteerTeam.name}) = lower(${name})`, exceptId ? sql`${volunteerTeam.id} <> ${exceptId}` : undefined));
    return found.length > 0;
  },

  members(q: Queryable, teamId: string, after: [number, string, string] | null, limit: number) {
    const order = sql`CASE WHEN ${volunteerTeamMember.role} = 'leader' THEN 0 ELSE 1 END`;
    return q
      .select({ volunteerId: volunteer.id, name: volunteer.name, role: volunteerTeamMember.role, joinedAt: volunteerTeamMember.joinedAt, minutes: confirmedMinutesOf(volunteer.id), order: order.mapWith(Number) })
      .from(volunteerTeamMember)
      .innerJoin(volunteer, eq(volunteer.id, volunteerTeamMember.volunteerId))
      .where(and(eq(volunteerTeamMember.teamId, teamId), after ? sql`(${order}, ${volunteer.name}, ${volunteer.id}) > (${after[0]}, ${after[1]}, ${after[2]}::uuid)` : undefined))
      .orderBy(order, volunteer.name, volunteer.id)
      .limit(limit + 1);
  },

  async addMember(q: Queryable, values: typeof volunteerTeamMember.$inferInsert): Promise<void> {
    await q
      .insert(volunteerTeamMember)
      .values(values)
      .onConflictDoUpdate({ target: [volunteerTeamMember.teamId, volunteerTeamMember.volunteerId], set: { role: values.role ?? 'member' } });
  },

  async removeMember(q: Queryable, teamId: string, volunteerId: string): Promise<boolean> {
    const removed = await q
      .delete(volunteerTeamMember)
      .where(and(eq(volunteerTeamMember.teamId, teamId), eq(volunteerTeamMember.volunteerId, volunteerId)))
      .returning({ id: volunteerTeamMember.volunteerId });
    return removed.length > 0;
  },

  async volunteersIn(q: Queryable, communityId: string, ids: string[]) {
    if (!ids.length) return [];
    return q.select({ id: volunteer.id, status: volunteer.status }).from(volunteer).where(and(eq(volunteer.communityId, communityId), inArray(volunteer.id, ids)));
  },
};
