import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTree, login, signedIn, type TestContext, type TestTree } from '../../test/harness';
import { createPlaces, type TestPlaces } from '../../test/places-factory';
import { count, needyHousehold } from './care.testing';

let ctx: TestContext;
let tree: TestTree;
let places: TestPlaces;
beforeAll(async () => {
  ctx = await createTestApp({ config: { loginRateLimit: 10_000 } });
  tree = await createTree(ctx.database);
  places = await createPlaces(ctx.database, tree.communityA1);
});
afterAll(() => ctx.close());

describe('recording care services (生活照料 / 精神慰藉 / 健康维护)', () => {
  it('each service counts once as a service visit; monthly counts per kind', async () => {
    const { head, spouse } = await needyHousehold(ctx, places);
    const sw = await signedIn(ctx, [['social_worker', tree.communityA1]]);
    const volunteer = await signedIn(ctx, [['volunteer', tree.communityA1]]);
    const record = async (as: typeof sw, residentId: string, kind: string, occurredAt: string) => {
      const res = await as.post('/api/v1/care-services', { residentId, kind, occurredAt, durationMinutes: 60, content: '打扫卫生、整理客厅' });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    const first = await record(sw, head.id, 'daily_care', '2026-10-08T02:00:00Z');
    await record(volunteer, spouse.id, 'daily_care', '2026-10-31T17:00:00Z'); // 11-01 01:00 in Shanghai
    await record(sw, head.id, 'emotional_support', '2026-11-03T02:00:00Z');
    await record(sw, head.id, 'health_care', '2026-11-04T02:00:00Z');
    expect(await count(ctx, 'service_visit', "source = 'care_service' AND source_id = $1", [first])).toBe(1);
    expect(await count(ctx, 'service_visit', "source = 'care_service' AND community_id = $1", [tree.communityA1.id])).toBe(4);

    const stats = await sw.get('/api/v1/care-services/stats?from=2026-10&to=2026-11');
    expect(stats.body).toEqual({
      months: [
        { month: '2026-10', daily_care: 1, emotional_support: 0, health_care: 0, people: 1 },
        { month: '2026-11', daily_care: 1, emotional_support: 1, health_care: 1, people: 2 },
      ],
      total: 4,
    });
    const list = (await sw.get('/api/v1/care-services?month=2026-11')).body.items;
    expect(list.map((s: { providerRole: string }) => s.providerRole).sort()).toEqual(['social_worker', 'social_worker', 'volunteer']);
    const street = await signedIn(ctx, [['street_staff', tree.streetA]]);
    expect((await street.get('/api/v1/care-services/stats?from=2026-10&to=2026-11')).body.total).toBe(4);
    expect((await street.get('/api/v1/care-services')).status).toBe(403);
  });

  it('a volunteer of another community does not find the resident (404) and nothing is counted', async () => {
    const { head } = await needyHousehold(ctx, places);
    const outsider = await signedIn(ctx, [['volunteer', tree.communityA2]]);
    const res = await outsider.post('/api/v1/care-services', { residentId: head.id, kind: 'daily_care', occurredAt: '2026-10-08T02:00:00Z', content: 'x' });
    expect(res.status).toBe(404);
    expect(await count(ctx, 'care_service', 'resident_id = $1', [head.id])).toBe(0);
    expect(await count(ctx, 'service_visit', 'resident_id = $1', [head.id])).toBe(0);
  });

  it('a resident cannot record services (403); a future time or an unknown kind is refused (400)', async () => {
    const { head } = await needyHousehold(ctx, places);
    const resident = await signedIn(ctx, [['resident', tree.communityA1]]);
    expect((await resident.post('/api/v1/care-services', { residentId: head.id, kind: 'daily_care', occurredAt: '2026-10-08T02:00:00Z', content: 'x' })).status).toBe(403);
    const sw = await signedIn(ctx, [['social_worker', tree.communityA1]]);
    const future = await sw.post('/api/v1/care-services', { residentId: head.id, kind: 'daily_care', occurredAt: new Date(Date.now() + 86_400_000).toISOString(), content: 'x' });
    expect(future.status).toBe(400);
    expect(future.body.error.details[0].code).toBe('time_in_future');
    expect((await sw.post('/api/v1/care-services', { residentId: head.id, kind: 'haircut', occurredAt: '2026-10-08T02:00:00Z', content: 'x' })).status).toBe(400);
    expect(await count(ctx, 'care_service', 'resident_id = $1', [head.id])).toBe(0);
  });

  it('the follow-up of a restricted condition is seen by the care officer only', async () => {
    const officer = await signedIn(ctx, [['care_officer', tree.communityA1]]);
    const { home, head } = await needyHousehold(ctx, places);
    const fileId = (await officer.post('/api/v1/care-files', { householdId: home.id })).body.id;
    const cond = (await officer.post(`/api/v1/care-files/${fileId}/conditions`, { residentId: head.id, kind: 'severe_mental_disorder' })).body;
    const sw = await signedIn(ctx, [['social_worker', tree.communityA1]]);
    const sneaky = await sw.post('/api/v1/care-services', { residentId: head.id, kind: 'health_care', occurredAt: '2026-08-05T02:00:00Z', content: 'x', conditionId: cond.id });
    expect(sneaky.status).toBe(404);
    const res = await officer.post('/api/v1/care-services', { residentId: head.id, kind: 'health_care', occurredAt: '2026-08-05T02:00:00Z', content: '长效针剂注射', conditionId: cond.id });
    expect(res.status).toBe(201);
    expect((await officer.get(`/api/v1/care-services?residentId=${head.id}`)).body.items).toHaveLength(1);
    expect((await sw.get(`/api/v1/care-services?residentId=${head.id}`)).body.items).toEqual([]);
    const secretary = await signedIn(ctx, [['community_secretary', tree.communityA1]]);
    const asSecretary = (await secretary.get(`/api/v1/care-files/${fileId}`)).body;
    expect(JSON.stringify(asSecretary)).not.toContain('长效针剂');
    expect(JSON.stringify((await officer.get(`/api/v1/care-files/${fileId}`)).body.timeline)).toContain('长效针剂');
    const worker = await login(ctx.app, places.workers.primaryA.username);
    expect(JSON.stringify((await worker.get(`/api/v1/care-files/${fileId}`)).body)).not.toContain('长效针剂');
  });

  it('volunteers find the people they serve by name, with masked names', async () => {
    await needyHousehold(ctx, places);
    const volunteer = await signedIn(ctx, [['volunteer', tree.communityA1]]);
    const found = (await volunteer.get(`/api/v1/care-services/recipients?q=${encodeURIComponent('测试')}`)).body;
    expect(found.length).toBeGreaterThan(0);
    expect(found[0].maskedName).toMatch(/\*/);
  });
});
