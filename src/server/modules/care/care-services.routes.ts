import { z } from 'zod';
import { Created, pageOf } from '../../../contracts/common';
import { actorOf } from '../../platform/http/auth-plugin';
import type { App } from '../../platform/http/types';
import { CareServiceListQuery, CareServiceStats, CareServiceStatsQuery, CareServiceView, Recipient, RecipientQuery, RecordCareServiceBody } from './care-services.schemas';
import type { CareService } from './care.service';

export function careServicesRoutes(app: App, care: CareService): void {
  const tags = ['care'];
  const { services } = care;
  app.post('/care-services', { schema: { tags, body: RecordCareServiceBody, response: { 201: Created } }, config: { permission: 'care_service.record' } },
    async (req, reply) => reply.status(201).send(await services.record(actorOf(req), req.body)));
  app.get('/care-services', { schema: { tags, querystring: CareServiceListQuery, response: { 200: pageOf(CareServiceView) } }, config: { permission: 'care_service.read' } },
    (req) => services.list(actorOf(req), req.query));
  app.get('/care-services/stats', { schema: { tags, querystring: CareServiceStatsQuery, response: { 200: CareServiceStats } }, config: { permission: ['care_service.read', 'care_stats.read'] } },
    (req) => services.monthly(actorOf(req), req.query));
  app.get('/care-services/recipients', { schema: { tags, querystring: RecipientQuery, response: { 200: z.array(Recipient) } }, config: { permission: 'care_service.record' } },
    (req) => services.recipients(actorOf(req), req.query.q));
}
