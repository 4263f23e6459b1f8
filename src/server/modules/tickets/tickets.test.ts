import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTree, createUser, login, signedIn, type TestContext, type TestTree } from '../../test/harness';
import { createResident, linkAccount, putOnLeave } from '../../test/places-factory';
import { pngImage, uploadPhoto } from '../uploads/uploads.testing';
import { localDay } from './tickets.service';
import { count, report, residentClient, ticketWorld, type TicketWorld } from './tickets.testing';

let ctx: TestContext;
let tree: TestTree;
let w: TicketWorld;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'tx-tickets-'));
  ctx = await createTestApp({ config: { dataDir } });
  tree = await createTree(ctx.database);
  w = await ticketWorld(ctx, tree.communityA1);
});
afterAll(async () => {
  await ctx.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const tickets = () => count(ctx, 'SELECT count(*)::int AS n FROM ticket');
const today = () => localDay(new Date(), 'Asia/Shanghai');

describe('filing a ticket and routing it to the grid on duty', () => {
  it('a resident reports a problem at a building: it goes to the grid’s primary worker, due by the category’s deadline', async () => {
    const resident = await residentClient(ctx, w.places, 0);
    const building = w.places.buildings[1]!;
    const res = await report(resident, { buildingId: building.id, location: '2号楼东侧楼道' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'submitted', channel: 'resident_app', buildingId: building.id, gridId: w.places.gridA.id, category: { key: 'sanitation', name: '环境卫生' } });
    expect(res.body.assignee).toMatchObject({ accountId: w.places.workers.primaryA.id, standIn: false });
    const hours = (Date.parse(res.body.dueAt) - Date.parse(res.body.createdAt)) / 3_600_000;
    expect(hours).toBeCloseTo(48, 1);
    expect(res.body.timeline.map((e: { action: string }) => e.action)).toEqual(['create', 'assign']);
    expect(res.body.submitter).toMatchObject({ name: resident.name, isMe: true });
    expect(res.body.actions).toEqual([]);

    const inbox = (await w.primaryA.get('/api/v1/notifications')).body.items;
    expect(inbox.some((n: { kind: string; entityId: string; link: string }) => n.kind === 'ticket.new' && n.entityId === res.body.id && n.link === `/tickets/${res.body.id}`)).toBe(true);
  });

  it('while the primary is on leave the ticket goes to the backup (AB岗)', async () => {
    const resident = await residentClient(ctx, w.places, 2);
    await putOnLeave(ctx.database, tree.communityA1.id, w.places.workers.primaryB.id, today(), today());
    const res = await report(resident, { buildingId: w.places.buildings[2]!.id });
    expect(res.body.assignee).toMatchObject({ accountId: w.places.workers.backupB.id, standIn: true });
  });

  it('a resident who names no building reports about their own home', async () => {
    const resident = await residentClient(ctx, w.places, 1);
    const res = await report(resident, {});
    expect(res.status).toBe(201);
    expect(res.body.buildingId).toBe(w.places.buildings[1]!.id);
    expect(res.body.buildingLabel).toContain('2号楼');
  });

  it('a category routed to the property company goes to its contact, who sees only what was sent to them', async () => {
    const property = await signedIn(ctx, [['property_staff', tree.communityA1]]);
    const cats = (await w.secretary.get('/api/v1/ticket-categories')).body;
    const repair = cats.find((c: { key: string }) => c.key === 'property_repair');
    expect(repair).toMatchObject({ deadlineHours: 72, onSite: true, routeAccountId: null });
    const routed = await w.secretary.patch(`/api/v1/ticket-categories/${repair.id}`, { version: repair.version, routeAccountId: property.user.id });
    expect(routed.status).toBe(200);

    const resident = await residentClient(ctx, w.places, 0);
    const res = await report(resident, { category: 'property_repair', description: '电梯又坏了，老人上不去楼' });
    expect(res.body.assignee.accountId).toBe(property.user.id);
    expect((await property.get(`/api/v1/tickets/${res.body.id}`)).body.actions).toEqual(expect.arrayContaining(['accept', 'resolve', 'reassign', 'return']));
    const list = (await property.get('/api/v1/tickets')).body.items;
    expect(list.map((t: { id: string }) => t.id)).toEqual([res.body.id]);
    const other = await report(resident, { description: '垃圾桶满了' });
    expect((await property.get(`/api/v1/tickets/${other.body.id}`)).status).toBe(404);
    await w.secretary.patch(`/api/v1/ticket-categories/${repair.id}`, { version: routed.body.version, routeAccountId: null });
  });

  it('a 随手拍 with a photo: the assignee opens the photo through the ticket', async () => {
    const resident = await residentClient(ctx, w.places, 0);
    const photo = await uploadPhoto(ctx.app, resident.cookie, await pngImage(40, 30));
    const res = await report(resident, { channel: 'snap', photoIds: [photo.body.id], description: '路灯坏了' });
    expect(res.status).toBe(201);
    expect(res.body.photoIds).toEqual([photo.body.id]);
    const file = await ctx.app.inject({ method: 'GET', url: `/api/v1/tickets/${res.body.id}/photos/${photo.body.id}`, headers: { cookie: w.primaryA.cookie! } });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
  });
});

describe('staff entering a call or a walk-in for a resident', () => {
  it('a hotline call for a resident with an app account: the resident follows it; the phone is masked except for the assignee who reveals it (audited)', async () => {
    const resident = await residentClient(ctx, w.places, 0);
    const res = await report(w.primaryA, { channel: 'hotline', kind: 'complaint', buildingId: w.places.buildings[0]!.id, submitterResidentId: resident.residentId, contactPhone: '13912345678' });
    expect(res.status).toBe(201);
    expect(res.body.submitter).toMatchObject({ name: resident.name, phone: '*******5678', hasAccount: true, isMe: false });
    expect(res.body.timeline[0]).toMatchObject({ action: 'create', actorKind: 'staff' });

    const mine = (await resident.get('/api/v1/tickets')).body.items.map((t: { id: string }) => t.id);
    expect(mine).toContain(res.body.id);

    const bySecretary = (await w.secretary.get(`/api/v1/tickets/${res.body.id}`)).body;
    expect(bySecretary.submitter.name).not.toBe(resident.name);
    expect(bySecretary.submitter.name).toMatch(/\*/);
    expect((await w.secretary.post(`/api/v1/tickets/${res.body.id}/reveal-contact`)).status).toBe(403);

    const revealed = await w.primaryA.post(`/api/v1/tickets/${res.body.id}/reveal-contact`);
    expect(revealed.body).toEqual({ name: resident.name, phone: '13912345678' });
    expect(await count(ctx, `SELECT count(*)::int AS n FROM audit_log WHERE action = 'ticket.reveal_contact' AND entity_id = $1`, [res.body.id])).toBe(1);
    const stored = await ctx.database.query<{ contact_phone_enc: string }>('SELECT contact_phone_enc FROM ticket WHERE id = $1', [res.body.id]);
    expect(stored[0]!.contact_phone_enc).not.toContain('13912345678');
  });

  it('a walk-in caller without an account needs a name or phone', async () => {
    const before = await tickets();
    const res = await report(w.staff, { channel: 'walk_in', buildingId: w.places.buildings[0]!.id });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].code).toBe('contact_required');
    expect(await tickets()).toBe(before);
    const ok = await report(w.staff, { channel: 'walk_in', buildingId: w.places.buildings[0]!.id, contactName: '李大爷' });
    expect(ok.status).toBe(201);
    expect(ok.body.submitter).toMatchObject({ hasAccount: false });
  });

  it('a resident cannot pose as the hotline (403)', async () => {
    const resident = await residentClient(ctx, w.places, 0);
    expect((await report(resident, { channel: 'hotline', contactName: '某人' })).status).toBe(403);
  });
});

