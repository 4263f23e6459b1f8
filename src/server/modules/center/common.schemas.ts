/** Shapes shared by the center's areas (venues, courses, events, canteen, satisfaction). */
import { z } from 'zod';
import { Uuid } from '../../../contracts/common';
import { targetGroups, themes } from './center.constants';

export const Theme = z.enum(themes);
export const TargetGroup = z.enum(targetGroups);
/** Local wall-clock time "HH:MM". */
export const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'clock_time_format' });
export const Weekdays = z.array(z.number().int().min(1).max(7)).min(1).max(7).refine((d) => new Set(d).size === d.length, { message: 'weekdays_unique' });
export const Instant = z.iso.datetime({ offset: true });
export const IsoDate = z.iso.date();
export const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month_format' });
export const ResidentTagList = z.array(z.string().trim().min(1).max(30)).max(10);
export const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

/** Acting for someone: staff name any resident of the community; residents themselves or a household member. */
export const ForResident = { residentId: Uuid.optional() };

/** A person as lists show them: staff see the name, everyone else a masked one. */
export const PersonRef = z.object({ id: z.string(), name: z.string() });

export const RangeQuery = {
  from: IsoDate.optional(),
  to: IsoDate.optional(),
};
