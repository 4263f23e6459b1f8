/** Routes: org tree, members, report-ins, points — a table of contents of the service. */
import { z } from 'zod';
import { IdParams } from '../../../contracts/common';
import { actorOf } from '../../platform/http/auth-plugin';
import type { App } from '../../platform/http/types';
import { groupReadAccess } from './party.policy';
import type { PartyService } from './party.service';
import * as s from './party.schemas';

export function partyPeopleRoutes(app: App, party: PartyService): void {
  const tags = ['party'];
  app.get('/party-orgs', { schema: { tags, querystring: s.PartyOrgListQuery, response: { 200: z.array(s.PartyOrgView) } }, config: { permission: 'party_org.read' } },
    (req) => party.orgs.list(actorOf(req), req.query));
  app.post('/party-orgs', { schema: { tags, body: s.CreatePartyOrgBody, response: { 201: s.PartyOrgView } }, config: { permission: 'party_org.manage' } },
    async (req, reply) => reply.status(201).send(await party.orgs.create(actorOf(req), req.body)));
  app.patch('/party-orgs/:id', { schema: { tags, params: IdParams, body: s.UpdatePartyOrgBody, response: { 200: s.PartyOrgView } }, config: { permission: 'party_org.manage' } },
    (req) => party.orgs.update(actorOf(req), req.params.id, req.body));
  app.post('/party-orgs/:id/officers', { schema: { tags, params: IdParams, body: s.AddOfficerBody, response: { 201: s.OfficerView } }, config: { permission: 'party_org.manage' } },
    async (req, reply) => reply.status(201).send(await party.orgs.addOfficer(actorOf(req), req.params.id, req.body)));
  app.post('/party-org-officers/:id/end', { schema: { tags, params: IdParams, body: s.EndOfficerTermBody, response: { 200: s.OfficerView } }, config: { permission: 'party_org.manage' } },
    (req) => party.orgs.endOfficerTerm(actorOf(req), req.params.id, req.body));
  app.get('/party-buildings', { schema: { tags, querystring: s.BuildingListQuery, response: { 200: z.array(s.BuildingOption) } }, config: { permission: ['party_org.read', 'report_in.submit'] } },
    (req) => party.orgs.buildings(actorOf(req), req.query));

  app.get('/party-members', { schema: { tags, querystring: s.PartyMemberListQuery, response: { 200: s.PartyMemberPage } }, config: { permission: groupReadAccess } },
    (req) => party.members.list(actorOf(req), req.query));
  app.get('/party-members/:id', { schema: { tags, params: IdParams, response: { 200: s.PartyMemberDetail } }, config: { permission: groupReadAccess } },
    (req) => party.members.get(actorOf(req), req.params.id));
  app.post('/party-members', { schema: { tags, body: s.CreatePartyMemberBody, response: { 201: s.PartyMemberView } }, config: { permission: 'party_member.manage' } },
    async (req, reply) => reply.status(201).send(await party.members.create(actorOf(req), req.body)));
  app.patch('/party-members/:id', { schema: { tags, params: IdParams, body: s.UpdatePartyMemberBody, response: { 200: s.PartyMemberView } }, config: { permission: 'party_member.manage' } },
    (req) => party.members.update(actorOf(req), req.params.id, req.body));
  app.post('/party-members/:id/reveal', { schema: { tags, params: IdParams, body: s.RevealBody, response: { 200: s.RevealView } }, config: { permission: 'party_member.reveal', idempotency: false } },
    (req) => party.members.reveal(actorOf(req), req.params.id, req.body));
  app.post('/party-members/:id/dues', { schema: { tags, params: IdParams, body: s.RecordDuesBody, response: { 201: s.DuesView } }, config: { permission: 'party_member.manage' } },
    async (req, reply) => reply.status(201).send(await party.members.recordDues(actorOf(req), req.params.id, req.body)));
  app.get('/party-members/:id/points', { schema: { tags, params: IdParams, querystring: s.PointsQuery, response: { 200: s.PointsPage } }, config: { permission: groupReadAccess } },
    (req) => party.points.memberLedger(actorOf(req), req.params.id, req.query));
  app.get('/party-points/rankings', { schema: { tags, querystring: s.RankingQuery, response: { 200: s.RankingView } }, config: { permission: ['party_points.read', 'party_self.read'] } },
    (req) => party.points.ranking(actorOf(req), req.query));

  app.get('/report-ins', { schema: { tags, querystring: s.ReportInListQuery, response: { 200: s.ReportInPage } }, config: { permission: 'report_in.read' } },
    (req) => party.reportIns.list(actorOf(req), req.query));
  app.get('/report-ins/summary', { schema: { tags, querystring: s.ReportInSummaryQuery, response: { 200: s.ReportInSummary } }, config: { permission: ['report_in.read', 'party_stats.read'] } },
    (req) => party.reportIns.summary(actorOf(req), req.query));
  app.get('/report-ins/options', { schema: { tags, querystring: s.ReportInOptionsQuery, response: { 200: s.ReportInOptions } }, config: { permission: 'report_in.submit' } },
    (req) => party.reportIns.options(actorOf(req), req.query));
  app.post('/report-ins', { schema: { tags, body: s.SubmitReportInBody, response: { 201: s.ReportInView } }, config: { permission: 'report_in.submit' } },
    async (req, reply) => reply.status(201).send(await party.reportIns.submit(actorOf(req), req.body)));
  app.post('/report-ins/:id/approve', { schema: { tags, params: IdParams, body: s.ApproveReportInBody, response: { 200: s.ReportInView } }, config: { permission: 'report_in.decide' } },
    (req) => party.reportIns.approve(actorOf(req), req.params.id, req.body));
  app.post('/report-ins/:id/return', { schema: { tags, params: IdParams, body: s.ReturnReportInBody, response: { 200: s.ReportInView } }, config: { permission: 'report_in.decide' } },
    (req) => party.reportIns.return(actorOf(req), req.params.id, req.body));

  app.get('/party/me', { schema: { tags, response: { 200: s.MyPartyView } }, config: { permission: 'party_self.read' } },
    (req) => party.stats.me(actorOf(req)));
  app.get('/party/me/lectures', { schema: { tags, querystring: s.MyQuery, response: { 200: z.array(s.MyLectureView) } }, config: { permission: 'party_self.read' } },
    (req) => party.lectures.mine(actorOf(req), req.query));
  app.get('/party/me/claims', { schema: { tags, querystring: s.MyQuery, response: { 200: s.MyClaimsView } }, config: { permission: 'party_self.read' } },
    (req) => party.myClaims(actorOf(req), req.query));
  app.get('/party/me/points', { schema: { tags, querystring: s.MyQuery.extend(s.PointsQuery.shape), response: { 200: s.PointsPage } }, config: { permission: 'party_self.read' } },
    (req) => party.points.myLedger(actorOf(req), req.query));
  app.get('/party/overview', { schema: { tags, querystring: s.PartyOverviewQuery, response: { 200: z.array(s.PartyOverviewRow) } }, config: { permission: 'party_stats.read' } },
    (req) => party.stats.overview(actorOf(req), req.query));
}
