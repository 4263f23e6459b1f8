import { IdParams, pageOf } from '../../../contracts/common';
import { actorOf } from '../../platform/http/auth-plugin';
import type { App } from '../../platform/http/types';
import { volunteerRecordAccess } from './volunteers.policy';
import {
  AddTeamMemberBody, CreateTeamBody, MyVolunteerView, RegisterVolunteerBody, ReviewVolunteerBody, SelfRegisterBody, TeamListQuery, TeamMemberListQuery,
  TeamMemberParams, TeamMemberView, TeamView, UpdateTeamBody, UpdateVolunteerBody, VolunteerListQuery, VolunteerView,
} from './volunteers.schemas';
import type { VolunteersService } from './volunteers.service';

/** The volunteer register and teams. Activities, attendance and hours: volunteer-activities.routes.ts. */
export function volunteersRoutes(app: App, volunteers: VolunteersService): void {
  const tags = ['volunteers'];
  const { register, teams } = volunteers;

  app.get('/volunteers', { schema: { tags, querystring: VolunteerListQuery, response: { 200: pageOf(VolunteerView) } }, config: { permission: 'volunteer.read' } },
    (req) => register.list(actorOf(req), req.query));
  app.post('/volunteers', { schema: { tags, body: RegisterVolunteerBody, response: { 201: VolunteerView } }, config: { permission: 'volunteer.manage' } },
    async (req, reply) => reply.status(201).send(await register.register(actorOf(req), req.body)));
  app.get('/volunteers/:id', { schema: { tags, params: IdParams, response: { 200: VolunteerView } }, config: { permission: volunteerRecordAccess } },
    (req) => register.get(actorOf(req), req.params.id));
  app.patch('/volunteers/:id', { schema: { tags, params: IdParams, body: UpdateVolunteerBody, response: { 200: VolunteerView } }, config: { permission: ['volunteer.manage', 'volunteer.register'] } },
    (req) => register.update(actorOf(req), req.params.id, req.body));
  app.post('/volunteers/:id/review', { schema: { tags, params: IdParams, body: ReviewVolunteerBody, response: { 200: VolunteerView } }, config: { permission: 'volunteer.manage', idempotency: false } },
    (req) => register.review(actorOf(req), req.params.id, req.body));

  app.get('/me/volunteer', { schema: { tags, response: { 200: MyVolunteerView } }, config: { permission: ['volunteer.register', 'volunteer.self'] } },
    (req) => register.mine(actorOf(req)));
  app.post('/me/volunteer', { schema: { tags, body: SelfRegisterBody, response: { 201: VolunteerView } }, config: { permission: 'volunteer.register' } },
    async (req, reply) => reply.status(201).send(await register.selfRegister(actorOf(req), req.body)));

  app.get('/volunteer-teams', { schema: { tags, querystring: TeamListQuery, response: { 200: pageOf(TeamView) } }, config: { permission: 'volunteer_team.read' } },
    (req) => teams.list(actorOf(req), req.query));
  app.post('/volunteer-teams', { schema: { tags, body: CreateTeamBody, response: { 201: TeamView } }, config: { permission: 'volunteer_team.manage' } },
    async (req, reply) => reply.status(201).send(await teams.create(actorOf(req), req.body)));
  app.get('/volunteer-teams/:id', { schema: { tags, params: IdParams, response: { 200: TeamView } }, config: { permission: 'volunteer_team.read' } },
    (req) => teams.get(actorOf(req), req.params.id));
  app.patch('/volunteer-teams/:id', { schema: { tags, params: IdParams, body: UpdateTeamBody, response: { 200: TeamView } }, config: { permission: 'volunteer_team.manage' } },
    (req) => teams.update(actorOf(req), req.params.id, req.body));
  app.get('/volunteer-teams/:id/members', { schema: { tags, params: IdParams, querystring: TeamMemberListQuery, response: { 200: pageOf(TeamMemberView) } }, config: { permission: 'volunteer_team.read' } },
    (req) => teams.members(actorOf(req), req.params.id, req.query));
  app.post('/volunteer-teams/:id/members', { schema: { tags, params: IdParams, body: AddTeamMemberBody, response: { 200: TeamView } }, config: { permission: 'volunteer_team.manage', idempotency: false } },
    (req) => teams.addMember(actorOf(req), req.params.id, req.body));
  app.delete('/volunteer-teams/:id/members/:volunteerId', { schema: { tags, params: TeamMemberParams, response: { 200: TeamView } }, config: { permission: 'volunteer_team.manage' } },
    (req) => teams.removeMember(actorOf(req), req.params.id, req.params.volunteerId));
}

