import { z } from 'zod';
import { pageQuery, Uuid } from '../../../contracts/common';
import { ForResident, Instant, IsoDate, optionalText, TargetGroup, Theme } from './common.schemas';

export const EventStatus = z.enum(['published', 'cancelled']);

export const EventView = z.object({
  id: z.string(),
  communityId: z.string(),
  centerId: z.string(),
  centerName: z.string(),
  venueId: z.string().nullable(),
  venueName: z.string().nullable(),
  seriesId: z.string().nullable(),
  title: z.string(),
  description: z.string().nullable(),
  theme: Theme,
  targetGroups: z.array(TargetGroup),
  location: z.string().nullable(),
  startsAt: z.date(),
  endsAt: z.date(),
  capacity: z.number().int().nullable(),
  photoIds: z.array(z.string()),
  status: EventStatus,
  signupCount: z.number().int(),
  /** Check-ins = service visits (服务人次) of this event. */
  checkedInCount: z.number().int(),
  /** The caller's own signup (resident app), if any. */
  mine: z.object({ id: z.string(), checkedIn: z.boolean() }).nullable(),
  version: z.number().int(),
});
export type EventView = z.infer<typeof EventView>;

export const EventListQuery = z.strictObject({
  ...pageQuery,
  centerId: Uuid.optional(),
  theme: Theme.optional(),
  targetGroup: TargetGroup.optional(),
  status: EventStatus.optional(),
  /** Local dates of the community, inclusive. */
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});

const eventFields = {
  title: z.string().trim().min(1).max(100),
  description: optionalText(2000),
  targetGroups: z.array(TargetGroup).max(8).optional(),
  location: optionalText(100),
  capacity: z.number().int().min(1).max(100_000).nullable().optional(),
  photoIds: z.array(Uuid).max(30).optional(),
};

export const CreateEventBody = z
  .strictObject({
    centerId: Uuid,
    venueId: Uuid.nullable().optional(),
    theme: Theme,
    ...eventFields,
    startsAt: Instant,
    endsAt: Instant,
    /** Weekly series: this many occurrences in all, each with its own signup. */
    repeatWeeks: z.number().int().min(2).max(52).optional(),
  })
  .refine((b) => Date.parse(b.endsAt) > Date.parse(b.startsAt), { message: 'time_range', path: ['endsAt'] });

export const UpdateEventBody = z.strictObject({
  version: z.number().int().min(1),
  ...eventFields,
  title: eventFields.title.optional(),
  theme: Theme.optional(),
});

export const CreatedEvents = z.object({ items: z.array(EventView) });

export const SignupBody = z.strictObject({ ...ForResident });
export const CheckInBody = z.strictObject({ residentId: Uuid });

export const SignupView = z.object({
  id: z.string(),
  eventId: z.string(),
  residentId: z.string(),
  residentName: z.string(),
  status: z.enum(['signed_up', 'cancelled']),
  channel: z.enum(['app', 'counter', 'walk_in']),
  checkedInAt: z.date().nullable(),
  createdAt: z.date(),
});
export type SignupView = z.infer<typeof SignupView>;

export const SignupListQuery = z.strictObject({ ...pageQuery });
