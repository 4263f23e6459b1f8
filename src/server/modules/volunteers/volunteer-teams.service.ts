/**
 * Volunteer teams (志愿队 / 帮客团队) of a community, a partner unit or a party organization, with
 * their leaders and members. A volunteer may be in several teams.
 */
import { z } from 'zod';
import type { Actor } from '../../platform/auth/actor';
import { diffForAudit } from '../../platform/audit';
import { updateVersioned } from '../../platform/db/versioned';
import { AppError } from '../../platform/errors';
import { decodeCursor, pageFrom } from '../../platform/pagination';
import { scopeWhere } from '../../platform/scope';
import { hoursOf, starLevelOf } from './volunteers.config';
import type { VolunteersKit } from './volunteers.kit';
import { teamsRepository as repo, volunteersRepository } from './volunteers.repository';
import type { TeamView } from './volunteers.schemas';
import { volunteerTeam } from './volunteers.tables';

type OwnerKind = TeamView['ownerKind'];

export function createTeamsService(kit: VolunteersKit) {
  const { ctx, deps, views } = kit;
  const { db, audit } = ctx;

  async function get(q: Parameters<typeof repo.findInScope>[0], actor: Actor, id: string): Promise<TeamView> {
    const row = await repo.findInScope(q, actor, 'volunteer_team.read', id);
    if (!row) throw new AppError('not_found');
    return views.team(row);
  }

  return {
    async list(actor: Actor, q: { communityId?: string; ownerKind?: string; q?: string; cursor?: string; limit: number }) {
      const after = decodeCursor(q.cursor, z.tuple([z.string(), z.string()]));
      const found = await repo.list(db, actor, { ...q, after: after ?? undefined });
      return pageFrom(found, q.limit, (r) => [r.t.name, r.t.id], (r) => views.team(r));
    },

    get: (actor: Actor, id: string) => get(db, actor, id),

    async create(actor: Actor, input: { communityId: string; name: string; ownerKind: OwnerKind; partnerUnitId?: string; partyOrgId?: string; description?: string | null; foundedOn?: string }): Promise<TeamView> {
      return db.transaction(async (tx) => {
        const community = await volunteersRepository.communityInScope(tx, actor, 'volunteer_team.manage', input.communityId);
        if (!community) throw new AppError('not_found');
        if (input.ownerKind === 'partner_unit') {
          const unit = await deps.partners.findById(tx, input.partnerUnitId!);
          if (!unit || unit.communityId !== community.id) throw new AppError('validation_failed', [{ field: 'body.partnerUnitId', code: 'not_found', message: 'partnerUnitId' }]);
        }
        if (await repo.nameTaken(tx, community.id, input.name)) throw new AppError('already_exists', [{ field: 'body.name', code: 'already_exists', message: 'name' }]);
        const row = await repo.insert(tx, {
          communityId: community.id,
          name: input.name,
          ownerKind: input.ownerKind,
          partnerUnitId: input.ownerKind === 'partner_unit' ? input.partnerUnitId! : null,
          partyOrgId: input.ownerKind === 'party_org' ? input.partyOrgId! : null,
          description: input.description ?? null,
          foundedOn: input.foundedOn ?? null,
        });
        await audit.record(tx, actor, { action: 'volunteer_team.create', entity: 'volunteer_team', entityId: row.id, communityId: community.id, changes: diffForAudit(null, { name: row.name, ownerKind: row.ownerKind }) });
        return get(tx, actor, row.id);
      });
    },

    async update(actor: Actor, id: string, input: { version: number; name?: string; description?: string | null; foundedOn?: string | null; status?: 'active' | 'dissolved' }): Promise<TeamView> {
      return db.transaction(async (tx) => {
        const before = await repo.findInScope(tx, actor, 'volunteer_team.manage', id);
        if (!before) throw new AppError('not_found');
        if (input.name && (await repo.nameTaken(tx, before.t.communityId, input.name, id))) throw new AppError('already_exists', [{ field: 'body.name', code: 'already_exists', message: 'name' }]);
        const { version, ...values } = input;
        const after = await updateVersioned(tx, volunteerTeam, { id, version, values, scope: scopeWhere(actor, 'volunteer_team.manage', { community: volunteerTeam.communityId }) });
        await audit.record(tx, actor, { action: 'volunteer_team.update', entity: 'volunteer_team', entityId: id, communityId: after.communityId, changes: diffForAudit(before.t, after, { fields: ['name', 'description', 'foundedOn', 'status'] }) });
        return get(tx, actor, id);
      });
    },

    async members(actor: Actor, id: string, q: { cursor?: string; limit: number }) {
      const team = await repo.findInScope(db, actor, 'volunteer_team.read', id);
      if (!team) throw new AppError('not_found');
      const after = decodeCursor(q.cursor, z.tuple([z.number().int(), z.string(), z.string()]));
      const found = await repo.members(db, id, after, q.limit);
      return pageFrom(found, q.limit, (r) => [r.order, r.name, r.volunteerId], (r) => ({
        volunteerId: r.volunteerId,
        name: r.name,
        role: r.role,
        joinedAt: r.joinedAt,
        confirmedHours: hoursOf(r.minutes),
        starLevel: starLevelOf(r.minutes, kit.config.starHours),
      }));
    },

    /** Adds a volunteer (or changes their role, e.g. makes them a leader). Only approved volunteers of the same community. */
    async addMember(actor: Actor, id: string, input: { volunteerId: string; role: 'leader' | 'member' }): Promise<TeamView> {
      return db.transaction(async (tx) => {
        const team = await repo.findInScope(tx, actor, 'volunteer_team.manage', id);
        if (!team) throw new AppError('not_found');
        const [v] = await repo.volunteersIn(tx, team.t.communityId, [input.volunteerId]);
        if (!v) throw new AppError('validation_failed', [{ field: 'body.volunteerId', code: 'not_found', message: 'volunteerId' }]);
        if (v.status !== 'approved') throw new AppError('volunteer_not_approved');
        await repo.addMember(tx, { communityId: team.t.communityId, teamId: id, volunteerId: input.volunteerId, role: input.role });
        await audit.record(tx, actor, { action: 'volunteer_team.add_member', entity: 'volunteer_team', entityId: id, communityId: team.t.communityId, changes: { volunteerId: { after: input.volunteerId }, role: { after: input.role } } });
        return get(tx, actor, id);
      });
    },

    async removeMember(actor: Actor, id: string, volunteerId: string): Promise<TeamView> {
      return db.transaction(async (tx) => {
        const team = await repo.findInScope(tx, actor, 'volunteer_team.manage', id);
        if (!team) throw new AppError('not_found');
        if (!(await repo.removeMember(tx, id, volunteerId))) throw new AppError('not_found');
        await audit.record(tx, actor, { action: 'volunteer_team.remove_member', entity: 'volunteer_team', entityId: id, communityId: team.t.communityId, changes: { volunteerId: { before: volunteerId } } });
        return get(tx, actor, id);
      });
    },

  };
}

export type TeamsService = ReturnType<typeof createTeamsService>;
