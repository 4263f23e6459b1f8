import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../platform/db/columns';
import { createTestApp, createTree, signedIn, type TestContext, type TestTree } from '../../test/harness';
import { createResident, type TestPlaces } from '../../test/places-factory';
import { bornYearsAgo, centerOf, localAt, localDate, placesFor, residentUser } from './center.fixtures';

let ctx: TestContext;
let tree: TestTree;
let places: TestPlaces;
let centerId: string;
let staff: Awaited<ReturnType<typeof signedIn>>;

beforeAll(async () => {
  ctx = await createTestApp({ config: { loginRateLimit: 10_000 } });
  tree = await createTree(ctx.database);
  places = await placesFor(ctx, tree.communityA1);
  centerId = await centerOf(ctx, tree.communityA1);
  staff = await signedIn(ctx, [['community_staff', tree.communityA1]]);
});
afterAll(() => ctx.close());

const count = async (text: string, params: unknown[]) => Number((await ctx.database.query<{ n: number }>(text, params))[0]!.n);

async function newEvent(body: Record<string, unknown> = {}) {
  const res = await staff.post('/api/v1/events', { centerId, title: '重阳节饺子宴', theme: 'yellow', targetGroups: ['elderly'], startsAt: localAt(1, '10:00'), endsAt: localAt(1, '12:00'), ...body });
  expect(res.status).toBe(201);
  return res.body.items[0] as { id: string; version: number; title: string };
}

