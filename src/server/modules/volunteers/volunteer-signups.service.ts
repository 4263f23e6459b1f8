/**
 * Signing up for an activity, and cancelling. Every decision about places is taken while the
 * activity row is locked (`SELECT … FOR UPDATE`): the count of signed-up volunteers in the slot
 * decides signed_up or waitlisted, and `seq` (an identity column assigned under the lock) is the
 * arrival order in which the waitlist is served when someone cancels.
 */
import { z } from 'zod';
import type { Actor } from '../../platform/auth/actor';
import { can } from '../../platform/auth/actor';
import type { Tx } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import { decodeCursor, pageFrom } from '../../platform/pagination';
import { activitiesRepository, signupsRepository as repo, type ActivityRow } from './volunteer-activities.repository';
import { toSignupView } from './volunteer-activities.views';
import type { VolunteersKit } from './volunteers.kit';
import { localTime } from './volunteers.messages';
import { volunteersRepository } from './volunteers.repository';
import type { SignupView } from './volunteers.schemas';
import type { VolunteerRowRaw } from './volunteers.repository';
import { ageOn, dayIn } from './volunteers.views';

/** Moves the first waitlisted signup of a slot up (caller holds the activity lock) and tells the volunteer. */
export async function promoteWaitlisted(kit: VolunteersKit, tx: Tx, actor: Actor, activity: ActivityRow, slotId: string): Promise<boolean> {
  const next = await repo.firstWaitlisted(tx, slotId);
  if (!next) return false;
  await repo.update(tx, next.id, { status: 'signed_up', promotedAt: new Date() });
  await kit.ctx.audit.record(tx, actor, { action: 'volunteer_signup.promote', entity: 'volunteer_signup', entityId: next.id, communityId: next.communityId, changes: { status: { before: 'waitlisted', after: 'signed_up' } } });
  const accountId = await volunteersRepository.accountOf(tx, next.volunteerId);
  if (accountId) {
    await kit.notice(tx, accountId, 'promoted', { title: activity.a.title, when: localTime(activity.a.startsAt, activity.timezone) }, { communityId: activity.a.communityId, link: `/m/volunteers/activities/${activity.a.id}`, entity: 'volunteer_signup', entityId: next.id });
  }
  return true;
}

function unmetRequirements(activity: ActivityRow, v: VolunteerRowRaw) {
  const issues: Array<{ field: string; code: string; message: string; missing?: string[] }> = [];
  const missing = activity.a.requiredSkills.filter((s) => !v.skills.includes(s));
  if (missing.length) issues.push({ field: 'skills', code: 'missing_skills', message: missing.join(','), missing });
  const { minAge, maxAge } = activity.a;
  if (minAge !== null || maxAge !== null) {
    const age = ageOn(v.birthDate, dayIn(activity.a.startsAt, activity.timezone));
    if (age === null) issues.push({ field: 'age', code: 'age_unknown', message: 'age' });
    else if ((minAge !== null && age < minAge) || (maxAge !== null && age > maxAge)) issues.push({ field: 'age', code: 'age_out_of_range', message: String(age) });
  }
  return issues;
}

