import { z } from 'zod';
import { pageQuery, Uuid } from '../../../contracts/common';
import { ClockTime, ForResident, Instant, IsoDate, optionalText, ResidentTagList, Theme, Weekdays } from './common.schemas';

export const CourseKind = z.enum(['senior_college', 'after_school']);
export const EnrollmentStatus = z.enum(['enrolled', 'waitlisted', 'cancelled']);
export const EnrollmentState = z.enum(['not_open', 'open', 'closed']);

export const MyEnrollment = z.object({ id: z.string(), status: EnrollmentStatus, position: z.number().int().nullable() });

export const CourseView = z.object({
  id: z.string(),
  communityId: z.string(),
  centerId: z.string(),
  centerName: z.string(),
  venueId: z.string().nullable(),
  venueName: z.string().nullable(),
  kind: CourseKind,
  name: z.string(),
  description: z.string().nullable(),
  teacherName: z.string().nullable(),
  term: z.string(),
  theme: Theme.nullable(),
  capacity: z.number().int(),
  feeFen: z.number().int(),
  minAge: z.number().int().nullable(),
  maxAge: z.number().int().nullable(),
  requiredTags: z.array(z.string()),
  enrollmentOpensAt: z.date(),
  enrollmentClosesAt: z.date().nullable(),
  enrollmentState: EnrollmentState,
  startsOn: z.string(),
  endsOn: z.string(),
  weekdays: z.array(z.number().int()),
  startTime: z.string(),
  endTime: z.string(),
  status: z.enum(['active', 'cancelled']),
  enrolledCount: z.number().int(),
  waitlistCount: z.number().int(),
  sessionCount: z.number().int(),
  /** The caller's own enrollment (resident app), if any. */
  mine: MyEnrollment.nullable(),
  version: z.number().int(),
});
export type CourseView = z.infer<typeof CourseView>;

export const CourseListQuery = z.strictObject({
  ...pageQuery,
  centerId: Uuid.optional(),
  kind: CourseKind.optional(),
  term: z.string().trim().max(30).optional(),
  q: z.string().trim().max(50).optional(),
  status: z.enum(['active', 'cancelled']).optional(),
});

const courseRules = {
  name: z.string().trim().min(1).max(50),
  description: optionalText(1000),
  teacherName: optionalText(50),
  theme: Theme.nullable().optional(),
  capacity: z.number().int().min(1).max(5000),
  /** 0 for the free (公益) courses; never negative. */
  feeFen: z.number().int().min(0).max(10_000_000),
  minAge: z.number().int().min(0).max(120).nullable().optional(),
  maxAge: z.number().int().min(0).max(120).nullable().optional(),
  requiredTags: ResidentTagList.optional(),
  enrollmentOpensAt: Instant,
  enrollmentClosesAt: Instant.nullable().optional(),
};

const agesInOrder = (b: { minAge?: number | null; maxAge?: number | null }) => b.minAge == null || b.maxAge == null || b.minAge <= b.maxAge;
const windowInOrder = (b: { enrollmentOpensAt?: string; enrollmentClosesAt?: string | null }) =>
  !b.enrollmentOpensAt || !b.enrollmentClosesAt || Date.parse(b.enrollmentClosesAt) > Date.parse(b.enrollmentOpensAt);

export const CreateCourseBody = z
  .strictObject({
    centerId: Uuid,
    venueId: Uuid.nullable().optional(),
    kind: CourseKind,
    term: z.string().trim().min(1).max(30),
    ...courseRules,
    feeFen: courseRules.feeFen.default(0),
    startsOn: IsoDate,
    endsOn: IsoDate,
    weekdays: Weekdays,
    startTime: ClockTime,
    endTime: ClockTime,
  })
  .refine(agesInOrder, { message: 'age_range', path: ['maxAge'] })
  .refine(windowInOrder, { message: 'time_range', path: ['enrollmentClosesAt'] })
  .refine((b) => b.endsOn >= b.startsOn, { message: 'time_range', path: ['endsOn'] })
  .refine((b) => b.endTime > b.startTime, { message: 'time_range', path: ['endTime'] });

export const UpdateCourseBody = z
  .strictObject({
    version: z.number().int().min(1),
    ...courseRules,
    name: courseRules.name.optional(),
    capacity: courseRules.capacity.optional(),
    feeFen: courseRules.feeFen.optional(),
    enrollmentOpensAt: Instant.optional(),
    status: z.enum(['active', 'cancelled']).optional(),
  })
  .refine(agesInOrder, { message: 'age_range', path: ['maxAge'] })
  .refine(windowInOrder, { message: 'time_range', path: ['enrollmentClosesAt'] });

export const EnrollBody = z.strictObject({ ...ForResident });

export const EnrollmentResult = z.object({
  id: z.string(),
  residentId: z.string(),
  status: z.enum(['enrolled', 'waitlisted']),
  /** Place on the waitlist (1 = next to be promoted). */
  position: z.number().int().optional(),
});

export const EnrollmentView = z.object({
  id: z.string(),
  courseId: z.string(),
  courseName: z.string(),
  residentId: z.string(),
  residentName: z.string(),
  age: z.number().int().nullable(),
  status: EnrollmentStatus,
  seq: z.number().int(),
  position: z.number().int().nullable(),
  channel: z.enum(['app', 'counter']),
  createdAt: z.date(),
  promotedAt: z.date().nullable(),
  cancelledAt: z.date().nullable(),
});
export type EnrollmentView = z.infer<typeof EnrollmentView>;

export const EnrollmentListQuery = z.strictObject({ ...pageQuery, status: EnrollmentStatus.optional() });

export const SessionView = z.object({
  id: z.string(),
  courseId: z.string(),
  startsAt: z.date(),
  endsAt: z.date(),
  status: z.enum(['scheduled', 'cancelled']),
  presentCount: z.number().int(),
});

export const AttendanceStatus = z.enum(['present', 'absent', 'leave']);

export const RosterView = z.object({
  session: SessionView,
  courseKind: CourseKind,
  courseName: z.string(),
  items: z.array(
    z.object({
      residentId: z.string(),
      residentName: z.string(),
      status: AttendanceStatus.nullable(),
      pickedUpBy: z.string().nullable(),
      pickedUpAt: z.date().nullable(),
    }),
  ),
});

export const RecordAttendanceBody = z.strictObject({
  records: z
    .array(
      z.strictObject({
        residentId: Uuid,
        status: AttendanceStatus,
        /** 4:30 school: who picked the child up ("奶奶 李桂兰"), and when. */
        pickedUpBy: optionalText(50),
        pickedUpAt: Instant.nullable().optional(),
      }),
    )
    .min(1)
    .max(200),
});
