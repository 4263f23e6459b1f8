/**
 * What every part of the party service asks first: which community a call is about (within the
 * caller's scope), whether the caller is a member there, and whether they lead a group. Group
 * leadership is data (a current 党小组长 / 书记 term on the org), not a role.
 */
import type { Actor, PermissionRef } from '../../platform/auth/actor';
import { can } from '../../platform/auth/actor';
import type { Queryable } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import { explicitCommunityIds, pathInScope } from '../../platform/scope';
import type { OrgsService } from '../orgs/orgs.service';
import { partyMembersRepository as members, type MemberRow } from './party-members.repository';

export interface CommunityRef {
  id: string;
  name: string;
  timezone: string;
  path: string;
}

export function createPartyAccess(orgs: OrgsService) {
  async function community(q: Queryable, actor: Actor, permission: PermissionRef, communityId: string | undefined, field = 'communityId'): Promise<CommunityRef> {
    let id = communityId;
    if (!id) {
      const ids = explicitCommunityIds(actor, permission);
      if (!ids || ids.length !== 1) throw new AppError('validation_failed', [{ field, code: 'required', message: field }]);
      id = ids[0]!;
    }
    const org = await orgs.findById(id, q);
    if (!org || org.kind !== 'community' || !pathInScope(actor, permission, org.path)) throw new AppError('not_found');
    return { id: org.id, name: org.name, timezone: org.timezone, path: org.path };
  }

  return {
    community,

    /** The community's time zone (after the caller's access to it was checked). */
    async zoneOf(q: Queryable, communityId: string): Promise<string> {
      return (await orgs.findById(communityId, q))?.timezone ?? 'Asia/Shanghai';
    },

    /** The caller's member record in a community (by account, or by their resident record). */
    memberOf(q: Queryable, actor: Actor, communityId: string): Promise<MemberRow | undefined> {
      if (!actor.accountId) return Promise.resolve(undefined);
      return members.findForAccount(q, communityId, actor.accountId, actor.residentId);
    },

    async requireMember(q: Queryable, actor: Actor, communityId: string): Promise<MemberRow> {
      const member = actor.accountId ? await members.findForAccount(q, communityId, actor.accountId, actor.residentId) : undefined;
      if (!member) throw new AppError('not_party_member');
      return member;
    },

    /**
     * Read access to an org's members: staff with `party_member.read` in the community, or a
     * member who currently leads the org or one of its ancestors. Out of reach = 404.
     */
    async requireOrgReader(q: Queryable, actor: Actor, communityId: string, orgPath: string): Promise<'staff' | 'leader'> {
      const c = await community(q, actor, ['party_member.read', 'party_self.read'], communityId);
      if (can(actor, 'party_member.read') && pathInScope(actor, 'party_member.read', c.path)) return 'staff';
      const me = actor.accountId ? await members.findForAccount(q, c.id, actor.accountId, actor.residentId) : undefined;
      if (me && (await members.leadsOrgPath(q, me.id, orgPath))) return 'leader';
      throw new AppError('not_found');
    },
  };
}

export type PartyAccess = ReturnType<typeof createPartyAccess>;
