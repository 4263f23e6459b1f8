import { IdParams, pageOf } from '../../../contracts/common';
import { actorOf } from '../../platform/http/auth-plugin';
import type { App } from '../../platform/http/types';
import { CreateProjectBody, ProjectListItem, ProjectListQuery, ProjectProgressBody, ProjectView, UpdateProjectBody } from './projects.schemas';
import type { TicketsModule } from './tickets.module';

export function projectsRoutes(app: App, m: TicketsModule): void {
  const tags = ['projects'];
  app.get('/projects', { schema: { tags, querystring: ProjectListQuery, response: { 200: pageOf(ProjectListItem) } }, config: { permission: 'project.read' } },
    (req) => m.projects.list(actorOf(req), req.query));
  app.get('/projects/:id', { schema: { tags, params: IdParams, response: { 200: ProjectView } }, config: { permission: 'project.read' } },
    (req) => m.projects.get(actorOf(req), req.params.id));
  app.post('/projects', { schema: { tags, body: CreateProjectBody, response: { 201: ProjectView } }, config: { permission: 'project.manage' } },
    async (req, reply) => reply.status(201).send(await m.projects.create(actorOf(req), req.body)));
  app.patch('/projects/:id', { schema: { tags, params: IdParams, body: UpdateProjectBody, response: { 200: ProjectView } }, config: { permission: 'project.manage' } },
    (req) => m.projects.update(actorOf(req), req.params.id, req.body));
  app.post('/projects/:id/updates', { schema: { tags, params: IdParams, body: ProjectProgressBody, response: { 201: ProjectView } }, config: { permission: ['project.progress', 'project.manage'] } },
    async (req, reply) => reply.status(201).send(await m.projects.progress(actorOf(req), req.params.id, req.body)));
}
