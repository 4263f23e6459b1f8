/**
 * Community rankings (社区排名): the street's communities side by side on every indicator the
 * modules contribute, with a rank per indicator (ties share a rank) and an overall place by mean
 * rank. Only communities in the caller's scope take part.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../../context';
import type { Actor } from '../../platform/auth/actor';
import { orgNode } from '../../platform/db/tables/org';
import { AppError } from '../../platform/errors';
import { scopeWhere } from '../../platform/scope';
import type { Indicator } from './stats.indicators';
import type { Rankings } from './stats.schemas';

/** Competition ranking ("1, 2, 2, 4"); null values are unranked. */
export function rank(values: Map<string, number | null>, higherIsBetter: boolean): Map<string, number | null> {
  const present = [...values].filter((e): e is [string, number] => e[1] !== null && Number.isFinite(e[1]));
  present.sort((a, b) => (higherIsBetter ? b[1] - a[1] : a[1] - b[1]));
  const out = new Map<string, number | null>([...values.keys()].map((k) => [k, null]));
  present.forEach(([id, v], i) => {
    const prev = present[i - 1];
    out.set(id, prev && prev[1] === v ? out.get(prev[0])! : i + 1);
  });
  return out;
}

export function createStatsService(ctx: AppContext, indicators: readonly Indicator[]) {
  const { db } = ctx;
  return {
    indicators: () => indicators.map(({ key, module, unit, higherIsBetter }) => ({ key, module, unit, higherIsBetter })),

    async rankings(actor: Actor, q: { orgId?: string; from: string; to: string; indicators?: string }): Promise<Rankings> {
      if (q.to < q.from) throw new AppError('validation_failed', [{ field: 'querystring.to', code: 'time_range' }]);
      const wanted = q.indicators ? q.indicators.split(',').map((s) => s.trim()).filter(Boolean) : indicators.map((i) => i.key);
      const unknown = wanted.filter((k) => !indicators.some((i) => i.key === k));
      if (unknown.length) throw new AppError('validation_failed', [{ field: 'querystring.indicators', code: 'unknown_indicator', message: unknown.join(',') }]);
      const chosen = indicators.filter((i) => wanted.includes(i.key));

      const street = sql`(SELECT s.name FROM org_node s WHERE s.id = ${orgNode.parentId})`;
      const communities = await db
        .select({ id: orgNode.id, name: orgNode.name, streetName: street })
        .from(orgNode)
        .where(
          and(
            eq(orgNode.kind, 'community'),
            scopeWhere(actor, 'stats.rankings.read', { community: orgNode.id }),
            q.orgId ? sql`${orgNode.path} LIKE (SELECT p.path FROM org_node p WHERE p.id = ${q.orgId}) || '%'` : undefined,
          ),
        )
        .orderBy(orgNode.path)
        .limit(2000);
      if (q.orgId && communities.length === 0) throw new AppError('not_found');
      const ids = communities.map((c) => c.id);
      const range = { from: q.from, to: q.to };
      const values = new Map<string, Map<string, number | null>>();
      for (const indicator of chosen) {
        const computed = ids.length ? await indicator.compute(db, ids, range) : new Map();
        values.set(indicator.key, new Map(ids.map((id) => [id, computed.get(id) ?? (indicator.unit === 'rate' ? null : 0)])));
      }
      const ranks = new Map(chosen.map((i) => [i.key, rank(values.get(i.key)!, i.higherIsBetter)]));
      const rows = communities.map((c) => {
        const r = chosen.map((i) => ranks.get(i.key)!.get(c.id) ?? null).filter((x): x is number => x !== null);
        return {
          communityId: c.id,
          communityName: c.name,
          streetName: c.streetName as string | null,
          values: Object.fromEntries(chosen.map((i) => [i.key, values.get(i.key)!.get(c.id) ?? null])),
          ranks: Object.fromEntries(chosen.map((i) => [i.key, ranks.get(i.key)!.get(c.id) ?? null])),
          meanRank: r.length ? Math.round((r.reduce((s, x) => s + x, 0) / r.length) * 100) / 100 : null,
        };
      });
      const places = rank(new Map(rows.map((r) => [r.communityId, r.meanRank])), false);
      return {
        from: q.from,
        to: q.to,
        indicators: chosen.map(({ key, module, unit, higherIsBetter }) => ({ key, module, unit, higherIsBetter })),
        communities: rows.map((r) => ({ ...r, place: places.get(r.communityId) ?? null })).sort((a, b) => (a.place ?? 1e9) - (b.place ?? 1e9)),
      };
    },
  };
}

export type StatsService = ReturnType<typeof createStatsService>;
