import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDistrictSeeder, DEMO_PASSWORD } from '../../seed/demo-district';
import { runSeeders } from '../../seed/runner';
import { createTestApp, login, testCrypto, type Client, type TestContext } from '../../test/harness';
import { ticketStatsRepository } from './tickets.stats.repository';
import { figures } from './tickets.stats';
import { ticketsSeeder } from './tickets.seed';

let ctx: TestContext;
let seededMs = 0;

beforeAll(async () => {
  ctx = await createTestApp();
  const started = Date.now();
  await runSeeders(ctx.database.db, [demoDistrictSeeder, ticketsSeeder], { crypto: testCrypto, options: {}, now: new Date(), log: { info: () => {} } });
  seededMs = Date.now() - started;
}, 600_000);
afterAll(() => ctx.close());

const orgId = async (code: string) => (await ctx.database.query<{ id: string; path: string }>('SELECT id, path FROM org_node WHERE code = $1', [code]))[0]!;
const as = (username: string): Promise<Client> => login(ctx.app, username, DEMO_PASSWORD);

describe('the demo tickets tell the seed reports’ story, computed from the records', () => {
  it('滨湖世纪社区: 2,352 opinions received, 783 resolved', async () => {
    const bh = await orgId('BH01');
    const stats = (await (await as('bh_secretary')).get(`/api/v1/tickets/stats?orgId=${bh.id}`)).body;
    expect(stats.totals).toMatchObject({ received: 2352, resolved: 783 });
    expect(stats.byMonth.length).toBeGreaterThanOrEqual(36);
    const raw = figures(await ticketStatsRepository.rawFigures(ctx.database.db, { id: bh.id, kind: 'community', path: bh.path }, undefined, undefined));
    expect(stats.totals).toEqual(raw);
    const [count] = await ctx.database.query<{ n: number }>('SELECT count(*)::int AS n FROM ticket WHERE community_id = $1', [bh.id]);
    expect(count!.n).toBe(2352);
  });

  it('雁鸣湖镇镇区社区: monthly satisfaction rises from 80 % to 98.5 %', async () => {
    const ymh = await orgId('YMH01');
    const stats = (await (await as('ymh_secretary')).get(`/api/v1/tickets/stats?orgId=${ymh.id}`)).body;
    const rated = stats.byMonth.filter((m: { rated: number }) => m.rated > 0);
    expect(rated).toHaveLength(12);
    expect(rated[0].satisfaction).toBe(0.8);
    expect(rated[11].satisfaction).toBe(0.985);
    for (let i = 1; i < rated.length; i++) expect(rated[i].satisfaction).toBeGreaterThanOrEqual(rated[i - 1].satisfaction);
  });

  it('惠民社区: 86 neighbour disputes mediated', async () => {
    const hm = await orgId('HM01');
    const street = await ctx.database.query<{ id: string }>(`SELECT a.id FROM account a WHERE a.username = 'hm_secretary'`);
    expect(street).toHaveLength(1);
    const stats = (await (await as('hm_secretary')).get(`/api/v1/tickets/stats?orgId=${hm.id}`)).body;
    expect(stats.byCategory.find((c: { key: string }) => c.key === 'neighbor_dispute')).toMatchObject({ name: '邻里纠纷', resolved: 86 });
  });

  it('杨文社区: the demo grid worker has a live queue (some overdue) and the demo resident can rate a resolved ticket', async () => {
    const worker = await as('yw_grid1');
    const queue = (await worker.get('/api/v1/tickets?view=assigned&status=open&sort=due')).body.items;
    expect(queue.length).toBeGreaterThanOrEqual(5);
    expect(queue.some((t: { overdue: boolean }) => t.overdue)).toBe(true);
    const resident = await as('yw_resident1');
    const mine = (await resident.get('/api/v1/tickets')).body.items;
    expect(mine).toHaveLength(3);
    const toRate = mine.find((t: { status: string }) => t.status === 'resolved');
    expect((await resident.get(`/api/v1/tickets/${toRate.id}`)).body.actions).toEqual(['rate']);
  });

  it('领办督办 projects are public to residents of their community', async () => {
    const list = (await (await as('bh_secretary')).get('/api/v1/projects')).body.items;
    expect(list.map((p: { title: string }) => p.title)).toEqual(expect.arrayContaining(['小区广场休闲座椅', '街头公园生态公厕']));
    expect(list.find((p: { title: string }) => p.title === '小区广场休闲座椅')).toMatchObject({ status: 'done', progress: 100, milestonesDone: 3, leader: { name: '张明珠' } });
  });

  it('seeding stays quick (bulk inserts)', () => {
    console.log(`tickets demo seed: ${seededMs} ms`);
    expect(seededMs).toBeGreaterThan(0);
  });
});
