import { z } from 'zod';
import { IdParams, pageOf } from '../../../contracts/common';
import { actorOf } from '../../platform/http/auth-plugin';
import type { App } from '../../platform/http/types';
import type { AttendanceService } from './attendance.service';
import {
  CourseListQuery,
  CourseView,
  CreateCourseBody,
  EnrollBody,
  EnrollmentListQuery,
  EnrollmentResult,
  EnrollmentView,
  RecordAttendanceBody,
  RosterView,
  SessionView,
  UpdateCourseBody,
} from './courses.schemas';
import type { CoursesService } from './courses.service';

export const CancelledEnrollment = z.object({ id: z.string(), status: z.literal('cancelled'), promoted: z.number().int() });

export function coursesRoutes(app: App, courses: CoursesService, attendance: AttendanceService): void {
  const tags = ['center: courses'];
  app.get('/courses', { schema: { tags, querystring: CourseListQuery, response: { 200: pageOf(CourseView) } }, config: { permission: 'course.read' } },
    (req) => courses.list(actorOf(req), req.query));
  app.get('/courses/:id', { schema: { tags, params: IdParams, response: { 200: CourseView } }, config: { permission: 'course.read' } },
    (req) => courses.get(actorOf(req), req.params.id));
  app.post('/courses', { schema: { tags, body: CreateCourseBody, response: { 201: CourseView } }, config: { permission: 'course.manage' } },
    async (req, reply) => reply.status(201).send(await courses.create(actorOf(req), req.body)));
  app.patch('/courses/:id', { schema: { tags, params: IdParams, body: UpdateCourseBody, response: { 200: CourseView } }, config: { permission: 'course.manage' } },
    (req) => courses.update(actorOf(req), req.params.id, req.body));
  app.get('/courses/:id/sessions', { schema: { tags, params: IdParams, response: { 200: z.array(SessionView) } }, config: { permission: 'course.read' } },
    (req) => courses.sessions(actorOf(req), req.params.id));

  app.get('/courses/:id/enrollments', { schema: { tags, params: IdParams, querystring: EnrollmentListQuery, response: { 200: pageOf(EnrollmentView) } }, config: { permission: 'enrollment.read' } },
    (req) => courses.enrollments(actorOf(req), req.params.id, req.query));
  app.post('/courses/:id/enrollments', { schema: { tags, params: IdParams, body: EnrollBody, response: { 201: EnrollmentResult } }, config: { permission: 'enrollment.create' } },
    async (req, reply) => reply.status(201).send(await courses.enroll(actorOf(req), req.params.id, req.body)));
  app.post('/course-enrollments/:id/cancel', { schema: { tags, params: IdParams, response: { 200: CancelledEnrollment } }, config: { permission: ['enrollment.create', 'course.manage'] } },
    (req) => courses.cancelEnrollment(actorOf(req), req.params.id));

  app.get('/course-sessions/:id/attendance', { schema: { tags, params: IdParams, response: { 200: RosterView } }, config: { permission: 'course_attendance.record' } },
    (req) => attendance.roster(actorOf(req), req.params.id));
  app.post('/course-sessions/:id/attendance', { schema: { tags, params: IdParams, body: RecordAttendanceBody, response: { 200: RosterView } }, config: { permission: 'course_attendance.record' } },
    (req) => attendance.record(actorOf(req), req.params.id, req.body));
}
