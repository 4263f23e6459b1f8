import { z } from 'zod';
import { IdParams } from '../../../contracts/common';
import { actorOf } from '../../platform/http/auth-plugin';
import type { App } from '../../platform/http/types';
import { orgListAccess } from './orgs.policy';
import type { OrgsService } from './orgs.service';
import { CenterListQuery, CenterView, CreateCenterBody, CreateOrgBody, OrgListQuery, OrgView, UpdateCenterBody, UpdateOrgBody } from './orgs.schemas';

export function orgsRoutes(app: App, orgs: OrgsService): void {
  const tags = ['orgs'];
  app.get('/orgs', { schema: { tags, querystring: OrgListQuery, response: { 200: z.array(OrgView) } }, config: { permission: orgListAccess } },
    (req) => orgs.list(actorOf(req), req.query));
  app.get('/orgs/:id', { schema: { tags, params: IdParams, response: { 200: OrgView } }, config: { permission: orgListAccess } },
    (req) => orgs.get(actorOf(req), req.params.id));
  app.post('/orgs', { schema: { tags, body: CreateOrgBody, response: { 201: OrgView } }, config: { permission: 'org.manage' } },
    async (req, reply) => reply.status(201).send(await orgs.create(actorOf(req), req.body)));
  app.patch('/orgs/:id', { schema: { tags, params: IdParams, body: UpdateOrgBody, response: { 200: OrgView } }, config: { permission: 'org.manage' } },
    (req) => orgs.update(actorOf(req), req.params.id, req.body));

  app.get('/centers', { schema: { tags, querystring: CenterListQuery, response: { 200: z.array(CenterView) } }, config: { permission: 'center.read' } },
    (req) => orgs.listCenters(actorOf(req), req.query));
  app.get('/centers/:id', { schema: { tags, params: IdParams, response: { 200: CenterView } }, config: { permission: 'center.read' } },
    (req) => orgs.getCenter(actorOf(req), req.params.id));
  app.post('/centers', { schema: { tags, body: CreateCenterBody, response: { 201: CenterView } }, config: { permission: 'center.manage' } },
    async (req, reply) => reply.status(201).send(await orgs.createCenter(actorOf(req), req.body)));
  app.patch('/centers/:id', { schema: { tags, params: IdParams, body: UpdateCenterBody, response: { 200: CenterView } }, config: { permission: 'center.manage' } },
    (req) => orgs.updateCenter(actorOf(req), req.params.id, req.body));
}
