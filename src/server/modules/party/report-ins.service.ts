/**
 * 双报到: an in-service member, signed in on the resident app, reports to the community where they
 * live; the building they live in suggests the 楼栋党小组. The secretary approves (the member joins
 * the roster under the group) or returns it with a reason. One open report-in per account.
 */
import { z } from 'zod';
import type { AppContext } from '../../context';
import type { Actor } from '../../platform/auth/actor';
import { maskName, maskPhone } from '../../platform/crypto';
import { updateVersioned } from '../../platform/db/versioned';
import { AppError } from '../../platform/errors';
import { decodeCursor, pageFrom } from '../../platform/pagination';
import { scopeWhere } from '../../platform/scope';
import { buildingInfo, residentBasic } from '../places/places.duty';
import type { NotificationsService } from '../notifications/notifications.service';
import type { PartyAccess } from './party-access';
import { sealPhone } from './party-members.service';
import { partyMembersRepository as members } from './party-members.repository';
import { partyOrgsRepository as orgs } from './party-orgs.repository';
import { partyMessages } from './party.messages';
import { reportIn } from './party.tables';
import { reportInsRepository as repo, type ReportInFull } from './report-ins.repository';
import type { ReportInOptions, ReportInSummary, ReportInView } from './report-ins.schemas';

type Status = ReportInFull['status'];

/** The report-in's life as data: from → action → to, and who may take it. */
export const reportInTransitions = [
  { from: 'pending', action: 'approve', to: 'approved', permission: 'report_in.decide' },
  { from: 'pending', action: 'return', to: 'returned', permission: 'report_in.decide' },
] as const satisfies ReadonlyArray<{ from: Status; action: string; to: Status; permission: string }>;

function transition(from: Status, action: (typeof reportInTransitions)[number]['action']) {
  const t = reportInTransitions.find((x) => x.from === from && x.action === action);
  if (!t) throw new AppError('invalid_transition', { from, action });
  return t;
}

export interface SubmitReportInInput {
  communityId?: string;
  buildingId?: string | null;
  workplace: string;
  partyStatus: 'full' | 'probationary';
  joinedOn: string;
  name?: string;
  phone?: string | null;
}

