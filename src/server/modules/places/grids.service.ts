/**
 * The grid tree (一/二/三级网格) and its AB posts: grids are org nodes of kind 'grid' under the
 * community, so role assignments at a grid scope a grid worker to it. Each grid has a primary and
 * a backup worker; level 1–2 grids have a grid leader. Leave moves a worker's grids to the backup
 * (resolution in places.duty.ts).
 */
import type { AppContext } from '../../context';
import type { Actor } from '../../platform/auth/actor';
import { diffForAudit } from '../../platform/audit';
import { newId } from '../../platform/db/columns';
import { updateVersioned } from '../../platform/db/versioned';
import { AppError } from '../../platform/errors';
import { pathInScope, scopeWhere } from '../../platform/scope';
import type { OrgsService } from '../orgs/orgs.service';
import { gridsRepository as repo, type DutyRow, type GridRow } from './grids.repository';
import type { DutyKind, GridView, LeaveView } from './grids.schemas';
import { grid } from './places.tables';

const fieldError = (field: string, code: string) => new AppError('validation_failed', [{ field, code, message: code }]);

function toGridView(row: GridRow, duties: DutyRow[]): GridView {
  const holder = (duty: DutyKind) => {
    const d = duties.find((x) => x.gridId === row.id && x.duty === duty);
    return d ? { accountId: d.accountId, displayName: d.displayName, servicePhone: d.servicePhone, onLeave: d.onLeave } : null;
  };
  return {
    id: row.id,
    parentId: row.parentId,
    communityId: row.communityId,
    name: row.name,
    level: row.level,
    description: row.description,
    primary: holder('primary'),
    backup: holder('backup'),
    leader: holder('leader'),
    buildingCount: row.buildingCount,
    version: row.version,
  };
}