describe('who sees which ticket', () => {
  let ticketId: string;
  beforeAll(async () => {
    const resident = await residentClient(ctx, w.places, 0);
    ticketId = (await report(resident, { buildingId: w.places.buildings[0]!.id })).body.id;
  });

  it('another resident gets 404, and lists only their own', async () => {
    const neighbour = await residentClient(ctx, w.places, 0);
    expect((await neighbour.get(`/api/v1/tickets/${ticketId}`)).status).toBe(404);
    expect((await neighbour.get('/api/v1/tickets')).body.items).toEqual([]);
    expect((await neighbour.get('/api/v1/tickets?view=scope')).status).toBe(403);
  });

  it('the worker of another grid gets 404; the grid leader and the secretary see it', async () => {
    expect((await w.primaryB.get(`/api/v1/tickets/${ticketId}`)).status).toBe(404);
    expect((await w.primaryB.get('/api/v1/tickets')).body.items.map((t: { id: string }) => t.id)).not.toContain(ticketId);
    expect((await w.leader.get(`/api/v1/tickets/${ticketId}`)).status).toBe(200);
    expect((await w.secretary.get(`/api/v1/tickets/${ticketId}`)).status).toBe(200);
  });

  it('staff of another community get 404; the system admin may not read tickets at all (403)', async () => {
    const other = await signedIn(ctx, [['community_secretary', tree.communityA2]]);
    expect((await other.get(`/api/v1/tickets/${ticketId}`)).status).toBe(404);
    const sys = await signedIn(ctx, [['sys_admin', tree.district]]);
    expect((await sys.get(`/api/v1/tickets/${ticketId}`)).status).toBe(403);
    expect((await sys.post('/api/v1/tickets', { kind: 'appeal', category: 'sanitation', description: 'x x' })).status).toBe(403);
  });

  it('the queue sorts by due time and filters by status', async () => {
    const page = (await w.secretary.get('/api/v1/tickets?sort=due&status=open&limit=3')).body;
    const dues = page.items.map((t: { dueAt: string }) => Date.parse(t.dueAt));
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    expect(page.nextCursor).not.toBeNull();
    const next = (await w.secretary.get(`/api/v1/tickets?sort=due&status=open&limit=3&cursor=${page.nextCursor}`)).body;
    expect(Date.parse(next.items[0].dueAt)).toBeGreaterThanOrEqual(dues[dues.length - 1]);
    for (const t of page.items) expect(['submitted', 'accepted', 'reopened']).toContain(t.status);
  });
});