export function createReportInsService(ctx: AppContext, access: PartyAccess, deps: { notifications: NotificationsService }) {
  const { db, audit, crypto } = ctx;

  const view = (r: ReportInFull, self = false): ReportInView => ({
    id: r.id,
    communityId: r.communityId,
    communityName: r.communityName,
    name: self ? r.name : maskName(r.name)!,
    phone: r.phoneEnc ? maskPhone(crypto.decrypt(r.phoneEnc)) : null,
    workplace: r.workplace,
    buildingId: r.buildingId,
    buildingName: r.buildingName,
    suggestedOrgId: r.suggestedOrgId,
    suggestedOrgName: r.suggestedOrgName,
    partyStatus: r.partyStatus,
    joinedOn: r.joinedOn,
    status: r.status,
    reason: r.reason,
    decidedAt: r.decidedAt,
    memberId: r.memberId,
    createdAt: r.createdAt,
    version: r.version,
  });

  return {
    /** What the resident app's form needs: buildings with their groups, the caller's building, earlier report-ins. */
    async options(actor: Actor, q: { communityId?: string }): Promise<ReportInOptions> {
      const c = await access.community(db, actor, 'report_in.submit', q.communityId);
      const mine = actor.residentId ? await residentBasic(db, actor.residentId) : undefined;
      const here = mine?.communityId === c.id ? mine : undefined;
      const [buildings, reports, member] = await Promise.all([orgs.buildingOptions(db, c.id), repo.ofAccount(db, c.id, actor.accountId!), access.memberOf(db, actor, c.id)]);
      return {
        communityId: c.id,
        communityName: c.name,
        buildings,
        myBuildingId: here?.buildingId ?? null,
        myName: here?.name ?? null,
        alreadyMember: !!member,
        reportIns: reports.map((r) => view(r, true)),
      };
    },

    async submit(actor: Actor, input: SubmitReportInInput): Promise<ReportInView> {
      const created = await db.transaction(async (tx) => {
        const c = await access.community(tx, actor, 'report_in.submit', input.communityId);
        if (await access.memberOf(tx, actor, c.id)) throw new AppError('already_exists', [{ field: 'communityId', code: 'already_member' }]);
        const resident = actor.residentId ? await residentBasic(tx, actor.residentId) : undefined;
        const home = resident?.communityId === c.id ? resident : undefined;
        const buildingId = input.buildingId ?? home?.buildingId ?? null;
        if (buildingId) {
          const b = await buildingInfo(tx, buildingId);
          if (!b || b.communityId !== c.id) throw new AppError('validation_failed', [{ field: 'buildingId', code: 'unknown_building' }]);
        }
        const group = buildingId ? await orgs.groupOfBuilding(tx, buildingId) : undefined;
        const name = input.name ?? home?.name ?? actor.displayName;
        const row = await repo.insert(tx, {
          communityId: c.id,
          accountId: actor.accountId!,
          residentId: home?.id ?? null,
          name,
          ...sealPhone(crypto, input.phone),
          workplace: input.workplace,
          buildingId,
          suggestedOrgId: group?.id ?? null,
          partyStatus: input.partyStatus,
          joinedOn: input.joinedOn,
        });
        if (!row) throw new AppError('already_exists', [{ field: 'communityId', code: 'report_in_exists' }]);
        await audit.record(tx, actor, { action: 'report_in.submit', entity: 'report_in', entityId: row.id, communityId: c.id, changes: { name: { after: maskName(name) }, workplace: { after: input.workplace }, buildingId: { after: buildingId } } });
        const secretaries = await repo.secretariesOf(tx, c.id);
        if (secretaries.length) {
          await deps.notifications.notify(tx, { accountIds: secretaries, communityId: c.id, kind: 'report_in.submitted', ...partyMessages.reportInSubmitted(maskName(name)!, input.workplace), link: '/party/report-ins', entity: 'report_in', entityId: row.id });
        }
        return row.id;
      });
      return view((await repo.findById(db, created))!, true);
    },

    async list(actor: Actor, q: { communityId?: string; status?: Status; cursor?: string; limit: number }) {
      const c = await access.community(db, actor, 'report_in.read', q.communityId);
      const before = decodeCursor(q.cursor, z.tuple([z.string(), z.string()]));
      const list = await repo.list(db, actor, 'report_in.read', { communityId: c.id, status: q.status, before: before ?? undefined, limit: q.limit });
      return pageFrom(list, q.limit, (r) => [r.createdAt.toISOString(), r.id], (r) => view(r));
    },

    async summary(actor: Actor, q: { communityId?: string }): Promise<ReportInSummary> {
      const c = await access.community(db, actor, ['report_in.read', 'party_stats.read'], q.communityId);
      return { communityId: c.id, ...(await repo.summary(db, c.id)) };
    },

    async approve(actor: Actor, id: string, input: { version: number; orgId?: string }): Promise<ReportInView> {
      await db.transaction(async (tx) => {
        const r = await repo.findInScope(tx, actor, 'report_in.decide', id);
        if (!r) throw new AppError('not_found');
        const t = transition(r.status, 'approve');
        const orgId = input.orgId ?? r.suggestedOrgId;
        const org = orgId ? await orgs.findInCommunity(tx, r.communityId, orgId) : undefined;
        if (!org) throw new AppError('validation_failed', [{ field: 'orgId', code: orgId ? 'unknown_party_org' : 'required' }]);
        if (await members.findForAccount(tx, r.communityId, r.accountId, r.residentId)) throw new AppError('already_exists', [{ field: 'id', code: 'already_member' }]);
        const member = await members.insert(tx, {
          communityId: r.communityId,
          orgId: org.id,
          residentId: r.residentId,
          accountId: r.accountId,
          name: r.name,
          phoneEnc: r.phoneEnc,
          phoneIdx: r.phoneIdx,
          phoneLast4: r.phoneLast4,
          status: r.partyStatus,
          joinedOn: r.joinedOn,
          membership: 'reporting',
          workplace: r.workplace,
        });
        await updateVersioned(tx, reportIn, {
          id,
          version: input.version,
          values: { status: t.to, decidedBy: actor.accountId, decidedAt: new Date(), memberId: member.id, suggestedOrgId: org.id },
          scope: scopeWhere(actor, 'report_in.decide', { community: reportIn.communityId }),
        });
        await audit.record(tx, actor, { action: 'report_in.approve', entity: 'report_in', entityId: id, communityId: r.communityId, changes: { status: { before: r.status, after: t.to }, orgId: { after: org.id }, memberId: { after: member.id } } });
        await deps.notifications.notify(tx, { accountIds: [r.accountId], communityId: r.communityId, kind: 'report_in.approved', ...partyMessages.reportInApproved(r.communityName, org.name), link: '/party', entity: 'report_in', entityId: id });
      });
      return view((await repo.findById(db, id))!);
    },

    async return(actor: Actor, id: string, input: { version: number; reason: string }): Promise<ReportInView> {
      await db.transaction(async (tx) => {
        const r = await repo.findInScope(tx, actor, 'report_in.decide', id);
        if (!r) throw new AppError('not_found');
        const t = transition(r.status, 'return');
        await updateVersioned(tx, reportIn, {
          id,
          version: input.version,
          values: { status: t.to, reason: input.reason, decidedBy: actor.accountId, decidedAt: new Date() },
          scope: scopeWhere(actor, 'report_in.decide', { community: reportIn.communityId }),
        });
        await audit.record(tx, actor, { action: 'report_in.return', entity: 'report_in', entityId: id, communityId: r.communityId, changes: { status: { before: r.status, after: t.to } }, reason: input.reason });
        await deps.notifications.notify(tx, { accountIds: [r.accountId], communityId: r.communityId, kind: 'report_in.returned', ...partyMessages.reportInReturned(r.communityName, input.reason), link: '/party/report-in', entity: 'report_in', entityId: id });
      });
      return view((await repo.findById(db, id))!);
    },
  };
}
