import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTree, signedIn, type TestContext, type TestTree } from '../../test/harness';
import { act, count, report, residentClient, ticketWorld, type ResidentClient, type TicketWorld } from './tickets.testing';

let ctx: TestContext;
let tree: TestTree;
let w: TicketWorld;

beforeAll(async () => {
  ctx = await createTestApp();
  tree = await createTree(ctx.database);
  w = await ticketWorld(ctx, tree.communityA1);
});
afterAll(() => ctx.close());

async function filed(description = '小区东门路灯不亮，晚上很黑', building = 0): Promise<{ resident: ResidentClient; id: string }> {
  const resident = await residentClient(ctx, w.places, building);
  const res = await report(resident, { buildingId: w.places.buildings[building]!.id, description });
  expect(res.status).toBe(201);
  return { resident, id: res.body.id };
}

const inboxKinds = async (c: { get: (u: string) => Promise<{ body: { items: Array<{ kind: string; entityId: string }> } }> }, id: string) =>
  (await c.get('/api/v1/notifications')).body.items.filter((n) => n.entityId === id).map((n) => n.kind);

describe('the life of a ticket, step by step', () => {
  it('accept → resolve → the resident rates 5 → closed; every step is on the public timeline with who and why', async () => {
    const { resident, id } = await filed();
    const accepted = await act(w.primaryA, id, 'accept');
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', actions: expect.arrayContaining(['resolve', 'reassign', 'return']) });
    const resolved = await act(w.primaryA, id, 'resolve', { resolution: '已联系物业更换灯泡' });
    expect(resolved.body).toMatchObject({ status: 'resolved', resolution: '已联系物业更换灯泡' });
    expect(await inboxKinds(resident, id)).toContain('ticket.resolved');

    const mine = (await resident.get(`/api/v1/tickets/${id}`)).body;
    expect(mine.actions).toEqual(['rate']);
    expect(Date.parse(mine.rateUntil) - Date.parse(mine.resolvedAt)).toBe(7 * 86_400_000);
    const rated = await act(resident, id, 'rate', { rating: 5, comment: '很及时' });
    expect(rated.body).toMatchObject({ status: 'closed', rating: 5, ratingComment: '很及时' });
    expect(rated.body.timeline.map((e: { action: string }) => e.action)).toEqual(['create', 'assign', 'accept', 'resolve', 'rate']);
    const resolveEvent = rated.body.timeline.find((e: { action: string }) => e.action === 'resolve');
    expect(resolveEvent).toMatchObject({ fromStatus: 'accepted', toStatus: 'resolved', note: '已联系物业更换灯泡', actorKind: 'staff' });
  });

  it('two workers accepting at the same moment: one wins, the other gets 409', async () => {
    const { id } = await filed('垃圾桶满了三天没人收');
    const results = await Promise.all([act(w.primaryA, id, 'accept'), act(w.backupA, id, 'accept'), act(w.leader, id, 'accept')]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    expect(results.find((r) => r.status === 409)!.body.error.code).toBe('invalid_transition');
    expect(await count(ctx, `SELECT count(*)::int AS n FROM ticket_event WHERE ticket_id = $1 AND action = 'accept'`, [id])).toBe(1);
  });

  it('the backup accepting for the primary takes the ticket over (AB岗)', async () => {
    const { id } = await filed('楼道灯坏了');
    const res = await act(w.backupA, id, 'accept');
    expect(res.body.assignee).toMatchObject({ accountId: w.places.workers.backupA.id, standIn: true });
  });

  it('reassign with a reason: the new worker is told; someone outside the community cannot be chosen', async () => {
    const { id } = await filed('邻居装修噪音太大');
    const outsider = await signedIn(ctx, [['grid_worker', tree.communityB1]]);
    const bad = await act(w.primaryA, id, 'reassign', { assigneeId: outsider.user.id, reason: '不在本网格' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].code).toBe('assignee_invalid');
    const missingReason = await act(w.primaryA, id, 'reassign', { assigneeId: w.places.workers.primaryB.id });
    expect(missingReason.status).toBe(400);
    expect(missingReason.body.error.details[0].field).toBe('body.reason');
    const ok = await act(w.primaryA, id, 'reassign', { assigneeId: w.places.workers.primaryB.id, reason: '属于3号楼网格' });
    expect(ok.body).toMatchObject({ status: 'submitted', assignee: { accountId: w.places.workers.primaryB.id } });
    expect(await inboxKinds(w.primaryB, id)).toContain('ticket.assigned');
  });

  it('return with a reason; resolving a returned ticket is 409 and changes nothing', async () => {
    const { resident, id } = await filed('希望修建地下停车场');
    expect((await act(w.primaryA, id, 'return', {})).status).toBe(400);
    const returned = await act(w.primaryA, id, 'return', { reason: '属于规划部门职责，已告知12345热线' });
    expect(returned.body).toMatchObject({ status: 'returned', returnReason: '属于规划部门职责，已告知12345热线' });
    expect(await inboxKinds(resident, id)).toContain('ticket.returned');
    const before = returned.body.version;
    const again = await act(w.primaryA, id, 'resolve', { resolution: '办好了' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('invalid_transition');
    expect((await w.primaryA.get(`/api/v1/tickets/${id}`)).body).toMatchObject({ status: 'returned', version: before, resolution: null });
  });

  it('a resident cannot resolve their own ticket (403); an unknown action is 400', async () => {
    const { resident, id } = await filed('井盖不见了');
    expect((await act(resident, id, 'resolve', { resolution: '我自己修好了' })).status).toBe(403);
    expect((await act(w.primaryA, id, 'approve')).status).toBe(400);
  });
});

describe('rating', () => {
  async function resolvedTicket(description: string) {
    const t = await filed(description);
    await act(w.primaryA, t.id, 'resolve', { resolution: '已处理' });
    return t;
  }

  it('only the submitter rates: a neighbour gets 404, the worker 403; rating twice is 409', async () => {
    const { resident, id } = await resolvedTicket('单元门禁坏了');
    const neighbour = await residentClient(ctx, w.places, 0);
    expect((await act(neighbour, id, 'rate', { rating: 1 })).status).toBe(404);
    expect((await act(w.primaryA, id, 'rate', { rating: 5 })).status).toBe(403);
    expect((await act(resident, id, 'rate', { rating: 6 })).status).toBe(400);
    expect((await act(resident, id, 'rate', { rating: 4 })).status).toBe(200);
    const twice = await act(resident, id, 'rate', { rating: 5 });
    expect(twice.status).toBe(409);
    expect((await resident.get(`/api/v1/tickets/${id}`)).body.rating).toBe(4);
  });

  it('an unhappy first rating reopens the ticket, escalates it to the grid leader, with a fresh deadline; the second closes it', async () => {
    const { resident, id } = await resolvedTicket('下水道堵了');
    const reopened = await act(resident, id, 'rate', { rating: 2, comment: '根本没修好' });
    expect(reopened.body).toMatchObject({ status: 'reopened', reopenCount: 1, escalationLevel: 1, escalationCount: 1 });
    expect(reopened.body.timeline.map((e: { action: string }) => e.action).slice(-2)).toEqual(['rate', 'escalate']);
    expect(await inboxKinds(w.leader, id)).toContain('ticket.reopened');
    expect(await inboxKinds(w.primaryA, id)).toContain('ticket.reopened');
    expect(Date.parse(reopened.body.dueAt)).toBeGreaterThan(Date.now() + 47 * 3_600_000);

    await act(w.primaryA, id, 'accept');
    await act(w.primaryA, id, 'resolve', { resolution: '请疏通公司上门处理' });
    const final = await act(resident, id, 'rate', { rating: 1, comment: '还是堵' });
    expect(final.body).toMatchObject({ status: 'closed', rating: 1, reopenCount: 1 });
  });

  it('after seven days the rating window is closed (409)', async () => {
    const { resident, id } = await resolvedTicket('健身器材松动');
    await ctx.database.query(`UPDATE ticket SET resolved_at = now() - interval '8 days' WHERE id = $1`, [id]);
    const late = await act(resident, id, 'rate', { rating: 5 });
    expect(late.status).toBe(409);
  });

  it('a hotline caller without an app account is rated by phone (回访) by the worker', async () => {
    const res = await report(w.primaryA, { channel: 'hotline', buildingId: w.places.buildings[0]!.id, contactName: '赵大妈', description: '楼下有人烧垃圾' });
    await act(w.primaryA, res.body.id, 'resolve', { resolution: '已劝阻' });
    const rated = await act(w.primaryA, res.body.id, 'rate', { rating: 5, comment: '电话回访：满意' });
    expect(rated.body).toMatchObject({ status: 'closed', rating: 5 });
  });
});

describe('duplicates and merging', () => {
  it('staff are offered similar open tickets of the same building and category; merged tickets share the outcome and every submitter hears', async () => {
    const a = await filed('3号楼前面的垃圾堆了好几天没人清理，味道很大', 2);
    const b = await filed('3号楼前面垃圾好几天没人清理了，味道很大', 2);
    const unrelated = await filed('3号楼电梯按钮失灵', 2);
    const detail = (await w.secretary.get(`/api/v1/tickets/${b.id}`)).body;
    const offered = detail.duplicateCandidates.map((d: { id: string }) => d.id);
    expect(offered).toContain(a.id);
    expect(offered).not.toContain(unrelated.id);
    expect((await b.resident.get(`/api/v1/tickets/${b.id}`)).body.duplicateCandidates).toEqual([]);

    expect((await act(b.resident, b.id, 'merge', { intoId: a.id })).status).toBe(403);
    const merged = await act(w.secretary, b.id, 'merge', { intoId: a.id, reason: '同一问题' });
    expect(merged.body).toMatchObject({ status: 'merged', mergedIntoId: a.id });
    expect(await inboxKinds(b.resident, b.id)).toContain('ticket.merged');
    expect((await act(w.secretary, a.id, 'merge', { intoId: b.id })).status).toBe(409);

    await act(w.secretary, a.id, 'resolve', { resolution: '已安排保洁清运' });
    const bNow = (await b.resident.get(`/api/v1/tickets/${b.id}`)).body;
    expect(bNow).toMatchObject({ status: 'resolved', resolution: '已安排保洁清运', actions: ['rate'] });
    expect(bNow.master.id).toBe(a.id);
    expect(bNow.master.timeline.map((e: { action: string }) => e.action)).toContain('merge_in');
    expect(bNow.master.timeline[0].actorName).toMatch(/\*/);
    expect(await inboxKinds(a.resident, a.id)).toContain('ticket.resolved');
    expect(await inboxKinds(b.resident, b.id)).toContain('ticket.resolved');
    expect((await w.secretary.get(`/api/v1/tickets/${a.id}`)).body.mergedCount).toBe(1);
  });
});

describe('closing and the state table', () => {
  it('the secretary files a suggestion on record (accepted → closed with a reason); a grid worker may not (403)', async () => {
    const resident = await residentClient(ctx, w.places, 0);
    const res = await report(resident, { kind: 'suggestion', category: 'other', description: '建议周末开放社区图书室' });
    await act(w.primaryA, res.body.id, 'accept');
    expect((await act(w.primaryA, res.body.id, 'close', { reason: '已记录' })).status).toBe(403);
    const closed = await act(w.secretary, res.body.id, 'close', { reason: '已纳入下季度服务计划' });
    expect(closed.body).toMatchObject({ status: 'closed' });
  });

  it('GET /ticket-transitions hands the table to the apps', async () => {
    const table = (await w.primaryA.get('/api/v1/ticket-transitions')).body;
    expect(table).toContainEqual({ from: 'submitted', action: 'accept', to: 'accepted', by: ['assignee', 'handler'], needs: [], when: null });
    expect(table.filter((t: { action: string; from: string }) => t.action === 'rate' && t.from === 'resolved')).toHaveLength(2);
  });
});
