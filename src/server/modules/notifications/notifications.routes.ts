import { z } from 'zod';
import { IdParams, Ok } from '../../../contracts/common';
import { actorOf } from '../../platform/http/auth-plugin';
import type { App } from '../../platform/http/types';
import { NotificationListQuery, NotificationPage } from './notifications.schemas';
import type { NotificationsService } from './notifications.service';

export function notificationsRoutes(app: App, notifications: NotificationsService): void {
  const tags = ['notifications'];
  app.get('/notifications', { schema: { tags, querystring: NotificationListQuery, response: { 200: NotificationPage } }, config: { permission: 'authenticated' } },
    (req) => notifications.list(actorOf(req), req.query));
  app.post('/notifications/:id/read', { schema: { tags, params: IdParams, response: { 200: Ok } }, config: { permission: 'authenticated', idempotency: false } },
    async (req) => {
      await notifications.markRead(actorOf(req), req.params.id);
      return { ok: true as const };
    });
  app.post('/notifications/read-all', { schema: { tags, response: { 200: z.object({ updated: z.number().int() }) } }, config: { permission: 'authenticated', idempotency: false } },
    async (req) => ({ updated: await notifications.markAllRead(actorOf(req)) }));
}
