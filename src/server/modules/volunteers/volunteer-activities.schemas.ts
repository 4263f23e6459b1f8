/** Shapes of activities, signups, attendance, service hours, rankings and certificates. */
import { z } from 'zod';
import { MAX_PAGE_SIZE, pageQuery, Uuid } from '../../../contracts/common';
import { activityCategories, activityStatuses, attendanceMethods, careKinds, hoursStatuses, signupStatuses, themeColors, volunteerSkills } from './volunteer-values.schemas';

export const ActivityCategory = z.enum(activityCategories);
export const ThemeColor = z.enum(themeColors);
export const CareKind = z.enum(careKinds);
export const ActivityStatus = z.enum(activityStatuses);
export const SignupStatus = z.enum(signupStatuses);
export const HoursStatus = z.enum(hoursStatuses);

const datetime = z.iso.datetime({ offset: true });
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const SlotView = z.object({ id: z.string(), role: z.string(), capacity: z.number().int(), signedUp: z.number().int(), waitlisted: z.number().int() });

export const SignupView = z.object({
  id: z.string(),
  activityId: z.string(),
  activityTitle: z.string(),
  startsAt: z.date(),
  endsAt: z.date(),
  place: z.string(),
  slotId: z.string(),
  slotRole: z.string(),
  volunteerId: z.string(),
  volunteerName: z.string(),
  status: SignupStatus,
  /** 1-based place in the waitlist of the slot, while waitlisted. */
  position: z.number().int().nullable(),
  checkedInAt: z.date().nullable(),
  checkInMethod: z.enum(attendanceMethods).nullable(),
  checkedOutAt: z.date().nullable(),
  checkOutMethod: z.enum(attendanceMethods).nullable(),
  recordedHours: z.number().nullable(),
  hoursStatus: HoursStatus,
  confirmedHours: z.number().nullable(),
  correctionReason: z.string().nullable(),
  createdAt: z.date(),
  version: z.number().int(),
});
export type SignupView = z.infer<typeof SignupView>;

export const ActivityView = z.object({
  id: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
  title: z.string(),
  description: z.string().nullable(),
  category: ActivityCategory,
  theme: ThemeColor.nullable(),
  place: z.string(),
  startsAt: z.date(),
  endsAt: z.date(),
  organizerAccountId: z.string().nullable(),
  organizerName: z.string().nullable(),
  requiredSkills: z.array(z.string()),
  minAge: z.number().int().nullable(),
  maxAge: z.number().int().nullable(),
  cancelCutoffMinutes: z.number().int(),
  careResidentId: z.string().nullable(),
  /** Masked name of the resident served by a care activity. */
  careResidentName: z.string().nullable(),
  careKind: CareKind.nullable(),
  status: ActivityStatus,
  slots: z.array(SlotView),
  capacity: z.number().int(),
  signedUp: z.number().int(),
  waitlisted: z.number().int(),
  confirmedHours: z.number(),
  /** Signups checked out whose hours the organizer has not confirmed yet. */
  awaitingConfirmation: z.number().int(),
  /** The caller's own live signup, when they are a volunteer of the community. */
  mySignup: SignupView.nullable(),
  version: z.number().int(),
});
export type ActivityView = z.infer<typeof ActivityView>;

export const ActivityListQuery = z.strictObject({
  ...pageQuery,
  communityId: Uuid.optional(),
  teamId: Uuid.optional(),
  status: ActivityStatus.optional(),
  category: ActivityCategory.optional(),
  /** Activities starting on or after this day / before the end of this day (community zone). */
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  q: z.string().trim().max(50).optional(),
  /** Only activities with hours waiting for confirmation. */
  awaiting: z.enum(['true', 'false']).optional(),
});

const SlotInput = z.strictObject({ role: z.string().trim().min(1).max(30), capacity: z.number().int().min(1).max(10_000) });

const activityFields = {
  teamId: Uuid.nullable().optional(),
  title: z.string().trim().min(1).max(100),
  description: optionalText(2000),
  category: ActivityCategory,
  theme: ThemeColor.nullable().optional(),
  place: z.string().trim().min(1).max(200),
  startsAt: datetime,
  endsAt: datetime,
  organizerAccountId: Uuid.nullable().optional(),
  requiredSkills: z.array(z.enum(volunteerSkills)).max(10).default([]),
  minAge: z.number().int().min(0).max(120).nullable().optional(),
  maxAge: z.number().int().min(0).max(120).nullable().optional(),
  cancelCutoffMinutes: z.number().int().min(0).max(7 * 24 * 60).optional(),
  careResidentId: Uuid.nullable().optional(),
  careKind: CareKind.nullable().optional(),
};

const timeRange = (b: { startsAt?: string; endsAt?: string }) => !b.startsAt || !b.endsAt || Date.parse(b.endsAt) > Date.parse(b.startsAt);
const atMostADay = (b: { startsAt?: string; endsAt?: string }) => !b.startsAt || !b.endsAt || Date.parse(b.endsAt) - Date.parse(b.startsAt) <= 24 * 3_600_000;
const ages = (b: { minAge?: number | null; maxAge?: number | null }) => b.minAge == null || b.maxAge == null || b.minAge <= b.maxAge;

