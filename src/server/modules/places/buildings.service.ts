/**
 * Estates (小区) → buildings (楼栋) → entrances (单元). Each building belongs to one level-3 grid;
 * moving a building to another grid moves its households and residents into that grid's scope.
 */
import type { AppContext } from '../../context';
import type { Actor } from '../../platform/auth/actor';
import { diffForAudit } from '../../platform/audit';
import type { Queryable } from '../../platform/db/client';
import { updateVersioned } from '../../platform/db/versioned';
import { AppError } from '../../platform/errors';
import { pathInScope, scopeWhere } from '../../platform/scope';
import type { OrgsService } from '../orgs/orgs.service';
import { residentBasic } from './places.duty';
import { gridsRepository as repo } from './grids.repository';
import type { BuildingView, EstateView } from './grids.schemas';
import { building, estate } from './places.tables';

const fieldError = (field: string, code: string) => new AppError('validation_failed', [{ field, code, message: code }]);

type EstateInput = { name?: string; address?: string | null; propertyCompany?: string | null; propertyPhone?: string | null };

export function createBuildingsService(ctx: AppContext, deps: { orgs: OrgsService }) {
  const { db, audit } = ctx;

  async function buildingViews(q: Queryable, actor: Actor, permission: string, filter: Parameters<typeof repo.listBuildings>[3]): Promise<BuildingView[]> {
    const list = await repo.listBuildings(q, actor, permission, filter);
    const entrances = await repo.entrancesOf(q, list.map((b) => b.building.id));
    return list.map((b) => ({
      id: b.building.id,
      communityId: b.building.communityId,
      estateId: b.building.estateId,
      estateName: b.estateName,
      gridId: b.building.gridId,
      gridName: b.gridName,
      name: b.building.name,
      floors: b.building.floors,
      buildingHeadId: b.building.buildingHeadId,
      buildingHeadName: b.buildingHeadName,
      entrances: entrances.filter((e) => e.buildingId === b.building.id).map((e) => ({ id: e.id, name: e.name })),
      householdCount: b.householdCount,
      residentCount: b.residentCount,
      version: b.building.version,
    }));
  }

  async function oneBuilding(actor: Actor, id: string, permission = 'building.read'): Promise<BuildingView> {
    const [view] = await buildingViews(db, actor, permission, { ids: [id] });
    if (!view) throw new AppError('not_found');
    return view;
  }

  /** The grid a building may be assigned to: a level-3 grid of the same community. */
  async function checkGrid(q: Queryable, actor: Actor, communityId: string, gridId: string | null | undefined) {
    if (!gridId) return;
    const g = await repo.findGrid(q, actor, 'grid.read', gridId);
    if (!g || g.communityId !== communityId || g.level !== 3) throw fieldError('body.gridId', 'grid_not_level3');
  }

  const toEstateView = (e: typeof estate.$inferSelect, buildingCount: number): EstateView => ({
    id: e.id,
    communityId: e.communityId,
    name: e.name,
    address: e.address,
    propertyCompany: e.propertyCompany,
    propertyPhone: e.propertyPhone,
    buildingCount,
    version: e.version,
  });

  return {
    async listEstates(actor: Actor, filter: { communityId?: string }): Promise<EstateView[]> {
      return (await repo.listEstates(db, actor, 'building.read', filter)).map((r) => toEstateView(r.estate, r.buildingCount));
    },

    async createEstate(actor: Actor, input: EstateInput & { communityId: string; name: string }): Promise<EstateView> {
      const community = await deps.orgs.findById(input.communityId);
      if (!community || community.kind !== 'community' || !pathInScope(actor, 'building.manage', community.path)) throw new AppError('not_found');
      return db.transaction(async (tx) => {
        const row = await repo.insertEstate(tx, { communityId: community.id, name: input.name, address: input.address ?? null, propertyCompany: input.propertyCompany ?? null, propertyPhone: input.propertyPhone ?? null });
        await audit.record(tx, actor, { action: 'estate.create', entity: 'estate', entityId: row.id, communityId: row.communityId, changes: diffForAudit(null, { name: row.name }) });
        return toEstateView(row, 0);
      });
    },

    async updateEstate(actor: Actor, id: string, input: EstateInput & { version: number }): Promise<EstateView> {
      return db.transaction(async (tx) => {
        const before = await repo.findEstate(tx, actor, 'building.manage', id);
        if (!before) throw new AppError('not_found');
        const { version, ...values } = input;
        const after = await updateVersioned(tx, estate, { id, version, values, scope: scopeWhere(actor, 'building.manage', { community: estate.communityId }) });
        if (after.name !== before.name) await repo.refreshAddresses(tx, { estateId: id });
        await audit.record(tx, actor, { action: 'estate.update', entity: 'estate', entityId: id, communityId: after.communityId, changes: diffForAudit(before, after, { fields: ['name', 'address', 'propertyCompany', 'propertyPhone'] }) });
        const [counted] = (await repo.listEstates(tx, actor, 'building.manage', { communityId: after.communityId })).filter((r) => r.estate.id === id);
        return toEstateView(after, counted?.buildingCount ?? 0);
      });
    },

    listBuildings: (actor: Actor, filter: { communityId?: string; estateId?: string; gridId?: string }) => buildingViews(db, actor, 'building.read', filter),

    getBuilding: (actor: Actor, id: string) => oneBuilding(actor, id),

    async createBuilding(actor: Actor, input: { estateId: string; name: string; floors?: number | null; gridId?: string | null; entrances?: string[] }): Promise<BuildingView> {
      const id = await db.transaction(async (tx) => {
        const e = await repo.findEstate(tx, actor, 'building.manage', input.estateId);
        if (!e) throw new AppError('not_found');
        await checkGrid(tx, actor, e.communityId, input.gridId);
        const row = await repo.insertBuilding(tx, { communityId: e.communityId, estateId: e.id, name: input.name, floors: input.floors ?? null, gridId: input.gridId ?? null });
        const names = [...new Set(input.entrances ?? [])];
        await repo.insertEntrances(tx, names.map((name) => ({ communityId: e.communityId, buildingId: row.id, name })));
        await audit.record(tx, actor, { action: 'building.create', entity: 'building', entityId: row.id, communityId: row.communityId, changes: diffForAudit(null, { name: row.name, estate: e.name, gridId: row.gridId }) });
        return row.id;
      });
      return oneBuilding(actor, id);
    },

    async updateBuilding(actor: Actor, id: string, input: { version: number; name?: string; floors?: number | null; gridId?: string | null; buildingHeadId?: string | null }): Promise<BuildingView> {
      await db.transaction(async (tx) => {
        const before = await repo.findBuilding(tx, actor, 'building.manage', id);
        if (!before) throw new AppError('not_found');
        if (input.gridId !== undefined) await checkGrid(tx, actor, before.communityId, input.gridId);
        if (input.buildingHeadId) {
          const head = await residentBasic(tx, input.buildingHeadId);
          if (!head || head.communityId !== before.communityId) throw fieldError('body.buildingHeadId', 'building_head_invalid');
        }
        const { version, ...values } = input;
        const after = await updateVersioned(tx, building, { id, version, values, scope: scopeWhere(actor, 'building.manage', { community: building.communityId, grid: building.gridId }) });
        if (after.gridId !== before.gridId) await repo.moveBuildingToGrid(tx, id, after.gridId);
        if (after.name !== before.name) await repo.refreshAddresses(tx, { buildingId: id });
        await audit.record(tx, actor, { action: 'building.update', entity: 'building', entityId: id, communityId: after.communityId, changes: diffForAudit(before, after, { fields: ['name', 'floors', 'gridId', 'buildingHeadId'] }) });
      });
      return oneBuilding(actor, id);
    },

    async createEntrance(actor: Actor, buildingId: string, input: { name: string }): Promise<BuildingView> {
      await db.transaction(async (tx) => {
        const b = await repo.findBuilding(tx, actor, 'building.manage', buildingId);
        if (!b) throw new AppError('not_found');
        await repo.insertEntrances(tx, [{ communityId: b.communityId, buildingId, name: input.name }]);
        await audit.record(tx, actor, { action: 'entrance.create', entity: 'building', entityId: buildingId, communityId: b.communityId, changes: { entrance: { after: input.name } } });
      });
      return oneBuilding(actor, buildingId);
    },
  };
}

export type BuildingsService = ReturnType<typeof createBuildingsService>;
