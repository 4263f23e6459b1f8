import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createTestApp, createTree, signedIn, type Client, type TestContext, type TestTree } from '../../test/harness';
import { approvedVolunteer, createActivity, minutesFromNow, type TestVolunteer } from './volunteers.testing';

let ctx: TestContext;
let tree: TestTree;
let organizer: Client;
beforeAll(async () => {
  ctx = await createTestApp({ config: { loginRateLimit: 10_000 } });
  tree = await createTree(ctx.database);
  organizer = await signedIn(ctx, [['community_staff', tree.communityA1]]);
});
afterAll(() => ctx.close());

/** Serves `hours` confirmed hours for each volunteer in one past activity of the community. */
async function serve(staff: Client, communityId: string, volunteers: TestVolunteer[], hours: number, teamId?: string) {
  const activity = await createActivity(staff, communityId, { startIn: 60, minutes: Math.max(60, hours * 60), extra: teamId ? { teamId } : {} });
  const ids: string[] = [];
  for (const v of volunteers) ids.push((await v.client.post(`/api/v1/volunteer-activities/${activity.id}/signups`, {})).body.id);
  await staff.patch(`/api/v1/volunteer-activities/${activity.id}`, { version: activity.version, startsAt: minutesFromNow(-600), endsAt: minutesFromNow(-600 + Math.max(60, hours * 60)) });
  for (const id of ids) {
    await staff.post(`/api/v1/volunteer-signups/${id}/check-in`, { at: minutesFromNow(-600) });
    await staff.post(`/api/v1/volunteer-signups/${id}/check-out`, { at: minutesFromNow(-600 + hours * 60) });
    const res = await staff.post(`/api/v1/volunteer-signups/${id}/confirm-hours`, {});
    if (res.status !== 200) throw new Error(JSON.stringify(res.body));
  }
  return activity.id;
}