export const CreateActivityBody = z
  .strictObject({
    communityId: Uuid,
    ...activityFields,
    slots: z.array(SlotInput).min(1).max(20),
    publish: z.boolean().default(false),
  })
  .refine(timeRange, { message: 'time_range', path: ['endsAt'] })
  .refine(atMostADay, { message: 'activity_too_long', path: ['endsAt'] })
  .refine(ages, { message: 'age_range', path: ['maxAge'] })
  .refine((b) => new Set(b.slots.map((s) => s.role)).size === b.slots.length, { message: 'slot_role_duplicate', path: ['slots'] })
  .refine((b) => !b.careKind || b.careResidentId, { message: 'required', path: ['careResidentId'] });

export const UpdateActivityBody = z
  .strictObject({
    version: z.number().int().min(1),
    teamId: activityFields.teamId,
    title: activityFields.title.optional(),
    description: activityFields.description,
    category: activityFields.category.optional(),
    theme: activityFields.theme,
    place: activityFields.place.optional(),
    startsAt: datetime.optional(),
    endsAt: datetime.optional(),
    organizerAccountId: activityFields.organizerAccountId,
    requiredSkills: z.array(z.enum(volunteerSkills)).max(10).optional(),
    minAge: activityFields.minAge,
    maxAge: activityFields.maxAge,
    cancelCutoffMinutes: activityFields.cancelCutoffMinutes,
  })
  .refine(timeRange, { message: 'time_range', path: ['endsAt'] })
  .refine(atMostADay, { message: 'activity_too_long', path: ['endsAt'] })
  .refine(ages, { message: 'age_range', path: ['maxAge'] });

export const ActivityActionBody = z.strictObject({ version: z.number().int().min(1) });

export const UpdateSlotBody = z.strictObject({ capacity: z.number().int().min(1).max(10_000) });
export const SlotParams = z.strictObject({ id: Uuid, slotId: Uuid });

// ---- signups and attendance -------------------------------------------------------------------

export const CreateSignupBody = z.strictObject({ slotId: Uuid.optional() });

export const SignupWarning = z.object({ code: z.literal('overlap'), activityId: z.string(), title: z.string(), startsAt: z.date() });

export const SignupResult = z.object({
  id: z.string(),
  status: z.enum(['signed_up', 'waitlisted']),
  position: z.number().int().optional(),
  warnings: z.array(SignupWarning),
});

export const SignupListQuery = z.strictObject({ ...pageQuery, status: SignupStatus.optional() });
export const MySignupListQuery = z.strictObject({ ...pageQuery, when: z.enum(['upcoming', 'past']).default('upcoming') });

export const QrQuery = z.strictObject({ purpose: z.enum(['check_in', 'check_out']) });
export const QrView = z.object({
  activityId: z.string(),
  purpose: z.enum(['check_in', 'check_out']),
  token: z.string(),
  shortCode: z.string(),
  issuedAt: z.date(),
  expiresAt: z.date(),
  validSeconds: z.number().int(),
});

export const ScanBody = z.strictObject({ code: z.string().trim().min(1).max(200) });
export const OrganizerAttendanceBody = z.strictObject({ at: datetime.optional() });

/** Hours the organizer confirms; giving a value other than the recorded one needs a reason. */
export const ConfirmHoursBody = z.strictObject({
  hours: z.number().min(0, { message: 'hours_range' }).max(24, { message: 'hours_range' }).optional(),
  reason: z.string().trim().min(1).max(200).optional(),
});
export const ConfirmAllResult = z.object({ confirmed: z.number().int(), skipped: z.number().int() });

// ---- hours, rankings, stats -------------------------------------------------------------------

export const RankingQuery = z.strictObject({
  communityId: Uuid.optional(),
  by: z.enum(['volunteer', 'team']).default('volunteer'),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  limit: z.coerce.number().int().min(1).max(Math.min(100, MAX_PAGE_SIZE)).default(20),
});
export const RankingItem = z.object({
  rank: z.number().int(),
  id: z.string(),
  name: z.string(),
  communityName: z.string(),
  hours: z.number(),
  participations: z.number().int(),
  starLevel: z.number().int().nullable(),
  memberCount: z.number().int().nullable(),
});

export const StatsQuery = z.strictObject({ communityId: Uuid.optional(), from: z.iso.date().optional(), to: z.iso.date().optional() });
export const VolunteerStats = z.object({
  volunteers: z.number().int(),
  approved: z.number().int(),
  pending: z.number().int(),
  teams: z.number().int(),
  activities: z.number().int(),
  participations: z.number().int(),
  confirmedHours: z.number(),
  careServices: z.number().int(),
  byMonth: z.array(z.object({ month: z.string(), hours: z.number(), participations: z.number().int() })),
  byStarLevel: z.array(z.object({ level: z.number().int(), volunteers: z.number().int() })),
  starThresholds: z.array(z.number()),
});

// ---- certificates -----------------------------------------------------------------------------

export const CertificateView = z.object({
  id: z.string(),
  code: z.string(),
  volunteerId: z.string(),
  maskedName: z.string(),
  hours: z.number(),
  activityCount: z.number().int(),
  starLevel: z.number().int(),
  communityName: z.string(),
  issuedAt: z.date(),
});
export const PublicCertificateView = z.object({
  code: z.string(),
  maskedName: z.string(),
  hours: z.number(),
  activityCount: z.number().int(),
  starLevel: z.number().int(),
  communityName: z.string(),
  issuedAt: z.date(),
});
export const CertificateParams = z.strictObject({ id: Uuid, certificateId: Uuid });
export const CertificateCodeParams = z.strictObject({ code: z.string().trim().min(4).max(40) });
