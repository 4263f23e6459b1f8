/**
 * 一户一档: one care file per household, the page that tells a caseworker everything — members
 * and their conditions, income, housing, needs, assistance, and what was done for them. Each
 * change leaves a version (snapshot + diff) and an audit row. Restricted conditions are decrypted
 * only for the community's care officer, and each such read is audited.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../../context';
import type { Actor } from '../../platform/auth/actor';
import { diffForAudit } from '../../platform/audit';
import { maskPhone } from '../../platform/crypto';
import { rows, type Queryable, type Tx } from '../../platform/db/client';
import { updateVersioned } from '../../platform/db/versioned';
import { AppError } from '../../platform/errors';
import { decodeCursor, pageFrom } from '../../platform/pagination';
import { scopeWhere } from '../../platform/scope';
import { careCategories, isRestrictedKind } from './care.model';
import { careCondition, careFile } from './care.tables';
import { careFilesRepository as repo, type CareFileRow, type ConditionRow } from './care-files.repository';
import type { CareFileListItem, CareFileListQuery, CareFileView, ConditionView, UpdateCareFileBody } from './care-files.schemas';

const snapshotFields = ['status', 'categories', 'monthlyIncomeFen', 'incomeNotes', 'housingKind', 'housingAreaM2', 'housingNotes', 'needs', 'needsNotes', 'summary', 'closeReason'] as const;
const snapshotOf = (f: CareFileRow) => Object.fromEntries(snapshotFields.map((k) => [k, f[k]]));

/** Keyed hash of a condition kind: restricted rows are found by it without a clear kind. */
export const conditionKindIndex = (crypto: AppContext['crypto'], kind: string) => crypto.blindIndex('care_condition_kind', kind);

