/** The demo communities' tickets, planned so that the figures of the seed reports come out of the rows. */
import { sql } from 'drizzle-orm';
import { rows, type Tx } from '../../platform/db/client';
import type { Rng } from '../../seed/random';
import { createDemoAccounts } from '../../seed/demo-district';
import type { SeedContext } from '../../seed/runner';
import type { Plan } from './tickets.seed-data';
import { apportion, momentIn, monthStart, plant, problemCategories, ratedPlan, resolvedPlan, suggestionCategories, worldByCode, type Item } from './tickets.seed-plant';
import { demoResident, type World } from './tickets.seed-world';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function shuffle<T>(rng: Rng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** Kind and category of a problem (appeal/complaint/inquiry) or of a suggestion. */
function problem(rng: Rng): Pick<Item, 'kind' | 'category'> {
  const kind = rng.weighted([['appeal', 55], ['complaint', 20], ['inquiry', 25]] as const);
  return { kind, category: kind === 'inquiry' ? 'policy_inquiry' : rng.weighted(problemCategories) };
}
const suggestion = (rng: Rng): Pick<Item, 'kind' | 'category'> => ({ kind: 'suggestion', category: rng.weighted(suggestionCategories) });

async function secretaryOf(tx: Tx, communityId: string): Promise<{ id: string; name: string } | null> {
  const [row] = await rows<{ id: string; name: string }>(
    tx,
    sql`SELECT a.id, a.display_name AS name FROM role_assignment ra JOIN account a ON a.id = ra.account_id
         WHERE ra.org_id = ${communityId} AND ra.role_key = 'community_secretary' ORDER BY a.created_at LIMIT 1`,
  );
  return row ?? null;
}

/** 滨湖世纪社区: 36 months, 2,352 received, exactly 783 resolved; the rest filed on record or returned, the last two weeks open. */
async function binhu(tx: Tx, rng: Rng, now: Date, small: boolean): Promise<number> {
  const world = await worldByCode(tx, rng, 'BH01');
  const total = small ? 60 : 2352;
  const resolvedTotal = small ? 20 : 783;
  const months = 36;
  const perMonth = apportion(total, Array.from({ length: months }, (_, i) => 1 + i / 12));
  const times: Date[] = [];
  perMonth.forEach((n, i) => {
    const from = monthStart(now, months - 1 - i);
    const to = i === months - 1 ? now : monthStart(now, months - 2 - i);
    for (let k = 0; k < n; k++) times.push(momentIn(rng, from, to));
  });
  const recent = now.getTime() - 14 * DAY;
  const older = shuffle(rng, times.filter((t) => t.getTime() < recent));
  const items: Item[] = [];
  older.forEach((createdAt, i) => {
    if (i < resolvedTotal) items.push({ createdAt, ...problem(rng), plan: resolvedPlan(rng, { late: 0.08, rated: 0.7, satisfied: 0.9, reopen: 0.03 }) });
    else if (rng.chance(0.55)) items.push({ createdAt, ...suggestion(rng), plan: { kind: 'recorded' } });
    else items.push({ createdAt, ...problem(rng), kind: rng.pick(['appeal', 'complaint'] as const), plan: { kind: 'returned' } });
  });
  for (const createdAt of times.filter((t) => t.getTime() >= recent)) items.push({ createdAt, ...problem(rng), plan: { kind: 'open', accepted: rng.chance(0.5) } });
  return plant(tx, rng, now, world, items, { secretary: await secretaryOf(tx, world.communityId) });
}

/** 雁鸣湖镇镇区社区: twelve whole months whose satisfaction climbs from 80 % to 98.5 % (200 ratings a month), then this month's open tickets. */
async function yanminghu(tx: Tx, rng: Rng, now: Date, small: boolean, property: { id: string; name: string }): Promise<number> {
  const world = await worldByCode(tx, rng, 'YMH01');
  // 四方联动: repairs go straight to the property company's contact.
  await tx.execute(sql`UPDATE ticket_category SET route_account_id = ${property.id} WHERE community_id = ${world.communityId} AND key = 'property_repair'`);
  const perMonth = small ? 20 : 250;
  const rated = small ? 10 : 200;
  const items: Item[] = [];
  for (let m = 0; m < 12; m++) {
    const from = monthStart(now, 12 - m);
    // Rated tickets must be old enough to have been resolved and rated by now.
    const to = new Date(Math.min(monthStart(now, 11 - m).getTime(), now.getTime() - 14 * DAY));
    const satisfied = Math.round(rated * (0.8 + (0.185 * m) / 11));
    const late = 0.15 - (0.12 * m) / 11;
    const plans: Plan[] = [];
    for (let k = 0; k < rated; k++) plans.push(ratedPlan(rng, rng.chance(late), k < satisfied, 0.06 * (1 - m / 11)));
    const rest = perMonth - rated;
    for (let k = 0; k < rest; k++) plans.push(k < rest * 0.7 ? { kind: 'resolved', late: rng.chance(late), rating: null } : k < rest * 0.9 ? { kind: 'returned' } : { kind: 'recorded' });
    plans.forEach((plan, k) => {
      const what = plan.kind === 'recorded' ? suggestion(rng) : problem(rng);
      items.push({ createdAt: momentIn(rng, from, to), ...what, channel: k % 50 === 0 ? 'joint_meeting' : undefined, plan });
    });
  }
  const thisMonth = monthStart(now, 0);
  const current = Math.round((perMonth * (now.getTime() - thisMonth.getTime())) / (30 * DAY));
  for (let k = 0; k < current; k++) {
    const createdAt = momentIn(rng, thisMonth, now);
    const old = createdAt.getTime() < now.getTime() - 3 * DAY;
    items.push({ createdAt, ...problem(rng), plan: old ? { kind: 'resolved', late: false, rating: null } : { kind: 'open', accepted: rng.chance(0.6) } });
  }
  return plant(tx, rng, now, world, items, { routeTo: { property_repair: property }, secretary: await secretaryOf(tx, world.communityId) });
}

/** 惠民社区: 86 neighbour disputes mediated over the year, among the community's other tickets. */
async function huimin(tx: Tx, rng: Rng, now: Date, small: boolean): Promise<number> {
  const world = await worldByCode(tx, rng, 'HM01');
  const yearAgo = monthStart(now, 12);
  const lastWeek = new Date(now.getTime() - 7 * DAY);
  const items: Item[] = [];
  for (let k = 0; k < (small ? 5 : 86); k++) {
    items.push({ createdAt: momentIn(rng, yearAgo, new Date(now.getTime() - 10 * DAY)), kind: 'appeal', category: 'neighbor_dispute', plan: resolvedPlan(rng, { late: 0.05, rated: 0.6, satisfied: 0.93, reopen: 0.02 }) });
  }
  for (let k = 0; k < (small ? 2 : 4); k++) items.push({ createdAt: momentIn(rng, lastWeek, now), kind: 'appeal', category: 'neighbor_dispute', plan: { kind: 'open', accepted: true } });
  for (let k = 0; k < (small ? 10 : 220); k++) {
    const category = rng.weighted([['elderly_care', 30], ['policy_inquiry', 25], ['sanitation', 20], ['property_repair', 25]] as const);
    const recentOne = k % 20 === 0;
    items.push({
      createdAt: recentOne ? momentIn(rng, lastWeek, now) : momentIn(rng, yearAgo, new Date(now.getTime() - 10 * DAY)),
      kind: category === 'policy_inquiry' ? 'inquiry' : 'appeal',
      category,
      plan: recentOne ? { kind: 'open', accepted: false } : rng.chance(0.88) ? resolvedPlan(rng, { late: 0.06, rated: 0.6, satisfied: 0.92, reopen: 0.02 }) : { kind: 'returned' },
    });
  }
  return plant(tx, rng, now, world, items, { secretary: await secretaryOf(tx, world.communityId) });
}

/** 紫荆路社区: the 解忧阁 — people walk in with what weighs on them; most leave lighter. */
async function zijinglu(tx: Tx, rng: Rng, now: Date, small: boolean): Promise<number> {
  const world = await worldByCode(tx, rng, 'ZJL01');
  const yearAgo = monthStart(now, 12);
  const items: Item[] = [];
  for (let k = 0; k < (small ? 4 : 40); k++) {
    const open = k % 8 === 0;
    items.push({
      createdAt: open ? momentIn(rng, new Date(now.getTime() - 5 * DAY), now) : momentIn(rng, yearAgo, new Date(now.getTime() - 10 * DAY)),
      kind: 'appeal',
      category: 'counseling',
      channel: rng.chance(0.7) ? 'walk_in' : 'resident_app',
      plan: open ? { kind: 'open', accepted: true } : resolvedPlan(rng, { late: 0.05, rated: 0.5, satisfied: 0.95, reopen: 0 }),
    });
  }
  for (let k = 0; k < (small ? 6 : 60); k++) items.push({ createdAt: momentIn(rng, yearAgo, new Date(now.getTime() - 10 * DAY)), ...problem(rng), plan: resolvedPlan(rng, { late: 0.1, rated: 0.5, satisfied: 0.88, reopen: 0.03 }) });
  return plant(tx, rng, now, world, items, { secretary: await secretaryOf(tx, world.communityId) });
}

/** The grid where a demo worker is the primary (or the first grid). */
function gridOfWorker(world: World, accountId: string | undefined): string {
  for (const [gridId, d] of world.duty) if (d.primary?.id === accountId) return gridId;
  return world.buildings[0]!.gridId;
}

/** 杨文社区: two months of everyday tickets; the demo grid worker's live queue (some overdue) and the demo resident's own tickets. */
async function yangwen(tx: Tx, rng: Rng, now: Date): Promise<number> {
  const world = await worldByCode(tx, rng, 'YW01');
  const [grid1] = await rows<{ id: string }>(tx, sql`SELECT id FROM account WHERE username = 'yw_grid1'`);
  const gridId = gridOfWorker(world, grid1?.id);
  const own = world.buildings.filter((b) => b.gridId === gridId);
  const home = own[0]!;
  const me = await demoResident(tx, world, 'yw_resident1', '李秀兰', home.id);
  const meAsSubmitter = { name: '李秀兰', accountId: me.accountId, residentId: me.residentId };
  const ago = (h: number) => new Date(now.getTime() - h * HOUR);
  const items: Item[] = [
    { createdAt: ago(20 * 24), kind: 'appeal', category: 'property_repair', buildingId: home.id, submitter: meAsSubmitter, description: '单元门禁坏了，外人随便进出', plan: { kind: 'resolved', late: false, rating: 5 } },
    { createdAt: ago(50), kind: 'appeal', category: 'sanitation', buildingId: home.id, submitter: meAsSubmitter, description: '楼道里的旧家具堆了一个星期没人清理', plan: { kind: 'resolved', late: false, rating: null } },
    { createdAt: ago(26), kind: 'appeal', category: 'property_repair', buildingId: home.id, submitter: meAsSubmitter, description: '楼道声控灯不亮，晚上下楼看不见台阶', plan: { kind: 'open', accepted: true } },
    // Two neighbours reporting the same pile of rubbish: offered to the worker as duplicates to merge.
    { createdAt: ago(30), kind: 'complaint', category: 'sanitation', buildingId: own[1]?.id ?? home.id, description: '楼下垃圾堆了好几天没人清理，味道很大', plan: { kind: 'open', accepted: false } },
    { createdAt: ago(6), kind: 'complaint', category: 'sanitation', buildingId: own[1]?.id ?? home.id, description: '楼下的垃圾好几天没人清理了，味道很大', plan: { kind: 'open', accepted: false } },
    { createdAt: ago(75), kind: 'appeal', category: 'public_security', buildingId: home.id, description: '楼道里有电动车充电，电线拖得很长', plan: { kind: 'open', accepted: true } },
    { createdAt: ago(60), kind: 'appeal', category: 'elderly_care', buildingId: own[1]?.id ?? home.id, description: '独居的王大爷两天没出门，请网格员上门看看', plan: { kind: 'open', accepted: false } },
  ];
  for (let k = 0; k < 5; k++) items.push({ createdAt: ago(rng.int(2, 40)), ...problem(rng), buildingId: rng.pick(own).id, plan: { kind: 'open', accepted: rng.chance(0.5) } });
  const twoMonths = new Date(now.getTime() - 60 * DAY);
  for (let k = 0; k < 60; k++) items.push({ createdAt: momentIn(rng, twoMonths, new Date(now.getTime() - 9 * DAY)), ...problem(rng), plan: resolvedPlan(rng, { late: 0.1, rated: 0.65, satisfied: 0.9, reopen: 0.05 }) });
  return plant(tx, rng, now, world, items, { secretary: await secretaryOf(tx, world.communityId) });
}

export async function seedCommunities(tx: Tx, ctx: SeedContext): Promise<Record<string, number>> {
  const { rng, now } = ctx;
  const small = !!ctx.options.small;
  const accounts = await createDemoAccounts(tx, [
    ['ymh_secretary', '雁鸣湖镇镇区社区书记 王建军', 'community_secretary', 'YMH01'],
    ['ymh_property', '金牌物业客服 周静', 'property_staff', 'YMH01'],
    ['zjl_secretary', '紫荆路社区书记 王孝转', 'community_secretary', 'ZJL01'],
  ]);
  const property = { id: accounts.get('ymh_property')!, name: '金牌物业客服 周静' };
  return {
    binhu: await binhu(tx, rng.fork('binhu'), now, small),
    yanminghu: await yanminghu(tx, rng.fork('yanminghu'), now, small, property),
    huimin: await huimin(tx, rng.fork('huimin'), now, small),
    zijinglu: await zijinglu(tx, rng.fork('zijinglu'), now, small),
    yangwen: await yangwen(tx, rng.fork('yangwen'), now),
  };
}
