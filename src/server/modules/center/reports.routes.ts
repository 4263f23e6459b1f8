import { actorOf } from '../../platform/http/auth-plugin';
import type { App } from '../../platform/http/types';
import { CenterStats, MyCenterView, SatisfactionBody, SatisfactionStats, SatisfactionView, StatsQuery } from './reports.schemas';
import type { ReportsService } from './reports.service';

export function reportsRoutes(app: App, reports: ReportsService): void {
  const tags = ['center: reports'];
  app.post('/center-satisfaction', { schema: { tags, body: SatisfactionBody, response: { 201: SatisfactionView } }, config: { permission: 'center_satisfaction.respond' } },
    async (req, reply) => reply.status(201).send(await reports.answer(actorOf(req), req.body)));
  app.get('/center-satisfaction/stats', { schema: { tags, querystring: StatsQuery, response: { 200: SatisfactionStats } }, config: { permission: 'center_satisfaction.read' } },
    (req) => reports.satisfaction(actorOf(req), req.query));
  app.get('/center-stats', { schema: { tags, querystring: StatsQuery, response: { 200: CenterStats } }, config: { permission: 'center_stats.read' } },
    (req) => reports.stats(actorOf(req), req.query));
  app.get('/my-center', { schema: { tags, response: { 200: MyCenterView } }, config: { permission: ['enrollment.create', 'event_signup.create', 'meal_order.create'] } },
    (req) => reports.mine(actorOf(req)));
}
