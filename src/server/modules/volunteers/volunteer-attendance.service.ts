/**
 * Attendance and service hours. A volunteer checks in and out by scanning the organizer's rotating
 * code (or typing its 6 digits); the organizer can also check people in and out from the list.
 * Recorded hours are the time between, capped by the activity's length; they count only once the
 * organizer confirms them (a different value needs a reason, and the audit keeps both). Confirming
 * feeds party points and, for a care activity, one service visit of the resident served.
 */
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor';
import type { Tx } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import { activitiesRepository, signupsRepository as repo, type ActivityRow, type SignupRow } from './volunteer-activities.repository';
import { toSignupView } from './volunteer-activities.views';
import { hoursOf, starLevelOf } from './volunteers.config';
import type { VolunteersKit } from './volunteers.kit';
import type { QrPurpose, QrVerdict } from './volunteers.qr';
import { QR_VALID_SECONDS } from './volunteers.qr';
import { volunteersRepository } from './volunteers.repository';
import type { SignupView } from './volunteers.schemas';
import { volunteerSignup } from './volunteers.tables';

/** Check-in opens this long before the start; check-out stays open this long after the end. */
const CHECK_IN_EARLY_MS = 60 * 60_000;
const CHECK_OUT_LATE_MS = 24 * 3_600_000;

const verdictError: Record<Exclude<QrVerdict, 'ok'>, () => AppError> = {
  invalid: () => new AppError('qr_code_invalid'),
  wrong_purpose: () => new AppError('qr_code_invalid', { reason: 'wrong_purpose' }),
  expired: () => new AppError('qr_code_expired'),
  other_activity: () => new AppError('qr_code_other_activity'),
};

const lengthMinutes = (a: ActivityRow['a']) => Math.round((a.endsAt.getTime() - a.startsAt.getTime()) / 60_000);

