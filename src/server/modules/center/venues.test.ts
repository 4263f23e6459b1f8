import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../platform/db/columns';
import { createTestApp, createTree, signedIn, type TestContext, type TestTree } from '../../test/harness';
import type { TestPlaces } from '../../test/places-factory';
import { centerOf, localAt, localDate, placesFor, residentUser } from './center.fixtures';

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

let n = 0;
async function newVenue(body: Record<string, unknown> = {}) {
  const res = await staff.post('/api/v1/venues', { centerId, name: `功能室${++n}`, capacity: 30, opensAt: '08:00', closesAt: '21:00', bookableBy: ['resident', 'partner'], ...body });
  expect(res.status).toBe(201);
  return res.body as { id: string; version: number; name: string };
}

const count = async (sqlText: string, params: unknown[]) => Number((await ctx.database.query<{ n: number }>(sqlText, params))[0]!.n);
const bookingsOf = (venueId: string) => count('SELECT count(*)::int AS n FROM venue_booking WHERE venue_id = $1', [venueId]);

describe('venues (功能室)', () => {
  it('staff set up a function room, edit it with its version, and list the center’s rooms', async () => {
    const created = await staff.post('/api/v1/venues', { centerId, name: '引领阁', purpose: '党员教育、红色观影', areaM2: 80, capacity: 40, equipment: ['投影仪', '音响'], theme: 'red', opensAt: '08:30', closesAt: '20:30' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: '引领阁', theme: 'red', capacity: 40, approvalRequired: true, bookableBy: [], openWeekdays: [1, 2, 3, 4, 5, 6, 7], version: 1 });
    expect((await staff.post('/api/v1/venues', { centerId, name: '引领阁', capacity: 10 })).status).toBe(409);
    const edited = await staff.patch(`/api/v1/venues/${created.body.id}`, { version: 1, capacity: 50, bookableBy: ['resident'] });
    expect(edited.body).toMatchObject({ capacity: 50, bookableBy: ['resident'], version: 2 });
    expect((await staff.patch(`/api/v1/venues/${created.body.id}`, { version: 1, capacity: 60 })).status).toBe(409);
    const list = await staff.get(`/api/v1/venues?centerId=${centerId}&theme=red`);
    expect(list.body.items.map((v: { name: string }) => v.name)).toContain('引领阁');
  });

  it('refuses rooms with closing before opening or a negative capacity (400), and nothing is written', async () => {
    const before = await count('SELECT count(*)::int AS n FROM venue WHERE center_id = $1', [centerId]);
    expect((await staff.post('/api/v1/venues', { centerId, name: '错室', capacity: 10, opensAt: '20:00', closesAt: '08:00' })).status).toBe(400);
    expect((await staff.post('/api/v1/venues', { centerId, name: '错室', capacity: -1 })).status).toBe(400);
    expect((await staff.post('/api/v1/venues', { centerId, name: '错室', capacity: 5, opensAt: '8点' })).status).toBe(400);
    expect(await count('SELECT count(*)::int AS n FROM venue WHERE center_id = $1', [centerId])).toBe(before);
  });

  it('other communities do not see the room (404); residents cannot create rooms (403)', async () => {
    const room = await newVenue();
    const other = await signedIn(ctx, [['community_staff', tree.communityB1]]);
    expect((await other.get(`/api/v1/venues/${room.id}`)).status).toBe(404);
    expect((await other.patch(`/api/v1/venues/${room.id}`, { version: 1, capacity: 3 })).status).toBe(404);
    expect((await other.post('/api/v1/venues', { centerId, name: '越界', capacity: 3 })).status).toBe(404);
    expect((await other.post(`/api/v1/venues/${room.id}/bookings`, { startsAt: localAt(3, '09:00'), endsAt: localAt(3, '10:00'), purpose: 'x' })).status).toBe(404);
    const resident = await signedIn(ctx, [['resident', tree.communityA1]]);
    expect((await resident.post('/api/v1/venues', { centerId, name: '居民建', capacity: 3 })).status).toBe(403);
  });
});

