import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTree, signedIn, type Client, type TestContext, type TestTree } from '../../test/harness';
import { createHousehold, createPlaces, createResident } from '../../test/places-factory';
import { partyWorld } from '../party/party.fixtures';
import { approvedVolunteer, createActivity, minutesFromNow, testSigner, type TestVolunteer } from './volunteers.testing';

// Small star thresholds (1…5 h) so that a few activities cross levels.
let ctx: TestContext;
let tree: TestTree;
let organizer: Client;
beforeAll(async () => {
  process.env.VOLUNTEER_STAR_HOURS = '1,2,3,4,5';
  ctx = await createTestApp({ config: { loginRateLimit: 10_000 } });
  delete process.env.VOLUNTEER_STAR_HOURS;
  tree = await createTree(ctx.database);
  organizer = await signedIn(ctx, [['social_worker', tree.communityA1]]);
});
afterAll(() => ctx.close());

/** An activity running now (started `startedAgo` minutes ago, `minutes` long) with the volunteers signed up. */
async function runningActivity(volunteers: TestVolunteer[], opts: { startedAgo?: number; minutes?: number; extra?: Record<string, unknown> } = {}) {
  const activity = await createActivity(organizer, tree.communityA1.id, { startIn: 60, minutes: opts.minutes ?? 120, extra: opts.extra });
  const ids: string[] = [];
  for (const v of volunteers) ids.push((await v.client.post(`/api/v1/volunteer-activities/${activity.id}/signups`, {})).body.id);
  const startsAt = minutesFromNow(-(opts.startedAgo ?? 10));
  const endsAt = new Date(Date.parse(startsAt) + (opts.minutes ?? 120) * 60_000).toISOString();
  const moved = await organizer.patch(`/api/v1/volunteer-activities/${activity.id}`, { version: activity.version, startsAt, endsAt });
  if (moved.status !== 200) throw new Error(JSON.stringify(moved.body));
  return { id: activity.id, signups: ids, startsAt };
}

const code = async (activityId: string, purpose: 'check_in' | 'check_out') => (await organizer.get(`/api/v1/volunteer-activities/${activityId}/attendance-code?purpose=${purpose}`)).body;
const signupRow = async (id: string) => (await ctx.database.query<Record<string, unknown>>('SELECT status, checked_in_at, checked_out_at, recorded_minutes, hours_status, confirmed_minutes FROM volunteer_signup WHERE id = $1', [id]))[0]!;

