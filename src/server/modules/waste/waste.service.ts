/**
 * Waste sorting: set up drop points with bins and the buildings they serve, select supervisors
 * from volunteer applicants, record each household's sorting once a day from the supervisor's
 * phone, pay ¥0.30 (configurable) per correctly sorted household-day in a daily run, and report.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../../context';
import { can, type Actor } from '../../platform/auth/actor';
import { diffForAudit } from '../../platform/audit';
import { newId } from '../../platform/db/columns';
import { rows, type Queryable } from '../../platform/db/client';
import { orgNode } from '../../platform/db/tables/org';
import { updateVersioned } from '../../platform/db/versioned';
import { AppError } from '../../platform/errors';
import { scopeWhere } from '../../platform/scope';
import { residentOfAccount } from '../places/places.duty';
import { wasteRepository as repo, type DropPointRow } from './waste.repository';
import type { DropPointView } from './waste.schemas';
import { bin, binCodePrefix, binKinds, dropPoint, sortingRecord, wasteSupervisor } from './waste.tables';
import { wasteStats } from './waste.stats';

/** "Today" in a community's zone. */
async function today(q: Queryable, communityId: string): Promise<string> {
  const [row] = await rows<{ d: string }>(q, sql`SELECT to_char(now() AT TIME ZONE timezone, 'YYYY-MM-DD') AS d FROM org_node WHERE id = ${communityId}`);
  return row!.d;
}

