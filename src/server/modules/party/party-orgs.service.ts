/** The party org tree (党委 → 党总支 → 党支部 → 党小组), the buildings of 楼栋党小组, and officers with terms. */
import type { AppContext } from '../../context';
import type { Actor } from '../../platform/auth/actor';
import { diffForAudit } from '../../platform/audit';
import { maskName } from '../../platform/crypto';
import { newId } from '../../platform/db/columns';
import type { Queryable } from '../../platform/db/client';
import { updateVersioned } from '../../platform/db/versioned';
import { AppError } from '../../platform/errors';
import { scopeWhere } from '../../platform/scope';
import type { PartyAccess } from './party-access';
import { partyMembersRepository as members } from './party-members.repository';
import { partyOrgsRepository as repo, type OfficerRow, type PartyOrgRow } from './party-orgs.repository';
import type { BuildingOption, OfficerView, PartyOrgView } from './party-orgs.schemas';
import { localDate } from './party.time';
import { partyOrg } from './party.tables';

type Kind = PartyOrgRow['kind'];
type OfficerRole = OfficerView['role'];

/** Which kind of org may sit under which (null = at the top of the community). */
const allowedParents: Record<Kind, readonly (Kind | null)[]> = {
  committee: [null],
  general_branch: [null, 'committee'],
  branch: [null, 'committee', 'general_branch'],
  group: ['general_branch', 'branch'],
};

const isCurrent = (o: { termStart: string; termEnd: string | null }, today: string) => o.termStart <= today && (!o.termEnd || o.termEnd >= today);

export function toOfficerView(o: OfficerRow, today: string): OfficerView {
  return { id: o.id, orgId: o.orgId, memberId: o.memberId, memberName: maskName(o.memberName)!, role: o.role, termStart: o.termStart, termEnd: o.termEnd, current: isCurrent(o, today) };
}

