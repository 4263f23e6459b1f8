/**
 * 服务岗位 and 认领: the community publishes posts with a capacity and a period; members claim them
 * from the phone (capacity exact under concurrency), may withdraw before the start, and staff
 * confirm the service done — which is what earns points and shows on the member's record.
 */
import { z } from 'zod';
import type { AppContext } from '../../context';
import type { Actor } from '../../platform/auth/actor';
import { diffForAudit } from '../../platform/audit';
import { maskName } from '../../platform/crypto';
import { updateVersioned } from '../../platform/db/versioned';
import { AppError } from '../../platform/errors';
import { decodeCursor, pageFrom } from '../../platform/pagination';
import { pathInScope, scopeWhere } from '../../platform/scope';
import { buildingInfo } from '../places/places.duty';
import type { PartyAccess } from './party-access';
import type { PartyPointsService } from './party-points.service';
import { partyOrgsRepository as orgs } from './party-orgs.repository';
import { servicePost } from './party.tables';
import { lockPost, servicePostsRepository as repo, type ClaimRow, type PostFull } from './service-posts.repository';
import type { ClaimView, ServicePostView } from './service-posts.schemas';

/** A claim's life as data: who may move it, and when. */
export const claimTransitions = [
  { from: 'claimed', action: 'withdraw', to: 'withdrawn', by: 'member', allowed: 'before_start' },
  { from: 'claimed', action: 'complete', to: 'done', by: 'staff', allowed: 'after_start' },
] as const satisfies ReadonlyArray<{ from: ClaimRow['status']; action: string; to: ClaimRow['status']; by: 'member' | 'staff'; allowed: 'before_start' | 'after_start' }>;

const readAccess = ['service_post.read', 'service_post.claim'] as const;

export interface CreatePostInput {
  communityId?: string;
  title: string;
  description: string;
  capacity: number;
  startsAt: string;
  endsAt: string;
  orgId?: string | null;
  buildingId?: string | null;
}

