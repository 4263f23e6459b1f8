/**
 * 党员: the roster of a community. Phone and ID number are encrypted with a blind index, and every
 * response masks name, phone and ID number; the full value comes only through `reveal`, which
 * needs `party_member.reveal` and is audited with a reason.
 */
import { z } from 'zod';
import type { AppContext } from '../../context';
import type { Actor } from '../../platform/auth/actor';
import { diffForAudit } from '../../platform/audit';
import { maskIdNumber, maskName, maskPhone, type Crypto } from '../../platform/crypto';
import type { Queryable } from '../../platform/db/client';
import { updateVersioned } from '../../platform/db/versioned';
import { AppError } from '../../platform/errors';
import { decodeCursor, pageFrom } from '../../platform/pagination';
import { scopeWhere } from '../../platform/scope';
import { normalizePhone, phoneIndexValue } from '../places/places.checks';
import { residentBasic } from '../places/places.duty';
import type { PartyAccess } from './party-access';
import { partyMembersRepository as repo, type MemberRow, type MemberWithOrg } from './party-members.repository';
import type { PartyMemberDetail, PartyMemberView } from './party-members.schemas';
import { partyOrgsRepository as orgs } from './party-orgs.repository';
import { partyMember } from './party.tables';

type Status = MemberRow['status'];
type Membership = MemberRow['membership'];

export interface CreateMemberInput {
  communityId?: string;
  orgId: string;
  name: string;
  gender?: 'male' | 'female' | null;
  phone?: string | null;
  idNumber?: string | null;
  status: Status;
  joinedOn: string;
  fullOn?: string | null;
  membership: Membership;
  workplace?: string | null;
  tags?: string[];
  residentId?: string | null;
  accountId?: string | null;
}

export interface UpdateMemberInput {
  version: number;
  orgId?: string;
  name?: string;
  gender?: 'male' | 'female' | null;
  phone?: string | null;
  status?: Status;
  fullOn?: string | null;
  membership?: Membership;
  workplace?: string | null;
  tags?: string[];
  left?: boolean;
}

/** Encrypted columns and blind index of a phone number (indexed like residents' phones). */
export function sealPhone(crypto: Crypto, phone: string | null | undefined) {
  const normalized = phone ? normalizePhone(phone) : null;
  if (!normalized) return { phoneEnc: null, phoneIdx: null, phoneLast4: null };
  return { phoneEnc: crypto.encrypt(normalized), phoneIdx: crypto.blindIndex('phone', phoneIndexValue(normalized)), phoneLast4: normalized.slice(-4) };
}

function sealIdNumber(crypto: Crypto, idNumber: string | null | undefined) {
  if (!idNumber) return { idNumberEnc: null, idNumberIdx: null, idNumberLast4: null };
  const value = idNumber.trim().toUpperCase();
  return { idNumberEnc: crypto.encrypt(value), idNumberIdx: crypto.blindIndex('id_number', value), idNumberLast4: value.slice(-4) };
}

export function memberViewOf(crypto: Crypto, m: MemberWithOrg): PartyMemberView {
  return {
    id: m.id,
    communityId: m.communityId,
    orgId: m.orgId,
    orgName: m.orgName,
    name: maskName(m.name)!,
    gender: m.gender,
    phone: m.phoneEnc ? maskPhone(crypto.decrypt(m.phoneEnc)) : null,
    idNumber: m.idNumberEnc ? maskIdNumber(crypto.decrypt(m.idNumberEnc)) : null,
    status: m.status,
    joinedOn: m.joinedOn,
    fullOn: m.fullOn,
    membership: m.membership,
    workplace: m.workplace,
    tags: m.tags,
    residentId: m.residentId,
    hasAccount: !!m.accountId,
    enrolledAt: m.enrolledAt,
    leftAt: m.leftAt,
    version: m.version,
  };
}

const auditPersonal: Record<string, (v: unknown) => unknown> = { name: (v: unknown) => maskName(String(v)), phoneEnc: () => '***' };
const audited: readonly string[] = ['orgId', 'name', 'gender', 'phoneEnc', 'status', 'joinedOn', 'fullOn', 'membership', 'workplace', 'tags', 'residentId', 'accountId', 'leftAt'];

