/** Course rows as the API shows them. */
import type { CourseRow, CourseWithFacts } from './courses.repository';
import type { CourseView } from './courses.schemas';

export function enrollmentState(c: Pick<CourseRow, 'enrollmentOpensAt' | 'enrollmentClosesAt' | 'endsOn'>, now: Date): CourseView['enrollmentState'] {
  if (now < c.enrollmentOpensAt) return 'not_open';
  if (c.enrollmentClosesAt && now >= c.enrollmentClosesAt) return 'closed';
  return 'open';
}

export function toCourseView(r: CourseWithFacts, now: Date): CourseView {
  const c = r.course;
  return {
    id: c.id,
    communityId: c.communityId,
    centerId: c.centerId,
    centerName: r.centerName,
    venueId: c.venueId,
    venueName: r.venueName,
    kind: c.kind,
    name: c.name,
    description: c.description,
    teacherName: c.teacherName,
    term: c.term,
    theme: c.theme,
    capacity: c.capacity,
    feeFen: c.feeFen,
    minAge: c.minAge,
    maxAge: c.maxAge,
    requiredTags: c.requiredTags,
    enrollmentOpensAt: c.enrollmentOpensAt,
    enrollmentClosesAt: c.enrollmentClosesAt,
    enrollmentState: enrollmentState(c, now),
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    weekdays: c.weekdays,
    startTime: c.startTime,
    endTime: c.endTime,
    status: c.status,
    enrolledCount: r.enrolledCount,
    waitlistCount: r.waitlistCount,
    sessionCount: r.sessionCount,
    mine: r.mineId && r.mineStatus ? { id: r.mineId, status: r.mineStatus, position: r.mineStatus === 'waitlisted' ? r.minePosition : null } : null,
    version: c.version,
  };
}
