/** Activity and signup rows → API views. */
import { maskName } from '../../platform/crypto';
import { hoursOf } from './volunteers.config';
import { parseJson } from './volunteers.repository';
import type { ActivityRow, SignupRow, SlotCounts } from './volunteer-activities.repository';
import type { ActivityView, SignupView } from './volunteers.schemas';

export function toSignupView(r: SignupRow): SignupView {
  const s = r.s;
  return {
    id: s.id,
    activityId: s.activityId,
    activityTitle: r.activityTitle,
    startsAt: r.startsAt,
    endsAt: r.endsAt,
    place: r.place,
    slotId: s.slotId,
    slotRole: r.slotRole,
    volunteerId: s.volunteerId,
    volunteerName: r.volunteerName,
    status: s.status,
    position: s.status === 'waitlisted' ? r.position : null,
    checkedInAt: s.checkedInAt,
    checkInMethod: s.checkInMethod,
    checkedOutAt: s.checkedOutAt,
    checkOutMethod: s.checkOutMethod,
    recordedHours: s.recordedMinutes === null ? null : hoursOf(s.recordedMinutes),
    hoursStatus: s.hoursStatus,
    confirmedHours: s.confirmedMinutes === null ? null : hoursOf(s.confirmedMinutes),
    correctionReason: s.correctionReason,
    createdAt: s.createdAt,
    version: s.version,
  };
}

export function toActivityView(r: ActivityRow, mySignup: SignupRow | undefined): ActivityView {
  const a = r.a;
  const slots = parseJson<SlotCounts[]>(r.slots).map((s) => ({ ...s, capacity: Number(s.capacity), signedUp: Number(s.signedUp), waitlisted: Number(s.waitlisted) }));
  return {
    id: a.id,
    communityId: a.communityId,
    communityName: r.communityName,
    teamId: a.teamId,
    teamName: r.teamName,
    title: a.title,
    description: a.description,
    category: a.category,
    theme: a.theme,
    place: a.place,
    startsAt: a.startsAt,
    endsAt: a.endsAt,
    organizerAccountId: a.organizerAccountId,
    organizerName: r.organizerName,
    requiredSkills: a.requiredSkills,
    minAge: a.minAge,
    maxAge: a.maxAge,
    cancelCutoffMinutes: a.cancelCutoffMinutes,
    careResidentId: a.careResidentId,
    careResidentName: maskName(r.careResidentName),
    careKind: a.careKind,
    status: a.status,
    slots,
    capacity: slots.reduce((n, s) => n + s.capacity, 0),
    signedUp: slots.reduce((n, s) => n + s.signedUp, 0),
    waitlisted: slots.reduce((n, s) => n + s.waitlisted, 0),
    confirmedHours: hoursOf(r.minutes),
    awaitingConfirmation: r.awaiting,
    mySignup: mySignup ? toSignupView(mySignup) : null,
    version: a.version,
  };
}
