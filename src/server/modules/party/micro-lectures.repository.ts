/** SQL for micro-lectures, their check-ins, the per-community settings and the reminder sweep. */
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Actor, PermissionRef } from '../../platform/auth/actor';
import { rows, type Queryable } from '../../platform/db/client';
import { scopeWhere } from '../../platform/scope';
import { lectureCheckIn, microLecture, partyMember, partySettings } from './party.tables';

export type LectureRow = typeof microLecture.$inferSelect;
export type LectureFull = LectureRow & { lecturerName: string | null; checkIns: number; lateCount: number };
export type CheckInRow = typeof lectureCheckIn.$inferSelect;
export type SettingsRow = typeof partySettings.$inferSelect;

function select(q: Queryable) {
  return q
    .select({
      lecture: microLecture,
      lecturerName: partyMember.name,
      checkIns: sql<number>`(SELECT count(*)::int FROM lecture_check_in c WHERE c.lecture_id = micro_lecture.id)`,
      lateCount: sql<number>`(SELECT count(*)::int FROM lecture_check_in c WHERE c.lecture_id = micro_lecture.id AND c.late)`,
    })
    .from(microLecture)
    .leftJoin(partyMember, eq(partyMember.id, microLecture.lecturerMemberId));
}
type Selected = { lecture: LectureRow; lecturerName: string | null; checkIns: number; lateCount: number };
const flatten = (r: Selected): LectureFull => ({ ...r.lecture, lecturerName: r.lecturerName, checkIns: Number(r.checkIns), lateCount: Number(r.lateCount) });

