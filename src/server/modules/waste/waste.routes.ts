import { z } from 'zod';
import { Created, IdParams } from '../../../contracts/common';
import { systemActor } from '../../platform/auth/actor';
import { actorOf } from '../../platform/http/auth-plugin';
import type { App } from '../../platform/http/types';
import type { JobDefinition } from '../../platform/jobs';
import {
  ApplyBody, CreateDropPointBody, CreateSortingRecordBody, DecideSupervisorBody, DropPointListQuery, DropPointView, MySupervisionView, MyWasteView, PointHouseholdsQuery,
  PointHouseholdView, RewardRunBody, SortingRecordView, SupervisorListQuery, SupervisorView, UpdateDropPointBody, UpdateSortingRecordBody, WasteStats, WasteStatsQuery,
} from './waste.schemas';
import type { WasteService } from './waste.service';

export function wasteRoutes(app: App, waste: WasteService): void {
  const tags = ['waste'];
  app.get('/waste/drop-points', { schema: { tags, querystring: DropPointListQuery, response: { 200: z.array(DropPointView) } }, config: { permission: 'waste.read' } },
    (req) => waste.listPoints(actorOf(req), req.query));
  app.get('/waste/drop-points/:id', { schema: { tags, params: IdParams, response: { 200: DropPointView } }, config: { permission: 'waste.read' } },
    (req) => waste.getPoint(actorOf(req), req.params.id));
  app.post('/waste/drop-points', { schema: { tags, body: CreateDropPointBody, response: { 201: DropPointView } }, config: { permission: 'waste.manage' } },
    async (req, reply) => reply.status(201).send(await waste.createPoint(actorOf(req), req.body)));
  app.patch('/waste/drop-points/:id', { schema: { tags, params: IdParams, body: UpdateDropPointBody, response: { 200: DropPointView } }, config: { permission: 'waste.manage' } },
    (req) => waste.updatePoint(actorOf(req), req.params.id, req.body));
  app.get('/waste/drop-points/:id/households', { schema: { tags, params: IdParams, querystring: PointHouseholdsQuery, response: { 200: z.array(PointHouseholdView) } }, config: { permission: ['waste.read', 'waste.record'] } },
    (req) => waste.pointHouseholds(actorOf(req), req.params.id, req.query.day));

  app.post('/waste/supervisors', { schema: { tags, body: ApplyBody, response: { 201: Created } }, config: { permission: 'waste.apply' } },
    async (req, reply) => reply.status(201).send(await waste.apply(actorOf(req), req.body.communityId)));
  app.get('/waste/supervisors', { schema: { tags, querystring: SupervisorListQuery, response: { 200: z.array(SupervisorView) } }, config: { permission: 'waste.manage' } },
    (req) => waste.listSupervisors(actorOf(req), req.query));
  app.get('/waste/supervisors/mine', { schema: { tags, response: { 200: MySupervisionView } }, config: { permission: 'authenticated' } },
    (req) => waste.mySupervision(actorOf(req)));
  app.patch('/waste/supervisors/:id', { schema: { tags, params: IdParams, body: DecideSupervisorBody, response: { 200: z.object({ id: z.string(), status: z.string(), version: z.number().int() }) } }, config: { permission: 'waste.manage' } },
    (req) => waste.decideSupervisor(actorOf(req), req.params.id, req.body));

  app.post('/waste/sorting-records', { schema: { tags, body: CreateSortingRecordBody, response: { 201: SortingRecordView } }, config: { permission: 'waste.record' } },
    async (req, reply) => reply.status(201).send(await waste.record(actorOf(req), req.body)));
  app.patch('/waste/sorting-records/:id', { schema: { tags, params: IdParams, body: UpdateSortingRecordBody, response: { 200: SortingRecordView } }, config: { permission: 'waste.record' } },
    (req) => waste.correct(actorOf(req), req.params.id, req.body));

  app.post('/waste/rewards/run', { schema: { tags, body: RewardRunBody, response: { 200: z.object({ rewarded: z.number().int() }) } }, config: { permission: 'waste.manage' } },
    (req) => waste.runRewards(actorOf(req), req.body.communityId, req.body.day));
  app.get('/waste/stats', { schema: { tags, querystring: WasteStatsQuery, response: { 200: WasteStats } }, config: { permission: 'waste.read' } },
    (req) => waste.stats(actorOf(req), req.query));
  app.get('/waste/mine', { schema: { tags, response: { 200: MyWasteView } }, config: { permission: 'authenticated' } },
    (req) => waste.mine(actorOf(req)));
}

/** 00:30 every night (Asia/Shanghai): pay yesterday's correct sorting. */
export function wasteJobs(waste: WasteService): JobDefinition[] {
  return [{ name: 'waste.daily-rewards', cron: '30 0 * * *', handler: async () => void (await waste.runYesterday(systemActor('waste.daily-rewards'))) }];
}
