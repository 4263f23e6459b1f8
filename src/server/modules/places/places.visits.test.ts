import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../platform/db/columns';
import { createTestApp, createTree, signedIn, type TestContext, type TestTree } from '../../test/harness';
import { createHousehold, createPlaces, createResident, putOnLeave, type TestPlaces } from '../../test/places-factory';
import { login } from '../../test/harness';
import { photoWithGps, uploadPhoto } from '../uploads/uploads.testing';
import { put } from './places.testing';
import { visit } from './places.tables';

let ctx: TestContext;
let tree: TestTree;
let places: TestPlaces;
beforeAll(async () => {
  ctx = await createTestApp();
  tree = await createTree(ctx.database);
  places = await createPlaces(ctx.database, tree.communityA1);
});
afterAll(() => ctx.close());

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);

describe('recording a home visit', () => {
  it('the grid worker records a visit with a photo from their phone; a retry with the same key is not a second visit', async () => {
    const worker = await login(ctx.app, places.workers.primaryA.username);
    const home = await createHousehold(ctx.database, places, 0);
    const r = await createResident(ctx.database, tree.communityA1.id, home, { tags: ['elderly_alone'] });
    const photo = await uploadPhoto(ctx.app, worker.cookie, await photoWithGps());
    expect(photo.status).toBe(201);
    const body = { householdId: home.id, residentId: r.id, kind: 'care', findings: '血压偏高，已提醒按时服药', followUpNeeded: true, photoIds: [photo.body.id] };
    const res = await worker.post('/api/v1/visits', body, { 'idempotency-key': 'visit-1' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ householdId: home.id, residentId: r.id, visitorId: places.workers.primaryA.id, followUpNeeded: true, photoIds: [photo.body.id], gridId: places.gridA.id });
    const again = await worker.post('/api/v1/visits', body, { 'idempotency-key': 'visit-1' });
    expect(again.body.id).toBe(res.body.id);
    const list = (await worker.get(`/api/v1/visits?householdId=${home.id}`)).body.items;
    expect(list).toHaveLength(1);
    const audit = await ctx.database.query<{ changes: unknown }>(`SELECT changes FROM audit_log WHERE action = 'visit.create' AND entity_id = $1`, [res.body.id]);
    expect(JSON.stringify(audit)).not.toContain('血压');
  });

  it('refuses another grid’s household (404), a stranger as resident, a future time and an unknown photo', async () => {
    const worker = await login(ctx.app, places.workers.primaryA.username);
    const other = await createHousehold(ctx.database, places, 2);
    expect((await worker.post('/api/v1/visits', { householdId: other.id, kind: 'routine' })).status).toBe(404);
    const home = await createHousehold(ctx.database, places, 0);
    const stranger = await createResident(ctx.database, tree.communityA1.id, await createHousehold(ctx.database, places, 1));
    const notMember = await worker.post('/api/v1/visits', { householdId: home.id, residentId: stranger.id, kind: 'routine' });
    expect(notMember.body.error.details[0].code).toBe('not_a_member');
    const future = await worker.post('/api/v1/visits', { householdId: home.id, kind: 'routine', visitedAt: new Date(Date.now() + 86_400_000).toISOString() });
    expect(future.body.error.details[0].code).toBe('visit_in_future');
    expect((await worker.post('/api/v1/visits', { householdId: home.id, kind: 'routine', photoIds: [newId()] })).status).toBe(404);
    const count = (await ctx.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM visit WHERE household_id = $1`, [home.id]))[0]!.n;
    expect(count).toBe(0);
    const street = await signedIn(ctx, [['street_staff', tree.streetA]]);
    expect((await street.post('/api/v1/visits', { householdId: home.id, kind: 'routine' })).status).toBe(403);
  });
});

describe('who is due for a visit', () => {
  it('独居老人 never visited are due today; after a visit they come due again in 7 days; 空巢 visited 40 days ago are 10 days overdue', async () => {
    const sec = await signedIn(ctx, [['community_secretary', tree.communityA2]]);
    const p = await createPlaces(ctx.database, tree.communityA2);
    const worker = await login(ctx.app, p.workers.primaryA.username);
    const h1 = await createHousehold(ctx.database, p, 0);
    const h2 = await createHousehold(ctx.database, p, 1);
    const alone = await createResident(ctx.database, tree.communityA2.id, h1, { name: '独居甲', tags: ['elderly_alone'] });
    const nest = await createResident(ctx.database, tree.communityA2.id, h2, { name: '空巢乙', tags: ['empty_nest', 'veteran'] });
    await createResident(ctx.database, tree.communityA2.id, h2, { name: '无标签丙' });
    await ctx.database.db.insert(visit).values({ communityId: tree.communityA2.id, gridId: p.gridA.id, householdId: h2.id, visitorId: p.workers.primaryA.id, kind: 'routine', visitedAt: daysAgo(40) });
    const due = (await worker.get('/api/v1/visits/due')).body;
    expect(due.map((d: { name: string }) => d.name)).toEqual(['空巢乙', '独居甲']);
    expect(due[0]).toMatchObject({ residentId: nest.id, intervalDays: 30, overdueDays: 10, standIn: false });
    expect(due[1]).toMatchObject({ residentId: alone.id, intervalDays: 7, overdueDays: 0, lastVisitAt: null });
    await worker.post('/api/v1/visits', { householdId: h1.id, kind: 'routine' });
    expect((await worker.get('/api/v1/visits/due')).body.map((d: { name: string }) => d.name)).toEqual(['空巢乙']);
    const soon = (await worker.get('/api/v1/visits/due?days=7')).body.find((d: { name: string }) => d.name === '独居甲');
    expect(soon.overdueDays).toBe(0);
    // The secretary sees the same list for the grid from the admin web.
    expect((await sec.get(`/api/v1/visits/due?gridId=${p.grid2.id}`)).body).toHaveLength(1);
  });

  it('while the primary is on leave the backup gets the list (stand-in); the primary does not', async () => {
    const home = await createHousehold(ctx.database, places, 2);
    await createResident(ctx.database, tree.communityA1.id, home, { name: '留守丁', birthDate: '2015-01-01', tags: ['left_behind_child'] });
    const primary = await login(ctx.app, places.workers.primaryB.username);
    const backup = await login(ctx.app, places.workers.backupB.username);
    expect((await primary.get('/api/v1/visits/due')).body.map((d: { name: string }) => d.name)).toContain('留守丁');
    expect((await backup.get('/api/v1/visits/due')).body).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    const later = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    await putOnLeave(ctx.database, tree.communityA1.id, places.workers.primaryB.id, today, later);
    expect((await primary.get('/api/v1/visits/due')).body).toEqual([]);
    const standIn = (await backup.get('/api/v1/visits/due')).body.find((d: { name: string }) => d.name === '留守丁');
    expect(standIn).toMatchObject({ standIn: true, gridId: places.gridB.id });
  });

  it('the secretary changes a rule; grid workers cannot (403)', async () => {
    const sec = await signedIn(ctx, [['community_secretary', tree.communityA1]]);
    const rules = (await sec.get(`/api/v1/visit-rules?communityId=${tree.communityA1.id}`)).body;
    expect(rules).toEqual(expect.arrayContaining([{ tag: 'elderly_alone', intervalDays: 7, isDefault: true, version: null }, { tag: 'disabled', intervalDays: 30, isDefault: true, version: null }]));
    const set = await put(ctx.app, sec, '/api/v1/visit-rules/elderly_alone', { communityId: tree.communityA1.id, intervalDays: 3 });
    expect(set.body.find((r: { tag: string }) => r.tag === 'elderly_alone')).toMatchObject({ intervalDays: 3, isDefault: false });
    const veteran = await put(ctx.app, sec, '/api/v1/visit-rules/veteran', { communityId: tree.communityA1.id, intervalDays: 90 });
    expect(veteran.body.find((r: { tag: string }) => r.tag === 'veteran')).toMatchObject({ intervalDays: 90 });
    const worker = await login(ctx.app, places.workers.primaryA.username);
    expect((await put(ctx.app, worker, '/api/v1/visit-rules/elderly_alone', { communityId: tree.communityA1.id, intervalDays: 1 })).status).toBe(403);
    const other = await signedIn(ctx, [['community_secretary', tree.communityB1]]);
    expect((await put(ctx.app, other, '/api/v1/visit-rules/elderly_alone', { communityId: tree.communityA1.id, intervalDays: 1 })).status).toBe(404);
  });

  it('visit records stay in scope: another grid’s worker and another community get 404', async () => {
    const worker = await login(ctx.app, places.workers.primaryA.username);
    const home = await createHousehold(ctx.database, places, 0);
    const v = (await worker.post('/api/v1/visits', { householdId: home.id, kind: 'survey', findings: '摸排' })).body;
    const workerB = await login(ctx.app, places.workers.primaryB.username);
    expect((await workerB.get(`/api/v1/visits/${v.id}`)).status).toBe(404);
    const other = await signedIn(ctx, [['community_staff', tree.communityB1]]);
    expect((await other.get(`/api/v1/visits/${v.id}`)).status).toBe(404);
    const staff = await signedIn(ctx, [['community_staff', tree.communityA1]]);
    expect((await staff.get(`/api/v1/visits/${v.id}`)).body.findings).toBe('摸排');
  });
});

describe('daily reminders', () => {
  it('tell the duty worker how many residents are due', async () => {
    await createResident(ctx.database, tree.communityA1.id, await createHousehold(ctx.database, places, 1), { tags: ['disabled'] });
    const job = ctx.app.services.places.visits.jobs().find((j) => j.name === 'places.visit-reminders')!;
    await job.handler({}, { jobId: 'test', attempt: 0 });
    const inbox = await ctx.database.query<{ account_id: string; kind: string }>(`SELECT account_id, kind FROM notification WHERE kind = 'places.visit_due'`);
    expect(inbox.some((n) => n.account_id === places.workers.primaryA.id)).toBe(true);
  });
});
