/**
 * Micro-wishes (微心愿): a needy resident (or staff on their behalf) posts a small wish under the
 * price cap; staff review it; donors (party members, partner units, volunteers) see open wishes
 * and claim one — a conditional UPDATE on `status = 'open'`, so exactly one of N racing claimers
 * wins and the rest get 409 already_claimed; the donor fulfils it with a photo and the wisher
 * confirms. The public wall shows fulfilled wishes with masked names.
 */
import { z } from 'zod';
import type { AppContext } from '../../context';
import type { Actor } from '../../platform/auth/actor';
import { diffForAudit } from '../../platform/audit';
import { maskName } from '../../platform/crypto';
import type { Queryable, Tx } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import { decodeCursor, pageFrom } from '../../platform/pagination';
import { assertUploads, type CareDeps } from './care.deps';
import { careLabel } from './care.labels';
import { wishesRepository as repo, type WishRow } from './wishes.repository';
import type { PostWishBody, WishView } from './wishes.schemas';

type Found = NonNullable<Awaited<ReturnType<typeof repo.find>>>;

function toView(actor: Actor, r: Found): WishView {
  const w = r.w;
  const seesName = r.staff || r.own;
  return {
    id: w.id,
    communityId: w.communityId,
    communityName: r.communityName,
    title: w.title,
    story: w.story,
    category: w.category,
    priceFen: w.priceFen,
    status: w.status,
    wisherName: seesName ? r.wisherName : maskName(r.wisherName)!,
    claimedByName: w.claimedByName,
    claimedPartnerUnitName: w.claimedPartnerUnitName,
    claimedAt: w.claimedAt,
    fulfilledAt: w.fulfilledAt,
    fulfilmentPhotoId: w.fulfilmentPhotoId,
    fulfilmentNote: w.fulfilmentNote,
    confirmedAt: w.confirmedAt,
    thanks: w.thanks,
    rejectReason: w.rejectReason,
    isMine: r.own,
    claimedByMe: !!w.claimedBy && w.claimedBy === actor.accountId,
    createdAt: w.createdAt,
    version: w.version,
  };
}

