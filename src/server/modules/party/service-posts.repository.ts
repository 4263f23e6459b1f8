/** SQL for service posts and claims. Capacity is kept exact by one conditional UPDATE per claim. */
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Actor, PermissionRef } from '../../platform/auth/actor';
import { rows, type Queryable } from '../../platform/db/client';
import { scopeWhere } from '../../platform/scope';
import { building, estate } from '../places/places.tables';
import { partyMember, partyOrg, servicePost, servicePostClaim } from './party.tables';

export type PostRow = typeof servicePost.$inferSelect;
export type PostFull = PostRow & { orgName: string | null; buildingName: string | null; doneCount: number; myClaimId: string | null; myClaimStatus: 'claimed' | 'withdrawn' | 'done' | null };
export type ClaimRow = typeof servicePostClaim.$inferSelect;

function select(q: Queryable, memberId: string | null) {
  return q
    .select({
      post: servicePost,
      orgName: partyOrg.name,
      buildingName: sql<string | null>`${estate.name} || ' ' || ${building.name}`,
      doneCount: sql<number>`(SELECT count(*)::int FROM service_post_claim d WHERE d.post_id = service_post.id AND d.status = 'done')`,
      myClaimId: memberId ? sql<string | null>`(SELECT c.id FROM service_post_claim c WHERE c.post_id = service_post.id AND c.member_id = ${memberId} AND c.status <> 'withdrawn')` : sql<null>`NULL::uuid`,
      myClaimStatus: memberId ? sql<'claimed' | 'done' | null>`(SELECT c.status FROM service_post_claim c WHERE c.post_id = service_post.id AND c.member_id = ${memberId} AND c.status <> 'withdrawn')` : sql<null>`NULL::text`,
    })
    .from(servicePost)
    .leftJoin(partyOrg, eq(partyOrg.id, servicePost.orgId))
    .leftJoin(building, eq(building.id, servicePost.buildingId))
    .leftJoin(estate, eq(estate.id, building.estateId));
}

type Selected = Awaited<ReturnType<ReturnType<typeof select>['execute']>>[number];
const flatten = (r: Selected): PostFull => ({ ...r.post, orgName: r.orgName, buildingName: r.buildingName, doneCount: Number(r.doneCount), myClaimId: r.myClaimId, myClaimStatus: r.myClaimStatus });

export interface PostFilter {
  communityId: string;
  when: 'upcoming' | 'past' | 'all';
  status?: PostRow['status'];
  orgId?: string;
  memberId: string | null;
  after?: readonly [string, string];
  limit: number;
}

export const servicePostsRepository = {
  async list(q: Queryable, actor: Actor, permission: PermissionRef, f: PostFilter): Promise<PostFull[]> {
    const ascending = f.when === 'upcoming';
    const conds: (SQL | undefined)[] = [scopeWhere(actor, permission, { community: servicePost.communityId }), eq(servicePost.communityId, f.communityId)];
    if (f.when === 'upcoming') conds.push(sql`${servicePost.endsAt} > now()`);
    if (f.when === 'past') conds.push(sql`${servicePost.endsAt} <= now()`);
    if (f.status) conds.push(eq(servicePost.status, f.status));
    if (f.orgId) conds.push(eq(servicePost.orgId, f.orgId));
    if (f.after) {
      conds.push(
        ascending
          ? sql`(${servicePost.startsAt}, ${servicePost.id}) > (${f.after[0]}::timestamptz, ${f.after[1]})`
          : sql`(${servicePost.startsAt}, ${servicePost.id}) < (${f.after[0]}::timestamptz, ${f.after[1]})`,
      );
    }
    const order = ascending ? [asc(servicePost.startsAt), asc(servicePost.id)] : [desc(servicePost.startsAt), desc(servicePost.id)];
    const list = await select(q, f.memberId).where(and(...conds)).orderBy(...order).limit(f.limit + 1);
    return list.map(flatten);
  },

  async findInScope(q: Queryable, actor: Actor, permission: PermissionRef, id: string, memberId: string | null = null): Promise<PostFull | undefined> {
    const [row] = await select(q, memberId).where(and(eq(servicePost.id, id), scopeWhere(actor, permission, { community: servicePost.communityId })));
    return row && flatten(row);
  },

  async insert(q: Queryable, values: typeof servicePost.$inferInsert): Promise<PostRow> {
    const [row] = await q.insert(servicePost).values(values).returning();
    return row!;
  },

  /** Takes one place if one is left (the row lock serializes concurrent claims). */
  async takePlace(q: Queryable, postId: string): Promise<boolean> {
    const taken = await rows<{ id: string }>(
      q,
      sql`UPDATE service_post SET claimed_count = claimed_count + 1 WHERE id = ${postId} AND status = 'open' AND claimed_count < capacity RETURNING id`,
    );
    return taken.length === 1;
  },

  async releasePlace(q: Queryable, postId: string): Promise<void> {
    await q.execute(sql`UPDATE service_post SET claimed_count = claimed_count - 1 WHERE id = ${postId} AND claimed_count > 0`);
  },

  async insertClaim(q: Queryable, values: typeof servicePostClaim.$inferInsert): Promise<ClaimRow | undefined> {
    const [row] = await q.insert(servicePostClaim).values(values).onConflictDoNothing().returning();
    return row;
  },

  async findClaim(q: Queryable, postId: string, claimId: string): Promise<ClaimRow | undefined> {
    const [row] = await q.select().from(servicePostClaim).where(and(eq(servicePostClaim.id, claimId), eq(servicePostClaim.postId, postId)));
    return row;
  },

  /** Moves a claim from one status to another; undefined when someone else moved it first. */
  async moveClaim(q: Queryable, claimId: string, from: ClaimRow['status'], values: Partial<typeof servicePostClaim.$inferInsert>): Promise<ClaimRow | undefined> {
    const [row] = await q.update(servicePostClaim).set(values).where(and(eq(servicePostClaim.id, claimId), eq(servicePostClaim.status, from))).returning();
    return row;
  },

  claimsOf(q: Queryable, postId: string) {
    return q
      .select({ claim: servicePostClaim, memberName: partyMember.name, orgName: partyOrg.name })
      .from(servicePostClaim)
      .innerJoin(partyMember, eq(partyMember.id, servicePostClaim.memberId))
      .innerJoin(partyOrg, eq(partyOrg.id, partyMember.orgId))
      .where(eq(servicePostClaim.postId, postId))
      .orderBy(asc(servicePostClaim.claimedAt))
      .limit(10_000);
  },
};

/** Row lock on a post, so an edit of its capacity cannot race a claim. */
export async function lockPost(q: Queryable, postId: string): Promise<void> {
  await q.execute(sql`SELECT id FROM service_post WHERE id = ${postId} FOR UPDATE`);
}
