import { z } from 'zod';
import { Created, IdParams, pageOf } from '../../../contracts/common';
import { actorOf } from '../../platform/http/auth-plugin';
import type { App } from '../../platform/http/types';
import { ConsolationListQuery, ConsolationView, CreateConsolationBody, FestivalList, FestivalQuery, HandoverBody, TargetListQuery, TargetView } from './consolations.schemas';
import type { CareService } from './care.service';

const access = ['consolation.read', 'consolation.handover'] as const;

export function consolationsRoutes(app: App, care: CareService): void {
  const tags = ['care'];
  const { consolations } = care;
  app.get('/consolations', { schema: { tags, querystring: ConsolationListQuery, response: { 200: z.array(ConsolationView) } }, config: { permission: access } },
    (req) => consolations.list(actorOf(req), req.query));
  app.get('/consolations/festivals', { schema: { tags, querystring: FestivalQuery, response: { 200: FestivalList } }, config: { permission: access } },
    (req) => consolations.festivals(req.query.year));
  app.post('/consolations', { schema: { tags, body: CreateConsolationBody, response: { 201: ConsolationView } }, config: { permission: 'consolation.manage' } },
    async (req, reply) => reply.status(201).send(await consolations.create(actorOf(req), req.body)));
  app.get('/consolations/:id', { schema: { tags, params: IdParams, response: { 200: ConsolationView } }, config: { permission: access } },
    (req) => consolations.get(actorOf(req), req.params.id));
  app.post('/consolations/:id/refresh-targets', { schema: { tags, params: IdParams, response: { 200: ConsolationView } }, config: { permission: 'consolation.manage', idempotency: false } },
    (req) => consolations.refreshTargets(actorOf(req), req.params.id));
  app.get('/consolations/:id/households', { schema: { tags, params: IdParams, querystring: TargetListQuery, response: { 200: pageOf(TargetView) } }, config: { permission: access } },
    (req) => consolations.targets(actorOf(req), req.params.id, req.query));
  app.post('/consolations/:id/handovers', { schema: { tags, params: IdParams, body: HandoverBody, response: { 201: Created } }, config: { permission: 'consolation.handover' } },
    async (req, reply) => reply.status(201).send(await consolations.handover(actorOf(req), req.params.id, req.body)));
}