describe('bookings (预约)', () => {
  it('a resident’s booking waits for approval; staff approve it and the resident gets a notice', async () => {
    const room = await newVenue();
    const resident = await residentUser(ctx, places);
    const res = await resident.post(`/api/v1/venues/${room.id}/bookings`, { startsAt: localAt(2, '14:00'), endsAt: localAt(2, '16:00'), purpose: '书法协会练习', attendees: 12 });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'pending', bookerKind: 'resident', mine: true, bookerName: resident.person.name });
    const approved = await staff.post(`/api/v1/venue-bookings/${res.body.id}/approve`, { version: 1, note: '请保持整洁' });
    expect(approved.body).toMatchObject({ status: 'confirmed', decisionNote: '请保持整洁' });
    const inbox = await resident.get('/api/v1/notifications');
    expect(inbox.body.items[0].title).toContain(room.name);
    expect((await resident.post(`/api/v1/venue-bookings/${res.body.id}/approve`, { version: 2 })).status).toBe(403);
  });

  it('an overlapping booking is refused with 409 booking_conflict naming the taken slot; the adjacent slot is free', async () => {
    const room = await newVenue();
    const first = await staff.post(`/api/v1/venues/${room.id}/bookings`, { startsAt: localAt(4, '09:00'), endsAt: localAt(4, '11:00'), purpose: '党员大会' });
    expect(first.body.status).toBe('confirmed');
    const clash = await staff.post(`/api/v1/venues/${room.id}/bookings`, { startsAt: localAt(4, '10:30'), endsAt: localAt(4, '12:00'), purpose: '舞蹈排练' });
    expect(clash.status).toBe(409);
    expect(clash.body.error.code).toBe('booking_conflict');
    expect(clash.body.error.details).toEqual([{ startsAt: localAt(4, '09:00'), endsAt: localAt(4, '11:00') }]);
    expect((await staff.post(`/api/v1/venues/${room.id}/bookings`, { startsAt: localAt(4, '11:00'), endsAt: localAt(4, '12:00'), purpose: '舞蹈排练' })).status).toBe(201);
    expect(await bookingsOf(room.id)).toBe(2);
  });

  it('the database itself refuses an overlapping active booking, whoever writes it; cancelled ones do not block', async () => {
    const room = await newVenue();
    const insert = (start: string, end: string, status: string) =>
      ctx.database.query(
        "INSERT INTO venue_booking (id, community_id, venue_id, starts_at, ends_at, purpose, booker_kind, status) VALUES ($1, $2, $3, $4, $5, 'x', 'staff', $6)",
        [newId(), tree.communityA1.id, room.id, start, end, status],
      );
    await insert(localAt(9, '09:00'), localAt(9, '10:00'), 'confirmed');
    await expect(insert(localAt(9, '09:30'), localAt(9, '10:30'), 'pending')).rejects.toMatchObject({ code: '23P01' });
    await insert(localAt(9, '09:30'), localAt(9, '10:30'), 'cancelled');
    await insert(localAt(9, '10:00'), localAt(9, '11:00'), 'confirmed');
    expect(await bookingsOf(room.id)).toBe(3);
  });

  it('twelve people booking the same slot at once: exactly one wins, the others get booking_conflict', async () => {
    const room = await newVenue({ approvalRequired: false });
    const people = await Promise.all(Array.from({ length: 12 }, () => residentUser(ctx, places)));
    const results = await Promise.all(people.map((p, i) => p.post(`/api/v1/venues/${room.id}/bookings`, { startsAt: localAt(5, `1${i % 2}:00`), endsAt: localAt(5, '11:30'), purpose: `抢订${i}` })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.error.code === 'booking_conflict')).toBe(true);
    expect(results.filter((r) => r.status === 409)).toHaveLength(11);
    expect(await bookingsOf(room.id)).toBe(1);
  });

  it('a weekly recurring booking is all or nothing: one taken week refuses the whole series', async () => {
    const room = await newVenue();
    await staff.post(`/api/v1/venues/${room.id}/bookings`, { startsAt: localAt(6 + 14, '15:00'), endsAt: localAt(6 + 14, '16:00'), purpose: '占用' });
    const refused = await staff.post(`/api/v1/venues/${room.id}/bookings`, { startsAt: localAt(6, '14:30'), endsAt: localAt(6, '15:30'), purpose: '合唱团', repeatWeeks: 4 });
    expect(refused.status).toBe(409);
    expect(refused.body.error.details).toHaveLength(1);
    expect(await bookingsOf(room.id)).toBe(1);
    const series = await staff.post(`/api/v1/venues/${room.id}/bookings`, { startsAt: localAt(6, '16:00'), endsAt: localAt(6, '17:00'), purpose: '合唱团', repeatWeeks: 4 });
    expect(series.status).toBe(201);
    expect(series.body.occurrences.map((o: { startsAt: string }) => o.startsAt)).toEqual([0, 7, 14, 21].map((d) => localAt(6 + d, '16:00')));
    const cancelled = await staff.post(`/api/v1/venue-bookings/${series.body.occurrences[1].id}/cancel`, { reason: '暂停', wholeSeries: true });
    expect(cancelled.body.status).toBe('cancelled');
    expect(await count("SELECT count(*)::int AS n FROM venue_booking WHERE series_id = $1 AND status = 'confirmed'", [series.body.seriesId])).toBe(1);
  });

  it('refuses times outside opening hours, in the past, or more people than the room holds', async () => {
    const room = await newVenue({ opensAt: '09:00', closesAt: '17:00', openWeekdays: [1, 2, 3, 4, 5, 6, 7] });
    const late = await staff.post(`/api/v1/venues/${room.id}/bookings`, { startsAt: localAt(3, '16:00'), endsAt: localAt(3, '18:00'), purpose: 'x' });
    expect(late.status).toBe(422);
    expect(late.body.error.code).toBe('outside_opening_hours');
    expect((await staff.post(`/api/v1/venues/${room.id}/bookings`, { startsAt: localAt(-1, '10:00'), endsAt: localAt(-1, '11:00'), purpose: 'x' })).body.error.code).toBe('booking_in_past');
    expect((await staff.post(`/api/v1/venues/${room.id}/bookings`, { startsAt: localAt(3, '10:00'), endsAt: localAt(3, '11:00'), purpose: 'x', attendees: 31 })).status).toBe(400);
    expect((await staff.post(`/api/v1/venues/${room.id}/bookings`, { startsAt: localAt(3, '11:00'), endsAt: localAt(3, '10:00'), purpose: 'x' })).status).toBe(400);
    expect(await bookingsOf(room.id)).toBe(0);
  });

  it('a room not open to residents refuses their booking (403); a partner unit’s contact books for the unit', async () => {
    const room = await newVenue({ bookableBy: ['partner'], approvalRequired: false });
    const resident = await residentUser(ctx, places);
    const refused = await resident.post(`/api/v1/venues/${room.id}/bookings`, { startsAt: localAt(3, '09:00'), endsAt: localAt(3, '10:00'), purpose: 'x' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('venue_not_bookable');
    const contact = await signedIn(ctx, [['partner_contact', tree.communityA1]]);
    const unitId = newId();
    await ctx.database.query("INSERT INTO partner_unit (id, community_id, name, kind) VALUES ($1, $2, '市疾控中心', 'public_institution')", [unitId, tree.communityA1.id]);
    await ctx.database.query('INSERT INTO partner_contact (partner_unit_id, account_id, community_id) VALUES ($1, $2, $3)', [unitId, contact.user.id, tree.communityA1.id]);
    const booked = await contact.post(`/api/v1/venues/${room.id}/bookings`, { startsAt: localAt(3, '09:00'), endsAt: localAt(3, '10:00'), purpose: '健康讲座' });
    expect(booked.status).toBe(201);
    expect(booked.body).toMatchObject({ bookerKind: 'partner', bookerName: '市疾控中心', status: 'confirmed', partnerUnitId: unitId });
  });

  it('a resident cancels their own booking, which frees the slot; another resident cannot touch it (404)', async () => {
    const room = await newVenue();
    const me = await residentUser(ctx, places);
    const other = await residentUser(ctx, places);
    const mine = await me.post(`/api/v1/venues/${room.id}/bookings`, { startsAt: localAt(7, '09:00'), endsAt: localAt(7, '10:00'), purpose: '家庭聚会' });
    expect((await other.post(`/api/v1/venue-bookings/${mine.body.id}/cancel`, {})).status).toBe(404);
    expect((await other.get('/api/v1/venue-bookings')).body.items.map((b: { id: string }) => b.id)).not.toContain(mine.body.id);
    expect((await me.post(`/api/v1/venue-bookings/${mine.body.id}/cancel`, { reason: '改期' })).body.status).toBe('cancelled');
    expect((await me.post(`/api/v1/venue-bookings/${mine.body.id}/cancel`, {})).status).toBe(409);
    expect((await other.post(`/api/v1/venues/${room.id}/bookings`, { startsAt: localAt(7, '09:00'), endsAt: localAt(7, '10:00'), purpose: '下棋' })).status).toBe(201);
  });

  it('the day/week calendar shows every room and booking; residents see other residents masked, staff see names', async () => {
    const room = await newVenue();
    const booker = await residentUser(ctx, places, { name: '王建华' });
    await booker.post(`/api/v1/venues/${room.id}/bookings`, { startsAt: localAt(8, '09:00'), endsAt: localAt(8, '10:00'), purpose: '读书会' });
    const week = await staff.get(`/api/v1/venue-calendar?centerId=${centerId}&from=${localDate(8)}&to=${localDate(14)}`);
    expect(week.status).toBe(200);
    expect(week.body.venues.map((v: { id: string }) => v.id)).toContain(room.id);
    const mine = week.body.bookings.find((b: { venueId: string }) => b.venueId === room.id);
    expect(mine).toMatchObject({ bookerName: '王建华', purpose: '读书会', status: 'pending' });
    const neighbour = await residentUser(ctx, places);
    const seen = await neighbour.get(`/api/v1/venue-calendar?centerId=${centerId}&from=${localDate(8)}&to=${localDate(8)}`);
    expect(seen.body.bookings.find((b: { venueId: string }) => b.venueId === room.id)).toMatchObject({ bookerName: '王*华', mine: false });
    expect((await staff.get(`/api/v1/venue-calendar?centerId=${centerId}&from=${localDate(1)}&to=${localDate(40)}`)).status).toBe(400);
    const outsider = await signedIn(ctx, [['resident', tree.communityB1]]);
    expect((await outsider.get(`/api/v1/venue-calendar?centerId=${centerId}&from=${localDate(8)}&to=${localDate(8)}`)).status).toBe(404);
  });
});
