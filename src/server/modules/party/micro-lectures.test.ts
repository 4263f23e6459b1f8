import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDbKind } from '../../test/databases';
import { createTestApp, createTree, signedIn, type TestContext, type TestTree } from '../../test/harness';
import { addMember, addMembers, ok, openLecture, partyWorld, residentWithAccount, type PartyWorld } from './party.fixtures';
import { wallParts } from './party.time';

let ctx: TestContext;
let tree: TestTree;
let world: PartyWorld;
beforeAll(async () => {
  ctx = await createTestApp({ config: { loginRateLimit: 10_000 } });
  tree = await createTree(ctx.database);
  world = await partyWorld(ctx, tree.communityA1);
});
afterAll(() => ctx.close());

const minutesFromNow = (m: number) => new Date(Date.now() + m * 60_000).toISOString();

describe('scheduling micro-lectures', () => {
  it('numbers issues per community (第N期) and schedules the next Thursday 20:00 with check-in 19:50–20:10', async () => {
    const own = await partyWorld(ctx, tree.communityA2);
    const first = await ok(await own.secretary.post('/api/v1/micro-lectures', { title: '第一课' }));
    const second = await ok(await own.secretary.post('/api/v1/micro-lectures', { title: '第二课' }));
    expect([first.issueNo, second.issueNo]).toEqual([1, 2]);
    const at = wallParts(new Date(first.scheduledAt), 'Asia/Shanghai');
    expect([at.weekday, at.hour, at.minute]).toEqual([4, 20, 0]);
    expect(new Date(second.scheduledAt).getTime() - new Date(first.scheduledAt).getTime()).toBe(7 * 86_400_000);
    const opens = wallParts(new Date(first.checkinOpensAt), 'Asia/Shanghai');
    const closes = wallParts(new Date(first.checkinClosesAt), 'Asia/Shanghai');
    expect([opens.hour, opens.minute, closes.hour, closes.minute]).toEqual([19, 50, 20, 10]);
    expect(first.window).toBe('upcoming');
    const elsewhere = await partyWorld(ctx, tree.communityB1);
    expect((await ok(await elsewhere.secretary.post('/api/v1/micro-lectures', { title: '别处第一课' }))).issueNo).toBe(1);
  });

  it('concurrent creates get distinct issue numbers', async () => {
    const own = await partyWorld(ctx, tree.communityB1);
    const results = await Promise.all(Array.from({ length: 5 }, (_, i) => own.secretary.post('/api/v1/micro-lectures', { title: `并发${i}`, scheduledAt: minutesFromNow(60 * 24 * (i + 30)) })));
    const numbers = results.map((r) => r.body.issueNo);
    expect(results.every((r) => r.status === 201)).toBe(true);
    expect(new Set(numbers).size).toBe(5);
  });

  it('the schedule and window are configurable per community', async () => {
    const own = await partyWorld(ctx, tree.communityA2);
    const settings = (await own.secretary.get('/api/v1/party-settings')).body;
    expect(settings).toMatchObject({ lectureWeekday: 4, lectureTime: '20:00', checkinOpensMinutes: 10, checkinClosesMinutes: 10 });
    const changed = await own.secretary.patch('/api/v1/party-settings', { version: settings.version, lectureWeekday: 2, lectureTime: '19:30', checkinOpensMinutes: 5, checkinClosesMinutes: 15 });
    expect(changed.status).toBe(200);
    expect((await own.secretary.patch('/api/v1/party-settings', { version: settings.version, lectureTime: '21:00' })).status).toBe(409);
    expect((await own.secretary.patch('/api/v1/party-settings', { version: changed.body.version, lectureTime: '25:00' })).status).toBe(400);
    const l = await ok(await own.secretary.post('/api/v1/micro-lectures', { title: '周二课', scheduledAt: undefined }));
    const at = wallParts(new Date(l.scheduledAt), 'Asia/Shanghai');
    expect([at.weekday, at.hour, at.minute]).toEqual([2, 19, 30]);
    expect(new Date(l.checkinClosesAt).getTime() - new Date(l.scheduledAt).getTime()).toBe(15 * 60_000);
  });

  it('refuses an unknown lecturer and unknown fields (400); members cannot schedule (403)', async () => {
    expect((await world.secretary.post('/api/v1/micro-lectures', { title: 'x', lecturerMemberId: '01966a2b-0000-7000-8000-000000000000' })).status).toBe(400);
    expect((await world.secretary.post('/api/v1/micro-lectures', { title: 'x', issueNo: 9 })).status).toBe(400);
    const m = await addMember(ctx, world);
    expect((await m.client.post('/api/v1/micro-lectures', { title: 'x' })).status).toBe(403);
  });
});

