import { IdParams, pageOf } from '../../../contracts/common';
import { actorOf } from '../../platform/http/auth-plugin';
import type { App } from '../../platform/http/types';
import type { PlacesService } from './places.service';
import {
  CreateHouseholdBody,
  CreateResidentBody,
  HouseholdDetailView,
  HouseholdListQuery,
  HouseholdView,
  MoveResidentBody,
  ResidentListItem,
  ResidentListQuery,
  ResidentView,
  RevealAlertListQuery,
  RevealAlertView,
  RevealBody,
  RevealView,
  UpdateHouseholdBody,
  UpdateResidentBody,
} from './residents.schemas';

export function residentsRoutes(app: App, places: PlacesService): void {
  const tags = ['places'];
  const { households, residents, reveals } = places;

  app.get('/households', { schema: { tags, querystring: HouseholdListQuery, response: { 200: pageOf(HouseholdView) } }, config: { permission: 'household.read' } },
    (req) => households.list(actorOf(req), req.query));
  app.get('/households/:id', { schema: { tags, params: IdParams, response: { 200: HouseholdDetailView } }, config: { permission: 'household.read' } },
    (req) => households.get(actorOf(req), req.params.id));
  app.post('/households', { schema: { tags, body: CreateHouseholdBody, response: { 201: HouseholdView } }, config: { permission: 'household.manage' } },
    async (req, reply) => reply.status(201).send(await households.create(actorOf(req), req.body)));
  app.patch('/households/:id', { schema: { tags, params: IdParams, body: UpdateHouseholdBody, response: { 200: HouseholdView } }, config: { permission: 'household.manage' } },
    (req) => households.update(actorOf(req), req.params.id, req.body));

  app.get('/residents', { schema: { tags, querystring: ResidentListQuery, response: { 200: pageOf(ResidentListItem) } }, config: { permission: 'resident.read' } },
    (req) => residents.list(actorOf(req), req.query));
  app.get('/residents/:id', { schema: { tags, params: IdParams, response: { 200: ResidentView } }, config: { permission: 'resident.read' } },
    (req) => residents.get(actorOf(req), req.params.id));
  app.post('/residents', { schema: { tags, body: CreateResidentBody, response: { 201: ResidentView } }, config: { permission: 'resident.manage' } },
    async (req, reply) => reply.status(201).send(await residents.create(actorOf(req), req.body)));
  app.patch('/residents/:id', { schema: { tags, params: IdParams, body: UpdateResidentBody, response: { 200: ResidentView } }, config: { permission: 'resident.manage' } },
    (req) => residents.update(actorOf(req), req.params.id, req.body));
  app.post('/residents/:id/move', { schema: { tags, params: IdParams, body: MoveResidentBody, response: { 200: ResidentView } }, config: { permission: 'resident.manage', idempotency: false } },
    (req) => residents.move(actorOf(req), req.params.id, req.body));
  app.post('/residents/:id/reveal', { schema: { tags, params: IdParams, body: RevealBody, response: { 200: RevealView } }, config: { permission: 'resident.reveal', idempotency: false } },
    (req) => reveals.reveal(actorOf(req), req.params.id, req.body));

  app.get('/reveal-alerts', { schema: { tags, querystring: RevealAlertListQuery, response: { 200: pageOf(RevealAlertView) } }, config: { permission: 'reveal_alert.read' } },
    (req) => reveals.listAlerts(actorOf(req), req.query));
}