export const microLecturesRepository = {
  async settings(q: Queryable, communityId: string): Promise<SettingsRow> {
    await q.insert(partySettings).values({ communityId }).onConflictDoNothing();
    const [row] = await q.select().from(partySettings).where(eq(partySettings.communityId, communityId));
    return row!;
  },

  /** Optimistic update of the settings row; false when the version is stale. */
  async updateSettings(q: Queryable, communityId: string, version: number, values: Partial<typeof partySettings.$inferInsert>): Promise<boolean> {
    const updated = await q
      .update(partySettings)
      .set({ ...values, version: sql`${partySettings.version} + 1`, updatedAt: new Date() })
      .where(and(eq(partySettings.communityId, communityId), eq(partySettings.version, version)))
      .returning({ v: partySettings.version });
    return updated.length === 1;
  },

  /** The next 第N期 number; the settings row lock serializes concurrent creates. */
  async nextIssueNo(q: Queryable, communityId: string): Promise<number> {
    await q.insert(partySettings).values({ communityId }).onConflictDoNothing();
    const [row] = await rows<{ n: number }>(q, sql`UPDATE party_settings SET last_issue_no = last_issue_no + 1 WHERE community_id = ${communityId} RETURNING last_issue_no AS n`);
    return row!.n;
  },

  async latestScheduledAt(q: Queryable, communityId: string): Promise<Date | null> {
    const [row] = await rows<{ at: string | Date | null }>(q, sql`SELECT max(scheduled_at) AS at FROM micro_lecture WHERE community_id = ${communityId} AND status = 'scheduled'`);
    return row?.at ? new Date(row.at) : null;
  },

  async insert(q: Queryable, values: typeof microLecture.$inferInsert): Promise<LectureRow> {
    const [row] = await q.insert(microLecture).values(values).returning();
    return row!;
  },

  async list(q: Queryable, actor: Actor, permission: PermissionRef, f: { communityId: string; from?: Date; to?: Date; before?: readonly [string, string]; limit: number }) {
    const conds: (SQL | undefined)[] = [scopeWhere(actor, permission, { community: microLecture.communityId }), eq(microLecture.communityId, f.communityId)];
    if (f.from) conds.push(sql`${microLecture.scheduledAt} >= ${f.from.toISOString()}::timestamptz`);
    if (f.to) conds.push(sql`${microLecture.scheduledAt} < ${f.to.toISOString()}::timestamptz`);
    if (f.before) conds.push(sql`(${microLecture.scheduledAt}, ${microLecture.id}) < (${f.before[0]}::timestamptz, ${f.before[1]})`);
    const list = await select(q).where(and(...conds)).orderBy(desc(microLecture.scheduledAt), desc(microLecture.id)).limit(f.limit + 1);
    return list.map(flatten);
  },

  /** A member's lectures around now: the next few and the recent ones. */
  async aroundNow(q: Queryable, communityId: string, upcoming: number, recent: number): Promise<LectureFull[]> {
    const next = await select(q)
      .where(and(eq(microLecture.communityId, communityId), eq(microLecture.status, 'scheduled'), sql`${microLecture.checkinClosesAt} > now()`))
      .orderBy(microLecture.scheduledAt)
      .limit(upcoming);
    const past = await select(q)
      .where(and(eq(microLecture.communityId, communityId), sql`${microLecture.checkinClosesAt} <= now()`))
      .orderBy(desc(microLecture.scheduledAt))
      .limit(recent);
    return [...next, ...past].map(flatten);
  },

  async findInScope(q: Queryable, actor: Actor, permission: PermissionRef, id: string): Promise<LectureFull | undefined> {
    const [row] = await select(q).where(and(eq(microLecture.id, id), scopeWhere(actor, permission, { community: microLecture.communityId })));
    return row && flatten(row);
  },

  async insertCheckIn(q: Queryable, values: typeof lectureCheckIn.$inferInsert): Promise<CheckInRow | undefined> {
    const [row] = await q.insert(lectureCheckIn).values(values).onConflictDoNothing().returning();
    return row;
  },

  async findCheckIn(q: Queryable, lectureId: string, memberId: string): Promise<CheckInRow | undefined> {
    const [row] = await q.select().from(lectureCheckIn).where(and(eq(lectureCheckIn.lectureId, lectureId), eq(lectureCheckIn.memberId, memberId)));
    return row;
  },

  /** The member's check-ins at the given lectures. */
  checkInsOf(q: Queryable, memberId: string, lectureIds: string[]) {
    if (lectureIds.length === 0) return Promise.resolve([] as CheckInRow[]);
    return q
      .select()
      .from(lectureCheckIn)
      .where(and(eq(lectureCheckIn.memberId, memberId), sql`${lectureCheckIn.lectureId} IN (${sql.join(lectureIds.map((id) => sql`${id}`), sql`, `)})`));
  },

  checkInList(q: Queryable, lectureId: string) {
    return q
      .select({ checkIn: lectureCheckIn, memberName: partyMember.name })
      .from(lectureCheckIn)
      .innerJoin(partyMember, eq(partyMember.id, lectureCheckIn.memberId))
      .where(eq(lectureCheckIn.lectureId, lectureId))
      .orderBy(lectureCheckIn.checkedInAt)
      .limit(10_000);
  },

  /** Members on the roster at the moment the lecture started (the base of its attendance). */
  async eligibleCount(q: Queryable, lecture: { communityId: string; scheduledAt: Date }): Promise<number> {
    const [row] = await rows<{ n: number }>(
      q,
      sql`SELECT count(*)::int AS n FROM party_member WHERE community_id = ${lecture.communityId}
           AND enrolled_at <= ${lecture.scheduledAt.toISOString()}::timestamptz AND (left_at IS NULL OR left_at > ${lecture.scheduledAt.toISOString()}::timestamptz)`,
    );
    return row!.n;
  },

  /** Claims the lectures whose reminder is due (each exactly once, whatever the number of workers). */
  claimDueReminders(q: Queryable, now: Date) {
    return rows<{ id: string; community_id: string; issue_no: number; title: string; scheduled_at: string | Date; timezone: string }>(
      q,
      sql`UPDATE micro_lecture l SET reminded_at = ${now.toISOString()}::timestamptz
            FROM party_settings s, org_node o
           WHERE s.community_id = l.community_id AND o.id = l.community_id
             AND l.status = 'scheduled' AND l.reminded_at IS NULL
             AND l.scheduled_at > ${now.toISOString()}::timestamptz
             AND l.scheduled_at - make_interval(mins => s.reminder_minutes) <= ${now.toISOString()}::timestamptz
         RETURNING l.id, l.community_id, l.issue_no, l.title, l.scheduled_at, o.timezone`,
    );
  },

  async memberAccounts(q: Queryable, communityId: string): Promise<string[]> {
    const list = await rows<{ account_id: string }>(
      q,
      sql`SELECT DISTINCT COALESCE(m.account_id, a.id) AS account_id FROM party_member m
            LEFT JOIN account a ON m.account_id IS NULL AND m.resident_id IS NOT NULL AND a.resident_id = m.resident_id
           WHERE m.community_id = ${communityId} AND m.left_at IS NULL AND COALESCE(m.account_id, a.id) IS NOT NULL`,
    );
    return list.map((r) => r.account_id);
  },

  /** Lectures whose check-in has closed and whose lecturer has no 'lecture_given' entry yet. */
  lecturesToCredit(q: Queryable, now: Date) {
    return rows<{ id: string; community_id: string; lecturer_member_id: string; scheduled_at: string | Date }>(
      q,
      sql`SELECT l.id, l.community_id, l.lecturer_member_id, l.scheduled_at FROM micro_lecture l
           WHERE l.status = 'scheduled' AND l.lecturer_member_id IS NOT NULL AND l.checkin_closes_at <= ${now.toISOString()}::timestamptz
             AND NOT EXISTS (SELECT 1 FROM party_point_entry e WHERE e.community_id = l.community_id AND e.source = 'lecture_given' AND e.source_id = l.id::text)
           LIMIT 500`,
    );
  },
};
