/**
 * Courses (老年大学, 四点半学校): terms with generated sessions holding their room, enrollment that
 * opens at a set time, an exact capacity and an ordered waitlist. Every enrollment of a course
 * passes the course row lock one at a time (`nextSeq`), which both serializes the capacity check
 * and numbers arrivals; the waitlist is promoted in that order when a seat frees up.
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
import { centerRepository } from './center.repository';
import type { CenterDeps } from './center.service';
import { course } from './center.tables';
import { ageOn, datesOnWeekdays, localParts, zonedInstant } from './center.time';
import { coursesRepository as repo, type CourseWithFacts } from './courses.repository';
import type { CourseView, EnrollmentView } from './courses.schemas';
import { enrollmentState, toCourseView } from './courses.views';
import type { VenuesService } from './venues.service';

const MAX_SESSIONS = 200;

type CreateCourse = {
  centerId: string; venueId?: string | null; kind: CourseView['kind']; term: string; name: string; description?: string | null; teacherName?: string | null;
  theme?: CourseView['theme']; capacity: number; feeFen: number; minAge?: number | null; maxAge?: number | null; requiredTags?: string[];
  enrollmentOpensAt: string; enrollmentClosesAt?: string | null; startsOn: string; endsOn: string; weekdays: number[]; startTime: string; endTime: string;
};
type UpdateCourse = Partial<Omit<CreateCourse, 'centerId' | 'venueId' | 'kind' | 'term' | 'startsOn' | 'endsOn' | 'weekdays' | 'startTime' | 'endTime'>> & { version: number; status?: 'active' | 'cancelled' };

const fieldError = (field: string, code: string) => new AppError('validation_failed', [{ field, code, message: code }]);

export function createCoursesService(ctx: AppContext, deps: CenterDeps & { venues: VenuesService }) {
  const { db, audit } = ctx;

  async function courseFor(q: Queryable, actor: Actor, permission: string, id: string): Promise<CourseWithFacts> {
    const row = await repo.findInScope(q, actor, permission, id);
    if (!row) throw new AppError('not_found');
    return row;
  }

  /** Promotes the head of the waitlist into free seats, in arrival order, with an inbox notice each. Caller holds the course lock. */
  async function promote(tx: Queryable, c: { id: string; communityId: string; name: string; capacity: number }): Promise<number> {
    const free = c.capacity - (await repo.countEnrolled(tx, c.id));
    const next = await repo.headOfWaitlist(tx, c.id, free);
    for (const e of next) {
      await repo.setEnrollment(tx, e.id, { status: 'enrolled', promotedAt: new Date() });
      const accounts = [...(await centerRepository.accountsOfResident(tx, e.residentId)), ...(e.enrolledBy ? [e.enrolledBy] : [])];
      await deps.notifications.notify(tx, { accountIds: accounts, communityId: c.communityId, kind: 'course.promoted', ...notices.promotedFromWaitlist(c.name, e.residentName), entity: 'course_enrollment', entityId: e.id, link: '/m/center/mine' });
    }
    return next.length;
  }

  return {
    async list(actor: Actor, q: { centerId?: string; kind?: string; term?: string; q?: string; status?: string; cursor?: string; limit: number }) {
      const after = decodeCursor(q.cursor, z.tuple([z.string(), z.string()]));
      const now = new Date();
      const found = await repo.list(db, actor, { ...q, after, limit: q.limit });
      return pageFrom(found, q.limit, (r) => [r.course.startsOn, r.course.id], (r) => toCourseView(r, now));
    },

    async get(actor: Actor, id: string): Promise<CourseView> {
      return toCourseView(await courseFor(db, actor, 'course.read', id), new Date());
    },

    async create(actor: Actor, input: CreateCourse): Promise<CourseView> {
      const c = await centerRepository.centerInScope(db, actor, 'course.manage', input.centerId);
      if (!c) throw new AppError('not_found');
      const tz = c.community.timezone;
      const days = datesOnWeekdays(input.startsOn, input.endsOn, input.weekdays, MAX_SESSIONS);
      if (days.length > MAX_SESSIONS) throw fieldError('body.endsOn', 'too_many_sessions');
      if (days.length === 0) throw fieldError('body.weekdays', 'no_sessions');
      const slots = days.map((d) => ({ startsAt: zonedInstant(d, input.startTime, tz), endsAt: zonedInstant(d, input.endTime, tz) }));
      const id = await deps.venues.withSlots(() =>
        db.transaction(async (tx) => {
          const row = await repo.insert(tx, {
            ...input,
            venueId: input.venueId ?? null,
            communityId: c.communityId,
            requiredTags: input.requiredTags ?? [],
            enrollmentOpensAt: new Date(input.enrollmentOpensAt),
            enrollmentClosesAt: input.enrollmentClosesAt ? new Date(input.enrollmentClosesAt) : null,
          });
          const bookingIds = input.venueId
            ? await deps.venues.holdSlots(tx, actor, { venueId: input.venueId, communityId: c.communityId, slots, kind: 'course', purpose: `${input.name}（${input.term}）`, seriesId: row.id })
            : [];
          await repo.insertSessions(tx, slots.map((s, i) => ({ id: newId(), communityId: c.communityId, courseId: row.id, ...s, bookingId: bookingIds[i] ?? null })));
          await audit.record(tx, actor, { action: 'course.create', entity: 'course', entityId: row.id, communityId: c.communityId, changes: diffForAudit(null, { name: row.name, term: row.term, capacity: row.capacity, feeFen: row.feeFen, sessions: slots.length }) });
          return row.id;
        }),
      );
      return this.get(actor, id);
    },

    async update(actor: Actor, id: string, input: UpdateCourse): Promise<CourseView> {
      await db.transaction(async (tx) => {
        const before = await courseFor(tx, actor, 'course.manage', id);
        await repo.lock(tx, id);
        const { version, enrollmentOpensAt, enrollmentClosesAt, ...rest } = input;
        const merged = { ...before.course, ...rest };
        if (merged.minAge != null && merged.maxAge != null && merged.minAge > merged.maxAge) throw fieldError('body.maxAge', 'age_range');
        const values = {
          ...rest,
          ...(enrollmentOpensAt ? { enrollmentOpensAt: new Date(enrollmentOpensAt) } : {}),
          ...(enrollmentClosesAt !== undefined ? { enrollmentClosesAt: enrollmentClosesAt ? new Date(enrollmentClosesAt) : null } : {}),
        };
        const after = await updateVersioned(tx, course, { id, version, values, scope: scopeWhere(actor, 'course.manage', { community: course.communityId }) });
        // A larger class takes people off the waitlist at once, in arrival order.
        const promoted = after.status === 'active' && after.capacity > before.course.capacity ? await promote(tx, after) : 0;
        await audit.record(tx, actor, { action: 'course.update', entity: 'course', entityId: id, communityId: after.communityId, changes: { ...diffForAudit(before.course, after, { fields: Object.keys(values) as never }), ...(promoted ? { promoted } : {}) } });
      });
      return this.get(actor, id);
    },

    async enroll(actor: Actor, courseId: string, input: { residentId?: string }): Promise<{ id: string; residentId: string; status: 'enrolled' | 'waitlisted'; position?: number }> {
      const c = await courseFor(db, actor, 'course.read', courseId);
      const community = (await centerRepository.community(db, c.course.communityId))!;
      const who = await beneficiary(db, actor, community, 'course.manage', input.residentId);
      const now = new Date();
      if (c.course.status !== 'active') throw new AppError('invalid_transition');
      const state = enrollmentState(c.course, now);
      if (state === 'not_open') throw new AppError('enrollment_not_open', { opensAt: c.course.enrollmentOpensAt.toISOString() });
      if (state === 'closed') throw new AppError('enrollment_closed');
      checkRequirements(c, who.resident, localParts(now, c.timezone).date);
      const result = await mapViolation(
        () =>
          db.transaction(async (tx) => {
            const { seq, capacity } = await repo.nextSeq(tx, courseId);
            if (await repo.activeEnrollment(tx, courseId, who.resident.id)) throw new AppError('already_enrolled');
            const status: 'enrolled' | 'waitlisted' = (await repo.countEnrolled(tx, courseId)) < capacity ? 'enrolled' : 'waitlisted';
            const row = await repo.insertEnrollment(tx, { communityId: c.course.communityId, courseId, residentId: who.resident.id, enrolledBy: actor.accountId, channel: who.channel, status, seq });
            const position = status === 'waitlisted' ? await repo.waitlistPosition(tx, courseId, seq) : undefined;
            await audit.record(tx, actor, { action: 'enrollment.create', entity: 'course_enrollment', entityId: row.id, communityId: row.communityId, changes: { course: c.course.name, status, seq, ...(position ? { position } : {}) } });
            return { id: row.id, residentId: who.resident.id, status, ...(position ? { position } : {}) };
          }),
        { '23505': () => new AppError('already_enrolled') },
      );
      return result;
    },

    async cancelEnrollment(actor: Actor, id: string): Promise<{ id: string; status: 'cancelled'; promoted: number }> {
      return db.transaction(async (tx) => {
        const row = await repo.findEnrollmentInScope(tx, actor, ['enrollment.read', 'enrollment.create'], id);
        if (!row) throw new AppError('not_found');
        const community = (await centerRepository.community(tx, row.enrollment.communityId))!;
        if (!operates(actor, 'course.manage', community)) await beneficiary(tx, actor, community, 'course.manage', row.enrollment.residentId);
        const locked = await repo.lock(tx, row.enrollment.courseId);
        const current = await repo.statusOf(tx, id);
        if (current === 'cancelled') throw new AppError('invalid_transition');
        await repo.setEnrollment(tx, id, { status: 'cancelled', cancelledAt: new Date() });
        const promoted = current === 'enrolled' ? await promote(tx, { id: row.enrollment.courseId, communityId: row.enrollment.communityId, name: locked.name, capacity: locked.capacity }) : 0;
        await audit.record(tx, actor, { action: 'enrollment.cancel', entity: 'course_enrollment', entityId: id, communityId: row.enrollment.communityId, changes: { status: { before: current, after: 'cancelled' }, promoted } });
        return { id, status: 'cancelled' as const, promoted };
      });
    },

    async enrollments(actor: Actor, courseId: string, q: { status?: string; cursor?: string; limit: number }) {
      const c = await courseFor(db, actor, 'enrollment.read', courseId);
      const after = decodeCursor(q.cursor, z.tuple([z.number().int(), z.number().int()]));
      const today = localParts(new Date(), c.timezone).date;
      const found = await repo.listEnrollments(db, courseId, { status: q.status, after, limit: q.limit });
      return pageFrom(found, q.limit, (r) => [r.rank, r.seq], (r): EnrollmentView => ({
        id: r.id, courseId: r.courseId, courseName: r.courseName, residentId: r.residentId, residentName: r.residentName,
        age: r.birthDate ? ageOn(r.birthDate, today) : null, status: r.status, seq: r.seq, position: r.position, channel: r.channel,
        createdAt: new Date(r.createdAt), promotedAt: r.promotedAt ? new Date(r.promotedAt) : null, cancelledAt: r.cancelledAt ? new Date(r.cancelledAt) : null,
      }));
    },

    async sessions(actor: Actor, courseId: string) {
      await courseFor(db, actor, 'course.read', courseId);
      return (await repo.sessions(db, courseId)).map((r) => ({ ...r.session, presentCount: r.presentCount }));
    },
  };
}

/** Age on the first day of the term (or today, once the term has begun) and tag requirements. */
function checkRequirements(c: CourseWithFacts, r: { birthDate: string | null; tags: string[] }, today: string): void {
  const { minAge, maxAge, requiredTags, startsOn } = c.course;
  if (minAge != null || maxAge != null) {
    const age = r.birthDate ? ageOn(r.birthDate, startsOn > today ? startsOn : today) : null;
    if (age === null || (minAge != null && age < minAge) || (maxAge != null && age > maxAge)) {
      throw new AppError('age_requirement_not_met', { minAge, maxAge, age });
    }
  }
  if (requiredTags.length && !requiredTags.some((t) => r.tags.includes(t))) throw new AppError('tag_requirement_not_met', { requiredTags });
}

export type CoursesService = ReturnType<typeof createCoursesService>;
