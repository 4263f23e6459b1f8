/** Partner units of a community: the register other modules (party report-in, wishes, resources) refer to. */
import { and, asc, eq, ilike, sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '../../context';
import type { Actor } from '../../platform/auth/actor';
import { diffForAudit } from '../../platform/audit';
import type { Queryable } from '../../platform/db/client';
import { orgNode } from '../../platform/db/tables/org';
import { updateVersioned } from '../../platform/db/versioned';
import { AppError } from '../../platform/errors';
import { scopeWhere } from '../../platform/scope';
import { partnerContact, partnerUnit } from './partners.tables';
import type { PartnerUnitView } from './partners.schemas';

type Row = { unit: typeof partnerUnit.$inferSelect; communityName: string };

const toView = ({ unit, communityName }: Row): PartnerUnitView => ({
  id: unit.id,
  communityId: unit.communityId,
  communityName,
  name: unit.name,
  kind: unit.kind,
  partyOrgName: unit.partyOrgName,
  contactName: unit.contactName,
  contactPhone: unit.contactPhone,
  address: unit.address,
  status: unit.status,
  version: unit.version,
});

const select = (q: Queryable) =>
  q.select({ unit: partnerUnit, communityName: orgNode.name }).from(partnerUnit).innerJoin(orgNode, eq(orgNode.id, partnerUnit.communityId));

export function createPartnersService(ctx: AppContext) {
  const { db, audit } = ctx;
  const inScope = (actor: Actor, permission: string) => scopeWhere(actor, permission, { community: partnerUnit.communityId });

  return {
    async list(actor: Actor, f: { communityId?: string; q?: string; kind?: string }): Promise<PartnerUnitView[]> {
      const conds: SQL[] = [inScope(actor, 'partner_unit.read')];
      if (f.communityId) conds.push(eq(partnerUnit.communityId, f.communityId));
      if (f.kind) conds.push(eq(partnerUnit.kind, f.kind as PartnerUnitView['kind']));
      if (f.q) conds.push(ilike(partnerUnit.name, `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
      return (await select(db).where(and(...conds)).orderBy(asc(orgNode.name), asc(partnerUnit.name)).limit(1000)).map(toView);
    },

    async get(actor: Actor, id: string): Promise<PartnerUnitView> {
      const [row] = await select(db).where(and(eq(partnerUnit.id, id), inScope(actor, 'partner_unit.read')));
      if (!row) throw new AppError('not_found');
      return toView(row);
    },

    /** The partner units an account speaks for (partner_contact). */
    async unitsOfAccount(q: Queryable, accountId: string): Promise<Array<{ id: string; communityId: string; name: string }>> {
      return q
        .select({ id: partnerUnit.id, communityId: partnerUnit.communityId, name: partnerUnit.name })
        .from(partnerContact)
        .innerJoin(partnerUnit, eq(partnerUnit.id, partnerContact.partnerUnitId))
        .where(eq(partnerContact.accountId, accountId));
    },

    /** A unit by id without scope, for services that check access themselves. */
    async findById(q: Queryable, id: string) {
      const [row] = await q.select().from(partnerUnit).where(eq(partnerUnit.id, id));
      return row;
    },

    async create(actor: Actor, input: { communityId: string; name: string; kind: PartnerUnitView['kind']; partyOrgName?: string | null; contactName?: string | null; contactPhone?: string | null; address?: string | null }): Promise<PartnerUnitView> {
      return db.transaction(async (tx) => {
        const [community] = await tx.select({ id: orgNode.id, name: orgNode.name }).from(orgNode).where(and(eq(orgNode.id, input.communityId), eq(orgNode.kind, 'community'), scopeWhere(actor, 'partner_unit.manage', { community: orgNode.id })));
        if (!community) throw new AppError('not_found');
        const [dup] = await tx.select({ id: partnerUnit.id }).from(partnerUnit).where(and(eq(partnerUnit.communityId, community.id), sql`lower(${partnerUnit.name}) = lower(${input.name})`));
        if (dup) throw new AppError('already_exists', [{ field: 'body.name', code: 'already_exists' }]);
        const [unit] = await tx
          .insert(partnerUnit)
          .values({ communityId: community.id, name: input.name, kind: input.kind, partyOrgName: input.partyOrgName ?? null, contactName: input.contactName ?? null, contactPhone: input.contactPhone ?? null, address: input.address ?? null })
          .returning();
        await audit.record(tx, actor, { action: 'partner_unit.create', entity: 'partner_unit', entityId: unit!.id, communityId: community.id, changes: diffForAudit(null, { name: unit!.name, kind: unit!.kind }) });
        return toView({ unit: unit!, communityName: community.name });
      });
    },

    async update(actor: Actor, id: string, input: { version: number } & Partial<Omit<typeof partnerUnit.$inferInsert, 'id' | 'communityId' | 'version'>>): Promise<PartnerUnitView> {
      return db.transaction(async (tx) => {
        const [before] = await select(tx).where(and(eq(partnerUnit.id, id), inScope(actor, 'partner_unit.manage')));
        if (!before) throw new AppError('not_found');
        const { version, ...values } = input;
        const after = await updateVersioned(tx, partnerUnit, { id, version, values, scope: inScope(actor, 'partner_unit.manage') });
        await audit.record(tx, actor, { action: 'partner_unit.update', entity: 'partner_unit', entityId: id, communityId: after.communityId, changes: diffForAudit(before.unit, after, { fields: ['name', 'kind', 'partyOrgName', 'contactName', 'address', 'status'] }) });
        return toView({ unit: after, communityName: before.communityName });
      });
    },
  };
}

export type PartnersService = ReturnType<typeof createPartnersService>;
