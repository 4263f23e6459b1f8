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

const count = async (text: string, params: unknown[]) => Number((await ctx.database.query<{ n: number }>(text, params))[0]!.n);

let n = 0;
async function newCourse(body: Record<string, unknown> = {}) {
  const res = await staff.post('/api/v1/courses', {
    centerId,
    kind: 'senior_college',
    term: '2026秋季',
    name: `声乐${++n}`,
    teacherName: '李老师',
    capacity: 30,
    feeFen: 0,
    enrollmentOpensAt: localAt(-1, '08:00'),
    startsOn: localDate(-7),
    endsOn: localDate(60),
    weekdays: [2, 4],
    startTime: '09:00',
    endTime: '10:30',
    ...body,
  });
  expect(res.status).toBe(201);
  return res.body as { id: string; version: number; name: string; sessionCount: number; capacity: number };
}

describe('courses (老年大学 / 四点半学校)', () => {
  it('staff open a free senior-college course in a room: its sessions hold the room on the calendar', async () => {
    const room = (await staff.post('/api/v1/venues', { centerId, name: '枫之韵声乐室', capacity: 40 })).body;
    const c = await newCourse({ venueId: room.id, startsOn: localDate(1), endsOn: localDate(28), weekdays: [1, 2, 3, 4, 5, 6, 7] });
    expect(c).toMatchObject({ feeFen: 0, enrolledCount: 0, enrollmentState: 'open', venueName: '枫之韵声乐室', sessionCount: 28 });
    const sessions = await staff.get(`/api/v1/courses/${c.id}/sessions`);
    expect(sessions.body).toHaveLength(28);
    expect(sessions.body[0].startsAt).toBe(localAt(1, '09:00'));
    const clash = await staff.post(`/api/v1/venues/${room.id}/bookings`, { startsAt: localAt(3, '09:30'), endsAt: localAt(3, '11:00'), purpose: '冲突' });
    expect(clash.body.error.code).toBe('booking_conflict');
    const before = await count('SELECT count(*)::int AS n FROM course WHERE center_id = $1', [centerId]);
    const second = await staff.post('/api/v1/courses', { centerId, venueId: room.id, kind: 'senior_college', term: '2026秋季', name: '书法', capacity: 20, feeFen: 0, enrollmentOpensAt: localAt(0, '08:00'), startsOn: localDate(1), endsOn: localDate(14), weekdays: [3], startTime: '10:00', endTime: '11:00' });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('booking_conflict');
    expect(await count('SELECT count(*)::int AS n FROM course WHERE center_id = $1', [centerId])).toBe(before);
  });

  it('refuses a negative fee, a reversed age range and a term without class days (400); nothing is written', async () => {
    const before = await count('SELECT count(*)::int AS n FROM course WHERE center_id = $1', [centerId]);
    const base = { centerId, kind: 'senior_college', term: 'T', name: '错课', capacity: 10, enrollmentOpensAt: localAt(0, '08:00'), startsOn: localDate(1), endsOn: localDate(3), weekdays: [1, 2, 3, 4, 5, 6, 7], startTime: '09:00', endTime: '10:00' };
    const negative = await staff.post('/api/v1/courses', { ...base, feeFen: -100 });
    expect(negative.status).toBe(400);
    expect(negative.body.error.details[0].field).toBe('body.feeFen');
    expect((await staff.post('/api/v1/courses', { ...base, minAge: 70, maxAge: 60 })).status).toBe(400);
    expect((await staff.post('/api/v1/courses', { ...base, startsOn: localDate(1), endsOn: localDate(1), weekdays: [(new Date(localDate(1)).getUTCDay() + 1) % 7 + 1] })).status).toBe(400);
    expect(await count('SELECT count(*)::int AS n FROM course WHERE center_id = $1', [centerId])).toBe(before);
  });

  it('enrollment opens at the set time and closes at the set time', async () => {
    const early = await newCourse({ enrollmentOpensAt: localAt(2, '08:00') });
    const resident = await residentUser(ctx, places);
    const refused = await resident.post(`/api/v1/courses/${early.id}/enrollments`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('enrollment_not_open');
    const closed = await newCourse({ enrollmentOpensAt: localAt(-3, '08:00'), enrollmentClosesAt: localAt(-1, '08:00') });
    expect((await resident.post(`/api/v1/courses/${closed.id}/enrollments`, {})).body.error.code).toBe('enrollment_closed');
  });

  it('a burst of 15 sign-ups for 5 seats: exactly 5 enrolled, 10 waitlisted in arrival order', async () => {
    const c = await newCourse({ capacity: 5 });
    const people = await Promise.all(Array.from({ length: 15 }, () => residentUser(ctx, places)));
    const results = await Promise.all(people.map((p) => p.post(`/api/v1/courses/${c.id}/enrollments`, {})));
    expect(results.every((r) => r.status === 201)).toBe(true);
    expect(results.filter((r) => r.body.status === 'enrolled')).toHaveLength(5);
    const positions = results.filter((r) => r.body.status === 'waitlisted').map((r) => r.body.position).sort((a, b) => a - b);
    expect(positions).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const list = await staff.get(`/api/v1/courses/${c.id}/enrollments`);
    const seqs = list.body.items.map((e: { seq: number }) => e.seq);
    expect(list.body.items.slice(0, 5).every((e: { status: string }) => e.status === 'enrolled')).toBe(true);
    expect(Math.max(...seqs.slice(0, 5))).toBeLessThan(Math.min(...seqs.slice(5)));
    expect(list.body.items.slice(5).map((e: { position: number }) => e.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect((await staff.get(`/api/v1/courses/${c.id}`)).body).toMatchObject({ enrolledCount: 5, waitlistCount: 10 });
  });

  it('enrolling twice is refused (409 already_enrolled) and writes nothing', async () => {
    const c = await newCourse();
    const resident = await residentUser(ctx, places);
    expect((await resident.post(`/api/v1/courses/${c.id}/enrollments`, {})).status).toBe(201);
    const twice = await resident.post(`/api/v1/courses/${c.id}/enrollments`, {});
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('already_enrolled');
    expect(await count('SELECT count(*)::int AS n FROM course_enrollment WHERE course_id = $1', [c.id])).toBe(1);
    expect((await resident.get(`/api/v1/courses/${c.id}`)).body.mine).toMatchObject({ status: 'enrolled', position: null });
  });

  it('age and group requirements: a 9-year-old joins the 4:30 school, a 40-year-old does not; a course for dibao households only', async () => {
    const school = await newCourse({ kind: 'after_school', name: '四点半学校·书法', minAge: 6, maxAge: 12, weekdays: [1, 2, 3, 4, 5], startTime: '16:30', endTime: '18:00' });
    const parent = await residentUser(ctx, places, { birthDate: bornYearsAgo(40) });
    const child = await createResident(ctx.database, tree.communityA1.id, parent.household, { birthDate: bornYearsAgo(9), relationToHead: '子女', gender: 'male' });
    const adult = await parent.post(`/api/v1/courses/${school.id}/enrollments`, {});
    expect(adult.status).toBe(422);
    expect(adult.body.error.code).toBe('age_requirement_not_met');
    const kid = await parent.post(`/api/v1/courses/${school.id}/enrollments`, { residentId: child.id });
    expect(kid.status).toBe(201);
    expect(kid.body.residentId).toBe(child.id);
    const stranger = await residentUser(ctx, places, { birthDate: bornYearsAgo(8) });
    expect((await parent.post(`/api/v1/courses/${school.id}/enrollments`, { residentId: stranger.person.id })).status).toBe(404);
    const dibaoOnly = await newCourse({ requiredTags: ['dibao', 'tekun'] });
    expect((await parent.post(`/api/v1/courses/${dibaoOnly.id}/enrollments`, {})).body.error.code).toBe('tag_requirement_not_met');
    const poor = await residentUser(ctx, places, { tags: ['dibao'] });
    expect((await poor.post(`/api/v1/courses/${dibaoOnly.id}/enrollments`, {})).status).toBe(201);
    expect(await count("SELECT count(*)::int AS n FROM course_enrollment WHERE resident_id = $1", [parent.person.id])).toBe(0);
  });

  it('a cancellation promotes the head of the waitlist automatically, with an inbox notice', async () => {
    const c = await newCourse({ capacity: 2 });
    const [a, b, w1, w2] = await Promise.all(Array.from({ length: 4 }, () => residentUser(ctx, places)));
    const ea = (await a!.post(`/api/v1/courses/${c.id}/enrollments`, {})).body;
    await b!.post(`/api/v1/courses/${c.id}/enrollments`, {});
    expect((await w1!.post(`/api/v1/courses/${c.id}/enrollments`, {})).body).toMatchObject({ status: 'waitlisted', position: 1 });
    expect((await w2!.post(`/api/v1/courses/${c.id}/enrollments`, {})).body).toMatchObject({ status: 'waitlisted', position: 2 });
    expect((await b!.post(`/api/v1/course-enrollments/${ea.id}/cancel`)).status).toBe(404);
    const cancelled = await a!.post(`/api/v1/course-enrollments/${ea.id}/cancel`);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', promoted: 1 });
    expect((await w1!.get(`/api/v1/courses/${c.id}`)).body.mine.status).toBe('enrolled');
    expect((await w2!.get(`/api/v1/courses/${c.id}`)).body.mine).toMatchObject({ status: 'waitlisted', position: 1 });
    const inbox = await w1!.get('/api/v1/notifications');
    expect(inbox.body.items[0]).toMatchObject({ kind: 'course.promoted' });
    expect(inbox.body.items[0].title).toContain(c.name);
    expect((await a!.post(`/api/v1/course-enrollments/${ea.id}/cancel`)).status).toBe(409);
  });

  it('raising the capacity takes people off the waitlist in arrival order', async () => {
    const c = await newCourse({ capacity: 1 });
    const people = [];
    for (let i = 0; i < 3; i++) {
      const p = await residentUser(ctx, places);
      await p.post(`/api/v1/courses/${c.id}/enrollments`, {});
      people.push(p);
    }
    const raised = await staff.patch(`/api/v1/courses/${c.id}`, { version: c.version, capacity: 2 });
    expect(raised.body).toMatchObject({ capacity: 2, enrolledCount: 2, waitlistCount: 1 });
    expect((await people[1]!.get(`/api/v1/courses/${c.id}`)).body.mine.status).toBe('enrolled');
    expect((await people[2]!.get(`/api/v1/courses/${c.id}`)).body.mine.status).toBe('waitlisted');
  });

  it('roll call: present counts a service visit, absent takes it back; the 4:30 school records who picked the child up', async () => {
    const school = await newCourse({ kind: 'after_school', name: '四点半学校·作业辅导', theme: 'blue', startsOn: localDate(-14), endsOn: localDate(-1), weekdays: [1, 2, 3, 4, 5, 6, 7], startTime: '16:30', endTime: '18:00' });
    const parent = await residentUser(ctx, places, { birthDate: bornYearsAgo(38) });
    const kid = await createResident(ctx.database, tree.communityA1.id, parent.household, { birthDate: bornYearsAgo(8) });
    await staff.post(`/api/v1/courses/${school.id}/enrollments`, { residentId: kid.id });
    const [session] = (await staff.get(`/api/v1/courses/${school.id}/sessions`)).body;
    const pickedUpAt = new Date(new Date(session.endsAt).getTime() + 5 * 60_000).toISOString();
    const roll = await staff.post(`/api/v1/course-sessions/${session.id}/attendance`, { records: [{ residentId: kid.id, status: 'present', pickedUpBy: '奶奶 李桂兰', pickedUpAt }] });
    expect(roll.status).toBe(200);
    expect(roll.body.items).toEqual([expect.objectContaining({ residentId: kid.id, status: 'present', pickedUpBy: '奶奶 李桂兰', pickedUpAt })]);
    const visits = () => count("SELECT count(*)::int AS n FROM service_visit WHERE resident_id = $1 AND source = 'course_attendance'", [kid.id]);
    expect(await visits()).toBe(1);
    await staff.post(`/api/v1/course-sessions/${session.id}/attendance`, { records: [{ residentId: kid.id, status: 'present', pickedUpBy: '奶奶 李桂兰', pickedUpAt }] });
    expect(await visits()).toBe(1);
    await staff.post(`/api/v1/course-sessions/${session.id}/attendance`, { records: [{ residentId: kid.id, status: 'absent' }] });
    expect(await visits()).toBe(0);
    const stranger = await residentUser(ctx, places);
    const bad = await staff.post(`/api/v1/course-sessions/${session.id}/attendance`, { records: [{ residentId: stranger.person.id, status: 'present' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].code).toBe('not_enrolled');
    expect((await parent.post(`/api/v1/course-sessions/${session.id}/attendance`, { records: [{ residentId: kid.id, status: 'present' }] })).status).toBe(403);
  });

  it('a senior-college roll call has no pick-ups, and a future session takes only leave', async () => {
    const c = await newCourse({ startsOn: localDate(1), endsOn: localDate(10), weekdays: [1, 2, 3, 4, 5, 6, 7] });
    const student = await residentUser(ctx, places);
    await student.post(`/api/v1/courses/${c.id}/enrollments`, {});
    const [future] = (await staff.get(`/api/v1/courses/${c.id}/sessions`)).body;
    expect((await staff.post(`/api/v1/course-sessions/${future.id}/attendance`, { records: [{ residentId: student.person.id, status: 'present' }] })).body.error.details[0].code).toBe('session_not_started');
    expect((await staff.post(`/api/v1/course-sessions/${future.id}/attendance`, { records: [{ residentId: student.person.id, status: 'leave', pickedUpBy: '某人' }] })).body.error.details[0].code).toBe('pickup_only_after_school');
    expect((await staff.post(`/api/v1/course-sessions/${future.id}/attendance`, { records: [{ residentId: student.person.id, status: 'leave' }] })).status).toBe(200);
  });

  it('other communities see nothing (404); residents cannot read enrollment lists (403)', async () => {
    const c = await newCourse();
    const other = await signedIn(ctx, [['community_staff', tree.communityB1]]);
    expect((await other.get(`/api/v1/courses/${c.id}`)).status).toBe(404);
    expect((await other.get(`/api/v1/courses/${c.id}/enrollments`)).status).toBe(404);
    expect((await other.post(`/api/v1/courses/${c.id}/enrollments`, { residentId: (await residentUser(ctx, places)).person.id })).status).toBe(404);
    const resident = await residentUser(ctx, places);
    expect((await resident.get(`/api/v1/courses/${c.id}/enrollments`)).status).toBe(403);
    expect((await resident.post('/api/v1/courses', {})).status).toBe(403);
    const street = await signedIn(ctx, [['street_staff', tree.streetA]]);
    expect((await street.get(`/api/v1/courses/${c.id}/enrollments`)).status).toBe(200);
    const unlinked = await signedIn(ctx, [['resident', tree.communityA1]]);
    expect((await unlinked.post(`/api/v1/courses/${c.id}/enrollments`, {})).body.error.code).toBe('resident_link_required');
  });
});