describe('checking in with one tap', () => {
  it('inside the window: 201, on time before the start; a second tap answers 200 with the first record', async () => {
    const l = await openLecture(world);
    const m = await addMember(ctx, world);
    const first = await m.client.post(`/api/v1/micro-lectures/${l.id}/check-ins`, {});
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ lectureId: l.id, memberId: m.id, late: false, recordedBy: null });
    const second = await m.client.post(`/api/v1/micro-lectures/${l.id}/check-ins`, {});
    expect(second.status).toBe(200);
    expect(second.body.id).toBe(first.body.id);
    expect(second.body.checkedInAt).toBe(first.body.checkedInAt);
  });

  it('after the start it is flagged late', async () => {
    const l = await openLecture(world, { scheduledAt: minutesFromNow(-3) });
    const m = await addMember(ctx, world);
    const res = await m.client.post(`/api/v1/micro-lectures/${l.id}/check-ins`, {});
    expect(res.status).toBe(201);
    expect(res.body.late).toBe(true);
  });

  it('outside the window: 409 checkin_closed, before and after', async () => {
    const m = await addMember(ctx, world);
    const early = await openLecture(world, { scheduledAt: minutesFromNow(60) });
    const tooEarly = await m.client.post(`/api/v1/micro-lectures/${early.id}/check-ins`, {});
    expect(tooEarly.status).toBe(409);
    expect(tooEarly.body.error.code).toBe('checkin_closed');
    const over = await openLecture(world, { scheduledAt: minutesFromNow(-30) });
    expect((await m.client.post(`/api/v1/micro-lectures/${over.id}/check-ins`, {})).body.error.code).toBe('checkin_closed');
  });

  it('staff record a missed check-in with a reason, in the audit log; without a reason it is 400', async () => {
    const over = await openLecture(world, { scheduledAt: minutesFromNow(-60) });
    const m = await addMember(ctx, world);
    expect((await world.secretary.post(`/api/v1/micro-lectures/${over.id}/check-ins`, { memberId: m.id })).status).toBe(400);
    const res = await world.secretary.post(`/api/v1/micro-lectures/${over.id}/check-ins`, { memberId: m.id, reason: '手机没电，会后补签' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ memberId: m.id, reason: '手机没电，会后补签' });
    expect(res.body.recordedBy).not.toBeNull();
    const [entry] = await ctx.database.query<{ reason: string }>(`SELECT reason FROM audit_log WHERE action = 'micro_lecture.check_in.record' AND entity_id = $1`, [over.id]);
    expect(entry!.reason).toBe('手机没电，会后补签');
  });

  it('a member cannot check in someone else (403); a resident who is not a member gets 403 not_party_member', async () => {
    const l = await openLecture(world);
    const [a, b] = await addMembers(ctx, world, 2);
    expect((await a!.client.post(`/api/v1/micro-lectures/${l.id}/check-ins`, { memberId: b!.id, reason: '代签' })).status).toBe(403);
    const resident = await residentWithAccount(ctx, world);
    const refused = await resident.client.post(`/api/v1/micro-lectures/${l.id}/check-ins`, {});
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('not_party_member');
    const otherWorld = await partyWorld(ctx, tree.communityB1);
    const stranger = await addMember(ctx, otherWorld);
    expect((await stranger.client.post(`/api/v1/micro-lectures/${l.id}/check-ins`, {})).status).toBe(404);
  });

  it(`20 members tapping at once all get in, and one member tapping 5 times gets one record (${testDbKind()})`, async () => {
    const l = await openLecture(world);
    const members = await addMembers(ctx, world, 20);
    const results = await Promise.all(members.map((m) => m.client.post(`/api/v1/micro-lectures/${l.id}/check-ins`, {})));
    expect(results.every((r) => r.status === 201)).toBe(true);
    const taps = await Promise.all(Array.from({ length: 5 }, () => members[0]!.client.post(`/api/v1/micro-lectures/${l.id}/check-ins`, {})));
    expect(new Set(taps.map((t) => t.body.id)).size).toBe(1);
    const detail = (await world.secretary.get(`/api/v1/micro-lectures/${l.id}`)).body;
    expect(detail.checkIns).toBe(20);
  });

  it('the member’s lecture list shows the open one with their check-in', async () => {
    const own = await partyWorld(ctx, (await createTree(ctx.database)).communityA1);
    const l = await openLecture(own, { title: '我的本周微党课' });
    const m = await addMember(ctx, own);
    await m.client.post(`/api/v1/micro-lectures/${l.id}/check-ins`, {});
    const mine = (await m.client.get('/api/v1/party/me/lectures')).body;
    const entry = mine.find((x: any) => x.id === l.id);
    expect(entry.window).toBe('open');
    expect(entry.myCheckIn.memberId).toBe(m.id);
  });
});

