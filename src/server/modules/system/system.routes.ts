import { z } from 'zod';
import type { AppContext } from '../../context';
import type { App } from '../../platform/http/types';

export const HealthView = z.object({ status: z.enum(['ok', 'unavailable']), db: z.enum(['pglite', 'postgres']), version: z.string() });

export function systemRoutes(app: App, ctx: AppContext): void {
  app.get('/health', { schema: { tags: ['system'], response: { 200: HealthView, 503: HealthView } }, config: { permission: 'public' } }, async (_req, reply) => {
    const base = { db: ctx.database.kind, version: ctx.config.version };
    try {
      await ctx.database.query('SELECT 1');
      return { status: 'ok' as const, ...base };
    } catch {
      reply.header('Retry-After', '5');
      return reply.status(503).send({ status: 'unavailable' as const, ...base });
    }
  });

  app.get('/openapi.json', { schema: { hide: true }, config: { permission: 'public' } }, () => app.swagger());
}
