import { z } from 'zod';
import { pageOf, pageQuery, Uuid } from '../../../contracts/common';
import { communityField, periodQuery, text, Timestamp } from './party-common.schemas';

export const LectureMaterial = z.strictObject({
  kind: z.enum(['text', 'link', 'file']),
  title: text(100),
  content: z.string().trim().min(1).max(20_000),
});

export const CheckInView = z.object({
  id: z.string(),
  lectureId: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  checkedInAt: z.date(),
  late: z.boolean(),
  /** Staff who recorded it for the member (with the reason), or null when the member tapped. */
  recordedBy: z.string().nullable(),
  reason: z.string().nullable(),
});
export type CheckInView = z.infer<typeof CheckInView>;

export const MicroLectureView = z.object({
  id: z.string(),
  communityId: z.string(),
  issueNo: z.number().int(),
  title: z.string(),
  lecturerMemberId: z.string().nullable(),
  lecturerName: z.string().nullable(),
  scheduledAt: z.date(),
  checkinOpensAt: z.date(),
  checkinClosesAt: z.date(),
  materials: z.array(z.object({ kind: z.enum(['text', 'link', 'file']), title: z.string(), content: z.string() })),
  status: z.enum(['scheduled', 'cancelled']),
  /** upcoming → open (check-in window) → closed. */
  window: z.enum(['upcoming', 'open', 'closed']),
  checkIns: z.number().int(),
  lateCount: z.number().int(),
  version: z.number().int(),
});
export type MicroLectureView = z.infer<typeof MicroLectureView>;

export const MicroLectureDetail = MicroLectureView.extend({ checkInList: z.array(CheckInView), eligible: z.number().int() });

export const MyLectureView = MicroLectureView.extend({ myCheckIn: CheckInView.nullable() });
export type MyLectureView = z.infer<typeof MyLectureView>;

export const CreateMicroLectureBody = z.strictObject({
  ...communityField,
  title: text(200),
  lecturerMemberId: Uuid.nullable().optional(),
  /** Default: the community's next weekly slot (Thursday 20:00 unless configured otherwise). */
  scheduledAt: Timestamp.optional(),
  materials: z.array(LectureMaterial).max(20).optional(),
});

export const UpdateMicroLectureBody = z.strictObject({
  version: z.number().int().min(1),
  title: text(200).optional(),
  lecturerMemberId: Uuid.nullable().optional(),
  scheduledAt: Timestamp.optional(),
  materials: z.array(LectureMaterial).max(20).optional(),
  status: z.enum(['scheduled', 'cancelled']).optional(),
});

export const MicroLectureListQuery = z.strictObject({ ...communityField, ...pageQuery, ...periodQuery });
export const MicroLecturePage = pageOf(MicroLectureView);

/** Empty for a member's own tap; staff recording a missed check-in name the member and a reason. */
export const CheckInBody = z
  .strictObject({ memberId: Uuid.optional(), reason: text(200).optional() })
  .refine((b) => !b.memberId || !!b.reason, { message: 'required', path: ['reason'] });

export const LectureStatsQuery = z.strictObject({ ...communityField, ...periodQuery, orgId: Uuid.optional() });

export const LectureStats = z.object({
  communityId: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  /** Lectures held (scheduled, not cancelled, started) in the period. */
  lectures: z.number().int(),
  /** Members on the roster now. */
  members: z.number().int(),
  checkIns: z.number().int(),
  /** Check-ins / (lectures × members on the roster at each lecture). */
  attendanceRate: z.number(),
  lecturedMembers: z.number().int(),
  /** Share of current members who have given at least one lecture in the period. */
  lecturedShare: z.number(),
  /** Lectures whose own attendance reached 90 %. */
  lecturesAtLeast90: z.number().int(),
  perMember: z.array(
    z.object({ memberId: z.string(), name: z.string(), orgName: z.string(), eligible: z.number().int(), attended: z.number().int(), late: z.number().int(), rate: z.number(), lectured: z.number().int() }),
  ),
  perLecture: z.array(
    z.object({ lectureId: z.string(), issueNo: z.number().int(), title: z.string(), scheduledAt: z.date(), eligible: z.number().int(), attended: z.number().int(), late: z.number().int(), rate: z.number() }),
  ),
});
export type LectureStats = z.infer<typeof LectureStats>;

export const AttendanceQuery = z.strictObject({ ...communityField, ...periodQuery, orgId: Uuid.optional() });

/** Member × lecture matrix for the heat map; cells list attendance only (1 on time, 2 late). */
export const AttendanceMatrix = z.object({
  lectures: z.array(z.object({ id: z.string(), issueNo: z.number().int(), scheduledAt: z.date() })),
  members: z.array(z.object({ id: z.string(), name: z.string(), orgName: z.string(), enrolledAt: z.date() })),
  cells: z.array(z.tuple([z.number().int(), z.number().int(), z.number().int()])),
});
export type AttendanceMatrix = z.infer<typeof AttendanceMatrix>;

export const RotationQuery = z.strictObject({ ...communityField, count: z.coerce.number().int().min(1).max(52).default(8) });
export const RotationView = z.object({
  slots: z.array(
    z.object({
      scheduledAt: z.date(),
      member: z.object({ id: z.string(), name: z.string(), orgName: z.string(), lecturesGiven: z.number().int(), lastLecturedAt: z.date().nullable() }),
    }),
  ),
});
export type RotationView = z.infer<typeof RotationView>;

export const PointRule = z.strictObject({ source: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/), pointsPerUnit: z.number().min(0).max(1000) });

export const PartySettingsView = z.object({
  communityId: z.string(),
  timezone: z.string(),
  lectureWeekday: z.number().int(),
  lectureTime: z.string(),
  checkinOpensMinutes: z.number().int(),
  checkinClosesMinutes: z.number().int(),
  reminderMinutes: z.number().int(),
  pointRules: z.array(z.object({ source: z.string(), pointsPerUnit: z.number(), configured: z.boolean() })),
  version: z.number().int(),
});
export type PartySettingsView = z.infer<typeof PartySettingsView>;
export const PartySettingsQuery = z.strictObject({ ...communityField });

export const UpdatePartySettingsBody = z.strictObject({
  ...communityField,
  version: z.number().int().min(1),
  lectureWeekday: z.number().int().min(1).max(7).optional(),
  lectureTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'clock_time_format' }).optional(),
  checkinOpensMinutes: z.number().int().min(0).max(240).optional(),
  checkinClosesMinutes: z.number().int().min(1).max(240).optional(),
  reminderMinutes: z.number().int().min(5).max(2880).optional(),
  pointRules: z.array(PointRule).max(30).optional(),
});
