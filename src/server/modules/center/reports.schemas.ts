import { z } from 'zod';
import { Uuid } from '../../../contracts/common';
import { IsoDate, optionalText, Theme } from './common.schemas';
import { BookingView } from './venues.schemas';
import { MealOrderView } from './canteen.schemas';

export const SurveySubjectKind = z.enum(['event', 'course']);

export const SatisfactionBody = z.strictObject({
  subjectKind: SurveySubjectKind,
  subjectId: Uuid,
  /** 1 (very dissatisfied) … 5 (very satisfied); 4 and 5 count as satisfied. */
  score: z.number().int().min(1).max(5),
  comment: optionalText(500),
  /** Answering for a household member who took part (a child of the 4:30 school). */
  residentId: Uuid.optional(),
});

export const SatisfactionView = z.object({
  id: z.string(),
  subjectKind: SurveySubjectKind,
  subjectId: z.string(),
  score: z.number().int(),
  createdAt: z.date(),
});

export const StatsQuery = z
  .strictObject({ centerId: Uuid.optional(), from: IsoDate, to: IsoDate })
  .refine((q) => q.from <= q.to, { message: 'time_range', path: ['to'] });

const RateBucket = z.object({ key: z.string(), responses: z.number().int(), satisfied: z.number().int(), rate: z.number().nullable() });

export const SatisfactionStats = z.object({
  responses: z.number().int(),
  satisfied: z.number().int(),
  /** satisfied / responses (0–1), null without answers. */
  rate: z.number().nullable(),
  averageScore: z.number().nullable(),
  byMonth: z.array(RateBucket),
  byTheme: z.array(RateBucket),
  byCenter: z.array(RateBucket.extend({ name: z.string() })),
  byKind: z.array(RateBucket),
});

export const CenterStats = z.object({
  events: z.object({
    total: z.number().int(),
    byTheme: z.array(z.object({ theme: Theme, events: z.number().int(), signups: z.number().int(), checkIns: z.number().int() })),
  }),
  courses: z.array(z.object({ kind: z.string(), courses: z.number().int(), enrolled: z.number().int(), waitlisted: z.number().int(), attendances: z.number().int() })),
  canteen: z.object({ meals: z.number().int(), subsidizedMeals: z.number().int(), subsidyFen: z.number().int(), paidFen: z.number().int() }),
  venues: z.array(z.object({ venueId: z.string(), name: z.string(), bookings: z.number().int(), hours: z.number() })),
});

export const MyCenterView = z.object({
  residents: z.array(z.object({ id: z.string(), name: z.string(), self: z.boolean() })),
  enrollments: z.array(
    z.object({
      id: z.string(), courseId: z.string(), courseName: z.string(), kind: z.string(), status: z.enum(['enrolled', 'waitlisted']),
      position: z.number().int().nullable(), residentId: z.string(), residentName: z.string(), nextSessionAt: z.date().nullable(), venueName: z.string().nullable(),
    }),
  ),
  signups: z.array(
    z.object({ id: z.string(), eventId: z.string(), title: z.string(), theme: Theme, startsAt: z.date(), endsAt: z.date(), checkedIn: z.boolean(), residentId: z.string(), residentName: z.string() }),
  ),
  bookings: z.array(BookingView),
  mealOrders: z.array(MealOrderView),
  surveys: z.array(z.object({ subjectKind: SurveySubjectKind, subjectId: z.string(), title: z.string(), residentId: z.string(), residentName: z.string() })),
});
export type MyCenterView = z.infer<typeof MyCenterView>;