describe('statistics, heat map, rotation and reminders', () => {
  it('computes attendance rate, lectured share, per member and per lecture from the records', async () => {
    const own = await partyWorld(ctx, tree.communityA2);
    const ms = await addMembers(ctx, own, 4);
    await ctx.database.query(`UPDATE party_member SET enrolled_at = now() - interval '1 year' WHERE community_id = $1`, [tree.communityA2.id]);
    const lectures: any[] = [];
    for (let i = 0; i < 3; i++) {
      lectures.push(await ok(await own.secretary.post('/api/v1/micro-lectures', { title: `往期${i}`, lecturerMemberId: ms[i % 2]!.id, scheduledAt: new Date(Date.now() - (i + 1) * 7 * 86_400_000).toISOString() })));
    }
    // Lecture 0: all four; lecture 1: three; lecture 2: two → 9 of 12.
    const attend = [[0, 1, 2, 3], [0, 1, 2], [0, 1]];
    for (const [li, who] of attend.entries()) {
      for (const mi of who) await own.secretary.post(`/api/v1/micro-lectures/${lectures[li]!.id}/check-ins`, { memberId: ms[mi]!.id, reason: '导入往期签到' });
    }
    const stats = (await own.secretary.get(`/api/v1/micro-lectures/stats?communityId=${tree.communityA2.id}`)).body;
    expect(stats.lectures).toBeGreaterThanOrEqual(3);
    const past = stats.perLecture.filter((l: any) => lectures.some((x) => x.id === l.lectureId));
    expect(past.map((l: any) => l.attended).sort()).toEqual([2, 3, 4]);
    expect(past.every((l: any) => l.eligible === 4)).toBe(true);
    const m0 = stats.perMember.find((m: any) => m.memberId === ms[0]!.id);
    expect(m0).toMatchObject({ attended: 3, lectured: 2 });
    expect(stats.lecturedMembers).toBe(2);
    expect(stats.lecturedShare).toBe(0.5);
    const from = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
    const ranged = (await own.secretary.get(`/api/v1/micro-lectures/stats?from=${from}`)).body;
    expect(ranged.lectures).toBe(3);
    expect(ranged.attendanceRate).toBe(0.75);
    expect(ranged.lecturesAtLeast90).toBe(1);

    const matrix = (await own.secretary.get(`/api/v1/micro-lectures/attendance?from=${from}`)).body;
    expect(matrix.lectures).toHaveLength(3);
    expect(matrix.cells).toHaveLength(9);

    const street = await signedIn(ctx, [['street_staff', tree.streetA]]);
    const aggregate = await street.get(`/api/v1/micro-lectures/stats?communityId=${tree.communityA2.id}&from=${from}`);
    expect(aggregate.status).toBe(200);
    expect(aggregate.body.attendanceRate).toBe(0.75);
    expect(aggregate.body.perMember).toEqual([]);
    expect((await street.get(`/api/v1/micro-lectures?communityId=${tree.communityA2.id}`)).status).toBe(403);
    expect((await street.get(`/api/v1/micro-lectures/stats?communityId=${tree.communityB1.id}`)).status).toBe(404);

    const rotation = (await own.secretary.get('/api/v1/micro-lectures/rotation?count=3')).body;
    const proposed = rotation.slots.map((s: any) => s.member.id);
    expect(proposed.slice(0, 2).sort()).toEqual([ms[2]!.id, ms[3]!.id].sort());
    expect(rotation.slots[0].member.lecturesGiven).toBe(0);
    expect(new Date(rotation.slots[1].scheduledAt).getTime() - new Date(rotation.slots[0].scheduledAt).getTime()).toBe(7 * 86_400_000);
  });

  it('reminds members in their inbox once before the lecture, and credits the lecturer once it is over', async () => {
    const own = await partyWorld(ctx, tree.communityB1);
    const [lecturer, listener] = await addMembers(ctx, own, 2);
    const soon = await ok(await own.secretary.post('/api/v1/micro-lectures', { title: '初心使命', lecturerMemberId: lecturer!.id, scheduledAt: minutesFromNow(30) }));
    const party = ctx.app.services.party;
    const first = await party.lectureStats.sweep();
    expect(first.reminded).toBeGreaterThanOrEqual(2);
    const again = await party.lectureStats.sweep();
    expect(again.reminded).toBe(0);
    const inbox = (await listener!.client.get('/api/v1/notifications')).body.items;
    const reminders = inbox.filter((n: any) => n.kind === 'micro_lecture.reminder' && n.entityId === soon.id);
    expect(reminders).toHaveLength(1);
    expect(reminders[0].title).toContain(`第${soon.issueNo}期`);

    const done = await ok(await own.secretary.post('/api/v1/micro-lectures', { title: '已结束', lecturerMemberId: lecturer!.id, scheduledAt: minutesFromNow(-60) }));
    await party.lectureStats.sweep();
    await party.lectureStats.sweep();
    const ledger = (await lecturer!.client.get('/api/v1/party/me/points')).body;
    expect(ledger.items.filter((e: any) => e.source === 'lecture_given' && e.sourceId === done.id)).toHaveLength(1);
    expect(ledger.total).toBe(5);
  });
});