export function createWasteService(ctx: AppContext) {
  const { db, audit } = ctx;
  const scope = (actor: Actor, permission: string) => scopeWhere(actor, permission, { community: dropPoint.communityId });

  async function views(q: Queryable, points: DropPointRow[]): Promise<DropPointView[]> {
    const ids = points.map((p) => p.id);
    const [bins, buildings, counts, supervisors] = [await repo.binsOf(q, ids), await repo.buildingsOf(q, ids), await repo.householdCounts(q, ids), await repo.supervisorsOf(q, ids)];
    return points.map((p) => ({
      id: p.id,
      communityId: p.communityId,
      name: p.name,
      location: p.location,
      hours: p.hours,
      status: p.status,
      version: p.version,
      bins: bins.filter((b) => b.dropPointId === p.id).map((b) => ({ id: b.id, kind: b.kind, code: b.code, status: b.status })),
      buildingIds: buildings.filter((b) => b.dropPointId === p.id).map((b) => b.buildingId),
      households: counts.get(p.id) ?? 0,
      supervisors: supervisors.filter((s) => s.pointId === p.id).map((s) => ({ id: s.id, accountId: s.accountId, displayName: s.displayName })),
    }));
  }

  /** Buildings must be the community's, and not served by another point (one point per building). */
  async function validBuildings(q: Queryable, communityId: string, ids: string[], pointId: string | null): Promise<string[]> {
    const unique = [...new Set(ids)];
    const found = await repo.buildingsInCommunity(q, communityId, unique);
    if (found.length !== unique.length) throw new AppError('validation_failed', [{ field: 'body.buildingIds', code: 'unknown_building' }]);
    const served = await repo.pointsOfBuildings(q, communityId, unique);
    if (served.some((s) => s.dropPointId !== pointId)) throw new AppError('conflict', [{ field: 'body.buildingIds', code: 'building_served_by_other_point' }]);
    return unique;
  }

  return {
    async listPoints(actor: Actor, f: { communityId?: string }) {
      const where = and(scope(actor, 'waste.read'), f.communityId ? eq(dropPoint.communityId, f.communityId) : undefined)!;
      return views(db, await repo.listPoints(db, where));
    },

    async getPoint(actor: Actor, id: string) {
      const point = await repo.findPoint(db, id, scope(actor, 'waste.read'));
      if (!point) throw new AppError('not_found');
      return (await views(db, [point]))[0]!;
    },

    async createPoint(actor: Actor, input: { communityId: string; name: string; estateId?: string | null; location?: string | null; hours?: string | null; bins: Record<(typeof binKinds)[number], number>; buildingIds: string[] }) {
      return db.transaction(async (tx) => {
        const [community] = await tx.select({ id: orgNode.id }).from(orgNode).where(and(eq(orgNode.id, input.communityId), eq(orgNode.kind, 'community'), scopeWhere(actor, 'waste.manage', { community: orgNode.id })));
        if (!community) throw new AppError('not_found');
        const buildingIds = await validBuildings(tx, community.id, input.buildingIds, null);
        const id = newId();
        const [dup] = await tx.select({ id: dropPoint.id }).from(dropPoint).where(and(eq(dropPoint.communityId, community.id), eq(dropPoint.name, input.name)));
        if (dup) throw new AppError('already_exists', [{ field: 'body.name', code: 'already_exists' }]);
        await tx.insert(dropPoint).values({ id, communityId: community.id, name: input.name, estateId: input.estateId ?? null, location: input.location ?? null, hours: input.hours ?? null });
        const bins = binKinds.flatMap((kind) => Array.from({ length: input.bins[kind] }, (_, i) => ({ communityId: community.id, dropPointId: id, kind, code: `${input.name}-${binCodePrefix[kind]}${i + 1}` })));
        if (bins.length) await tx.insert(bin).values(bins);
        await repo.replaceBuildings(tx, community.id, id, buildingIds);
        await audit.record(tx, actor, { action: 'drop_point.create', entity: 'drop_point', entityId: id, communityId: community.id, changes: { name: { after: input.name }, bins: { after: bins.length }, buildings: { after: buildingIds.length } } });
        return (await views(tx, [(await repo.findPoint(tx, id, sql`true`))!]))[0]!;
      });
    },

    async updatePoint(actor: Actor, id: string, input: { version: number; name?: string; location?: string | null; hours?: string | null; status?: 'active' | 'closed'; buildingIds?: string[] }) {
      return db.transaction(async (tx) => {
        const before = await repo.findPoint(tx, id, scope(actor, 'waste.manage'));
        if (!before) throw new AppError('not_found');
        const { version, buildingIds, ...values } = input;
        const after = await updateVersioned(tx, dropPoint, { id, version, values, scope: scope(actor, 'waste.manage') });
        if (buildingIds) await repo.replaceBuildings(tx, before.communityId, id, await validBuildings(tx, before.communityId, buildingIds, id));
        await audit.record(tx, actor, { action: 'drop_point.update', entity: 'drop_point', entityId: id, communityId: before.communityId, changes: { ...diffForAudit(before, after, { fields: ['name', 'location', 'hours', 'status'] }), ...(buildingIds ? { buildings: { after: buildingIds.length } } : {}) } });
        return (await views(tx, [after]))[0]!;
      });
    },

    /** A volunteer (or any resident) applies to be a supervisor in their community. */
    async apply(actor: Actor, communityId: string) {
      if (!actor.grants.some((g) => g.permissions.has('waste.apply') && g.communityId === communityId)) throw new AppError('not_found');
      return db.transaction(async (tx) => {
        const me = await residentOfAccount(tx, actor.accountId!);
        const [existing] = await tx.select().from(wasteSupervisor).where(and(eq(wasteSupervisor.communityId, communityId), eq(wasteSupervisor.accountId, actor.accountId!)));
        if (existing) throw new AppError('already_exists');
        const [row] = await tx.insert(wasteSupervisor).values({ communityId, accountId: actor.accountId!, residentId: me?.communityId === communityId ? me.id : null }).returning();
        await audit.record(tx, actor, { action: 'waste_supervisor.apply', entity: 'waste_supervisor', entityId: row!.id, communityId });
        return { id: row!.id };
      });
    },

    async listSupervisors(actor: Actor, f: { communityId?: string; status?: string }) {
      return rows<{ id: string; communityId: string; accountId: string; displayName: string; dropPointId: string | null; dropPointName: string | null; status: 'applicant' | 'selected' | 'retired'; appliedAt: Date; version: number }>(
        db,
        sql`SELECT s.id, s.community_id AS "communityId", s.account_id AS "accountId", a.display_name AS "displayName", s.drop_point_id AS "dropPointId",
                   p.name AS "dropPointName", s.status, s.created_at AS "appliedAt", s.version
              FROM waste_supervisor s JOIN account a ON a.id = s.account_id LEFT JOIN drop_point p ON p.id = s.drop_point_id
             WHERE ${scopeWhere(actor, 'waste.manage', { community: sql`s.community_id` })}
               ${f.communityId ? sql`AND s.community_id = ${f.communityId}` : sql``}
               ${f.status ? sql`AND s.status = ${f.status}` : sql``}
             ORDER BY s.status, s.created_at LIMIT 1000`,
      ).then((list) => list.map((s) => ({ ...s, appliedAt: new Date(s.appliedAt) })));
    },

    /** Staff select an applicant for a drop point (or retire a supervisor). */
    async decideSupervisor(actor: Actor, id: string, input: { version: number; status: 'selected' | 'retired'; dropPointId?: string | null }) {
      return db.transaction(async (tx) => {
        const where = scopeWhere(actor, 'waste.manage', { community: wasteSupervisor.communityId });
        const [before] = await tx.select().from(wasteSupervisor).where(and(eq(wasteSupervisor.id, id), where));
        if (!before) throw new AppError('not_found');
        if (input.status === 'selected') {
          if (!input.dropPointId) throw new AppError('validation_failed', [{ field: 'body.dropPointId', code: 'required' }]);
          const point = await repo.findPoint(tx, input.dropPointId, eq(dropPoint.communityId, before.communityId));
          if (!point) throw new AppError('not_found');
        }
        const after = await updateVersioned(tx, wasteSupervisor, { id, version: input.version, values: { status: input.status, dropPointId: input.status === 'selected' ? input.dropPointId : null }, scope: where });
        await audit.record(tx, actor, { action: `waste_supervisor.${input.status === 'selected' ? 'select' : 'retire'}`, entity: 'waste_supervisor', entityId: id, communityId: before.communityId, changes: diffForAudit(before, after, { fields: ['status', 'dropPointId'] }) });
        return { id, status: after.status, version: after.version };
      });
    },

    /** The supervisor's list for a day: households of the point and what was recorded. */
    async pointHouseholds(actor: Actor, pointId: string, day?: string) {
      const point = await repo.findPoint(db, pointId, scopeWhere(actor, ['waste.read', 'waste.record'], { community: dropPoint.communityId }));
      if (!point || !(can(actor, 'waste.read') || (await repo.selectedSupervisor(db, actor.accountId!, pointId)))) throw new AppError('not_found');
      const list = await repo.householdsOfPoint(db, pointId, day ?? (await today(db, point.communityId)));
      return list.map((h) => ({ householdId: h.householdId, address: h.address, record: h.record ? { id: h.record.id, dropPointId: h.record.dropPointId, householdId: h.record.householdId, day: h.record.day, result: h.record.result, issue: h.record.issue, note: h.record.note, version: h.record.version } : null }));
    },

    async record(actor: Actor, input: { dropPointId: string; householdId: string; day?: string; result: 'correct' | 'incorrect'; issue?: string | null; note?: string | null }) {
      return db.transaction(async (tx) => {
        const point = await repo.findPoint(tx, input.dropPointId, scopeWhere(actor, 'waste.record', { community: dropPoint.communityId }));
        if (!point) throw new AppError('not_found');
        const staff = can(actor, 'waste.manage');
        if (!staff && !(await repo.selectedSupervisor(tx, actor.accountId!, point.id))) throw new AppError('forbidden');
        const own = await repo.pointOfHousehold(tx, input.householdId);
        if (!own || own.point.id !== point.id) throw new AppError('validation_failed', [{ field: 'body.householdId', code: 'household_not_served_here' }]);
        const now = await today(tx, point.communityId);
        const day = input.day ?? now;
        if (day > now || (!staff && day !== now)) throw new AppError('validation_failed', [{ field: 'body.day', code: 'sorting_day_not_allowed' }]);
        if (input.result === 'correct' && input.issue) throw new AppError('validation_failed', [{ field: 'body.issue', code: 'issue_only_when_incorrect' }]);
        const inserted = await tx
          .insert(sortingRecord)
          .values({ communityId: point.communityId, dropPointId: point.id, householdId: input.householdId, day, result: input.result, issue: input.issue ?? null, note: input.note ?? null, recordedBy: actor.accountId! })
          .onConflictDoNothing()
          .returning();
        if (!inserted[0]) throw new AppError('conflict', [{ field: 'body.householdId', code: 'already_recorded_today' }]);
        await audit.record(tx, actor, { action: 'sorting_record.create', entity: 'sorting_record', entityId: inserted[0].id, communityId: point.communityId, changes: { result: { after: input.result } } });
        const r = inserted[0];
        return { id: r.id, dropPointId: r.dropPointId, householdId: r.householdId, day: r.day, result: r.result, issue: r.issue, note: r.note, version: r.version };
      });
    },

    /** Corrections on the same day by the recorder, or later by staff — never after the reward was paid. */
    async correct(actor: Actor, id: string, input: { version: number; result: 'correct' | 'incorrect'; issue?: string | null; note?: string | null }) {
      return db.transaction(async (tx) => {
        const where = scopeWhere(actor, 'waste.record', { community: sortingRecord.communityId });
        const [before] = await tx.select().from(sortingRecord).where(and(eq(sortingRecord.id, id), where));
        if (!before) throw new AppError('not_found');
        const staff = can(actor, 'waste.manage');
        if (!staff && (before.recordedBy !== actor.accountId || before.day !== (await today(tx, before.communityId)))) throw new AppError('forbidden');
        const [paid] = await tx.select({ id: repo.rewardTable.id }).from(repo.rewardTable).where(eq(repo.rewardTable.sortingRecordId, id));
        if (paid) throw new AppError('conflict', [{ field: 'body.result', code: 'reward_already_paid' }]);
        const after = await updateVersioned(tx, sortingRecord, { id, version: input.version, values: { result: input.result, issue: input.result === 'correct' ? null : (input.issue ?? null), note: input.note ?? before.note }, scope: where });
        await audit.record(tx, actor, { action: 'sorting_record.correct', entity: 'sorting_record', entityId: id, communityId: before.communityId, changes: diffForAudit(before, after, { fields: ['result', 'issue', 'note'] }) });
        return { id, dropPointId: after.dropPointId, householdId: after.householdId, day: after.day, result: after.result, issue: after.issue, note: after.note, version: after.version };
      });
    },

    /** The daily reward run for one community and day (idempotent). */
    async runRewards(actor: Actor, communityId: string, day: string): Promise<{ rewarded: number }> {
      return db.transaction(async (tx) => {
        const [community] = await tx.select({ id: orgNode.id }).from(orgNode).where(and(eq(orgNode.id, communityId), actor.kind === 'system' ? sql`true` : scopeWhere(actor, 'waste.manage', { community: orgNode.id })));
        if (!community) throw new AppError('not_found');
        if (day >= (await today(tx, communityId))) throw new AppError('validation_failed', [{ field: 'body.day', code: 'reward_day_not_over' }]);
        const rule = await repo.rule(tx, communityId);
        const rewarded = await repo.insertRewardsForDay(tx, communityId, day, rule.amountPerDayFen);
        await audit.record(tx, actor, { action: 'waste_reward.run', entity: 'community', entityId: communityId, communityId, changes: { day: { after: day }, rewarded: { after: rewarded } } });
        return { rewarded };
      });
    },

    /** Yesterday's rewards for every community that recorded (scheduled). */
    async runYesterday(actor: Actor): Promise<number> {
      const [y] = await rows<{ d: string }>(db, sql`SELECT to_char((now() AT TIME ZONE 'Asia/Shanghai')::date - 1, 'YYYY-MM-DD') AS d`);
      let total = 0;
      for (const communityId of await repo.communitiesWithRecords(db, y!.d)) total += (await this.runRewards(actor, communityId, y!.d)).rewarded;
      return total;
    },

    async mine(actor: Actor) {
      const me = actor.accountId ? await residentOfAccount(db, actor.accountId) : undefined;
      if (!me?.householdId) return { householdId: null, dropPoint: null, recent: [], rewards: [] };
      const own = await repo.pointOfHousehold(db, me.householdId);
      const [recent, rewards] = [await repo.recentOfHousehold(db, me.householdId), await repo.rewardsOfHousehold(db, me.householdId)];
      return {
        householdId: me.householdId,
        dropPoint: own ? { id: own.point.id, name: own.point.name, location: own.point.location, hours: own.point.hours } : null,
        recent,
        rewards: rewards.map((r) => ({ month: r.month, days: r.days, amountFen: r.amount_fen })),
      };
    },

    /** What the phone shows a volunteer: the points they supervise, pending applications, where they may apply. */
    async mySupervision(actor: Actor) {
      if (!actor.accountId) return { duties: [], canApplyAt: [] };
      const duties = await repo.dutiesOf(db, actor.accountId);
      const applied = new Set(duties.map((d) => d.communityId));
      const open = [...new Set(actor.grants.filter((g) => g.permissions.has('waste.apply') && g.communityId && !applied.has(g.communityId)).map((g) => g.communityId!))];
      return {
        duties: duties.map((d) => ({
          id: d.id,
          communityId: d.communityId,
          communityName: d.communityName,
          status: d.status,
          appliedAt: new Date(d.appliedAt),
          dropPoint: d.status === 'selected' && d.pointId ? { id: d.pointId, name: d.pointName!, location: d.location, hours: d.hours } : null,
        })),
        canApplyAt: (await repo.communityNames(db, open)).map((c) => ({ communityId: c.id, name: c.name })),
      };
    },

    stats: (actor: Actor, q: { orgId?: string; from: string; to: string }) => wasteStats(db, actor, q),
  };
}

export type WasteService = ReturnType<typeof createWasteService>;
