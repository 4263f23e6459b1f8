/** SQL for activities, slots and signups. Every read applies the caller's scope. */
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Actor, PermissionRef } from '../../platform/auth/actor';
import { rows, type Queryable } from '../../platform/db/client';
import { orgNode } from '../../platform/db/tables/org';
import { scopeWhere } from '../../platform/scope';
import { volunteer, volunteerActivity, volunteerActivitySlot, volunteerSignup } from './volunteers.tables';

export type ActivityRowRaw = typeof volunteerActivity.$inferSelect;
export type SignupRowRaw = typeof volunteerSignup.$inferSelect;
export type SlotCounts = { id: string; role: string; capacity: number; signedUp: number; waitlisted: number };

const activityColumns = {
  a: volunteerActivity,
  communityName: orgNode.name,
  timezone: orgNode.timezone,
  teamName: sql<string | null>`(SELECT t.name FROM volunteer_team t WHERE t.id = ${volunteerActivity.teamId})`,
  organizerName: sql<string | null>`(SELECT ac.display_name FROM account ac WHERE ac.id = ${volunteerActivity.organizerAccountId})`,
  careResidentName: sql<string | null>`(SELECT r.name FROM resident r WHERE r.id = ${volunteerActivity.careResidentId})`,
  slots: sql<unknown>`COALESCE((SELECT json_agg(json_build_object('id', sl.id, 'role', sl.role, 'capacity', sl.capacity,
            'signedUp', (SELECT count(*) FROM volunteer_signup s WHERE s.slot_id = sl.id AND s.status = 'signed_up'),
            'waitlisted', (SELECT count(*) FROM volunteer_signup s WHERE s.slot_id = sl.id AND s.status = 'waitlisted')) ORDER BY sl.position, sl.role)
           FROM volunteer_activity_slot sl WHERE sl.activity_id = ${volunteerActivity.id}), '[]'::json)`,
  minutes: sql<number>`COALESCE((SELECT sum(s.confirmed_minutes) FROM volunteer_signup s WHERE s.activity_id = ${volunteerActivity.id} AND s.hours_status = 'confirmed'), 0)`.mapWith(Number),
  awaiting: sql<number>`(SELECT count(*) FROM volunteer_signup s WHERE s.activity_id = ${volunteerActivity.id} AND s.status = 'signed_up' AND s.hours_status = 'recorded')`.mapWith(Number),
};
export type ActivityRow = { a: ActivityRowRaw; communityName: string; timezone: string; teamName: string | null; organizerName: string | null; careResidentName: string | null; slots: unknown; minutes: number; awaiting: number };

const selectActivities = (q: Queryable) => q.select(activityColumns).from(volunteerActivity).innerJoin(orgNode, eq(orgNode.id, volunteerActivity.communityId));

/** Readers see published activities; managers also see drafts and cancelled ones of their scope. */
const visible = (actor: Actor, permission: PermissionRef) =>
  and(
    scopeWhere(actor, permission, { community: volunteerActivity.communityId }),
    sql`(${volunteerActivity.status} <> 'draft' OR ${scopeWhere(actor, 'volunteer_activity.manage', { community: volunteerActivity.communityId })})`,
  )!;

const signupColumns = {
  s: volunteerSignup,
  activityTitle: volunteerActivity.title,
  startsAt: volunteerActivity.startsAt,
  endsAt: volunteerActivity.endsAt,
  place: volunteerActivity.place,
  slotRole: volunteerActivitySlot.role,
  volunteerName: volunteer.name,
  position: sql<number | null>`CASE WHEN ${volunteerSignup.status} = 'waitlisted' THEN (SELECT count(*) FROM volunteer_signup w
              WHERE w.slot_id = ${volunteerSignup.slotId} AND w.status = 'waitlisted' AND w.seq <= ${volunteerSignup.seq}) END`.mapWith(Number),
};
export type SignupRow = { s: SignupRowRaw; activityTitle: string; startsAt: Date; endsAt: Date; place: string; slotRole: string; volunteerName: string; position: number | null };

const selectSignups = (q: Queryable) =>
  q
    .select(signupColumns)
    .from(volunteerSignup)
    .innerJoin(volunteerActivity, eq(volunteerActivity.id, volunteerSignup.activityId))
    .innerJoin(volunteerActivitySlot, eq(volunteerActivitySlot.id, volunteerSignup.slotId))
    .innerJoin(volunteer, eq(volunteer.id, volunteerSignup.volunteerId));

export interface ActivityFilter {
  communityId?: string;
  teamId?: string;
  status?: string;
  category?: string;
  from?: string;
  to?: string;
  q?: string;
  awaiting?: 'true' | 'false';
  after?: [string, string];
  limit: number;
}