export function createServicePostsService(ctx: AppContext, access: PartyAccess, points: PartyPointsService) {
  const { db, audit } = ctx;

  const view = (p: PostFull): ServicePostView => ({
    id: p.id,
    communityId: p.communityId,
    orgId: p.orgId,
    orgName: p.orgName,
    buildingId: p.buildingId,
    buildingName: p.buildingName,
    title: p.title,
    description: p.description,
    capacity: p.capacity,
    claimedCount: p.claimedCount,
    doneCount: p.doneCount,
    startsAt: p.startsAt,
    endsAt: p.endsAt,
    status: p.status,
    myClaim: p.myClaimId && p.myClaimStatus ? { id: p.myClaimId, status: p.myClaimStatus } : null,
    version: p.version,
  });

  async function move(actor: Actor, postId: string, claimId: string, action: (typeof claimTransitions)[number]['action']) {
    const t = claimTransitions.find((x) => x.action === action)!;
    return db.transaction(async (tx) => {
      const post = await repo.findInScope(tx, actor, t.by === 'staff' ? 'service_post.manage' : 'service_post.claim', postId);
      if (!post) throw new AppError('not_found');
      const claim = await repo.findClaim(tx, postId, claimId);
      if (!claim) throw new AppError('not_found');
      if (t.by === 'member') {
        const me = await access.requireMember(tx, actor, post.communityId);
        if (claim.memberId !== me.id) throw new AppError('not_found');
      }
      const started = post.startsAt.getTime() <= Date.now();
      if (claim.status !== t.from || (t.allowed === 'before_start') === started) throw new AppError('invalid_transition', { from: claim.status, action, started });
      const now = new Date();
      const moved = await repo.moveClaim(tx, claimId, t.from, t.to === 'withdrawn' ? { status: t.to, withdrawnAt: now } : { status: t.to, doneAt: now, confirmedBy: actor.accountId });
      if (!moved) throw new AppError('invalid_transition', { from: claim.status, action });
      if (t.to === 'withdrawn') await repo.releasePlace(tx, postId);
      if (t.to === 'done') {
        await points.awardMember(tx, { communityId: post.communityId, memberId: claim.memberId, source: 'post_service', sourceId: claim.id, quantity: 1, occurredAt: post.endsAt < now ? post.endsAt : now });
      }
      await audit.record(tx, actor, { action: `service_post.claim.${action}`, entity: 'service_post', entityId: postId, communityId: post.communityId, changes: { claim: { before: claim.status, after: t.to } } });
      return moved;
    });
  }

  return {
    async list(actor: Actor, q: { communityId?: string; when: 'upcoming' | 'past' | 'all'; status?: 'open' | 'cancelled'; orgId?: string; cursor?: string; limit: number }) {
      const c = await access.community(db, actor, readAccess, q.communityId);
      const me = await access.memberOf(db, actor, c.id);
      const after = decodeCursor(q.cursor, z.tuple([z.string(), z.string()]));
      const staff = pathInScope(actor, 'service_post.read', c.path);
      const list = await repo.list(db, actor, readAccess, { communityId: c.id, when: q.when, status: staff ? q.status : 'open', orgId: q.orgId, memberId: me?.id ?? null, after: after ?? undefined, limit: q.limit });
      return pageFrom(list, q.limit, (p) => [p.startsAt.toISOString(), p.id], view);
    },

    async get(actor: Actor, id: string): Promise<ServicePostView> {
      const bare = await repo.findInScope(db, actor, readAccess, id);
      if (!bare) throw new AppError('not_found');
      const me = await access.memberOf(db, actor, bare.communityId);
      return view(me ? (await repo.findInScope(db, actor, readAccess, id, me.id))! : bare);
    },

    async create(actor: Actor, input: CreatePostInput): Promise<ServicePostView> {
      const id = await db.transaction(async (tx) => {
        const c = await access.community(tx, actor, 'service_post.manage', input.communityId);
        if (input.orgId && !(await orgs.findInCommunity(tx, c.id, input.orgId))) throw new AppError('validation_failed', [{ field: 'orgId', code: 'unknown_party_org' }]);
        if (input.buildingId && (await buildingInfo(tx, input.buildingId))?.communityId !== c.id) throw new AppError('validation_failed', [{ field: 'buildingId', code: 'unknown_building' }]);
        const row = await repo.insert(tx, {
          communityId: c.id,
          orgId: input.orgId ?? null,
          buildingId: input.buildingId ?? null,
          title: input.title,
          description: input.description,
          capacity: input.capacity,
          startsAt: new Date(input.startsAt),
          endsAt: new Date(input.endsAt),
          createdBy: actor.accountId,
        });
        await audit.record(tx, actor, { action: 'service_post.create', entity: 'service_post', entityId: row.id, communityId: c.id, changes: diffForAudit(null, row, { fields: ['title', 'capacity', 'startsAt', 'endsAt', 'orgId', 'buildingId'] }) });
        return row.id;
      });
      return view((await repo.findInScope(db, actor, 'service_post.manage', id))!);
    },

    async update(actor: Actor, id: string, input: { version: number; title?: string; description?: string | null; capacity?: number; startsAt?: string; endsAt?: string; status?: 'open' | 'cancelled' }) {
      await db.transaction(async (tx) => {
        const before = await repo.findInScope(tx, actor, 'service_post.manage', id);
        if (!before) throw new AppError('not_found');
        await lockPost(tx, id);
        const fresh = (await repo.findInScope(tx, actor, 'service_post.manage', id))!;
        if (input.capacity !== undefined && input.capacity < fresh.claimedCount) throw new AppError('conflict', [{ field: 'capacity', code: 'capacity_below_claims', claimed: fresh.claimedCount }]);
        const startsAt = input.startsAt ? new Date(input.startsAt) : fresh.startsAt;
        const endsAt = input.endsAt ? new Date(input.endsAt) : fresh.endsAt;
        if (endsAt <= startsAt) throw new AppError('validation_failed', [{ field: 'endsAt', code: 'time_range' }]);
        const { version, description, ...rest } = input;
        const values = { ...rest, ...(description !== undefined ? { description: description ?? '' } : {}), startsAt, endsAt };
        const after = await updateVersioned(tx, servicePost, { id, version, values, scope: scopeWhere(actor, 'service_post.manage', { community: servicePost.communityId }) });
        await audit.record(tx, actor, { action: 'service_post.update', entity: 'service_post', entityId: id, communityId: before.communityId, changes: diffForAudit(before, after, { fields: ['title', 'description', 'capacity', 'startsAt', 'endsAt', 'status'] }) });
      });
      return view((await repo.findInScope(db, actor, 'service_post.manage', id))!);
    },

    /** One place per member; 409 capacity_full when none is left, 409 already_exists on a second claim. */
    async claim(actor: Actor, postId: string): Promise<ClaimView> {
      return db.transaction(async (tx) => {
        const post = await repo.findInScope(tx, actor, 'service_post.claim', postId);
        if (!post) throw new AppError('not_found');
        const me = await access.requireMember(tx, actor, post.communityId);
        if (post.status !== 'open' || post.startsAt.getTime() <= Date.now()) throw new AppError('invalid_transition', { status: post.status, started: post.startsAt.getTime() <= Date.now() });
        if (!(await repo.takePlace(tx, postId))) throw new AppError('capacity_full');
        const claim = await repo.insertClaim(tx, { communityId: post.communityId, postId, memberId: me.id });
        if (!claim) throw new AppError('already_exists', [{ field: 'postId', code: 'already_claimed' }]);
        await audit.record(tx, actor, { action: 'service_post.claim', entity: 'service_post', entityId: postId, communityId: post.communityId, changes: { claim: { after: 'claimed' }, member: { after: maskName(me.name) } } });
        const org = await orgs.findInCommunity(tx, post.communityId, me.orgId);
        return { id: claim.id, postId, memberId: me.id, memberName: me.name, orgName: org?.name ?? '', status: claim.status, claimedAt: claim.claimedAt, withdrawnAt: null, doneAt: null };
      });
    },

    withdraw: (actor: Actor, postId: string, claimId: string) => move(actor, postId, claimId, 'withdraw').then(() => undefined),
    complete: (actor: Actor, postId: string, claimId: string) => move(actor, postId, claimId, 'complete').then(() => undefined),

    async claims(actor: Actor, postId: string): Promise<ClaimView[]> {
      const post = await repo.findInScope(db, actor, 'service_post.read', postId);
      if (!post) throw new AppError('not_found');
      const list = await repo.claimsOf(db, postId);
      return list.map(({ claim, memberName, orgName }) => ({
        id: claim.id,
        postId,
        memberId: claim.memberId,
        memberName: maskName(memberName)!,
        orgName,
        status: claim.status,
        claimedAt: claim.claimedAt,
        withdrawnAt: claim.withdrawnAt,
        doneAt: claim.doneAt,
      }));
    },
  };
}