export function createCareFilesService(ctx: AppContext) {
  const { db, audit, crypto } = ctx;

  function decryptCondition(row: ConditionRow): ConditionView {
    const sealed = JSON.parse(crypto.decrypt(row.detailEnc)) as { kind: string; detail: string | null };
    return { id: row.id, residentId: row.residentId, kind: sealed.kind, detail: sealed.detail, since: row.since, status: row.status, version: row.version };
  }

  async function mayTouchRestricted(q: Queryable, actor: Actor, communityId: string): Promise<boolean> {
    const [row] = await rows<{ ok: boolean }>(q, sql`SELECT ${scopeWhere(actor, 'care_condition.restricted', { community: sql`${communityId}::uuid` })} AS ok`);
    return row?.ok === true;
  }

  async function buildView(tx: Tx, actor: Actor, found: NonNullable<Awaited<ReturnType<typeof repo.findInScope>>>): Promise<CareFileView> {
    const f = found.file;
    const [members, conditionRows, assistance, timeline] = [
      await repo.members(tx, f.householdId),
      await repo.conditions(tx, actor, f.id),
      await repo.assistanceOf(tx, f.householdId),
      await repo.timeline(tx, actor, f),
    ];
    const conditions = conditionRows.map(decryptCondition);
    const restrictedRead = conditionRows.filter((c) => c.restricted).length;
    if (restrictedRead > 0) {
      await audit.record(tx, actor, { action: 'care_condition.read_restricted', entity: 'care_file', entityId: f.id, communityId: f.communityId, changes: { conditions: restrictedRead } });
    }
    const active = members.filter((m) => m.status === 'active').length;
    return {
      id: f.id,
      communityId: f.communityId,
      householdId: f.householdId,
      address: found.address,
      gridId: f.gridId,
      gridName: found.gridName,
      status: f.status,
      categories: f.categories,
      monthlyIncomeFen: f.monthlyIncomeFen,
      incomeNotes: f.incomeNotes,
      perCapitaIncomeFen: f.monthlyIncomeFen !== null && active > 0 ? Math.round(f.monthlyIncomeFen / active) : null,
      housingKind: f.housingKind,
      housingAreaM2: f.housingAreaM2,
      housingNotes: f.housingNotes,
      needs: f.needs,
      needsNotes: f.needsNotes,
      summary: f.summary,
      closeReason: f.closeReason,
      members: members.map((m) => ({
        residentId: m.id,
        name: m.name,
        gender: m.gender,
        age: m.age,
        relationToHead: m.relation_to_head,
        phone: m.phone_enc ? maskPhone(crypto.decrypt(m.phone_enc)) : null,
        tags: m.tags,
        status: m.status,
        conditions: conditions.filter((c) => c.residentId === m.id),
      })),
      assistance: assistance.map((a) => ({ id: a.id, kind: a.kind, status: a.status, applicantName: a.applicant_name, amountFen: a.amount_fen, startMonth: a.start_month, reviewDueOn: a.review_due_on, updatedAt: new Date(a.updated_at) })),
      timeline: timeline.map((t) => ({ at: new Date(t.at), kind: t.kind as CareFileView['timeline'][number]['kind'], label: t.label, detail: t.detail, by: t.by, amountFen: t.amount_fen, refId: t.ref_id })),
      createdAt: f.createdAt,
      updatedAt: f.updatedAt,
      version: f.version,
    };
  }

  async function fileForWrite(tx: Queryable, actor: Actor, id: string) {
    const found = await repo.findInScope(tx, actor, 'care_file.manage', id);
    if (!found) throw new AppError('not_found');
    return found;
  }

  return {
    async list(actor: Actor, q: CareFileListQuery) {
      const before = decodeCursor(q.cursor, z.tuple([z.string()]));
      const found = await repo.list(db, actor, {
        q: q.q,
        gridId: q.gridId,
        category: q.category,
        status: q.status,
        conditionIdx: q.condition ? conditionKindIndex(crypto, q.condition) : undefined,
        before: before?.[0],
        limit: q.limit,
      });
      return pageFrom(found, q.limit, (r) => [r.file.id], (r): CareFileListItem => ({
        id: r.file.id,
        householdId: r.file.householdId,
        address: r.address,
        gridId: r.file.gridId,
        gridName: r.gridName,
        headName: r.headName,
        memberCount: r.memberCount,
        categories: r.file.categories,
        status: r.file.status,
        updatedAt: r.file.updatedAt,
      }));
    },

    async suggestions(actor: Actor, limit: number) {
      const found = await repo.suggestions(db, actor, limit);
      return found.map((s) => ({ householdId: s.household_id, address: s.address, gridName: s.grid_name, headName: s.head_name, memberCount: s.member_count, matchedTags: s.matched_tags }));
    },

    async open(actor: Actor, input: { householdId: string; categories?: string[]; summary?: string }): Promise<{ id: string }> {
      return db.transaction(async (tx) => {
        const household = await repo.householdInScope(tx, actor, 'care_file.manage', input.householdId);
        if (!household) throw new AppError('not_found');
        if (await repo.byHousehold(tx, household.community_id, household.id)) throw new AppError('already_exists', [{ field: 'body.householdId', code: 'care_file_exists' }]);
        const tags = await repo.memberTags(tx, household.id);
        const categories = input.categories ?? careCategories.filter((c) => tags.includes(c));
        const row = await repo.insert(tx, { communityId: household.community_id, gridId: household.grid_id, householdId: household.id, categories, summary: input.summary ?? null, openedBy: actor.accountId });
        await repo.insertVersion(tx, { communityId: row.communityId, careFileId: row.id, version: 1, snapshot: snapshotOf(row), changes: null, changedBy: actor.accountId, changedByName: actor.displayName });
        await audit.record(tx, actor, { action: 'care_file.open', entity: 'care_file', entityId: row.id, communityId: row.communityId, changes: diffForAudit(null, { householdId: row.householdId, categories }) });
        return { id: row.id };
      });
    },

    async get(actor: Actor, id: string): Promise<CareFileView> {
      return db.transaction(async (tx) => {
        const found = await repo.findInScope(tx, actor, 'care_file.read', id);
        if (!found) throw new AppError('not_found');
        return buildView(tx, actor, found);
      });
    },

    async update(actor: Actor, id: string, input: UpdateCareFileBody): Promise<CareFileView> {
      return db.transaction(async (tx) => {
        const before = await fileForWrite(tx, actor, id);
        const { version, ...values } = input;
        const closing = values.status === 'closed' && before.file.status !== 'closed';
        const reopening = values.status === 'active' && before.file.status === 'closed';
        const after = await updateVersioned(tx, careFile, {
          id,
          version,
          values: { ...values, ...(closing ? { closedAt: new Date() } : {}), ...(reopening ? { closedAt: null, closeReason: null } : {}) },
          scope: repo.scope(actor, 'care_file.manage'),
        });
        const changes = diffForAudit(snapshotOf(before.file), snapshotOf(after));
        await repo.insertVersion(tx, { communityId: after.communityId, careFileId: id, version: after.version, snapshot: snapshotOf(after), changes, changedBy: actor.accountId, changedByName: actor.displayName });
        await audit.record(tx, actor, { action: 'care_file.update', entity: 'care_file', entityId: id, communityId: after.communityId, changes });
        return buildView(tx, actor, { ...before, file: after });
      });
    },

    async versions(actor: Actor, id: string) {
      const found = await repo.findInScope(db, actor, 'care_file.read', id);
      if (!found) throw new AppError('not_found');
      const list = await repo.versions(db, id);
      return list.map((v) => ({ version: v.version, changes: (v.changes as Record<string, unknown> | null) ?? null, changedByName: v.changedByName, changedAt: v.changedAt }));
    },

    async addCondition(actor: Actor, fileId: string, input: { residentId: string; kind: string; detail?: string; since?: string }): Promise<ConditionView> {
      return db.transaction(async (tx) => {
        const found = await fileForWrite(tx, actor, fileId);
        const restricted = isRestrictedKind(input.kind);
        if (restricted && !(await mayTouchRestricted(tx, actor, found.file.communityId))) throw new AppError('forbidden');
        if (!(await repo.residentInHousehold(tx, input.residentId, found.file.householdId))) {
          throw new AppError('validation_failed', [{ field: 'body.residentId', code: 'not_a_member' }]);
        }
        const row = await repo.insertCondition(tx, {
          communityId: found.file.communityId,
          gridId: found.file.gridId,
          careFileId: fileId,
          residentId: input.residentId,
          restricted,
          kind: restricted ? null : input.kind,
          kindIdx: conditionKindIndex(crypto, input.kind),
          detailEnc: crypto.encrypt(JSON.stringify({ kind: input.kind, detail: input.detail ?? null })),
          since: input.since ?? null,
          createdBy: actor.accountId,
        });
        // The audit row names neither a restricted kind nor any detail.
        await audit.record(tx, actor, { action: 'care_condition.add', entity: 'care_file', entityId: fileId, communityId: row.communityId, changes: { condition: { after: restricted ? 'restricted' : input.kind } } });
        return decryptCondition(row);
      });
    },

    async updateCondition(actor: Actor, fileId: string, conditionId: string, input: { version: number; detail?: string | null; since?: string | null; status?: 'active' | 'resolved' }): Promise<ConditionView> {
      return db.transaction(async (tx) => {
        await fileForWrite(tx, actor, fileId);
        const before = await repo.conditionInFile(tx, actor, fileId, conditionId);
        if (!before) throw new AppError('not_found');
        const sealed = JSON.parse(crypto.decrypt(before.detailEnc)) as { kind: string; detail: string | null };
        const values: Partial<typeof careCondition.$inferInsert> = {};
        if (input.detail !== undefined) values.detailEnc = crypto.encrypt(JSON.stringify({ kind: sealed.kind, detail: input.detail }));
        if (input.since !== undefined) values.since = input.since;
        if (input.status !== undefined) values.status = input.status;
        const after = await updateVersioned(tx, careCondition, { id: conditionId, version: input.version, values });
        await audit.record(tx, actor, {
          action: 'care_condition.update',
          entity: 'care_file',
          entityId: fileId,
          communityId: after.communityId,
          changes: { ...diffForAudit({ since: before.since, status: before.status }, { since: after.since, status: after.status }), ...(input.detail !== undefined ? { detail: { after: '***' } } : {}) },
        });
        return decryptCondition(after);
      });
    },
  };
}

export type CareFilesService = ReturnType<typeof createCareFilesService>;
