/**
 * Recording and counting service visits (服务人次). Modules call `record(tx, …)` inside their own
 * transaction when they serve someone; a second call for the same source record is a no-op, and
 * `remove` takes one back (a cancelled check-in). Counts are single SQL aggregates per request.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../../context';
import type { Actor } from '../../platform/auth/actor';
import { rows, type Queryable } from '../../platform/db/client';
import { newId } from '../../platform/db/columns';
import { AppError } from '../../platform/errors';
import { scopeWhere } from '../../platform/scope';
import { serviceVisit } from './service-visits.tables';
import type { ServiceVisitStats } from './service-visits.schemas';

export interface VisitInput {
  communityId: string;
  centerId?: string | null;
  residentId?: string | null;
  source: string;
  sourceId: string;
  occurredAt: Date;
  theme?: string | null;
  /** When absent, derived from the resident's age on the day (elderly ≥ 60, children < 14, youth < 18). */
  targetGroup?: string;
}

/**
 * Many visits in one statement per thousand, with the same age grouping as `record` and
 * idempotent like it. Exported for seeders, which run before services exist.
 */
export async function insertVisits(tx: Queryable, inputs: readonly VisitInput[]): Promise<void> {
  for (let i = 0; i < inputs.length; i += 1000) {
    const values = inputs.slice(i, i + 1000).map(
      (v) => sql`(${newId()}::uuid, ${v.communityId}::uuid, ${v.centerId ?? null}::uuid, ${v.residentId ?? null}::uuid, ${v.source}, ${v.sourceId}, ${v.theme ?? null}, ${v.targetGroup ?? null}, ${v.occurredAt.toISOString()}::timestamptz)`,
    );
    await tx.execute(sql`
      INSERT INTO service_visit (id, community_id, center_id, resident_id, source, source_id, theme, target_group, occurred_at)
      SELECT v.id, v.community_id, v.center_id, v.resident_id, v.source, v.source_id, v.theme,
             COALESCE(v.target_group, CASE
               WHEN a.age IS NULL THEN 'adult' WHEN a.age >= 60 THEN 'elderly' WHEN a.age < 14 THEN 'children' WHEN a.age < 18 THEN 'youth' ELSE 'adult' END),
             v.occurred_at
        FROM (VALUES ${sql.join(values, sql`, `)}) AS v(id, community_id, center_id, resident_id, source, source_id, theme, target_group, occurred_at)
        LEFT JOIN resident r ON r.id = v.resident_id
        LEFT JOIN LATERAL (SELECT date_part('year', age(v.occurred_at::date, r.birth_date))::int AS age) a ON true
      ON CONFLICT DO NOTHING`);
  }
}

export function createServiceVisitsService(ctx: AppContext) {
  const { db } = ctx;

  async function groupFor(tx: Queryable, residentId: string | null | undefined, at: Date): Promise<string> {
    if (!residentId) return 'adult';
    const [r] = await rows<{ age: number | null }>(tx, sql`SELECT date_part('year', age(${at.toISOString()}::timestamptz::date, birth_date))::int AS age FROM resident WHERE id = ${residentId}`);
    const age = r?.age;
    if (age === null || age === undefined) return 'adult';
    if (age >= 60) return 'elderly';
    if (age < 14) return 'children';
    if (age < 18) return 'youth';
    return 'adult';
  }

  return {
    /** Counts one service visit; idempotent on (community, source, sourceId). */
    async record(tx: Queryable, input: VisitInput): Promise<void> {
      const targetGroup = input.targetGroup ?? (await groupFor(tx, input.residentId, input.occurredAt));
      await tx
        .insert(serviceVisit)
        .values({
          communityId: input.communityId,
          centerId: input.centerId ?? null,
          residentId: input.residentId ?? null,
          source: input.source,
          sourceId: input.sourceId,
          theme: input.theme ?? null,
          targetGroup,
          occurredAt: input.occurredAt,
        })
        .onConflictDoNothing();
    },

    /** Many visits at once (imports, demo data from records); see `insertVisits`. */
    recordMany: (tx: Queryable, inputs: readonly VisitInput[]) => insertVisits(tx, inputs),

    async remove(tx: Queryable, communityId: string, source: string, sourceId: string): Promise<void> {
      await tx.delete(serviceVisit).where(and(eq(serviceVisit.communityId, communityId), eq(serviceVisit.source, source), eq(serviceVisit.sourceId, sourceId)));
    },

    async stats(actor: Actor, q: { orgId?: string; centerId?: string; from: string; to: string; targetGroup?: string; source?: string; theme?: string }): Promise<ServiceVisitStats> {
      if (q.to < q.from) throw new AppError('validation_failed', [{ field: 'querystring.to', code: 'time_range' }]);
      const scope = scopeWhere(actor, 'service_visit.read', { community: sql`v.community_id` });
      const org = q.orgId
        ? sql`AND v.community_id IN (SELECT o.id FROM org_node o WHERE o.kind = 'community' AND o.path LIKE (SELECT p.path FROM org_node p WHERE p.id = ${q.orgId}) || '%')`
        : sql``;
      const center = q.centerId ? sql`AND v.center_id = ${q.centerId}` : sql``;
      const narrow = sql`${q.targetGroup ? sql`AND v.target_group = ${q.targetGroup}` : sql``} ${q.source ? sql`AND v.source = ${q.source}` : sql``} ${q.theme ? sql`AND v.theme = ${q.theme}` : sql``}`;
      const base = sql`FROM service_visit v JOIN org_node c ON c.id = v.community_id
        WHERE ${scope} ${org} ${center} ${narrow}
          AND (v.occurred_at AT TIME ZONE c.timezone)::date BETWEEN ${q.from}::date AND ${q.to}::date`;
      const [totals] = await rows<{ total: number; people: number }>(db, sql`SELECT count(*)::int AS total, count(DISTINCT v.resident_id)::int AS people ${base}`);
      const bucket = (key: ReturnType<typeof sql>) =>
        rows<{ key: string; visits: number; people: number }>(
          db,
          sql`SELECT COALESCE(${key}, '') AS key, count(*)::int AS visits, count(DISTINCT v.resident_id)::int AS people ${base} GROUP BY 1 ORDER BY 1`,
        );
      const [byMonth, bySource, byTargetGroup, byTheme, byCenter] = await Promise.all([
        bucket(sql`to_char(v.occurred_at AT TIME ZONE c.timezone, 'YYYY-MM')`),
        bucket(sql`v.source`),
        bucket(sql`v.target_group`),
        bucket(sql`v.theme`),
        bucket(sql`v.center_id::text`),
      ]);
      return { total: totals?.total ?? 0, people: totals?.people ?? 0, byMonth, bySource, byTargetGroup, byTheme, byCenter };
    },
  };
}

export type ServiceVisitsService = ReturnType<typeof createServiceVisitsService>;
