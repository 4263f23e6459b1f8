import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTree, createUser, login, signedIn, type Client, type TestContext, type TestTree } from '../../test/harness';
import { createHousehold, createPlaces, createResident, linkAccount, type TestPlaces } from '../../test/places-factory';
import { consentNotices } from './consent.service';

let ctx: TestContext;
let tree: TestTree;
let places: TestPlaces;

/** A resident of community A1 with an app account linked to their record. */
async function residentClient(birthDate = '1960-05-01'): Promise<Client & { residentId: string; idNumber: string; phone: string; accountId: string }> {
  const home = await createHousehold(ctx.database, places);
  const r = await createResident(ctx.database, tree.communityA1.id, home, { birthDate });
  const user = await createUser(ctx.database, [['resident', tree.communityA1]]);
  await linkAccount(ctx.database, user.id, r.id);
  return Object.assign(await login(ctx.app, user.username), { residentId: r.id, idNumber: r.idNumber, phone: r.phone, accountId: user.id });
}

const count = async (table: string) => Number((await ctx.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n);

beforeAll(async () => {
  ctx = await createTestApp();
  tree = await createTree(ctx.database);
  places = await createPlaces(ctx.database, tree.communityA1);
});
afterAll(() => ctx.close());

describe('a resident’s own data', () => {
  it('shows what is held, masked, and downloads it in full — the download is audited', async () => {
    const me = await residentClient();
    const view = await me.get('/api/v1/me/privacy/data');
    expect(view.status).toBe(200);
    expect(view.body.resident.id).toBe(me.residentId);
    expect(view.body.resident.community).toBe(tree.communityA1.name);
    expect(view.body.resident.idNumber).toBe(`${me.idNumber.slice(0, 3)}***********${me.idNumber.slice(-4)}`);
    expect(JSON.stringify(view.body)).not.toContain(me.phone);
    expect(view.body.consents.map((c: { purpose: string }) => c.purpose).sort()).toEqual(Object.keys(consentNotices).sort());
    expect(view.body.sessions.length).toBeGreaterThan(0);

    const download = await me.get('/api/v1/me/privacy/data/download');
    expect(download.status).toBe(200);
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="my-data-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(download.body.resident.idNumber).toBe(me.idNumber);
    expect(download.body.resident.phone).toBe(me.phone);
    const [row] = await ctx.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'privacy.data_downloaded' AND actor_id = $1`, [me.accountId]);
    expect(row!.n).toBe(1);
    // The next view lists the download in "who did what with my records".
    const again = await me.get('/api/v1/me/privacy/data');
    expect(again.body.accessLog.map((e: { action: string }) => e.action)).toContain('privacy.data_downloaded');
  });

  it('an account not matched to a resident sees its account data, and cannot file requests (403)', async () => {
    const c = await signedIn(ctx, [['resident', tree.communityA1]]);
    const view = await c.get('/api/v1/me/privacy/data');
    expect(view.status).toBe(200);
    expect(view.body.resident).toBeNull();
    const res = await c.post('/api/v1/me/privacy/correction-requests', { field: 'phone', value: '13900001111' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('resident_link_required');
  });
});

describe('correction requests', () => {
  it('a resident asks, staff of the community see it masked, open it (an audited reveal) and resolve it; the resident is told', async () => {
    const me = await residentClient();
    const asked = await me.post('/api/v1/me/privacy/correction-requests', { field: 'phone', value: '13900001111', reason: '换号了' });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ status: 'pending', field: 'phone', value: '139****1111', kind: 'correction' });
    const [stored] = await ctx.database.query<{ requested_value_enc: string }>('SELECT requested_value_enc FROM privacy_request WHERE id = $1', [asked.body.id]);
    expect(stored!.requested_value_enc).not.toContain('13900001111');

    const staff = await signedIn(ctx, [['community_staff', tree.communityA1]]);
    const list = await staff.get('/api/v1/privacy/correction-requests?status=pending');
    const item = list.body.items.find((r: { id: string }) => r.id === asked.body.id);
    expect(item.value).toBe('139****1111');
    const opened = await staff.get(`/api/v1/privacy/correction-requests/${asked.body.id}`);
    expect(opened.body.value).toBe('13900001111');
    const reveals = await ctx.database.query(`SELECT 1 FROM audit_log WHERE action = 'privacy_request.reveal' AND entity_id = $1`, [asked.body.id]);
    expect(reveals).toHaveLength(1);

    const done = await staff.post(`/api/v1/privacy/correction-requests/${asked.body.id}/resolve`, { version: opened.body.version, note: '已更新' });
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('resolved');
    const stale = await staff.post(`/api/v1/privacy/correction-requests/${asked.body.id}/reject`, { version: opened.body.version });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('invalid_transition');
    const inbox = await me.get('/api/v1/notifications');
    expect(inbox.body.items[0]).toMatchObject({ kind: 'privacy_request.resolved', entityId: asked.body.id });
    expect((await me.get('/api/v1/me/privacy/correction-requests')).body[0]).toMatchObject({ id: asked.body.id, status: 'resolved', responseNote: '已更新' });
  });

  it('a stale version is refused (409) and nothing changes', async () => {
    const me = await residentClient();
    const asked = await me.post('/api/v1/me/privacy/correction-requests', { field: 'name', value: '王小明' });
    const staff = await signedIn(ctx, [['community_secretary', tree.communityA1]]);
    const res = await staff.post(`/api/v1/privacy/correction-requests/${asked.body.id}/reject`, { version: asked.body.version + 1 });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('version_conflict');
    expect((await staff.get(`/api/v1/privacy/correction-requests/${asked.body.id}`)).body.status).toBe('pending');
  });

  it('staff of another community get 404, and roles without the permission 403', async () => {
    const me = await residentClient();
    const asked = await me.post('/api/v1/me/privacy/correction-requests', { field: 'address', value: '3号楼' });
    const other = await signedIn(ctx, [['community_staff', tree.communityA2]]);
    expect((await other.get(`/api/v1/privacy/correction-requests/${asked.body.id}`)).status).toBe(404);
    expect((await other.post(`/api/v1/privacy/correction-requests/${asked.body.id}/resolve`, { version: 1 })).status).toBe(404);
    expect((await other.get('/api/v1/privacy/correction-requests')).body.items.map((r: { id: string }) => r.id)).not.toContain(asked.body.id);
    const street = await signedIn(ctx, [['street_staff', tree.streetB]]);
    expect((await street.get(`/api/v1/privacy/correction-requests/${asked.body.id}`)).status).toBe(404);
    for (const role of ['grid_worker', 'sys_admin', 'security_admin', 'audit_admin', 'resident'] as const) {
      const c = await signedIn(ctx, [[role, role.endsWith('_admin') ? tree.district : tree.communityA1]]);
      expect((await c.get('/api/v1/privacy/correction-requests')).status, role).toBe(403);
    }
  });

  it('bad input is refused with the field named, and nothing is written', async () => {
    const me = await residentClient();
    const before = await count('privacy_request');
    const res = await me.post('/api/v1/me/privacy/correction-requests', { field: 'salary', value: 'x'.repeat(300), extra: 1 });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['body.extra', 'body.field', 'body.value']);
    expect(await count('privacy_request')).toBe(before);
  });
});

describe('separate consent for sensitive data', () => {
  it('a resident consents to health information against the notice version, sees it, and withdraws it', async () => {
    const me = await residentClient();
    const given = await me.post('/api/v1/me/consents', { purpose: 'health_info', noticeVersion: consentNotices.health_info });
    expect(given.status).toBe(200);
    expect(given.body.find((c: { purpose: string }) => c.purpose === 'health_info')).toMatchObject({ granted: true, grantedNoticeVersion: consentNotices.health_info, outdated: false });
    const outdated = await me.post('/api/v1/me/consents', { purpose: 'photo', noticeVersion: '2020-01' });
    expect(outdated.status).toBe(400);
    expect(outdated.body.error.details[0].code).toBe('notice_version_outdated');

    const { security } = ctx.app.services;
    await expect(security.consent.requireConsent(ctx.database.db, { residentId: me.residentId, accountId: me.accountId }, 'health_info')).resolves.toBeUndefined();
    const withdrawn = await me.post('/api/v1/me/consents/health_info/withdraw', {});
    expect(withdrawn.body.find((c: { purpose: string }) => c.purpose === 'health_info')).toMatchObject({ granted: false, history: [expect.objectContaining({ withdrawnAt: expect.any(String) })] });
    await expect(security.consent.requireConsent(ctx.database.db, { residentId: me.residentId, accountId: me.accountId }, 'health_info')).rejects.toMatchObject({ code: 'consent_required' });
    const again = await me.post('/api/v1/me/consents/health_info/withdraw', {});
    expect(again.status).toBe(409);
    const actions = await ctx.database.query<{ action: string }>(`SELECT action FROM audit_log WHERE actor_id = $1 AND action LIKE 'consent.%' ORDER BY seq`, [me.accountId]);
    expect(actions.map((a) => a.action)).toEqual(['consent.grant', 'consent.withdraw']);
  });

  it('consenting from two devices at once leaves one active consent', async () => {
    const me = await residentClient();
    await Promise.all([1, 2, 3, 4].map(() => me.post('/api/v1/me/consents', { purpose: 'location', noticeVersion: consentNotices.location })));
    const rows = await ctx.database.query(`SELECT 1 FROM consent_record WHERE subject_key = $1 AND purpose = 'location' AND withdrawn_at IS NULL`, [me.residentId]);
    expect(rows).toHaveLength(1);
  });
});

describe('minors under 14', () => {
  it('cannot consent or file requests themselves; the guardian staff recorded acts for them', async () => {
    const minor = await residentClient(`${new Date().getFullYear() - 10}-03-01`);
    const refused = await minor.post('/api/v1/me/consents', { purpose: 'photo', noticeVersion: consentNotices.photo });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('guardian_required');
    expect((await minor.post('/api/v1/me/privacy/correction-requests', { field: 'name', value: '小明' })).body.error.code).toBe('guardian_required');

    const parent = await residentClient();
    const stranger = await residentClient();
    const staff = await signedIn(ctx, [['community_staff', tree.communityA1]]);
    const otherStaff = await signedIn(ctx, [['community_staff', tree.communityA2]]);
    expect((await otherStaff.post('/api/v1/privacy/guardian-links', { minorResidentId: minor.residentId, guardianAccountId: parent.accountId, relation: '母亲' })).status).toBe(404);
    const candidates = await staff.get(`/api/v1/privacy/guardian-candidates?minorResidentId=${minor.residentId}`);
    expect(candidates.status).toBe(200);
    const candidateIds = candidates.body.map((c: { accountId: string }) => c.accountId);
    expect(candidateIds).toEqual(expect.arrayContaining([parent.accountId, stranger.accountId]));
    expect(candidateIds).not.toContain(minor.accountId);
    expect((await otherStaff.get(`/api/v1/privacy/guardian-candidates?minorResidentId=${minor.residentId}`)).status).toBe(404);
    const adult = await staff.post('/api/v1/privacy/guardian-links', { minorResidentId: parent.residentId, guardianAccountId: stranger.accountId, relation: '母亲' });
    expect(adult.body.error.details[0].code).toBe('not_a_minor');
    const link = await staff.post('/api/v1/privacy/guardian-links', { minorResidentId: minor.residentId, guardianAccountId: parent.accountId, relation: '母亲' });
    expect(link.status).toBe(201);
    expect((await staff.post('/api/v1/privacy/guardian-links', { minorResidentId: minor.residentId, guardianAccountId: parent.accountId, relation: '母亲' })).status).toBe(409);

    expect((await parent.get('/api/v1/me/wards')).body).toEqual([expect.objectContaining({ residentId: minor.residentId, relation: '母亲' })]);
    const forMinor = await parent.post('/api/v1/me/consents', { purpose: 'photo', noticeVersion: consentNotices.photo, residentId: minor.residentId });
    expect(forMinor.status).toBe(200);
    expect((await parent.get(`/api/v1/me/consents?residentId=${minor.residentId}`)).body.find((c: { purpose: string }) => c.purpose === 'photo').granted).toBe(true);
    expect((await minor.get('/api/v1/me/consents')).body.find((c: { purpose: string }) => c.purpose === 'photo').granted).toBe(true);
    expect((await stranger.post('/api/v1/me/consents', { purpose: 'photo', noticeVersion: consentNotices.photo, residentId: minor.residentId })).status).toBe(404);
    expect((await minor.get('/api/v1/me/privacy/data')).body.guardians).toEqual([{ name: expect.any(String), relation: '母亲' }]);

    expect((await staff.post(`/api/v1/privacy/guardian-links/${link.body.id}/revoke`)).status).toBe(200);
    expect((await parent.post('/api/v1/me/consents/photo/withdraw', { residentId: minor.residentId })).status).toBe(404);
  });
});

describe('who may handle privacy', () => {
  it('the three admins hold no privacy permission (三员分立: no admin reads resident data)', async () => {
    for (const role of ['sys_admin', 'security_admin', 'audit_admin'] as const) {
      const c = await signedIn(ctx, [[role, tree.district]]);
      expect((await c.get('/api/v1/privacy/guardian-links')).status, role).toBe(403);
    }
  });
});
