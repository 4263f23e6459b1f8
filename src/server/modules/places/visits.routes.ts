import { z } from 'zod';
import { IdParams, pageOf } from '../../../contracts/common';
import { actorOf } from '../../platform/http/auth-plugin';
import type { App } from '../../platform/http/types';
import type { PlacesService } from './places.service';
import { CreateVisitBody, DueQuery, DueVisitView, SetVisitRuleBody, VisitListQuery, VisitRuleParams, VisitRuleQuery, VisitRuleView, VisitView } from './visits.schemas';

export function visitsRoutes(app: App, places: PlacesService): void {
  const tags = ['places'];
  const { visits } = places;

  // Recorded from phones on bad networks: POST honours Idempotency-Key (platform).
  app.post('/visits', { schema: { tags, body: CreateVisitBody, response: { 201: VisitView } }, config: { permission: 'visit.create' } },
    async (req, reply) => reply.status(201).send(await visits.create(actorOf(req), req.body)));
  app.get('/visits', { schema: { tags, querystring: VisitListQuery, response: { 200: pageOf(VisitView) } }, config: { permission: 'visit.read' } },
    (req) => visits.list(actorOf(req), req.query));
  app.get('/visits/due', { schema: { tags, querystring: DueQuery, response: { 200: z.array(DueVisitView) } }, config: { permission: ['visit.create', 'visit.read'] } },
    (req) => visits.due(actorOf(req), req.query));
  app.get('/visits/:id', { schema: { tags, params: IdParams, response: { 200: VisitView } }, config: { permission: ['visit.read', 'visit.create'] } },
    (req) => visits.get(actorOf(req), req.params.id));

  app.get('/visit-rules', { schema: { tags, querystring: VisitRuleQuery, response: { 200: z.array(VisitRuleView) } }, config: { permission: ['visit.read', 'visit_rule.manage'] } },
    (req) => visits.rules(actorOf(req), req.query.communityId));
  app.put('/visit-rules/:tag', { schema: { tags, params: VisitRuleParams, body: SetVisitRuleBody, response: { 200: z.array(VisitRuleView) } }, config: { permission: 'visit_rule.manage' } },
    (req) => visits.setRule(actorOf(req), req.params.tag, req.body));
}