describe('bad input: a clear 4xx and nothing written', () => {
  let resident: Awaited<ReturnType<typeof residentClient>>;
  beforeAll(async () => {
    resident = await residentClient(ctx, w.places, 0);
  });

  async function refused(body: Record<string, unknown>, status: number, field?: string) {
    const before = await tickets();
    const res = await report(resident, body);
    expect(res.status).toBe(status);
    if (field) expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
    expect(await tickets()).toBe(before);
    return res;
  }

  it('empty text, 10,000 characters, an unknown field', async () => {
    await refused({ description: '   ' }, 400, 'body.description');
    await refused({ description: '长'.repeat(10_000) }, 400, 'body.description');
    await refused({ urgent: true }, 400, 'body.urgent');
  });

  it('ten photos, a photo that is someone else’s, a 随手拍 without photo, an unknown category', async () => {
    const ids = Array.from({ length: 10 }, () => '01890a5d-ac96-774b-bcce-b302099a8057');
    await refused({ photoIds: ids }, 400, 'body.photoIds');
    const other = await residentClient(ctx, w.places, 0);
    const theirs = (await uploadPhoto(ctx.app, other.cookie, await pngImage(21, 21))).body.id;
    await refused({ photoIds: [theirs] }, 404);
    await refused({ channel: 'snap' }, 400, 'body.photoIds');
    const res = await refused({ category: 'no_such_thing' }, 400, 'body.category');
    expect(res.body.error.details[0].message).toBe('该分类不存在或已停用');
  });

  it('a building of another community is not found', async () => {
    const otherWorld = await ticketWorld(ctx, tree.communityA2);
    await refused({ buildingId: otherWorld.places.buildings[0]!.id }, 404);
  });
});

