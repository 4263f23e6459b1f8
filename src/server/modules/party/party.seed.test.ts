import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../seed';
import { demoDistrictSeeder } from '../../seed/demo-district';
import { runSeeders } from '../../seed/runner';
import { createTestApp, login, testCrypto, type TestContext } from '../../test/harness';
import { partnersSeeder } from '../partners/partners.seed';
import { partySeeder } from './party.seed';

let ctx: TestContext;
let seededIn = 0;
beforeAll(async () => {
  ctx = await createTestApp({ config: { loginRateLimit: 10_000 } });
  const started = Date.now();
  // The full-size party demo on top of the district and partner units (without the places seed: it must cope).
  await runSeeders(ctx.database.db, [demoDistrictSeeder, partnersSeeder, partySeeder], { crypto: testCrypto, options: {}, now: new Date(), log: { info: () => {} } });
  seededIn = Date.now() - started;
  console.log(`party demo seed (with district and partners): ${seededIn} ms`);
}, 600_000);
afterAll(() => ctx.close());

const demo = (username: string) => login(ctx.app, username, DEMO_PASSWORD);

describe('the party demo reproduces the seed reports from records', () => {
  it('杨文社区: 80 members, 143 weekly lectures, attendance ≥ 90 % every week, ≥ 80 % of members have lectured', async () => {
    const secretary = await demo('yw_secretary');
    const stats = (await secretary.get('/api/v1/micro-lectures/stats')).body;
    expect(stats.members).toBe(80);
    expect(stats.lectures).toBe(143);
    expect(stats.lecturesAtLeast90).toBe(143);
    expect(stats.attendanceRate).toBeGreaterThanOrEqual(0.9);
    expect(stats.lecturedShare).toBeGreaterThanOrEqual(0.8);
    expect(stats.perLecture[99].title).toContain('第100期');
    expect(stats.perLecture[99].attended).toBeGreaterThanOrEqual(70);
    const next = (await secretary.get('/api/v1/micro-lectures?limit=1')).body.items[0];
    expect(next.issueNo).toBe(144);
    const rotation = (await secretary.get('/api/v1/micro-lectures/rotation?count=3')).body.slots;
    expect(rotation.every((s: any) => s.member.lecturesGiven === 0)).toBe(true);
    const rounds = (await secretary.get('/api/v1/evaluation-rounds')).body.items;
    const annual = rounds.find((r: any) => r.kind === 'member');
    const results = (await secretary.get(`/api/v1/evaluation-rounds/${annual.id}/results`)).body;
    expect(results.participationRate).toBeGreaterThan(0.8);
    expect(results.subjects).toHaveLength(80);
  });

  it('yw_member1 lives in 杨文社区, is a member there, can claim a post and sees the next lecture', async () => {
    const me = await demo('yw_member1');
    const view = (await me.get('/api/v1/party/me')).body.memberships[0];
    expect(view).toMatchObject({ communityName: '杨文社区', member: { membership: 'reporting', workplace: '洛阳玻璃集团' } });
    expect(view.nextLecture.issueNo).toBe(144);
    expect(view.points).toBeGreaterThan(100);
    const [{ resident_id }] = (await ctx.database.query<{ resident_id: string }>(`SELECT resident_id FROM account WHERE username = 'yw_member1'`)) as [{ resident_id: string }];
    expect(resident_id).toBeTruthy();
    const posts = (await me.get('/api/v1/service-posts?when=upcoming')).body.items;
    const open = posts.find((p: any) => p.claimedCount < p.capacity && !p.myClaim);
    expect((await me.post(`/api/v1/service-posts/${open.id}/claims`)).status).toBe(201);
    const options = (await me.get('/api/v1/report-ins/options')).body;
    expect(options.alreadyMember).toBe(true);
    expect(options.reportIns[0].status).toBe('approved');
    const newcomer = await demo('yw_reporter1');
    expect((await newcomer.get('/api/v1/report-ins/options')).body.alreadyMember).toBe(false);
  });

  it('滨湖世纪社区: 189 building groups, 3,853 members reported in, 1,216 service posts claimed', async () => {
    const secretary = await demo('bh_secretary');
    const orgs = (await secretary.get('/api/v1/party-orgs')).body;
    expect(orgs.filter((o: any) => o.kind === 'group')).toHaveLength(189);
    const summary = (await secretary.get('/api/v1/report-ins/summary')).body;
    expect(summary.reporting).toBe(3853);
    expect(summary.byGroup).toHaveLength(189);
    const [{ n }] = (await ctx.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM service_post_claim k JOIN org_node o ON o.id = k.community_id WHERE o.code = 'BH01' AND k.status <> 'withdrawn'`)) as [{ n: number }];
    expect(n).toBe(1216);
  });

  it('紫荆路街道: street staff see 21 partner units with 358 members reporting in to 永新路社区, and monthly joint meetings elsewhere', async () => {
    const street = await demo('street_zjl');
    const overview = (await street.get('/api/v1/party/overview')).body;
    const yx = overview.find((r: any) => r.communityName === '永新路社区') ?? overview.find((r: any) => r.communityName === '紫荆路社区');
    expect(yx.reporting).toBe(358);
    const summary = (await street.get(`/api/v1/report-ins/summary?communityId=${yx.communityId}`)).body;
    expect(summary.byWorkplace).toHaveLength(21);
    expect(summary.byWorkplace.reduce((s: number, w: any) => s + w.members, 0)).toBe(358);
    const ymh = await demo('ymh_secretary');
    const meetings = (await ymh.get('/api/v1/joint-meetings?limit=50')).body.items;
    expect(meetings.length).toBeGreaterThanOrEqual(13);
    const held = meetings.filter((m: any) => new Date(m.heldAt) < new Date());
    expect(new Set(held.map((m: any) => m.heldAt.slice(0, 7))).size).toBe(held.length);
    const latest = (await ymh.get(`/api/v1/joint-meetings/${meetings[0].id}`)).body;
    expect(latest.carriedOver.length).toBeGreaterThan(0);
  });
});
