import { z } from 'zod';
import { pageQuery } from '../../../contracts/common';

export const NotificationView = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  entity: z.string().nullable(),
  entityId: z.string().nullable(),
  readAt: z.date().nullable(),
  createdAt: z.date(),
});

export const NotificationListQuery = z.strictObject({ ...pageQuery, unread: z.enum(['true', 'false']).optional() });

export const NotificationPage = z.object({
  items: z.array(NotificationView),
  nextCursor: z.string().nullable(),
  unreadCount: z.number().int(),
});