describe('check-in and check-out by rotating QR code (签到签退)', () => {
  it('a volunteer scans in and out; the code rotates and lives 60 s; hours are recorded but count only once confirmed', async () => {
    const v = await approvedVolunteer(ctx, tree.communityA1);
    const a = await runningActivity([v]);
    const qr = await code(a.id, 'check_in');
    expect(qr).toMatchObject({ purpose: 'check_in', validSeconds: 60, shortCode: expect.stringMatching(/^\d{6}$/) });
    expect(Date.parse(qr.expiresAt) - Date.parse(qr.issuedAt)).toBe(60_000);
    const inRes = await v.client.post(`/api/v1/volunteer-activities/${a.id}/check-in`, { code: qr.token });
    expect(inRes.status).toBe(200);
    expect(inRes.body).toMatchObject({ checkInMethod: 'qr', hoursStatus: 'none' });
    expect((await v.client.post(`/api/v1/volunteer-activities/${a.id}/check-in`, { code: qr.token })).body.error.code).toBe('already_checked_in');
    // A check-in code does not check anyone out.
    expect((await v.client.post(`/api/v1/volunteer-activities/${a.id}/check-out`, { code: qr.token })).status).toBe(422);
    const out = await v.client.post(`/api/v1/volunteer-activities/${a.id}/check-out`, { code: (await code(a.id, 'check_out')).shortCode });
    expect(out.status).toBe(200);
    expect(out.body).toMatchObject({ checkOutMethod: 'code', hoursStatus: 'recorded', recordedHours: 0 });
    const mine = (await v.client.get('/api/v1/me/volunteer')).body.registrations[0];
    expect(mine.confirmedHours).toBe(0);
  });

  it('expired, forged and other activities’ codes are refused (422) and nothing changes', async () => {
    const v = await approvedVolunteer(ctx, tree.communityA1);
    const a = await runningActivity([v]);
    const b = await runningActivity([]);
    const expired = testSigner.issue(a.id, 'check_in', new Date(Date.now() - 61_000));
    const fresh = testSigner.issue(a.id, 'check_in');
    const forged = fresh.token.slice(0, -3) + (fresh.token.endsWith('AAA') ? 'BBB' : 'AAA');
    const otherActivity = testSigner.issue(b.id, 'check_in').token;
    const oldShort = testSigner.issue(a.id, 'check_in', new Date(Date.now() - 3 * 60_000)).shortCode;
    const cases: Array<[string, string]> = [[expired.token, 'qr_code_expired'], [forged, 'qr_code_invalid'], [otherActivity, 'qr_code_other_activity'], ['TXV1.garbage', 'qr_code_invalid'], [oldShort === fresh.shortCode ? '000000' : oldShort, oldShort === fresh.shortCode ? 'qr_code_invalid' : 'qr_code_expired']];
    for (const [token, error] of cases) {
      const res = await v.client.post(`/api/v1/volunteer-activities/${a.id}/check-in`, { code: token });
      expect([res.status, res.body.error.code]).toEqual([422, error]);
    }
    expect(await signupRow(a.signups[0]!)).toMatchObject({ checked_in_at: null, hours_status: 'none' });
  });

  it('checking out before checking in is refused (409); a waitlisted volunteer cannot check in (409)', async () => {
    const v = await approvedVolunteer(ctx, tree.communityA1);
    const w = await approvedVolunteer(ctx, tree.communityA1);
    const activity = await createActivity(organizer, tree.communityA1.id, { startIn: 60, capacity: 1 });
    await v.client.post(`/api/v1/volunteer-activities/${activity.id}/signups`, {});
    await w.client.post(`/api/v1/volunteer-activities/${activity.id}/signups`, {});
    await organizer.patch(`/api/v1/volunteer-activities/${activity.id}`, { version: activity.version, startsAt: minutesFromNow(-5), endsAt: minutesFromNow(60) });
    const early = await v.client.post(`/api/v1/volunteer-activities/${activity.id}/check-out`, { code: (await code(activity.id, 'check_out')).token });
    expect([early.status, early.body.error.code]).toEqual([409, 'not_checked_in']);
    const waitlisted = await w.client.post(`/api/v1/volunteer-activities/${activity.id}/check-in`, { code: (await code(activity.id, 'check_in')).token });
    expect([waitlisted.status, waitlisted.body.error.code]).toEqual([409, 'not_signed_up']);
  });

  it('an activity that has not opened yet refuses check-in (409)', async () => {
    const v = await approvedVolunteer(ctx, tree.communityA1);
    const activity = await createActivity(organizer, tree.communityA1.id, { startIn: 180 });
    await v.client.post(`/api/v1/volunteer-activities/${activity.id}/signups`, {});
    const res = await v.client.post(`/api/v1/volunteer-activities/${activity.id}/check-in`, { code: (await code(activity.id, 'check_in')).token });
    expect([res.status, res.body.error.code]).toEqual([409, 'activity_not_open']);
  });

  it('the organizer checks people in and out from the list; hours are capped by the activity length', async () => {
    const v = await approvedVolunteer(ctx, tree.communityA1);
    const a = await runningActivity([v], { startedAgo: 90, minutes: 60 });
    const signup = a.signups[0]!;
    expect((await organizer.post(`/api/v1/volunteer-signups/${signup}/check-in`, { at: minutesFromNow(-95) })).body.checkInMethod).toBe('organizer');
    const before = await organizer.post(`/api/v1/volunteer-signups/${signup}/check-out`, { at: minutesFromNow(-100) });
    expect([before.status, before.body.error.details[0].code]).toEqual([400, 'check_out_before_check_in']);
    const future = await organizer.post(`/api/v1/volunteer-signups/${signup}/check-out`, { at: minutesFromNow(30) });
    expect(future.status).toBe(400);
    const out = await organizer.post(`/api/v1/volunteer-signups/${signup}/check-out`, {});
    expect(out.body).toMatchObject({ recordedHours: 1, hoursStatus: 'recorded' });
    const list = await organizer.get(`/api/v1/volunteer-activities/${a.id}/signups`);
    expect(list.body.items).toMatchObject([{ id: signup, recordedHours: 1 }]);
  });
});

