/**
 * 积分: points come only from recorded activity — lecture check-ins, lectures given, service done
 * on claimed posts, confirmed volunteer hours (volunteers module) — priced by the community's
 * rules. A member's points are the sum of their ledger; nobody types a total.
 */
import { z } from 'zod';
import type { AppContext } from '../../context';
import type { Actor } from '../../platform/auth/actor';
import type { Queryable, Tx } from '../../platform/db/client';
import { maskName } from '../../platform/crypto';
import { AppError } from '../../platform/errors';
import { decodeCursor, pageFrom } from '../../platform/pagination';
import type { PartyAccess } from './party-access';
import { partyMembersRepository as members } from './party-members.repository';
import { partyOrgsRepository as orgs } from './party-orgs.repository';
import { partyPointsRepository as repo } from './party-points.repository';
import type { PointEntryView } from './party-members.schemas';
import type { RankingView } from './party-stats.schemas';
import { endOfLocalDate, startOfLocalDate } from './party.time';

/** Points per unit until a community configures its own rule for the source. */
export const defaultPointRules: Readonly<Record<string, number>> = {
  lecture_check_in: 1,
  lecture_given: 5,
  post_service: 2,
  volunteer_hours: 1,
};

export interface RecordPointsInput {
  communityId: string;
  residentId: string;
  source: string;
  sourceId: string;
  quantity: number;
  occurredAt: Date;
}

export interface MemberPointsInput {
  communityId: string;
  memberId: string;
  source: string;
  sourceId: string;
  quantity: number;
  occurredAt: Date;
}

const toEntryView = (r: { id: string; source: string; sourceId: string; quantity: number; points: number; occurredAt: Date }): PointEntryView => ({
  id: r.id,
  source: r.source,
  sourceId: r.sourceId,
  quantity: Number(r.quantity),
  points: Number(r.points),
  occurredAt: r.occurredAt,
});

export function createPartyPointsService(ctx: AppContext, access: PartyAccess) {
  const { db } = ctx;

  const awardMember = (tx: Queryable, input: MemberPointsInput): Promise<boolean> =>
    repo.insertEntry(tx, { ...input, defaultPerUnit: defaultPointRules[input.source] ?? 0 });

  async function ledgerPage(memberId: string, q: { cursor?: string; limit: number }) {
    const before = decodeCursor(q.cursor, z.tuple([z.string(), z.string()]));
    const [list, total] = await Promise.all([repo.ledger(db, memberId, before, q.limit), repo.total(db, memberId)]);
    return { ...pageFrom(list, q.limit, (r) => [r.occurredAt.toISOString(), r.id], toEntryView), total };
  }

  return {
    /**
     * For other modules (volunteers: source 'volunteer_hours', quantity = confirmed hours): adds a
     * ledger entry in the caller's transaction. Idempotent on (source, sourceId); a no-op when the
     * resident is not a member of that community.
     */
    async recordPoints(tx: Tx | Queryable, input: RecordPointsInput): Promise<void> {
      const member = await members.findByResident(tx, input.communityId, input.residentId);
      if (!member) return;
      await awardMember(tx, { communityId: input.communityId, memberId: member.id, source: input.source, sourceId: input.sourceId, quantity: input.quantity, occurredAt: input.occurredAt });
    },

    awardMember,

    async memberLedger(actor: Actor, memberId: string, q: { cursor?: string; limit: number }) {
      const member = await members.findById(db, memberId);
      if (!member) throw new AppError('not_found');
      await access.requireOrgReader(db, actor, member.communityId, (await orgs.findInCommunity(db, member.communityId, member.orgId))!.path);
      return ledgerPage(memberId, q);
    },

    async myLedger(actor: Actor, q: { communityId?: string; cursor?: string; limit: number }) {
      const c = await access.community(db, actor, 'party_self.read', q.communityId);
      const me = await access.requireMember(db, actor, c.id);
      return ledgerPage(me.id, q);
    },

    async ranking(actor: Actor, q: { communityId?: string; orgId?: string; from?: string; to?: string; top: number }): Promise<RankingView> {
      const c = await access.community(db, actor, ['party_points.read', 'party_self.read'], q.communityId);
      const org = q.orgId ? await orgs.findInCommunity(db, c.id, q.orgId) : undefined;
      if (q.orgId && !org) throw new AppError('not_found');
      const staff = actor.grants.some((g) => g.permissions.has('party_points.read') && c.path.startsWith(g.path));
      if (!staff) {
        // A group leader sees the ranking of the org they lead, nobody else's.
        if (!org) throw new AppError('not_found');
        await access.requireOrgReader(db, actor, c.id, org.path);
      }
      const list = await repo.ranking(db, {
        communityId: c.id,
        orgPath: org?.path,
        from: q.from ? startOfLocalDate(q.from, c.timezone) : undefined,
        to: q.to ? endOfLocalDate(q.to, c.timezone) : undefined,
        top: q.top,
      });
      const groups = new Map<string, RankingView['groups'][number]>();
      for (const r of list) {
        const g = groups.get(r.org_id) ?? { orgId: r.org_id, orgName: r.org_name, members: r.members, ranking: [] };
        g.ranking.push({ rank: r.rnk, memberId: r.member_id, name: maskName(r.name)!, points: Number(r.points) });
        groups.set(r.org_id, g);
      }
      return { groups: [...groups.values()] };
    },

    rankOf: (q: Queryable, memberId: string) => repo.rankOf(q, memberId),
    total: (q: Queryable, memberId: string) => repo.total(q, memberId),
  };
}

export type PartyPointsService = ReturnType<typeof createPartyPointsService>;
