import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTree, signedIn, testCrypto, type TestContext, type TestTree } from '../../test/harness';
import { idNumber, createRng } from '../../seed/random';
import { addMember, partyWorld, type PartyWorld } from './party.fixtures';

let ctx: TestContext;
let tree: TestTree;
let world: PartyWorld;
beforeAll(async () => {
  ctx = await createTestApp({ config: { loginRateLimit: 10_000 } });
  tree = await createTree(ctx.database);
  world = await partyWorld(ctx, tree.communityA1);
});
afterAll(() => ctx.close());

const rng = createRng('party-members');
const member = (extra: Record<string, unknown> = {}) => ({
  orgId: world.groupA,
  name: '王建国',
  status: 'full',
  joinedOn: '1998-07-01',
  fullOn: '1999-07-01',
  membership: 'registered',
  ...extra,
});

describe('registering members with their personal data protected', () => {
  it('stores phone and ID number encrypted, answers them masked, and the audit log holds no clear value', async () => {
    const id = idNumber(rng, '410302', new Date('1970-03-04T00:00:00Z'), 'male');
    const res = await world.secretary.post('/api/v1/party-members', member({ phone: '13812345678', idNumber: id, tags: ['先锋岗'] }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: '王*国', phone: '138****5678', idNumber: `410***********${id.slice(-4)}`, tags: ['先锋岗'], orgId: world.groupA });
    const [row] = await ctx.database.query<{ phone_enc: string; phone_idx: string; id_number_enc: string }>('SELECT phone_enc, phone_idx, id_number_enc FROM party_member WHERE id = $1', [res.body.id]);
    expect(row!.phone_enc).not.toContain('13812345678');
    expect(testCrypto.decrypt(row!.phone_enc)).toBe('13812345678');
    expect(row!.phone_idx).toBe(testCrypto.blindIndex('phone', '13812345678'));
    expect(row!.id_number_enc).not.toContain(id);
    const audit = await ctx.database.query<{ changes: unknown }>(`SELECT changes FROM audit_log WHERE entity = 'party_member' AND entity_id = $1`, [res.body.id]);
    const text = JSON.stringify(audit);
    expect(text).not.toContain('13812345678');
    expect(text).not.toContain('王建国');
    expect(text).toContain('王*国');
  });

  it('reveals a full value only with the reveal permission, audited with the reason', async () => {
    const created = (await world.secretary.post('/api/v1/party-members', member({ name: '李秀英', phone: '13900001111' }))).body;
    const revealed = await world.secretary.post(`/api/v1/party-members/${created.id}/reveal`, { field: 'phone', reason: '联系党员参加组织生活' });
    expect(revealed.body).toEqual({ field: 'phone', value: '13900001111' });
    const [entry] = await ctx.database.query<{ reason: string }>(`SELECT reason FROM audit_log WHERE action = 'party_member.reveal' AND entity_id = $1`, [created.id]);
    expect(entry!.reason).toBe('联系党员参加组织生活');
    const staff = await signedIn(ctx, [['community_staff', tree.communityA1]]);
    expect((await staff.post(`/api/v1/party-members/${created.id}/reveal`, { field: 'phone', reason: '好奇' })).status).toBe(403);
  });

  it('refuses bad input with field errors and writes nothing', async () => {
    const [{ n: before }] = (await ctx.database.query<{ n: number }>('SELECT count(*)::int AS n FROM party_member')) as [{ n: number }];
    const reporting = await world.secretary.post('/api/v1/party-members', member({ membership: 'reporting' }));
    expect(reporting.status).toBe(400);
    expect(reporting.body.error.details.map((d: any) => d.field)).toContain('body.workplace');
    const probation = await world.secretary.post('/api/v1/party-members', member({ status: 'probationary', fullOn: '2020-01-01' }));
    expect(probation.body.error.details[0]).toMatchObject({ field: 'body.fullOn', code: 'probationary_full_on' });
    expect((await world.secretary.post('/api/v1/party-members', member({ idNumber: '410302197003041235' }))).status).toBe(400);
    expect((await world.secretary.post('/api/v1/party-members', member({ phone: '12345' }))).status).toBe(400);
    expect((await world.secretary.post('/api/v1/party-members', member({ orgId: '01966a2b-0000-7000-8000-000000000000' }))).status).toBe(400);
    expect((await world.secretary.post('/api/v1/party-members', member({ salary: 1 }))).status).toBe(400);
    const [{ n: after }] = (await ctx.database.query<{ n: number }>('SELECT count(*)::int AS n FROM party_member')) as [{ n: number }];
    expect(after).toBe(before);
  });

  it('records dues month by month; the same month twice is 409', async () => {
    const m = (await world.secretary.post('/api/v1/party-members', member({ name: '赵德胜' }))).body;
    expect((await world.secretary.post(`/api/v1/party-members/${m.id}/dues`, { month: '2026-01', amountFen: 2000 })).status).toBe(201);
    expect((await world.secretary.post(`/api/v1/party-members/${m.id}/dues`, { month: '2026-02', amountFen: 2000 })).status).toBe(201);
    const again = await world.secretary.post(`/api/v1/party-members/${m.id}/dues`, { month: '2026-02', amountFen: 2000 });
    expect(again.status).toBe(409);
    expect((await world.secretary.post(`/api/v1/party-members/${m.id}/dues`, { month: '2026-13', amountFen: 2000 })).status).toBe(400);
    const detail = (await world.secretary.get(`/api/v1/party-members/${m.id}`)).body;
    expect(detail.dues.map((d: any) => d.month)).toEqual(['2026-02-01', '2026-01-01']);
  });

  it('a member who leaves drops off the roster but keeps their history', async () => {
    const m = (await world.secretary.post('/api/v1/party-members', member({ name: '钱流动', membership: 'mobile' }))).body;
    const left = await world.secretary.patch(`/api/v1/party-members/${m.id}`, { version: m.version, left: true });
    expect(left.body.leftAt).not.toBeNull();
    const active = (await world.secretary.get('/api/v1/party-members?membership=mobile')).body.items.map((x: any) => x.id);
    expect(active).not.toContain(m.id);
    const all = (await world.secretary.get('/api/v1/party-members?membership=mobile&includeLeft=true')).body.items.map((x: any) => x.id);
    expect(all).toContain(m.id);
  });
});

