import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTree, signedIn, type TestContext, type TestTree } from '../../test/harness';
import { addMember, addMembers, ok, partyWorld, residentWithAccount, type PartyWorld, type TestMember } from './party.fixtures';

let ctx: TestContext;
let tree: TestTree;
let world: PartyWorld;
let members: TestMember[];
beforeAll(async () => {
  ctx = await createTestApp({ config: { loginRateLimit: 10_000 } });
  tree = await createTree(ctx.database);
  world = await partyWorld(ctx, tree.communityA1);
  members = await addMembers(ctx, world, 4);
});
afterAll(() => ctx.close());

const hours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

async function lectureRound() {
  const lecture = await ok(await world.secretary.post('/api/v1/micro-lectures', { title: '第100期总结', scheduledAt: hours(-2) }));
  return ok(
    await world.secretary.post('/api/v1/evaluation-rounds', {
      title: '第100期微党课测评',
      kind: 'lecture',
      lectureId: lecture.id,
      questions: [
        { key: 'content', text: '授课内容', kind: 'rating' },
        { key: 'form', text: '授课形式', kind: 'rating' },
        { key: 'advice', text: '意见建议', kind: 'comment' },
      ],
      opensAt: hours(-1),
      closesAt: hours(24),
    }),
  );
}

describe('a lecture evaluation', () => {
  it('each member submits once; results appear only after closing, as counts, averages and rates', async () => {
    const round = await lectureRound();
    expect(round).toMatchObject({ state: 'open', eligibleCount: 4, participants: 0 });
    const ballots = [
      { ratings: { content: 5, form: 4 }, comments: { advice: '希望多讲身边的榜样' } },
      { ratings: { content: 5, form: 5 }, comments: { advice: '' } },
      { ratings: { content: 3, form: 4 }, comments: { advice: '语音可以再清楚些' } },
    ];
    for (const [i, b] of ballots.entries()) expect((await members[i]!.client.post(`/api/v1/evaluation-rounds/${round.id}/ballots`, b)).status).toBe(201);
    const twice = await members[0]!.client.post(`/api/v1/evaluation-rounds/${round.id}/ballots`, ballots[0]);
    expect(twice.status).toBe(409);
    expect((await members[0]!.client.get(`/api/v1/evaluation-rounds/${round.id}`)).body.submittedByMe).toBe(true);

    const early = await world.secretary.get(`/api/v1/evaluation-rounds/${round.id}/results`);
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('evaluation_open');
    expect((await world.secretary.post(`/api/v1/evaluation-rounds/${round.id}/close`)).body.state).toBe('closed');
    const late = await members[3]!.client.post(`/api/v1/evaluation-rounds/${round.id}/ballots`, ballots[0]);
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('evaluation_closed');

    const results = (await world.secretary.get(`/api/v1/evaluation-rounds/${round.id}/results`)).body;
    expect(results).toMatchObject({ participants: 3, eligibleCount: 4, participationRate: 0.75 });
    const content = results.questions.find((q: any) => q.key === 'content');
    expect(content).toMatchObject({ responses: 3, average: 4.33 });
    expect(content.counts).toMatchObject({ '5': 2, '3': 1, '1': 0 });
    expect([...results.comments].sort()).toEqual(['希望多讲身边的榜样', '语音可以再清楚些'].sort());
  });

  it('a ballot must answer every rating question and nothing unknown (400), and counts nothing then', async () => {
    const round = await lectureRound();
    const m = members[0]!;
    const missing = await m.client.post(`/api/v1/evaluation-rounds/${round.id}/ballots`, { ratings: { content: 5 } });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details[0]).toMatchObject({ field: 'ratings.form', code: 'required' });
    expect((await m.client.post(`/api/v1/evaluation-rounds/${round.id}/ballots`, { ratings: { content: 5, form: 6 } })).status).toBe(400);
    expect((await m.client.post(`/api/v1/evaluation-rounds/${round.id}/ballots`, { ratings: { content: 5, form: 4, extra: 3 } })).status).toBe(400);
    expect((await m.client.get(`/api/v1/evaluation-rounds/${round.id}`)).body.participants).toBe(0);
  });

  it('five simultaneous submissions by one member count once', async () => {
    const round = await lectureRound();
    const results = await Promise.all(Array.from({ length: 5 }, () => members[1]!.client.post(`/api/v1/evaluation-rounds/${round.id}/ballots`, { ratings: { content: 4, form: 4 } })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(4);
    await world.secretary.post(`/api/v1/evaluation-rounds/${round.id}/close`);
    const res = (await world.secretary.get(`/api/v1/evaluation-rounds/${round.id}/results`)).body;
    expect(res.questions[0].responses).toBe(1);
  });
});

describe('the annual evaluation of members (优秀 / 合格 / 基本合格 / 不合格)', () => {
  it('each member grades every other member; results give counts and rates per member', async () => {
    const round = await ok(await world.secretary.post('/api/v1/evaluation-rounds', { title: '2025年度民主评议党员', kind: 'member', subjectMemberIds: members.map((m) => m.id), opensAt: hours(-1), closesAt: hours(48) }));
    expect(round.subjects).toHaveLength(4);
    const [a, b, c, d] = members as [TestMember, TestMember, TestMember, TestMember];
    const selfGrade = await a.client.post(`/api/v1/evaluation-rounds/${round.id}/ballots`, { grades: { [a.id]: 'excellent', [b.id]: 'excellent', [c.id]: 'qualified', [d.id]: 'qualified' } });
    expect(selfGrade.status).toBe(400);
    expect(selfGrade.body.error.details[0]).toMatchObject({ code: 'cannot_grade_self' });
    const incomplete = await a.client.post(`/api/v1/evaluation-rounds/${round.id}/ballots`, { grades: { [b.id]: 'excellent' } });
    expect(incomplete.status).toBe(400);
    expect((await a.client.post(`/api/v1/evaluation-rounds/${round.id}/ballots`, { grades: { [b.id]: 'excellent', [c.id]: 'qualified', [d.id]: 'basically_qualified' } })).status).toBe(201);
    expect((await b.client.post(`/api/v1/evaluation-rounds/${round.id}/ballots`, { grades: { [a.id]: 'excellent', [c.id]: 'excellent', [d.id]: 'qualified' } })).status).toBe(201);
    expect((await c.client.post(`/api/v1/evaluation-rounds/${round.id}/ballots`, { grades: { [a.id]: 'qualified', [b.id]: 'excellent', [d.id]: 'qualified' } })).status).toBe(201);
    await world.secretary.post(`/api/v1/evaluation-rounds/${round.id}/close`);
    const results = (await world.secretary.get(`/api/v1/evaluation-rounds/${round.id}/results`)).body;
    const ofD = results.subjects.find((s: any) => s.memberId === d.id);
    expect(ofD).toMatchObject({ responses: 3, counts: { qualified: 2, basically_qualified: 1, excellent: 0, unqualified: 0 } });
    expect(ofD.rates.qualified).toBe(0.6667);
    expect(results.subjects.find((s: any) => s.memberId === b.id).counts.excellent).toBe(2);
  });
});

describe('anonymous by construction', () => {
  it('no query can link an answer to its author: no author column, no shared row version, no order', async () => {
    const round = await lectureRound();
    for (const [i, score] of [5, 1, 3].entries()) {
      await members[i]!.client.post(`/api/v1/evaluation-rounds/${round.id}/ballots`, { ratings: { content: score, form: score }, comments: { advice: `意见${i}` } });
    }
    // 1. The answer tables have no column that could name or time an author.
    const columns = await ctx.database.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_name IN ('evaluation_tally', 'evaluation_comment_pool')`,
    );
    const names = columns.map((c) => c.column_name);
    expect(names.sort()).toEqual(['comments', 'community_id', 'community_id', 'count', 'question_key', 'round_id', 'round_id', 'subject_key', 'value'].sort());
    // 2. No foreign key from the answers to participation, members or accounts.
    const fks = await ctx.database.query<{ target: string }>(
      `SELECT ccu.table_name AS target FROM information_schema.table_constraints tc
         JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name
        WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_name IN ('evaluation_tally', 'evaluation_comment_pool')`,
    );
    expect(new Set(fks.map((f) => f.target))).toEqual(new Set(['evaluation_round']));
    // 3. Every counter of the round carries the same row version (the last submission rewrote them all),
    //    so the transaction id of a participation row singles out no answer.
    const versions = await ctx.database.query<{ v: string; n: number; counted: number }>(
      `SELECT xmin::text AS v, count(*)::int AS n, sum(count)::int AS counted FROM evaluation_tally WHERE round_id = $1 GROUP BY xmin::text`,
      [round.id],
    );
    expect(versions).toHaveLength(1);
    expect(versions[0]!.n).toBe(10);
    const participations = await ctx.database.query<{ v: string }>(`SELECT xmin::text AS v FROM evaluation_participation WHERE round_id = $1`, [round.id]);
    expect(participations).toHaveLength(3);
    const linked = participations.filter((p) => p.v === versions[0]!.v);
    expect(linked).toHaveLength(1); // only the last voter's transaction, and it touched every counter alike
    // 4. The audit log records that a member took part, never what they answered.
    const audit = await ctx.database.query<{ changes: unknown }>(`SELECT changes FROM audit_log WHERE action = 'evaluation.submit' AND entity_id = $1`, [round.id]);
    expect(audit).toHaveLength(3);
    for (const a of audit) expect(a.changes).toBeNull();
    // 5. The API has no per-ballot read at all: results are counts, and only after closing.
    expect((await world.secretary.get(`/api/v1/evaluation-rounds/${round.id}/ballots`)).status).toBe(404);
    const routes = ctx.app.routeTable.filter((r) => r.url.includes('evaluation') && r.method === 'GET').map((r) => r.url);
    expect(routes.sort()).toEqual(['/api/v1/evaluation-rounds', '/api/v1/evaluation-rounds/:id', '/api/v1/evaluation-rounds/:id/results'].sort());
  });
});

describe('who takes part', () => {
  it('a member who joined after the round opened, a resident who is no member, and staff cannot submit', async () => {
    const round = await lectureRound();
    const newcomer = await addMember(ctx, world);
    const late = await newcomer.client.post(`/api/v1/evaluation-rounds/${round.id}/ballots`, { ratings: { content: 5, form: 5 } });
    expect(late.status).toBe(403);
    const resident = await residentWithAccount(ctx, world);
    expect((await resident.client.post(`/api/v1/evaluation-rounds/${round.id}/ballots`, { ratings: { content: 5, form: 5 } })).body.error.code).toBe('not_party_member');
    const staff = await signedIn(ctx, [['community_staff', tree.communityA1]]);
    expect((await staff.post(`/api/v1/evaluation-rounds/${round.id}/ballots`, { ratings: { content: 5, form: 5 } })).status).toBe(403);
    const other = await signedIn(ctx, [['community_secretary', tree.communityB1]]);
    expect((await other.get(`/api/v1/evaluation-rounds/${round.id}/results`)).status).toBe(404);
    expect((await members[0]!.client.get(`/api/v1/evaluation-rounds/${round.id}/results`)).status).toBe(403);
  });

  it('a round needs a lecture that exists here, a questionnaire and a sane period (400)', async () => {
    expect((await world.secretary.post('/api/v1/evaluation-rounds', { title: 'x', kind: 'lecture', questions: [{ key: 'a', text: 'a', kind: 'rating' }], opensAt: hours(0), closesAt: hours(1) })).status).toBe(400);
    expect((await world.secretary.post('/api/v1/evaluation-rounds', { title: 'x', kind: 'member', opensAt: hours(2), closesAt: hours(1) })).status).toBe(400);
    expect(
      (await world.secretary.post('/api/v1/evaluation-rounds', { title: 'x', kind: 'lecture', lectureId: '01966a2b-0000-7000-8000-000000000000', questions: [{ key: 'a', text: 'a', kind: 'rating' }], opensAt: hours(0), closesAt: hours(1) })).status,
    ).toBe(400);
  });
});