describe('confirming service hours (服务时长确认)', () => {
  it('the organizer confirms recorded hours; a different value needs a reason (audited); negative or > 24 h are refused (400)', async () => {
    const v = await approvedVolunteer(ctx, tree.communityA1);
    const a = await runningActivity([v], { startedAgo: 90, minutes: 60 });
    const s = a.signups[0]!;
    await organizer.post(`/api/v1/volunteer-signups/${s}/check-in`, { at: minutesFromNow(-90) });
    await organizer.post(`/api/v1/volunteer-signups/${s}/check-out`, { at: minutesFromNow(-45) });
    for (const hours of [-1, 24.5]) {
      const res = await organizer.post(`/api/v1/volunteer-signups/${s}/confirm-hours`, { hours, reason: '更正' });
      expect([res.status, res.body.error.details[0].code]).toEqual([400, 'hours_range']);
    }
    const noReason = await organizer.post(`/api/v1/volunteer-signups/${s}/confirm-hours`, { hours: 1 });
    expect([noReason.status, noReason.body.error.details[0].field]).toEqual([400, 'body.reason']);
    expect(await signupRow(s)).toMatchObject({ hours_status: 'recorded', recorded_minutes: 45, confirmed_minutes: null });

    const corrected = await organizer.post(`/api/v1/volunteer-signups/${s}/confirm-hours`, { hours: 1, reason: '签退晚了，实际服务到结束' });
    expect(corrected.body).toMatchObject({ hoursStatus: 'confirmed', recordedHours: 0.8, confirmedHours: 1, correctionReason: '签退晚了，实际服务到结束' });
    const again = await organizer.post(`/api/v1/volunteer-signups/${s}/confirm-hours`, {});
    expect([again.status, again.body.error.code]).toEqual([409, 'hours_already_confirmed']);
    const [audit] = await ctx.database.query<{ action: string; reason: string; changes: Record<string, { after: number }> }>(`SELECT action, reason, changes FROM audit_log WHERE entity_id = $1 AND action LIKE 'volunteer_hours%'`, [s]);
    expect(audit).toMatchObject({ action: 'volunteer_hours.correct', reason: '签退晚了，实际服务到结束', changes: { recordedHours: { after: 0.8 }, confirmedHours: { after: 1 } } });
  });

  it('a volunteer who forgot to check out gets hours only with a stated value and reason', async () => {
    const v = await approvedVolunteer(ctx, tree.communityA1);
    const a = await runningActivity([v]);
    const s = a.signups[0]!;
    await organizer.post(`/api/v1/volunteer-signups/${s}/check-in`, {});
    const res = await organizer.post(`/api/v1/volunteer-signups/${s}/confirm-hours`, {});
    expect([res.status, res.body.error.code]).toEqual([409, 'not_checked_out']);
    expect((await organizer.post(`/api/v1/volunteer-signups/${s}/confirm-hours`, { hours: 2, reason: '忘记签退' })).body.confirmedHours).toBe(2);
  });

  it('only confirmed hours count: totals per volunteer, team and community, star level with an inbox notice on change', async () => {
    const team = (await organizer.post('/api/v1/volunteer-teams', { communityId: tree.communityA1.id, name: `学雷锋队${Date.now()}` })).body;
    const [v, w] = [await approvedVolunteer(ctx, tree.communityA1), await approvedVolunteer(ctx, tree.communityA1)];
    const a = await runningActivity([v, w], { startedAgo: 150, minutes: 180, extra: { teamId: team.id } });
    for (const s of a.signups) {
      await organizer.post(`/api/v1/volunteer-signups/${s}/check-in`, { at: minutesFromNow(-150) });
      await organizer.post(`/api/v1/volunteer-signups/${s}/check-out`, { at: minutesFromNow(-60) });
    }
    const stats = async () => (await organizer.get(`/api/v1/volunteer-stats?communityId=${tree.communityA1.id}`)).body;
    const before = await stats();
    const all = await organizer.post(`/api/v1/volunteer-activities/${a.id}/confirm-hours`);
    expect(all.body).toEqual({ confirmed: 2, skipped: 0 });
    const after = await stats();
    expect(after.confirmedHours - before.confirmedHours).toBeCloseTo(3, 5);
    expect(after.participations - before.participations).toBe(2);
    const volunteerView = (await v.client.get('/api/v1/me/volunteer')).body.registrations[0];
    expect(volunteerView).toMatchObject({ confirmedHours: 1.5, starLevel: 1, activityCount: 1, hoursToNextLevel: 0.5, starThresholds: [1, 2, 3, 4, 5] });
    expect((await organizer.get(`/api/v1/volunteer-teams/${team.id}`)).body.confirmedHours).toBe(3);
    const ranking = await organizer.get(`/api/v1/volunteer-rankings?communityId=${tree.communityA1.id}&by=team`);
    expect(ranking.body.find((r: { id: string }) => r.id === team.id)).toMatchObject({ hours: 3, participations: 2 });
    const notices = (await v.client.get('/api/v1/notifications')).body.items.filter((n: { kind: string }) => n.kind === 'volunteer.starLevel');
    expect(notices).toHaveLength(1);
    expect(notices[0].title).toBe('恭喜成为1星级志愿者');
  });

  it('a confirmed care service to a resident counts one service visit however many volunteers served', async () => {
    const places = await createPlaces(ctx.database, tree.communityA1);
    const home = await createHousehold(ctx.database, places);
    const elder = await createResident(ctx.database, tree.communityA1.id, home, { name: '刘敬州', gender: 'male', birthDate: '1942-02-02', tags: ['elderly_alone'] });
    const [v, w] = [await approvedVolunteer(ctx, tree.communityA1), await approvedVolunteer(ctx, tree.communityA1)];
    const a = await runningActivity([v, w], { startedAgo: 100, minutes: 90, extra: { careResidentId: elder.id, careKind: 'daily_care' } });
    expect((await organizer.get(`/api/v1/volunteer-activities/${a.id}`)).body).toMatchObject({ category: 'care', careResidentName: elder.maskedName, careKind: 'daily_care' });
    for (const s of a.signups) {
      await organizer.post(`/api/v1/volunteer-signups/${s}/check-in`, { at: minutesFromNow(-100) });
      await organizer.post(`/api/v1/volunteer-signups/${s}/check-out`, { at: minutesFromNow(-20) });
      await organizer.post(`/api/v1/volunteer-signups/${s}/confirm-hours`, {});
    }
    const visits = await ctx.database.query<{ resident_id: string; target_group: string }>(`SELECT resident_id, target_group FROM service_visit WHERE source = 'volunteer_care' AND source_id = $1`, [a.id]);
    expect(visits).toEqual([{ resident_id: elder.id, target_group: 'elderly' }]);
    expect((await organizer.get(`/api/v1/volunteer-stats?communityId=${tree.communityA1.id}`)).body.careServices).toBeGreaterThanOrEqual(1);
  });

  it('confirmed hours of a party member feed their party points once (source volunteer_hours)', async () => {
    const world = await partyWorld(ctx, tree.communityA2);
    const home = await createHousehold(ctx.database, world.places);
    const r = await createResident(ctx.database, tree.communityA2.id, home, { name: '张明珠', birthDate: '1965-06-01' });
    const member = await world.secretary.post('/api/v1/party-members', { communityId: tree.communityA2.id, orgId: world.groupA, name: '张明珠', status: 'full', joinedOn: '1990-07-01', fullOn: '1991-07-01', membership: 'registered', residentId: r.id });
    expect(member.status).toBe(201);
    const v = await approvedVolunteer(ctx, tree.communityA2, { residentId: r.id, name: '张明珠' });
    const staffA2 = await signedIn(ctx, [['community_staff', tree.communityA2]]);
    const activity = await createActivity(staffA2, tree.communityA2.id, { startIn: 60, minutes: 120 });
    const s = (await v.client.post(`/api/v1/volunteer-activities/${activity.id}/signups`, {})).body.id;
    await staffA2.patch(`/api/v1/volunteer-activities/${activity.id}`, { version: activity.version, startsAt: minutesFromNow(-150), endsAt: minutesFromNow(-30) });
    await staffA2.post(`/api/v1/volunteer-signups/${s}/check-in`, { at: minutesFromNow(-150) });
    await staffA2.post(`/api/v1/volunteer-signups/${s}/check-out`, { at: minutesFromNow(-30) });
    expect((await staffA2.post(`/api/v1/volunteer-signups/${s}/confirm-hours`, {})).body.confirmedHours).toBe(2);
    const points = await world.secretary.get(`/api/v1/party-members/${member.body.id}/points`);
    expect(points.body.items).toMatchObject([{ source: 'volunteer_hours', sourceId: s, quantity: 2 }]);
  });

  it('organizers of another community do not find the signup (404); volunteers cannot confirm hours or show codes (403)', async () => {
    const v = await approvedVolunteer(ctx, tree.communityA1);
    const a = await runningActivity([v]);
    const other = await signedIn(ctx, [['community_staff', tree.communityB1]]);
    expect((await other.post(`/api/v1/volunteer-signups/${a.signups[0]}/confirm-hours`, { hours: 1, reason: 'x' })).status).toBe(404);
    expect((await other.get(`/api/v1/volunteer-activities/${a.id}/attendance-code?purpose=check_in`)).status).toBe(404);
    expect((await other.post(`/api/v1/volunteer-signups/${a.signups[0]}/check-in`, {})).status).toBe(404);
    expect((await v.client.post(`/api/v1/volunteer-signups/${a.signups[0]}/confirm-hours`, { hours: 1, reason: 'x' })).status).toBe(403);
    expect((await v.client.get(`/api/v1/volunteer-activities/${a.id}/attendance-code?purpose=check_in`)).status).toBe(403);
    expect((await v.client.get(`/api/v1/volunteer-activities/${a.id}/signups`)).status).toBe(403);
  });
});
