/** The only SQL for events and their signups / check-ins. */
import { and, asc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { Actor, PermissionRef } from '../../platform/auth/actor';
import { rows, type Queryable } from '../../platform/db/client';
import { center, orgNode } from '../../platform/db/tables/org';
import { scopeWhere } from '../../platform/scope';
import { resident } from '../places/places.tables';
import { event, eventSignup, venue } from './center.tables';

export type EventRow = typeof event.$inferSelect;
export type SignupRow = typeof eventSignup.$inferSelect;

export interface EventWithFacts {
  event: EventRow;
  centerName: string;
  venueName: string | null;
  timezone: string;
  communityPath: string;
  signupCount: number;
  checkedInCount: number;
  mineId: string | null;
  mineCheckedIn: boolean | null;
}

const eventSelect = (q: Queryable, residentId: string | null) => {
  const rid = residentId ?? '00000000-0000-0000-0000-000000000000';
  return q
    .select({
      event,
      centerName: center.name,
      venueName: venue.name,
      timezone: orgNode.timezone,
      communityPath: orgNode.path,
      signupCount: sql<number>`(SELECT count(*)::int FROM event_signup s WHERE s.event_id = ${event.id} AND s.status = 'signed_up')`,
      checkedInCount: sql<number>`(SELECT count(*)::int FROM event_signup s WHERE s.event_id = ${event.id} AND s.status = 'signed_up' AND s.checked_in_at IS NOT NULL)`,
      mineId: sql<string | null>`(SELECT s.id FROM event_signup s WHERE s.event_id = ${event.id} AND s.resident_id = ${rid} AND s.status = 'signed_up')`,
      mineCheckedIn: sql<boolean | null>`(SELECT s.checked_in_at IS NOT NULL FROM event_signup s WHERE s.event_id = ${event.id} AND s.resident_id = ${rid} AND s.status = 'signed_up')`,
    })
    .from(event)
    .innerJoin(center, eq(center.id, event.centerId))
    .innerJoin(orgNode, eq(orgNode.id, event.communityId))
    .leftJoin(venue, eq(venue.id, event.venueId));
};

const signupSelect = (q: Queryable) =>
  q.select({ signup: eventSignup, residentName: resident.name }).from(eventSignup).innerJoin(resident, eq(resident.id, eventSignup.residentId));

export const eventsRepository = {
  async list(
    q: Queryable,
    actor: Actor,
    f: { centerId?: string; theme?: string; targetGroup?: string; status?: string; from?: Date; to?: Date; after: [string, string] | null; limit: number },
  ): Promise<EventWithFacts[]> {
    const conds: SQL[] = [scopeWhere(actor, 'event.read', { community: event.communityId })];
    if (f.centerId) conds.push(eq(event.centerId, f.centerId));
    if (f.theme) conds.push(eq(event.theme, f.theme as EventRow['theme']));
    if (f.targetGroup) conds.push(sql`${f.targetGroup} = ANY(${event.targetGroups})`);
    if (f.status) conds.push(eq(event.status, f.status as EventRow['status']));
    if (f.from) conds.push(gte(event.startsAt, f.from));
    if (f.to) conds.push(lt(event.startsAt, f.to));
    if (f.after) conds.push(sql`(${event.startsAt}, ${event.id}) > (${f.after[0]}::timestamptz, ${f.after[1]}::uuid)`);
    return eventSelect(q, actor.residentId).where(and(...conds)).orderBy(asc(event.startsAt), asc(event.id)).limit(f.limit + 1);
  },

  async findInScope(q: Queryable, actor: Actor, permission: PermissionRef, id: string): Promise<EventWithFacts | undefined> {
    const [row] = await eventSelect(q, actor.residentId).where(and(eq(event.id, id), scopeWhere(actor, permission, { community: event.communityId })));
    return row;
  },

  async byIds(q: Queryable, actor: Actor, ids: string[]): Promise<EventWithFacts[]> {
    if (ids.length === 0) return [];
    return eventSelect(q, actor.residentId)
      .where(sql`${event.id} IN (${sql.join(ids.map((i) => sql`${i}::uuid`), sql`, `)})`)
      .orderBy(asc(event.startsAt));
  },

  async insert(q: Queryable, values: Array<typeof event.$inferInsert>): Promise<EventRow[]> {
    return q.insert(event).values(values).returning();
  },

  /** Locks the event row: signups of one event pass one at a time, so the capacity holds. */
  async lock(tx: Queryable, id: string): Promise<{ capacity: number | null; status: EventRow['status']; endsAt: Date }> {
    const [row] = await rows<{ capacity: number | null; status: EventRow['status']; ends_at: string | Date }>(tx, sql`SELECT capacity, status, ends_at FROM event WHERE id = ${id} FOR UPDATE`);
    return { capacity: row!.capacity, status: row!.status, endsAt: new Date(row!.ends_at) };
  },

  async countSignedUp(q: Queryable, eventId: string): Promise<number> {
    const [row] = await rows<{ n: number }>(q, sql`SELECT count(*)::int AS n FROM event_signup WHERE event_id = ${eventId} AND status = 'signed_up'`);
    return row!.n;
  },

  async activeSignup(q: Queryable, eventId: string, residentId: string): Promise<SignupRow | undefined> {
    const [row] = await q.select().from(eventSignup).where(and(eq(eventSignup.eventId, eventId), eq(eventSignup.residentId, residentId), eq(eventSignup.status, 'signed_up')));
    return row;
  },

  async insertSignup(q: Queryable, values: typeof eventSignup.$inferInsert): Promise<SignupRow> {
    const [row] = await q.insert(eventSignup).values(values).returning();
    return row!;
  },

  async setSignup(q: Queryable, id: string, values: Partial<typeof eventSignup.$inferInsert>): Promise<SignupRow> {
    const [row] = await q.update(eventSignup).set(values).where(eq(eventSignup.id, id)).returning();
    return row!;
  },

  async findSignupInScope(q: Queryable, actor: Actor, permission: PermissionRef, id: string) {
    const [row] = await signupSelect(q).where(and(eq(eventSignup.id, id), scopeWhere(actor, permission, { community: eventSignup.communityId })));
    return row;
  },

  async signups(q: Queryable, eventId: string, after: [string, string] | null, limit: number) {
    const conds: SQL[] = [eq(eventSignup.eventId, eventId), eq(eventSignup.status, 'signed_up')];
    if (after) conds.push(sql`(${eventSignup.createdAt}, ${eventSignup.id}) > (${after[0]}::timestamptz, ${after[1]}::uuid)`);
    return signupSelect(q).where(and(...conds)).orderBy(asc(eventSignup.createdAt), asc(eventSignup.id)).limit(limit + 1);
  },

  async setStatus(q: Queryable, id: string, status: EventRow['status']): Promise<void> {
    await q.update(event).set({ status, version: sql`${event.version} + 1`, updatedAt: new Date() }).where(eq(event.id, id));
  },

  async signedUpAccounts(q: Queryable, eventId: string): Promise<string[]> {
    const found = await rows<{ id: string }>(
      q,
      sql`SELECT DISTINCT a.id FROM event_signup s JOIN account a ON a.resident_id = s.resident_id OR (s.channel = 'app' AND a.id = s.signed_up_by)
           WHERE s.event_id = ${eventId} AND s.status = 'signed_up' AND a.status = 'active'`,
    );
    return found.map((r) => r.id);
  },
};
