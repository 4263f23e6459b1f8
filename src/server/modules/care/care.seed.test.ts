import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createTestApp, login, testCrypto, type TestContext } from '../../test/harness';
import { demoDistrictSeeder, DEMO_PASSWORD } from '../../seed/demo-district';
import { runSeeders } from '../../seed/runner';
import { partnersSeeder } from '../partners/partners.seed';
import { careSeeder } from './care.seed';

let ctx: TestContext;
let seconds = 0;
beforeAll(async () => {
  ctx = await createTestApp({ config: { loginRateLimit: 10_000 } });
  const started = Date.now();
  // Full size, on a database without the places seed: care adds the households it needs.
  await runSeeders(ctx.database.db, [demoDistrictSeeder, partnersSeeder, careSeeder], { crypto: testCrypto, options: {}, now: new Date('2026-11-20T02:00:00Z'), log: { info: () => {} } });
  seconds = (Date.now() - started) / 1000;
}, 600_000);
afterAll(() => ctx.close());

describe('the care demo data (seeds 002 and 003)', () => {
  it('惠民社区: the figures of the report are counts and sums of records, read through the API by hm_care', async () => {
    const co = await login(ctx.app, 'hm_care', DEMO_PASSWORD);
    const stats = (await co.get('/api/v1/care/stats')).body;
    expect(stats.careFiles.total).toBe(268);
    const byKind = Object.fromEntries(stats.applications.byKind.map((k: { key: string; count: number }) => [k.key, k.count]));
    expect(byKind.dibao + byKind.tekun).toBe(453);
    expect(byKind.temporary_relief).toBe(32);
    const byStatus = Object.fromEntries(stats.applications.byStatus.map((k: { key: string; count: number }) => [k.key, k.count]));
    for (const status of ['draft', 'submitted', 'community_review', 'public_notice', 'street_review', 'approved', 'rejected']) expect(byStatus[status]).toBeGreaterThan(0);
    expect(stats.restricted.severeMentalDisorder).toBe(11);

    const campaigns = (await co.get('/api/v1/consolations')).body;
    const festival = campaigns.find((c: { occasion: string }) => c.occasion === 'spring_festival');
    expect(festival).toMatchObject({ year: 2026, eventDate: '2026-02-17', targets: 140, handedOver: 140, amountFen: 12_200_000 });
    expect(campaigns.find((c: { occasion: string }) => c.occasion === 'student_aid')).toMatchObject({ handedOver: 17 });
  });

  it('紫荆路社区: 12 fulfilled wishes claimed by the CDC, on the public wall with masked names', async () => {
    const [zj] = await ctx.database.query<{ id: string }>(`SELECT id FROM org_node WHERE code = 'ZJL01'`);
    const wall = (await client(ctx.app).get(`/api/v1/wish-wall?communityId=${zj!.id}&limit=50`)).body.items;
    expect(wall).toHaveLength(12);
    expect(wall.every((w: { donor: string; maskedWisher: string }) => w.donor.includes('疾病预防控制中心') && w.maskedWisher.includes('*'))).toBe(true);
    const donor = await login(ctx.app, 'zjl_partner1', DEMO_PASSWORD);
    expect((await donor.get('/api/v1/wishes?status=open')).body.items.length).toBeGreaterThan(0);
    const wisher = await login(ctx.app, 'zjl_wisher1', DEMO_PASSWORD);
    expect((await wisher.post('/api/v1/wishes', { title: '一箱牛奶', category: 'food', priceFen: 6000 })).status).toBe(201);
  });

  it('the street reviews what reached it; the steps drawn for a demo application are consistent', async () => {
    const street = await login(ctx.app, 'zs_street', DEMO_PASSWORD);
    const waiting = (await street.get('/api/v1/assistance-applications?status=street_review')).body.items;
    expect(waiting.length).toBeGreaterThan(0);
    const app = (await street.get(`/api/v1/assistance-applications/${waiting[0].id}`)).body;
    expect(app.allowedActions).toEqual(['approve', 'reject']);
    expect(app.steps.filter((s: { action: string }) => s.action !== 'record_objection').map((s: { toStatus: string }) => s.toStatus)).toEqual(['submitted', 'community_review', 'public_notice', 'street_review']);
    console.info(`care demo seed (full size, PGlite or PostgreSQL): ${seconds.toFixed(1)} s`);
  });
});
