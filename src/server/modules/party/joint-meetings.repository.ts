/** SQL for joint meetings (四方联动): attendees, minutes, decisions as action items, carried-over items. */
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Actor, PermissionRef } from '../../platform/auth/actor';
import { rows, type Queryable } from '../../platform/db/client';
import { scopeWhere } from '../../platform/scope';
import { jointMeeting, jointMeetingAttendee, meetingActionItem } from './party.tables';

export type MeetingRow = typeof jointMeeting.$inferSelect;
export type AttendeeRow = typeof jointMeetingAttendee.$inferSelect;
export type ActionRow = typeof meetingActionItem.$inferSelect & { meetingTitle: string; meetingHeldAt: Date };

const actionSelect = { item: meetingActionItem, meetingTitle: jointMeeting.title, meetingHeldAt: jointMeeting.heldAt };
const flattenAction = (r: { item: typeof meetingActionItem.$inferSelect; meetingTitle: string; meetingHeldAt: Date }): ActionRow => ({ ...r.item, meetingTitle: r.meetingTitle, meetingHeldAt: r.meetingHeldAt });

export const jointMeetingsRepository = {
  async insert(q: Queryable, values: typeof jointMeeting.$inferInsert): Promise<MeetingRow> {
    const [row] = await q.insert(jointMeeting).values(values).returning();
    return row!;
  },

  async setAttendees(q: Queryable, meeting: MeetingRow, list: { party: AttendeeRow['party']; name: string; organization?: string | null }[]): Promise<void> {
    await q.delete(jointMeetingAttendee).where(eq(jointMeetingAttendee.meetingId, meeting.id));
    if (list.length) {
      await q.insert(jointMeetingAttendee).values(list.map((a) => ({ communityId: meeting.communityId, meetingId: meeting.id, party: a.party, name: a.name, organization: a.organization ?? null })));
    }
  },

  list(q: Queryable, actor: Actor, permission: PermissionRef, f: { communityId: string; before?: readonly [string, string]; limit: number }) {
    const conds: (SQL | undefined)[] = [scopeWhere(actor, permission, { community: jointMeeting.communityId }), eq(jointMeeting.communityId, f.communityId)];
    if (f.before) conds.push(sql`(${jointMeeting.heldAt}, ${jointMeeting.id}) < (${f.before[0]}::timestamptz, ${f.before[1]})`);
    return q
      .select({
        meeting: jointMeeting,
        attendees: sql<number>`(SELECT count(*)::int FROM joint_meeting_attendee a WHERE a.meeting_id = joint_meeting.id)`,
        parties: sql<string[]>`(SELECT COALESCE(array_agg(DISTINCT a.party), '{}') FROM joint_meeting_attendee a WHERE a.meeting_id = joint_meeting.id)`,
        decisions: sql<number>`(SELECT count(*)::int FROM meeting_action_item i WHERE i.meeting_id = joint_meeting.id)`,
        openActions: sql<number>`(SELECT count(*)::int FROM meeting_action_item i WHERE i.meeting_id = joint_meeting.id AND i.status = 'open')`,
      })
      .from(jointMeeting)
      .where(and(...conds))
      .orderBy(desc(jointMeeting.heldAt), desc(jointMeeting.id))
      .limit(f.limit + 1);
  },

  async findInScope(q: Queryable, actor: Actor, permission: PermissionRef, id: string): Promise<MeetingRow | undefined> {
    const [row] = await q.select().from(jointMeeting).where(and(eq(jointMeeting.id, id), scopeWhere(actor, permission, { community: jointMeeting.communityId })));
    return row;
  },

  attendees(q: Queryable, meetingId: string) {
    return q.select().from(jointMeetingAttendee).where(eq(jointMeetingAttendee.meetingId, meetingId)).orderBy(jointMeetingAttendee.party, jointMeetingAttendee.name).limit(500);
  },

  async actionsOf(q: Queryable, meetingId: string): Promise<ActionRow[]> {
    const list = await q.select(actionSelect).from(meetingActionItem).innerJoin(jointMeeting, eq(jointMeeting.id, meetingActionItem.meetingId)).where(eq(meetingActionItem.meetingId, meetingId)).orderBy(meetingActionItem.createdAt).limit(500);
    return list.map(flattenAction);
  },

  /** Items decided before `heldAt` that were still open at it (open now, or done since). */
  async carriedOver(q: Queryable, communityId: string, heldAt: Date): Promise<ActionRow[]> {
    const list = await q
      .select(actionSelect)
      .from(meetingActionItem)
      .innerJoin(jointMeeting, eq(jointMeeting.id, meetingActionItem.meetingId))
      .where(
        and(
          eq(meetingActionItem.communityId, communityId),
          sql`${jointMeeting.heldAt} < ${heldAt.toISOString()}::timestamptz`,
          sql`(${meetingActionItem.status} = 'open' OR ${meetingActionItem.doneAt} >= ${heldAt.toISOString()}::timestamptz)`,
        ),
      )
      .orderBy(meetingActionItem.dueOn, meetingActionItem.id)
      .limit(500);
    return list.map(flattenAction);
  },

  async openItems(q: Queryable, actor: Actor, permission: PermissionRef, communityId: string): Promise<ActionRow[]> {
    const list = await q
      .select(actionSelect)
      .from(meetingActionItem)
      .innerJoin(jointMeeting, eq(jointMeeting.id, meetingActionItem.meetingId))
      .where(and(eq(meetingActionItem.communityId, communityId), eq(meetingActionItem.status, 'open'), scopeWhere(actor, permission, { community: meetingActionItem.communityId })))
      .orderBy(meetingActionItem.dueOn, meetingActionItem.id)
      .limit(500);
    return list.map(flattenAction);
  },

  async insertAction(q: Queryable, values: typeof meetingActionItem.$inferInsert) {
    const [row] = await q.insert(meetingActionItem).values(values).returning();
    return row!;
  },

  async findActionInScope(q: Queryable, actor: Actor, permission: PermissionRef, id: string): Promise<ActionRow | undefined> {
    const [row] = await q
      .select(actionSelect)
      .from(meetingActionItem)
      .innerJoin(jointMeeting, eq(jointMeeting.id, meetingActionItem.meetingId))
      .where(and(eq(meetingActionItem.id, id), scopeWhere(actor, permission, { community: meetingActionItem.communityId })));
    return row && flattenAction(row);
  },

  async count(q: Queryable, communityId: string): Promise<number> {
    const [row] = await rows<{ n: number }>(q, sql`SELECT count(*)::int AS n FROM joint_meeting WHERE community_id = ${communityId}`);
    return row!.n;
  },
};
