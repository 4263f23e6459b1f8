import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTree, signedIn, type TestContext, type TestTree } from '../../test/harness';

let ctx: TestContext;
let tree: TestTree;
beforeAll(async () => {
  ctx = await createTestApp();
  tree = await createTree(ctx.database);
});
afterAll(() => ctx.close());

describe('the in-app inbox', () => {
  it('shows one’s own notifications with an unread count, and marks them read', async () => {
    const me = await signedIn(ctx, [['resident', tree.communityA1]]);
    const other = await signedIn(ctx, [['resident', tree.communityA1]]);
    const notifications = ctx.app.services.notifications;
    await ctx.database.db.transaction(async (tx) => {
      await notifications.notify(tx, { accountIds: [me.user.id], kind: 'ticket.resolved', title: '您的诉求已办结', body: '请评价', link: '/m/tickets/1' });
      await notifications.notify(tx, { accountIds: [me.user.id, other.user.id], kind: 'lecture.reminder', title: '微党课提醒' });
    });
    const list = await me.get('/api/v1/notifications');
    expect(list.body.unreadCount).toBe(2);
    expect(list.body.items.map((n: { title: string }) => n.title)).toEqual(['微党课提醒', '您的诉求已办结']);
    const first = list.body.items[0];
    expect((await other.post(`/api/v1/notifications/${first.id}/read`)).status).toBe(404);
    expect((await me.post(`/api/v1/notifications/${first.id}/read`)).status).toBe(200);
    expect((await me.get('/api/v1/notifications')).body.unreadCount).toBe(1);
    expect((await me.get('/api/v1/notifications?unread=true')).body.items).toHaveLength(1);
    expect((await me.post('/api/v1/notifications/read-all')).body.updated).toBe(1);
    expect((await other.get('/api/v1/notifications')).body.unreadCount).toBe(1);
  });

  it('needs a session', async () => {
    const { client } = await import('../../test/harness');
    expect((await client(ctx.app).get('/api/v1/notifications')).status).toBe(401);
  });
});
