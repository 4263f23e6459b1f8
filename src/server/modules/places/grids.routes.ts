import { z } from 'zod';
import { IdParams, Ok } from '../../../contracts/common';
import { actorOf } from '../../platform/http/auth-plugin';
import type { App } from '../../platform/http/types';
import {
  BuildingListQuery,
  BuildingView,
  CreateBuildingBody,
  CreateEntranceBody,
  CreateEstateBody,
  CreateGridBody,
  CreateLeaveBody,
  DutyCandidateView,
  DutyParams,
  EstateListQuery,
  EstateView,
  GridListQuery,
  GridView,
  LeaveListQuery,
  LeaveView,
  SetDutyBody,
  UpdateBuildingBody,
  UpdateEstateBody,
  UpdateGridBody,
} from './grids.schemas';
import type { PlacesService } from './places.service';

export function gridsRoutes(app: App, places: PlacesService): void {
  const tags = ['places'];
  const { grids, buildings } = places;

  app.get('/grids', { schema: { tags, querystring: GridListQuery, response: { 200: z.array(GridView) } }, config: { permission: 'grid.read' } },
    (req) => grids.list(actorOf(req), req.query));
  app.get('/grids/:id', { schema: { tags, params: IdParams, response: { 200: GridView } }, config: { permission: 'grid.read' } },
    (req) => grids.get(actorOf(req), req.params.id));
  app.post('/grids', { schema: { tags, body: CreateGridBody, response: { 201: GridView } }, config: { permission: 'grid.manage' } },
    async (req, reply) => reply.status(201).send(await grids.create(actorOf(req), req.body)));
  app.patch('/grids/:id', { schema: { tags, params: IdParams, body: UpdateGridBody, response: { 200: GridView } }, config: { permission: 'grid.manage' } },
    (req) => grids.update(actorOf(req), req.params.id, req.body));
  app.delete('/grids/:id', { schema: { tags, params: IdParams, response: { 200: Ok } }, config: { permission: 'grid.manage' } },
    async (req) => {
      await grids.remove(actorOf(req), req.params.id);
      return { ok: true as const };
    });
  app.put('/grids/:id/duty/:duty', { schema: { tags, params: DutyParams, body: SetDutyBody, response: { 200: GridView } }, config: { permission: 'duty.manage' } },
    (req) => grids.setDuty(actorOf(req), req.params.id, req.params.duty, req.body));
  app.get('/grids/:id/duty-candidates', { schema: { tags, params: IdParams, response: { 200: z.array(DutyCandidateView) } }, config: { permission: 'duty.manage' } },
    (req) => grids.candidates(actorOf(req), req.params.id));

  app.get('/duty-leaves', { schema: { tags, querystring: LeaveListQuery, response: { 200: z.array(LeaveView) } }, config: { permission: ['grid.read', 'duty.manage'] } },
    (req) => grids.listLeaves(actorOf(req), req.query));
  app.post('/duty-leaves', { schema: { tags, body: CreateLeaveBody, response: { 201: LeaveView } }, config: { permission: 'duty.manage' } },
    async (req, reply) => reply.status(201).send(await grids.createLeave(actorOf(req), req.body)));
  app.delete('/duty-leaves/:id', { schema: { tags, params: IdParams, response: { 200: Ok } }, config: { permission: 'duty.manage' } },
    async (req) => {
      await grids.deleteLeave(actorOf(req), req.params.id);
      return { ok: true as const };
    });

  app.get('/estates', { schema: { tags, querystring: EstateListQuery, response: { 200: z.array(EstateView) } }, config: { permission: 'building.read' } },
    (req) => buildings.listEstates(actorOf(req), req.query));
  app.post('/estates', { schema: { tags, body: CreateEstateBody, response: { 201: EstateView } }, config: { permission: 'building.manage' } },
    async (req, reply) => reply.status(201).send(await buildings.createEstate(actorOf(req), req.body)));
  app.patch('/estates/:id', { schema: { tags, params: IdParams, body: UpdateEstateBody, response: { 200: EstateView } }, config: { permission: 'building.manage' } },
    (req) => buildings.updateEstate(actorOf(req), req.params.id, req.body));

  app.get('/buildings', { schema: { tags, querystring: BuildingListQuery, response: { 200: z.array(BuildingView) } }, config: { permission: 'building.read' } },
    (req) => buildings.listBuildings(actorOf(req), req.query));
  app.get('/buildings/:id', { schema: { tags, params: IdParams, response: { 200: BuildingView } }, config: { permission: 'building.read' } },
    (req) => buildings.getBuilding(actorOf(req), req.params.id));
  app.post('/buildings', { schema: { tags, body: CreateBuildingBody, response: { 201: BuildingView } }, config: { permission: 'building.manage' } },
    async (req, reply) => reply.status(201).send(await buildings.createBuilding(actorOf(req), req.body)));
  app.patch('/buildings/:id', { schema: { tags, params: IdParams, body: UpdateBuildingBody, response: { 200: BuildingView } }, config: { permission: 'building.manage' } },
    (req) => buildings.updateBuilding(actorOf(req), req.params.id, req.body));
  app.post('/buildings/:id/entrances', { schema: { tags, params: IdParams, body: CreateEntranceBody, response: { 201: BuildingView } }, config: { permission: 'building.manage' } },
    async (req, reply) => reply.status(201).send(await buildings.createEntrance(actorOf(req), req.params.id, req.body)));
}
