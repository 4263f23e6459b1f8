import { z } from 'zod';
import { pageQuery, Uuid } from '../../../contracts/common';
import { ClockTime, Instant, IsoDate, optionalText, Theme, Weekdays } from './common.schemas';

export const BookableBy = z.enum(['partner', 'resident']);

export const VenueView = z.object({
  id: z.string(),
  communityId: z.string(),
  centerId: z.string(),
  centerName: z.string(),
  name: z.string(),
  purpose: z.string().nullable(),
  areaM2: z.number().int().nullable(),
  capacity: z.number().int(),
  equipment: z.array(z.string()),
  opensAt: z.string(),
  closesAt: z.string(),
  openWeekdays: z.array(z.number().int()),
  theme: Theme.nullable(),
  bookableBy: z.array(BookableBy),
  approvalRequired: z.boolean(),
  status: z.enum(['active', 'closed']),
  version: z.number().int(),
});
export type VenueView = z.infer<typeof VenueView>;

export const VenueListQuery = z.strictObject({
  ...pageQuery,
  centerId: Uuid.optional(),
  theme: Theme.optional(),
  status: z.enum(['active', 'closed']).optional(),
});

const venueFields = {
  name: z.string().trim().min(1).max(50),
  purpose: optionalText(200),
  areaM2: z.number().int().min(1).max(100_000).nullable().optional(),
  capacity: z.number().int().min(1).max(10_000),
  equipment: z.array(z.string().trim().min(1).max(30)).max(30).optional(),
  opensAt: ClockTime.optional(),
  closesAt: ClockTime.optional(),
  openWeekdays: Weekdays.optional(),
  theme: Theme.nullable().optional(),
  bookableBy: z.array(BookableBy).max(2).optional(),
  approvalRequired: z.boolean().optional(),
};

const hoursInOrder = (v: { opensAt?: string; closesAt?: string }) => !v.opensAt || !v.closesAt || v.opensAt < v.closesAt;

export const CreateVenueBody = z.strictObject({ centerId: Uuid, ...venueFields }).refine(hoursInOrder, { message: 'time_range', path: ['closesAt'] });

export const UpdateVenueBody = z
  .strictObject({
    version: z.number().int().min(1),
    ...venueFields,
    name: venueFields.name.optional(),
    capacity: venueFields.capacity.optional(),
    status: z.enum(['active', 'closed']).optional(),
  })
  .refine(hoursInOrder, { message: 'time_range', path: ['closesAt'] });

export const BookingStatus = z.enum(['pending', 'confirmed', 'rejected', 'cancelled']);
export const BookerKind = z.enum(['staff', 'partner', 'resident', 'course', 'event']);

export const BookingView = z.object({
  id: z.string(),
  communityId: z.string(),
  venueId: z.string(),
  venueName: z.string(),
  seriesId: z.string().nullable(),
  startsAt: z.date(),
  endsAt: z.date(),
  purpose: z.string(),
  attendees: z.number().int().nullable(),
  bookerKind: BookerKind,
  /** Who booked, as the caller may see it (staff: names; others: masked; own bookings: in full). */
  bookerName: z.string().nullable(),
  partnerUnitId: z.string().nullable(),
  mine: z.boolean(),
  status: BookingStatus,
  decisionNote: z.string().nullable(),
  cancelReason: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.date(),
});
export type BookingView = z.infer<typeof BookingView>;

export const CreateBookingBody = z
  .strictObject({
    startsAt: Instant,
    endsAt: Instant,
    purpose: z.string().trim().min(1).max(200),
    attendees: z.number().int().min(1).max(10_000).optional(),
    /** Weekly recurrence: this many occurrences in all (all or nothing). */
    repeatWeeks: z.number().int().min(2).max(26).optional(),
    /** For partner contacts who speak for several units. */
    partnerUnitId: Uuid.optional(),
  })
  .refine((b) => Date.parse(b.endsAt) > Date.parse(b.startsAt), { message: 'time_range', path: ['endsAt'] });

export const BookingCreated = BookingView.extend({ occurrences: z.array(z.object({ id: z.string(), startsAt: z.date(), endsAt: z.date() })) });

export const BookingListQuery = z.strictObject({
  ...pageQuery,
  venueId: Uuid.optional(),
  centerId: Uuid.optional(),
  status: BookingStatus.optional(),
  /** Bookings ending after / starting before these instants. */
  from: Instant.optional(),
  to: Instant.optional(),
  mine: z.enum(['true', 'false']).optional(),
});

export const DecideBookingBody = z.strictObject({ version: z.number().int().min(1), note: optionalText(200) });
export const CancelBookingBody = z.strictObject({
  reason: optionalText(200),
  /** Cancel this and every later occurrence of its series. */
  wholeSeries: z.boolean().optional(),
});

export const CalendarQuery = z
  .strictObject({ centerId: Uuid, from: IsoDate, to: IsoDate })
  .refine((q) => q.from <= q.to, { message: 'time_range', path: ['to'] })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 <= 31, { message: 'range_too_long', path: ['to'] });

export const CalendarView = z.object({
  centerId: z.string(),
  timezone: z.string(),
  from: z.string(),
  to: z.string(),
  venues: z.array(VenueView),
  bookings: z.array(BookingView),
});
