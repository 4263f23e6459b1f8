/**
 * Roll call per course session. A "present" counts one service visit (course_attendance) of that
 * person; changing it to absent or leave takes the visit back. The 4:30 school also records who
 * picked the child up and when.
 */
import type { AppContext } from '../../context';
import type { Actor } from '../../platform/auth/actor';
import { AppError } from '../../platform/errors';
import type { CenterDeps } from './center.service';
import { coursesRepository as repo } from './courses.repository';

type Record_ = { residentId: string; status: 'present' | 'absent' | 'leave'; pickedUpBy?: string | null; pickedUpAt?: string | null };

export function createAttendanceService(ctx: AppContext, deps: CenterDeps) {
  const { db, audit } = ctx;

  async function sessionFor(actor: Actor, permission: string, id: string, q = db) {
    const row = await repo.findSessionInScope(q, actor, permission, id);
    if (!row) throw new AppError('not_found');
    return row;
  }

  return {
    async roster(actor: Actor, sessionId: string) {
      const s = await sessionFor(actor, 'course_attendance.record', sessionId);
      const items = await repo.roster(db, s.course.id, sessionId);
      return {
        session: { ...s.session, presentCount: s.presentCount },
        courseKind: s.course.kind,
        courseName: s.course.name,
        items: items.map((i) => ({ ...i, pickedUpAt: i.pickedUpAt ? new Date(i.pickedUpAt) : null })),
      };
    },

    async record(actor: Actor, sessionId: string, input: { records: Record_[] }) {
      const issues: Array<{ field: string; code: string; message: string }> = [];
      await db.transaction(async (tx) => {
        const s = await sessionFor(actor, 'course_attendance.record', sessionId, tx);
        if (s.session.status !== 'scheduled') throw new AppError('invalid_transition');
        const enrolled = await repo.enrolledAmong(tx, s.course.id, input.records.map((r) => r.residentId));
        const started = s.session.startsAt.getTime() <= Date.now();
        input.records.forEach((r, i) => {
          if (!enrolled.has(r.residentId)) issues.push({ field: `body.records.${i}.residentId`, code: 'not_enrolled', message: 'not_enrolled' });
          if (r.status !== 'leave' && !started) issues.push({ field: `body.records.${i}.status`, code: 'session_not_started', message: 'session_not_started' });
          if ((r.pickedUpBy || r.pickedUpAt) && s.course.kind !== 'after_school') issues.push({ field: `body.records.${i}.pickedUpBy`, code: 'pickup_only_after_school', message: 'pickup_only_after_school' });
        });
        if (issues.length) throw new AppError('validation_failed', issues);
        const now = new Date();
        const saved = await repo.upsertAttendance(
          tx,
          input.records.map((r) => ({
            communityId: s.session.communityId,
            courseId: s.course.id,
            sessionId,
            residentId: r.residentId,
            status: r.status,
            pickedUpBy: r.pickedUpBy ?? null,
            pickedUpAt: r.pickedUpAt ? new Date(r.pickedUpAt) : null,
            recordedBy: actor.accountId,
            recordedAt: now,
          })),
        );
        for (const a of saved) {
          if (a.status === 'present') {
            await deps.serviceVisits.record(tx, { communityId: s.session.communityId, centerId: s.course.centerId, residentId: a.residentId, source: 'course_attendance', sourceId: a.id, occurredAt: s.session.startsAt, theme: s.course.theme });
          } else {
            await deps.serviceVisits.remove(tx, s.session.communityId, 'course_attendance', a.id);
          }
        }
        const present = saved.filter((a) => a.status === 'present').length;
        await audit.record(tx, actor, { action: 'course_attendance.record', entity: 'course_session', entityId: sessionId, communityId: s.session.communityId, changes: { course: s.course.name, records: saved.length, present } });
      });
      return this.roster(actor, sessionId);
    },
  };
}

export type AttendanceService = ReturnType<typeof createAttendanceService>;
