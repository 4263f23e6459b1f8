/** The demo's waste-sorting accounts see seed 003's pilot the way the screens show it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../seed';
import { demoDistrictSeeder } from '../../seed/demo-district';
import { runSeeders } from '../../seed/runner';
import { createTestApp, login, testCrypto, type TestContext } from '../../test/harness';
import { wasteSeeder } from './waste.seed';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
  // The full-size pilot on the district alone (without the places seed, the waste seed builds the estate itself).
  await runSeeders(ctx.database.db, [demoDistrictSeeder, wasteSeeder], { crypto: testCrypto, options: {}, now: new Date(), log: { info: () => {} } });
});
afterAll(() => ctx.close());

const as = (username: string) => login(ctx.app, username, DEMO_PASSWORD);

const day = (offset: number) => new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);

describe('demo waste sorting (政通路社区 东方现代城)', () => {
  it('community staff zt_staff and street staff street_zjl see 12 points, 168 bins, 3,281 households and 312 applicants', async () => {
    for (const username of ['zt_staff', 'street_zjl']) {
      const stats = (await (await as(username)).get(`/api/v1/waste/stats?from=${day(-14)}&to=${day(0)}`)).body;
      expect(stats, username).toMatchObject({ dropPoints: 12, bins: 168, households: 3281, supervisors: 12, applicants: 312 });
      expect(stats.correctRate).toBeGreaterThan(0.5);
      expect(stats.rewardFen).toBe(stats.correct * 30);
    }
  });

  it('zt_supervisor1 supervises 东方现代城1号投放点 and lives in a household it serves', async () => {
    const supervisor = await as('zt_supervisor1');
    const mine = (await supervisor.get('/api/v1/waste/supervisors/mine')).body;
    expect(mine.duties).toEqual([expect.objectContaining({ status: 'selected', communityName: '政通路社区', dropPoint: expect.objectContaining({ name: '东方现代城1号投放点' }) })]);
    const home = (await supervisor.get('/api/v1/waste/mine')).body;
    expect(home.dropPoint.name).toBe('东方现代城1号投放点');
    const list = (await supervisor.get(`/api/v1/waste/drop-points/${home.dropPoint.id}/households`)).body;
    expect(list.some((h: { householdId: string }) => h.householdId === home.householdId)).toBe(true);
  });

  it('resident zt_resident1 has a household with a drop point and may apply to supervise', async () => {
    const resident = await as('zt_resident1');
    expect((await resident.get('/api/v1/waste/mine')).body.dropPoint.name).toMatch(/^东方现代城\d+号投放点$/);
    expect((await resident.get('/api/v1/waste/supervisors/mine')).body).toEqual({ duties: [], canApplyAt: [{ communityId: expect.any(String), name: '政通路社区' }] });
  });
});
