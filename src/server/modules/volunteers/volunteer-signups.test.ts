import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTree, signedIn, type Client, type TestContext, type TestTree } from '../../test/harness';
import { approvedVolunteer, createActivity, minutesFromNow } from './volunteers.testing';

let ctx: TestContext;
let tree: TestTree;
let staff: Client;
beforeAll(async () => {
  ctx = await createTestApp({ config: { loginRateLimit: 10_000 } });
  tree = await createTree(ctx.database);
  staff = await signedIn(ctx, [['social_worker', tree.communityA1]]);
});
afterAll(() => ctx.close());

const signups = (activityId: string) => ctx.database.query<{ status: string; seq: string }>('SELECT status, seq FROM volunteer_signup WHERE activity_id = $1 ORDER BY seq', [activityId]);

describe('signing up for volunteer activities (报名)', () => {
  it('a volunteer signs up (201 signed_up); signing up twice is refused (409) and nothing is written', async () => {
    const activity = await createActivity(staff, tree.communityA1.id, { capacity: 3 });
    const v = await approvedVolunteer(ctx, tree.communityA1);
    const first = await v.client.post(`/api/v1/volunteer-activities/${activity.id}/signups`, {});
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ id: expect.any(String), status: 'signed_up', warnings: [] });
    const again = await v.client.post(`/api/v1/volunteer-activities/${activity.id}/signups`, {});
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_signed_up');
    expect(await signups(activity.id)).toHaveLength(1);
    const view = await v.client.get(`/api/v1/volunteer-activities/${activity.id}`);
    expect(view.body).toMatchObject({ signedUp: 1, capacity: 3, mySignup: { id: first.body.id, status: 'signed_up' } });
  });

  it('when the slot is full later volunteers are waitlisted with their position; a cancellation promotes the first in line and tells them', async () => {
    const activity = await createActivity(staff, tree.communityA1.id, { capacity: 1 });
    const [a, b, c] = [await approvedVolunteer(ctx, tree.communityA1), await approvedVolunteer(ctx, tree.communityA1), await approvedVolunteer(ctx, tree.communityA1)];
    const sa = await a.client.post(`/api/v1/volunteer-activities/${activity.id}/signups`, {});
    const sb = await b.client.post(`/api/v1/volunteer-activities/${activity.id}/signups`, {});
    const sc = await c.client.post(`/api/v1/volunteer-activities/${activity.id}/signups`, {});
    expect([sa.body.status, sb.body.status, sb.body.position, sc.body.status, sc.body.position]).toEqual(['signed_up', 'waitlisted', 1, 'waitlisted', 2]);

    const cancelled = await a.client.post(`/api/v1/volunteer-signups/${sa.body.id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect((await signups(activity.id)).map((s) => s.status)).toEqual(['cancelled', 'signed_up', 'waitlisted']);
    const inbox = await b.client.get('/api/v1/notifications');
    expect(inbox.body.items[0]).toMatchObject({ kind: 'volunteer.promoted', entityId: sb.body.id });
    expect(inbox.body.items[0].title).toBe('候补转为正式报名');
    const mine = await c.client.get('/api/v1/me/volunteer-signups');
    expect(mine.body.items).toMatchObject([{ id: sc.body.id, status: 'waitlisted', position: 1 }]);
    expect((await a.client.post(`/api/v1/volunteer-signups/${sa.body.id}/cancel`)).status).toBe(409);
  });

  it('20 volunteers signing up at once for 5 places: exactly 5 signed up, 15 waitlisted in arrival order', async () => {
    const activity = await createActivity(staff, tree.communityA1.id, { capacity: 5 });
    const volunteers = await Promise.all(Array.from({ length: 20 }, () => approvedVolunteer(ctx, tree.communityA1)));
    const results = await Promise.all(volunteers.map((v) => v.client.post(`/api/v1/volunteer-activities/${activity.id}/signups`, {})));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect(results.filter((r) => r.body.status === 'signed_up')).toHaveLength(5);
    const positions = results.filter((r) => r.body.status === 'waitlisted').map((r) => r.body.position).sort((x, y) => x - y);
    expect(positions).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    const rows = await signups(activity.id);
    // Arrival order: the first five by seq are the signed-up ones.
    expect(rows.map((r) => r.status)).toEqual([...Array(5).fill('signed_up'), ...Array(15).fill('waitlisted')]);
  });

  it('one volunteer firing the same signup 5 times at once gets exactly one signup', async () => {
    const activity = await createActivity(staff, tree.communityA1.id, { capacity: 5 });
    const v = await approvedVolunteer(ctx, tree.communityA1);
    const results = await Promise.all(Array.from({ length: 5 }, () => v.client.post(`/api/v1/volunteer-activities/${activity.id}/signups`, {})));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    expect(await signups(activity.id)).toHaveLength(1);
  });

  it('an activity with several roles needs the slot; each role has its own capacity', async () => {
    const activity = await createActivity(staff, tree.communityA1.id, { slots: [{ role: '交通引导', capacity: 1 }, { role: '秩序维护', capacity: 2 }] });
    const v = await approvedVolunteer(ctx, tree.communityA1);
    const w = await approvedVolunteer(ctx, tree.communityA1);
    const noSlot = await v.client.post(`/api/v1/volunteer-activities/${activity.id}/signups`, {});
    expect(noSlot.status).toBe(400);
    expect(noSlot.body.error.details[0].field).toBe('body.slotId');
    const [traffic] = activity.slots;
    expect((await v.client.post(`/api/v1/volunteer-activities/${activity.id}/signups`, { slotId: traffic!.id })).body.status).toBe('signed_up');
    expect((await w.client.post(`/api/v1/volunteer-activities/${activity.id}/signups`, { slotId: traffic!.id })).body.status).toBe('waitlisted');
    const view = await staff.get(`/api/v1/volunteer-activities/${activity.id}`);
    expect(view.body.slots.map((s: { role: string; signedUp: number; waitlisted: number }) => [s.role, s.signedUp, s.waitlisted])).toEqual([['交通引导', 1, 1], ['秩序维护', 0, 0]]);
  });

  it('cancelling after the cutoff is refused (409) for the volunteer, while the organizer may still cancel', async () => {
    const activity = await createActivity(staff, tree.communityA1.id, { startIn: 60, extra: { cancelCutoffMinutes: 120 } });
    const v = await approvedVolunteer(ctx, tree.communityA1);
    const s = (await v.client.post(`/api/v1/volunteer-activities/${activity.id}/signups`, {})).body;
    const late = await v.client.post(`/api/v1/volunteer-signups/${s.id}/cancel`);
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('cancel_cutoff_passed');
    expect((await signups(activity.id))[0]!.status).toBe('signed_up');
    expect((await staff.post(`/api/v1/volunteer-signups/${s.id}/cancel`)).body.status).toBe('cancelled');
  });

  it('overlapping activities give a warning by default', async () => {
    const first = await createActivity(staff, tree.communityA1.id, { startIn: 3000, minutes: 120 });
    const second = await createActivity(staff, tree.communityA1.id, { startIn: 3060, minutes: 120 });
    const v = await approvedVolunteer(ctx, tree.communityA1);
    await v.client.post(`/api/v1/volunteer-activities/${first.id}/signups`, {});
    const res = await v.client.post(`/api/v1/volunteer-activities/${second.id}/signups`, {});
    expect(res.status).toBe(201);
    expect(res.body.warnings).toMatchObject([{ code: 'overlap', activityId: first.id }]);
  });

  it('requirements: a missing skill or an age outside the limits is refused (422) with the reasons', async () => {
    const activity = await createActivity(staff, tree.communityA1.id, { extra: { requiredSkills: ['first_aid'], minAge: 18, maxAge: 65 } });
    const old = await approvedVolunteer(ctx, tree.communityA1, { skills: ['first_aid'], birthDate: '1940-01-01' });
    const unskilled = await approvedVolunteer(ctx, tree.communityA1, { skills: ['teaching'], birthDate: '1990-01-01' });
    const fit = await approvedVolunteer(ctx, tree.communityA1, { skills: ['first_aid', 'teaching'], birthDate: '1990-01-01' });
    const r1 = await old.client.post(`/api/v1/volunteer-activities/${activity.id}/signups`, {});
    expect(r1.status).toBe(422);
    expect(r1.body.error.details).toMatchObject([{ field: 'age', code: 'age_out_of_range' }]);
    const r2 = await unskilled.client.post(`/api/v1/volunteer-activities/${activity.id}/signups`, {});
    expect(r2.body.error.details).toMatchObject([{ field: 'skills', code: 'missing_skills', missing: ['first_aid'] }]);
    expect((await fit.client.post(`/api/v1/volunteer-activities/${activity.id}/signups`, {})).status).toBe(201);
    expect(await signups(activity.id)).toHaveLength(1);
  });

  it('a resident who is not a volunteer cannot sign up (403); a volunteer of another community does not find the activity (404)', async () => {
    const activity = await createActivity(staff, tree.communityA1.id);
    const resident = await signedIn(ctx, [['resident', tree.communityA1]]);
    expect((await resident.get(`/api/v1/volunteer-activities/${activity.id}`)).status).toBe(200);
    expect((await resident.post(`/api/v1/volunteer-activities/${activity.id}/signups`, {})).status).toBe(403);
    const stranger = await approvedVolunteer(ctx, tree.communityB1);
    expect((await stranger.client.post(`/api/v1/volunteer-activities/${activity.id}/signups`, {})).status).toBe(404);
    expect((await stranger.client.get(`/api/v1/volunteer-activities/${activity.id}`)).status).toBe(404);
    const v = await approvedVolunteer(ctx, tree.communityA1);
    const s = (await v.client.post(`/api/v1/volunteer-activities/${activity.id}/signups`, {})).body;
    const peer = await approvedVolunteer(ctx, tree.communityA1);
    expect((await peer.client.post(`/api/v1/volunteer-signups/${s.id}/cancel`)).status).toBe(404);
  });

  it('drafts are invisible to volunteers (404); started or cancelled activities take no signups (409)', async () => {
    const draft = await createActivity(staff, tree.communityA1.id, { publish: false });
    const v = await approvedVolunteer(ctx, tree.communityA1);
    expect((await v.client.get(`/api/v1/volunteer-activities/${draft.id}`)).status).toBe(404);
    expect((await v.client.post(`/api/v1/volunteer-activities/${draft.id}/signups`, {})).status).toBe(404);
    const list = await v.client.get(`/api/v1/volunteer-activities?communityId=${tree.communityA1.id}&limit=200`);
    expect(list.body.items.map((a: { id: string }) => a.id)).not.toContain(draft.id);
    const published = await staff.post(`/api/v1/volunteer-activities/${draft.id}/publish`, { version: draft.version });
    expect(published.body.status).toBe('published');

    const started = await createActivity(staff, tree.communityA1.id, { startIn: -10 });
    const late = await v.client.post(`/api/v1/volunteer-activities/${started.id}/signups`, {});
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('activity_not_open');
  });

  it('raising a slot capacity serves the waitlist in order; lowering it below those signed up is refused (409)', async () => {
    const activity = await createActivity(staff, tree.communityA1.id, { capacity: 1 });
    const vs = [await approvedVolunteer(ctx, tree.communityA1), await approvedVolunteer(ctx, tree.communityA1), await approvedVolunteer(ctx, tree.communityA1)];
    for (const v of vs) await v.client.post(`/api/v1/volunteer-activities/${activity.id}/signups`, {});
    const slot = activity.slots[0]!.id;
    const raised = await staff.patch(`/api/v1/volunteer-activities/${activity.id}/slots/${slot}`, { capacity: 2 });
    expect(raised.body.slots[0]).toMatchObject({ capacity: 2, signedUp: 2, waitlisted: 1 });
    expect((await signups(activity.id)).map((s) => s.status)).toEqual(['signed_up', 'signed_up', 'waitlisted']);
    const lowered = await staff.patch(`/api/v1/volunteer-activities/${activity.id}/slots/${slot}`, { capacity: 1 });
    expect(lowered.status).toBe(409);
    expect(lowered.body.error.code).toBe('capacity_below_signed_up');
  });

  it('cancelling an activity ends its signups and tells those signed up', async () => {
    const activity = await createActivity(staff, tree.communityA1.id, { capacity: 5 });
    const v = await approvedVolunteer(ctx, tree.communityA1);
    await v.client.post(`/api/v1/volunteer-activities/${activity.id}/signups`, {});
    const cancelled = await staff.post(`/api/v1/volunteer-activities/${activity.id}/cancel`, { version: activity.version });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', signedUp: 0 });
    expect((await v.client.get('/api/v1/notifications')).body.items[0].kind).toBe('volunteer.activityCancelled');
    expect((await v.client.post(`/api/v1/volunteer-activities/${activity.id}/signups`, {})).status).toBe(409);
  });

  it('staff create activities only with a valid time range and only in their community', async () => {
    const base = { communityId: tree.communityA1.id, title: '测试', category: 'civility', place: '广场', slots: [{ role: '服务', capacity: 1 }] };
    expect((await staff.post('/api/v1/volunteer-activities', { ...base, startsAt: minutesFromNow(60), endsAt: minutesFromNow(30) })).status).toBe(400);
    expect((await staff.post('/api/v1/volunteer-activities', { ...base, startsAt: minutesFromNow(60), endsAt: minutesFromNow(60 + 25 * 60) })).status).toBe(400);
    expect((await staff.post('/api/v1/volunteer-activities', { ...base, startsAt: minutesFromNow(60), endsAt: minutesFromNow(90), slots: [] })).status).toBe(400);
    expect((await staff.post('/api/v1/volunteer-activities', { ...base, communityId: tree.communityB1.id, startsAt: minutesFromNow(60), endsAt: minutesFromNow(90) })).status).toBe(404);
    const v = await approvedVolunteer(ctx, tree.communityA1);
    expect((await v.client.post('/api/v1/volunteer-activities', { ...base, startsAt: minutesFromNow(60), endsAt: minutesFromNow(90) })).status).toBe(403);
  });
});

describe('refusing overlaps when the deployment says so (VOLUNTEER_OVERLAP=refuse)', () => {
  it('the second overlapping signup is refused (409) and nothing is written', async () => {
    process.env.VOLUNTEER_OVERLAP = 'refuse';
    const strict = await createTestApp({ config: { loginRateLimit: 10_000 } });
    delete process.env.VOLUNTEER_OVERLAP;
    try {
      const t = await createTree(strict.database);
      const organizer = await signedIn(strict, [['community_staff', t.communityA1]]);
      const first = await createActivity(organizer, t.communityA1.id, { startIn: 600 });
      const second = await createActivity(organizer, t.communityA1.id, { startIn: 650 });
      const v = await approvedVolunteer(strict, t.communityA1);
      await v.client.post(`/api/v1/volunteer-activities/${first.id}/signups`, {});
      const res = await v.client.post(`/api/v1/volunteer-activities/${second.id}/signups`, {});
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('signup_overlap');
      expect(res.body.error.details).toMatchObject([{ activityId: first.id }]);
      expect(await strict.database.query('SELECT 1 FROM volunteer_signup WHERE activity_id = $1', [second.id])).toHaveLength(0);
    } finally {
      await strict.close();
    }
  });
});
