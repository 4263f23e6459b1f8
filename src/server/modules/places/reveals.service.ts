/**
 * Revealing a personal field (ID number or phone) in clear: needs `resident.reveal` over the
 * resident and a reason; every reveal is audited and counted. An account that reveals more than
 * REVEAL_ALERT_THRESHOLD values within an hour raises one alert per clock hour, sent to the
 * security admins whose scope covers the community and listed for them.
 */
import { z } from 'zod';
import type { AppContext } from '../../context';
import type { Actor } from '../../platform/auth/actor';
import { AppError } from '../../platform/errors';
import { decodeCursor, pageFrom } from '../../platform/pagination';
import type { NotificationsService } from '../notifications/notifications.service';
import { placesMessages } from './places.messages';
import { REVEAL_ALERT_THRESHOLD } from './places.policy';
import { revealsRepository } from './reveals.repository';
import { residentsRepository } from './residents.repository';

export function createRevealsService(ctx: AppContext, deps: { notifications: NotificationsService }) {
  const { db, audit, crypto } = ctx;
  return {
    async reveal(actor: Actor, residentId: string, input: { field: 'idNumber' | 'phone'; reason: string }) {
      return db.transaction(async (tx) => {
        const found = await residentsRepository.find(tx, actor, 'resident.reveal', residentId);
        if (!found) throw new AppError('not_found');
        const r = found.resident;
        const sealed = input.field === 'idNumber' ? r.idNumberEnc : r.phoneEnc;
        const count = await revealsRepository.record(tx, { communityId: r.communityId, residentId, accountId: actor.accountId!, field: input.field });
        await audit.record(tx, actor, { action: 'resident.reveal', entity: 'resident', entityId: residentId, communityId: r.communityId, changes: { field: input.field }, reason: input.reason });
        if (count > REVEAL_ALERT_THRESHOLD && (await revealsRepository.raiseAlert(tx, { communityId: r.communityId, accountId: actor.accountId!, reveals: count }))) {
          const admins = await revealsRepository.securityAdminsFor(tx, r.communityId);
          await deps.notifications.notify(tx, {
            accountIds: admins.map((a) => a.id),
            communityId: r.communityId,
            kind: 'places.reveal_alert',
            title: placesMessages.revealAlertTitle,
            body: placesMessages.revealAlertBody(actor.displayName, count),
            link: '/reveal-alerts',
            entity: 'account',
            entityId: actor.accountId,
          });
          await audit.record(tx, actor, { action: 'resident.reveal_alert', entity: 'account', entityId: actor.accountId, communityId: r.communityId, changes: { reveals: count } });
        }
        return { field: input.field, value: sealed ? crypto.decrypt(sealed) : null };
      });
    },

    async listAlerts(actor: Actor, q: { cursor?: string; limit: number }) {
      const before = decodeCursor(q.cursor, z.tuple([z.string(), z.string()]));
      const list = await revealsRepository.listAlerts(db, actor, { before: before ?? undefined, limit: q.limit });
      return pageFrom(
        list,
        q.limit,
        (r) => [r.alert.createdAt.toISOString(), r.alert.id],
        (r) => ({ ...r.alert, username: r.username, displayName: r.displayName }),
      );
    },
  };
}

export type RevealsService = ReturnType<typeof createRevealsService>;
