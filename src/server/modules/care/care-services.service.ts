/**
 * Care services (生活照料 / 精神慰藉 / 健康维护) recorded by staff, social workers and volunteers.
 * Each one counts once as a service visit (服务人次) in the same transaction. A follow-up of a
 * restricted condition is itself restricted: only the care officer sees the row.
 */
import { z } from 'zod';
import type { AppContext } from '../../context';
import type { Actor } from '../../platform/auth/actor';
import { diffForAudit } from '../../platform/audit';
import { maskName } from '../../platform/crypto';
import { AppError } from '../../platform/errors';
import { decodeCursor, pageFrom } from '../../platform/pagination';
import { careServiceKinds } from './care.model';
import { assertUploads, type CareDeps } from './care.deps';
import { careServicesRepository as repo } from './care-services.repository';
import type { CareServiceView, RecordCareServiceBody } from './care-services.schemas';

const staffRoles = new Set(['care_officer', 'community_secretary', 'community_staff', 'grid_worker']);

/** How the provider is counted: staff if any staff role lets them record, else social worker, else volunteer. */
function providerRole(actor: Actor): 'staff' | 'social_worker' | 'volunteer' {
  const roles = actor.grants.filter((g) => g.permissions.has('care_service.record')).map((g) => g.role);
  if (roles.some((r) => staffRoles.has(r))) return 'staff';
  if (roles.includes('social_worker')) return 'social_worker';
  return 'volunteer';
}

export function createCareServicesService(ctx: AppContext, deps: CareDeps) {
  const { db, audit } = ctx;

  return {
    async record(actor: Actor, input: RecordCareServiceBody): Promise<{ id: string }> {
      const occurredAt = new Date(input.occurredAt);
      if (occurredAt.getTime() > Date.now() + 5 * 60_000) throw new AppError('validation_failed', [{ field: 'body.occurredAt', code: 'time_in_future', message: 'time_in_future' }]);
      return db.transaction(async (tx) => {
        const resident = await repo.residentInScope(tx, actor, input.residentId);
        if (!resident) throw new AppError('not_found');
        let restricted = false;
        if (input.conditionId) {
          // A restricted condition the caller may not see is as absent as one that does not exist.
          const condition = await repo.conditionOf(tx, actor, input.conditionId, resident.id);
          if (!condition) throw new AppError('not_found');
          restricted = condition.restricted;
        }
        await assertUploads(deps, tx, actor, input.photoIds, resident.community_id);
        const row = await repo.insert(tx, {
          communityId: resident.community_id,
          gridId: resident.grid_id,
          householdId: resident.household_id,
          residentId: resident.id,
          kind: input.kind,
          occurredAt,
          durationMinutes: input.durationMinutes ?? null,
          content: input.content,
          restricted,
          conditionId: input.conditionId ?? null,
          photoIds: input.photoIds,
          providerId: actor.accountId,
          providerName: actor.displayName,
          providerRole: providerRole(actor),
        });
        await deps.serviceVisits.record(tx, { communityId: row.communityId, centerId: resident.center_id, residentId: row.residentId, source: 'care_service', sourceId: row.id, occurredAt });
        await audit.record(tx, actor, { action: 'care_service.record', entity: 'care_service', entityId: row.id, communityId: row.communityId, changes: diffForAudit(null, { kind: row.kind, restricted }) });
        return { id: row.id };
      });
    },

    async list(actor: Actor, q: { kind?: string; month?: string; residentId?: string; cursor?: string; limit: number }) {
      const before = decodeCursor(q.cursor, z.tuple([z.string()]));
      const found = await repo.list(db, actor, { ...q, before: before?.[0] });
      return pageFrom(found, q.limit, (r) => [r.s.id], (r): CareServiceView => ({
        id: r.s.id,
        residentId: r.s.residentId,
        residentName: r.residentName,
        address: r.address,
        kind: r.s.kind,
        occurredAt: r.s.occurredAt,
        durationMinutes: r.s.durationMinutes,
        content: r.s.content,
        providerName: r.s.providerName,
        providerRole: r.s.providerRole,
        photoIds: r.s.photoIds,
      }));
    },

    async monthly(actor: Actor, q: { from: string; to: string; orgId?: string }) {
      if (q.to < q.from) throw new AppError('validation_failed', [{ field: 'querystring.to', code: 'time_range', message: 'time_range' }]);
      const found = await repo.monthly(db, actor, q);
      const months = new Map<string, { month: string; daily_care: number; emotional_support: number; health_care: number; people: number }>();
      for (const r of found) {
        const m = months.get(r.month) ?? { month: r.month, daily_care: 0, emotional_support: 0, health_care: 0, people: 0 };
        if (r.kind === null) m.people = r.people;
        else if ((careServiceKinds as readonly string[]).includes(r.kind)) m[r.kind as (typeof careServiceKinds)[number]] = r.count;
        months.set(r.month, m);
      }
      const list = [...months.values()];
      return { months: list, total: list.reduce((n, m) => n + m.daily_care + m.emotional_support + m.health_care, 0) };
    },

    async recipients(actor: Actor, text: string) {
      const found = await repo.recipients(db, actor, text);
      return found.map((r) => ({ residentId: r.id, maskedName: maskName(r.name)!, address: r.address ?? '', tags: r.tags }));
    },
  };
}

export type CareServicesService = ReturnType<typeof createCareServicesService>;