describe('a phone retrying on a bad network files one ticket (Idempotency-Key)', () => {
  it('the same key twice gives the same ticket; two at once give one ticket', async () => {
    const resident = await residentClient(ctx, w.places, 0);
    const before = await tickets();
    const first = await report(resident, { description: '井盖松动' }, { 'idempotency-key': 'retry-1' });
    const again = await report(resident, { description: '井盖松动' }, { 'idempotency-key': 'retry-1' });
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const both = await Promise.all([1, 2, 3].map(() => report(resident, { description: '水管漏水' }, { 'idempotency-key': 'retry-2' })));
    expect(both.filter((r) => r.status === 201).length).toBeGreaterThanOrEqual(1);
    expect(new Set(both.filter((r) => r.status === 201).map((r) => r.body.id)).size).toBe(1);
    expect(await tickets()).toBe(before + 2);
  });
});

describe('categories', () => {
  it('every community starts with the default set; a secretary adds one; grid workers may not (403)', async () => {
    const keys = (await w.secretary.get('/api/v1/ticket-categories')).body.map((c: { key: string }) => c.key);
    expect(keys).toEqual(expect.arrayContaining(['sanitation', 'property_repair', 'neighbor_dispute', 'public_security', 'policy_inquiry', 'counseling']));
    const created = await w.secretary.post('/api/v1/ticket-categories', { communityId: tree.communityA1.id, key: 'parking', name: '停车管理', deadlineHours: 24, onSite: true });
    expect(created.status).toBe(201);
    expect((await w.secretary.post('/api/v1/ticket-categories', { communityId: tree.communityA1.id, key: 'parking', name: '重复', deadlineHours: 24 })).status).toBe(409);
    expect((await w.primaryA.post('/api/v1/ticket-categories', { communityId: tree.communityA1.id, key: 'x_y', name: 'x', deadlineHours: 1 })).status).toBe(403);
    const outsider = await signedIn(ctx, [['community_secretary', tree.communityB1]]);
    expect((await outsider.post('/api/v1/ticket-categories', { communityId: tree.communityA1.id, key: 'x_z', name: 'x', deadlineHours: 1 })).status).toBe(404);
  });

  it('routing to an account that cannot work tickets in the community is refused', async () => {
    const cats = (await w.secretary.get('/api/v1/ticket-categories')).body;
    const c = cats.find((x: { key: string }) => x.key === 'sanitation');
    const stranger = await createUser(ctx.database, [['resident', tree.communityA1]]);
    const res = await w.secretary.patch(`/api/v1/ticket-categories/${c.id}`, { version: c.version, routeAccountId: stranger.id });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].code).toBe('assignee_invalid');
  });
});

describe('the building picker', () => {
  it('lists the community’s buildings with their grid, searchable', async () => {
    const all = (await w.staff.get('/api/v1/ticket-buildings')).body;
    expect(all.length).toBeGreaterThanOrEqual(3);
    const one = (await w.staff.get(`/api/v1/ticket-buildings?q=${encodeURIComponent('3号楼')}`)).body;
    expect(one).toHaveLength(1);
    expect(one[0]).toMatchObject({ gridId: w.places.gridB.id, name: '3号楼' });
    const resident = await residentClient(ctx, w.places, 0);
    expect((await resident.get('/api/v1/ticket-buildings')).body.length).toBe(all.length);
  });
});

describe('an app account linked later', () => {
  it('a resident record without an account: staff file for them, and the account created later sees it', async () => {
    const person = await createResident(ctx.database, tree.communityA1.id, null, { name: '王秀英' });
    const res = await report(w.staff, { channel: 'walk_in', submitterResidentId: person.id, communityId: tree.communityA1.id });
    expect(res.status).toBe(201);
    expect(res.body.submitter.hasAccount).toBe(false);
    const user = await createUser(ctx.database, [['resident', tree.communityA1]]);
    await linkAccount(ctx.database, user.id, person.id);
    const c = await login(ctx.app, user.username);
    expect((await c.get(`/api/v1/tickets/${res.body.id}`)).body.submitter.isMe).toBe(true);
    expect((await c.get('/api/v1/tickets')).body.items.map((t: { id: string }) => t.id)).toContain(res.body.id);
  });
});
