import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/db/tables/audit';
import { client, createTestApp, createTree, createUser, login, signedIn, type Client, type TestContext, type TestTree } from '../../test/harness';
import { createPlaces, linkAccount, type TestPlaces } from '../../test/places-factory';
import { count, needyHousehold, photo } from './care.testing';

let ctx: TestContext;
let tree: TestTree;
let places: TestPlaces;
beforeAll(async () => {
  ctx = await createTestApp({ config: { loginRateLimit: 10_000 } });
  tree = await createTree(ctx.database);
  places = await createPlaces(ctx.database, tree.communityA1);
});
afterAll(() => ctx.close());

const staff = () => signedIn(ctx, [['community_staff', tree.communityA1]]);
const street = () => signedIn(ctx, [['street_staff', tree.streetA]]);

/** A drafted application by a grid worker, with one document photo. */
async function draft(kind = 'dibao', extra: Record<string, unknown> = {}) {
  const worker = await login(ctx.app, places.workers.primaryA.username);
  const { home, head } = await needyHousehold(ctx, places, 0);
  const documentIds = [await photo(ctx, worker)];
  const res = await worker.post('/api/v1/assistance-applications', { householdId: home.id, applicantResidentId: head.id, kind, reason: '无固定收入，老两口体弱多病', documentIds, ...extra });
  expect(res.status).toBe(201);
  return { id: res.body.id as string, worker, head };
}

async function step(as: Client, id: string, action: string, body: Record<string, unknown> = {}) {
  const current = await as.get(`/api/v1/assistance-applications/${id}`);
  if (current.status !== 200) throw new Error(`GET ${id}: ${current.status} ${JSON.stringify(current.body)}`);
  const version = current.body.version;
  return as.post(`/api/v1/assistance-applications/${id}/${action}`, { version, ...body });
}

/** Walks an application to the given status by the happy path. */
async function walkTo(id: string, worker: Client, status: 'submitted' | 'community_review' | 'public_notice' | 'street_review') {
  const reviewer = await staff();
  expect((await step(worker, id, 'submit')).status).toBe(200);
  if (status === 'submitted') return reviewer;
  expect((await step(reviewer, id, 'accept')).status).toBe(200);
  if (status === 'community_review') return reviewer;
  expect((await step(reviewer, id, 'publish_notice', { amountFen: 98000 })).status).toBe(200);
  if (status === 'public_notice') return reviewer;
  await ctx.database.query(`UPDATE assistance_application SET notice_ends_at = now() - interval '1 minute' WHERE id = $1`, [id]);
  expect((await step(reviewer, id, 'forward')).status).toBe(200);
  return reviewer;
}

