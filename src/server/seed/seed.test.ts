import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedRun } from '../platform/db/tables/platform';
import { client, createTestApp, type TestContext } from '../test/harness';
import { testCrypto } from '../test/harness';
import { demoSeeders, DEMO_PASSWORD, foundationAccounts } from '.';
import { runSeeders } from './runner';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp({ seed: true });
});
afterAll(() => ctx.close());

describe('the demo district', () => {
  it('every foundation demo account signs in with the demo password and sees its org', async () => {
    for (const [username, , role] of foundationAccounts) {
      const res = await client(ctx.app).post('/api/v1/auth/login', { username, password: DEMO_PASSWORD });
      expect(res.status, username).toBe(200);
      expect(res.body.roles[0].role).toBe(role);
    }
  });

  it('has the seed streets and communities, each community with its center', async () => {
    const orgs = await ctx.database.query<{ name: string; kind: string }>(`SELECT name, kind FROM org_node ORDER BY depth`);
    const names = orgs.map((o) => o.name);
    for (const n of ['同心示范区', '杨文街道', '杨文社区', '滨湖世纪社区', '芝山镇', '惠民社区', '紫荆路街道', '紫荆路社区', '雁鸣湖镇', '雁鸣湖镇镇区社区']) expect(names).toContain(n);
    const [row] = await ctx.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM org_node o WHERE o.kind = 'community' AND NOT EXISTS (SELECT 1 FROM center c WHERE c.community_id = o.id)`);
    expect(row!.n).toBe(0);
    const [ymh] = await ctx.database.query<{ area_m2: number }>(`SELECT c.area_m2 FROM center c JOIN org_node o ON o.id = c.community_id WHERE o.name = '雁鸣湖镇镇区社区'`);
    expect(ymh!.area_m2).toBe(1200);
  });

  it('seeding again changes nothing (each seeder runs once per database)', async () => {
    const before = await ctx.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM org_node`);
    const ran = await runSeeders(ctx.database.db, demoSeeders, { crypto: testCrypto, options: {}, now: new Date(), log: { info: () => {} } });
    expect(ran).toEqual([]);
    const after = await ctx.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM org_node`);
    expect(after[0]!.n).toBe(before[0]!.n);
    expect((await ctx.database.db.select().from(seedRun)).map((r) => r.name)).toEqual(demoSeeders.map((s) => s.name));
  });
});
