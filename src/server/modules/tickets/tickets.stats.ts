/**
 * `GET /tickets/stats?orgId&from&to`: received, resolved, resolution rate, on-time rate, average
 * hours to resolve, satisfaction (share of ratings ≥ 4), reopened, escalated — in total and by
 * category, grid and month. Cohort figures: a ticket counts on the day it was filed, with its
 * current outcome. One statement over the trigger-kept rollups (see tickets.stats.repository.ts).
 */
import type { AppContext } from '../../context';
import type { Actor } from '../../platform/auth/actor';
import { AppError } from '../../platform/errors';
import { grantsFor } from '../../platform/auth/actor';
import { defaultCategories } from './tickets.categories';
import { ticketsRepository as repo } from './tickets.repository';
import type { StatsFigures, StatsView } from './tickets.schemas';
import { NO_GRID, ticketStatsRepository as stats, type FigureRow, type StatsOrg } from './tickets.stats.repository';

const share = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null);

export function figures(r: FigureRow): StatsFigures {
  return {
    received: r.received,
    resolved: r.resolved,
    resolutionRate: share(r.resolved, r.received),
    onTimeRate: share(r.resolved_on_time, r.resolved),
    avgResolveHours: r.resolved > 0 ? Math.round((r.resolve_hours / r.resolved) * 10) / 10 : null,
    rated: r.rated,
    satisfaction: share(r.satisfied, r.rated),
    reopened: r.reopened,
    escalated: r.escalated,
    returned: r.returned,
  };
}

const empty: FigureRow = { received: 0, resolved: 0, resolved_on_time: 0, resolve_hours: 0, rated: 0, satisfied: 0, reopened: 0, escalated: 0, returned: 0 };

export function createTicketStats(ctx: AppContext) {
  const { db } = ctx;
  return {
    async stats(actor: Actor, query: { orgId: string; from?: string; to?: string }): Promise<StatsView> {
      if (query.from && query.to && query.from > query.to) throw new AppError('validation_failed', [{ field: 'querystring.to', code: 'time_range', message: 'time_range' }]);
      const org = await repo.org(db, query.orgId);
      // The org must lie inside one of the caller's stats grants (a grid worker: their grid; a secretary: their community).
      if (!org || !grantsFor(actor, 'ticket.stats').some((g) => org.path.startsWith(g.path))) throw new AppError('not_found');
      const target: StatsOrg = { id: org.id, kind: org.kind as StatsOrg['kind'], path: org.path };
      const grouped = await stats.grouped(db, actor, target, query.from, query.to);
      const names = new Map(defaultCategories.map((c) => [c.key, c.name]));
      for (const c of await stats.categoryNames(db, target)) names.set(c.key, c.name);
      const gridIds = grouped.filter((r) => r.g_grid === 0 && r.grid_id && r.grid_id !== NO_GRID).map((r) => r.grid_id!);
      const gridNames = new Map((await stats.gridNames(db, gridIds)).map((g) => [g.id, g.name]));

      const totals = grouped.find((r) => r.g_category === 1 && r.g_grid === 1 && r.g_month === 1);
      return {
        orgId: org.id,
        orgName: org.name,
        from: query.from ?? null,
        to: query.to ?? null,
        totals: figures(totals && totals.received !== null ? totals : empty),
        byCategory: grouped
          .filter((r) => r.g_category === 0)
          .map((r) => ({ key: r.category_key!, name: names.get(r.category_key!) ?? r.category_key!, ...figures(r) }))
          .sort((a, b) => b.received - a.received),
        byGrid: grouped
          .filter((r) => r.g_grid === 0)
          .map((r) => {
            const gridId = r.grid_id === NO_GRID ? null : r.grid_id;
            return { gridId, gridName: gridId ? (gridNames.get(gridId) ?? null) : null, ...figures(r) };
          })
          .sort((a, b) => b.received - a.received),
        byMonth: grouped
          .filter((r) => r.g_month === 0)
          .map((r) => ({ month: r.month!, ...figures(r) }))
          .sort((a, b) => a.month.localeCompare(b.month)),
      };
    },
  };
}

export type TicketStats = ReturnType<typeof createTicketStats>;
