import { z } from 'zod';
import { actorOf } from '../../platform/http/auth-plugin';
import type { App } from '../../platform/http/types';
import { IndicatorView, Rankings, RankingsQuery } from './stats.schemas';
import type { StatsService } from './stats.service';

export function statsRoutes(app: App, stats: StatsService): void {
  const tags = ['stats'];
  app.get('/stats/indicators', { schema: { tags, response: { 200: z.array(IndicatorView) } }, config: { permission: 'stats.rankings.read' } }, () => stats.indicators());
  app.get('/stats/rankings', { schema: { tags, querystring: RankingsQuery, response: { 200: Rankings } }, config: { permission: 'stats.rankings.read' } },
    (req) => stats.rankings(actorOf(req), req.query));
}