export function createSignupsService(kit: VolunteersKit) {
  const { ctx } = kit;
  const { db, audit } = ctx;

  return {
    async signUp(actor: Actor, activityId: string, input: { slotId?: string }) {
      return db.transaction(async (tx) => {
        const activity = await activitiesRepository.findVisible(tx, actor, 'volunteer.self', activityId);
        if (!activity) throw new AppError('not_found');
        const me = await volunteersRepository.approvedOfAccount(tx, actor.accountId!, activity.a.communityId);
        if (!me) throw new AppError('volunteer_not_approved');
        const locked = (await activitiesRepository.lock(tx, activityId))!;
        if (locked.status !== 'published' || locked.startsAt <= new Date()) throw new AppError('activity_not_open', { status: locked.status });
        const slots = await activitiesRepository.slots(tx, activityId);
        const slot = input.slotId ? slots.find((s) => s.id === input.slotId) : slots.length === 1 ? slots[0] : undefined;
        if (!slot) throw new AppError('validation_failed', [{ field: 'body.slotId', code: input.slotId ? 'not_found' : 'required', message: 'slotId' }]);
        if (await repo.live(tx, activityId, me.id)) throw new AppError('already_signed_up');
        const unmet = unmetRequirements(activity, me);
        if (unmet.length) throw new AppError('requirements_not_met', unmet);
        const overlaps = await repo.overlapping(tx, me.id, activityId, locked.startsAt, locked.endsAt);
        if (overlaps.length && kit.config.overlap === 'refuse') throw new AppError('signup_overlap', overlaps);
        const status: 'signed_up' | 'waitlisted' = slot.signedUp < slot.capacity ? 'signed_up' : 'waitlisted';
        const row = await repo.insert(tx, { communityId: locked.communityId, activityId, slotId: slot.id, volunteerId: me.id, status });
        const position = status === 'waitlisted' ? await repo.position(tx, slot.id, row.seq) : undefined;
        await audit.record(tx, actor, { action: 'volunteer_signup.create', entity: 'volunteer_signup', entityId: row.id, communityId: locked.communityId, changes: { activityId: { after: activityId }, slot: { after: slot.role }, status: { after: status }, position: { after: position } } });
        return { id: row.id, status, ...(position !== undefined ? { position } : {}), warnings: overlaps.map((o) => ({ code: 'overlap' as const, ...o })) };
      });
    },

    /**
     * The volunteer cancels until the activity's cutoff; organizers cancel any time before check-in.
     * A freed place goes to the first on the waitlist.
     */
    async cancel(actor: Actor, signupId: string): Promise<SignupView> {
      return db.transaction(async (tx) => {
        const asOrganizer = await repo.findInScope(tx, actor, 'volunteer_attendance.manage', signupId);
        const found = asOrganizer ?? (await repo.findInScope(tx, actor, 'volunteer.self', signupId));
        const mine = !asOrganizer && found && (await volunteersRepository.approvedOfAccount(tx, actor.accountId!, found.s.communityId))?.id === found.s.volunteerId;
        if (!found || (!asOrganizer && !mine)) throw new AppError('not_found');
        const activity = (await activitiesRepository.findInScope(tx, actor, ['volunteer_attendance.manage', 'volunteer.self'], found.s.activityId))!;
        await activitiesRepository.lock(tx, found.s.activityId);
        const current = (await repo.find(tx, signupId))!;
        if (current.s.status === 'cancelled' || current.s.checkedInAt) throw new AppError('invalid_transition', { from: current.s.status, action: 'cancel' });
        if (!asOrganizer && Date.now() > activity.a.startsAt.getTime() - activity.a.cancelCutoffMinutes * 60_000) {
          throw new AppError('cancel_cutoff_passed', { cutoffMinutes: activity.a.cancelCutoffMinutes });
        }
        await repo.update(tx, signupId, { status: 'cancelled', cancelledAt: new Date(), cancelledBy: actor.accountId });
        await audit.record(tx, actor, { action: 'volunteer_signup.cancel', entity: 'volunteer_signup', entityId: signupId, communityId: current.s.communityId, changes: { status: { before: current.s.status, after: 'cancelled' } } });
        if (current.s.status === 'signed_up') await promoteWaitlisted(kit, tx, actor, activity, current.s.slotId);
        return toSignupView((await repo.find(tx, signupId))!);
      });
    },

    /** The organizer's list of an activity's signups, in arrival order. */
    async ofActivity(actor: Actor, activityId: string, q: { status?: string; cursor?: string; limit: number }) {
      const activity = await activitiesRepository.findInScope(db, actor, 'volunteer_attendance.manage', activityId);
      if (!activity) throw new AppError('not_found');
      const after = decodeCursor(q.cursor, z.tuple([z.number().int()]));
      const found = await repo.ofActivity(db, activityId, { status: q.status, afterSeq: after?.[0], limit: q.limit });
      return pageFrom(found, q.limit, (r) => [r.s.seq], toSignupView);
    },

    async mine(actor: Actor, q: { when: 'upcoming' | 'past'; cursor?: string; limit: number }) {
      if (!can(actor, 'volunteer.self')) throw new AppError('forbidden');
      const after = decodeCursor(q.cursor, z.tuple([z.string(), z.string()]));
      const found = await repo.ofAccount(db, actor, { when: q.when, after: after ?? undefined, limit: q.limit });
      return pageFrom(found, q.limit, (r) => [r.startsAt.toISOString(), r.s.id], toSignupView);
    },
  };
}

export type SignupsService = ReturnType<typeof createSignupsService>;
