import { z } from 'zod';
import { IdParams } from '../../../contracts/common';
import { actorOf } from '../../platform/http/auth-plugin';
import type { App } from '../../platform/http/types';
import { CreatePartnerUnitBody, PartnerUnitListQuery, PartnerUnitView, UpdatePartnerUnitBody } from './partners.schemas';
import type { PartnersService } from './partners.service';

export function partnersRoutes(app: App, partners: PartnersService): void {
  const tags = ['partners'];
  app.get('/partner-units', { schema: { tags, querystring: PartnerUnitListQuery, response: { 200: z.array(PartnerUnitView) } }, config: { permission: 'partner_unit.read' } },
    (req) => partners.list(actorOf(req), req.query));
  app.get('/partner-units/:id', { schema: { tags, params: IdParams, response: { 200: PartnerUnitView } }, config: { permission: 'partner_unit.read' } },
    (req) => partners.get(actorOf(req), req.params.id));
  app.post('/partner-units', { schema: { tags, body: CreatePartnerUnitBody, response: { 201: PartnerUnitView } }, config: { permission: 'partner_unit.manage' } },
    async (req, reply) => reply.status(201).send(await partners.create(actorOf(req), req.body)));
  app.patch('/partner-units/:id', { schema: { tags, params: IdParams, body: UpdatePartnerUnitBody, response: { 200: PartnerUnitView } }, config: { permission: 'partner_unit.manage' } },
    (req) => partners.update(actorOf(req), req.params.id, req.body));
}
