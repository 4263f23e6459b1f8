import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/auth/actor';
import { createTestApp, createTree, createUser, signedIn, type TestContext, type TestTree } from '../../test/harness';
import { createHousehold, createPlaces, createResident, type TestPlaces } from '../../test/places-factory';
import { ANONYMIZED_NAME } from './retention.repository';
import { securityJobs } from './security.routes';

let ctx: TestContext;
let tree: TestTree;
let places: TestPlaces;
beforeAll(async () => {
  ctx = await createTestApp({ config: { alertRevealsPerHour: 5, alertExportsPerHour: 2 } });
  tree = await createTree(ctx.database);
  places = await createPlaces(ctx.database, tree.communityA1);
});
afterAll(() => ctx.close());

const q = <T = Record<string, unknown>>(text: string, params: unknown[] = []) => ctx.database.query<T>(text, params);

describe('retention policy', () => {
  it('the security admin sees a policy per record kind and changes one (audited, versioned); nobody else may', async () => {
    const sec = await signedIn(ctx, [['security_admin', tree.district]]);
    const list = await sec.get('/api/v1/security/retention-policies');
    expect(list.status).toBe(200);
    const kinds = list.body.map((p: { recordKind: string }) => p.recordKind);
    expect(kinds).toEqual(expect.arrayContaining(['session', 'idempotency_key', 'notification', 'moved_out_resident', 'privacy_request']));
    const notification = list.body.find((p: { recordKind: string }) => p.recordKind === 'notification');
    expect(notification).toMatchObject({ retainDays: 180, enabled: true, action: 'delete' });
    const changed = await sec.patch('/api/v1/security/retention-policies/notification', { version: notification.version, retainDays: 90 });
    expect(changed.body).toMatchObject({ retainDays: 90, version: notification.version + 1 });
    const stale = await sec.patch('/api/v1/security/retention-policies/notification', { version: notification.version, retainDays: 30 });
    expect(stale.status).toBe(409);
    expect((await sec.patch('/api/v1/security/retention-policies/no_such_kind', { version: 1, retainDays: 30 })).status).toBe(404);
    expect((await sec.patch('/api/v1/security/retention-policies/notification', { version: 2, retainDays: 0 })).status).toBe(400);
    const [audited] = await q<{ changes: { retainDays: { before: number; after: number } } }>(`SELECT changes FROM audit_log WHERE action = 'retention.update' ORDER BY seq DESC LIMIT 1`);
    expect(audited!.changes.retainDays).toEqual({ before: 180, after: 90 });
    await sec.patch('/api/v1/security/retention-policies/notification', { version: notification.version + 1, retainDays: 180 });
    for (const role of ['sys_admin', 'audit_admin'] as const) {
      const c = await signedIn(ctx, [[role, tree.district]]);
      expect((await c.get('/api/v1/security/retention-policies')).status, role).toBe(403);
    }
  });

  it('the daily run deletes and anonymizes what has expired, keeps what has not, and a second run finds nothing', async () => {
    const user = await createUser(ctx.database, [['resident', tree.communityA1]]);
    const recent = await createUser(ctx.database, [['resident', tree.communityA1]]);
    await q(`INSERT INTO session (id, account_id, expires_at, revoked_at) VALUES ('old-' || md5(random()::text), $1, now() - interval '40 days', now() - interval '40 days'), ('new-' || md5(random()::text), $2, now() + interval '1 hour', NULL)`, [user.id, recent.id]);
    await q(`INSERT INTO notification (id, account_id, kind, title, created_at) VALUES (gen_random_uuid(), $1, 'old', 'old', now() - interval '200 days'), (gen_random_uuid(), $1, 'new', 'new', now())`, [user.id]);
    await q(`INSERT INTO idempotency_key (owner, key, route, body_hash, state, expires_at) VALUES ($1, 'k-old', 'POST /x', 'h', 'done', now() - interval '3 days')`, [user.id]);
    const home = await createHousehold(ctx.database, places);
    const gone = await createResident(ctx.database, tree.communityA1.id, home, { tags: ['elderly_alone'] });
    const stays = await createResident(ctx.database, tree.communityA1.id, home);
    const movedRecently = await createResident(ctx.database, tree.communityA1.id, home);
    await q(`UPDATE resident SET status = 'moved_out' WHERE id IN ($1, $2)`, [gone.id, movedRecently.id]);
    await q(`UPDATE household_membership SET left_at = now() - interval '4 years' WHERE resident_id = $1`, [gone.id]);
    await q(`UPDATE household_membership SET left_at = now() - interval '10 days' WHERE resident_id = $1`, [movedRecently.id]);

    const sec = await signedIn(ctx, [['security_admin', tree.district]]);
    const run = await sec.post('/api/v1/security/retention-runs');
    expect(run.status).toBe(201);
    expect(run.body.results).toMatchObject({ moved_out_resident: 1 });
    expect(run.body.results.session).toBeGreaterThanOrEqual(1);
    expect(run.body.results.notification).toBeGreaterThanOrEqual(1);
    expect(run.body.results.idempotency_key).toBeGreaterThanOrEqual(1);

    expect(await q(`SELECT kind FROM notification WHERE account_id = $1`, [user.id])).toEqual([{ kind: 'new' }]);
    expect(await q(`SELECT 1 FROM session WHERE account_id = $1`, [user.id])).toHaveLength(0);
    expect(await q(`SELECT 1 FROM session WHERE account_id = $1`, [recent.id])).toHaveLength(1);
    const [anon] = await q<Record<string, unknown>>(`SELECT name, id_number_enc, id_number_idx, phone_enc, phone_idx, phone_last4, birth_date, tags, status FROM resident WHERE id = $1`, [gone.id]);
    expect(anon).toEqual({ name: ANONYMIZED_NAME, id_number_enc: null, id_number_idx: null, phone_enc: null, phone_idx: null, phone_last4: null, birth_date: null, tags: [], status: 'moved_out' });
    for (const id of [stays.id, movedRecently.id]) {
      const [kept] = await q<{ name: string; phone_enc: string | null }>(`SELECT name, phone_enc FROM resident WHERE id = $1`, [id]);
      expect(kept!.name).not.toBe(ANONYMIZED_NAME);
      expect(kept!.phone_enc).not.toBeNull();
    }

    // The scheduled job is the same run, and idempotent.
    const job = securityJobs(ctx.app.services.security).find((j) => j.name === 'security.retention')!;
    await job.handler({}, { jobId: 'test', attempt: 0 });
    const [last] = await q<{ results: Record<string, number>; triggered_by: string }>(`SELECT results, triggered_by FROM retention_run ORDER BY started_at DESC LIMIT 1`);
    expect(last!.triggered_by).toBe('schedule');
    expect(last!.results.moved_out_resident).toBe(0);
    expect((await sec.get('/api/v1/security/retention-runs')).body.length).toBeGreaterThanOrEqual(2);
  });

  it('a disabled kind is left alone', async () => {
    const sec = await signedIn(ctx, [['security_admin', tree.district]]);
    const policy = (await sec.get('/api/v1/security/retention-policies')).body.find((p: { recordKind: string }) => p.recordKind === 'notification');
    await sec.patch('/api/v1/security/retention-policies/notification', { version: policy.version, enabled: false });
    const user = await createUser(ctx.database, [['resident', tree.communityA1]]);
    await q(`INSERT INTO notification (id, account_id, kind, title, created_at) VALUES (gen_random_uuid(), $1, 'old', 'old', now() - interval '400 days')`, [user.id]);
    const run = await ctx.app.services.security.retention.run();
    expect(run.results.notification).toBeUndefined();
    expect(await q(`SELECT 1 FROM notification WHERE account_id = $1`, [user.id])).toHaveLength(1);
  });
});

