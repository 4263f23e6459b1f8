/**
 * Volunteer activities: created as drafts (or published at once) by community staff and social
 * workers, with slots per role; published ones are what the resident app lists. Cancelling an
 * activity ends its signups and tells the volunteers; raising a slot's capacity serves its
 * waitlist in arrival order.
 */
import { z } from 'zod';
import type { Actor } from '../../platform/auth/actor';
import { diffForAudit } from '../../platform/audit';
import type { Tx } from '../../platform/db/client';
import { updateVersioned } from '../../platform/db/versioned';
import { AppError } from '../../platform/errors';
import { decodeCursor, pageFrom } from '../../platform/pagination';
import { scopeWhere } from '../../platform/scope';
import { residentBasic } from '../places/places.duty';
import { activitiesRepository as repo, signupsRepository, type ActivityFilter } from './volunteer-activities.repository';
import { toActivityView } from './volunteer-activities.views';
import type { VolunteersKit } from './volunteers.kit';
import { localTime } from './volunteers.messages';
import { teamsRepository, volunteersRepository } from './volunteers.repository';
import type { ActivityView } from './volunteers.schemas';
import { volunteerActivity } from './volunteers.tables';
import { promoteWaitlisted } from './volunteer-signups.service';

type Category = ActivityView['category'];
type Theme = NonNullable<ActivityView['theme']>;
type CareKind = NonNullable<ActivityView['careKind']>;

export interface ActivityInput {
  teamId?: string | null;
  title?: string;
  description?: string | null;
  category?: Category;
  theme?: Theme | null;
  place?: string;
  startsAt?: string;
  endsAt?: string;
  organizerAccountId?: string | null;
  requiredSkills?: string[];
  minAge?: number | null;
  maxAge?: number | null;
  cancelCutoffMinutes?: number;
}

