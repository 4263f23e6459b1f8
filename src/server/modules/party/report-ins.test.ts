import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTree, signedIn, type TestContext, type TestTree } from '../../test/harness';
import { partyWorld, residentWithAccount, type PartyWorld } from './party.fixtures';

let ctx: TestContext;
let tree: TestTree;
let world: PartyWorld;
beforeAll(async () => {
  ctx = await createTestApp({ config: { loginRateLimit: 10_000 } });
  tree = await createTree(ctx.database);
  world = await partyWorld(ctx, tree.communityA1);
});
afterAll(() => ctx.close());

const report = (extra: Record<string, unknown> = {}) => ({ workplace: '市民政局', partyStatus: 'full', joinedOn: '2008-06-01', ...extra });

describe('an in-service member reports in where they live (双报到)', () => {
  it('the building they live in suggests its group; the secretary approves and the member appears under that group', async () => {
    const me = await residentWithAccount(ctx, world, 2);
    const options = await me.client.get('/api/v1/report-ins/options');
    expect(options.status).toBe(200);
    expect(options.body.myBuildingId).toBe(world.places.buildings[2]!.id);
    expect(options.body.buildings.find((b: any) => b.id === me.buildingId).orgId).toBe(world.groupB);

    const sent = await me.client.post('/api/v1/report-ins', report({ phone: '13700001234' }));
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ status: 'pending', suggestedOrgId: world.groupB, buildingId: me.buildingId, phone: '137****1234' });

    const queue = await world.secretary.get('/api/v1/report-ins?status=pending');
    const queued = queue.body.items.find((r: any) => r.id === sent.body.id);
    expect(queued.name).not.toBe(me.resident.name);
    const inbox = await world.secretary.get('/api/v1/notifications');
    expect(inbox.body.items.some((n: any) => n.kind === 'report_in.submitted')).toBe(true);

    const approved = await world.secretary.post(`/api/v1/report-ins/${sent.body.id}/approve`, { version: queued.version });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');
    const members = (await world.secretary.get(`/api/v1/party-members?orgId=${world.groupB}&membership=reporting`)).body.items;
    const joined = members.find((m: any) => m.id === approved.body.memberId);
    expect(joined).toMatchObject({ membership: 'reporting', workplace: '市民政局', residentId: me.resident.id, hasAccount: true, phone: '137****1234' });
    const mine = await me.client.get('/api/v1/notifications');
    expect(mine.body.items[0].kind).toBe('report_in.approved');
    // Now a member, they act from the phone (the resident role carries the member actions).
    expect((await me.client.get('/api/v1/party/me')).body.memberships[0].member.orgId).toBe(world.groupB);
  });

  it('reporting in twice is refused (409), and after approval too', async () => {
    const me = await residentWithAccount(ctx, world, 0);
    const first = await me.client.post('/api/v1/report-ins', report());
    expect(first.status).toBe(201);
    const again = await me.client.post('/api/v1/report-ins', report({ workplace: '另一单位' }));
    expect(again.status).toBe(409);
    expect(again.body.error.details[0].code).toBe('report_in_exists');
    expect((await world.secretary.post(`/api/v1/report-ins/${first.body.id}/approve`, { version: first.body.version })).status).toBe(200);
    const member = await me.client.post('/api/v1/report-ins', report());
    expect(member.status).toBe(409);
    expect(member.body.error.details[0].code).toBe('already_member');
  });

  it('five taps at once file one report-in', async () => {
    const me = await residentWithAccount(ctx, world, 1);
    const results = await Promise.all(Array.from({ length: 5 }, () => me.client.post('/api/v1/report-ins', report())));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(4);
    const [{ n }] = (await ctx.database.query<{ n: number }>('SELECT count(*)::int AS n FROM report_in WHERE account_id = $1', [me.user.id])) as [{ n: number }];
    expect(n).toBe(1);
  });

  it('the secretary returns one with a reason; the member is told and may report again', async () => {
    const me = await residentWithAccount(ctx, world, 0);
    const sent = (await me.client.post('/api/v1/report-ins', report({ workplace: '写错的单位' }))).body;
    expect((await world.secretary.post(`/api/v1/report-ins/${sent.id}/return`, { version: sent.version, reason: '' })).status).toBe(400);
    const returned = await world.secretary.post(`/api/v1/report-ins/${sent.id}/return`, { version: sent.version, reason: '工作单位请填写全称' });
    expect(returned.body).toMatchObject({ status: 'returned', reason: '工作单位请填写全称' });
    expect((await world.secretary.post(`/api/v1/report-ins/${sent.id}/approve`, { version: returned.body.version })).status).toBe(409);
    const inbox = (await me.client.get('/api/v1/notifications')).body.items;
    expect(inbox[0]).toMatchObject({ kind: 'report_in.returned' });
    expect(inbox[0].body).toContain('工作单位请填写全称');
    expect((await me.client.post('/api/v1/report-ins', report({ workplace: '巩义市民政局' }))).status).toBe(201);
  });

  it('counts reporting members by workplace and by group', async () => {
    for (const [building, workplace] of [[0, '市疾控中心'], [1, '市疾控中心'], [2, '市场监管局']] as const) {
      const me = await residentWithAccount(ctx, world, building);
      const r = (await me.client.post('/api/v1/report-ins', report({ workplace }))).body;
      await world.secretary.post(`/api/v1/report-ins/${r.id}/approve`, { version: r.version });
    }
    const summary = (await world.secretary.get('/api/v1/report-ins/summary')).body;
    expect(summary.byWorkplace.find((w: any) => w.workplace === '市疾控中心').members).toBe(2);
    expect(summary.byWorkplace.find((w: any) => w.workplace === '市场监管局').members).toBe(1);
    const groupA = summary.byGroup.find((g: any) => g.orgId === world.groupA).members;
    const groupB = summary.byGroup.find((g: any) => g.orgId === world.groupB).members;
    expect(groupA + groupB).toBe(summary.reporting);
    expect(groupA).toBeGreaterThanOrEqual(2);
  });

  it('an unknown building is 400 and nothing is filed', async () => {
    const me = await residentWithAccount(ctx, world, 0);
    const other = await partyWorld(ctx, tree.communityA2);
    const res = await me.client.post('/api/v1/report-ins', report({ buildingId: other.places.buildings[0]!.id }));
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].code).toBe('unknown_building');
    const [{ n }] = (await ctx.database.query<{ n: number }>('SELECT count(*)::int AS n FROM report_in WHERE account_id = $1', [me.user.id])) as [{ n: number }];
    expect(n).toBe(0);
  });
});

describe('who decides', () => {
  it('community staff see the queue but cannot approve (403); another community’s secretary gets 404', async () => {
    const me = await residentWithAccount(ctx, world, 0);
    const sent = (await me.client.post('/api/v1/report-ins', report())).body;
    const staff = await signedIn(ctx, [['community_staff', tree.communityA1]]);
    expect((await staff.get('/api/v1/report-ins')).status).toBe(200);
    expect((await staff.post(`/api/v1/report-ins/${sent.id}/approve`, { version: 1 })).status).toBe(403);
    const other = await signedIn(ctx, [['community_secretary', tree.communityB1]]);
    expect((await other.post(`/api/v1/report-ins/${sent.id}/approve`, { version: 1 })).status).toBe(404);
    expect((await other.get(`/api/v1/report-ins?communityId=${tree.communityA1.id}`)).status).toBe(404);
  });

  it('a grid worker cannot report in or read the queue (403)', async () => {
    const grid = await signedIn(ctx, [['grid_worker', world.places.gridA]]);
    expect((await grid.post('/api/v1/report-ins', report())).status).toBe(403);
    expect((await grid.get('/api/v1/report-ins')).status).toBe(403);
  });
});
