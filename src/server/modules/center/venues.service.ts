/**
 * Function rooms and their bookings. The database refuses overlapping active bookings (exclusion
 * constraint); the service checks first only to name the conflicting slots in the 409 and to keep
 * the common case cheap. Courses and events hold rooms through `holdSlots` inside their own
 * transactions, so a term of sessions is booked all or nothing.
 */
import { z } from 'zod';
import type { AppContext } from '../../context';
import type { Actor } from '../../platform/auth/actor';
import { diffForAudit } from '../../platform/audit';
import { newId } from '../../platform/db/columns';
import type { Queryable } from '../../platform/db/client';
import { updateVersioned } from '../../platform/db/versioned';
import { AppError } from '../../platform/errors';
import { decodeCursor, pageFrom } from '../../platform/pagination';
import { scopeWhere } from '../../platform/scope';
import type { NotificationsService } from '../notifications/notifications.service';
import type { PartnersService } from '../partners/partners.service';
import { mapViolation, operates } from './center.access';
import { notices } from './center.notices';
import { centerRepository, type CommunityInfo } from './center.repository';
import { venue, type venueBooking } from './center.tables';
import { addDays, localParts, zonedInstant } from './center.time';
import { bookingAllowed, bookingTransitions, type BookingAction } from './venues.rules';
import { venuesRepository as repo, type BookingWithNames, type VenueWithCenter } from './venues.repository';
import type { BookingView, VenueView } from './venues.schemas';
import { toBookingView, toVenueView } from './venues.views';

type VenueInput = {
  name: string;
  purpose?: string | null;
  areaM2?: number | null;
  capacity: number;
  equipment?: string[];
  opensAt?: string;
  closesAt?: string;
  openWeekdays?: number[];
  theme?: VenueView['theme'];
  bookableBy?: VenueView['bookableBy'];
  approvalRequired?: boolean;
};

export interface Slot {
  startsAt: Date;
  endsAt: Date;
}

const conflict = (slots: Slot[]) => new AppError('booking_conflict', slots.map((s) => ({ startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString() })));
const onOverlap = { '23P01': () => new AppError('booking_conflict') };

/** A slot must lie inside one local day's opening hours, on an open weekday. */
export function checkOpening(v: Pick<VenueWithCenter['venue'], 'opensAt' | 'closesAt' | 'openWeekdays'>, tz: string, slot: Slot): void {
  const start = localParts(slot.startsAt, tz);
  const end = localParts(new Date(slot.endsAt.getTime() - 1), tz);
  const endTime = localParts(slot.endsAt, tz).time;
  const ok = start.date === end.date && v.openWeekdays.includes(start.weekday) && start.time >= v.opensAt && (endTime <= v.closesAt && endTime !== '00:00');
  if (!ok) throw new AppError('outside_opening_hours', { opensAt: v.opensAt, closesAt: v.closesAt, openWeekdays: v.openWeekdays });
}

/** The weekly occurrences of a slot: same wall-clock time, `weeks` weeks in a row. */
export function weeklySlots(slot: Slot, weeks: number, tz: string): Slot[] {
  const s = localParts(slot.startsAt, tz);
  const e = localParts(slot.endsAt, tz);
  return Array.from({ length: weeks }, (_, k) => ({ startsAt: zonedInstant(addDays(s.date, 7 * k), s.time, tz), endsAt: zonedInstant(addDays(e.date, 7 * k), e.time, tz) }));
}

