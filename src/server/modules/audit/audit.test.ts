import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTree, signedIn, type TestContext, type TestTree } from '../../test/harness';

let ctx: TestContext;
let tree: TestTree;
beforeAll(async () => {
  ctx = await createTestApp();
  tree = await createTree(ctx.database);
});
afterAll(() => ctx.close());

describe('reading the audit log', () => {
  it('the audit admin lists entries newest first, filters, pages and verifies', async () => {
    const sys = await signedIn(ctx, [['sys_admin', tree.district]]);
    for (let i = 0; i < 3; i++) await sys.post('/api/v1/centers', { communityId: tree.communityA1.id, name: `中心${i}` });
    const auditor = await signedIn(ctx, [['audit_admin', tree.district]]);
    const page = await auditor.get('/api/v1/audit-log?action=center.create&limit=2');
    expect(page.status).toBe(200);
    expect(page.body.items).toHaveLength(2);
    expect(page.body.items[0].seq).toBeGreaterThan(page.body.items[1].seq);
    const next = await auditor.get(`/api/v1/audit-log?action=center.create&limit=2&cursor=${page.body.nextCursor}`);
    expect(next.body.items).toHaveLength(1);
    expect(next.body.nextCursor).toBeNull();
    const verify = await auditor.get('/api/v1/audit-log/verify');
    expect(verify.body.ok).toBe(true);
    expect(verify.body.checked).toBeGreaterThanOrEqual(3);
  });

  it.each(['sys_admin', 'security_admin'] as const)('%s cannot read the audit log (403)', async (role) => {
    const c = await signedIn(ctx, [[role, tree.district]]);
    expect((await c.get('/api/v1/audit-log')).status).toBe(403);
    expect((await c.get('/api/v1/audit-log/verify')).status).toBe(403);
  });

  it('community staff cannot read it either', async () => {
    const c = await signedIn(ctx, [['community_secretary', tree.communityA1]]);
    expect((await c.get('/api/v1/audit-log')).status).toBe(403);
  });

  it('tampering with a row is detected by verify, at that row', async () => {
    const sys = await signedIn(ctx, [['sys_admin', tree.district]]);
    await sys.post('/api/v1/centers', { communityId: tree.communityA1.id, name: '待篡改' });
    const [row] = await ctx.database.query<{ id: string }>(`SELECT id FROM audit_log WHERE action = 'center.create' ORDER BY seq DESC LIMIT 1`);
    // Only a superuser bypassing the trigger could do this; verify must still notice.
    await ctx.database.exec(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete`);
    await ctx.database.query(`UPDATE audit_log SET actor_name = 'someone-else' WHERE id = $1`, [row!.id]);
    await ctx.database.exec(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete`);
    const auditor = await signedIn(ctx, [['audit_admin', tree.district]]);
    const verify = await auditor.get('/api/v1/audit-log/verify');
    expect(verify.body).toMatchObject({ ok: false, brokenAt: row!.id });
  });

  it('a deleted row breaks the chain too', async () => {
    const fresh = await (await import('../../test/harness')).createTestApp();
    try {
      const t = await createTree(fresh.database);
      const sys = await signedIn(fresh, [['sys_admin', t.district]]);
      for (let i = 0; i < 3; i++) await sys.post('/api/v1/centers', { communityId: t.communityA1.id, name: `c${i}` });
      const rows = await fresh.database.query<{ id: string; seq: number }>(`SELECT id, seq FROM audit_log ORDER BY seq`);
      await fresh.database.exec(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete`);
      await fresh.database.query(`DELETE FROM audit_log WHERE id = $1`, [rows[1]!.id]);
      const result = await fresh.app.ctx.audit.verify();
      expect(result).toMatchObject({ ok: false, brokenAt: rows[2]!.id });
    } finally {
      await fresh.close();
    }
  });
});
