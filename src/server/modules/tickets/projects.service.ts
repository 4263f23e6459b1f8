/**
 * 领办督办 projects: a ticket or a joint-meeting decision too big for one worker becomes a project
 * led by a party member (`party_member` role in the community) and supervised by community staff,
 * with milestones, progress updates and a status residents can follow when it is public.
 */
import { z } from 'zod';
import type { AppContext } from '../../context';
import type { Actor } from '../../platform/auth/actor';
import { diffForAudit } from '../../platform/audit';
import type { Queryable } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import { decodeCursor, pageFrom } from '../../platform/pagination';
import { explicitCommunityIds, pathInScope } from '../../platform/scope';
import type { NotificationsService } from '../notifications/notifications.service';
import type { UploadsService } from '../uploads/uploads.service';
import { projectsRepository as repo, type ProjectListRow } from './projects.repository';
import type { CreateProjectBody, ProjectListItem, ProjectProgressBody, ProjectView, UpdateProjectBody } from './projects.schemas';
import { ticketsRepository as tickets } from './tickets.repository';
import type { TicketsService } from './tickets.service';

const invalid = (field: string, code: string) => new AppError('validation_failed', [{ field, code, message: code }]);

const toItem = (r: ProjectListRow): ProjectListItem => ({
  id: r.p.id,
  communityId: r.p.communityId,
  title: r.p.title,
  source: r.p.source,
  status: r.p.status,
  progress: r.p.progress,
  isPublic: r.p.isPublic,
  dueOn: r.p.dueOn,
  leader: { accountId: r.p.leaderAccountId, name: r.leaderName },
  supervisor: { accountId: r.p.supervisorAccountId, name: r.supervisorName },
  milestones: r.milestones,
  milestonesDone: r.milestonesDone,
  createdAt: r.p.createdAt,
});

