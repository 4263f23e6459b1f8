import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTree, signedIn, type Client, type TestContext, type TestTree } from '../../test/harness';
import { ok } from './party.fixtures';

let ctx: TestContext;
let tree: TestTree;
let secretary: Client;
beforeAll(async () => {
  ctx = await createTestApp({ config: { loginRateLimit: 10_000 } });
  tree = await createTree(ctx.database);
  secretary = await signedIn(ctx, [['community_secretary', tree.communityA1]]);
});
afterAll(() => ctx.close());

const fourParties = [
  { party: 'community', name: '刘海玲', organization: '村支两委' },
  { party: 'property_company', name: '王经理', organization: '金牌物业' },
  { party: 'owners_committee', name: '张业主', organization: '太平庄业主委员会' },
  { party: 'social_worker', name: '李社工', organization: '社工服务中心' },
];

describe('the monthly joint meeting (四方联动)', () => {
  it('records the four parties, minutes and decisions; open items carry over to the next meeting', async () => {
    const oct = await ok(await secretary.post('/api/v1/joint-meetings', { title: '10月党建联席会', heldAt: '2025-10-10T19:00:00+08:00', location: '党群服务中心', attendees: fourParties, minutes: '讨论冬季供暖与停车问题' }));
    expect(oct.partiesPresent.sort()).toEqual(['community', 'owners_committee', 'property_company', 'social_worker']);
    const heating = await ok(await secretary.post(`/api/v1/joint-meetings/${oct.id}/actions`, { decision: '协调开发商解决冬季供暖', ownerParty: 'property_company', ownerName: '王经理', dueOn: '2025-11-01' }));
    const parking = await ok(await secretary.post(`/api/v1/joint-meetings/${oct.id}/actions`, { decision: '划定夜间停车位', ownerParty: 'community', ownerName: '刘海玲', dueOn: '2025-10-30' }));
    // Parking is done before November's meeting; heating is not.
    const done = await secretary.patch(`/api/v1/meeting-action-items/${parking.id}`, { version: parking.version, status: 'done', doneNote: '已划定60个车位' });
    expect(done.body).toMatchObject({ status: 'done', doneNote: '已划定60个车位', overdue: false });
    const nov = await ok(await secretary.post('/api/v1/joint-meetings', { title: '11月党建联席会', heldAt: new Date(Date.now() + 86_400_000).toISOString(), attendees: fourParties.slice(0, 3) }));
    expect(nov.carriedOver.map((a: any) => a.id)).toEqual([heating.id]);
    expect(nov.carriedOver[0]).toMatchObject({ meetingTitle: '10月党建联席会', overdue: true, status: 'open' });
    expect(nov.partiesPresent).not.toContain('social_worker');
    const list = (await secretary.get('/api/v1/joint-meetings')).body.items;
    expect(list.map((m: any) => m.title)).toEqual(['11月党建联席会', '10月党建联席会']);
    expect(list[1]).toMatchObject({ attendees: 4, decisions: 2, openActions: 1 });
    const open = (await secretary.get('/api/v1/joint-meetings/open-items')).body;
    expect(open.map((a: any) => a.id)).toEqual([heating.id]);
    const stale = await secretary.patch(`/api/v1/meeting-action-items/${parking.id}`, { version: parking.version, status: 'open' });
    expect(stale.status).toBe(409);
  });

  it('edits the minutes and replaces the attendance with a version check', async () => {
    const m = await ok(await secretary.post('/api/v1/joint-meetings', { title: '12月党建联席会', heldAt: '2025-12-12T19:00:00+08:00' }));
    const edited = await secretary.patch(`/api/v1/joint-meetings/${m.id}`, { version: m.version, minutes: '当场答复3件', attendees: fourParties });
    expect(edited.body).toMatchObject({ minutes: '当场答复3件', version: m.version + 1 });
    expect(edited.body.attendees).toHaveLength(4);
    expect((await secretary.patch(`/api/v1/joint-meetings/${m.id}`, { version: m.version, minutes: '旧' })).status).toBe(409);
  });

  it('refuses bad input (400) and writes nothing', async () => {
    const before = (await secretary.get('/api/v1/joint-meetings')).body.items.length;
    expect((await secretary.post('/api/v1/joint-meetings', { title: '会议', heldAt: 'yesterday' })).status).toBe(400);
    expect((await secretary.post('/api/v1/joint-meetings', { title: '会议', heldAt: '2025-12-12T19:00:00+08:00', attendees: [{ party: 'developer', name: 'x' }] })).status).toBe(400);
    expect((await secretary.get('/api/v1/joint-meetings')).body.items.length).toBe(before);
  });

  it('property staff and social workers read the minutes but cannot write; another community gets 404', async () => {
    const m = await ok(await secretary.post('/api/v1/joint-meetings', { title: '1月党建联席会', heldAt: '2026-01-09T19:00:00+08:00' }));
    const property = await signedIn(ctx, [['property_staff', tree.communityA1]]);
    expect((await property.get(`/api/v1/joint-meetings/${m.id}`)).status).toBe(200);
    expect((await property.post(`/api/v1/joint-meetings/${m.id}/actions`, { decision: 'x', ownerParty: 'community', ownerName: 'x', dueOn: '2026-02-01' })).status).toBe(403);
    const social = await signedIn(ctx, [['social_worker', tree.communityA1]]);
    expect((await social.get('/api/v1/joint-meetings')).status).toBe(200);
    const other = await signedIn(ctx, [['community_secretary', tree.communityB1]]);
    expect((await other.get(`/api/v1/joint-meetings/${m.id}`)).status).toBe(404);
    expect((await other.patch(`/api/v1/joint-meetings/${m.id}`, { version: 1, minutes: 'x' })).status).toBe(404);
  });
});

describe('what the street sees', () => {
  it('street staff get per-community figures of their street only, without names', async () => {
    const street = await signedIn(ctx, [['street_staff', tree.streetA]]);
    const rows = (await street.get('/api/v1/party/overview')).body;
    expect(rows.map((r: any) => r.communityId).sort()).toEqual([tree.communityA1.id, tree.communityA2.id].sort());
    expect(rows.find((r: any) => r.communityId === tree.communityA1.id).jointMeetings).toBeGreaterThanOrEqual(4);
    expect(JSON.stringify(rows)).not.toContain('王经理');
    expect((await street.get(`/api/v1/party/overview?orgId=${tree.streetB.id}`)).status).toBe(404);
    expect((await street.get('/api/v1/joint-meetings')).status).toBe(403);
    const member = await signedIn(ctx, [['party_member', tree.communityA1]]);
    expect((await member.get('/api/v1/party/overview')).status).toBe(403);
  });
});