describe('an application walks draft → submitted → community review → notice → street review → approved', () => {
  it('each step by the right role, the notice lists masked name and amount only, and each step is recorded', async () => {
    const { id, worker, head } = await draft();
    const reviewer = await staff();
    expect((await step(worker, id, 'submit')).body).toMatchObject({ status: 'submitted', submittedByMe: true, allowedActions: [] });
    const accepted = await step(reviewer, id, 'accept');
    expect(accepted.body).toMatchObject({ status: 'community_review', allowedActions: ['publish_notice', 'reject'] });
    const noticed = await step(reviewer, id, 'publish_notice', { amountFen: 98000, note: '入户核查属实' });
    expect(noticed.body).toMatchObject({ status: 'public_notice', amountFen: 98000 });
    const ends = new Date(noticed.body.noticeEndsAt).getTime() - new Date(noticed.body.noticeStartsAt).getTime();
    expect(ends).toBe(7 * 86_400_000);

    const board = await client(ctx.app).get(`/api/v1/assistance-notices?communityId=${tree.communityA1.id}`);
    expect(board.status).toBe(200);
    const item = board.body.items.find((n: { id: string }) => n.id === id);
    expect(item).toEqual({ id, maskedName: head.maskedName, kind: 'dibao', amountFen: 98000, noticeStartsAt: expect.any(String), noticeEndsAt: expect.any(String) });
    expect(JSON.stringify(board.body)).not.toContain(head.idNumber.slice(-4) + '"');
    expect(JSON.stringify(board.body)).not.toContain(head.name);

    const objection = await reviewer.post(`/api/v1/assistance-applications/${id}/objections`, { content: '其子女有稳定收入', raisedBy: '邻居（匿名）' });
    expect(objection.body.objections).toHaveLength(1);
    const early = await step(reviewer, id, 'forward');
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('notice_period_running');

    await ctx.database.query(`UPDATE assistance_application SET notice_ends_at = now() - interval '1 minute' WHERE id = $1`, [id]);
    expect((await step(reviewer, id, 'forward')).body.status).toBe('street_review');
    const approved = await step(await street(), id, 'approve', { amountFen: 96000, startMonth: '2026-12' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', amountFen: 96000, startMonth: '2026-12', reviewDueOn: '2027-12-01' });
    expect(approved.body.steps.map((s: { action: string }) => s.action)).toEqual(['submit', 'accept', 'publish_notice', 'record_objection', 'forward', 'approve']);
    const audit = await ctx.database.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audit.map((a) => a.action)).toEqual(['assistance.create', 'assistance.submit', 'assistance.accept', 'assistance.publish_notice', 'assistance.record_objection', 'assistance.forward', 'assistance.approve']);
    expect((await client(ctx.app).get(`/api/v1/assistance-notices?communityId=${tree.communityA1.id}`)).body.items.map((n: { id: string }) => n.id)).not.toContain(id);
  });

  it('a temporary relief needs no start month, is approved at the noticed amount, and has no annual re-review', async () => {
    const { id, worker } = await draft('temporary_relief', { requestedAmountFen: 200000 });
    await walkTo(id, worker, 'street_review');
    const approved = await step(await street(), id, 'approve', {});
    expect(approved.body).toMatchObject({ status: 'approved', amountFen: 98000, requestedAmountFen: 200000, reviewDueOn: null });
  });
});

describe('the machine refuses what it does not allow, and changes nothing', () => {
  it('skipping a step is 409 invalid_transition', async () => {
    const { id, worker } = await draft();
    await walkTo(id, worker, 'submitted');
    for (const [as, action] of [[await street(), 'approve'], [await staff(), 'forward'], [await staff(), 'publish_notice']] as const) {
      const res = await step(as, id, action, { amountFen: 1000, startMonth: '2026-12' });
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('invalid_transition');
    }
    expect((await (await staff()).get(`/api/v1/assistance-applications/${id}`)).body).toMatchObject({ status: 'submitted', version: 2 });
  });

  it('whoever submitted cannot review it (409 own_submission)', async () => {
    const secretary = await signedIn(ctx, [['community_secretary', tree.communityA1]]);
    const { home, head } = await needyHousehold(ctx, places, 0);
    const id = (await secretary.post('/api/v1/assistance-applications', { householdId: home.id, applicantResidentId: head.id, kind: 'tekun', reason: '无劳动能力', documentIds: [await photo(ctx, secretary)] })).body.id;
    expect((await step(secretary, id, 'submit')).status).toBe(200);
    const own = await step(secretary, id, 'accept');
    expect(own.status).toBe(409);
    expect(own.body.error.code).toBe('own_submission');
    expect((await secretary.get(`/api/v1/assistance-applications/${id}`)).body).toMatchObject({ status: 'submitted', allowedActions: [] });
  });

  it('community staff cannot take the street step, street staff cannot take community steps (403)', async () => {
    const { id, worker } = await draft();
    await walkTo(id, worker, 'submitted');
    expect((await step(await street(), id, 'accept')).status).toBe(403);
    await step(await staff(), id, 'accept');
    const b = await draft();
    await walkTo(b.id, b.worker, 'street_review');
    expect((await step(await staff(), b.id, 'approve', { amountFen: 1000, startMonth: '2026-12' })).status).toBe(403);
    expect((await step(b.worker, b.id, 'approve', { amountFen: 1000, startMonth: '2026-12' })).status).toBe(403);
  });

  it('street staff of another street, or staff of another community, do not find it (404)', async () => {
    const { id, worker } = await draft();
    await walkTo(id, worker, 'street_review');
    const otherStreet = await signedIn(ctx, [['street_staff', tree.streetB]]);
    expect((await otherStreet.post(`/api/v1/assistance-applications/${id}/approve`, { version: 5, amountFen: 1000, startMonth: '2026-12' })).status).toBe(404);
    const otherCommunity = await signedIn(ctx, [['community_staff', tree.communityA2]]);
    expect((await otherCommunity.get(`/api/v1/assistance-applications/${id}`)).status).toBe(404);
    const workerB = await login(ctx.app, places.workers.primaryB.username);
    expect((await workerB.get(`/api/v1/assistance-applications/${id}`)).status).toBe(404);
  });

  it('submitting without documents is 422 documents_required', async () => {
    const worker = await login(ctx.app, places.workers.primaryA.username);
    const { home, head } = await needyHousehold(ctx, places, 0);
    const id = (await worker.post('/api/v1/assistance-applications', { householdId: home.id, applicantResidentId: head.id, kind: 'dibao', reason: 'x' })).body.id;
    const res = await step(worker, id, 'submit');
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('documents_required');
    expect(await count(ctx, 'assistance_step', 'application_id = $1', [id])).toBe(0);
  });

  it('amounts ≤ 0 or above the cap are refused (400); a rejection needs a reason', async () => {
    const { id, worker } = await draft();
    const reviewer = await walkTo(id, worker, 'community_review');
    for (const amountFen of [0, -100]) {
      const res = await step(reviewer, id, 'publish_notice', { amountFen });
      expect(res.status).toBe(400);
      expect(res.body.error.details[0]).toMatchObject({ field: 'body.amountFen', code: 'amount_positive' });
    }
    const above = await step(reviewer, id, 'publish_notice', { amountFen: 300_001 });
    expect(above.status).toBe(400);
    expect(above.body.error.details[0]).toMatchObject({ field: 'body.amountFen', code: 'amount_above_cap' });
    expect((await step(reviewer, id, 'reject', {})).body.error.details[0]).toMatchObject({ field: 'body.reason', code: 'required' });
    expect((await reviewer.get(`/api/v1/assistance-applications/${id}`)).body).toMatchObject({ status: 'community_review', amountFen: null });
    const rejected = await step(reviewer, id, 'reject', { reason: '家庭收入超过低保标准' });
    expect(rejected.body).toMatchObject({ status: 'rejected', rejectReason: '家庭收入超过低保标准', allowedActions: [] });
    expect((await step(reviewer, id, 'accept')).body.error.code).toBe('invalid_transition');
  });

  it('an applicant from another household, or a document of someone else’s, is refused', async () => {
    const worker = await login(ctx.app, places.workers.primaryA.username);
    const { home, head } = await needyHousehold(ctx, places, 0);
    const stranger = (await needyHousehold(ctx, places, 1)).head;
    const res = await worker.post('/api/v1/assistance-applications', { householdId: home.id, applicantResidentId: stranger.id, kind: 'dibao', reason: 'x' });
    expect(res.body.error.details[0].code).toBe('not_a_member');
    const otherStaff = await signedIn(ctx, [['community_staff', tree.communityA2]]);
    const foreign = await photo(ctx, otherStaff);
    const res2 = await worker.post('/api/v1/assistance-applications', { householdId: home.id, applicantResidentId: head.id, kind: 'dibao', reason: 'x', documentIds: [foreign] });
    expect(res2.status).toBe(404);
    expect(await count(ctx, 'assistance_application', 'household_id = $1', [home.id])).toBe(0);
  });
});

describe('annual re-review and festival reminders (daily job)', () => {
  it('remind the care officer once per due date, and once per festival without a campaign', async () => {
    const officer = await signedIn(ctx, [['care_officer', tree.communityA1]]);
    const { id, worker } = await draft();
    await walkTo(id, worker, 'street_review');
    await step(await street(), id, 'approve', { amountFen: 90000, startMonth: '2026-01' });
    await ctx.database.query(`UPDATE assistance_application SET review_due_on = (now() + interval '10 days')::date WHERE id = $1`, [id]);
    const care = ctx.app.services.care;
    const inbox = async () => (await officer.get('/api/v1/notifications?limit=200')).body.items.map((n: { kind: string }) => n.kind);
    const first = await care.runReminders(new Date('2026-09-15T02:00:00Z'));
    expect(first.reviewReminders).toBeGreaterThanOrEqual(1);
    expect(await inbox()).toEqual(expect.arrayContaining(['care.review_due', 'care.festival_due']));
    const before = (await inbox()).length;
    const again = await care.runReminders(new Date('2026-09-16T02:00:00Z'));
    expect(again).toEqual({ reviewReminders: 0, festivalReminders: 0 });
    expect((await inbox()).length).toBe(before);
  });
});

describe('the resident side: my applications and objections on the notice board', () => {
  it('a resident follows their own application step by step, without drafts and without other households', async () => {
    const { id, worker, head } = await draft();
    const other = await draft('temporary_relief');
    const user = await createUser(ctx.database, [['resident', tree.communityA1]]);
    await linkAccount(ctx.database, user.id, head.id);
    const resident = await login(ctx.app, user.username);

    expect((await resident.get('/api/v1/assistance-applications/mine')).body).toEqual([]);
    await walkTo(id, worker, 'public_notice');
    await walkTo(other.id, other.worker, 'submitted');
    const mine = await resident.get('/api/v1/assistance-applications/mine');
    expect(mine.status).toBe(200);
    expect(mine.body.map((a: { id: string }) => a.id)).toEqual([id]);
    expect(mine.body[0]).toMatchObject({ status: 'public_notice', kind: 'dibao', amountFen: 98000 });
    expect(mine.body[0].steps.map((s: { toStatus: string }) => s.toStatus)).toEqual(['submitted', 'community_review', 'public_notice']);
    expect(JSON.stringify(mine.body)).not.toContain('note');

    // Staff without a resident get nothing; a resident cannot read the staff view of their application.
    expect((await (await staff()).get('/api/v1/assistance-applications/mine')).status).toBe(403);
    expect((await resident.get(`/api/v1/assistance-applications/${id}`)).status).toBe(403);
  });

  it('anyone signed in may object while the notice runs; the objection is recorded under their name, and refused before or after', async () => {
    const { id, worker } = await draft();
    const neighbour = await signedIn(ctx, [['resident', tree.communityA1]]);
    const early = await neighbour.post(`/api/v1/assistance-notices/${id}/objections`, { content: '其子女有稳定收入，住房宽敞' });
    expect(early.status).toBe(409);

    const reviewer = await walkTo(id, worker, 'public_notice');
    const tooShort = await neighbour.post(`/api/v1/assistance-notices/${id}/objections`, { content: '不' });
    expect(tooShort.status).toBe(400);
    const sent = await neighbour.post(`/api/v1/assistance-notices/${id}/objections`, { content: '其子女有稳定收入，住房宽敞' });
    expect(sent.status).toBe(201);
    const seen = await reviewer.get(`/api/v1/assistance-applications/${id}`);
    expect(seen.body.objections).toEqual([expect.objectContaining({ content: '其子女有稳定收入，住房宽敞', raisedBy: neighbour.user.username })]);
    expect(await count(ctx, 'audit_log', "action = 'assistance.record_objection' AND entity_id = $1", [id])).toBe(1);

    await ctx.database.query(`UPDATE assistance_application SET notice_ends_at = now() - interval '1 minute' WHERE id = $1`, [id]);
    const late = await neighbour.post(`/api/v1/assistance-notices/${id}/objections`, { content: '公示期满后才想起来的异议' });
    expect(late.status).toBe(409);
    expect((await client(ctx.app).post(`/api/v1/assistance-notices/${id}/objections`, { content: '匿名的异议内容' })).status).toBe(401);
  });
});
