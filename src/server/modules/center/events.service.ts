/**
 * Events by 多彩党建 theme: one-off or a weekly series, signup with an exact capacity (the event
 * row lock), check-in at the door (a walk-in is signed up on the spot if a place is left), photos
 * from the uploads module. Every check-in is one service visit (服务人次) of the event's theme.
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
import { beneficiary, mapViolation, operates } from './center.access';
import { notices } from './center.notices';
import { centerRepository, type CommunityInfo } from './center.repository';
import type { CenterDeps } from './center.service';
import { event } from './center.tables';
import { addDays, zonedInstant } from './center.time';
import { eventsRepository as repo, type EventWithFacts } from './events.repository';
import type { EventView, SignupView } from './events.schemas';
import type { VenuesService } from './venues.service';
import { weeklySlots } from './venues.service';

type CreateEvent = {
  centerId: string; venueId?: string | null; theme: EventView['theme']; title: string; description?: string | null; targetGroups?: EventView['targetGroups'];
  location?: string | null; capacity?: number | null; photoIds?: string[]; startsAt: string; endsAt: string; repeatWeeks?: number;
};
const DEFAULT_TZ = 'Asia/Shanghai';

type UpdateEvent = Partial<Omit<CreateEvent, 'centerId' | 'venueId' | 'startsAt' | 'endsAt' | 'repeatWeeks'>> & { version: number };

export const toEventView = (r: EventWithFacts): EventView => ({
  ...r.event,
  targetGroups: r.event.targetGroups as EventView['targetGroups'],
  centerName: r.centerName,
  venueName: r.venueName,
  signupCount: r.signupCount,
  checkedInCount: r.checkedInCount,
  mine: r.mineId ? { id: r.mineId, checkedIn: !!r.mineCheckedIn } : null,
});

const communityOf = (r: EventWithFacts): CommunityInfo => ({ id: r.event.communityId, name: '', path: r.communityPath, timezone: r.timezone });

export function createEventsService(ctx: AppContext, deps: CenterDeps & { venues: VenuesService }) {
  const { db, audit } = ctx;

  async function eventFor(q: Queryable, actor: Actor, permission: string, id: string): Promise<EventWithFacts> {
    const row = await repo.findInScope(q, actor, permission, id);
    if (!row) throw new AppError('not_found');
    return row;
  }

  /** Signs a resident up under the event lock; walk-ins come checked in. */
  async function signUp(tx: Queryable, actor: Actor, e: EventWithFacts, residentId: string, channel: 'app' | 'counter' | 'walk_in', checkedIn: boolean) {
    const locked = await repo.lock(tx, e.event.id);
    if (locked.status !== 'published' || locked.endsAt.getTime() <= Date.now() - (checkedIn ? 86_400_000 : 0)) throw new AppError('invalid_transition');
    if (await repo.activeSignup(tx, e.event.id, residentId)) throw new AppError('already_signed_up');
    if (locked.capacity !== null && (await repo.countSignedUp(tx, e.event.id)) >= locked.capacity) throw new AppError('capacity_full');
    const now = new Date();
    return repo.insertSignup(tx, { communityId: e.event.communityId, eventId: e.event.id, residentId, signedUpBy: actor.accountId, channel, checkedInAt: checkedIn ? now : null, checkedInBy: checkedIn ? actor.accountId : null });
  }

  async function recordVisit(tx: Queryable, e: EventWithFacts, signupId: string, residentId: string) {
    await deps.serviceVisits.record(tx, { communityId: e.event.communityId, centerId: e.event.centerId, residentId, source: 'event_check_in', sourceId: signupId, occurredAt: e.event.startsAt, theme: e.event.theme });
  }

  return {
    async list(actor: Actor, q: { centerId?: string; theme?: string; targetGroup?: string; status?: string; from?: string; to?: string; cursor?: string; limit: number }) {
      const after = decodeCursor(q.cursor, z.tuple([z.string(), z.string()]));
      // "From/to" are local dates: of the center's community when one is named, else the default zone.
      const tz = q.centerId ? ((await centerRepository.centerInScope(db, actor, 'event.read', q.centerId))?.community.timezone ?? DEFAULT_TZ) : DEFAULT_TZ;
      const found = await repo.list(db, actor, {
        ...q,
        from: q.from ? zonedInstant(q.from, '00:00', tz) : undefined,
        to: q.to ? zonedInstant(addDays(q.to, 1), '00:00', tz) : undefined,
        after,
        limit: q.limit,
      });
      return pageFrom(found, q.limit, (r) => [r.event.startsAt.toISOString(), r.event.id], toEventView);
    },

    async get(actor: Actor, id: string): Promise<EventView> {
      return toEventView(await eventFor(db, actor, 'event.read', id));
    },

    async create(actor: Actor, input: CreateEvent): Promise<{ items: EventView[] }> {
      const c = await centerRepository.centerInScope(db, actor, 'event.manage', input.centerId);
      if (!c) throw new AppError('not_found');
      const slots = weeklySlots({ startsAt: new Date(input.startsAt), endsAt: new Date(input.endsAt) }, input.repeatWeeks ?? 1, c.community.timezone);
      const seriesId = slots.length > 1 ? newId() : null;
      const ids = await deps.venues.withSlots(() =>
        db.transaction(async (tx) => {
          if (input.photoIds?.length) await deps.uploads.assertUsable(tx, actor, input.photoIds, c.communityId);
          const bookingIds = input.venueId
            ? await deps.venues.holdSlots(tx, actor, { venueId: input.venueId, communityId: c.communityId, slots, kind: 'event', purpose: input.title, seriesId })
            : [];
          const rows = await repo.insert(
            tx,
            slots.map((s, i) => ({
              communityId: c.communityId, centerId: c.id, venueId: input.venueId ?? null, bookingId: bookingIds[i] ?? null, seriesId, title: input.title,
              description: input.description ?? null, theme: input.theme, targetGroups: input.targetGroups ?? [], location: input.location ?? null,
              capacity: input.capacity ?? null, photoIds: input.photoIds ?? [], ...s,
            })),
          );
          await audit.record(tx, actor, { action: 'event.create', entity: 'event', entityId: rows[0]!.id, communityId: c.communityId, changes: { title: input.title, theme: input.theme, occurrences: rows.length } });
          return rows.map((r) => r.id);
        }),
      );
      return { items: (await repo.byIds(db, actor, ids)).map(toEventView) };
    },

    async update(actor: Actor, id: string, input: UpdateEvent): Promise<EventView> {
      await db.transaction(async (tx) => {
        const before = await eventFor(tx, actor, 'event.manage', id);
        const { version, ...values } = input;
        if (values.photoIds?.length) await deps.uploads.assertUsable(tx, actor, values.photoIds, before.event.communityId);
        const after = await updateVersioned(tx, event, { id, version, values, scope: scopeWhere(actor, 'event.manage', { community: event.communityId }) });
        await audit.record(tx, actor, { action: 'event.update', entity: 'event', entityId: id, communityId: after.communityId, changes: diffForAudit(before.event, after, { fields: Object.keys(values) as never }) });
      });
      return this.get(actor, id);
    },

    async cancel(actor: Actor, id: string): Promise<EventView> {
      await db.transaction(async (tx) => {
        const e = await eventFor(tx, actor, 'event.manage', id);
        if (e.event.status !== 'published') throw new AppError('invalid_transition');
        await repo.lock(tx, id);
        await repo.setStatus(tx, id, 'cancelled');
        if (e.event.bookingId) await deps.venues.releaseSlots(tx, [e.event.bookingId]);
        const accounts = await repo.signedUpAccounts(tx, id);
        await deps.notifications.notify(tx, { accountIds: accounts, communityId: e.event.communityId, kind: 'event.cancelled', ...notices.eventCancelled(e.event.title, e.event.startsAt, e.timezone), entity: 'event', entityId: id });
        await audit.record(tx, actor, { action: 'event.cancel', entity: 'event', entityId: id, communityId: e.event.communityId, changes: { status: { before: 'published', after: 'cancelled' }, notified: accounts.length } });
      });
      return this.get(actor, id);
    },

    async signUp(actor: Actor, eventId: string, input: { residentId?: string }): Promise<SignupView> {
      const e = await eventFor(db, actor, 'event.read', eventId);
      const who = await beneficiary(db, actor, communityOf(e), 'event.manage', input.residentId);
      const row = await mapViolation(
        () =>
          db.transaction(async (tx) => {
            const s = await signUp(tx, actor, e, who.resident.id, who.channel, false);
            await audit.record(tx, actor, { action: 'event_signup.create', entity: 'event_signup', entityId: s.id, communityId: s.communityId, changes: { event: e.event.title } });
            return s;
          }),
        { '23505': () => new AppError('already_signed_up') },
      );
      return { ...row, residentName: who.resident.name };
    },

    async cancelSignup(actor: Actor, id: string): Promise<SignupView> {
      return db.transaction(async (tx) => {
        const found = await repo.findSignupInScope(tx, actor, ['event_signup.read', 'event_signup.create'], id);
        if (!found) throw new AppError('not_found');
        const community = (await centerRepository.community(tx, found.signup.communityId))!;
        if (!operates(actor, 'event.manage', community)) await beneficiary(tx, actor, community, 'event.manage', found.signup.residentId);
        await repo.lock(tx, found.signup.eventId);
        if (found.signup.status !== 'signed_up' || found.signup.checkedInAt) throw new AppError('invalid_transition');
        const row = await repo.setSignup(tx, id, { status: 'cancelled' });
        await audit.record(tx, actor, { action: 'event_signup.cancel', entity: 'event_signup', entityId: id, communityId: row.communityId, changes: { status: { before: 'signed_up', after: 'cancelled' } } });
        return { ...row, residentName: found.residentName };
      });
    },

    /** Check-in at the door by staff: signs up walk-ins (if a place is left) and counts one service visit. */
    async checkIn(actor: Actor, eventId: string, input: { residentId: string }): Promise<SignupView> {
      const e = await eventFor(db, actor, 'event.check_in', eventId);
      if (e.event.startsAt.getTime() - Date.now() > 2 * 3_600_000) throw new AppError('invalid_transition');
      const who = await beneficiary(db, actor, communityOf(e), 'event.check_in', input.residentId);
      const row = await mapViolation(
        () =>
          db.transaction(async (tx) => {
            const existing = await repo.activeSignup(tx, eventId, who.resident.id);
            const s = existing
              ? existing.checkedInAt ? existing : await repo.setSignup(tx, existing.id, { checkedInAt: new Date(), checkedInBy: actor.accountId })
              : await signUp(tx, actor, e, who.resident.id, 'walk_in', true);
            await recordVisit(tx, e, s.id, who.resident.id);
            if (!existing?.checkedInAt) await audit.record(tx, actor, { action: 'event.check_in', entity: 'event_signup', entityId: s.id, communityId: s.communityId, changes: { event: e.event.title, walkIn: !existing } });
            return s;
          }),
        { '23505': () => new AppError('already_signed_up') },
      );
      return { ...row, residentName: who.resident.name };
    },

    async signups(actor: Actor, eventId: string, q: { cursor?: string; limit: number }) {
      await eventFor(db, actor, 'event_signup.read', eventId);
      const after = decodeCursor(q.cursor, z.tuple([z.string(), z.string()]));
      const found = await repo.signups(db, eventId, after, q.limit);
      return pageFrom(found, q.limit, (r) => [r.signup.createdAt.toISOString(), r.signup.id], (r): SignupView => ({ ...r.signup, residentName: r.residentName }));
    },

    async photo(actor: Actor, eventId: string, uploadId: string) {
      const e = await eventFor(db, actor, 'event.read', eventId);
      if (!e.event.photoIds.includes(uploadId)) throw new AppError('not_found');
      return deps.uploads.openChecked(uploadId, e.event.communityId);
    },
  };
}

export type EventsService = ReturnType<typeof createEventsService>;
