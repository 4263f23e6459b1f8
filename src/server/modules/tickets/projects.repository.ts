/** The only file that builds SQL for 领办督办 projects. */
import { and, asc, desc, eq, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Actor } from '../../platform/auth/actor';
import { rows, type Queryable } from '../../platform/db/client';
import { account } from '../../platform/db/tables/auth';
import { scopeWhere } from '../../platform/scope';
import { project, projectMilestone, projectUpdate } from './tickets.tables';

export type ProjectRow = typeof project.$inferSelect;
export type MilestoneRow = typeof projectMilestone.$inferSelect;
export type ProjectUpdateRow = typeof projectUpdate.$inferSelect;

const leader = alias(account, 'leader');
const supervisor = alias(account, 'supervisor');

export interface ProjectListRow {
  p: ProjectRow;
  leaderName: string;
  supervisorName: string;
  milestones: number;
  milestonesDone: number;
}

const listColumns = {
  p: project,
  leaderName: leader.displayName,
  supervisorName: supervisor.displayName,
  milestones: sql<number>`(SELECT count(*)::int FROM project_milestone m WHERE m.project_id = ${project.id})`,
  milestonesDone: sql<number>`(SELECT count(*)::int FROM project_milestone m WHERE m.project_id = ${project.id} AND m.done_at IS NOT NULL)`,
};

/** Public projects of the caller's communities, the ones they lead or supervise, and all of them for staff. */
function visibleTo(actor: Actor): SQL {
  const me = actor.accountId;
  const own = me ? or(eq(project.leaderAccountId, me), eq(project.supervisorAccountId, me)) : undefined;
  const pub = and(eq(project.isPublic, true), scopeWhere(actor, 'project.read', { community: project.communityId }));
  const staff = scopeWhere(actor, ['project.manage', 'ticket.read'], { community: project.communityId });
  return or(pub, staff, own)!;
}

export const projectsRepository = {
  async insert(q: Queryable, values: typeof project.$inferInsert): Promise<ProjectRow> {
    const [row] = await q.insert(project).values(values).returning();
    return row!;
  },

  async insertMilestones(q: Queryable, values: (typeof projectMilestone.$inferInsert)[]): Promise<void> {
    if (values.length) await q.insert(projectMilestone).values(values);
  },

  async insertUpdate(q: Queryable, values: typeof projectUpdate.$inferInsert): Promise<void> {
    await q.insert(projectUpdate).values(values);
  },

  async findVisible(q: Queryable, actor: Actor, id: string): Promise<ProjectListRow | undefined> {
    const [row] = await q
      .select(listColumns)
      .from(project)
      .innerJoin(leader, eq(leader.id, project.leaderAccountId))
      .innerJoin(supervisor, eq(supervisor.id, project.supervisorAccountId))
      .where(and(eq(project.id, id), visibleTo(actor)));
    return row;
  },

  async lock(q: Queryable, id: string): Promise<ProjectRow | undefined> {
    const [row] = await q.select().from(project).where(eq(project.id, id)).for('update');
    return row;
  },

  list(q: Queryable, actor: Actor, f: { communityId?: string; status?: string; mine?: boolean; after?: [string, string]; limit: number }) {
    const conds: (SQL | undefined)[] = [visibleTo(actor)];
    if (f.communityId) conds.push(eq(project.communityId, f.communityId));
    if (f.status) conds.push(eq(project.status, f.status as ProjectRow['status']));
    if (f.mine && actor.accountId) conds.push(or(eq(project.leaderAccountId, actor.accountId), eq(project.supervisorAccountId, actor.accountId)));
    if (f.after) {
      const at = new Date(f.after[0]);
      conds.push(or(lt(project.createdAt, at), and(eq(project.createdAt, at), lt(project.id, f.after[1]))));
    }
    return q
      .select(listColumns)
      .from(project)
      .innerJoin(leader, eq(leader.id, project.leaderAccountId))
      .innerJoin(supervisor, eq(supervisor.id, project.supervisorAccountId))
      .where(and(...conds))
      .orderBy(desc(project.createdAt), desc(project.id))
      .limit(f.limit + 1);
  },

  milestones(q: Queryable, projectId: string): Promise<MilestoneRow[]> {
    return q.select().from(projectMilestone).where(eq(projectMilestone.projectId, projectId)).orderBy(asc(projectMilestone.sort));
  },

  updates(q: Queryable, projectId: string): Promise<ProjectUpdateRow[]> {
    return q.select().from(projectUpdate).where(eq(projectUpdate.projectId, projectId)).orderBy(desc(projectUpdate.at)).limit(200);
  },

  async completeMilestone(q: Queryable, projectId: string, milestoneId: string): Promise<boolean> {
    const done = await q
      .update(projectMilestone)
      .set({ doneAt: sql`COALESCE(${projectMilestone.doneAt}, now())` })
      .where(and(eq(projectMilestone.id, milestoneId), eq(projectMilestone.projectId, projectId)))
      .returning({ id: projectMilestone.id });
    return done.length === 1;
  },

  async patch(q: Queryable, id: string, values: Partial<typeof project.$inferInsert>): Promise<ProjectRow> {
    const [row] = await q.update(project).set({ ...values, version: sql`${project.version} + 1`, updatedAt: new Date() }).where(eq(project.id, id)).returning();
    return row!;
  },

  /** Whether an active account holds `role` somewhere inside the community (a party member living or reporting there). */
  async holdsRoleIn(q: Queryable, accountId: string, roles: readonly string[], communityPath: string): Promise<boolean> {
    const [row] = await rows<{ ok: boolean }>(
      q,
      sql`SELECT EXISTS (
            SELECT 1 FROM role_assignment ra JOIN org_node o ON o.id = ra.org_id JOIN account a ON a.id = ra.account_id AND a.status = 'active'
             WHERE ra.account_id = ${accountId} AND ra.role_key IN (${sql.join(roles.map((r) => sql`${r}`), sql`, `)}) AND o.path LIKE ${communityPath} || '%') AS ok`,
    );
    return !!row?.ok;
  },

  async names(q: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Map();
    const found = await q.select({ id: account.id, name: account.displayName }).from(account).where(inArray(account.id, unique));
    return new Map(found.map((r) => [r.id, r.name]));
  },
};