describe('certificates (志愿服务证明)', () => {
  it('a volunteer prints a certificate of confirmed hours; anyone verifies the code at the public URL (masked name)', async () => {
    const v = await approvedVolunteer(ctx, tree.communityA1, { name: '胡光甫' });
    await serve(organizer, tree.communityA1.id, [v], 3);
    const issued = await v.client.post(`/api/v1/volunteers/${v.volunteerId}/certificates`);
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({ maskedName: '胡*甫', hours: 3, activityCount: 1, starLevel: 0, communityName: tree.communityA1.name, code: expect.stringMatching(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/) });

    const anonymous = client(ctx.app);
    const verified = await anonymous.get(`/api/v1/volunteer-certificates/${issued.body.code}`);
    expect(verified.status).toBe(200);
    expect(verified.body).toEqual({ code: issued.body.code, maskedName: '胡*甫', hours: 3, activityCount: 1, starLevel: 0, communityName: tree.communityA1.name, issuedAt: issued.body.issuedAt });
    expect((await anonymous.get(`/api/v1/volunteer-certificates/${issued.body.code.toLowerCase().replaceAll('-', '')}`)).status).toBe(200);
    expect((await anonymous.get('/api/v1/volunteer-certificates/AAAA-BBBB-CCCC')).status).toBe(404);

    const pdf = await v.client.get(`/api/v1/volunteers/${v.volunteerId}/certificates/${issued.body.id}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.raw.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.raw.rawPayload.length).toBeGreaterThan(5_000);
    expect((await v.client.get(`/api/v1/volunteers/${v.volunteerId}/certificates`)).body).toHaveLength(1);
  });

  it('no certificate without confirmed hours (409); nobody else’s certificate for a volunteer (404 / 403)', async () => {
    const v = await approvedVolunteer(ctx, tree.communityA1);
    const none = await v.client.post(`/api/v1/volunteers/${v.volunteerId}/certificates`);
    expect([none.status, none.body.error.code]).toEqual([409, 'no_confirmed_hours']);
    const peer = await approvedVolunteer(ctx, tree.communityA1);
    expect((await peer.client.post(`/api/v1/volunteers/${v.volunteerId}/certificates`)).status).toBe(404);
    expect((await peer.client.get(`/api/v1/volunteers/${v.volunteerId}/certificates`)).status).toBe(404);
    const other = await signedIn(ctx, [['community_staff', tree.communityB1]]);
    expect((await other.post(`/api/v1/volunteers/${v.volunteerId}/certificates`)).status).toBe(404);
    const resident = await signedIn(ctx, [['resident', tree.communityA1]]);
    expect((await resident.post(`/api/v1/volunteers/${v.volunteerId}/certificates`)).status).toBe(403);
  });

  it('public verification is rate limited (429)', async () => {
    const anonymous = client(ctx.app);
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await anonymous.get('/api/v1/volunteer-certificates/ZZZZ-ZZZZ-ZZZZ')).status);
    expect(statuses).toContain(429);
  });
});

describe('rankings and figures (排行与统计)', () => {
  it('ranks volunteers and teams by confirmed hours; unconfirmed hours do not count', async () => {
    const t = await createTree(ctx.database);
    const staff = await signedIn(ctx, [['community_staff', t.communityA1]]);
    const team = (await staff.post('/api/v1/volunteer-teams', { communityId: t.communityA1.id, name: '老乡长' })).body;
    const [a, b, c] = [await approvedVolunteer(ctx, t.communityA1, { name: '甲' }), await approvedVolunteer(ctx, t.communityA1, { name: '乙' }), await approvedVolunteer(ctx, t.communityA1, { name: '丙' })];
    await serve(staff, t.communityA1.id, [a, b], 2, team.id);
    await serve(staff, t.communityA1.id, [a], 1);
    // 丙 checks in and out but is never confirmed.
    const pending = await createActivity(staff, t.communityA1.id, { startIn: 60 });
    const s = (await c.client.post(`/api/v1/volunteer-activities/${pending.id}/signups`, {})).body.id;
    await staff.patch(`/api/v1/volunteer-activities/${pending.id}`, { version: pending.version, startsAt: minutesFromNow(-100), endsAt: minutesFromNow(20) });
    await staff.post(`/api/v1/volunteer-signups/${s}/check-in`, { at: minutesFromNow(-100) });
    await staff.post(`/api/v1/volunteer-signups/${s}/check-out`, {});

    const people = await staff.get(`/api/v1/volunteer-rankings?communityId=${t.communityA1.id}`);
    expect(people.body.map((r: { name: string; hours: number; participations: number; rank: number }) => [r.rank, r.name, r.hours, r.participations])).toEqual([[1, '甲', 3, 2], [2, '乙', 2, 1]]);
    const teams = await staff.get(`/api/v1/volunteer-rankings?communityId=${t.communityA1.id}&by=team`);
    expect(teams.body).toMatchObject([{ name: '老乡长', hours: 4, participations: 2 }]);
    const stats = await staff.get(`/api/v1/volunteer-stats?communityId=${t.communityA1.id}`);
    expect(stats.body).toMatchObject({ volunteers: 3, approved: 3, pending: 0, teams: 1, activities: 3, participations: 3, confirmedHours: 5, byStarLevel: [{ level: 0, volunteers: 3 }], starThresholds: [100, 300, 600, 1000, 1500] });
    expect(stats.body.byMonth.reduce((n: number, m: { hours: number }) => n + m.hours, 0)).toBe(5);

    const street = await signedIn(ctx, [['street_staff', t.streetA]]);
    expect((await street.get('/api/v1/volunteer-rankings')).body.map((r: { name: string }) => r.name)).toEqual(['甲', '乙']);
    const otherStreet = await signedIn(ctx, [['street_staff', t.streetB]]);
    expect((await otherStreet.get('/api/v1/volunteer-rankings')).body).toEqual([]);
    expect((await otherStreet.get(`/api/v1/volunteer-stats?communityId=${t.communityA1.id}`)).body.confirmedHours).toBe(0);
    expect((await a.client.get('/api/v1/volunteer-rankings')).status).toBe(403);
  });
});