export function createWishesService(ctx: AppContext, deps: CareDeps) {
  const { db, audit } = ctx;

  async function load(q: Queryable, actor: Actor, id: string): Promise<Found> {
    const found = await repo.find(q, actor, id);
    if (!found) throw new AppError('not_found');
    return found;
  }

  async function advanced(tx: Tx, actor: Actor, found: Found, row: WishRow | undefined, action: string): Promise<WishView> {
    if (!row) throw new AppError('invalid_transition', { status: found.w.status });
    await audit.record(tx, actor, { action: `wish.${action}`, entity: 'wish', entityId: row.id, communityId: row.communityId, changes: diffForAudit({ status: found.w.status }, { status: row.status }) });
    return toView(actor, { ...found, w: row });
  }

  return {
    async list(actor: Actor, q: { status?: string; mine?: 'true' | 'false'; cursor?: string; limit: number }) {
      const before = decodeCursor(q.cursor, z.tuple([z.string()]));
      const found = await repo.list(db, actor, { status: q.status, mine: q.mine === 'true', before: before?.[0], limit: q.limit });
      return pageFrom(found, q.limit, (r) => [r.w.id], (r) => toView(actor, r));
    },

    async get(actor: Actor, id: string) {
      return toView(actor, await load(db, actor, id));
    },

    async post(actor: Actor, input: PostWishBody): Promise<{ id: string }> {
      return db.transaction(async (tx) => {
        const onBehalf = input.wisherResidentId !== undefined;
        if (onBehalf && !actor.grants.some((g) => g.permissions.has('wish.manage'))) throw new AppError('forbidden');
        if (!onBehalf && !actor.residentId) throw new AppError('validation_failed', [{ field: 'body.wisherResidentId', code: 'required', message: 'required' }]);
        const resident = await repo.residentForWish(tx, actor, (input.wisherResidentId ?? actor.residentId)!, onBehalf);
        if (!resident) throw new AppError('not_found');
        if (!resident.needy) throw new AppError('not_a_care_household');
        const row = await repo.insert(tx, {
          communityId: resident.community_id,
          gridId: resident.grid_id,
          householdId: resident.household_id,
          wisherResidentId: resident.id,
          wisherAccountId: onBehalf ? resident.account_id : actor.accountId,
          postedBy: actor.accountId!,
          title: input.title,
          story: input.story ?? null,
          category: input.category,
          priceFen: input.priceFen,
        });
        await audit.record(tx, actor, { action: 'wish.post', entity: 'wish', entityId: row.id, communityId: row.communityId, changes: diffForAudit(null, { title: row.title, priceFen: row.priceFen, onBehalf }) });
        return { id: row.id };
      });
    },

    async review(actor: Actor, id: string, input: { decision: 'approve' | 'reject'; reason?: string }): Promise<WishView> {
      if (input.decision === 'reject' && !input.reason) throw new AppError('validation_failed', [{ field: 'body.reason', code: 'required', message: 'required' }]);
      return db.transaction(async (tx) => {
        const found = await load(tx, actor, id);
        if (!found.staff) throw new AppError('forbidden');
        const values = input.decision === 'approve' ? { status: 'open' as const } : { status: 'rejected' as const, rejectReason: input.reason! };
        const row = await repo.advance(tx, id, 'pending_review', { ...values, reviewedBy: actor.accountId, reviewedAt: new Date() });
        return advanced(tx, actor, found, row, input.decision === 'approve' ? 'approve' : 'reject');
      });
    },

    async claim(actor: Actor, id: string): Promise<WishView> {
      return db.transaction(async (tx) => {
        const found = await repo.findClaimable(tx, actor, id);
        if (!found || found.w.status === 'pending_review' || found.w.status === 'rejected') throw new AppError('not_found');
        if (found.own) throw new AppError('own_wish');
        const units = await deps.partners.unitsOfAccount(tx, actor.accountId!);
        const unit = units.find((u) => u.communityId === found.w.communityId) ?? units[0] ?? null;
        const row = await repo.claim(tx, id, { accountId: actor.accountId!, name: actor.displayName, unitId: unit?.id ?? null, unitName: unit?.name ?? null });
        if (!row) throw new AppError('already_claimed');
        if (row.wisherAccountId) {
          await deps.notifications.notify(tx, { accountIds: [row.wisherAccountId], communityId: row.communityId, kind: 'wish.claimed', title: careLabel('zh-CN', 'wishClaimedTitle'), body: row.title, link: `/m/wishes/${row.id}`, entity: 'wish', entityId: row.id });
        }
        await audit.record(tx, actor, { action: 'wish.claim', entity: 'wish', entityId: id, communityId: row.communityId, changes: diffForAudit<Record<string, unknown>>({ status: 'open' }, { status: 'claimed', partnerUnit: unit?.name ?? null }) });
        return toView(actor, { ...found, w: row });
      });
    },

    async fulfil(actor: Actor, id: string, input: { photoId: string; note?: string }): Promise<WishView> {
      return db.transaction(async (tx) => {
        const found = await load(tx, actor, id);
        if (found.w.claimedBy !== actor.accountId && !found.staff) throw new AppError('forbidden');
        await assertUploads(deps, tx, actor, [input.photoId], found.w.communityId);
        const row = await repo.advance(tx, id, 'claimed', { status: 'fulfilled', fulfilledAt: new Date(), fulfilmentPhotoId: input.photoId, fulfilmentNote: input.note ?? null });
        if (row?.wisherAccountId) {
          await deps.notifications.notify(tx, { accountIds: [row.wisherAccountId], communityId: row.communityId, kind: 'wish.fulfilled', title: careLabel('zh-CN', 'wishFulfilledTitle'), body: row.title, link: `/m/wishes/${row.id}`, entity: 'wish', entityId: row.id });
        }
        return advanced(tx, actor, found, row, 'fulfil');
      });
    },

    async confirm(actor: Actor, id: string, input: { thanks?: string }): Promise<WishView> {
      return db.transaction(async (tx) => {
        const found = await load(tx, actor, id);
        if (!found.own && !found.staff) throw new AppError('forbidden');
        const row = await repo.advance(tx, id, 'fulfilled', { status: 'confirmed', confirmedAt: new Date(), confirmedBy: actor.accountId, thanks: input.thanks ?? null });
        return advanced(tx, actor, found, row, 'confirm');
      });
    },

    async wall(q: { communityId: string; cursor?: string; limit: number }) {
      if (!(await repo.community(db, q.communityId))) throw new AppError('not_found');
      const before = decodeCursor(q.cursor, z.tuple([z.string()]));
      const found = await repo.wall(db, q.communityId, { before: before?.[0], limit: q.limit });
      return pageFrom(found, q.limit, (r) => [r.id], (r) => ({
        id: r.id,
        title: r.title,
        category: r.category as WishView['category'],
        maskedWisher: maskName(r.wisher)!,
        donor: r.unit_name ?? maskName(r.donor_name) ?? '',
        fulfilledAt: new Date(r.fulfilled_at),
        thanks: r.thanks,
        photoId: r.photo_id,
      }));
    },
  };
}

export type WishesService = ReturnType<typeof createWishesService>;