export function createPartyOrgsService(ctx: AppContext, access: PartyAccess) {
  const { db, audit } = ctx;

  async function checkBuildings(q: Queryable, communityId: string, orgId: string | null, kind: Kind, ids: string[] | undefined): Promise<string[] | undefined> {
    if (ids === undefined) return undefined;
    const unique = [...new Set(ids)];
    if (unique.length && kind !== 'group') throw new AppError('validation_failed', [{ field: 'buildingIds', code: 'buildings_only_for_groups' }]);
    const { known, takenByOthers } = await repo.buildingClaims(q, communityId, unique, orgId);
    if (known.size !== unique.length) throw new AppError('validation_failed', [{ field: 'buildingIds', code: 'unknown_building' }]);
    if (takenByOthers.length) throw new AppError('already_exists', [{ field: 'buildingIds', code: 'building_taken', buildings: takenByOthers }]);
    return unique;
  }

  async function views(q: Queryable, list: PartyOrgRow[], communityId: string, timezone: string): Promise<PartyOrgView[]> {
    const ids = list.map((o) => o.id);
    // Sequential: `q` may be a transaction, which runs one query at a time.
    const buildings = await repo.buildingsOf(q, ids);
    const counts = await repo.memberCounts(q, communityId);
    const officers = await repo.officersOf(q, communityId);
    const today = localDate(new Date(), timezone);
    return list.map((o) => ({
      id: o.id,
      communityId: o.communityId,
      parentId: o.parentId,
      kind: o.kind,
      name: o.name,
      sortOrder: o.sortOrder,
      buildings: buildings.filter((b) => b.orgId === o.id).map((b) => ({ id: b.id, name: b.name })),
      memberCount: counts.get(o.id) ?? 0,
      officers: officers.filter((f) => f.orgId === o.id).map((f) => toOfficerView(f, today)),
      version: o.version,
    }));
  }

  async function oneView(q: Queryable, org: PartyOrgRow): Promise<PartyOrgView> {
    return (await views(q, [org], org.communityId, await access.zoneOf(q, org.communityId)))[0]!;
  }

  return {
    async list(actor: Actor, query: { communityId?: string }): Promise<PartyOrgView[]> {
      const c = await access.community(db, actor, 'party_org.read', query.communityId);
      return views(db, await repo.list(db, actor, 'party_org.read', c.id), c.id, c.timezone);
    },

    async buildings(actor: Actor, query: { communityId?: string }): Promise<BuildingOption[]> {
      const c = await access.community(db, actor, ['party_org.read', 'report_in.submit'], query.communityId);
      return repo.buildingOptions(db, c.id);
    },

    async create(actor: Actor, input: { communityId?: string; parentId?: string | null; kind: Kind; name: string; sortOrder?: number; buildingIds?: string[] }): Promise<PartyOrgView> {
      return db.transaction(async (tx) => {
        const c = await access.community(tx, actor, 'party_org.manage', input.communityId);
        const parent = input.parentId ? await repo.findInCommunity(tx, c.id, input.parentId) : undefined;
        if (input.parentId && !parent) throw new AppError('not_found');
        if (!allowedParents[input.kind].includes(parent?.kind ?? null)) {
          throw new AppError('validation_failed', [{ field: 'parentId', code: 'invalid_child_kind', message: `${parent?.kind ?? 'none'} → ${input.kind}` }]);
        }
        const buildingIds = await checkBuildings(tx, c.id, null, input.kind, input.buildingIds);
        const id = newId();
        const row = await repo.insert(tx, { id, communityId: c.id, parentId: parent?.id ?? null, kind: input.kind, name: input.name, sortOrder: input.sortOrder ?? 0, path: `${parent?.path ?? '/'}${id}/` });
        if (buildingIds?.length) await repo.setBuildings(tx, c.id, id, buildingIds);
        await audit.record(tx, actor, { action: 'party_org.create', entity: 'party_org', entityId: id, communityId: c.id, changes: diffForAudit(null, { kind: row.kind, name: row.name, parentId: row.parentId, buildingIds }) });
        return (await views(tx, [row], c.id, c.timezone))[0]!;
      });
    },

    async update(actor: Actor, id: string, input: { version: number; name?: string; sortOrder?: number; buildingIds?: string[] }): Promise<PartyOrgView> {
      return db.transaction(async (tx) => {
        const before = await repo.findInScope(tx, actor, 'party_org.manage', id);
        if (!before) throw new AppError('not_found');
        const buildingIds = await checkBuildings(tx, before.communityId, id, before.kind, input.buildingIds);
        const { version, buildingIds: _ignored, ...values } = input;
        const after = await updateVersioned(tx, partyOrg, { id, version, values, scope: scopeWhere(actor, 'party_org.manage', { community: partyOrg.communityId }) });
        if (buildingIds) await repo.setBuildings(tx, before.communityId, id, buildingIds);
        await audit.record(tx, actor, { action: 'party_org.update', entity: 'party_org', entityId: id, communityId: before.communityId, changes: { ...diffForAudit(before, after, { fields: ['name', 'sortOrder'] }), ...(buildingIds ? { buildingIds: { after: buildingIds } } : {}) } });
        return oneView(tx, after);
      });
    },

    async addOfficer(actor: Actor, orgId: string, input: { memberId: string; role: OfficerRole; termStart: string; termEnd?: string | null }): Promise<OfficerView> {
      return db.transaction(async (tx) => {
        const org = await repo.findInScope(tx, actor, 'party_org.manage', orgId);
        if (!org) throw new AppError('not_found');
        const member = await members.findById(tx, input.memberId);
        if (!member || member.communityId !== org.communityId || member.leftAt) throw new AppError('validation_failed', [{ field: 'memberId', code: 'unknown_member' }]);
        if ((input.role === 'group_leader') !== (org.kind === 'group')) throw new AppError('validation_failed', [{ field: 'role', code: 'invalid_officer_role' }]);
        const row = await repo.insertOfficer(tx, { communityId: org.communityId, orgId, memberId: member.id, role: input.role, termStart: input.termStart, termEnd: input.termEnd ?? null });
        await audit.record(tx, actor, { action: 'party_org.officer.add', entity: 'party_org', entityId: orgId, communityId: org.communityId, changes: { officer: { after: { member: maskName(member.name), role: row.role, termStart: row.termStart, termEnd: row.termEnd } } } });
        return toOfficerView({ ...row, memberName: member.name }, localDate(new Date(), await access.zoneOf(tx, org.communityId)));
      });
    },

    async endOfficerTerm(actor: Actor, officerId: string, input: { termEnd: string }): Promise<OfficerView> {
      return db.transaction(async (tx) => {
        const officer = await repo.findOfficer(tx, actor, 'party_org.manage', officerId);
        if (!officer) throw new AppError('not_found');
        if (input.termEnd < officer.termStart) throw new AppError('validation_failed', [{ field: 'termEnd', code: 'time_range' }]);
        const row = await repo.endOfficerTerm(tx, officerId, input.termEnd);
        const member = await members.findById(tx, row.memberId);
        await audit.record(tx, actor, { action: 'party_org.officer.end', entity: 'party_org', entityId: row.orgId, communityId: row.communityId, changes: { termEnd: { before: officer.termEnd, after: row.termEnd } } });
        return toOfficerView({ ...row, memberName: member?.name ?? '' }, localDate(new Date(), await access.zoneOf(tx, row.communityId)));
      });
    },
  };
}
