import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

async function heldEvent(theme: string) {
  const res = await staff.post('/api/v1/events', { centerId, title: `${theme}活动`, theme, startsAt: localAt(0, '00:00'), endsAt: localAt(0, '23:59') });
  return res.body.items[0] as { id: string };
}

describe('satisfaction survey and the center’s figures', () => {
  it('only people who took part answer, once; rates come out per theme, month and center', async () => {
    const red = await heldEvent('red');
    const purple = await heldEvent('purple');
    const [a, b, c] = await Promise.all([residentUser(ctx, places), residentUser(ctx, places), residentUser(ctx, places)]);
    const outsider = await residentUser(ctx, places);
    for (const p of [a!, b!]) await staff.post(`/api/v1/events/${red.id}/check-ins`, { residentId: p.person.id });
    await staff.post(`/api/v1/events/${purple.id}/check-ins`, { residentId: c!.person.id });
    expect((await a!.post('/api/v1/center-satisfaction', { subjectKind: 'event', subjectId: red.id, score: 5, comment: '很好' })).status).toBe(201);
    expect((await a!.post('/api/v1/center-satisfaction', { subjectKind: 'event', subjectId: red.id, score: 1 })).status).toBe(409);
    expect((await b!.post('/api/v1/center-satisfaction', { subjectKind: 'event', subjectId: red.id, score: 3 })).status).toBe(201);
    expect((await c!.post('/api/v1/center-satisfaction', { subjectKind: 'event', subjectId: purple.id, score: 4 })).status).toBe(201);
    const refused = await outsider.post('/api/v1/center-satisfaction', { subjectKind: 'event', subjectId: red.id, score: 5 });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('survey_not_allowed');
    expect((await a!.post('/api/v1/center-satisfaction', { subjectKind: 'event', subjectId: red.id, score: 6 })).status).toBe(400);
    const stats = await staff.get(`/api/v1/center-satisfaction/stats?centerId=${centerId}&from=${localDate(-1)}&to=${localDate(1)}`);
    expect(stats.body).toMatchObject({ responses: 3, satisfied: 2, rate: 0.6667 });
    expect(stats.body.byTheme).toEqual([
      { key: 'purple', responses: 1, satisfied: 1, rate: 1 },
      { key: 'red', responses: 2, satisfied: 1, rate: 0.5 },
    ]);
    expect(stats.body.byMonth).toEqual([{ key: localDate(0).slice(0, 7), responses: 3, satisfied: 2, rate: 0.6667 }]);
    expect(stats.body.byCenter[0]).toMatchObject({ key: centerId, responses: 3 });
    expect((await a!.get(`/api/v1/center-satisfaction/stats?from=${localDate(-1)}&to=${localDate(1)}`)).status).toBe(403);
    const other = await signedIn(ctx, [['community_staff', tree.communityB1]]);
    expect((await other.get(`/api/v1/center-satisfaction/stats?from=${localDate(-1)}&to=${localDate(1)}`)).body.responses).toBe(0);
  });

  it('the dashboard counts events by theme with signups and check-ins, courses by kind, meals and room hours', async () => {
    const stats = async () => (await staff.get(`/api/v1/center-stats?centerId=${centerId}&from=${localDate(-1)}&to=${localDate(1)}`)).body;
    const before = await stats();
    const green = await heldEvent('green');
    const v = await residentUser(ctx, places);
    await v.post(`/api/v1/events/${green.id}/signups`, {});
    await staff.post(`/api/v1/events/${green.id}/check-ins`, { residentId: v.person.id });
    const room = (await staff.post('/api/v1/venues', { centerId, name: '文体活动室', capacity: 50 })).body;
    await staff.post(`/api/v1/venues/${room.id}/bookings`, { startsAt: localAt(1, '09:00'), endsAt: localAt(1, '11:30'), purpose: '排练' });
    const after = await stats();
    const g = (s: { events: { byTheme: Array<{ theme: string; events: number; signups: number; checkIns: number }> } }) => s.events.byTheme.find((t) => t.theme === 'green') ?? { events: 0, signups: 0, checkIns: 0 };
    expect(g(after).events - g(before).events).toBe(1);
    expect(g(after).checkIns - g(before).checkIns).toBe(1);
    expect(after.venues.find((x: { venueId: string }) => x.venueId === room.id)).toMatchObject({ bookings: 1, hours: 2.5 });
    const resident = await residentUser(ctx, places);
    expect((await resident.get(`/api/v1/center-stats?from=${localDate(-1)}&to=${localDate(1)}`)).status).toBe(403);
  });

  it('“my center” shows a resident’s and their child’s courses, signups, bookings and the surveys left to answer', async () => {
    const parent = await residentUser(ctx, places, { birthDate: bornYearsAgo(36) });
    const kid = await createResident(ctx.database, tree.communityA1.id, parent.household, { birthDate: bornYearsAgo(9), name: '小明' });
    const school = (await staff.post('/api/v1/courses', { centerId, kind: 'after_school', term: '2026秋季', name: '四点半学校', capacity: 40, feeFen: 0, minAge: 6, maxAge: 12, enrollmentOpensAt: localAt(-1, '08:00'), startsOn: localDate(1), endsOn: localDate(30), weekdays: [1, 2, 3, 4, 5], startTime: '16:30', endTime: '18:00' })).body;
    await parent.post(`/api/v1/courses/${school.id}/enrollments`, { residentId: kid.id });
    const e = await heldEvent('orange');
    await parent.post(`/api/v1/events/${e.id}/signups`, {});
    await staff.post(`/api/v1/events/${e.id}/check-ins`, { residentId: parent.person.id });
    const mine = await parent.get('/api/v1/my-center');
    expect(mine.status).toBe(200);
    expect(mine.body.residents.map((r: { name: string }) => r.name)).toContain('小明');
    expect(mine.body.enrollments).toEqual([expect.objectContaining({ courseName: '四点半学校', residentName: '小明', status: 'enrolled' })]);
    expect(mine.body.signups).toEqual([expect.objectContaining({ eventId: e.id, checkedIn: true })]);
    expect(mine.body.surveys).toEqual([expect.objectContaining({ subjectKind: 'event', subjectId: e.id })]);
    await parent.post('/api/v1/center-satisfaction', { subjectKind: 'event', subjectId: e.id, score: 5 });
    expect((await parent.get('/api/v1/my-center')).body.surveys).toEqual([]);
    expect((await staff.get('/api/v1/my-center')).body.error.code).toBe('resident_link_required');
    const street = await signedIn(ctx, [['street_staff', tree.streetA]]);
    expect((await street.get('/api/v1/my-center')).status).toBe(403);
  });

  it('every check-in, course attendance and served meal counts once as a service visit of the center, elderly counted as such', async () => {
    const c2 = await centerOf(ctx, tree.communityA2);
    const staff2 = await signedIn(ctx, [['community_staff', tree.communityA2]]);
    const places2 = await placesFor(ctx, tree.communityA2);
    const elder = await residentUser(ctx, places2, { birthDate: bornYearsAgo(75) });
    const e = (await staff2.post('/api/v1/events', { centerId: c2, title: '太极晨练', theme: 'purple', startsAt: localAt(0, '00:00'), endsAt: localAt(0, '23:59') })).body.items[0];
    await staff2.post(`/api/v1/events/${e.id}/check-ins`, { residentId: elder.person.id });
    const course = (await staff2.post('/api/v1/courses', { centerId: c2, kind: 'senior_college', term: 'T', name: '夕阳红太极', capacity: 10, feeFen: 0, enrollmentOpensAt: localAt(-3, '08:00'), startsOn: localDate(-2), endsOn: localDate(-2), weekdays: [1, 2, 3, 4, 5, 6, 7], startTime: '09:00', endTime: '10:00' })).body;
    await staff2.post(`/api/v1/courses/${course.id}/enrollments`, { residentId: elder.person.id });
    const [session] = (await staff2.get(`/api/v1/courses/${course.id}/sessions`)).body;
    await staff2.post(`/api/v1/course-sessions/${session.id}/attendance`, { records: [{ residentId: elder.person.id, status: 'present' }] });
    expect((await staff2.get(`/api/v1/courses/${course.id}/sessions`)).body[0].presentCount).toBe(1);
    const canteen = (await staff2.post('/api/v1/canteens', { centerId: c2, name: '长者食堂', seatsPerSitting: 80, orderCutoff: '23:59' })).body;
    const menu = (await staff2.post(`/api/v1/canteens/${canteen.id}/menus`, { servedOn: localDate(0), meal: 'dinner', dishes: ['饺子'], priceFen: 1000 })).body;
    const order = (await staff2.post(`/api/v1/canteen-menus/${menu.id}/orders`, { residentId: elder.person.id, mode: 'dine_in' })).body;
    await staff2.post(`/api/v1/meal-orders/${order.id}/serve`);
    const res = await staff2.get(`/api/v1/service-visits/stats?centerId=${c2}&from=${localDate(-3)}&to=${localDate(1)}`);
    expect(res.body).toMatchObject({ total: 3, people: 1 });
    expect(res.body.bySource.map((b: { key: string; visits: number }) => [b.key, b.visits])).toEqual([['canteen_meal', 1], ['course_attendance', 1], ['event_check_in', 1]]);
    expect(res.body.byTargetGroup).toEqual([{ key: 'elderly', visits: 3, people: 1 }]);
    const elderlyOnly = await staff2.get(`/api/v1/service-visits/stats?centerId=${c2}&from=${localDate(-3)}&to=${localDate(1)}&targetGroup=elderly&source=event_check_in`);
    expect(elderlyOnly.body.total).toBe(1);
  });
});
