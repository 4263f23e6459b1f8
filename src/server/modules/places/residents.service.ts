/**
 * Residents (居民): one identity per person, in one household at a time (moves close the old
 * membership and open a new one, so history is kept). ID numbers and phones are validated,
 * encrypted, blind-indexed and masked; birth date and gender come from the ID number.
 */
import { z } from 'zod';
import type { AppContext } from '../../context';
import type { Actor } from '../../platform/auth/actor';
import { diffForAudit } from '../../platform/audit';
import { newId } from '../../platform/db/columns';
import type { Queryable } from '../../platform/db/client';
import { updateVersioned } from '../../platform/db/versioned';
import { AppError, type FieldIssue } from '../../platform/errors';
import { decodeCursor, pageFrom } from '../../platform/pagination';
import { checkIdNumber, normalizePhone, phoneIndexValue, todayIn } from './places.checks';
import { namePinyin } from './places.pinyin';
import { resident } from './places.tables';
import { residentScope, residentsRepository as repo, type ResidentFilter, type SearchTerm } from './residents.repository';
import type { CreateResidentBody, ResidentListQuery, ResidentView, UpdateResidentBody } from './residents.schemas';
import { auditMasks, toListItem } from './residents.views';

const auditFields = ['name', 'gender', 'birthDate', 'idNumber', 'phone', 'ethnicity', 'politicalStatus', 'residency', 'tags', 'notes', 'status', 'relationToHead'] as const;

/** "YYYY-MM-DD" minus whole years (29 Feb → 28 Feb). */
export function yearsBefore(day: string, years: number): string {
  const [y, m, d] = day.split('-') as [string, string, string];
  const md = m === '02' && d === '29' ? '02-28' : `${m}-${d}`;
  return `${String(Number(y) - years).padStart(4, '0')}-${md}`;
}

/** Personal columns for an ID number and a phone: ciphertext, blind index, last four. */
export function personalColumns(crypto: AppContext['crypto'], idNumber: string | null | undefined, phone: string | null | undefined) {
  const out: Partial<typeof resident.$inferInsert> = {};
  if (idNumber !== undefined) {
    out.idNumberEnc = idNumber ? crypto.encrypt(idNumber) : null;
    out.idNumberIdx = idNumber ? crypto.blindIndex('id_number', idNumber) : null;
    out.idNumberLast4 = idNumber ? idNumber.slice(-4) : null;
  }
  if (phone !== undefined) {
    out.phoneEnc = phone ? crypto.encrypt(phone) : null;
    out.phoneIdx = phone ? crypto.blindIndex('phone', phoneIndexValue(phone)) : null;
    out.phoneLast4 = phone ? phone.slice(-4) : null;
  }
  return out;
}

/** Birth date and gender: from the ID number when there is one (and any given value must agree). */
export function deriveIdentity(input: { idNumber?: string | null; gender?: 'male' | 'female'; birthDate?: string }, prefix = 'body'): { gender?: 'male' | 'female'; birthDate?: string; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  if (!input.idNumber) return { gender: input.gender, birthDate: input.birthDate, issues };
  const r = checkIdNumber(input.idNumber);
  if (!r.ok) return { issues: [{ field: `${prefix}.idNumber`, code: r.problem, message: r.problem }] };
  if (input.gender && input.gender !== r.facts.gender) issues.push({ field: `${prefix}.gender`, code: 'gender_mismatch', message: 'gender_mismatch' });
  if (input.birthDate && input.birthDate !== r.facts.birthDate) issues.push({ field: `${prefix}.birthDate`, code: 'birth_date_mismatch', message: 'birth_date_mismatch' });
  return { gender: r.facts.gender, birthDate: r.facts.birthDate, issues };
}

