import { actorOf } from '../../platform/http/auth-plugin';
import type { App } from '../../platform/http/types';
import { ServiceVisitStats, ServiceVisitStatsQuery } from './service-visits.schemas';
import type { ServiceVisitsService } from './service-visits.service';

export function serviceVisitsRoutes(app: App, visits: ServiceVisitsService): void {
  app.get('/service-visits/stats', { schema: { tags: ['service-visits'], querystring: ServiceVisitStatsQuery, response: { 200: ServiceVisitStats } }, config: { permission: 'service_visit.read' } },
    (req) => visits.stats(actorOf(req), req.query));
}
