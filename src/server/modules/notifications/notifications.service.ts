/**
 * The in-app inbox, and outbound channels (SMS, WeChat template messages) behind one interface.
 * Other modules call `notify(tx, …)` inside their transaction: the inbox row commits with the
 * change that caused it; outbound delivery happens after commit and never blocks the request.
 */
import { z } from 'zod';
import type { AppContext } from '../../context';
import type { Actor } from '../../platform/auth/actor';
import type { Queryable } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import { decodeCursor, pageFrom } from '../../platform/pagination';
import { notificationsRepository as repo } from './notifications.repository';

export interface OutboundMessage {
  accountId: string;
  kind: string;
  title: string;
  body: string;
}

/** An outbound channel. The default only logs; real SMS / WeChat adapters implement the same shape. */
export interface NotificationChannel {
  name: string;
  deliver(message: OutboundMessage): Promise<void>;
}

export interface NotifyInput {
  accountIds: readonly string[];
  communityId?: string | null;
  kind: string;
  title: string;
  body?: string;
  link?: string | null;
  entity?: string | null;
  entityId?: string | null;
}

export function createNotificationsService(ctx: AppContext, channels: NotificationChannel[] = []) {
  const { db, log } = ctx;
  const outbound = channels.length ? channels : [{ name: 'log', deliver: async (m: OutboundMessage) => log.info({ kind: m.kind, accountId: m.accountId }, 'notification (log channel)') }];

  return {
    /** Writes inbox rows in the caller's transaction; schedules outbound delivery without waiting for it. */
    async notify(tx: Queryable, input: NotifyInput): Promise<void> {
      const ids = [...new Set(input.accountIds)];
      await repo.insertMany(
        tx,
        ids.map((accountId) => ({
          accountId,
          communityId: input.communityId ?? null,
          kind: input.kind,
          title: input.title,
          body: input.body ?? '',
          link: input.link ?? null,
          entity: input.entity ?? null,
          entityId: input.entityId ?? null,
        })),
      );
      setImmediate(() => {
        for (const accountId of ids) {
          for (const ch of outbound) {
            ch.deliver({ accountId, kind: input.kind, title: input.title, body: input.body ?? '' }).catch((err) =>
              log.warn({ err, channel: ch.name }, 'outbound notification failed'),
            );
          }
        }
      });
    },

    async list(actor: Actor, q: { unread?: 'true' | 'false'; cursor?: string; limit: number }) {
      const before = decodeCursor(q.cursor, z.tuple([z.string(), z.string()]));
      const rows = await repo.list(db, actor.accountId!, { unread: q.unread === 'true', before: before ?? undefined, limit: q.limit });
      const page = pageFrom(rows, q.limit, (r) => [r.createdAt.toISOString(), r.id], (r) => r);
      return { ...page, unreadCount: await repo.unreadCount(db, actor.accountId!) };
    },

    async markRead(actor: Actor, id: string): Promise<void> {
      if (!(await repo.exists(db, actor.accountId!, id))) throw new AppError('not_found');
      await repo.markRead(db, actor.accountId!, id);
    },

    async markAllRead(actor: Actor): Promise<number> {
      return repo.markRead(db, actor.accountId!);
    },
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
