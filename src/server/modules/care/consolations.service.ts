/**
 * Consolation campaigns (慰问): criteria (tags, assistance kinds) produce the household list when
 * the campaign is created; staff record one handover per household (gift or amount, photo or
 * signature, who delivered). The unique (campaign, household) key makes a second handover a 409,
 * also when two phones submit at once. Totals are sums over the handover rows.
 */
import { z } from 'zod';
import type { AppContext } from '../../context';
import type { Actor } from '../../platform/auth/actor';
import { diffForAudit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { decodeCursor, pageFrom } from '../../platform/pagination';
import { assertUploads, type CareDeps } from './care.deps';
import { festivalDate, festivalsOf } from './care.festivals';
import { consolationsRepository as repo } from './consolations.repository';
import type { ConsolationCriteria, ConsolationView, CreateConsolationBody, HandoverBody } from './consolations.schemas';

type Found = NonNullable<Awaited<ReturnType<typeof repo.find>>>;

const toView = (r: Found): ConsolationView => {
  const criteria = r.c.criteria as ConsolationCriteria;
  return {
    id: r.c.id,
    communityId: r.c.communityId,
    communityName: r.communityName,
    name: r.c.name,
    occasion: r.c.occasion,
    year: r.c.year,
    eventDate: r.c.eventDate,
    criteria: { tags: criteria.tags ?? [], assistanceKinds: criteria.assistanceKinds ?? [], careFileOnly: criteria.careFileOnly ?? false },
    giftDescription: r.c.giftDescription,
    defaultAmountFen: r.c.defaultAmountFen,
    maxAmountFen: r.c.maxAmountFen,
    status: r.c.status,
    targets: r.targets,
    handedOver: r.handedOver,
    amountFen: r.amountFen,
    version: r.c.version,
  };
};

export function createConsolationsService(ctx: AppContext, deps: CareDeps) {
  const { db, audit } = ctx;

  async function get(actor: Actor, id: string): Promise<ConsolationView> {
    const found = await repo.find(db, actor, ['consolation.read', 'consolation.handover'], id);
    if (!found) throw new AppError('not_found');
    return toView(found);
  }

  return {
    festivals: (year: number) => festivalsOf(year),

    async list(actor: Actor, q: { year?: number }) {
      return (await repo.list(db, actor, q)).map(toView);
    },

    get,

    async create(actor: Actor, input: CreateConsolationBody): Promise<ConsolationView> {
      const eventDate = festivalDate(input.occasion, input.year) ?? input.eventDate;
      if (!eventDate) throw new AppError('validation_failed', [{ field: 'body.eventDate', code: 'required', message: 'required' }]);
      const id = await db.transaction(async (tx) => {
        const community = await repo.communityInScope(tx, actor, input.communityId);
        if (!community) throw new AppError('not_found');
        const row = await repo.insert(tx, {
          communityId: community.id,
          name: input.name,
          occasion: input.occasion,
          year: input.year,
          eventDate,
          criteria: input.criteria,
          giftDescription: input.giftDescription ?? null,
          defaultAmountFen: input.defaultAmountFen ?? null,
          maxAmountFen: input.maxAmountFen,
          createdBy: actor.accountId,
        });
        const targets = await repo.addTargets(tx, { id: row.id, communityId: row.communityId }, input.criteria);
        await audit.record(tx, actor, { action: 'consolation.create', entity: 'consolation', entityId: row.id, communityId: row.communityId, changes: diffForAudit(null, { name: row.name, occasion: row.occasion, eventDate, targets }) });
        return row.id;
      });
      return get(actor, id);
    },

    /** Adds households that match the criteria now (new care files, new approvals) to the list. */
    async refreshTargets(actor: Actor, id: string): Promise<ConsolationView> {
      await db.transaction(async (tx) => {
        const found = await repo.find(tx, actor, 'consolation.manage', id);
        if (!found) throw new AppError('not_found');
        if (found.c.status !== 'active') throw new AppError('invalid_transition', { status: found.c.status });
        const added = await repo.addTargets(tx, { id, communityId: found.c.communityId }, found.c.criteria as ConsolationCriteria);
        await audit.record(tx, actor, { action: 'consolation.refresh_targets', entity: 'consolation', entityId: id, communityId: found.c.communityId, changes: { targets: { after: found.targets + added } } });
      });
      return get(actor, id);
    },

    async targets(actor: Actor, id: string, q: { state: 'pending' | 'done' | 'all'; q?: string; cursor?: string; limit: number }) {
      const campaign = await repo.find(db, actor, ['consolation.read', 'consolation.handover'], id);
      if (!campaign) throw new AppError('not_found');
      const after = decodeCursor(q.cursor, z.tuple([z.string()]));
      const found = await repo.targets(db, actor, id, { state: q.state, q: q.q, after: after?.[0], limit: q.limit });
      return pageFrom(found, q.limit, (r) => [r.household_id], (r) => ({
        householdId: r.household_id,
        address: r.address,
        headName: r.head_name,
        gridName: r.grid_name,
        matched: r.matched,
        handover: r.h_id
          ? { id: r.h_id, gift: r.gift, amountFen: r.amount_fen, deliveredByName: r.delivered_by_name ?? '', deliveredAt: new Date(r.delivered_at!), photoId: r.photo_id, signatureId: r.signature_id }
          : null,
      }));
    },

    async handover(actor: Actor, id: string, input: HandoverBody): Promise<{ id: string }> {
      return db.transaction(async (tx) => {
        const campaign = await repo.find(tx, actor, ['consolation.read', 'consolation.handover'], id);
        if (!campaign) throw new AppError('not_found');
        if (campaign.c.status !== 'active') throw new AppError('invalid_transition', { status: campaign.c.status });
        const target = await repo.targetInScope(tx, actor, id, input.householdId);
        if (!target) throw new AppError('not_found');
        if (input.amountFen !== undefined && input.amountFen > campaign.c.maxAmountFen) {
          throw new AppError('validation_failed', [{ field: 'body.amountFen', code: 'amount_above_cap', message: 'amount_above_cap', cap: campaign.c.maxAmountFen }]);
        }
        await assertUploads(deps, tx, actor, [input.photoId, input.signatureId], campaign.c.communityId);
        const row = await repo.insertHandover(tx, {
          communityId: campaign.c.communityId,
          gridId: target.gridId,
          consolationId: id,
          householdId: input.householdId,
          gift: input.gift ?? null,
          amountFen: input.amountFen ?? null,
          photoId: input.photoId ?? null,
          signatureId: input.signatureId ?? null,
          deliveredBy: actor.accountId,
          deliveredByName: actor.displayName,
          deliveredAt: input.deliveredAt ? new Date(input.deliveredAt) : new Date(),
          note: input.note ?? null,
        });
        if (!row) throw new AppError('already_handed_over');
        await audit.record(tx, actor, { action: 'consolation.handover', entity: 'consolation', entityId: id, communityId: row.communityId, changes: diffForAudit(null, { householdId: row.householdId, gift: row.gift, amountFen: row.amountFen }) });
        return { id: row.id };
      });
    },
  };
}

export type ConsolationsService = ReturnType<typeof createConsolationsService>;
