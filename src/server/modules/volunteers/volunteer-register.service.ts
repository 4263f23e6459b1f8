/**
 * The volunteer register: self-service registration from the resident app (pending until staff
 * approve), registration by staff (approved at once), review transitions from the table in
 * volunteer-values.schemas.ts, and profile edits. Approval grants the account the `volunteer` role at the
 * community (audited); suspension takes it back.
 */
import { z } from 'zod';
import type { Actor } from '../../platform/auth/actor';
import { can } from '../../platform/auth/actor';
import { diffForAudit } from '../../platform/audit';
import { maskName, maskPhone } from '../../platform/crypto';
import type { Tx } from '../../platform/db/client';
import { updateVersioned } from '../../platform/db/versioned';
import { AppError } from '../../platform/errors';
import { decodeCursor, pageFrom } from '../../platform/pagination';
import { scopeWhere } from '../../platform/scope';
import { residentBasic, residentOfAccount } from '../places/places.duty';
import { hoursToNextLevel } from './volunteers.config';
import { reviewTransitions, type reviewActions } from './volunteer-values.schemas';
import type { VolunteersKit } from './volunteers.kit';
import { teamsRepository, volunteersRepository as repo, type VolunteerRowRaw } from './volunteers.repository';
import type { MyVolunteerView, VolunteerView } from './volunteers.schemas';
import { volunteer } from './volunteers.tables';
import { volunteerRecordAccess } from './volunteers.policy';

type ReviewAction = (typeof reviewActions)[number];

interface PersonInput {
  name?: string;
  phone?: string;
  gender?: 'male' | 'female';
  birthDate?: string;
  partnerUnitId?: string;
  skills: string[];
  availability: string[];
  areas: string[];
  note?: string | null;
}

const personal = { phoneEnc: () => '***', name: (v: unknown) => maskName(String(v)) } as const;