export function createProjectsService(
  ctx: AppContext,
  deps: { tickets: TicketsService; notifications: Pick<NotificationsService, 'notify'>; uploads: Pick<UploadsService, 'assertUsable'> },
) {
  const { db, audit } = ctx;

  async function communityPath(id: string) {
    const org = await tickets.org(db, id);
    if (!org || org.kind !== 'community') throw new AppError('not_found');
    return org.path;
  }

  async function detail(q: Queryable, actor: Actor, r: ProjectListRow): Promise<ProjectView> {
    const path = await communityPath(r.p.communityId);
    const canManage = pathInScope(actor, 'project.manage', path);
    const involved = actor.accountId === r.p.leaderAccountId || actor.accountId === r.p.supervisorAccountId;
    const updates = await repo.updates(q, r.p.id);
    return {
      ...toItem(r),
      description: r.p.description,
      sourceTicketId: r.p.sourceTicketId,
      jointMeetingId: r.p.jointMeetingId,
      decisionNote: r.p.decisionNote,
      completedAt: r.p.completedAt,
      version: r.p.version,
      milestoneList: (await repo.milestones(q, r.p.id)).map((m) => ({ id: m.id, title: m.title, dueOn: m.dueOn, doneAt: m.doneAt, sort: m.sort })),
      updates: updates.map((u) => ({ id: u.id, at: u.at, authorName: u.authorName, note: u.note, progress: u.progress, milestoneId: u.milestoneId, photoIds: u.photoIds })),
      canProgress: canManage || involved,
      canManage,
    };
  }

  async function get(actor: Actor, id: string): Promise<ProjectView> {
    const r = await repo.findVisible(db, actor, id);
    if (!r) throw new AppError('not_found');
    return detail(db, actor, r);
  }

  return {
    get,

    async list(actor: Actor, q: { communityId?: string; status?: string; mine?: 'true' | 'false'; cursor?: string; limit: number }) {
      const after = decodeCursor(q.cursor, z.tuple([z.string(), z.string()]));
      const found = await repo.list(db, actor, { communityId: q.communityId, status: q.status, mine: q.mine === 'true', after: after ?? undefined, limit: q.limit });
      return pageFrom(found, q.limit, (r) => [r.p.createdAt.toISOString(), r.p.id], toItem);
    },

    async create(actor: Actor, body: CreateProjectBody): Promise<ProjectView> {
      const source = body.sourceTicketId ? await deps.tickets.visible(db, actor, body.sourceTicketId) : undefined;
      let communityId = source?.t.communityId ?? body.communityId;
      if (!communityId) {
        const ids = explicitCommunityIds(actor, 'project.manage');
        if (!ids || ids.length !== 1) throw invalid('body.communityId', 'community_required');
        communityId = ids[0]!;
      }
      const path = await communityPath(communityId);
      if (!pathInScope(actor, 'project.manage', path)) throw new AppError('not_found');
      if (source?.t.projectId) throw new AppError('already_exists', [{ field: 'body.sourceTicketId', code: 'ticket_has_project', message: 'ticket_has_project' }]);
      if (!(await repo.holdsRoleIn(db, body.leaderAccountId, ['party_member'], path))) throw invalid('body.leaderAccountId', 'leader_not_party_member');
      if (!(await repo.holdsRoleIn(db, body.supervisorAccountId, ['community_secretary', 'community_staff'], path))) throw invalid('body.supervisorAccountId', 'supervisor_invalid');

      const id = await db.transaction(async (tx) => {
        const p = await repo.insert(tx, {
          communityId: communityId!,
          title: body.title,
          description: body.description ?? '',
          source: source ? 'ticket' : body.jointMeetingId ? 'joint_meeting' : 'other',
          sourceTicketId: source?.t.id ?? null,
          jointMeetingId: body.jointMeetingId ?? null,
          decisionNote: body.decisionNote ?? null,
          leaderAccountId: body.leaderAccountId,
          leaderResidentId: body.leaderResidentId ?? null,
          supervisorAccountId: body.supervisorAccountId,
          isPublic: body.isPublic,
          dueOn: body.dueOn ?? null,
          createdBy: actor.accountId,
        });
        await repo.insertMilestones(tx, body.milestones.map((m, i) => ({ communityId: p.communityId, projectId: p.id, title: m.title, dueOn: m.dueOn ?? null, sort: i })));
        if (source) {
          const locked = await tickets.lock(tx, source.t.id);
          if (locked?.projectId) throw new AppError('already_exists', [{ field: 'body.sourceTicketId', code: 'ticket_has_project', message: 'ticket_has_project' }]);
          await tickets.update(tx, source.t.id, { projectId: p.id });
          await tickets.insertEvents(tx, [{ communityId: p.communityId, ticketId: source.t.id, actorAccountId: actor.accountId, actorName: actor.displayName, actorKind: 'staff', action: 'project', note: p.title, details: { project: p.id } }]);
        }
        await deps.notifications.notify(tx, { accountIds: [p.leaderAccountId, p.supervisorAccountId], communityId: p.communityId, kind: 'project.assigned', title: `领办督办项目：${p.title}`, body: body.decisionNote ?? '', link: `/projects/${p.id}`, entity: 'project', entityId: p.id });
        await audit.record(tx, actor, { action: 'project.create', entity: 'project', entityId: p.id, communityId: p.communityId, changes: diffForAudit(null, { title: p.title, source: p.source, leaderAccountId: p.leaderAccountId, supervisorAccountId: p.supervisorAccountId }) });
        return p.id;
      });
      return get(actor, id);
    },

    async progress(actor: Actor, id: string, body: ProjectProgressBody): Promise<ProjectView> {
      const visible = await repo.findVisible(db, actor, id);
      if (!visible) throw new AppError('not_found');
      const view = await detail(db, actor, visible);
      if (!view.canProgress) throw new AppError('forbidden');
      if (visible.p.status === 'done' || visible.p.status === 'cancelled') throw new AppError('invalid_transition', { status: visible.p.status });
      await db.transaction(async (tx) => {
        const p = await repo.lock(tx, id);
        if (!p) throw new AppError('not_found');
        await deps.uploads.assertUsable(tx, actor, body.photoIds ?? [], p.communityId);
        if (body.milestoneId && !(await repo.completeMilestone(tx, id, body.milestoneId))) throw invalid('body.milestoneId', 'milestone_not_found');
        await repo.insertUpdate(tx, { communityId: p.communityId, projectId: id, authorAccountId: actor.accountId!, authorName: actor.displayName, note: body.note, progress: body.progress ?? null, milestoneId: body.milestoneId ?? null, photoIds: body.photoIds ?? [] });
        const progress = body.progress ?? p.progress;
        const status = progress === 100 ? 'done' : p.status === 'planned' ? 'in_progress' : p.status;
        await repo.patch(tx, id, { progress, status, completedAt: status === 'done' ? new Date() : null });
        // The leader reports to the supervisor; the supervisor's push (督办) goes to the leader.
        const to = actor.accountId === p.leaderAccountId ? p.supervisorAccountId : p.leaderAccountId;
        await deps.notifications.notify(tx, { accountIds: [to], communityId: p.communityId, kind: 'project.progress', title: `项目进展：${p.title}`, body: body.note.slice(0, 80), link: `/projects/${p.id}`, entity: 'project', entityId: p.id });
        await audit.record(tx, actor, { action: 'project.progress', entity: 'project', entityId: id, communityId: p.communityId, changes: { progress: { before: p.progress, after: progress }, status: { before: p.status, after: status }, milestoneId: body.milestoneId ?? null } });
      });
      return get(actor, id);
    },

    async update(actor: Actor, id: string, body: UpdateProjectBody): Promise<ProjectView> {
      const visible = await repo.findVisible(db, actor, id);
      if (!visible) throw new AppError('not_found');
      const path = await communityPath(visible.p.communityId);
      if (!pathInScope(actor, 'project.manage', path)) throw new AppError('forbidden');
      if (body.supervisorAccountId && !(await repo.holdsRoleIn(db, body.supervisorAccountId, ['community_secretary', 'community_staff'], path))) throw invalid('body.supervisorAccountId', 'supervisor_invalid');
      await db.transaction(async (tx) => {
        const before = await repo.lock(tx, id);
        if (!before) throw new AppError('not_found');
        if (before.version !== body.version) throw new AppError('version_conflict');
        const { version: _version, ...values } = body;
        const after = await repo.patch(tx, id, { ...values, completedAt: values.status === 'done' ? (before.completedAt ?? new Date()) : values.status ? null : before.completedAt });
        await audit.record(tx, actor, { action: 'project.update', entity: 'project', entityId: id, communityId: before.communityId, changes: diffForAudit(before, after, { fields: ['title', 'description', 'status', 'dueOn', 'isPublic', 'supervisorAccountId'] }) });
      });
      return get(actor, id);
    },
  };
}

export type ProjectsService = ReturnType<typeof createProjectsService>;
