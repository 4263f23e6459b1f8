/**
 * Demo courses and events as the product would have recorded them: sessions holding their room,
 * enrollments in arrival order (the overflow on the waitlist), roll calls of past sessions,
 * signups and check-ins, survey answers — and the service visit each attendance and check-in is.
 */
import { newId } from '../../platform/db/columns';
import type { SeedContext } from '../../seed/runner';
import type { Theme } from './center.constants';
import { scoreOf, type Person, type SeedBatch } from './center.seed-kit';
import { datesOnWeekdays, zonedInstant } from './center.time';

type Rng = SeedContext['rng'];

export interface CourseSeed {
  name: string;
  kind: 'senior_college' | 'after_school';
  term: string;
  teacherName: string;
  description: string;
  venueId?: string;
  theme?: Theme;
  capacity: number;
  minAge?: number;
  maxAge?: number;
  weekdays: number[];
  startTime: string;
  endTime: string;
  startsOn: string;
  endsOn: string;
  enrollmentOpensAt: Date;
}

export interface CourseOptions {
  /** Minutes between two signups on the opening morning. */
  signupEveryMinutes: number;
  presentRate: number;
  answerShare: number;
  /** 4:30 school: who picked the child up. */
  pickup?: (p: Person, rng: Rng) => string | null;
  channel?: (i: number) => 'app' | 'counter';
}

export function addCourse(b: SeedBatch, rng: Rng, now: Date, spec: CourseSeed, signups: readonly Person[], opts: CourseOptions): { id: string; enrolled: number; waitlisted: number } {
  const { communityId, centerId, tz } = b.c;
  const id = newId();
  const theme = spec.theme ?? null;
  b.courses.push({
    id, communityId, centerId, venueId: spec.venueId ?? null, kind: spec.kind, name: spec.name, description: spec.description, teacherName: spec.teacherName,
    term: spec.term, theme, capacity: spec.capacity, feeFen: 0, minAge: spec.minAge ?? null, maxAge: spec.maxAge ?? null,
    enrollmentOpensAt: spec.enrollmentOpensAt, startsOn: spec.startsOn, endsOn: spec.endsOn, weekdays: spec.weekdays, startTime: spec.startTime, endTime: spec.endTime,
    enrollmentSeq: signups.length, createdAt: new Date(spec.enrollmentOpensAt.getTime() - 10 * 86_400_000),
  });
  const sessions = datesOnWeekdays(spec.startsOn, spec.endsOn, spec.weekdays, 400).map((day) => {
    const startsAt = zonedInstant(day, spec.startTime, tz);
    const endsAt = zonedInstant(day, spec.endTime, tz);
    const s = { id: newId(), communityId, courseId: id, startsAt, endsAt, bookingId: b.hold(spec.venueId, startsAt, endsAt, 'course', `${spec.name}（${spec.term}）`, id) };
    b.sessions.push(s);
    return s;
  });
  signups.forEach((p, i) => {
    b.enrollments.push({
      communityId, courseId: id, residentId: p.id, channel: opts.channel?.(i) ?? (i % 3 === 0 ? 'app' : 'counter'), status: i < spec.capacity ? 'enrolled' : 'waitlisted',
      seq: i + 1, createdAt: new Date(spec.enrollmentOpensAt.getTime() + i * opts.signupEveryMinutes * 60_000 + rng.int(0, 50) * 1000),
    });
  });
  const enrolled = signups.slice(0, spec.capacity);
  const attended = new Map<string, Date>();
  for (const s of sessions.filter((x) => x.endsAt <= now)) {
    for (const p of enrolled) {
      const r = rng.next();
      const status = r < opts.presentRate ? 'present' : r < opts.presentRate + 0.05 ? 'leave' : 'absent';
      const attendanceId = newId();
      const pickedUpBy = status === 'present' && opts.pickup ? opts.pickup(p, rng) : null;
      b.attendance.push({
        id: attendanceId, communityId, courseId: id, sessionId: s.id, residentId: p.id, status, recordedAt: s.endsAt,
        pickedUpBy, pickedUpAt: pickedUpBy ? new Date(s.endsAt.getTime() + rng.int(0, 25) * 60_000) : null,
      });
      if (status === 'present') {
        b.visit(p.id, 'course_attendance', attendanceId, s.startsAt, theme);
        attended.set(p.id, s.endsAt);
      }
    }
  }
  for (const [residentId, last] of attended) if (rng.next() < opts.answerShare) b.answer('course', id, residentId, theme, scoreOf(rng), new Date(Math.min(now.getTime(), last.getTime() + 3_600_000)));
  return { id, enrolled: enrolled.length, waitlisted: Math.max(0, signups.length - spec.capacity) };
}

export interface EventSeed {
  title: string;
  description?: string;
  theme: Theme;
  targetGroups: string[];
  venueId?: string;
  location?: string;
  startsAt: Date;
  endsAt: Date;
  capacity?: number;
  seriesId?: string | null;
}

/** An event with its signups; past ones have their check-ins (service visits) and some answers. */
export function addEvent(b: SeedBatch, rng: Rng, now: Date, spec: EventSeed, participants: readonly Person[], answerShare: number): string {
  const { communityId, centerId } = b.c;
  const id = newId();
  const bookingId = b.hold(spec.venueId, spec.startsAt, spec.endsAt, 'event', spec.title, spec.seriesId ?? null);
  b.events.push({
    id, communityId, centerId, venueId: spec.venueId ?? null, bookingId, seriesId: spec.seriesId ?? null, title: spec.title, description: spec.description ?? null,
    theme: spec.theme, targetGroups: spec.targetGroups, location: spec.location ?? null, startsAt: spec.startsAt, endsAt: spec.endsAt, capacity: spec.capacity ?? null,
    createdAt: new Date(spec.startsAt.getTime() - 7 * 86_400_000),
  });
  const past = spec.startsAt <= now;
  for (const p of participants) {
    const signupId = newId();
    const walkIn = past && rng.next() < 0.15;
    b.signups.push({
      id: signupId, communityId, eventId: id, residentId: p.id, channel: walkIn ? 'walk_in' : rng.next() < 0.6 ? 'app' : 'counter',
      checkedInAt: past ? new Date(spec.startsAt.getTime() + rng.int(-10, 15) * 60_000) : null,
      createdAt: walkIn ? spec.startsAt : new Date(spec.startsAt.getTime() - rng.int(1, 6) * 86_400_000),
    });
    if (past) {
      b.visit(p.id, 'event_check_in', signupId, spec.startsAt, spec.theme);
      if (rng.next() < answerShare) b.answer('event', id, p.id, spec.theme, scoreOf(rng), new Date(Math.min(now.getTime(), spec.endsAt.getTime() + rng.int(1, 30) * 3_600_000)));
    }
  }
  return id;
}