describe('events (多彩党建活动)', () => {
  it('staff publish events in every theme and list them by theme and target group', async () => {
    const themes = ['red', 'orange', 'yellow', 'green', 'cyan', 'blue', 'purple'];
    for (const theme of themes) await newEvent({ title: `${theme}主题活动`, theme, targetGroups: theme === 'blue' ? ['children'] : ['elderly'] });
    const blue = await staff.get(`/api/v1/events?centerId=${centerId}&theme=blue`);
    expect(blue.body.items.map((e: { title: string }) => e.title)).toEqual(['blue主题活动']);
    const children = await staff.get(`/api/v1/events?centerId=${centerId}&targetGroup=children&from=${localDate(1)}&to=${localDate(1)}`);
    expect(children.body.items).toHaveLength(1);
    expect((await staff.post('/api/v1/events', { centerId, title: 'x', theme: 'pink', startsAt: localAt(1, '10:00'), endsAt: localAt(1, '11:00') })).status).toBe(400);
  });

  it('a weekly series creates one event per week, each holding the room', async () => {
    const room = (await staff.post('/api/v1/venues', { centerId, name: '留守儿童之家', capacity: 20, theme: 'blue' })).body;
    const res = await staff.post('/api/v1/events', { centerId, venueId: room.id, title: '集体生日会', theme: 'blue', targetGroups: ['children'], startsAt: localAt(2, '15:00'), endsAt: localAt(2, '16:30'), repeatWeeks: 4, capacity: 20 });
    expect(res.status).toBe(201);
    expect(res.body.items).toHaveLength(4);
    expect(new Set(res.body.items.map((e: { seriesId: string }) => e.seriesId)).size).toBe(1);
    expect(await count("SELECT count(*)::int AS n FROM venue_booking WHERE venue_id = $1 AND booker_kind = 'event' AND status = 'confirmed'", [room.id])).toBe(4);
    const clash = await staff.post('/api/v1/events', { centerId, venueId: room.id, title: '冲突', theme: 'blue', startsAt: localAt(9, '16:00'), endsAt: localAt(9, '17:00') });
    expect(clash.body.error.code).toBe('booking_conflict');
    const cancelled = await staff.post(`/api/v1/events/${res.body.items[0].id}/cancel`);
    expect(cancelled.body.status).toBe('cancelled');
    expect(await count("SELECT count(*)::int AS n FROM venue_booking WHERE venue_id = $1 AND status = 'confirmed'", [room.id])).toBe(3);
  });

  it('signup honours the capacity under a burst: 8 people for 5 places', async () => {
    const e = await newEvent({ capacity: 5 });
    const people = await Promise.all(Array.from({ length: 8 }, () => residentUser(ctx, places)));
    const results = await Promise.all(people.map((p) => p.post(`/api/v1/events/${e.id}/signups`, {})));
    expect(results.filter((r) => r.status === 201)).toHaveLength(5);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.error.code === 'capacity_full')).toBe(true);
    expect(await count("SELECT count(*)::int AS n FROM event_signup WHERE event_id = $1 AND status = 'signed_up'", [e.id])).toBe(5);
  });

  it('signing up twice is refused (409); cancelling frees the place', async () => {
    const e = await newEvent({ capacity: 1 });
    const me = await residentUser(ctx, places);
    const s = await me.post(`/api/v1/events/${e.id}/signups`, {});
    expect(s.status).toBe(201);
    expect((await me.post(`/api/v1/events/${e.id}/signups`, {})).body.error.code).toBe('already_signed_up');
    const other = await residentUser(ctx, places);
    expect((await other.post(`/api/v1/events/${e.id}/signups`, {})).body.error.code).toBe('capacity_full');
    expect((await other.post(`/api/v1/event-signups/${s.body.id}/cancel`)).status).toBe(404);
    expect((await me.post(`/api/v1/event-signups/${s.body.id}/cancel`)).body.status).toBe('cancelled');
    expect((await other.post(`/api/v1/events/${e.id}/signups`, {})).status).toBe(201);
  });

  it('check-in at the door counts one service visit of the event’s theme, once; walk-ins are signed up on the spot', async () => {
    const e = await newEvent({ theme: 'purple', title: '健康讲座', startsAt: localAt(0, '00:00'), endsAt: localAt(0, '23:59') });
    const elder = await residentUser(ctx, places, { birthDate: bornYearsAgo(82) });
    await elder.post(`/api/v1/events/${e.id}/signups`, {});
    const first = await staff.post(`/api/v1/events/${e.id}/check-ins`, { residentId: elder.person.id });
    expect(first.status).toBe(201);
    expect(first.body.checkedInAt).not.toBeNull();
    await staff.post(`/api/v1/events/${e.id}/check-ins`, { residentId: elder.person.id });
    const walkIn = await residentUser(ctx, places, { birthDate: bornYearsAgo(8) });
    expect((await staff.post(`/api/v1/events/${e.id}/check-ins`, { residentId: walkIn.person.id })).body.channel).toBe('walk_in');
    const visits = await ctx.database.query<{ theme: string; target_group: string }>("SELECT theme, target_group FROM service_visit WHERE source = 'event_check_in' AND source_id IN (SELECT id::text FROM event_signup WHERE event_id = $1) ORDER BY target_group", [e.id]);
    expect(visits).toEqual([{ theme: 'purple', target_group: 'children' }, { theme: 'purple', target_group: 'elderly' }]);
    const view = await staff.get(`/api/v1/events/${e.id}`);
    expect(view.body).toMatchObject({ signupCount: 2, checkedInCount: 2 });
    expect((await elder.get(`/api/v1/events/${e.id}`)).body.mine).toMatchObject({ checkedIn: true });
    expect((await elder.post(`/api/v1/events/${e.id}/check-ins`, { residentId: elder.person.id })).status).toBe(403);
    const list = await staff.get(`/api/v1/events/${e.id}/signups`);
    expect(list.body.items).toHaveLength(2);
  });

  it('a parent signs their child up from the app; a stranger’s child is not theirs (404)', async () => {
    const e = await newEvent({ theme: 'cyan', targetGroups: ['children'] });
    const parent = await residentUser(ctx, places, { birthDate: bornYearsAgo(35) });
    const kid = await createResident(ctx.database, tree.communityA1.id, parent.household, { birthDate: bornYearsAgo(7) });
    expect((await parent.post(`/api/v1/events/${e.id}/signups`, { residentId: kid.id })).status).toBe(201);
    const other = await residentUser(ctx, places);
    expect((await other.post(`/api/v1/events/${e.id}/signups`, { residentId: kid.id })).status).toBe(404);
  });

  it('photos must be uploads of the community (404 otherwise); other communities see nothing', async () => {
    const e = await newEvent();
    const bad = await staff.patch(`/api/v1/events/${e.id}`, { version: e.version, photoIds: [newId()] });
    expect(bad.status).toBe(404);
    expect((await staff.get(`/api/v1/events/${e.id}`)).body.photoIds).toEqual([]);
    const other = await signedIn(ctx, [['community_staff', tree.communityB1]]);
    expect((await other.get(`/api/v1/events/${e.id}`)).status).toBe(404);
    expect((await other.post(`/api/v1/events/${e.id}/cancel`)).status).toBe(404);
    const resident = await residentUser(ctx, places);
    expect((await resident.post('/api/v1/events', { centerId, title: 'x', theme: 'red', startsAt: localAt(1, '10:00'), endsAt: localAt(1, '11:00') })).status).toBe(403);
    expect((await resident.get(`/api/v1/events/${e.id}/signups`)).status).toBe(403);
  });

  it('cancelling an event tells everyone signed up', async () => {
    const e = await newEvent({ title: '红色观影' });
    const fan = await residentUser(ctx, places);
    await fan.post(`/api/v1/events/${e.id}/signups`, {});
    await staff.post(`/api/v1/events/${e.id}/cancel`);
    const inbox = await fan.get('/api/v1/notifications');
    expect(inbox.body.items[0]).toMatchObject({ kind: 'event.cancelled' });
    expect((await fan.post(`/api/v1/events/${e.id}/signups`, {})).status).toBe(409);
  });
});