export function createRegisterService(kit: VolunteersKit) {
  const { ctx, deps, views } = kit;
  const { db, audit, crypto } = ctx;

  async function checkPartnerUnit(tx: Tx, communityId: string, partnerUnitId: string | undefined | null) {
    if (!partnerUnitId) return;
    const unit = await deps.partners.findById(tx, partnerUnitId);
    if (!unit || unit.communityId !== communityId) throw new AppError('validation_failed', [{ field: 'body.partnerUnitId', code: 'not_found', message: 'partnerUnitId' }]);
  }

  function phoneColumns(phone: string | undefined) {
    return phone ? { phoneEnc: crypto.encrypt(phone), phoneIdx: crypto.blindIndex('phone', phone), phoneLast4: phone.slice(-4) } : {};
  }

  async function grantRole(tx: Tx, actor: Actor, v: VolunteerRowRaw) {
    if (!v.accountId) return;
    if (await repo.grantVolunteerRole(tx, v.accountId, v.communityId, actor.accountId)) {
      await audit.record(tx, actor, { action: 'role_assignment.grant', entity: 'account', entityId: v.accountId, communityId: v.communityId, changes: { role: { after: 'volunteer' }, orgId: { after: v.communityId } }, reason: 'volunteer approved' });
    }
  }

  async function revokeRole(tx: Tx, actor: Actor, v: VolunteerRowRaw) {
    if (!v.accountId) return;
    if (await repo.revokeVolunteerRole(tx, v.accountId, v.communityId)) {
      await audit.record(tx, actor, { action: 'role_assignment.revoke', entity: 'account', entityId: v.accountId, communityId: v.communityId, changes: { role: { before: 'volunteer' }, orgId: { before: v.communityId } }, reason: 'volunteer suspended' });
    }
  }

  async function view(tx: Tx | typeof db, actor: Actor, id: string): Promise<VolunteerView> {
    const row = (await repo.findInScope(tx, actor, 'volunteer.read', id)) ?? (await repo.findOwn(tx, actor, id));
    if (!row) throw new AppError('not_found');
    return views.volunteer(row);
  }

  return {
    async list(actor: Actor, q: { communityId?: string; status?: string; teamId?: string; skill?: string; q?: string; cursor?: string; limit: number }) {
      const after = decodeCursor(q.cursor, z.tuple([z.string()]));
      const found = await repo.list(db, actor, { ...q, before: after?.[0], limit: q.limit });
      return pageFrom(found, q.limit, (r) => [r.v.id], (r) => views.volunteer(r));
    },

    get: (actor: Actor, id: string) => view(db, actor, id),

    /** Staff register a resident or a person by name and phone; approved at once, optionally into a team. */
    async register(actor: Actor, input: PersonInput & { communityId: string; residentId?: string; origin?: VolunteerRowRaw['origin']; teamId?: string }): Promise<VolunteerView> {
      return db.transaction(async (tx) => {
        const community = await repo.communityInScope(tx, actor, 'volunteer.manage', input.communityId);
        if (!community) throw new AppError('not_found');
        let person = { name: input.name ?? '', gender: input.gender ?? null, birthDate: input.birthDate ?? null, residentId: null as string | null, accountId: null as string | null };
        if (input.residentId) {
          const r = await residentBasic(tx, input.residentId);
          if (!r || r.communityId !== community.id) throw new AppError('validation_failed', [{ field: 'body.residentId', code: 'not_found', message: 'residentId' }]);
          person = { name: r.name, gender: r.gender, birthDate: r.birthDate, residentId: r.id, accountId: await repo.accountOfResident(tx, r.id) };
        }
        await checkPartnerUnit(tx, community.id, input.partnerUnitId);
        const phone = phoneColumns(input.phone);
        if (await repo.findDuplicate(tx, community.id, { residentId: person.residentId, accountId: person.accountId, phoneIdx: phone.phoneIdx })) throw new AppError('volunteer_already_registered');
        const row = await repo.insert(tx, {
          communityId: community.id,
          ...person,
          ...phone,
          partnerUnitId: input.partnerUnitId ?? null,
          origin: input.origin ?? (input.partnerUnitId ? 'partner_unit' : 'staff'),
          skills: input.skills,
          availability: input.availability,
          areas: input.areas,
          note: input.note ?? null,
          status: 'approved',
          reviewedAt: new Date(),
          reviewedBy: actor.accountId,
        });
        if (input.teamId) {
          const team = await teamsRepository.findInScope(tx, actor, 'volunteer_team.manage', input.teamId);
          if (!team || team.t.communityId !== community.id) throw new AppError('validation_failed', [{ field: 'body.teamId', code: 'not_found', message: 'teamId' }]);
          await teamsRepository.addMember(tx, { communityId: community.id, teamId: team.t.id, volunteerId: row.id, role: 'member' });
        }
        await grantRole(tx, actor, row);
        await audit.record(tx, actor, { action: 'volunteer.register', entity: 'volunteer', entityId: row.id, communityId: community.id, changes: diffForAudit(null, { name: maskName(row.name), phone: maskPhone(input.phone), status: row.status, origin: row.origin, teamId: input.teamId }) });
        return view(tx, actor, row.id);
      });
    },

    /** The caller registers themself; a rejected registration may apply again. */
    async selfRegister(actor: Actor, input: PersonInput & { communityId: string }): Promise<VolunteerView> {
      const accountId = actor.accountId;
      if (!accountId) throw new AppError('forbidden');
      return db.transaction(async (tx) => {
        const community = await repo.communityInScope(tx, actor, 'volunteer.register', input.communityId);
        if (!community) throw new AppError('not_found');
        const r = await residentOfAccount(tx, accountId);
        const resident = r && r.communityId === community.id ? r : null;
        const missing = resident ? [] : (['name', 'phone'] as const).filter((k) => !input[k]);
        if (missing.length) throw new AppError('validation_failed', missing.map((k) => ({ field: `body.${k}`, code: 'required', message: k })));
        await checkPartnerUnit(tx, community.id, input.partnerUnitId);
        const isPartyMember = actor.grants.some((g) => g.role === 'party_member');
        const values = {
          communityId: community.id,
          accountId,
          residentId: resident?.id ?? null,
          name: resident?.name ?? input.name!,
          gender: resident?.gender ?? input.gender ?? null,
          birthDate: resident?.birthDate ?? input.birthDate ?? null,
          ...phoneColumns(input.phone),
          partnerUnitId: input.partnerUnitId ?? null,
          origin: input.partnerUnitId ? ('partner_unit' as const) : isPartyMember ? ('party_member' as const) : ('resident' as const),
          skills: input.skills,
          availability: input.availability,
          areas: input.areas,
          note: input.note ?? null,
          status: 'pending' as const,
        };
        const existing = await repo.findDuplicate(tx, community.id, { accountId, residentId: values.residentId });
        let id: string;
        if (existing && existing.status !== 'rejected') throw new AppError('volunteer_already_registered');
        if (existing) {
          const { communityId: _c, ...changes } = values;
          id = (await updateVersioned(tx, volunteer, { id: existing.id, version: existing.version, values: { ...changes, reviewedAt: null, reviewedBy: null, reviewNote: null } })).id;
        } else {
          id = (await repo.insert(tx, values)).id;
        }
        await audit.record(tx, actor, { action: existing ? 'volunteer.reapply' : 'volunteer.self_register', entity: 'volunteer', entityId: id, communityId: community.id, changes: diffForAudit(null, { name: maskName(values.name), phone: maskPhone(input.phone), origin: values.origin, status: 'pending' }) });
        return views.volunteer((await repo.findOwn(tx, actor, id)) ?? (await repo.ofAccount(tx, accountId)).find((x) => x.v.id === id)!);
      });
    },

    /** The caller's registrations with hours, stars and the distance to the next star. */
    async mine(actor: Actor): Promise<z.infer<typeof MyVolunteerView>> {
      const own = actor.accountId ? await repo.ofAccount(db, actor.accountId) : [];
      const communities = await repo.registrableCommunities(db, actor);
      return {
        registrations: own.map((r) => ({ ...views.volunteer(r), hoursToNextLevel: hoursToNextLevel(r.minutes, kit.config.starHours), starThresholds: [...kit.config.starHours] })),
        communities,
      };
    },

    async update(actor: Actor, id: string, input: { version: number; skills?: string[]; availability?: string[]; areas?: string[]; note?: string | null; phone?: string; partnerUnitId?: string | null }): Promise<VolunteerView> {
      return db.transaction(async (tx) => {
        const before = (await repo.findInScope(tx, actor, 'volunteer.manage', id)) ?? (await repo.findOwn(tx, actor, id));
        if (!before) throw new AppError('not_found');
        await checkPartnerUnit(tx, before.v.communityId, input.partnerUnitId);
        const { version, phone, ...rest } = input;
        const values = { ...rest, ...phoneColumns(phone) };
        const after = await updateVersioned(tx, volunteer, { id, version, values });
        await audit.record(tx, actor, { action: 'volunteer.update', entity: 'volunteer', entityId: id, communityId: after.communityId, changes: diffForAudit<VolunteerRowRaw>(before.v, after, { fields: ['skills', 'availability', 'areas', 'note', 'partnerUnitId', 'phoneEnc'], personal }) });
        return view(tx, actor, id);
      });
    },

    async review(actor: Actor, id: string, input: { version: number; action: ReviewAction; note?: string | null }): Promise<VolunteerView> {
      return db.transaction(async (tx) => {
        const before = await repo.findInScope(tx, actor, 'volunteer.manage', id);
        if (!before) throw new AppError('not_found');
        const step = reviewTransitions.find(([from, action]) => from === before.v.status && action === input.action);
        if (!step) throw new AppError('invalid_transition', { from: before.v.status, action: input.action });
        const after = await updateVersioned(tx, volunteer, {
          id,
          version: input.version,
          values: { status: step[2], reviewedAt: new Date(), reviewedBy: actor.accountId, reviewNote: input.note ?? null },
          scope: scopeWhere(actor, 'volunteer.manage', { community: volunteer.communityId }),
        });
        if (step[2] === 'approved') await grantRole(tx, actor, after);
        if (step[2] === 'suspended') await revokeRole(tx, actor, after);
        await audit.record(tx, actor, { action: `volunteer.${input.action}`, entity: 'volunteer', entityId: id, communityId: after.communityId, changes: diffForAudit(before.v, after, { fields: ['status', 'reviewNote'] }) });
        if (after.accountId) {
          await kit.notice(tx, after.accountId, 'reviewed', { action: input.action, community: before.communityName }, { communityId: after.communityId, link: '/m/volunteers', entity: 'volunteer', entityId: id });
        }
        return view(tx, actor, id);
      });
    },

    /** Whether the caller may read this volunteer's record (staff in scope, or themself). */
    async assertReadable(actor: Actor, id: string): Promise<void> {
      if (!can(actor, volunteerRecordAccess)) throw new AppError('forbidden');
      await view(db, actor, id);
    },
  };
}

export type RegisterService = ReturnType<typeof createRegisterService>;