export function createResidentsService(ctx: AppContext) {
  const { db, audit, crypto } = ctx;

  /** What the search box holds: an ID number, a phone, pinyin or initials, an address, or a name. */
  function classify(q: string): SearchTerm {
    const compact = q.replace(/\s+/g, '');
    if (/^\d{17}[\dXx]$/.test(compact)) return { kind: 'idNumber', idx: crypto.blindIndex('id_number', compact.toUpperCase()) };
    const phone = /^[\d+\-()]{7,}$/.test(compact) ? normalizePhone(compact) : null;
    if (phone) return { kind: 'phone', idx: crypto.blindIndex('phone', phoneIndexValue(phone)) };
    if (/^[a-zA-Z]+$/.test(compact)) return { kind: 'pinyin', value: compact.toLowerCase() };
    if (/[\d号楼栋幢单元室\-]/.test(q)) return { kind: 'address', parts: q.trim().split(/\s+/) };
    return { kind: 'name', value: compact };
  }

  function filterOf(q: Omit<ResidentListQuery, 'cursor' | 'limit'>): ResidentFilter {
    const today = todayIn();
    return {
      term: q.q ? classify(q.q) : undefined,
      communityId: q.communityId,
      gridId: q.gridId,
      buildingId: q.buildingId,
      householdId: q.householdId,
      tags: q.tags,
      bornOnOrBefore: q.ageMin !== undefined ? yearsBefore(today, q.ageMin) : undefined,
      bornAfter: q.ageMax !== undefined ? yearsBefore(today, q.ageMax + 1) : undefined,
      residency: q.residency,
      status: q.status ?? 'active',
    };
  }

  async function view(q: Queryable, actor: Actor, id: string, permission = 'resident.read'): Promise<ResidentView> {
    const found = await repo.find(q, actor, permission, id);
    if (!found) throw new AppError('not_found');
    const r = found.resident;
    const history = await repo.history(q, id);
    return {
      ...toListItem(crypto, { ...r, address: found.address }, todayIn()),
      ethnicity: r.ethnicity,
      politicalStatus: r.politicalStatus,
      notes: r.notes,
      hasAccount: await repo.hasAccount(q, id),
      history,
      version: r.version,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    };
  }

  /** Makes `residentId` the head of its household, refusing a second head. */
  async function claimHead(tx: Queryable, actor: Actor, householdId: string, residentId: string) {
    const h = await repo.findHousehold(tx, actor, 'resident.manage', householdId);
    if (h?.household.headResidentId && h.household.headResidentId !== residentId) {
      const head = await repo.find(tx, actor, 'resident.manage', h.household.headResidentId);
      if (head && head.resident.status === 'active' && head.resident.householdId === householdId) {
        throw new AppError('validation_failed', [{ field: 'body.relationToHead', code: 'household_has_head', message: 'household_has_head' }]);
      }
    }
    await repo.setHead(tx, householdId, residentId);
  }

  return {
    classify,
    filterOf,

    async list(actor: Actor, q: ResidentListQuery) {
      const after = decodeCursor(q.cursor, z.tuple([z.string()]));
      const list = await repo.list(db, actor, 'resident.read', filterOf(q), { after: after?.[0], limit: q.limit });
      const today = todayIn();
      return pageFrom(list, q.limit, (r) => [r.id], (r) => toListItem(crypto, r, today));
    },

    get: (actor: Actor, id: string) => view(db, actor, id),

    async create(actor: Actor, input: CreateResidentBody): Promise<ResidentView> {
      const identity = deriveIdentity(input);
      if (identity.issues.length) throw new AppError('validation_failed', identity.issues);
      const id = newId();
      await db.transaction(async (tx) => {
        const h = await repo.findHousehold(tx, actor, 'resident.manage', input.householdId);
        if (!h) throw new AppError('not_found');
        const personal = personalColumns(crypto, input.idNumber ?? null, input.phone ?? null);
        if (personal.idNumberIdx && (await repo.existingIdNumbers(tx, h.household.communityId, [personal.idNumberIdx])).size) {
          throw new AppError('already_exists', [{ field: 'body.idNumber', code: 'id_number_taken', message: 'id_number_taken' }]);
        }
        const py = namePinyin(input.name);
        await repo.insert(tx, [
          {
            id,
            communityId: h.household.communityId,
            gridId: h.household.gridId,
            householdId: h.household.id,
            buildingId: h.household.buildingId,
            relationToHead: input.relationToHead,
            name: input.name,
            namePinyin: py.full,
            nameInitials: py.initials,
            gender: identity.gender!,
            birthDate: identity.birthDate!,
            ...personal,
            ethnicity: input.ethnicity ?? null,
            politicalStatus: input.politicalStatus ?? null,
            residency: input.residency ?? h.household.residency,
            tags: input.tags ?? [],
            notes: input.notes ?? null,
          },
        ]);
        await repo.insertMemberships(tx, [{ communityId: h.household.communityId, householdId: h.household.id, residentId: id, relationToHead: input.relationToHead }]);
        if (input.relationToHead === 'head') await claimHead(tx, actor, h.household.id, id);
        await audit.record(tx, actor, {
          action: 'resident.create',
          entity: 'resident',
          entityId: id,
          communityId: h.household.communityId,
          changes: diffForAudit<Record<string, unknown>>(null, { ...input, gender: identity.gender, birthDate: identity.birthDate }, { fields: auditFields, personal: auditMasks }),
        });
      });
      return view(db, actor, id);
    },

    async update(actor: Actor, id: string, input: UpdateResidentBody): Promise<ResidentView> {
      await db.transaction(async (tx) => {
        const found = await repo.find(tx, actor, 'resident.manage', id);
        if (!found) throw new AppError('not_found');
        const before = found.resident;
        const { version, idNumber, phone, ...rest } = input;
        const identity = deriveIdentity({ idNumber: idNumber === undefined ? undefined : idNumber, gender: rest.gender, birthDate: rest.birthDate });
        if (identity.issues.length) throw new AppError('validation_failed', identity.issues);
        const values: Partial<typeof resident.$inferInsert> = { ...rest, ...personalColumns(crypto, idNumber, phone) };
        if (idNumber) Object.assign(values, { gender: identity.gender, birthDate: identity.birthDate });
        if (rest.name) Object.assign(values, { namePinyin: namePinyin(rest.name).full, nameInitials: namePinyin(rest.name).initials });
        if (values.idNumberIdx && values.idNumberIdx !== before.idNumberIdx && (await repo.existingIdNumbers(tx, before.communityId, [values.idNumberIdx])).size) {
          throw new AppError('already_exists', [{ field: 'body.idNumber', code: 'id_number_taken', message: 'id_number_taken' }]);
        }
        const after = await updateVersioned(tx, resident, { id, version, values, scope: residentScope(actor, 'resident.manage') });
        if (rest.relationToHead && rest.relationToHead !== before.relationToHead) await repo.setMembershipRelation(tx, id, rest.relationToHead);
        if (after.householdId && rest.relationToHead === 'head') await claimHead(tx, actor, after.householdId, id);
        if (after.householdId && before.relationToHead === 'head' && rest.relationToHead && rest.relationToHead !== 'head') await repo.setHead(tx, after.householdId, null);
        if (before.status === 'active' && after.status !== 'active') {
          await repo.closeMembership(tx, id, new Date());
          if (after.householdId) await repo.clearHeadIf(tx, after.householdId, id);
        }
        const open = (sealed: string | null) => (sealed ? crypto.decrypt(sealed) : null);
        const plainBefore = { ...before, idNumber: open(before.idNumberEnc), phone: open(before.phoneEnc) };
        const plainAfter = { ...after, idNumber: idNumber === undefined ? plainBefore.idNumber : idNumber, phone: phone === undefined ? plainBefore.phone : phone };
        await audit.record(tx, actor, {
          action: 'resident.update',
          entity: 'resident',
          entityId: id,
          communityId: after.communityId,
          changes: diffForAudit<Record<string, unknown>>(plainBefore, plainAfter, { fields: auditFields, personal: auditMasks }),
        });
      });
      return view(db, actor, id);
    },

    async move(actor: Actor, id: string, input: { version: number; householdId: string; relationToHead: string }): Promise<ResidentView> {
      await db.transaction(async (tx) => {
        const found = await repo.find(tx, actor, 'resident.manage', id);
        if (!found) throw new AppError('not_found');
        const target = await repo.findHousehold(tx, actor, 'resident.manage', input.householdId);
        if (!target) throw new AppError('not_found');
        const before = found.resident;
        if (before.householdId === target.household.id) throw new AppError('validation_failed', [{ field: 'body.householdId', code: 'same_household', message: 'same_household' }]);
        const t = target.household;
        if (t.communityId !== before.communityId && before.idNumberIdx && (await repo.existingIdNumbers(tx, t.communityId, [before.idNumberIdx])).size) {
          throw new AppError('already_exists', [{ field: 'body.householdId', code: 'id_number_taken', message: 'id_number_taken' }]);
        }
        await updateVersioned(tx, resident, {
          id,
          version: input.version,
          values: { householdId: t.id, buildingId: t.buildingId, gridId: t.gridId, communityId: t.communityId, relationToHead: input.relationToHead, status: 'active' },
          scope: residentScope(actor, 'resident.manage'),
        });
        await repo.closeMembership(tx, id, new Date());
        if (before.householdId) await repo.clearHeadIf(tx, before.householdId, id);
        await repo.insertMemberships(tx, [{ communityId: t.communityId, householdId: t.id, residentId: id, relationToHead: input.relationToHead }]);
        if (input.relationToHead === 'head') await claimHead(tx, actor, t.id, id);
        await audit.record(tx, actor, {
          action: 'resident.move',
          entity: 'resident',
          entityId: id,
          communityId: t.communityId,
          changes: { householdId: { before: before.householdId, after: t.id }, communityId: { before: before.communityId, after: t.communityId } },
        });
      });
      return view(db, actor, id);
    },
  };
}

export type ResidentsService = ReturnType<typeof createResidentsService>;
