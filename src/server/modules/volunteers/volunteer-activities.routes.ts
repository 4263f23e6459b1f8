import { z } from 'zod';
import { IdParams, pageOf } from '../../../contracts/common';
import { actorOf } from '../../platform/http/auth-plugin';
import type { App } from '../../platform/http/types';
import { signupCancelAccess, volunteerRecordAccess } from './volunteers.policy';
import {
  ActivityActionBody, ActivityListQuery, ActivityView, CertificateCodeParams, CertificateParams, CertificateView, ConfirmAllResult, ConfirmHoursBody,
  CreateActivityBody, CreateSignupBody, MySignupListQuery, OrganizerAttendanceBody, PublicCertificateView, QrQuery, QrView, RankingItem, RankingQuery,
  ScanBody, SignupListQuery, SignupResult, SignupView, SlotParams, StatsQuery, UpdateActivityBody, UpdateSlotBody, VolunteerStats,
} from './volunteers.schemas';
import type { VolunteersService } from './volunteers.service';

/** Activities, signups, attendance, hours, rankings and certificates. */
export function volunteerActivitiesRoutes(app: App, volunteers: VolunteersService): void {
  const tags = ['volunteers'];
  const { activities, signups, attendance, hours } = volunteers;
  const read = ['volunteer_activity.read', 'volunteer.self'];

  app.get('/volunteer-activities', { schema: { tags, querystring: ActivityListQuery, response: { 200: pageOf(ActivityView) } }, config: { permission: read } },
    (req) => activities.list(actorOf(req), req.query));
  app.post('/volunteer-activities', { schema: { tags, body: CreateActivityBody, response: { 201: ActivityView } }, config: { permission: 'volunteer_activity.manage' } },
    async (req, reply) => reply.status(201).send(await activities.create(actorOf(req), req.body)));
  app.get('/volunteer-activities/:id', { schema: { tags, params: IdParams, response: { 200: ActivityView } }, config: { permission: read } },
    (req) => activities.get(actorOf(req), req.params.id));
  app.patch('/volunteer-activities/:id', { schema: { tags, params: IdParams, body: UpdateActivityBody, response: { 200: ActivityView } }, config: { permission: 'volunteer_activity.manage' } },
    (req) => activities.update(actorOf(req), req.params.id, req.body));
  app.post('/volunteer-activities/:id/publish', { schema: { tags, params: IdParams, body: ActivityActionBody, response: { 200: ActivityView } }, config: { permission: 'volunteer_activity.manage', idempotency: false } },
    (req) => activities.publish(actorOf(req), req.params.id, req.body));
  app.post('/volunteer-activities/:id/cancel', { schema: { tags, params: IdParams, body: ActivityActionBody, response: { 200: ActivityView } }, config: { permission: 'volunteer_activity.manage', idempotency: false } },
    (req) => activities.cancel(actorOf(req), req.params.id, req.body));
  app.patch('/volunteer-activities/:id/slots/:slotId', { schema: { tags, params: SlotParams, body: UpdateSlotBody, response: { 200: ActivityView } }, config: { permission: 'volunteer_activity.manage' } },
    (req) => activities.updateSlot(actorOf(req), req.params.id, req.params.slotId, req.body));

  app.post('/volunteer-activities/:id/signups', { schema: { tags, params: IdParams, body: CreateSignupBody, response: { 201: SignupResult } }, config: { permission: 'volunteer.self' } },
    async (req, reply) => reply.status(201).send(await signups.signUp(actorOf(req), req.params.id, req.body)));
  app.get('/volunteer-activities/:id/signups', { schema: { tags, params: IdParams, querystring: SignupListQuery, response: { 200: pageOf(SignupView) } }, config: { permission: 'volunteer_attendance.manage' } },
    (req) => signups.ofActivity(actorOf(req), req.params.id, req.query));
  app.post('/volunteer-signups/:id/cancel', { schema: { tags, params: IdParams, response: { 200: SignupView } }, config: { permission: signupCancelAccess, idempotency: false } },
    (req) => signups.cancel(actorOf(req), req.params.id));
  app.get('/me/volunteer-signups', { schema: { tags, querystring: MySignupListQuery, response: { 200: pageOf(SignupView) } }, config: { permission: 'volunteer.self' } },
    (req) => signups.mine(actorOf(req), req.query));

  app.get('/volunteer-activities/:id/attendance-code', { schema: { tags, params: IdParams, querystring: QrQuery, response: { 200: QrView } }, config: { permission: 'volunteer_attendance.manage' } },
    (req) => attendance.code(actorOf(req), req.params.id, req.query.purpose));
  // Rate-limited: the 6-digit fallback must not be guessable by trying.
  const scanLimit = { max: 30, timeWindow: 60_000 };
  app.post('/volunteer-activities/:id/check-in', { schema: { tags, params: IdParams, body: ScanBody, response: { 200: SignupView } }, config: { permission: 'volunteer.self', idempotency: false, rateLimit: scanLimit } },
    (req) => attendance.checkInByCode(actorOf(req), req.params.id, req.body));
  app.post('/volunteer-activities/:id/check-out', { schema: { tags, params: IdParams, body: ScanBody, response: { 200: SignupView } }, config: { permission: 'volunteer.self', idempotency: false, rateLimit: scanLimit } },
    (req) => attendance.checkOutByCode(actorOf(req), req.params.id, req.body));
  app.post('/volunteer-signups/:id/check-in', { schema: { tags, params: IdParams, body: OrganizerAttendanceBody, response: { 200: SignupView } }, config: { permission: 'volunteer_attendance.manage', idempotency: false } },
    (req) => attendance.checkInByOrganizer(actorOf(req), req.params.id, req.body));
  app.post('/volunteer-signups/:id/check-out', { schema: { tags, params: IdParams, body: OrganizerAttendanceBody, response: { 200: SignupView } }, config: { permission: 'volunteer_attendance.manage', idempotency: false } },
    (req) => attendance.checkOutByOrganizer(actorOf(req), req.params.id, req.body));
  app.post('/volunteer-signups/:id/confirm-hours', { schema: { tags, params: IdParams, body: ConfirmHoursBody, response: { 200: SignupView } }, config: { permission: 'volunteer_attendance.manage', idempotency: false } },
    (req) => attendance.confirmHours(actorOf(req), req.params.id, req.body));
  app.post('/volunteer-activities/:id/confirm-hours', { schema: { tags, params: IdParams, response: { 200: ConfirmAllResult } }, config: { permission: 'volunteer_attendance.manage', idempotency: false } },
    (req) => attendance.confirmAll(actorOf(req), req.params.id));

  app.get('/volunteer-rankings', { schema: { tags, querystring: RankingQuery, response: { 200: z.array(RankingItem) } }, config: { permission: 'volunteer_hours.read' } },
    (req) => hours.rankings(actorOf(req), req.query));
  app.get('/volunteer-stats', { schema: { tags, querystring: StatsQuery, response: { 200: VolunteerStats } }, config: { permission: 'volunteer_hours.read' } },
    (req) => hours.stats(actorOf(req), req.query));

  app.post('/volunteers/:id/certificates', { schema: { tags, params: IdParams, response: { 201: CertificateView } }, config: { permission: ['volunteer_certificate.issue', 'volunteer.self'] } },
    async (req, reply) => reply.status(201).send(await hours.issueCertificate(actorOf(req), req.params.id)));
  app.get('/volunteers/:id/certificates', { schema: { tags, params: IdParams, response: { 200: z.array(CertificateView) } }, config: { permission: volunteerRecordAccess } },
    (req) => hours.certificates(actorOf(req), req.params.id));
  app.get('/volunteers/:id/certificates/:certificateId/pdf', { schema: { tags, params: CertificateParams }, config: { permission: volunteerRecordAccess } },
    async (req, reply) => {
      const { pdf, code } = await hours.certificatePdf(actorOf(req), req.params.id, req.params.certificateId, { origin: `${req.protocol}://${req.host}`, locale: req.locale });
      return reply.type('application/pdf').header('Content-Disposition', `inline; filename="volunteer-certificate-${code}.pdf"`).send(pdf);
    });
  app.get('/volunteer-certificates/:code', { schema: { tags, params: CertificateCodeParams, response: { 200: PublicCertificateView } }, config: { permission: 'public', rateLimit: { max: 20, timeWindow: 60_000 } } },
    (req) => hours.verify(req.params.code));
}
