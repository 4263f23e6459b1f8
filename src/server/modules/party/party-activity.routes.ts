/** Routes: service posts and claims, micro-lectures and check-ins, evaluations, joint meetings, settings. */
import { z } from 'zod';
import { IdParams, Ok } from '../../../contracts/common';
import { actorOf } from '../../platform/http/auth-plugin';
import type { App } from '../../platform/http/types';
import type { PartyService } from './party.service';
import * as s from './party.schemas';

export function partyActivityRoutes(app: App, party: PartyService): void {
  const tags = ['party'];
  const postRead = ['service_post.read', 'service_post.claim'];
  app.get('/service-posts', { schema: { tags, querystring: s.ServicePostListQuery, response: { 200: s.ServicePostPage } }, config: { permission: postRead } },
    (req) => party.posts.list(actorOf(req), req.query));
  app.get('/service-posts/:id', { schema: { tags, params: IdParams, response: { 200: s.ServicePostView } }, config: { permission: postRead } },
    (req) => party.posts.get(actorOf(req), req.params.id));
  app.post('/service-posts', { schema: { tags, body: s.CreateServicePostBody, response: { 201: s.ServicePostView } }, config: { permission: 'service_post.manage' } },
    async (req, reply) => reply.status(201).send(await party.posts.create(actorOf(req), req.body)));
  app.patch('/service-posts/:id', { schema: { tags, params: IdParams, body: s.UpdateServicePostBody, response: { 200: s.ServicePostView } }, config: { permission: 'service_post.manage' } },
    (req) => party.posts.update(actorOf(req), req.params.id, req.body));
  app.get('/service-posts/:id/claims', { schema: { tags, params: IdParams, response: { 200: z.array(s.ClaimView) } }, config: { permission: 'service_post.read' } },
    (req) => party.posts.claims(actorOf(req), req.params.id));
  app.post('/service-posts/:id/claims', { schema: { tags, params: IdParams, response: { 201: s.ClaimView } }, config: { permission: 'service_post.claim' } },
    async (req, reply) => reply.status(201).send(await party.posts.claim(actorOf(req), req.params.id)));
  app.post('/service-posts/:id/claims/:claimId/withdraw', { schema: { tags, params: s.ClaimParams, response: { 200: Ok } }, config: { permission: 'service_post.claim', idempotency: false } },
    async (req) => (await party.posts.withdraw(actorOf(req), req.params.id, req.params.claimId), { ok: true as const }));
  app.post('/service-posts/:id/claims/:claimId/complete', { schema: { tags, params: s.ClaimParams, response: { 200: Ok } }, config: { permission: 'service_post.manage', idempotency: false } },
    async (req) => (await party.posts.complete(actorOf(req), req.params.id, req.params.claimId), { ok: true as const }));

  const lectureRead = ['micro_lecture.read', 'micro_lecture.check_in'];
  app.get('/micro-lectures', { schema: { tags, querystring: s.MicroLectureListQuery, response: { 200: s.MicroLecturePage } }, config: { permission: 'micro_lecture.read' } },
    (req) => party.lectures.list(actorOf(req), req.query));
  app.get('/micro-lectures/stats', { schema: { tags, querystring: s.LectureStatsQuery, response: { 200: s.LectureStats } }, config: { permission: ['micro_lecture.read', 'party_stats.read'] } },
    (req) => party.lectureStats.stats(actorOf(req), req.query));
  app.get('/micro-lectures/attendance', { schema: { tags, querystring: s.AttendanceQuery, response: { 200: s.AttendanceMatrix } }, config: { permission: 'micro_lecture.read' } },
    (req) => party.lectureStats.attendance(actorOf(req), req.query));
  app.get('/micro-lectures/rotation', { schema: { tags, querystring: s.RotationQuery, response: { 200: s.RotationView } }, config: { permission: 'micro_lecture.manage' } },
    (req) => party.lectureStats.rotation(actorOf(req), req.query));
  app.get('/micro-lectures/:id', { schema: { tags, params: IdParams, response: { 200: s.MicroLectureDetail } }, config: { permission: lectureRead } },
    (req) => party.lectures.get(actorOf(req), req.params.id));
  app.post('/micro-lectures', { schema: { tags, body: s.CreateMicroLectureBody, response: { 201: s.MicroLectureView } }, config: { permission: 'micro_lecture.manage' } },
    async (req, reply) => reply.status(201).send(await party.lectures.create(actorOf(req), req.body)));
  app.patch('/micro-lectures/:id', { schema: { tags, params: IdParams, body: s.UpdateMicroLectureBody, response: { 200: s.MicroLectureView } }, config: { permission: 'micro_lecture.manage' } },
    (req) => party.lectures.update(actorOf(req), req.params.id, req.body));
  app.post('/micro-lectures/:id/check-ins', { schema: { tags, params: IdParams, body: s.CheckInBody, response: { 200: s.CheckInView, 201: s.CheckInView } }, config: { permission: ['micro_lecture.check_in', 'micro_lecture.manage'] } },
    async (req, reply) => {
      const { created, checkIn } = await party.lectures.checkIn(actorOf(req), req.params.id, req.body);
      return reply.status(created ? 201 : 200).send(checkIn);
    });
  app.get('/party-settings', { schema: { tags, querystring: s.PartySettingsQuery, response: { 200: s.PartySettingsView } }, config: { permission: ['micro_lecture.read', 'party_settings.manage'] } },
    (req) => party.lectureStats.settings(actorOf(req), req.query));
  app.patch('/party-settings', { schema: { tags, body: s.UpdatePartySettingsBody, response: { 200: s.PartySettingsView } }, config: { permission: 'party_settings.manage' } },
    (req) => party.lectureStats.updateSettings(actorOf(req), req.body));

  const evalRead = ['evaluation.read', 'evaluation.submit'];
  app.get('/evaluation-rounds', { schema: { tags, querystring: s.EvaluationRoundListQuery, response: { 200: s.EvaluationRoundPage } }, config: { permission: evalRead } },
    (req) => party.evaluations.list(actorOf(req), req.query));
  app.get('/evaluation-rounds/:id', { schema: { tags, params: IdParams, response: { 200: s.EvaluationRoundView } }, config: { permission: evalRead } },
    (req) => party.evaluations.get(actorOf(req), req.params.id));
  app.post('/evaluation-rounds', { schema: { tags, body: s.CreateEvaluationRoundBody, response: { 201: s.EvaluationRoundView } }, config: { permission: 'evaluation.manage' } },
    async (req, reply) => reply.status(201).send(await party.evaluations.create(actorOf(req), req.body)));
  app.post('/evaluation-rounds/:id/ballots', { schema: { tags, params: IdParams, body: s.SubmitBallotBody, response: { 201: Ok } }, config: { permission: 'evaluation.submit' } },
    async (req, reply) => (await party.evaluations.submit(actorOf(req), req.params.id, req.body), reply.status(201).send({ ok: true as const })));
  app.post('/evaluation-rounds/:id/close', { schema: { tags, params: IdParams, response: { 200: s.EvaluationRoundView } }, config: { permission: 'evaluation.manage', idempotency: false } },
    (req) => party.evaluations.close(actorOf(req), req.params.id));
  app.get('/evaluation-rounds/:id/results', { schema: { tags, params: IdParams, response: { 200: s.EvaluationResults } }, config: { permission: 'evaluation.read' } },
    (req) => party.evaluations.results(actorOf(req), req.params.id));

  app.get('/joint-meetings', { schema: { tags, querystring: s.JointMeetingListQuery, response: { 200: s.JointMeetingPage } }, config: { permission: 'joint_meeting.read' } },
    (req) => party.meetings.list(actorOf(req), req.query));
  app.get('/joint-meetings/open-items', { schema: { tags, querystring: s.OpenActionItemsQuery, response: { 200: z.array(s.ActionItemView) } }, config: { permission: 'joint_meeting.read' } },
    (req) => party.meetings.openItems(actorOf(req), req.query));
  app.get('/joint-meetings/:id', { schema: { tags, params: IdParams, response: { 200: s.JointMeetingView } }, config: { permission: 'joint_meeting.read' } },
    (req) => party.meetings.get(actorOf(req), req.params.id));
  app.post('/joint-meetings', { schema: { tags, body: s.CreateJointMeetingBody, response: { 201: s.JointMeetingView } }, config: { permission: 'joint_meeting.manage' } },
    async (req, reply) => reply.status(201).send(await party.meetings.create(actorOf(req), req.body)));
  app.patch('/joint-meetings/:id', { schema: { tags, params: IdParams, body: s.UpdateJointMeetingBody, response: { 200: s.JointMeetingView } }, config: { permission: 'joint_meeting.manage' } },
    (req) => party.meetings.update(actorOf(req), req.params.id, req.body));
  app.post('/joint-meetings/:id/actions', { schema: { tags, params: IdParams, body: s.AddActionItemBody, response: { 201: s.ActionItemView } }, config: { permission: 'joint_meeting.manage' } },
    async (req, reply) => reply.status(201).send(await party.meetings.addAction(actorOf(req), req.params.id, req.body)));
  app.patch('/meeting-action-items/:id', { schema: { tags, params: IdParams, body: s.UpdateActionItemBody, response: { 200: s.ActionItemView } }, config: { permission: 'joint_meeting.manage' } },
    (req) => party.meetings.updateAction(actorOf(req), req.params.id, req.body));
}
