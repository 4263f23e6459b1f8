/** Planting demo tickets: planned items → tickets with timelines, bulk-inserted (shared by the community seeds). */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client';
import type { Rng } from '../../seed/random';
import { orgIdByCode } from '../../seed/demo-district';
import { defaultCategories } from './tickets.categories';
import { ticketsRepository as repo, type CategoryRow } from './tickets.repository';
import { buildTicket, type Plan } from './tickets.seed-data';
import { worldOf, type FallbackSpec, type World } from './tickets.seed-world';
import { ticket, ticketCategory, ticketEvent } from './tickets.tables';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface Item {
  createdAt: Date;
  category: string;
  kind: 'appeal' | 'suggestion' | 'complaint' | 'inquiry';
  channel?: (typeof ticket.$inferInsert)['channel'];
  plan: Plan;
  buildingId?: string;
  description?: string;
  submitter?: { name: string; accountId: string | null; residentId: string | null };
}

/** Start of the month `back` months before the one containing `now`, in UTC+8. */
export function monthStart(now: Date, back: number): Date {
  const local = new Date(now.getTime() + 8 * HOUR);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() - back, 1) - 8 * HOUR);
}

/** A moment in [from, to), during waking hours in UTC+8. */
export function momentIn(rng: Rng, from: Date, to: Date): Date {
  const days = Math.max(1, Math.floor((to.getTime() - from.getTime()) / DAY));
  const day = from.getTime() + rng.int(0, days - 1) * DAY;
  const at = new Date(day + 8 * HOUR + rng.int(0, 13 * 60) * 60_000);
  return at.getTime() >= to.getTime() ? new Date(to.getTime() - rng.int(60, 3600) * 1000) : at;
}

/** Splits `total` over weights exactly (largest remainder). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (w / sum) * total);
  const out = raw.map(Math.floor);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0]);
  const missing = total - out.reduce((a, b) => a + b, 0);
  for (let k = 0; k < missing; k++) out[order[k]![1]]! += 1;
  return out;
}

const channels = [['resident_app', 45], ['snap', 20], ['hotline', 15], ['walk_in', 10], ['visit', 7], ['joint_meeting', 3]] as const;
export const problemCategories = [['sanitation', 26], ['property_repair', 24], ['neighbor_dispute', 14], ['public_security', 8], ['public_facilities', 12], ['elderly_care', 10], ['counseling', 6]] as const;
export const suggestionCategories = [['public_facilities', 4], ['other', 4], ['elderly_care', 2], ['sanitation', 2]] as const;

async function categoriesOf(tx: Tx, communityId: string): Promise<Map<string, CategoryRow>> {
  await repo.insertCategories(tx, defaultCategories.map((c) => ({ communityId, key: c.key, name: c.name, deadlineHours: c.deadlineHours, onSite: c.onSite, sort: c.sort })));
  const rowsFound = await tx.select().from(ticketCategory).where(sql`${ticketCategory.communityId} = ${communityId}`);
  return new Map(rowsFound.map((c) => [c.key, c]));
}

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Bulk insert as one JSON parameter per chunk (`json_populate_recordset`): thousands of rows
 * without building a statement with tens of thousands of placeholders. Rows must carry every
 * NOT NULL column (defaults are not applied to missing keys).
 */
async function insertJson(tx: Tx, table: 'ticket' | 'ticket_event', values: object[], defaults: Record<string, unknown>, size = 2000): Promise<void> {
  for (let i = 0; i < values.length; i += size) {
    const chunk = values.slice(i, i + size).map((v) => {
      const row: Record<string, unknown> = { ...defaults };
      for (const [k, x] of Object.entries(v)) if (x !== undefined) row[snake(k)] = x;
      return row;
    });
    await tx.execute(sql`INSERT INTO ${sql.raw(table)} SELECT * FROM json_populate_recordset(NULL::${sql.raw(table)}, ${JSON.stringify(chunk)}::json)`);
  }
}

const ticketDefaults = { photo_ids: [], assignee_stand_in: false, reopen_count: 0, escalation_level: 0, escalation_count: 0, version: 1 };

