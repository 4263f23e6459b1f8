import { z } from 'zod';
import { Created, IdParams, pageOf } from '../../../contracts/common';
import { actorOf } from '../../platform/http/auth-plugin';
import type { App } from '../../platform/http/types';
import { assistanceAccess } from './assistance.repository';
import {
  ApplicationListItem,
  ApplicationListQuery,
  ApplicationView,
  CreateApplicationBody,
  MyApplicationView,
  NoticeBoard,
  NoticeObjectionBody,
  NoticeQuery,
  ObjectionBody,
  TransitionBody,
  TransitionParams,
  UpdateApplicationBody,
} from './assistance.schemas';
import type { CareService } from './care.service';

export function assistanceRoutes(app: App, care: CareService): void {
  const tags = ['care'];
  const { assistance } = care;
  app.get('/assistance-applications', { schema: { tags, querystring: ApplicationListQuery, response: { 200: pageOf(ApplicationListItem) } }, config: { permission: assistanceAccess } },
    (req) => assistance.list(actorOf(req), req.query));
  app.post('/assistance-applications', { schema: { tags, body: CreateApplicationBody, response: { 201: Created } }, config: { permission: 'assistance.create' } },
    async (req, reply) => reply.status(201).send(await assistance.create(actorOf(req), req.body)));
  app.get('/assistance-applications/mine', { schema: { tags, response: { 200: z.array(MyApplicationView) } }, config: { permission: 'assistance.follow' } },
    (req) => assistance.mine(actorOf(req)));
  app.get('/assistance-applications/:id', { schema: { tags, params: IdParams, response: { 200: ApplicationView } }, config: { permission: assistanceAccess } },
    (req) => assistance.get(actorOf(req), req.params.id));
  app.patch('/assistance-applications/:id', { schema: { tags, params: IdParams, body: UpdateApplicationBody, response: { 200: ApplicationView } }, config: { permission: 'assistance.create' } },
    (req) => assistance.update(actorOf(req), req.params.id, req.body));
  app.post('/assistance-applications/:id/objections', { schema: { tags, params: IdParams, body: ObjectionBody, response: { 200: ApplicationView } }, config: { permission: 'assistance.community_review', idempotency: true } },
    (req) => assistance.recordObjection(actorOf(req), req.params.id, req.body));
  // One route per step of the table in care.model.ts; the service checks the step against it.
  app.post('/assistance-applications/:id/:action', { schema: { tags, params: TransitionParams, body: TransitionBody, response: { 200: ApplicationView } }, config: { permission: assistanceAccess, idempotency: false } },
    (req) => assistance.transition(actorOf(req), req.params.id, req.params.action, req.body));
  app.get('/assistance-notices', { schema: { tags, querystring: NoticeQuery, response: { 200: NoticeBoard } }, config: { permission: 'public' } },
    (req) => assistance.notices(req.query.communityId));
  app.post('/assistance-notices/:id/objections', { schema: { tags, params: IdParams, body: NoticeObjectionBody, response: { 201: Created } }, config: { permission: 'authenticated', idempotency: true } },
    async (req, reply) => reply.status(201).send(await assistance.objectOnNotice(actorOf(req), req.params.id, req.body)));
}