export function createGridsService(ctx: AppContext, deps: { orgs: OrgsService }) {
  const { db, audit } = ctx;

  async function gridView(actor: Actor, id: string, permission = 'grid.read'): Promise<GridView> {
    const row = await repo.findGrid(db, actor, permission, id);
    if (!row) throw new AppError('not_found');
    return toGridView(row, await repo.dutiesOf(db, [row.id]));
  }

  return {
    async list(actor: Actor, filter: { communityId?: string }): Promise<GridView[]> {
      const list = await repo.listGrids(db, actor, 'grid.read', filter);
      const duties = await repo.dutiesOf(db, list.map((g) => g.id));
      return list.map((g) => toGridView(g, duties));
    },

    get: (actor: Actor, id: string) => gridView(actor, id),

    async create(actor: Actor, input: { parentId: string; name: string; description?: string | null }): Promise<GridView> {
      const parent = await deps.orgs.findById(input.parentId);
      if (!parent || (parent.kind !== 'community' && parent.kind !== 'grid') || !pathInScope(actor, 'grid.manage', parent.path)) throw new AppError('not_found');
      let level = 1;
      if (parent.kind === 'grid') {
        const parentGrid = await repo.findGrid(db, actor, 'grid.manage', parent.id);
        if (!parentGrid) throw new AppError('not_found');
        if (parentGrid.level >= 3) throw fieldError('body.parentId', 'grid_too_deep');
        level = parentGrid.level + 1;
      }
      const communityId = parent.kind === 'community' ? parent.id : parent.communityId!;
      const id = newId();
      await db.transaction(async (tx) => {
        const path = `${parent.path}${id}/`;
        await repo.insertGridNode(
          tx,
          { id, parentId: parent.id, kind: 'grid', name: input.name, path, depth: parent.depth + 1, communityId, timezone: parent.timezone },
          { id, communityId, level, description: input.description ?? null },
        );
        await audit.record(tx, actor, { action: 'grid.create', entity: 'grid', entityId: id, communityId, changes: diffForAudit(null, { name: input.name, level, parentId: parent.id }) });
      });
      return gridView(actor, id);
    },

    async update(actor: Actor, id: string, input: { version: number; name?: string; description?: string | null }): Promise<GridView> {
      await db.transaction(async (tx) => {
        const before = await repo.findGrid(tx, actor, 'grid.manage', id);
        if (!before) throw new AppError('not_found');
        const after = await updateVersioned(tx, grid, {
          id,
          version: input.version,
          values: input.description !== undefined ? { description: input.description } : {},
          scope: scopeWhere(actor, 'grid.manage', { community: grid.communityId, grid: grid.id }),
        });
        if (input.name && input.name !== before.name) await repo.renameGridNode(tx, id, input.name);
        await audit.record(tx, actor, { action: 'grid.update', entity: 'grid', entityId: id, communityId: after.communityId, changes: diffForAudit({ name: before.name, description: before.description }, { name: input.name ?? before.name, description: after.description }) });
      });
      return gridView(actor, id);
    },

    async remove(actor: Actor, id: string): Promise<void> {
      await db.transaction(async (tx) => {
        const row = await repo.findGrid(tx, actor, 'grid.manage', id);
        if (!row) throw new AppError('not_found');
        if (await repo.hasChildren(tx, id)) throw new AppError('conflict', [{ field: 'id', code: 'grid_not_empty', message: 'grid_not_empty' }]);
        await repo.deleteGrid(tx, id);
        await audit.record(tx, actor, { action: 'grid.delete', entity: 'grid', entityId: id, communityId: row.communityId, changes: diffForAudit({ name: row.name }, null) });
      });
    },

    async setDuty(actor: Actor, gridId: string, duty: DutyKind, input: { accountId: string | null; servicePhone?: string | null }): Promise<GridView> {
      await db.transaction(async (tx) => {
        const g = await repo.findGrid(tx, actor, 'duty.manage', gridId);
        if (!g) throw new AppError('not_found');
        if (duty === 'leader' && g.level > 2) throw fieldError('params.duty', 'leader_level');
        if (input.accountId && !(await repo.isCandidate(tx, g.communityId, input.accountId))) throw fieldError('body.accountId', 'duty_account_invalid');
        // One grid's posts change one at a time, so the same person never ends up both A and B.
        await repo.lockGrid(tx, gridId);
        const current = await repo.dutyRowsOfGrid(tx, gridId);
        const other = duty === 'primary' ? 'backup' : duty === 'backup' ? 'primary' : null;
        if (input.accountId && other && current.some((d) => d.duty === other && d.accountId === input.accountId)) {
          throw new AppError('conflict', [{ field: 'body.accountId', code: 'primary_backup_same', message: 'primary_backup_same' }]);
        }
        const before = current.find((d) => d.duty === duty);
        await repo.setDuty(tx, { communityId: g.communityId, gridId, duty, accountId: input.accountId, servicePhone: input.servicePhone ?? null });
        await audit.record(tx, actor, {
          action: 'grid.duty_set',
          entity: 'grid',
          entityId: gridId,
          communityId: g.communityId,
          changes: { duty, accountId: { before: before?.accountId ?? null, after: input.accountId }, servicePhone: { before: before?.servicePhone ?? null, after: input.servicePhone ?? null } },
        });
      });
      return gridView(actor, gridId);
    },

    async candidates(actor: Actor, gridId: string) {
      const g = await repo.findGrid(db, actor, 'duty.manage', gridId);
      if (!g) throw new AppError('not_found');
      return repo.candidatesIn(db, g.communityId);
    },

    async listLeaves(actor: Actor, filter: { communityId?: string; from?: string }): Promise<LeaveView[]> {
      const list = await repo.listLeaves(db, actor, ['grid.read', 'duty.manage'], filter);
      return list.map(({ leave, displayName }) => ({ ...leave, displayName }));
    },

    async createLeave(actor: Actor, input: { communityId: string; accountId: string; startsOn: string; endsOn: string; reason?: string | null }): Promise<LeaveView> {
      const community = await deps.orgs.findById(input.communityId);
      if (!community || community.kind !== 'community' || !pathInScope(actor, 'duty.manage', community.path)) throw new AppError('not_found');
      return db.transaction(async (tx) => {
        if (!(await repo.holdsDutyIn(tx, community.id, input.accountId))) throw fieldError('body.accountId', 'leave_account_no_duty');
        const row = await repo.insertLeave(tx, { communityId: community.id, accountId: input.accountId, startsOn: input.startsOn, endsOn: input.endsOn, reason: input.reason ?? null, createdBy: actor.accountId });
        await audit.record(tx, actor, { action: 'duty_leave.create', entity: 'duty_leave', entityId: row.id, communityId: community.id, changes: diffForAudit(null, { accountId: row.accountId, startsOn: row.startsOn, endsOn: row.endsOn }) });
        const [withName] = (await repo.listLeaves(tx, actor, 'duty.manage', { communityId: community.id })).filter((l) => l.leave.id === row.id);
        return { ...row, displayName: withName?.displayName ?? '' };
      });
    },

    async deleteLeave(actor: Actor, id: string): Promise<void> {
      await db.transaction(async (tx) => {
        const row = await repo.findLeave(tx, actor, 'duty.manage', id);
        if (!row) throw new AppError('not_found');
        await repo.deleteLeave(tx, id);
        await audit.record(tx, actor, { action: 'duty_leave.delete', entity: 'duty_leave', entityId: id, communityId: row.communityId, changes: diffForAudit({ accountId: row.accountId, startsOn: row.startsOn, endsOn: row.endsOn }, null) });
      });
    },
  };
}

export type GridsService = ReturnType<typeof createGridsService>;
