/** The only SQL for courses, their sessions, enrollments (with the waitlist) and attendance. */
import { and, asc, eq, ilike, sql, type SQL } from 'drizzle-orm';
import type { Actor, PermissionRef } from '../../platform/auth/actor';
import { rows, type Queryable } from '../../platform/db/client';
import { center, orgNode } from '../../platform/db/tables/org';
import { scopeWhere } from '../../platform/scope';
import { resident } from '../places/places.tables';
import { course, courseAttendance, courseEnrollment, courseSession, venue } from './center.tables';

export type CourseRow = typeof course.$inferSelect;
export type EnrollmentRow = typeof courseEnrollment.$inferSelect;
export type SessionRow = typeof courseSession.$inferSelect;

export interface CourseWithFacts {
  course: CourseRow;
  centerName: string;
  venueName: string | null;
  timezone: string;
  communityPath: string;
  enrolledCount: number;
  waitlistCount: number;
  sessionCount: number;
  mineId: string | null;
  mineStatus: EnrollmentRow['status'] | null;
  minePosition: number | null;
}

const countOf = (status: 'enrolled' | 'waitlisted') =>
  sql<number>`(SELECT count(*)::int FROM course_enrollment e WHERE e.course_id = ${course.id} AND e.status = ${status})`;

/** The viewer's own active enrollment (or of their resident id), with their waitlist position. */
const mine = (residentId: string | null) => {
  const rid = residentId ?? '00000000-0000-0000-0000-000000000000';
  const own = sql`(SELECT e FROM course_enrollment e WHERE e.course_id = ${course.id} AND e.resident_id = ${rid} AND e.status IN ('enrolled', 'waitlisted') LIMIT 1)`;
  return {
    mineId: sql<string | null>`(${own}).id`,
    mineStatus: sql<EnrollmentRow['status'] | null>`(${own}).status`,
    minePosition: sql<number | null>`(SELECT count(*)::int FROM course_enrollment w WHERE w.course_id = ${course.id} AND w.status = 'waitlisted' AND (${own}).status = 'waitlisted' AND w.seq <= (${own}).seq)`,
  };
};

const courseSelect = (q: Queryable, residentId: string | null) =>
  q
    .select({
      course,
      centerName: center.name,
      venueName: venue.name,
      timezone: orgNode.timezone,
      communityPath: orgNode.path,
      enrolledCount: countOf('enrolled'),
      waitlistCount: countOf('waitlisted'),
      sessionCount: sql<number>`(SELECT count(*)::int FROM course_session s WHERE s.course_id = ${course.id} AND s.status = 'scheduled')`,
      ...mine(residentId),
    })
    .from(course)
    .innerJoin(center, eq(center.id, course.centerId))
    .innerJoin(orgNode, eq(orgNode.id, course.communityId))
    .leftJoin(venue, eq(venue.id, course.venueId));

