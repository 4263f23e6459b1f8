/**
 * Demo places and people: every demo community gets a three-level grid with AB-post workers,
 * estates → buildings → entrances, and synthetic households and residents (realistic names,
 * valid ID numbers and phones, tags in the seed reports' proportions), plus some visit history.
 *
 * Size: the demo communities at their seed-report size (惠民社区 4,700 households / 14,000
 * people; 东方现代城 3,281 households / 11,000 people; ~37,000 people in all) unless
 * `options.residents` asks for another total (scaled proportionally: `npm run seed -- --residents
 * 1000000`); `options.small` (tests) seeds a handful per community. Rows go in with multi-row
 * inserts, a few thousand at a time, so memory stays flat at a million residents.
 */
import { sql } from 'drizzle-orm';
import { newId } from '../../platform/db/columns';
import { rows, type Tx } from '../../platform/db/client';
import { createDemoAccounts, orgIdByCode } from '../../seed/demo-district';
import type { Seeder, SeedContext } from '../../seed/runner';
import { todayIn } from './places.checks';
import { communitySeeds, type CommunitySeed } from './places.seed-data';
import { seedHouseholds, type SeededBuilding, type SeedTotals } from './places.seed-rows';
import { building, entrance, estate, grid, gridDuty } from './places.tables';
import { orgNode } from '../../platform/db/tables/org';

const defaultTotal = communitySeeds.reduce((s, c) => s + c.residents, 0);

interface Sizes {
  households: number;
  residents: number;
  /** Buildings per estate, scaled with the population. */
  buildingFactor: number;
}

function sizesFor(c: CommunitySeed, ctx: SeedContext): Sizes {
  if (ctx.options.small) return { households: 8, residents: 20, buildingFactor: 0 };
  const scale = ctx.options.residents !== undefined ? ctx.options.residents / defaultTotal : 1;
  return { households: Math.max(1, Math.round(c.households * scale)), residents: Math.max(1, Math.round(c.residents * scale)), buildingFactor: scale };
}

async function insertChunked<T>(tx: Tx, table: Parameters<Tx['insert']>[0], values: T[], size = 1000) {
  for (let i = 0; i < values.length; i += size) await tx.insert(table).values(values.slice(i, i + size) as never);
}

interface GridNode {
  id: string;
  path: string;
  depth: number;
  code: string;
}

async function gridNode(tx: Tx, parent: { id: string; path: string; depth: number }, communityId: string, name: string, level: number, code: string, description?: string): Promise<GridNode> {
  const id = newId();
  const node = { id, path: `${parent.path}${id}/`, depth: parent.depth + 1, code };
  await tx.insert(orgNode).values({ id, parentId: parent.id, kind: 'grid', name, code, path: node.path, depth: node.depth, communityId });
  await tx.insert(grid).values({ id, communityId, level, description: description ?? null });
  return node;
}

/** Estates and buildings (each with its entrances); buildings carry their flats' layout. */
async function buildPlaces(tx: Tx, c: CommunitySeed, communityId: string, sizes: Sizes, small: boolean): Promise<SeededBuilding[]> {
  const out: SeededBuilding[] = [];
  for (const e of small ? c.estates.slice(0, 1) : c.estates) {
    const estateId = newId();
    await tx.insert(estate).values({ id: estateId, communityId, name: e.name, address: e.address, propertyCompany: e.property[0], propertyPhone: e.property[1] });
    const count = small ? 2 : Math.max(1, Math.ceil(e.buildings * sizes.buildingFactor));
    for (let i = 1; i <= count; i++) {
      const entrances = Array.from({ length: e.entrances }, (_, k) => ({ id: newId(), name: `${k + 1}单元` }));
      out.push({ id: newId(), estateId, estateName: e.name, name: `${i}号楼`, floors: e.floors, perFloor: e.perFloor, entrances, gridId: '' });
    }
  }
  return out;
}

