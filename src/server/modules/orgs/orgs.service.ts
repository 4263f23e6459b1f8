/** Org tree and centers: reading within scope, creating and renaming (system administrators). */
import type { AppContext } from '../../context';
import type { Actor } from '../../platform/auth/actor';
import { diffForAudit } from '../../platform/audit';
import { newId } from '../../platform/db/columns';
import type { Queryable } from '../../platform/db/client';
import { center, orgNode } from '../../platform/db/tables/org';
import { updateVersioned } from '../../platform/db/versioned';
import { AppError } from '../../platform/errors';
import { scopeWhere, orgSubtreeWhere } from '../../platform/scope';
import { orgListAccess } from './orgs.policy';
import { orgsRepository as repo, type CenterRow, type OrgRow } from './orgs.repository';
import type { CenterView, OrgView } from './orgs.schemas';

const childKind = { district: 'street', street: 'community', community: 'grid', grid: null } as const;

export function toOrgView(row: OrgRow): OrgView {
  return {
    id: row.id,
    parentId: row.parentId,
    kind: row.kind,
    name: row.name,
    code: row.code,
    phone: row.phone,
    address: row.address,
    timezone: row.timezone,
    version: row.version,
  };
}

const toCenterView = (row: { center: CenterRow; communityName: string }): CenterView => ({
  id: row.center.id,
  communityId: row.center.communityId,
  communityName: row.communityName,
  name: row.center.name,
  address: row.center.address,
  areaM2: row.center.areaM2,
  phone: row.center.phone,
  openingHours: row.center.openingHours,
  version: row.center.version,
});

export function createOrgsService(ctx: AppContext) {
  const { db, audit } = ctx;
  return {
    async list(actor: Actor, filter: { kind?: string; parentId?: string }): Promise<OrgView[]> {
      return (await repo.list(db, actor, orgListAccess, filter)).map(toOrgView);
    },

    async get(actor: Actor, id: string): Promise<OrgView> {
      const row = await repo.findInScope(db, actor, orgListAccess, id);
      if (!row) throw new AppError('not_found');
      return toOrgView(row);
    },

    /** A node by id without scope, for other services that check access themselves (pass their tx inside a transaction). */
    findById: (id: string, q: Queryable = db) => repo.findById(q, id),

    async create(
      actor: Actor,
      input: { parentId: string; kind: 'street' | 'community'; name: string; code?: string | null; phone?: string | null; address?: string | null },
    ): Promise<OrgView> {
      const parent = await repo.findInScope(db, actor, 'org.manage', input.parentId);
      if (!parent) throw new AppError('not_found');
      if (childKind[parent.kind] !== input.kind) {
        throw new AppError('validation_failed', [{ field: 'body.kind', code: 'invalid_child_kind', message: `${parent.kind} → ${input.kind}` }]);
      }
      return db.transaction(async (tx) => {
        const id = newId();
        const row = await repo.insert(tx, {
          id,
          parentId: parent.id,
          kind: input.kind,
          name: input.name,
          code: input.code ?? null,
          phone: input.phone ?? null,
          address: input.address ?? null,
          path: `${parent.path}${id}/`,
          depth: parent.depth + 1,
          communityId: input.kind === 'community' ? id : null,
          timezone: parent.timezone,
        });
        await audit.record(tx, actor, { action: 'org.create', entity: 'org_node', entityId: id, communityId: row.communityId, changes: diffForAudit(null, { kind: row.kind, name: row.name, parentId: row.parentId }) });
        return toOrgView(row);
      });
    },

    async update(actor: Actor, id: string, input: { version: number; name?: string; code?: string | null; phone?: string | null; address?: string | null }): Promise<OrgView> {
      return db.transaction(async (tx) => {
        const before = await repo.findInScope(tx, actor, 'org.manage', id);
        if (!before) throw new AppError('not_found');
        const { version, ...values } = input;
        const after = await updateVersioned(tx, orgNode, { id, version, values, scope: orgSubtreeWhere(actor, 'org.manage', orgNode.path) });
        await audit.record(tx, actor, { action: 'org.update', entity: 'org_node', entityId: id, communityId: after.communityId, changes: diffForAudit(before, after, { fields: ['name', 'code', 'phone', 'address'] }) });
        return toOrgView(after);
      });
    },

    async listCenters(actor: Actor, filter: { communityId?: string }): Promise<CenterView[]> {
      return (await repo.listCenters(db, actor, filter)).map(toCenterView);
    },

    async getCenter(actor: Actor, id: string): Promise<CenterView> {
      const row = await repo.findCenterInScope(db, actor, 'center.read', id);
      if (!row) throw new AppError('not_found');
      return toCenterView(row);
    },

    async createCenter(
      actor: Actor,
      input: { communityId: string; name: string; address?: string | null; areaM2?: number | null; phone?: string | null; openingHours?: string | null },
    ): Promise<CenterView> {
      const community = await repo.findInScope(db, actor, orgListAccess, input.communityId);
      if (!community || community.kind !== 'community' || !actor.grants.some((g) => g.permissions.has('center.manage') && community.path.startsWith(g.path))) {
        throw new AppError('not_found');
      }
      return db.transaction(async (tx) => {
        const row = await repo.insertCenter(tx, {
          communityId: community.id,
          name: input.name,
          address: input.address ?? null,
          areaM2: input.areaM2 ?? null,
          phone: input.phone ?? null,
          openingHours: input.openingHours ?? null,
        });
        await audit.record(tx, actor, { action: 'center.create', entity: 'center', entityId: row.id, communityId: row.communityId, changes: diffForAudit(null, { name: row.name }) });
        return toCenterView({ center: row, communityName: community.name });
      });
    },

    async updateCenter(
      actor: Actor,
      id: string,
      input: { version: number; name?: string; address?: string | null; areaM2?: number | null; phone?: string | null; openingHours?: string | null },
    ): Promise<CenterView> {
      return db.transaction(async (tx) => {
        const before = await repo.findCenterInScope(tx, actor, 'center.manage', id);
        if (!before) throw new AppError('not_found');
        const { version, ...values } = input;
        const after = await updateVersioned(tx, center, { id, version, values, scope: scopeWhere(actor, 'center.manage', { community: center.communityId }) });
        await audit.record(tx, actor, { action: 'center.update', entity: 'center', entityId: id, communityId: after.communityId, changes: diffForAudit(before.center, after, { fields: ['name', 'address', 'areaM2', 'phone', 'openingHours'] }) });
        return toCenterView({ center: after, communityName: before.communityName });
      });
    },
  };
}

export type OrgsService = ReturnType<typeof createOrgsService>;