export const activitiesRepository = {
  list(q: Queryable, actor: Actor, f: ActivityFilter): Promise<ActivityRow[]> {
    const conds: SQL[] = [visible(actor, 'volunteer_activity.read')];
    if (f.communityId) conds.push(eq(volunteerActivity.communityId, f.communityId));
    if (f.teamId) conds.push(eq(volunteerActivity.teamId, f.teamId));
    if (f.status) conds.push(eq(volunteerActivity.status, f.status as ActivityRowRaw['status']));
    if (f.category) conds.push(eq(volunteerActivity.category, f.category as ActivityRowRaw['category']));
    if (f.from) conds.push(sql`(${volunteerActivity.startsAt} AT TIME ZONE ${orgNode.timezone})::date >= ${f.from}::date`);
    if (f.to) conds.push(sql`(${volunteerActivity.startsAt} AT TIME ZONE ${orgNode.timezone})::date <= ${f.to}::date`);
    if (f.q) conds.push(sql`${volunteerActivity.title} ILIKE ${`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
    if (f.awaiting === 'true') conds.push(sql`EXISTS (SELECT 1 FROM volunteer_signup s WHERE s.activity_id = ${volunteerActivity.id} AND s.status = 'signed_up' AND s.hours_status = 'recorded')`);
    if (f.after) conds.push(sql`(${volunteerActivity.startsAt}, ${volunteerActivity.id}) > (${f.after[0]}::timestamptz, ${f.after[1]}::uuid)`);
    return selectActivities(q).where(and(...conds)).orderBy(asc(volunteerActivity.startsAt), asc(volunteerActivity.id)).limit(f.limit + 1);
  },

  async findVisible(q: Queryable, actor: Actor, permission: PermissionRef, id: string): Promise<ActivityRow | undefined> {
    const [row] = await selectActivities(q).where(and(eq(volunteerActivity.id, id), visible(actor, permission)));
    return row;
  },

  async findInScope(q: Queryable, actor: Actor, permission: PermissionRef, id: string): Promise<ActivityRow | undefined> {
    const [row] = await selectActivities(q).where(and(eq(volunteerActivity.id, id), scopeWhere(actor, permission, { community: volunteerActivity.communityId })));
    return row;
  },

  /** Serializes every signup, cancellation and promotion of one activity: capacity is decided under this lock. */
  async lock(q: Queryable, id: string): Promise<ActivityRowRaw | undefined> {
    const [row] = await q.select().from(volunteerActivity).where(eq(volunteerActivity.id, id)).for('update');
    return row;
  },

  async insert(q: Queryable, values: typeof volunteerActivity.$inferInsert, slots: Array<{ role: string; capacity: number }>): Promise<ActivityRowRaw> {
    const [row] = await q.insert(volunteerActivity).values(values).returning();
    await q.insert(volunteerActivitySlot).values(slots.map((s, i) => ({ communityId: row!.communityId, activityId: row!.id, role: s.role, capacity: s.capacity, position: i })));
    return row!;
  },

  async slots(q: Queryable, activityId: string): Promise<SlotCounts[]> {
    const found = await rows<SlotCounts>(
      q,
      sql`SELECT sl.id, sl.role, sl.capacity,
                 count(s.id) FILTER (WHERE s.status = 'signed_up')::int AS "signedUp",
                 count(s.id) FILTER (WHERE s.status = 'waitlisted')::int AS waitlisted
            FROM volunteer_activity_slot sl LEFT JOIN volunteer_signup s ON s.slot_id = sl.id
           WHERE sl.activity_id = ${activityId}
           GROUP BY sl.id ORDER BY sl.position, sl.role`,
    );
    return found.map((r) => ({ ...r, capacity: Number(r.capacity), signedUp: Number(r.signedUp), waitlisted: Number(r.waitlisted) }));
  },

  async setSlotCapacity(q: Queryable, slotId: string, capacity: number): Promise<void> {
    await q.update(volunteerActivitySlot).set({ capacity }).where(eq(volunteerActivitySlot.id, slotId));
  },
};

export const signupsRepository = {
  async find(q: Queryable, id: string): Promise<SignupRow | undefined> {
    const [row] = await selectSignups(q).where(eq(volunteerSignup.id, id));
    return row;
  },

  async findInScope(q: Queryable, actor: Actor, permission: PermissionRef, id: string): Promise<SignupRow | undefined> {
    const [row] = await selectSignups(q).where(and(eq(volunteerSignup.id, id), scopeWhere(actor, permission, { community: volunteerSignup.communityId })));
    return row;
  },

  async live(q: Queryable, activityId: string, volunteerId: string): Promise<SignupRow | undefined> {
    const [row] = await selectSignups(q).where(and(eq(volunteerSignup.activityId, activityId), eq(volunteerSignup.volunteerId, volunteerId), sql`${volunteerSignup.status} <> 'cancelled'`));
    return row;
  },

  /** The caller's live signup of each activity (for "mySignup" in lists). */
  liveOfAccount(q: Queryable, accountId: string, activityIds: string[]): Promise<SignupRow[]> {
    if (!activityIds.length) return Promise.resolve([]);
    return selectSignups(q).where(and(inArray(volunteerSignup.activityId, activityIds), eq(volunteer.accountId, accountId), sql`${volunteerSignup.status} <> 'cancelled'`));
  },

  ofActivity(q: Queryable, activityId: string, f: { status?: string; afterSeq?: number; limit: number }): Promise<SignupRow[]> {
    const conds: SQL[] = [eq(volunteerSignup.activityId, activityId)];
    if (f.status) conds.push(eq(volunteerSignup.status, f.status as SignupRowRaw['status']));
    if (f.afterSeq !== undefined) conds.push(sql`${volunteerSignup.seq} > ${f.afterSeq}`);
    return selectSignups(q).where(and(...conds)).orderBy(asc(volunteerSignup.seq)).limit(f.limit + 1);
  },

  ofAccount(q: Queryable, actor: Actor, f: { when: 'upcoming' | 'past'; after?: [string, string]; limit: number }): Promise<SignupRow[]> {
    const upcoming = f.when === 'upcoming';
    const conds: SQL[] = [
      eq(volunteer.accountId, actor.accountId!),
      scopeWhere(actor, 'volunteer.self', { community: volunteerSignup.communityId }),
      upcoming ? sql`${volunteerActivity.endsAt} >= now() AND ${volunteerSignup.status} <> 'cancelled'` : sql`${volunteerActivity.endsAt} < now()`,
    ];
    if (f.after) conds.push(upcoming ? sql`(${volunteerActivity.startsAt}, ${volunteerSignup.id}) > (${f.after[0]}::timestamptz, ${f.after[1]}::uuid)` : sql`(${volunteerActivity.startsAt}, ${volunteerSignup.id}) < (${f.after[0]}::timestamptz, ${f.after[1]}::uuid)`);
    const order = upcoming ? [asc(volunteerActivity.startsAt), asc(volunteerSignup.id)] : [sql`${volunteerActivity.startsAt} DESC`, sql`${volunteerSignup.id} DESC`];
    return selectSignups(q).where(and(...conds)).orderBy(...order).limit(f.limit + 1);
  },

  async insert(q: Queryable, values: Omit<typeof volunteerSignup.$inferInsert, 'seq'>): Promise<SignupRowRaw> {
    const [row] = await q.insert(volunteerSignup).values(values).returning();
    return row!;
  },

  async position(q: Queryable, slotId: string, seq: number): Promise<number> {
    const [row] = await rows<{ n: number }>(q, sql`SELECT count(*)::int AS n FROM volunteer_signup WHERE slot_id = ${slotId} AND status = 'waitlisted' AND seq <= ${seq}`);
    return Number(row?.n ?? 0);
  },

  /** Other live signups of the volunteer whose activity overlaps [startsAt, endsAt). */
  overlapping(q: Queryable, volunteerId: string, activityId: string, startsAt: Date, endsAt: Date) {
    return q
      .select({ activityId: volunteerActivity.id, title: volunteerActivity.title, startsAt: volunteerActivity.startsAt })
      .from(volunteerSignup)
      .innerJoin(volunteerActivity, eq(volunteerActivity.id, volunteerSignup.activityId))
      .where(
        and(
          eq(volunteerSignup.volunteerId, volunteerId),
          sql`${volunteerSignup.status} <> 'cancelled'`,
          sql`${volunteerActivity.status} <> 'cancelled'`,
          sql`${volunteerActivity.id} <> ${activityId}`,
          sql`${volunteerActivity.startsAt} < ${endsAt.toISOString()}::timestamptz AND ${volunteerActivity.endsAt} > ${startsAt.toISOString()}::timestamptz`,
        ),
      )
      .orderBy(asc(volunteerActivity.startsAt))
      .limit(10);
  },

  async firstWaitlisted(q: Queryable, slotId: string): Promise<SignupRowRaw | undefined> {
    const [row] = await q.select().from(volunteerSignup).where(and(eq(volunteerSignup.slotId, slotId), eq(volunteerSignup.status, 'waitlisted'))).orderBy(asc(volunteerSignup.seq)).limit(1);
    return row;
  },

  /** A conditional update: applies only while the row still matches `where` (no lost update between two scans). */
  async update(q: Queryable, id: string, values: Partial<typeof volunteerSignup.$inferInsert>, where?: SQL): Promise<SignupRowRaw | undefined> {
    const [row] = await q
      .update(volunteerSignup)
      .set({ ...values, version: sql`${volunteerSignup.version} + 1`, updatedAt: new Date() } as never)
      .where(and(eq(volunteerSignup.id, id), where))
      .returning();
    return row;
  },

  liveOfActivity(q: Queryable, activityId: string) {
    return q
      .select({ id: volunteerSignup.id, status: volunteerSignup.status, accountId: volunteer.accountId })
      .from(volunteerSignup)
      .innerJoin(volunteer, eq(volunteer.id, volunteerSignup.volunteerId))
      .where(and(eq(volunteerSignup.activityId, activityId), sql`${volunteerSignup.status} <> 'cancelled'`));
  },
};