export function createAttendanceService(kit: VolunteersKit) {
  const { ctx, deps } = kit;
  const { db, audit } = ctx;

  async function checkIn(tx: Tx, actor: Actor, activity: ActivityRow, signup: SignupRow, at: Date, method: 'qr' | 'code' | 'organizer') {
    if (signup.s.status !== 'signed_up') throw new AppError('not_signed_up', { status: signup.s.status });
    if (signup.s.checkedInAt) throw new AppError('already_checked_in');
    const { startsAt, endsAt } = activity.a;
    if (activity.a.status !== 'published' || at.getTime() < startsAt.getTime() - CHECK_IN_EARLY_MS || at > endsAt) throw new AppError('activity_not_open');
    const updated = await repo.update(tx, signup.s.id, { checkedInAt: at, checkInMethod: method }, sql`${volunteerSignup.checkedInAt} IS NULL`);
    if (!updated) throw new AppError('already_checked_in');
    await audit.record(tx, actor, { action: 'volunteer_signup.check_in', entity: 'volunteer_signup', entityId: signup.s.id, communityId: signup.s.communityId, changes: { checkedInAt: { after: at }, method: { after: method } } });
    return toSignupView((await repo.find(tx, signup.s.id))!);
  }

  async function checkOut(tx: Tx, actor: Actor, activity: ActivityRow, signup: SignupRow, at: Date, method: 'qr' | 'code' | 'organizer') {
    const inAt = signup.s.checkedInAt;
    if (!inAt) throw new AppError('not_checked_in');
    if (signup.s.checkedOutAt) throw new AppError('already_checked_out');
    if (at < inAt) throw new AppError('validation_failed', [{ field: 'body.at', code: 'check_out_before_check_in', message: 'at' }]);
    if (at.getTime() > activity.a.endsAt.getTime() + CHECK_OUT_LATE_MS) throw new AppError('activity_not_open');
    const minutes = Math.min(Math.floor((at.getTime() - inAt.getTime()) / 60_000), lengthMinutes(activity.a));
    const updated = await repo.update(tx, signup.s.id, { checkedOutAt: at, checkOutMethod: method, recordedMinutes: minutes, hoursStatus: 'recorded' }, sql`${volunteerSignup.checkedOutAt} IS NULL`);
    if (!updated) throw new AppError('already_checked_out');
    await audit.record(tx, actor, { action: 'volunteer_signup.check_out', entity: 'volunteer_signup', entityId: signup.s.id, communityId: signup.s.communityId, changes: { checkedOutAt: { after: at }, recordedHours: { after: hoursOf(minutes) }, method: { after: method } } });
    return toSignupView((await repo.find(tx, signup.s.id))!);
  }

  /** The volunteer's own scan: the code must be this activity's, fresh, and for this purpose. */
  function byCode(purpose: QrPurpose) {
    return (actor: Actor, activityId: string, input: { code: string }): Promise<SignupView> =>
      db.transaction(async (tx) => {
        const activity = await activitiesRepository.findVisible(tx, actor, 'volunteer.self', activityId);
        if (!activity) throw new AppError('not_found');
        const verdict = kit.signer.verify(activityId, purpose, input.code);
        if (verdict !== 'ok') throw verdictError[verdict]();
        const me = await volunteersRepository.approvedOfAccount(tx, actor.accountId!, activity.a.communityId);
        const signup = me && (await repo.live(tx, activityId, me.id));
        if (!signup) throw new AppError('not_signed_up');
        const method = /^\d{6}$/.test(input.code.trim()) ? 'code' : 'qr';
        return purpose === 'check_in' ? checkIn(tx, actor, activity, signup, new Date(), method) : checkOut(tx, actor, activity, signup, new Date(), method);
      });
  }

  /** The organizer marks someone from the list, now or at a stated time (not in the future). */
  function byOrganizer(purpose: QrPurpose) {
    return (actor: Actor, signupId: string, input: { at?: string }): Promise<SignupView> =>
      db.transaction(async (tx) => {
        const signup = await repo.findInScope(tx, actor, 'volunteer_attendance.manage', signupId);
        if (!signup) throw new AppError('not_found');
        const at = input.at ? new Date(input.at) : new Date();
        if (at.getTime() > Date.now() + 60_000) throw new AppError('validation_failed', [{ field: 'body.at', code: 'time_in_future', message: 'at' }]);
        const activity = (await activitiesRepository.findInScope(tx, actor, 'volunteer_attendance.manage', signup.s.activityId))!;
        return purpose === 'check_in' ? checkIn(tx, actor, activity, signup, at, 'organizer') : checkOut(tx, actor, activity, signup, at, 'organizer');
      });
  }

  /** Confirms one signup's hours inside the caller's transaction. */
  async function confirm(tx: Tx, actor: Actor, signup: SignupRow, activity: ActivityRow, input: { hours?: number; reason?: string }): Promise<void> {
    if (signup.s.status !== 'signed_up') throw new AppError('not_signed_up', { status: signup.s.status });
    if (signup.s.hoursStatus === 'confirmed') throw new AppError('hours_already_confirmed');
    if (activity.a.startsAt > new Date()) throw new AppError('activity_not_open');
    const minutes = input.hours !== undefined ? Math.round(input.hours * 60) : signup.s.recordedMinutes;
    if (minutes === null) throw new AppError('not_checked_out');
    const corrected = minutes !== signup.s.recordedMinutes;
    if (corrected && !input.reason) throw new AppError('validation_failed', [{ field: 'body.reason', code: 'correction_reason_required', message: 'reason' }]);
    // The volunteer's row lock orders concurrent confirmations, so each sees the other's hours for the star level.
    await volunteersRepository.lock(tx, signup.s.volunteerId);
    const before = await volunteersRepository.confirmedMinutes(tx, signup.s.volunteerId);
    const updated = await repo.update(
      tx,
      signup.s.id,
      { confirmedMinutes: minutes, hoursStatus: 'confirmed', confirmedAt: new Date(), confirmedBy: actor.accountId, correctionReason: corrected ? input.reason! : null },
      sql`${volunteerSignup.hoursStatus} <> 'confirmed'`,
    );
    if (!updated) throw new AppError('hours_already_confirmed');
    await audit.record(tx, actor, {
      action: corrected ? 'volunteer_hours.correct' : 'volunteer_hours.confirm',
      entity: 'volunteer_signup',
      entityId: signup.s.id,
      communityId: signup.s.communityId,
      changes: { recordedHours: { after: signup.s.recordedMinutes === null ? null : hoursOf(signup.s.recordedMinutes) }, confirmedHours: { after: hoursOf(minutes) } },
      reason: corrected ? input.reason! : null,
    });
    await afterConfirmation(tx, signup, activity, before, minutes);
  }

  /** Stars, party points and the care visit that confirmed hours bring. */
  async function afterConfirmation(tx: Tx, signup: SignupRow, activity: ActivityRow, beforeMinutes: number, minutes: number) {
    const v = (await volunteersRepository.findRaw(tx, signup.s.volunteerId))!;
    const [from, to] = [starLevelOf(beforeMinutes, kit.config.starHours), starLevelOf(beforeMinutes + minutes, kit.config.starHours)];
    if (from !== to && v.accountId) {
      await kit.notice(tx, v.accountId, 'starLevel', { level: to, hours: hoursOf(beforeMinutes + minutes) }, { communityId: v.communityId, link: '/m/volunteers/me', entity: 'volunteer', entityId: v.id });
    }
    if (v.residentId && minutes > 0 && deps.party) {
      await deps.party.recordPoints(tx, { communityId: v.communityId, residentId: v.residentId, source: 'volunteer_hours', sourceId: signup.s.id, quantity: hoursOf(minutes), occurredAt: activity.a.startsAt });
    }
    if (activity.a.careKind && minutes > 0) {
      await deps.serviceVisits.record(tx, { communityId: activity.a.communityId, residentId: activity.a.careResidentId, source: 'volunteer_care', sourceId: activity.a.id, occurredAt: activity.a.startsAt, theme: activity.a.theme });
    }
  }

  return {
    /** The rotating code the organizer's phone shows (valid 60 s; the page fetches a new one before then). */
    async code(actor: Actor, activityId: string, purpose: QrPurpose) {
      const activity = await activitiesRepository.findInScope(db, actor, 'volunteer_attendance.manage', activityId);
      if (!activity) throw new AppError('not_found');
      if (activity.a.status !== 'published') throw new AppError('activity_not_open');
      return { activityId, purpose, ...kit.signer.issue(activityId, purpose), validSeconds: QR_VALID_SECONDS };
    },

    checkInByCode: byCode('check_in'),
    checkOutByCode: byCode('check_out'),
    checkInByOrganizer: byOrganizer('check_in'),
    checkOutByOrganizer: byOrganizer('check_out'),

    async confirmHours(actor: Actor, signupId: string, input: { hours?: number; reason?: string }): Promise<SignupView> {
      return db.transaction(async (tx) => {
        const signup = await repo.findInScope(tx, actor, 'volunteer_attendance.manage', signupId);
        if (!signup) throw new AppError('not_found');
        const activity = (await activitiesRepository.findInScope(tx, actor, 'volunteer_attendance.manage', signup.s.activityId))!;
        await confirm(tx, actor, signup, activity, input);
        return toSignupView((await repo.find(tx, signupId))!);
      });
    },

    /** Confirms every recorded (checked-out, unconfirmed) signup of an activity as recorded. */
    async confirmAll(actor: Actor, activityId: string): Promise<{ confirmed: number; skipped: number }> {
      return db.transaction(async (tx) => {
        const activity = await activitiesRepository.findInScope(tx, actor, 'volunteer_attendance.manage', activityId);
        if (!activity) throw new AppError('not_found');
        let confirmed = 0;
        let skipped = 0;
        for (let afterSeq: number | undefined; ; ) {
          const batch = await repo.ofActivity(tx, activityId, { status: 'signed_up', afterSeq, limit: 200 });
          for (const s of batch.slice(0, 200)) {
            if (s.s.hoursStatus === 'recorded') {
              await confirm(tx, actor, s, activity, {});
              confirmed++;
            } else if (s.s.hoursStatus === 'none') skipped++;
          }
          if (batch.length <= 200) break;
          afterSeq = batch[199]!.s.seq;
        }
        return { confirmed, skipped };
      });
    },
  };
}

export type AttendanceService = ReturnType<typeof createAttendanceService>;
