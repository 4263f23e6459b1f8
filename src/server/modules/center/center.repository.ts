/** Queries shared by the center's areas: communities and centers, residents acted for, their accounts. */
import { and, eq, sql } from 'drizzle-orm';
import type { Actor, PermissionRef } from '../../platform/auth/actor';
import { rows, type Queryable } from '../../platform/db/client';
import { account } from '../../platform/db/tables/auth';
import { center, orgNode } from '../../platform/db/tables/org';
import { scopeWhere } from '../../platform/scope';
import { residentBasic, type ResidentBasic } from '../places/places.duty';

export interface CommunityInfo {
  id: string;
  name: string;
  path: string;
  timezone: string;
}

export interface CenterInfo {
  id: string;
  name: string;
  communityId: string;
  community: CommunityInfo;
}

export const centerRepository = {
  async community(q: Queryable, id: string): Promise<CommunityInfo | undefined> {
    const [row] = await q.select({ id: orgNode.id, name: orgNode.name, path: orgNode.path, timezone: orgNode.timezone }).from(orgNode).where(and(eq(orgNode.id, id), eq(orgNode.kind, 'community')));
    return row;
  },

  /** A center the actor may use with `permission` (out of scope: undefined). */
  async centerInScope(q: Queryable, actor: Actor, permission: PermissionRef, id: string): Promise<CenterInfo | undefined> {
    const [row] = await q
      .select({ id: center.id, name: center.name, communityId: center.communityId, cName: orgNode.name, path: orgNode.path, timezone: orgNode.timezone })
      .from(center)
      .innerJoin(orgNode, eq(orgNode.id, center.communityId))
      .where(and(eq(center.id, id), scopeWhere(actor, permission, { community: center.communityId })));
    if (!row) return undefined;
    return { id: row.id, name: row.name, communityId: row.communityId, community: { id: row.communityId, name: row.cName, path: row.path, timezone: row.timezone } };
  },

  /** An active resident (read-only join on places). */
  async activeResident(q: Queryable, id: string): Promise<(ResidentBasic & { status: string }) | undefined> {
    const basic = await residentBasic(q, id);
    if (!basic) return undefined;
    const [s] = await rows<{ status: string }>(q, sql`SELECT status FROM resident WHERE id = ${id}`);
    return s?.status === 'active' ? { ...basic, status: s.status } : undefined;
  },

  /** App accounts that speak for a resident (matched accounts), for inbox notices. */
  async accountsOfResident(q: Queryable, residentId: string): Promise<string[]> {
    const found = await q.select({ id: account.id }).from(account).where(and(eq(account.residentId, residentId), eq(account.status, 'active')));
    return found.map((a) => a.id);
  },

  /** A resident and the active members of their household (whose meals and courses they may manage from the app). */
  async householdMembers(q: Queryable, residentId: string): Promise<string[]> {
    const found = await rows<{ id: string }>(
      q,
      sql`SELECT r.id FROM resident r WHERE r.id = ${residentId}
          UNION SELECT r.id FROM resident r JOIN resident me ON me.household_id = r.household_id WHERE me.id = ${residentId} AND r.status = 'active'`,
    );
    return found.map((r) => r.id);
  },
};
