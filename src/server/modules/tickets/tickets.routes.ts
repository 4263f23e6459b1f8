import { z } from 'zod';
import { IdParams, pageOf, Uuid } from '../../../contracts/common';
import { actorOf } from '../../platform/http/auth-plugin';
import type { App } from '../../platform/http/types';
import { categoryReadAccess } from './tickets.categories';
import type { TicketsModule } from './tickets.module';
import { ticketCreateAccess, ticketReadAccess } from './tickets.policy';
import {
  BuildingOption,
  BuildingOptionsQuery,
  CategoryListQuery,
  CategoryView,
  CreateCategoryBody,
  CreateTicketBody,
  PeopleQuery,
  PersonOption,
  RevealContactView,
  StatsQuery,
  StatsView,
  TicketActionBody,
  TicketActionParams,
  TicketListItem,
  TicketListQuery,
  TicketView,
  TransitionView,
  UpdateCategoryBody,
} from './tickets.schemas';

export function ticketsRoutes(app: App, m: TicketsModule): void {
  const tags = ['tickets'];
  app.get('/ticket-categories', { schema: { tags, querystring: CategoryListQuery, response: { 200: z.array(CategoryView) } }, config: { permission: categoryReadAccess } },
    (req) => m.categories.list(actorOf(req), req.query));
  app.post('/ticket-categories', { schema: { tags, body: CreateCategoryBody, response: { 201: CategoryView } }, config: { permission: 'ticket.configure' } },
    async (req, reply) => reply.status(201).send(await m.categories.create(actorOf(req), req.body)));
  app.patch('/ticket-categories/:id', { schema: { tags, params: IdParams, body: UpdateCategoryBody, response: { 200: CategoryView } }, config: { permission: 'ticket.configure' } },
    (req) => m.categories.update(actorOf(req), req.params.id, req.body));
  app.get('/ticket-transitions', { schema: { tags, response: { 200: z.array(TransitionView) } }, config: { permission: 'authenticated' } },
    () => m.tickets.transitions());
  app.get('/ticket-buildings', { schema: { tags, querystring: BuildingOptionsQuery, response: { 200: z.array(BuildingOption) } }, config: { permission: categoryReadAccess } },
    (req) => m.tickets.buildings(actorOf(req), req.query));

  app.get('/ticket-people', { schema: { tags, querystring: PeopleQuery, response: { 200: z.array(PersonOption) } }, config: { permission: ['ticket.handle', 'ticket.work', 'ticket.configure', 'project.manage'] } },
    (req) => m.tickets.people(actorOf(req), req.query));

  app.get('/tickets/stats', { schema: { tags, querystring: StatsQuery, response: { 200: StatsView } }, config: { permission: 'ticket.stats' } },
    (req) => m.stats.stats(actorOf(req), req.query));
  app.get('/tickets', { schema: { tags, querystring: TicketListQuery, response: { 200: pageOf(TicketListItem) } }, config: { permission: ticketReadAccess } },
    (req) => m.tickets.list(actorOf(req), req.query));
  app.post('/tickets', { schema: { tags, body: CreateTicketBody, response: { 201: TicketView } }, config: { permission: ticketCreateAccess } },
    async (req, reply) => reply.status(201).send(await m.tickets.create(actorOf(req), req.body)));
  app.get('/tickets/:id', { schema: { tags, params: IdParams, response: { 200: TicketView } }, config: { permission: ticketReadAccess } },
    (req) => m.tickets.get(actorOf(req), req.params.id));
  app.post('/tickets/:id/reveal-contact', { schema: { tags, params: IdParams, response: { 200: RevealContactView } }, config: { permission: ['ticket.work', 'ticket.handle'], idempotency: false } },
    (req) => m.tickets.revealContact(actorOf(req), req.params.id));
  app.get('/tickets/:id/photos/:photoId', { schema: { tags, params: z.strictObject({ id: Uuid, photoId: Uuid }) }, config: { permission: ticketReadAccess } },
    async (req, reply) => {
      const { upload, object } = await m.tickets.photo(actorOf(req), req.params.id, req.params.photoId);
      return reply.type(upload.mime).header('Content-Length', String(object.bytes)).send(object.stream);
    });
  app.post('/tickets/:id/:action', { schema: { tags, params: TicketActionParams, body: TicketActionBody, response: { 200: TicketView } }, config: { permission: ticketReadAccess } },
    (req) => m.workflow.act(actorOf(req), req.params.id, req.params.action, req.body));
}