/** Level 1 for the community, a level-2 grid per sector, level-3 grids of three buildings each, with their workers. */
async function buildGrids(tx: Tx, ctx: SeedContext, c: CommunitySeed, communityId: string, buildings: SeededBuilding[]) {
  const [community] = await rows<{ path: string; depth: number; name: string }>(tx, sql`SELECT path, depth, name FROM org_node WHERE id = ${communityId}`);
  const top = await gridNode(tx, { id: communityId, ...community! }, communityId, `${community!.name}网格`, 1, `${c.code}-G1`, '全社区');
  const sectors: GridNode[] = [];
  for (const [j, name] of c.sectors.entries()) sectors.push(await gridNode(tx, top, communityId, name, 2, `${c.code}-G2-${j + 1}`));
  const leaves: Array<{ node: GridNode; sector: number }> = [];
  const perSector = Math.ceil(buildings.length / sectors.length);
  for (let i = 0; i * 3 < buildings.length; i++) {
    const group = buildings.slice(i * 3, i * 3 + 3);
    const sector = Math.min(sectors.length - 1, Math.floor((i * 3) / perSector));
    const names = group.map((b) => b.name).join('、');
    const node = await gridNode(tx, sectors[sector]!, communityId, `第${i + 1}网格`, 3, `${c.code}-G3-${i + 1}`, `${group[0]!.estateName} ${names}`);
    for (const b of group) b.gridId = node.id;
    leaves.push({ node, sector });
  }
  const rng = ctx.rng.fork(`${c.code}:workers`);
  const workerName = () => rng.pick(['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴']) + rng.pick(['敏', '静', '丽', '芳', '伟', '磊', '海燕', '建军', '晓红', '志强', '春梅', '文涛']);
  const specs: Array<[string, string, 'grid_worker', string]> = [];
  const duties: Array<{ username: string; gridId: string; duty: 'primary' | 'backup' | 'leader' }> = [];
  sectors.forEach((s, j) => {
    const username = j === 0 ? `${c.prefix}_leader` : `${c.prefix}_leader${j + 1}`;
    specs.push([username, workerName(), 'grid_worker', s.code]);
    duties.push({ username, gridId: s.id, duty: 'leader' });
  });
  leaves.forEach(({ node }, i) => {
    for (const [k, duty] of [[1, 'primary'], [2, 'backup']] as const) {
      const username = `${c.prefix}_grid${i * 2 + k}`;
      specs.push([username, workerName(), 'grid_worker', node.code]);
      duties.push({ username, gridId: node.id, duty });
    }
  });
  const ids = await createDemoAccounts(tx, specs);
  const [secretary] = await rows<{ id: string }>(tx, sql`SELECT account_id AS id FROM role_assignment WHERE org_id = ${communityId} AND role_key = 'community_secretary' ORDER BY created_at LIMIT 1`);
  const phone = () => `1${rng.pick(['39', '58', '86', '89'])}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
  await insertChunked(tx, gridDuty, [
    ...duties.map((d) => ({ communityId, gridId: d.gridId, accountId: ids.get(d.username)!, duty: d.duty, servicePhone: phone() })),
    ...(secretary ? [{ communityId, gridId: top.id, accountId: secretary.id, duty: 'leader' as const, servicePhone: null }] : []),
  ]);
  return { primaryOf: new Map(leaves.map(({ node }, i) => [node.id, ids.get(`${c.prefix}_grid${i * 2 + 1}`)!])) };
}

async function seedCommunity(tx: Tx, ctx: SeedContext, c: CommunitySeed, totals: SeedTotals) {
  const communityId = await orgIdByCode(tx, c.code);
  const sizes = sizesFor(c, ctx);
  const small = !!ctx.options.small;
  const buildings = await buildPlaces(tx, c, communityId, sizes, small);
  const { primaryOf } = await buildGrids(tx, ctx, c, communityId, buildings);
  await insertChunked(tx, building, buildings.map((b) => ({ id: b.id, communityId, estateId: b.estateId, gridId: b.gridId, name: b.name, floors: b.floors })));
  await insertChunked(tx, entrance, buildings.flatMap((b) => b.entrances.map((e) => ({ id: e.id, communityId, buildingId: b.id, name: e.name }))));
  const [{ timezone } = { timezone: 'Asia/Shanghai' }] = await rows<{ timezone: string }>(tx, sql`SELECT timezone FROM org_node WHERE id = ${communityId}`);
  return seedHouseholds(tx, ctx, { seed: c, communityId, buildings, sizes, today: todayIn(timezone, ctx.now), primaryOf }, totals);
}

export const placesSeeder: Seeder = {
  name: 'places.demo',
  async run(tx, ctx) {
    const totals: SeedTotals = { households: 0, residents: 0, visits: 0 };
    const firstHomes = new Map<string, Array<{ residentId: string; name: string }>>();
    for (const c of communitySeeds) firstHomes.set(c.code, await seedCommunity(tx, ctx, c, totals));
    // Demo resident accounts, living in buildings of yw_grid1's grid (and one in 惠民社区).
    const yw = firstHomes.get('YW01')!;
    const hm = firstHomes.get('HM01')!;
    const people = [['yw_resident1', 'YW01', yw[0]!], ['yw_resident2', 'YW01', yw[1] ?? yw[0]!], ['hm_resident1', 'HM01', hm[0]!]] as const;
    const byUser = new Map<string, string>(people.map(([u, , p]) => [u, p.residentId]));
    await createDemoAccounts(tx, people.map(([u, code, p]) => [u, p.name, 'resident', code] as const), (u) => ({ residentId: byUser.get(u) }));
    return { ...totals };
  },
};
