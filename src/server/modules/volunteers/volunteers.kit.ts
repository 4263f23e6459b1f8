/** What the volunteer sub-services share: context, other modules' services, settings, helpers. */
import type { AppContext } from '../../context';
import type { Queryable } from '../../platform/db/client';
import type { NotifyInput } from '../notifications/notifications.service';
import { volunteerConfigFrom, type VolunteerConfig } from './volunteers.config';
import { languagesOf, notices } from './volunteers.messages';
import { createQrSigner, type QrSigner } from './volunteers.qr';
import { createViews, type Views } from './volunteers.views';

/** The party service's points entry (party-building issue): idempotent on source + sourceId, no-op for non-members. */
export interface PartyPoints {
  recordPoints(tx: Queryable, input: { communityId: string; residentId: string; source: 'volunteer_hours'; sourceId: string; quantity: number; occurredAt: Date }): Promise<unknown>;
}

export interface VolunteersDeps {
  notifications: { notify(tx: Queryable, input: NotifyInput): Promise<void> };
  partners: { findById(q: Queryable, id: string): Promise<{ id: string; communityId: string; name: string } | undefined> };
  serviceVisits: {
    record(tx: Queryable, input: { communityId: string; residentId?: string | null; source: string; sourceId: string; occurredAt: Date; theme?: string | null }): Promise<void>;
  };
  /** Absent until the party module offers points. */
  party?: PartyPoints | null;
}

export interface VolunteersKit {
  ctx: AppContext;
  deps: VolunteersDeps;
  config: VolunteerConfig;
  signer: QrSigner;
  views: Views;
  /** One inbox notice to one account, worded in its language. */
  notice<K extends keyof typeof notices>(
    tx: Queryable,
    accountId: string,
    kind: K,
    args: Parameters<(typeof notices)[K]['zh-CN']>[0],
    extra: Pick<NotifyInput, 'communityId' | 'link' | 'entity' | 'entityId'>,
  ): Promise<void>;
}

export function createKit(ctx: AppContext, deps: VolunteersDeps, config: VolunteerConfig = volunteerConfigFrom()): VolunteersKit {
  return {
    ctx,
    deps,
    config,
    signer: createQrSigner(ctx.crypto),
    views: createViews(ctx.crypto, config.starHours),
    async notice(tx, accountId, kind, args, extra) {
      const lang = (await languagesOf(tx, [accountId])).get(accountId) ?? 'zh-CN';
      const texts = (notices[kind][lang] as (a: typeof args) => { title: string; body: string })(args);
      await deps.notifications.notify(tx, { accountIds: [accountId], kind: `volunteer.${kind}`, ...texts, ...extra });
    },
  };
}