describe('alerts on bulk reveals and exports', () => {
  const reveal = async (accountId: string, username: string, n: number, action = 'resident.reveal') => {
    for (let i = 0; i < n; i++) await ctx.app.ctx.audit.recordNow({ ...systemActor(username), kind: 'account', accountId }, { action, entity: 'resident', entityId: `r${i}` });
  };

  it('more reveals in an hour than the threshold raise one alert per account and hour, in the security admin’s inbox', async () => {
    const sec = await signedIn(ctx, [['security_admin', tree.district]]);
    const heavy = await createUser(ctx.database, [['community_staff', tree.communityA1]]);
    const light = await createUser(ctx.database, [['community_staff', tree.communityA1]]);
    await reveal(heavy.id, heavy.username, 6);
    await reveal(light.id, light.username, 5); // at the threshold, not above
    await reveal(light.id, light.username, 3, 'resident.reveal_alert'); // not a reveal

    const scan = await sec.post('/api/v1/security/alerts/scan');
    expect(scan.body).toEqual({ created: 1, updated: 0 });
    const list = await sec.get('/api/v1/security/alerts?status=open');
    expect(list.body.items).toEqual([expect.objectContaining({ accountId: heavy.id, accountName: heavy.username, kind: 'bulk_reveal', count: 6, threshold: 5, status: 'open' })]);
    expect((await sec.get('/api/v1/notifications')).body.items[0]).toMatchObject({ kind: 'security_alert.bulk_reveal', link: '/security/alerts' });

    await reveal(heavy.id, heavy.username, 2);
    const job = securityJobs(ctx.app.services.security).find((j) => j.name === 'security.alert_scan')!;
    await job.handler({}, { jobId: 'test', attempt: 0 });
    expect((await sec.post('/api/v1/security/alerts/scan')).body).toEqual({ created: 0, updated: 0 });
    const grown = (await sec.get('/api/v1/security/alerts')).body.items.find((a: { accountId: string }) => a.accountId === heavy.id);
    expect(grown.count).toBe(8);
    expect(await q(`SELECT 1 FROM security_alert WHERE account_id = $1`, [heavy.id])).toHaveLength(1);
  });

  it('exports count separately, against their own threshold', async () => {
    const sec = await signedIn(ctx, [['security_admin', tree.district]]);
    const exporter = await createUser(ctx.database, [['street_staff', tree.streetA]]);
    await reveal(exporter.id, exporter.username, 3, 'resident.export');
    await sec.post('/api/v1/security/alerts/scan');
    const alerts = (await sec.get('/api/v1/security/alerts?kind=bulk_export')).body.items;
    expect(alerts).toEqual([expect.objectContaining({ accountId: exporter.id, kind: 'bulk_export', count: 3, threshold: 2 })]);
  });

  it('the security admin acknowledges an alert (versioned, audited); other roles cannot see alerts at all', async () => {
    const sec = await signedIn(ctx, [['security_admin', tree.district]]);
    const who = await createUser(ctx.database, [['grid_worker', places.gridA]]);
    await reveal(who.id, who.username, 7);
    await sec.post('/api/v1/security/alerts/scan');
    const alert = (await sec.get('/api/v1/security/alerts')).body.items.find((a: { accountId: string }) => a.accountId === who.id);
    const stale = await sec.post(`/api/v1/security/alerts/${alert.id}/acknowledge`, { version: alert.version + 5 });
    expect(stale.status).toBe(409);
    const ok = await sec.post(`/api/v1/security/alerts/${alert.id}/acknowledge`, { version: alert.version, note: '已核实：年度走访' });
    expect(ok.body).toMatchObject({ status: 'acknowledged', note: '已核实：年度走访' });
    expect((await sec.post(`/api/v1/security/alerts/${alert.id}/acknowledge`, { version: ok.body.version })).body.error.code).toBe('invalid_transition');
    expect((await sec.post(`/api/v1/security/alerts/${crypto.randomUUID()}/acknowledge`, { version: 1 })).status).toBe(404);
    for (const role of ['sys_admin', 'audit_admin', 'community_secretary'] as const) {
      const c = await signedIn(ctx, [[role, role.endsWith('admin') ? tree.district : tree.communityA1]]);
      expect((await c.get('/api/v1/security/alerts')).status, role).toBe(403);
      expect((await c.post(`/api/v1/security/alerts/${alert.id}/acknowledge`, { version: 1 })).status, role).toBe(403);
    }
  });
});