export function createPartyMembersService(ctx: AppContext, access: PartyAccess) {
  const { db, audit, crypto } = ctx;
  const view = (m: MemberWithOrg) => memberViewOf(crypto, m);

  async function checkLinks(q: Queryable, communityId: string, input: { orgId?: string; residentId?: string | null; accountId?: string | null }) {
    if (input.orgId && !(await orgs.findInCommunity(q, communityId, input.orgId))) throw new AppError('validation_failed', [{ field: 'orgId', code: 'unknown_party_org' }]);
    if (input.residentId) {
      const r = await residentBasic(q, input.residentId);
      if (!r || r.communityId !== communityId) throw new AppError('validation_failed', [{ field: 'residentId', code: 'unknown_resident' }]);
    }
    if (input.accountId && !(await repo.accountExists(q, input.accountId))) throw new AppError('validation_failed', [{ field: 'accountId', code: 'unknown_account' }]);
  }

  return {
    async list(actor: Actor, q: { communityId?: string; orgId?: string; membership?: Membership; status?: Status; tag?: string; q?: string; includeLeft?: 'true' | 'false'; cursor?: string; limit: number }) {
      const c = await access.community(db, actor, ['party_member.read', 'party_self.read'], q.communityId);
      const org = q.orgId ? await orgs.findInCommunity(db, c.id, q.orgId) : undefined;
      if (q.orgId && !org) throw new AppError('not_found');
      const reader = await access.requireOrgReader(db, actor, c.id, org?.path ?? '/');
      const after = decodeCursor(q.cursor, z.tuple([z.string(), z.string()]));
      const list = await repo.list(db, actor, reader === 'staff' ? 'party_member.read' : 'party_self.read', {
        communityId: c.id,
        orgPath: org?.path,
        membership: q.membership,
        status: q.status,
        tag: q.tag,
        q: q.q,
        includeLeft: q.includeLeft === 'true',
        after: after ?? undefined,
        limit: q.limit,
      });
      return pageFrom(list, q.limit, (m) => [m.name, m.id], view);
    },

    async get(actor: Actor, id: string): Promise<PartyMemberDetail> {
      const member = await repo.findById(db, id);
      if (!member) throw new AppError('not_found');
      const org = await orgs.findInCommunity(db, member.communityId, member.orgId);
      await access.requireOrgReader(db, actor, member.communityId, org!.path);
      const [dues, claims, counts] = await Promise.all([repo.dues(db, id), repo.claims(db, id), repo.recordCounts(db, id)]);
      return { ...view(member), dues, claims, ...counts };
    },

    async create(actor: Actor, input: CreateMemberInput): Promise<PartyMemberView> {
      return db.transaction(async (tx) => {
        const c = await access.community(tx, actor, 'party_member.manage', input.communityId);
        await checkLinks(tx, c.id, input);
        const row = await repo.insert(tx, {
          communityId: c.id,
          orgId: input.orgId,
          name: input.name,
          gender: input.gender ?? null,
          ...sealPhone(crypto, input.phone),
          ...sealIdNumber(crypto, input.idNumber),
          status: input.status,
          joinedOn: input.joinedOn,
          fullOn: input.status === 'full' ? (input.fullOn ?? null) : null,
          membership: input.membership,
          workplace: input.workplace ?? null,
          tags: input.tags ?? [],
          residentId: input.residentId ?? null,
          accountId: input.accountId ?? null,
        });
        await audit.record(tx, actor, { action: 'party_member.create', entity: 'party_member', entityId: row.id, communityId: c.id, changes: diffForAudit(null, row, { fields: audited, personal: auditPersonal }) });
        return view((await repo.findById(tx, row.id))!);
      });
    },

    async update(actor: Actor, id: string, input: UpdateMemberInput): Promise<PartyMemberView> {
      return db.transaction(async (tx) => {
        const before = await repo.findInScope(tx, actor, 'party_member.manage', id);
        if (!before) throw new AppError('not_found');
        await checkLinks(tx, before.communityId, input);
        const { version, left, phone, ...rest } = input;
        const values: Record<string, unknown> = { ...rest };
        if (phone !== undefined) Object.assign(values, sealPhone(crypto, phone));
        if (left !== undefined) values.leftAt = left ? (before.leftAt ?? new Date()) : null;
        if ((input.status ?? before.status) === 'probationary') values.fullOn = null;
        if ((input.membership ?? before.membership) === 'reporting' && !(input.workplace ?? before.workplace)) {
          throw new AppError('validation_failed', [{ field: 'workplace', code: 'required' }]);
        }
        const after = await updateVersioned(tx, partyMember, { id, version, values, scope: scopeWhere(actor, 'party_member.manage', { community: partyMember.communityId }) });
        await audit.record(tx, actor, { action: 'party_member.update', entity: 'party_member', entityId: id, communityId: before.communityId, changes: diffForAudit(before, after, { fields: audited, personal: auditPersonal }) });
        return view((await repo.findById(tx, id))!);
      });
    },

    async reveal(actor: Actor, id: string, input: { field: 'name' | 'phone' | 'idNumber'; reason: string }) {
      const member = await repo.findInScope(db, actor, 'party_member.reveal', id);
      if (!member) throw new AppError('not_found');
      const value =
        input.field === 'name' ? member.name : input.field === 'phone' ? (member.phoneEnc && crypto.decrypt(member.phoneEnc)) : member.idNumberEnc && crypto.decrypt(member.idNumberEnc);
      await audit.recordNow(actor, { action: 'party_member.reveal', entity: 'party_member', entityId: id, communityId: member.communityId, changes: { field: input.field }, reason: input.reason });
      return { field: input.field, value: value ?? null };
    },

    async recordDues(actor: Actor, id: string, input: { month: string; amountFen: number }) {
      return db.transaction(async (tx) => {
        const member = await repo.findInScope(tx, actor, 'party_member.manage', id);
        if (!member) throw new AppError('not_found');
        const month = `${input.month}-01`;
        const inserted = await repo.insertDues(tx, { communityId: member.communityId, memberId: id, month, amountFen: input.amountFen, recordedBy: actor.accountId });
        if (!inserted) throw new AppError('already_exists', [{ field: 'month', code: 'dues_already_paid' }]);
        await audit.record(tx, actor, { action: 'party_member.dues', entity: 'party_member', entityId: id, communityId: member.communityId, changes: { month: { after: month }, amountFen: { after: input.amountFen } } });
        return { month, amountFen: input.amountFen, paidAt: new Date() };
      });
    },
  };
}
