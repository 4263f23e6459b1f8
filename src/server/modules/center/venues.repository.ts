/** The only SQL for venues and their bookings. */
import { and, asc, desc, eq, gt, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Actor, PermissionRef } from '../../platform/auth/actor';
import type { Queryable } from '../../platform/db/client';
import { account } from '../../platform/db/tables/auth';
import { center, orgNode } from '../../platform/db/tables/org';
import { scopeWhere } from '../../platform/scope';
import { resident } from '../places/places.tables';
import { venue, venueBooking } from './center.tables';

export type VenueRow = typeof venue.$inferSelect;
export type BookingRow = typeof venueBooking.$inferSelect;
export type VenueWithCenter = { venue: VenueRow; centerName: string; timezone: string; communityPath: string };
export type BookingWithNames = {
  booking: BookingRow;
  venueName: string;
  accountName: string | null;
  partnerName: string | null;
  residentName: string | null;
};

const venueSelect = (q: Queryable) =>
  q
    .select({ venue, centerName: center.name, timezone: orgNode.timezone, communityPath: orgNode.path })
    .from(venue)
    .innerJoin(center, eq(center.id, venue.centerId))
    .innerJoin(orgNode, eq(orgNode.id, venue.communityId));

const bookingSelect = (q: Queryable) =>
  q
    .select({
      booking: venueBooking,
      venueName: venue.name,
      accountName: account.displayName,
      partnerName: sql<string | null>`(SELECT pu.name FROM partner_unit pu WHERE pu.id = ${venueBooking.partnerUnitId})`,
      residentName: resident.name,
    })
    .from(venueBooking)
    .innerJoin(venue, eq(venue.id, venueBooking.venueId))
    .leftJoin(account, eq(account.id, venueBooking.bookedBy))
    .leftJoin(resident, eq(resident.id, venueBooking.residentId));

export const activeStatuses = ['pending', 'confirmed'] as const;

export const venuesRepository = {
  async list(q: Queryable, actor: Actor, f: { centerId?: string; theme?: string; status?: string; after: [string, string] | null; limit: number }): Promise<VenueWithCenter[]> {
    const conds: SQL[] = [scopeWhere(actor, 'venue.read', { community: venue.communityId })];
    if (f.centerId) conds.push(eq(venue.centerId, f.centerId));
    if (f.theme) conds.push(eq(venue.theme, f.theme as VenueRow['theme'] & string));
    if (f.status) conds.push(eq(venue.status, f.status as VenueRow['status']));
    if (f.after) conds.push(sql`(${venue.name}, ${venue.id}) > (${f.after[0]}, ${f.after[1]}::uuid)`);
    return venueSelect(q).where(and(...conds)).orderBy(asc(venue.name), asc(venue.id)).limit(f.limit + 1);
  },

  async ofCenter(q: Queryable, centerId: string): Promise<VenueWithCenter[]> {
    return venueSelect(q).where(and(eq(venue.centerId, centerId), eq(venue.status, 'active'))).orderBy(asc(venue.name)).limit(200);
  },

  async findInScope(q: Queryable, actor: Actor, permission: PermissionRef, id: string): Promise<VenueWithCenter | undefined> {
    const [row] = await venueSelect(q).where(and(eq(venue.id, id), scopeWhere(actor, permission, { community: venue.communityId })));
    return row;
  },

  async insert(q: Queryable, values: typeof venue.$inferInsert): Promise<VenueRow> {
    const [row] = await q.insert(venue).values(values).returning();
    return row!;
  },

  /** Active bookings of a venue overlapping any of the ranges (for a friendly conflict report). */
  async overlapping(q: Queryable, venueId: string, ranges: ReadonlyArray<{ startsAt: Date; endsAt: Date }>): Promise<BookingRow[]> {
    if (ranges.length === 0) return [];
    const any = or(...ranges.map((r) => and(lt(venueBooking.startsAt, r.endsAt), gt(venueBooking.endsAt, r.startsAt))))!;
    return q
      .select()
      .from(venueBooking)
      .where(and(eq(venueBooking.venueId, venueId), inArray(venueBooking.status, [...activeStatuses]), any))
      .orderBy(asc(venueBooking.startsAt))
      .limit(50);
  },

  async insertBookings(q: Queryable, values: Array<typeof venueBooking.$inferInsert>): Promise<BookingRow[]> {
    if (values.length === 0) return [];
    return q.insert(venueBooking).values(values).returning();
  },

  async findBookingInScope(q: Queryable, actor: Actor, permission: PermissionRef, id: string): Promise<BookingWithNames | undefined> {
    const [row] = await bookingSelect(q).where(and(eq(venueBooking.id, id), scopeWhere(actor, permission, { community: venueBooking.communityId })));
    return row;
  },

  async bookingsForCalendar(q: Queryable, centerId: string, from: Date, to: Date): Promise<BookingWithNames[]> {
    return bookingSelect(q)
      .where(and(eq(venue.centerId, centerId), inArray(venueBooking.status, [...activeStatuses]), lt(venueBooking.startsAt, to), gt(venueBooking.endsAt, from)))
      .orderBy(asc(venueBooking.startsAt))
      .limit(5000);
  },

  async listBookings(
    q: Queryable,
    actor: Actor,
    f: { venueId?: string; centerId?: string; status?: string; from?: Date; to?: Date; bookedBy?: string; after: [string, string] | null; limit: number },
  ): Promise<BookingWithNames[]> {
    const conds: SQL[] = [scopeWhere(actor, ['booking.read', 'booking.create'], { community: venueBooking.communityId })];
    if (f.venueId) conds.push(eq(venueBooking.venueId, f.venueId));
    if (f.centerId) conds.push(eq(venue.centerId, f.centerId));
    if (f.status) conds.push(eq(venueBooking.status, f.status as BookingRow['status']));
    if (f.from) conds.push(gt(venueBooking.endsAt, f.from));
    if (f.to) conds.push(lt(venueBooking.startsAt, f.to));
    if (f.bookedBy) conds.push(eq(venueBooking.bookedBy, f.bookedBy));
    if (f.after) conds.push(sql`(${venueBooking.startsAt}, ${venueBooking.id}) > (${f.after[0]}::timestamptz, ${f.after[1]}::uuid)`);
    return bookingSelect(q).where(and(...conds)).orderBy(asc(venueBooking.startsAt), asc(venueBooking.id)).limit(f.limit + 1);
  },

  /** Later active occurrences of a series, from a start time on (for "cancel the rest of the series"). */
  async seriesFrom(q: Queryable, seriesId: string, from: Date): Promise<BookingRow[]> {
    return q
      .select()
      .from(venueBooking)
      .where(and(eq(venueBooking.seriesId, seriesId), inArray(venueBooking.status, [...activeStatuses]), sql`${venueBooking.startsAt} >= ${from}`))
      .orderBy(asc(venueBooking.startsAt));
  },

  async setStatus(q: Queryable, ids: string[], values: Partial<typeof venueBooking.$inferInsert>): Promise<void> {
    if (ids.length === 0) return;
    await q
      .update(venueBooking)
      .set({ ...values, version: sql`${venueBooking.version} + 1`, updatedAt: new Date() })
      .where(inArray(venueBooking.id, ids));
  },

  async recentForBooker(q: Queryable, accountId: string, since: Date): Promise<BookingWithNames[]> {
    return bookingSelect(q)
      .where(and(eq(venueBooking.bookedBy, accountId), gt(venueBooking.endsAt, since)))
      .orderBy(desc(venueBooking.startsAt))
      .limit(100);
  },
};
