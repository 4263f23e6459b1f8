import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTree, type TestContext, type TestTree } from '../../test/harness';
import { act, count, report, residentClient, ticketWorld, type TicketWorld } from './tickets.testing';

let ctx: TestContext;
let tree: TestTree;
let w: TicketWorld;

beforeAll(async () => {
  ctx = await createTestApp();
  tree = await createTree(ctx.database);
  w = await ticketWorld(ctx, tree.communityA1);
});
afterAll(() => ctx.close());

const jobs = () => ctx.app.services.tickets.jobs;
const kindsFor = async (c: { get: (u: string) => Promise<{ body: { items: Array<{ kind: string; entityId: string }> } }> }, id: string) =>
  (await c.get('/api/v1/notifications')).body.items.filter((n) => n.entityId === id).map((n) => n.kind);

describe('督办: overdue tickets are pushed up', () => {
  it('at due to the grid leader, a day later to the community secretary; each push notified, on the timeline and counted', async () => {
    const resident = await residentClient(ctx, w.places, 0);
    const { body } = await report(resident, { buildingId: w.places.buildings[0]!.id });
    await ctx.database.query(`UPDATE ticket SET due_at = now() - interval '1 hour' WHERE id = $1`, [body.id]);

    expect(await jobs().escalateOverdue()).toBeGreaterThanOrEqual(1);
    let t = (await w.secretary.get(`/api/v1/tickets/${body.id}`)).body;
    expect(t).toMatchObject({ escalationLevel: 1, escalationCount: 1, overdue: true });
    expect(t.timeline.at(-1)).toMatchObject({ action: 'escalate', actorKind: 'system' });
    expect(await kindsFor(w.leader, body.id)).toContain('ticket.overdue');
    expect(await kindsFor(w.primaryA, body.id)).toContain('ticket.overdue');
    expect(await kindsFor(w.secretary, body.id)).not.toContain('ticket.overdue');

    // The next tick finds nothing new to push.
    await jobs().escalateOverdue();
    expect((await w.secretary.get(`/api/v1/tickets/${body.id}`)).body.escalationCount).toBe(1);

    await ctx.database.query(`UPDATE ticket SET due_at = now() - interval '25 hours' WHERE id = $1`, [body.id]);
    await jobs().escalateOverdue();
    t = (await w.secretary.get(`/api/v1/tickets/${body.id}`)).body;
    expect(t).toMatchObject({ escalationLevel: 2, escalationCount: 2 });
    expect(await kindsFor(w.secretary, body.id)).toContain('ticket.overdue');
    expect(await count(ctx, `SELECT count(*)::int AS n FROM audit_log WHERE action = 'ticket.escalate' AND entity_id = $1`, [body.id])).toBe(2);
  });

  it('tickets resolved, returned or not yet due are left alone', async () => {
    const resident = await residentClient(ctx, w.places, 0);
    const done = (await report(resident, { description: '已经处理完的问题' })).body.id;
    await act(w.primaryA, done, 'resolve', { resolution: '已处理' });
    const fresh = (await report(resident, { description: '刚刚提交的问题' })).body.id;
    await ctx.database.query(`UPDATE ticket SET due_at = now() - interval '3 days' WHERE id = $1`, [done]);
    await jobs().escalateOverdue();
    for (const id of [done, fresh]) expect((await w.secretary.get(`/api/v1/tickets/${id}`)).body.escalationCount).toBe(0);
  });
});

describe('unrated tickets close after seven days', () => {
  it('a ticket resolved eight days ago without a rating closes; one resolved yesterday stays open for rating', async () => {
    const resident = await residentClient(ctx, w.places, 0);
    const old = (await report(resident, { description: '八天前办结的' })).body.id;
    const recent = (await report(resident, { description: '昨天办结的' })).body.id;
    for (const id of [old, recent]) await act(w.primaryA, id, 'resolve', { resolution: '已处理' });
    await ctx.database.query(`UPDATE ticket SET resolved_at = now() - interval '8 days' WHERE id = $1`, [old]);
    expect(await jobs().closeUnrated()).toBe(1);
    const closed = (await resident.get(`/api/v1/tickets/${old}`)).body;
    expect(closed).toMatchObject({ status: 'closed', rating: null, actions: [] });
    expect(closed.timeline.at(-1)).toMatchObject({ action: 'close', actorKind: 'system' });
    expect((await resident.get(`/api/v1/tickets/${recent}`)).body.status).toBe('resolved');
  });
});

describe('the job definitions', () => {
  it('are cron schedules, registered with the others', () => {
    const names = jobs().definitions().map((d) => [d.name, d.cron]);
    expect(names).toEqual([
      ['tickets.escalate', '*/5 * * * *'],
      ['tickets.close-unrated', '17 * * * *'],
    ]);
  });
});
