/**
 * Home visits (入户走访). Grid workers record visits from their phones (photos through the uploads
 * module). Visit rules per tag — by default 独居老人 weekly; 空巢老人, 留守儿童 and 残疾人 monthly —
 * make a due list for whoever is on duty for the grid today: the primary, or the backup while the
 * primary is on leave (AB岗). A daily job sends each duty worker a reminder.
 */
import { z } from 'zod';
import type { AppContext } from '../../context';
import type { Actor } from '../../platform/auth/actor';
import { diffForAudit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import type { JobDefinition } from '../../platform/jobs';
import { decodeCursor, pageFrom } from '../../platform/pagination';
import { pathInScope } from '../../platform/scope';
import type { NotificationsService } from '../notifications/notifications.service';
import type { OrgsService } from '../orgs/orgs.service';
import type { UploadsService } from '../uploads/uploads.service';
import { gridsRepository } from './grids.repository';
import { ageOn, todayIn } from './places.checks';
import { dutyWorkerForGrid } from './places.duty';
import { placesMessages } from './places.messages';
import { residentTags } from './residents.schemas';
import { residentsRepository } from './residents.repository';
import { defaultVisitRules, visitsRepository as repo, type DueRow, type VisitFilter } from './visits.repository';
import type { CreateVisitBody, DueVisitView, VisitView } from './visits.schemas';

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

export function createVisitsService(ctx: AppContext, deps: { orgs: OrgsService; notifications: NotificationsService; uploads: UploadsService }) {
  const { db, audit } = ctx;

  function toDue(r: DueRow, standIn: boolean, today: string): DueVisitView {
    const dueOn = r.lastVisitAt ? addDays(todayIn(r.timezone, new Date(r.lastVisitAt)), r.intervalDays) : today;
    return {
      residentId: r.residentId,
      name: r.name,
      age: r.birthDate ? ageOn(r.birthDate, today) : null,
      tags: r.tags,
      householdId: r.householdId,
      address: r.address,
      gridId: r.gridId,
      gridName: r.gridName,
      intervalDays: r.intervalDays,
      lastVisitAt: r.lastVisitAt ? new Date(r.lastVisitAt) : null,
      dueOn,
      overdueDays: Math.max(0, daysBetween(dueOn, today)),
      standIn,
    };
  }

  /** The grids an account is on duty for right now (AB岗 resolution in places.duty.ts). */
  async function dutyGrids(accountId: string): Promise<Map<string, boolean>> {
    const out = new Map<string, boolean>();
    for (const { gridId } of await repo.dutyGridCandidates(db, accountId)) {
      const worker = await dutyWorkerForGrid(db, gridId);
      if (worker?.accountId === accountId) out.set(gridId, worker.standIn);
    }
    return out;
  }

  async function dueIn(grids: Map<string, boolean>, days: number): Promise<DueVisitView[]> {
    const today = todayIn();
    const list = (await repo.dueCandidates(db, [...grids.keys()])).map((r) => toDue(r, grids.get(r.gridId) ?? false, today));
    return list.filter((d) => d.dueOn <= addDays(today, days)).sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.address.localeCompare(b.address));
  }

  return {
    async create(actor: Actor, input: CreateVisitBody): Promise<VisitView> {
      const visitedAt = input.visitedAt ? new Date(input.visitedAt) : new Date();
      if (visitedAt.getTime() > Date.now() + 5 * 60_000) throw new AppError('validation_failed', [{ field: 'body.visitedAt', code: 'visit_in_future', message: 'visit_in_future' }]);
      const id = await db.transaction(async (tx) => {
        const h = await residentsRepository.findHousehold(tx, actor, 'visit.create', input.householdId);
        if (!h) throw new AppError('not_found');
        if (input.residentId) {
          const r = await residentsRepository.find(tx, actor, 'visit.create', input.residentId);
          if (!r || r.resident.householdId !== h.household.id) throw new AppError('validation_failed', [{ field: 'body.residentId', code: 'not_a_member', message: 'not_a_member' }]);
        }
        if (input.photoIds.length) await deps.uploads.assertUsable(tx, actor, input.photoIds, h.household.communityId);
        const row = await repo.insert(tx, {
          communityId: h.household.communityId,
          gridId: h.household.gridId,
          householdId: h.household.id,
          residentId: input.residentId ?? null,
          visitorId: actor.accountId!,
          kind: input.kind,
          visitedAt,
          findings: input.findings,
          followUpNeeded: input.followUpNeeded,
          photoIds: [...new Set(input.photoIds)],
        });
        // Findings can hold health details: the audit keeps what happened, not what was said.
        await audit.record(tx, actor, { action: 'visit.create', entity: 'visit', entityId: row.id, communityId: row.communityId, changes: diffForAudit(null, { householdId: row.householdId, kind: row.kind, followUpNeeded: row.followUpNeeded, photos: row.photoIds.length }) });
        return row.id;
      });
      return this.get(actor, id);
    },

    async get(actor: Actor, id: string): Promise<VisitView> {
      const [found] = await repo.list(db, actor, ['visit.read', 'visit.create'], { id }, { limit: 1 });
      if (!found) throw new AppError('not_found');
      return toView(found);
    },

    async list(actor: Actor, q: VisitFilter & { cursor?: string; limit: number }) {
      const before = decodeCursor(q.cursor, z.tuple([z.string(), z.string()]));
      const list = await repo.list(db, actor, 'visit.read', q, { before: before ?? undefined, limit: q.limit });
      return pageFrom(list, q.limit, (r) => [r.visit.visitedAt.toISOString(), r.visit.id], toView);
    },

    async due(actor: Actor, q: { gridId?: string; days: number }): Promise<DueVisitView[]> {
      if (!q.gridId) return dueIn(await dutyGrids(actor.accountId!), q.days);
      const g = await gridsRepository.findGrid(db, actor, 'visit.read', q.gridId);
      if (!g) throw new AppError('not_found');
      const leaves = (await gridsRepository.listGrids(db, actor, 'visit.read', { communityId: g.communityId })).filter((x) => x.path.startsWith(g.path));
      return dueIn(new Map(leaves.map((x) => [x.id, false])), q.days);
    },

    async rules(actor: Actor, communityId: string) {
      const community = await deps.orgs.findById(communityId);
      if (!community || community.kind !== 'community' || !pathInScope(actor, ['visit.read', 'visit_rule.manage'], community.path)) throw new AppError('not_found');
      const own = await repo.rules(db, communityId);
      return residentTags
        .map((tag) => {
          const r = own.find((x) => x.tag === tag);
          const fallback = defaultVisitRules[tag];
          return r ? { tag, intervalDays: r.intervalDays, isDefault: false, version: r.version } : fallback ? { tag, intervalDays: fallback, isDefault: true, version: null } : null;
        })
        .filter((r): r is NonNullable<typeof r> => !!r);
    },

    async setRule(actor: Actor, tag: string, input: { communityId: string; intervalDays: number | null }) {
      const community = await deps.orgs.findById(input.communityId);
      if (!community || community.kind !== 'community' || !pathInScope(actor, 'visit_rule.manage', community.path)) throw new AppError('not_found');
      await db.transaction(async (tx) => {
        await repo.setRule(tx, input.communityId, tag, input.intervalDays);
        await audit.record(tx, actor, { action: 'visit_rule.set', entity: 'visit_rule', entityId: tag, communityId: input.communityId, changes: { tag, intervalDays: { after: input.intervalDays } } });
      });
      return this.rules(actor, input.communityId);
    },

    /** Daily: each grid's duty worker today hears how many of their residents are due. */
    jobs(): JobDefinition[] {
      return [
        {
          name: 'places.visit-reminders',
          cron: '0 8 * * *',
          handler: async () => {
            const today = todayIn();
            for (const { gridId } of await repo.gridsWithTaggedResidents(db)) {
              const worker = await dutyWorkerForGrid(db, gridId);
              if (!worker) continue;
              const due = (await repo.dueCandidates(db, [gridId])).map((r) => toDue(r, worker.standIn, today)).filter((d) => d.dueOn <= today);
              if (!due.length) continue;
              await db.transaction((tx) =>
                deps.notifications.notify(tx, { accountIds: [worker.accountId], kind: 'places.visit_due', title: placesMessages.visitDueTitle, body: placesMessages.visitDueBody(due.length), link: '/m/visits', entity: 'grid', entityId: gridId }),
              );
            }
          },
        },
      ];
    },
  };
}

function toView(r: { visit: { id: string; communityId: string; gridId: string | null; householdId: string; residentId: string | null; visitorId: string; kind: VisitView['kind']; visitedAt: Date; findings: string; followUpNeeded: boolean; photoIds: string[]; createdAt: Date }; address: string; residentName: string | null; visitorName: string }): VisitView {
  return { ...r.visit, address: r.address, residentName: r.residentName, visitorName: r.visitorName };
}

export type VisitsService = ReturnType<typeof createVisitsService>;