/** Turns planned items into tickets with timelines and inserts them in bulk. */
export async function plant(tx: Tx, rng: Rng, now: Date, world: World, items: Item[], opts: { routeTo?: Record<string, { id: string; name: string }>; secretary: { id: string; name: string } | null }): Promise<number> {
  const cats = await categoriesOf(tx, world.communityId);
  const tickets: (typeof ticket.$inferInsert)[] = [];
  const events: (typeof ticketEvent.$inferInsert)[] = [];
  for (const item of items.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())) {
    const category = cats.get(item.category)!;
    const b = item.buildingId ? world.buildings.find((x) => x.id === item.buildingId)! : rng.pick(world.buildings);
    const duty = world.duty.get(b.gridId);
    const someone = world.residents.length && rng.chance(0.7) ? rng.pick(world.residents) : null;
    const submitter = item.submitter ?? { name: someone?.name ?? `${rng.pick(['王', '李', '张', '刘', '陈', '杨', '赵', '黄'])}${rng.pick(['女士', '先生', '阿姨', '大爷'])}`, accountId: null, residentId: someone?.id ?? null };
    const built = buildTicket(rng, now, {
      createdAt: item.createdAt,
      category,
      kind: item.kind,
      channel: item.channel ?? rng.weighted(channels),
      place: { communityId: world.communityId, gridId: b.gridId, buildingId: b.id, label: b.label },
      people: {
        assignee: opts.routeTo?.[item.category] ?? duty?.primary ?? null,
        leader: duty?.leader ?? null,
        secretary: opts.secretary,
        submitterName: submitter.name,
        submitterAccountId: submitter.accountId,
        submitterResidentId: submitter.residentId,
      },
      plan: item.plan,
      description: item.description,
    });
    tickets.push(built.row);
    events.push(...built.events);
  }
  await insertJson(tx, 'ticket', tickets, ticketDefaults);
  await insertJson(tx, 'ticket_event', events, {});
  return tickets.length;
}

/** Resolved outcome with a rating drawn for a satisfaction level. */
export function resolvedPlan(rng: Rng, opts: { late: number; rated: number; satisfied: number; reopen: number }): Plan {
  const late = rng.chance(opts.late);
  if (!rng.chance(opts.rated)) return { kind: 'resolved', late, rating: null };
  return ratedPlan(rng, late, rng.chance(opts.satisfied), opts.reopen);
}

/**
 * A rated resolution. An unhappy rating of 1–2 always went through one reopening first (the rules:
 * the first low rating reopens); a happy one sometimes did (put right after a low first rating).
 */
export function ratedPlan(rng: Rng, late: boolean, happy: boolean, reopenShare: number): Plan {
  if (happy) {
    const rating = rng.weighted([[5, 7], [4, 3]] as const);
    return rng.chance(reopenShare) ? { kind: 'resolved', late, rating, reopenedFrom: rng.int(1, 2) } : { kind: 'resolved', late, rating };
  }
  const rating = rng.weighted([[3, 5], [2, 3], [1, 2]] as const);
  return rating <= 2 ? { kind: 'resolved', late, rating, reopenedFrom: rng.int(1, 2) } : { kind: 'resolved', late, rating };
}

export const fallbacks: Record<string, FallbackSpec> = {
  BH01: { prefix: 'bh', estates: ['徽杰苑', '滨湖惠园', '融科城'], buildingsPerEstate: 8, grids: 6 },
  YMH01: { prefix: 'ymh', estates: ['太平庄社区', '东村社区'], buildingsPerEstate: 8, grids: 4 },
  HM01: { prefix: 'hm', estates: ['惠民花园一期', '惠民花园二期', '惠民花园三期'], buildingsPerEstate: 6, grids: 6 },
  ZJL01: { prefix: 'zjl', estates: ['鸿运嘉苑', '紫荆花园'], buildingsPerEstate: 6, grids: 3 },
  YW01: { prefix: 'yw', estates: ['杨文小区', '瀍河新苑'], buildingsPerEstate: 5, grids: 3 },
};

export async function worldByCode(tx: Tx, rng: Rng, code: string): Promise<World> {
  return worldOf(tx, rng, await orgIdByCode(tx, code), fallbacks[code]!);
}