export function createActivitiesService(kit: VolunteersKit) {
  const { ctx } = kit;
  const { db, audit } = ctx;

  async function view(q: Tx | typeof db, actor: Actor, id: string): Promise<ActivityView> {
    const row = await repo.findVisible(q, actor, ['volunteer_activity.read', 'volunteer.self'], id);
    if (!row) throw new AppError('not_found');
    const [mine] = actor.accountId ? await signupsRepository.liveOfAccount(q, actor.accountId, [id]) : [];
    return toActivityView(row, mine);
  }

  async function checkTeam(tx: Tx, actor: Actor, communityId: string, teamId: string | null | undefined) {
    if (!teamId) return;
    const team = await teamsRepository.findInScope(tx, actor, 'volunteer_team.read', teamId);
    if (!team || team.t.communityId !== communityId) throw new AppError('validation_failed', [{ field: 'body.teamId', code: 'not_found', message: 'teamId' }]);
  }

  return {
    async list(actor: Actor, q: Omit<ActivityFilter, 'after'> & { cursor?: string }) {
      const after = decodeCursor(q.cursor, z.tuple([z.string(), z.string()]));
      const found = await repo.list(db, actor, { ...q, after: after ?? undefined });
      const page = pageFrom(found, q.limit, (r) => [r.a.startsAt.toISOString(), r.a.id], (r) => r);
      const mine = actor.accountId ? await signupsRepository.liveOfAccount(db, actor.accountId, page.items.map((r) => r.a.id)) : [];
      return { items: page.items.map((r) => toActivityView(r, mine.find((m) => m.s.activityId === r.a.id))), nextCursor: page.nextCursor };
    },

    get: (actor: Actor, id: string) => view(db, actor, id),

    async create(actor: Actor, input: ActivityInput & { communityId: string; slots: Array<{ role: string; capacity: number }>; publish: boolean; careResidentId?: string | null; careKind?: CareKind | null }): Promise<ActivityView> {
      return db.transaction(async (tx) => {
        const community = await volunteersRepository.communityInScope(tx, actor, 'volunteer_activity.manage', input.communityId);
        if (!community) throw new AppError('not_found');
        await checkTeam(tx, actor, community.id, input.teamId);
        if (input.careResidentId) {
          const r = await residentBasic(tx, input.careResidentId);
          if (!r || r.communityId !== community.id) throw new AppError('validation_failed', [{ field: 'body.careResidentId', code: 'not_found', message: 'careResidentId' }]);
        }
        const row = await repo.insert(
          tx,
          {
            communityId: community.id,
            teamId: input.teamId ?? null,
            title: input.title!,
            description: input.description ?? null,
            category: input.careResidentId ? 'care' : input.category!,
            theme: input.theme ?? null,
            place: input.place!,
            startsAt: new Date(input.startsAt!),
            endsAt: new Date(input.endsAt!),
            organizerAccountId: input.organizerAccountId ?? actor.accountId,
            requiredSkills: input.requiredSkills ?? [],
            minAge: input.minAge ?? null,
            maxAge: input.maxAge ?? null,
            cancelCutoffMinutes: input.cancelCutoffMinutes ?? kit.config.defaultCancelCutoffMinutes,
            careResidentId: input.careResidentId ?? null,
            careKind: input.careResidentId ? (input.careKind ?? 'daily_care') : null,
            status: input.publish ? 'published' : 'draft',
            publishedAt: input.publish ? new Date() : null,
            createdBy: actor.accountId,
          },
          input.slots,
        );
        await audit.record(tx, actor, {
          action: 'volunteer_activity.create',
          entity: 'volunteer_activity',
          entityId: row.id,
          communityId: community.id,
          changes: diffForAudit(null, { title: row.title, startsAt: row.startsAt, endsAt: row.endsAt, status: row.status, slots: input.slots, careResidentId: row.careResidentId }),
        });
        return view(tx, actor, row.id);
      });
    },

    async update(actor: Actor, id: string, input: ActivityInput & { version: number }): Promise<ActivityView> {
      return db.transaction(async (tx) => {
        const before = await repo.findInScope(tx, actor, 'volunteer_activity.manage', id);
        if (!before) throw new AppError('not_found');
        if (before.a.status === 'cancelled') throw new AppError('invalid_transition', { from: 'cancelled', action: 'update' });
        await checkTeam(tx, actor, before.a.communityId, input.teamId);
        const { version, startsAt, endsAt, ...rest } = input;
        const start = startsAt ? new Date(startsAt) : before.a.startsAt;
        const end = endsAt ? new Date(endsAt) : before.a.endsAt;
        if (end <= start || end.getTime() - start.getTime() > 24 * 3_600_000) {
          throw new AppError('validation_failed', [{ field: 'body.endsAt', code: end <= start ? 'time_range' : 'activity_too_long', message: 'endsAt' }]);
        }
        const after = await updateVersioned(tx, volunteerActivity, {
          id,
          version,
          values: { ...rest, startsAt: start, endsAt: end },
          scope: scopeWhere(actor, 'volunteer_activity.manage', { community: volunteerActivity.communityId }),
        });
        await audit.record(tx, actor, {
          action: 'volunteer_activity.update',
          entity: 'volunteer_activity',
          entityId: id,
          communityId: after.communityId,
          changes: diffForAudit(before.a, after, { fields: ['title', 'description', 'category', 'theme', 'place', 'startsAt', 'endsAt', 'organizerAccountId', 'requiredSkills', 'minAge', 'maxAge', 'cancelCutoffMinutes', 'teamId'] }),
        });
        return view(tx, actor, id);
      });
    },

    async publish(actor: Actor, id: string, input: { version: number }): Promise<ActivityView> {
      return db.transaction(async (tx) => {
        const before = await repo.findInScope(tx, actor, 'volunteer_activity.manage', id);
        if (!before) throw new AppError('not_found');
        if (before.a.status !== 'draft') throw new AppError('invalid_transition', { from: before.a.status, action: 'publish' });
        await updateVersioned(tx, volunteerActivity, { id, version: input.version, values: { status: 'published', publishedAt: new Date() } });
        await audit.record(tx, actor, { action: 'volunteer_activity.publish', entity: 'volunteer_activity', entityId: id, communityId: before.a.communityId, changes: { status: { before: 'draft', after: 'published' } } });
        return view(tx, actor, id);
      });
    },

    /** Cancels the activity and every live signup; volunteers who were signed up are told. */
    async cancel(actor: Actor, id: string, input: { version: number }): Promise<ActivityView> {
      return db.transaction(async (tx) => {
        const before = await repo.findInScope(tx, actor, 'volunteer_activity.manage', id);
        if (!before) throw new AppError('not_found');
        if (before.a.status === 'cancelled') throw new AppError('invalid_transition', { from: 'cancelled', action: 'cancel' });
        await repo.lock(tx, id);
        await updateVersioned(tx, volunteerActivity, { id, version: input.version, values: { status: 'cancelled' } });
        const live = await signupsRepository.liveOfActivity(tx, id);
        const when = localTime(before.a.startsAt, before.timezone);
        for (const s of live) {
          await signupsRepository.update(tx, s.id, { status: 'cancelled', cancelledAt: new Date(), cancelledBy: actor.accountId });
          if (s.status === 'signed_up' && s.accountId) {
            await kit.notice(tx, s.accountId, 'activityCancelled', { title: before.a.title, when }, { communityId: before.a.communityId, link: `/m/volunteers/activities/${id}`, entity: 'volunteer_activity', entityId: id });
          }
        }
        await audit.record(tx, actor, { action: 'volunteer_activity.cancel', entity: 'volunteer_activity', entityId: id, communityId: before.a.communityId, changes: { status: { before: before.a.status, after: 'cancelled' }, signupsCancelled: live.length } });
        return view(tx, actor, id);
      });
    },

    /** Changes a slot's capacity; more room serves the waitlist in order, less than the signed-up count is refused. */
    async updateSlot(actor: Actor, id: string, slotId: string, input: { capacity: number }): Promise<ActivityView> {
      return db.transaction(async (tx) => {
        const before = await repo.findInScope(tx, actor, 'volunteer_activity.manage', id);
        if (!before) throw new AppError('not_found');
        await repo.lock(tx, id);
        const slot = (await repo.slots(tx, id)).find((s) => s.id === slotId);
        if (!slot) throw new AppError('not_found');
        if (input.capacity < slot.signedUp) throw new AppError('capacity_below_signed_up', { signedUp: slot.signedUp });
        await repo.setSlotCapacity(tx, slotId, input.capacity);
        for (let free = input.capacity - slot.signedUp; free > 0; free--) {
          if (!(await promoteWaitlisted(kit, tx, actor, before, slotId))) break;
        }
        await audit.record(tx, actor, { action: 'volunteer_activity.slot_capacity', entity: 'volunteer_activity', entityId: id, communityId: before.a.communityId, changes: { [`slot:${slot.role}`]: { before: slot.capacity, after: input.capacity } } });
        return view(tx, actor, id);
      });
    },

  };
}

export type ActivitiesService = ReturnType<typeof createActivitiesService>;