describe('listing members', () => {
  it('filters by membership and tag and pages by cursor', async () => {
    for (let i = 0; i < 5; i++) await world.secretary.post('/api/v1/party-members', member({ name: `孙报到${i}`, membership: 'reporting', workplace: '市疾控中心', tags: i % 2 ? ['先锋岗'] : [] }));
    const first = await world.secretary.get('/api/v1/party-members?membership=reporting&limit=3');
    expect(first.body.items).toHaveLength(3);
    const second = await world.secretary.get(`/api/v1/party-members?membership=reporting&limit=3&cursor=${first.body.nextCursor}`);
    expect(second.body.items.length).toBeGreaterThanOrEqual(2);
    const ids = [...first.body.items, ...second.body.items].map((x: any) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
    const tagged = (await world.secretary.get(`/api/v1/party-members?tag=${encodeURIComponent('先锋岗')}&membership=reporting`)).body.items;
    expect(tagged.length).toBe(2);
  });

  it('a group leader sees the members of their group, not of another group (404)', async () => {
    const leader = await addMember(ctx, world, { orgId: world.groupB });
    await addMember(ctx, world, { orgId: world.groupB });
    await world.secretary.post(`/api/v1/party-orgs/${world.groupB}/officers`, { memberId: leader.id, role: 'group_leader', termStart: '2020-01-01' });
    const own = await leader.client.get(`/api/v1/party-members?orgId=${world.groupB}`);
    expect(own.status).toBe(200);
    expect(own.body.items.length).toBe(2);
    expect((await leader.client.get(`/api/v1/party-members?orgId=${world.groupA}`)).status).toBe(404);
    expect((await leader.client.get('/api/v1/party-members')).status).toBe(404);
    const someoneInA = (await world.secretary.get(`/api/v1/party-members?orgId=${world.groupA}`)).body.items[0];
    expect((await leader.client.get(`/api/v1/party-members/${someoneInA.id}`)).status).toBe(404);
  });

  it('a plain member cannot list anyone (404), street staff may not list (403), another community gets 404', async () => {
    const plain = await addMember(ctx, world);
    expect((await plain.client.get(`/api/v1/party-members?orgId=${world.groupA}`)).status).toBe(404);
    const street = await signedIn(ctx, [['street_staff', tree.streetA]]);
    expect((await street.get(`/api/v1/party-members?communityId=${tree.communityA1.id}`)).status).toBe(403);
    const other = await signedIn(ctx, [['community_secretary', tree.communityB1]]);
    expect((await other.get(`/api/v1/party-members/${plain.id}`)).status).toBe(404);
    expect((await other.patch(`/api/v1/party-members/${plain.id}`, { version: 1, name: 'x' })).status).toBe(404);
  });
});
