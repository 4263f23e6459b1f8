import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTree, signedIn, type Client, type TestContext, type TestTree, type TestUser } from '../../test/harness';
import { report, residentClient, ticketWorld, type TicketWorld } from './tickets.testing';

let ctx: TestContext;
let tree: TestTree;
let w: TicketWorld;
let member: Client & { user: TestUser };

beforeAll(async () => {
  ctx = await createTestApp();
  tree = await createTree(ctx.database);
  w = await ticketWorld(ctx, tree.communityA1);
  member = await signedIn(ctx, [['party_member', tree.communityA1]]);
});
afterAll(() => ctx.close());

const newProject = (body: Record<string, unknown> = {}) =>
  w.secretary.post('/api/v1/projects', {
    title: '小区广场休闲座椅',
    description: '居民反映广场缺少座椅，老人无处休息',
    leaderAccountId: member.user.id,
    supervisorAccountId: w.secretary.user.id,
    milestones: [{ title: '征求居民意见' }, { title: '采购安装', dueOn: '2026-12-31' }],
    ...body,
  });

describe('领办督办 projects', () => {
  it('a ticket too big for one worker becomes a project led by a party member; the ticket’s timeline says so', async () => {
    const resident = await residentClient(ctx, w.places, 0);
    const ticket = (await report(resident, { kind: 'suggestion', category: 'public_facilities', description: '广场上没有座椅，老人没地方歇脚' })).body;
    const res = await newProject({ sourceTicketId: ticket.id });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ source: 'ticket', sourceTicketId: ticket.id, status: 'planned', progress: 0, leader: { accountId: member.user.id }, milestones: 2, milestonesDone: 0, canManage: true });
    const t = (await resident.get(`/api/v1/tickets/${ticket.id}`)).body;
    expect(t.projectId).toBe(res.body.id);
    expect(t.timeline.at(-1)).toMatchObject({ action: 'project', note: '小区广场休闲座椅' });
    expect((await newProject({ sourceTicketId: ticket.id })).status).toBe(409);
    const inbox = (await member.get('/api/v1/notifications')).body.items;
    expect(inbox.some((n: { kind: string; entityId: string }) => n.kind === 'project.assigned' && n.entityId === res.body.id)).toBe(true);
  });

  it('the leader reports progress and completes milestones; the supervisor is told; 100 % is done', async () => {
    const p = (await newProject({ jointMeetingId: '01890a5d-ac96-774b-bcce-b302099a8057', decisionNote: '十月联席会议定：物业出资、社区督办' })).body;
    expect(p.source).toBe('joint_meeting');
    const first = await member.post(`/api/v1/projects/${p.id}/updates`, { note: '已征求60户居民意见', progress: 30, milestoneId: p.milestoneList[0].id });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ status: 'in_progress', progress: 30, milestonesDone: 1, canProgress: true, canManage: false });
    const inbox = (await w.secretary.get('/api/v1/notifications')).body.items;
    expect(inbox.some((n: { kind: string; entityId: string }) => n.kind === 'project.progress' && n.entityId === p.id)).toBe(true);
    const done = await member.post(`/api/v1/projects/${p.id}/updates`, { note: '座椅安装完成', progress: 100, milestoneId: p.milestoneList[1].id });
    expect(done.body).toMatchObject({ status: 'done', progress: 100, milestonesDone: 2 });
    expect(done.body.completedAt).not.toBeNull();
    expect(done.body.updates.map((u: { note: string }) => u.note)).toEqual(['座椅安装完成', '已征求60户居民意见']);
    expect((await member.post(`/api/v1/projects/${p.id}/updates`, { note: '再补充' })).status).toBe(409);
  });

  it('residents follow public projects of their community; private ones are 404 to them', async () => {
    const pub = (await newProject({ title: '街头公园生态公厕' })).body;
    const hidden = (await newProject({ title: '内部协调事项', isPublic: false })).body;
    const resident = await residentClient(ctx, w.places, 0);
    const list = (await resident.get('/api/v1/projects')).body.items.map((p: { id: string }) => p.id);
    expect(list).toContain(pub.id);
    expect(list).not.toContain(hidden.id);
    expect((await resident.get(`/api/v1/projects/${hidden.id}`)).status).toBe(404);
    expect((await resident.get(`/api/v1/projects/${pub.id}`)).body.canProgress).toBe(false);
    expect((await resident.post(`/api/v1/projects/${pub.id}/updates`, { note: '我来说两句' })).status).toBe(403);
  });

  it('the leader must be a party member of the community; a grid worker may not start projects (403); another community is 404', async () => {
    const notMember = await signedIn(ctx, [['resident', tree.communityA1]]);
    const bad = await newProject({ leaderAccountId: notMember.user.id });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].code).toBe('leader_not_party_member');
    expect((await w.primaryA.post('/api/v1/projects', { title: '网格员项目', leaderAccountId: member.user.id, supervisorAccountId: w.secretary.user.id })).status).toBe(403);
    const outsider = await signedIn(ctx, [['community_secretary', tree.communityA2]]);
    const p = (await newProject()).body;
    expect((await outsider.get(`/api/v1/projects/${p.id}`)).status).toBe(404);
    expect((await outsider.patch(`/api/v1/projects/${p.id}`, { version: p.version, status: 'cancelled' })).status).toBe(404);
  });

  it('the secretary edits with the version; a stale version is 409', async () => {
    const p = (await newProject({ title: '停车位改造' })).body;
    const edited = await w.secretary.patch(`/api/v1/projects/${p.id}`, { version: p.version, dueOn: '2027-03-31' });
    expect(edited.body.dueOn).toBe('2027-03-31');
    expect((await w.secretary.patch(`/api/v1/projects/${p.id}`, { version: p.version, status: 'cancelled' })).status).toBe(409);
  });
});
