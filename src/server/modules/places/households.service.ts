/** Households (户): an address in a building, its members (with their relation to the head) and former members. */
import { z } from 'zod';
import type { AppContext } from '../../context';
import type { Actor } from '../../platform/auth/actor';
import { diffForAudit } from '../../platform/audit';
import { newId } from '../../platform/db/columns';
import { updateVersioned } from '../../platform/db/versioned';
import { AppError } from '../../platform/errors';
import { decodeCursor, pageFrom } from '../../platform/pagination';
import { todayIn } from './places.checks';
import { household } from './places.tables';
import { householdScope, residentsRepository as repo } from './residents.repository';
import type { HouseholdView } from './residents.schemas';
import { addressText, toHouseholdView, toListItem } from './residents.views';

const fieldError = (field: string, code: string) => new AppError('validation_failed', [{ field, code, message: code }]);

export function createHouseholdsService(ctx: AppContext) {
  const { db, audit, crypto } = ctx;

  async function detail(actor: Actor, id: string, permission = 'household.read') {
    const row = await repo.findHousehold(db, actor, permission, id);
    if (!row) throw new AppError('not_found');
    const today = todayIn();
    const members = (await repo.members(db, id)).filter((m) => m.status === 'active');
    const former = await repo.formerMembers(db, id);
    return {
      ...toHouseholdView(row),
      members: members.map((m) => toListItem(crypto, m, today)),
      formerMembers: former.map((m) => ({ ...toListItem(crypto, m, today), leftAt: m.leftAt! })),
    };
  }

  return {
    async list(actor: Actor, q: { buildingId?: string; gridId?: string; q?: string; cursor?: string; limit: number }) {
      const after = decodeCursor(q.cursor, z.tuple([z.string(), z.string()]));
      const list = await repo.listHouseholds(db, actor, 'household.read', q, { after: after ?? undefined, limit: q.limit });
      return pageFrom(list, q.limit, (r) => [r.household.addressText, r.household.id], toHouseholdView);
    },

    get: (actor: Actor, id: string) => detail(actor, id),

    async create(actor: Actor, input: { buildingId: string; entranceId?: string | null; room: string; residency?: 'permanent' | 'floating'; notes?: string | null }): Promise<HouseholdView> {
      const id = newId();
      await db.transaction(async (tx) => {
        const parts = await repo.addressParts(tx, input.buildingId, input.entranceId ?? null);
        // The building must be one the caller manages households in (grid workers: their grids').
        if (!parts || !(await repo.buildingInScope(tx, actor, 'household.manage', input.buildingId))) throw new AppError('not_found');
        if (input.entranceId && !parts.entranceName) throw fieldError('body.entranceId', 'entrance_not_in_building');
        const b = parts.building;
        await repo.insertHouseholds(tx, [
          {
            id,
            communityId: b.communityId,
            gridId: b.gridId,
            buildingId: b.id,
            entranceId: input.entranceId ?? null,
            room: input.room,
            residency: input.residency ?? 'permanent',
            notes: input.notes ?? null,
            addressText: addressText(parts.estateName, b.name, parts.entranceName, input.room),
          },
        ]);
        await audit.record(tx, actor, { action: 'household.create', entity: 'household', entityId: id, communityId: b.communityId, changes: diffForAudit(null, { buildingId: b.id, room: input.room }) });
      });
      const row = await repo.findHousehold(db, actor, 'household.read', id);
      return toHouseholdView(row!);
    },

    async update(actor: Actor, id: string, input: { version: number; residency?: 'permanent' | 'floating'; notes?: string | null }): Promise<HouseholdView> {
      await db.transaction(async (tx) => {
        const before = await repo.findHousehold(tx, actor, 'household.manage', id);
        if (!before) throw new AppError('not_found');
        const { version, ...values } = input;
        const after = await updateVersioned(tx, household, { id, version, values, scope: householdScope(actor, 'household.manage') });
        await audit.record(tx, actor, { action: 'household.update', entity: 'household', entityId: id, communityId: after.communityId, changes: diffForAudit(before.household, after, { fields: ['residency', 'notes'] }) });
      });
      const row = await repo.findHousehold(db, actor, 'household.read', id);
      return toHouseholdView(row!);
    },
  };
}

export type HouseholdsService = ReturnType<typeof createHouseholdsService>;