export function createVenuesService(ctx: AppContext, deps: { partners: PartnersService; notifications: NotificationsService }) {
  const { db, audit } = ctx;

  async function venueFor(q: Queryable, actor: Actor, permission: string, id: string): Promise<VenueWithCenter> {
    const row = await repo.findInScope(q, actor, permission, id);
    if (!row) throw new AppError('not_found');
    return row;
  }

  const community = (v: VenueWithCenter): CommunityInfo => ({ id: v.venue.communityId, name: '', path: v.communityPath, timezone: v.timezone });

  /** Which kind of booker the actor is for this venue, or 403 when the venue is not open to them. */
  async function bookerOf(actor: Actor, v: VenueWithCenter, partnerUnitId?: string): Promise<{ kind: 'staff' | 'partner' | 'resident'; partnerUnitId?: string; residentId?: string }> {
    if (operates(actor, 'venue.manage', community(v))) return { kind: 'staff' };
    if (actor.accountId) {
      const units = (await deps.partners.unitsOfAccount(db, actor.accountId)).filter((u) => u.communityId === v.venue.communityId);
      const unit = partnerUnitId ? units.find((u) => u.id === partnerUnitId) : units[0];
      if (unit) {
        if (!bookingAllowed(v.venue, 'partner')) throw new AppError('venue_not_bookable');
        return { kind: 'partner', partnerUnitId: unit.id };
      }
      if (partnerUnitId) throw new AppError('not_found');
    }
    if (actor.residentId) {
      if (!bookingAllowed(v.venue, 'resident')) throw new AppError('venue_not_bookable');
      return { kind: 'resident', residentId: actor.residentId };
    }
    throw new AppError('venue_not_bookable');
  }

  async function conflictsOrThrow(q: Queryable, venueId: string, slots: Slot[]): Promise<void> {
    const existing = await repo.overlapping(q, venueId, slots);
    if (existing.length) throw conflict(existing);
  }

  const viewer = (actor: Actor, path: string) => ({ accountId: actor.accountId, seesNames: operates(actor, 'booking.read', { id: '', name: '', path, timezone: '' }) });

  return {
    async list(actor: Actor, q: { centerId?: string; theme?: string; status?: string; cursor?: string; limit: number }) {
      const after = decodeCursor(q.cursor, z.tuple([z.string(), z.string()]));
      const rows = await repo.list(db, actor, { ...q, after, limit: q.limit });
      return pageFrom(rows, q.limit, (r) => [r.venue.name, r.venue.id], toVenueView);
    },

    async get(actor: Actor, id: string): Promise<VenueView> {
      return toVenueView(await venueFor(db, actor, 'venue.read', id));
    },

    async create(actor: Actor, input: VenueInput & { centerId: string }): Promise<VenueView> {
      return db.transaction(async (tx) => {
        const c = await centerRepository.centerInScope(tx, actor, 'venue.manage', input.centerId);
        if (!c) throw new AppError('not_found');
        const row = await mapViolation(
          () => repo.insert(tx, { ...input, communityId: c.communityId, centerId: c.id, equipment: input.equipment ?? [], bookableBy: input.bookableBy ?? [] }),
          { '23505': () => new AppError('already_exists', [{ field: 'body.name', code: 'already_exists', message: 'name' }]) },
        );
        await audit.record(tx, actor, { action: 'venue.create', entity: 'venue', entityId: row.id, communityId: row.communityId, changes: diffForAudit(null, { name: row.name, capacity: row.capacity }) });
        return toVenueView({ venue: row, centerName: c.name, timezone: c.community.timezone, communityPath: c.community.path });
      });
    },

    async update(actor: Actor, id: string, input: Partial<VenueInput> & { version: number; status?: 'active' | 'closed' }): Promise<VenueView> {
      return db.transaction(async (tx) => {
        const before = await venueFor(tx, actor, 'venue.manage', id);
        const { version, ...values } = input;
        const merged = { ...before.venue, ...values };
        if (merged.opensAt >= merged.closesAt) throw new AppError('validation_failed', [{ field: 'body.closesAt', code: 'time_range', message: 'time_range' }]);
        const after = await updateVersioned(tx, venue, { id, version, values, scope: scopeWhere(actor, 'venue.manage', { community: venue.communityId }) });
        await audit.record(tx, actor, { action: 'venue.update', entity: 'venue', entityId: id, communityId: after.communityId, changes: diffForAudit(before.venue, after, { fields: Object.keys(values) as never }) });
        return toVenueView({ ...before, venue: after });
      });
    },

    async calendar(actor: Actor, q: { centerId: string; from: string; to: string }) {
      const c = await centerRepository.centerInScope(db, actor, 'venue.read', q.centerId);
      if (!c) throw new AppError('not_found');
      const tz = c.community.timezone;
      const [venues, bookings] = await Promise.all([
        repo.ofCenter(db, c.id),
        repo.bookingsForCalendar(db, c.id, zonedInstant(q.from, '00:00', tz), zonedInstant(addDays(q.to, 1), '00:00', tz)),
      ]);
      const v = viewer(actor, c.community.path);
      return { centerId: c.id, timezone: tz, from: q.from, to: q.to, venues: venues.map(toVenueView), bookings: bookings.map((b) => toBookingView(b, v)) };
    },

    async book(actor: Actor, venueId: string, input: { startsAt: string; endsAt: string; purpose: string; attendees?: number; repeatWeeks?: number; partnerUnitId?: string }) {
      const v = await venueFor(db, actor, 'venue.read', venueId);
      if (v.venue.status !== 'active') throw new AppError('venue_not_bookable');
      const booker = await bookerOf(actor, v, input.partnerUnitId);
      if (input.attendees && input.attendees > v.venue.capacity) {
        throw new AppError('validation_failed', [{ field: 'body.attendees', code: 'venue_capacity_exceeded', message: String(v.venue.capacity) }]);
      }
      const first = { startsAt: new Date(input.startsAt), endsAt: new Date(input.endsAt) };
      if (first.startsAt.getTime() < Date.now()) throw new AppError('booking_in_past');
      const slots = weeklySlots(first, input.repeatWeeks ?? 1, v.timezone);
      for (const s of slots) checkOpening(v.venue, v.timezone, s);
      const status = booker.kind === 'staff' || !v.venue.approvalRequired ? 'confirmed' : 'pending';
      const seriesId = slots.length > 1 ? newId() : null;
      const created = await mapViolation(
        () =>
          db.transaction(async (tx) => {
            await conflictsOrThrow(tx, venueId, slots);
            const rows = await repo.insertBookings(
              tx,
              slots.map((s) => ({
                communityId: v.venue.communityId,
                venueId,
                seriesId,
                ...s,
                purpose: input.purpose,
                attendees: input.attendees ?? null,
                bookerKind: booker.kind,
                bookedBy: actor.accountId,
                partnerUnitId: booker.partnerUnitId ?? null,
                residentId: booker.residentId ?? null,
                status,
              })),
            );
            await audit.record(tx, actor, {
              action: 'booking.create',
              entity: 'venue_booking',
              entityId: rows[0]!.id,
              communityId: v.venue.communityId,
              changes: { venue: v.venue.name, startsAt: input.startsAt, occurrences: rows.length, status, bookerKind: booker.kind },
            });
            return rows;
          }),
        onOverlap,
      );
      const view = await repo.findBookingInScope(db, actor, ['booking.read', 'booking.create'], created[0]!.id);
      return {
        ...toBookingView(view!, viewer(actor, v.communityPath)),
        occurrences: created.map((b) => ({ id: b.id, startsAt: b.startsAt, endsAt: b.endsAt })),
      };
    },

    async listBookings(actor: Actor, q: { venueId?: string; centerId?: string; status?: string; from?: string; to?: string; mine?: 'true' | 'false'; cursor?: string; limit: number }) {
      const after = decodeCursor(q.cursor, z.tuple([z.string(), z.string()]));
      const staffWide = actor.grants.some((g) => g.permissions.has('booking.read'));
      const rows = await repo.listBookings(db, actor, {
        venueId: q.venueId,
        centerId: q.centerId,
        status: q.status,
        from: q.from ? new Date(q.from) : undefined,
        to: q.to ? new Date(q.to) : undefined,
        // Without booking.read, callers see only what they booked themselves.
        bookedBy: q.mine === 'true' || !staffWide ? (actor.accountId ?? '00000000-0000-0000-0000-000000000000') : undefined,
        after,
        limit: q.limit,
      });
      return pageFrom(rows, q.limit, (r) => [r.booking.startsAt.toISOString(), r.booking.id], (r) => toBookingView(r, { accountId: actor.accountId, seesNames: staffWide }));
    },

    async transition(actor: Actor, id: string, action: BookingAction, input: { version?: number; note?: string | null; reason?: string | null; wholeSeries?: boolean }): Promise<BookingView> {
      const rule = bookingTransitions[action];
      return db.transaction(async (tx) => {
        const row = await repo.findBookingInScope(tx, actor, ['booking.read', 'booking.create'], id);
        if (!row) throw new AppError('not_found');
        const b = row.booking;
        const c = (await centerRepository.community(tx, b.communityId))!;
        const staff = operates(actor, 'booking.approve', c);
        if (!staff && b.bookedBy !== actor.accountId) throw new AppError('not_found');
        if (rule.staffOnly && !staff) throw new AppError('forbidden');
        if (!(rule.from as readonly string[]).includes(b.status) || b.bookerKind === 'course' || b.bookerKind === 'event') throw new AppError('invalid_transition');
        if (input.version !== undefined && input.version !== b.version) throw new AppError('version_conflict');
        if (action === 'cancel' && !staff && b.startsAt.getTime() <= Date.now()) throw new AppError('invalid_transition');
        const targets = action === 'cancel' && input.wholeSeries && b.seriesId ? (await repo.seriesFrom(tx, b.seriesId, b.startsAt)).map((r) => r.id) : [b.id];
        const now = new Date();
        await repo.setStatus(tx, targets, action === 'cancel'
          ? { status: rule.to, cancelledAt: now, cancelReason: input.reason ?? null }
          : { status: rule.to, decidedBy: actor.accountId, decidedAt: now, decisionNote: input.note ?? null });
        await audit.record(tx, actor, { action: `booking.${action}`, entity: 'venue_booking', entityId: id, communityId: b.communityId, changes: { status: { before: b.status, after: rule.to }, occurrences: targets.length } });
        if (action !== 'cancel' && b.bookedBy) {
          const text = notices.bookingDecided(action === 'approve', row.venueName, b.startsAt, c.timezone);
          await deps.notifications.notify(tx, { accountIds: [b.bookedBy], communityId: b.communityId, kind: action === 'approve' ? 'booking.approved' : 'booking.rejected', ...text, entity: 'venue_booking', entityId: id, link: '/m/center/mine' });
        }
        const after = await repo.findBookingInScope(tx, actor, ['booking.read', 'booking.create'], id);
        return toBookingView(after!, viewer(actor, c.path));
      });
    },

    /** Holds a venue for a course's sessions or an event inside the caller's transaction (conflict → booking_conflict). */
    async holdSlots(tx: Queryable, actor: Actor, args: { venueId: string; communityId: string; slots: Slot[]; kind: 'course' | 'event'; purpose: string; seriesId?: string | null; checkHours?: boolean }): Promise<string[]> {
      const v = await repo.findInScope(tx, actor, 'venue.read', args.venueId);
      if (!v || v.venue.communityId !== args.communityId) throw new AppError('not_found');
      if (v.venue.status !== 'active') throw new AppError('venue_not_bookable');
      if (args.checkHours !== false) for (const s of args.slots) checkOpening(v.venue, v.timezone, s);
      await conflictsOrThrow(tx, args.venueId, args.slots);
      const rows = await repo.insertBookings(
        tx,
        args.slots.map((s) => ({ communityId: args.communityId, venueId: args.venueId, seriesId: args.seriesId ?? null, ...s, purpose: args.purpose, bookerKind: args.kind, bookedBy: actor.accountId, status: 'confirmed' as const })),
      );
      return rows.map((r) => r.id);
    },

    async releaseSlots(tx: Queryable, bookingIds: string[]): Promise<void> {
      await repo.setStatus(tx, bookingIds, { status: 'cancelled', cancelledAt: new Date() });
    },

    /** Wraps a transaction that holds slots, turning a concurrent overlap into booking_conflict. */
    withSlots: <T>(fn: () => Promise<T>) => mapViolation(fn, onOverlap),

    recentForBooker: (accountId: string, since: Date) => repo.recentForBooker(db, accountId, since),
  };
}

export type VenuesService = ReturnType<typeof createVenuesService>;
export type BookingInsert = typeof venueBooking.$inferInsert;
export type { BookingWithNames };