export const coursesRepository = {
  async list(q: Queryable, actor: Actor, f: { centerId?: string; kind?: string; term?: string; q?: string; status?: string; after: [string, string] | null; limit: number }): Promise<CourseWithFacts[]> {
    const conds: SQL[] = [scopeWhere(actor, 'course.read', { community: course.communityId })];
    if (f.centerId) conds.push(eq(course.centerId, f.centerId));
    if (f.kind) conds.push(eq(course.kind, f.kind as CourseRow['kind']));
    if (f.term) conds.push(eq(course.term, f.term));
    if (f.status) conds.push(eq(course.status, f.status as CourseRow['status']));
    if (f.q) conds.push(ilike(course.name, `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
    if (f.after) conds.push(sql`(${course.startsOn}::text, ${course.id}) > (${f.after[0]}, ${f.after[1]}::uuid)`);
    return courseSelect(q, actor.residentId).where(and(...conds)).orderBy(asc(course.startsOn), asc(course.id)).limit(f.limit + 1);
  },

  async findInScope(q: Queryable, actor: Actor, permission: PermissionRef, id: string): Promise<CourseWithFacts | undefined> {
    const [row] = await courseSelect(q, actor.residentId).where(and(eq(course.id, id), scopeWhere(actor, permission, { community: course.communityId })));
    return row;
  },

  async insert(q: Queryable, values: typeof course.$inferInsert): Promise<CourseRow> {
    const [row] = await q.insert(course).values(values).returning();
    return row!;
  },

  async insertSessions(q: Queryable, values: Array<typeof courseSession.$inferInsert>): Promise<void> {
    for (let i = 0; i < values.length; i += 500) await q.insert(courseSession).values(values.slice(i, i + 500));
  },

  /** Takes the course row lock and the next arrival number: every enrollment of a course passes here one at a time. */
  async nextSeq(tx: Queryable, courseId: string): Promise<{ seq: number; capacity: number }> {
    const [row] = await rows<{ seq: number; capacity: number }>(
      tx,
      sql`UPDATE course SET enrollment_seq = enrollment_seq + 1 WHERE id = ${courseId} RETURNING enrollment_seq AS seq, capacity`,
    );
    return row!;
  },

  async lock(tx: Queryable, courseId: string): Promise<{ capacity: number; name: string }> {
    const [row] = await rows<{ capacity: number; name: string }>(tx, sql`SELECT capacity, name FROM course WHERE id = ${courseId} FOR UPDATE`);
    return row!;
  },

  async activeEnrollment(q: Queryable, courseId: string, residentId: string): Promise<EnrollmentRow | undefined> {
    const [row] = await q
      .select()
      .from(courseEnrollment)
      .where(and(eq(courseEnrollment.courseId, courseId), eq(courseEnrollment.residentId, residentId), sql`${courseEnrollment.status} IN ('enrolled', 'waitlisted')`));
    return row;
  },

  async countEnrolled(q: Queryable, courseId: string): Promise<number> {
    const [row] = await rows<{ n: number }>(q, sql`SELECT count(*)::int AS n FROM course_enrollment WHERE course_id = ${courseId} AND status = 'enrolled'`);
    return row!.n;
  },

  async waitlistPosition(q: Queryable, courseId: string, seq: number): Promise<number> {
    const [row] = await rows<{ n: number }>(q, sql`SELECT count(*)::int AS n FROM course_enrollment WHERE course_id = ${courseId} AND status = 'waitlisted' AND seq <= ${seq}`);
    return row!.n;
  },

  async insertEnrollment(q: Queryable, values: typeof courseEnrollment.$inferInsert): Promise<EnrollmentRow> {
    const [row] = await q.insert(courseEnrollment).values(values).returning();
    return row!;
  },

  async findEnrollmentInScope(q: Queryable, actor: Actor, permission: PermissionRef, id: string) {
    const [row] = await q
      .select({ enrollment: courseEnrollment, courseName: course.name, residentName: resident.name })
      .from(courseEnrollment)
      .innerJoin(course, eq(course.id, courseEnrollment.courseId))
      .innerJoin(resident, eq(resident.id, courseEnrollment.residentId))
      .where(and(eq(courseEnrollment.id, id), scopeWhere(actor, permission, { community: courseEnrollment.communityId })));
    return row;
  },

  async statusOf(q: Queryable, id: string): Promise<EnrollmentRow['status']> {
    const [row] = await q.select({ status: courseEnrollment.status }).from(courseEnrollment).where(eq(courseEnrollment.id, id));
    return row!.status;
  },

  async setEnrollment(q: Queryable, id: string, values: Partial<typeof courseEnrollment.$inferInsert>): Promise<void> {
    await q.update(courseEnrollment).set(values).where(eq(courseEnrollment.id, id));
  },

  /** The first `n` of the waitlist, in arrival order. */
  async headOfWaitlist(q: Queryable, courseId: string, n: number): Promise<Array<EnrollmentRow & { residentName: string }>> {
    if (n <= 0) return [];
    return rows(
      q,
      sql`SELECT e.id, e.resident_id AS "residentId", e.enrolled_by AS "enrolledBy", e.seq, r.name AS "residentName"
            FROM course_enrollment e JOIN resident r ON r.id = e.resident_id
           WHERE e.course_id = ${courseId} AND e.status = 'waitlisted' ORDER BY e.seq LIMIT ${n}`,
    );
  },

  async listEnrollments(q: Queryable, courseId: string, f: { status?: string; after: [number, number] | null; limit: number }) {
    const status = f.status ? sql`AND e.status = ${f.status}` : sql``;
    const after = f.after ? sql`AND (CASE e.status WHEN 'enrolled' THEN 0 WHEN 'waitlisted' THEN 1 ELSE 2 END, e.seq) > (${f.after[0]}::int, ${f.after[1]}::int)` : sql``;
    return rows<{
      id: string; courseId: string; courseName: string; residentId: string; residentName: string; birthDate: string | null; status: EnrollmentRow['status'];
      seq: number; rank: number; position: number | null; channel: EnrollmentRow['channel']; createdAt: Date; promotedAt: Date | null; cancelledAt: Date | null;
    }>(
      q,
      sql`SELECT e.id, e.course_id AS "courseId", c.name AS "courseName", e.resident_id AS "residentId", r.name AS "residentName", r.birth_date::text AS "birthDate",
                 e.status, e.seq, CASE e.status WHEN 'enrolled' THEN 0 WHEN 'waitlisted' THEN 1 ELSE 2 END AS rank,
                 CASE WHEN e.status = 'waitlisted' THEN (SELECT count(*)::int FROM course_enrollment w WHERE w.course_id = e.course_id AND w.status = 'waitlisted' AND w.seq <= e.seq) END AS position,
                 e.channel, e.created_at AS "createdAt", e.promoted_at AS "promotedAt", e.cancelled_at AS "cancelledAt"
            FROM course_enrollment e JOIN course c ON c.id = e.course_id JOIN resident r ON r.id = e.resident_id
           WHERE e.course_id = ${courseId} ${status} ${after}
           ORDER BY rank, e.seq LIMIT ${f.limit + 1}`,
    );
  },

  async sessions(q: Queryable, courseId: string) {
    return q
      .select({ session: courseSession, presentCount: sql<number>`(SELECT count(*)::int FROM course_attendance a WHERE a.session_id = "course_session"."id" AND a.status = 'present')` })
      .from(courseSession)
      .where(eq(courseSession.courseId, courseId))
      .orderBy(asc(courseSession.startsAt))
      .limit(500);
  },

  async findSessionInScope(q: Queryable, actor: Actor, permission: PermissionRef, id: string) {
    const [row] = await q
      .select({ session: courseSession, course, presentCount: sql<number>`(SELECT count(*)::int FROM course_attendance a WHERE a.session_id = ${courseSession.id} AND a.status = 'present')` })
      .from(courseSession)
      .innerJoin(course, eq(course.id, courseSession.courseId))
      .where(and(eq(courseSession.id, id), scopeWhere(actor, permission, { community: courseSession.communityId })));
    return row;
  },

  /** Enrolled residents of the course and anyone with an attendance row for the session. */
  async roster(q: Queryable, courseId: string, sessionId: string) {
    return rows<{ residentId: string; residentName: string; status: 'present' | 'absent' | 'leave' | null; pickedUpBy: string | null; pickedUpAt: Date | null }>(
      q,
      sql`SELECT r.id AS "residentId", r.name AS "residentName", a.status, a.picked_up_by AS "pickedUpBy", a.picked_up_at AS "pickedUpAt"
            FROM resident r
            LEFT JOIN course_attendance a ON a.session_id = ${sessionId} AND a.resident_id = r.id
           WHERE r.id IN (SELECT resident_id FROM course_enrollment WHERE course_id = ${courseId} AND status = 'enrolled'
                          UNION SELECT resident_id FROM course_attendance WHERE session_id = ${sessionId})
           ORDER BY r.name_pinyin, r.id
           LIMIT 1000`,
    );
  },

  async enrolledAmong(q: Queryable, courseId: string, residentIds: string[]): Promise<Set<string>> {
    if (residentIds.length === 0) return new Set();
    const found = await rows<{ id: string }>(
      q,
      sql`SELECT resident_id AS id FROM course_enrollment WHERE course_id = ${courseId} AND status = 'enrolled' AND resident_id IN (${sql.join(residentIds.map((r) => sql`${r}::uuid`), sql`, `)})`,
    );
    return new Set(found.map((r) => r.id));
  },

  async upsertAttendance(q: Queryable, values: Array<typeof courseAttendance.$inferInsert>) {
    return q
      .insert(courseAttendance)
      .values(values)
      .onConflictDoUpdate({
        target: [courseAttendance.sessionId, courseAttendance.residentId],
        set: {
          status: sql`excluded.status`,
          pickedUpBy: sql`excluded.picked_up_by`,
          pickedUpAt: sql`excluded.picked_up_at`,
          recordedBy: sql`excluded.recorded_by`,
          recordedAt: sql`excluded.recorded_at`,
        },
      })
      .returning({ id: courseAttendance.id, residentId: courseAttendance.residentId, status: courseAttendance.status });
  },
};
