import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTree, login, createUser, signedIn, type TestContext, type TestTree } from '../../test/harness';
import { createHousehold, createPlaces, createResident, linkAccount, type TestPlaces } from '../../test/places-factory';
import { approvedVolunteer } from './volunteers.testing';

let ctx: TestContext;
let tree: TestTree;
let places: TestPlaces;
beforeAll(async () => {
  ctx = await createTestApp({ config: { loginRateLimit: 10_000 } });
  tree = await createTree(ctx.database);
  places = await createPlaces(ctx.database, tree.communityA1);
});
afterAll(() => ctx.close());

const count = async (table: string) => Number((await ctx.database.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`))[0]!.n);

async function residentWithAccount(name = '王秀英') {
  const home = await createHousehold(ctx.database, places);
  const r = await createResident(ctx.database, tree.communityA1.id, home, { name, birthDate: '1958-04-02' });
  const user = await createUser(ctx.database, [['resident', tree.communityA1]]);
  await linkAccount(ctx.database, user.id, r.id);
  return { resident: r, client: await login(ctx.app, user.username), user };
}

describe('volunteer registration (志愿者注册)', () => {
  it('a resident registers from the app with skills, availability and areas; staff approve; the account becomes a volunteer', async () => {
    const { client, resident, user } = await residentWithAccount();
    const reg = await client.post('/api/v1/me/volunteer', { communityId: tree.communityA1.id, skills: ['first_aid', 'elderly_care'], availability: ['weekend_morning'], areas: ['elderly', 'care'] });
    expect(reg.status).toBe(201);
    expect(reg.body).toMatchObject({ status: 'pending', name: resident.name, residentId: resident.id, origin: 'resident', skills: ['first_aid', 'elderly_care'], areas: ['elderly', 'care'] });
    // Not a volunteer yet: signing up for anything is refused.
    expect((await client.post(`/api/v1/volunteer-activities/${reg.body.id}/signups`, {})).status).toBe(403);

    const staff = await signedIn(ctx, [['community_staff', tree.communityA1]]);
    const pending = await staff.get(`/api/v1/volunteers?communityId=${tree.communityA1.id}&status=pending`);
    expect(pending.body.items.map((v: { id: string }) => v.id)).toContain(reg.body.id);
    const approved = await staff.post(`/api/v1/volunteers/${reg.body.id}/review`, { version: reg.body.version, action: 'approve' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', actions: ['suspend'] });

    const roles = await ctx.database.query<{ role_key: string }>('SELECT role_key FROM role_assignment WHERE account_id = $1 ORDER BY role_key', [user.id]);
    expect(roles.map((r) => r.role_key)).toEqual(['resident', 'volunteer']);
    const mine = await client.get('/api/v1/me/volunteer');
    expect(mine.body.registrations).toMatchObject([{ id: reg.body.id, status: 'approved', starLevel: 0, hoursToNextLevel: 100, starThresholds: [100, 300, 600, 1000, 1500] }]);
    const inbox = await client.get('/api/v1/notifications');
    expect(inbox.body.items.map((n: { kind: string }) => n.kind)).toContain('volunteer.reviewed');
    const audit = await ctx.database.query<{ action: string }>(`SELECT action FROM audit_log WHERE entity_id IN ($1, $2) AND action <> 'auth.login' ORDER BY seq`, [reg.body.id, user.id]);
    expect(audit.map((a) => a.action)).toEqual(['volunteer.self_register', 'role_assignment.grant', 'volunteer.approve']);
  });

  it('a partner-unit member without a resident record gives name and phone; the phone is stored encrypted and shown masked', async () => {
    const staff = await signedIn(ctx, [['community_staff', tree.communityA1]]);
    const unit = (await staff.post('/api/v1/partner-units', { communityId: tree.communityA1.id, name: '市疾控中心', kind: 'public_institution' })).body;
    const member = await signedIn(ctx, [['partner_contact', tree.communityA1]]);
    const missing = await member.post('/api/v1/me/volunteer', { communityId: tree.communityA1.id, partnerUnitId: unit.id, name: '张红' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.map((d: { field: string }) => d.field)).toEqual(['body.phone']);
    const badPhone = await member.post('/api/v1/me/volunteer', { communityId: tree.communityA1.id, name: '张红', phone: '12345' });
    expect(badPhone.status).toBe(400);
    expect(await count('volunteer WHERE account_id IS NOT NULL AND partner_unit_id IS NOT NULL')).toBe(0);

    const reg = await member.post('/api/v1/me/volunteer', { communityId: tree.communityA1.id, partnerUnitId: unit.id, name: '张红', phone: '13812345678', skills: ['medical'] });
    expect(reg.status).toBe(201);
    expect(reg.body).toMatchObject({ origin: 'partner_unit', partnerUnitName: '市疾控中心', phone: '138****5678', residentId: null });
    const [row] = await ctx.database.query<{ phone_enc: string }>('SELECT phone_enc FROM volunteer WHERE id = $1', [reg.body.id]);
    expect(row!.phone_enc).not.toContain('13812345678');
    const audit = await ctx.database.query<{ changes: unknown }>(`SELECT changes FROM audit_log WHERE entity_id = $1`, [reg.body.id]);
    expect(JSON.stringify(audit)).not.toContain('13812345678');
  });

  it('registering twice is refused (409) and nothing is written', async () => {
    const { client } = await residentWithAccount('李桂英');
    const body = { communityId: tree.communityA1.id, skills: [], availability: [], areas: [] };
    expect((await client.post('/api/v1/me/volunteer', body)).status).toBe(201);
    const before = await count('volunteer');
    const again = await client.post('/api/v1/me/volunteer', body);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('volunteer_already_registered');
    expect(await count('volunteer')).toBe(before);
  });

  it('a rejected registration may apply again, back to pending', async () => {
    const { client } = await residentWithAccount('赵淑珍');
    const reg = (await client.post('/api/v1/me/volunteer', { communityId: tree.communityA1.id })).body;
    const staff = await signedIn(ctx, [['community_secretary', tree.communityA1]]);
    const rejected = await staff.post(`/api/v1/volunteers/${reg.id}/review`, { version: reg.version, action: 'reject', note: '信息不全' });
    expect(rejected.body).toMatchObject({ status: 'rejected', reviewNote: '信息不全', actions: [] });
    const again = await client.post('/api/v1/me/volunteer', { communityId: tree.communityA1.id, skills: ['teaching'] });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ id: reg.id, status: 'pending', skills: ['teaching'], reviewNote: null });
  });

  it('review follows the state table: approving twice is refused (409); suspending takes the volunteer role away', async () => {
    const staff = await signedIn(ctx, [['community_staff', tree.communityA1]]);
    const v = await approvedVolunteer(ctx, tree.communityA1);
    const current = (await staff.get(`/api/v1/volunteers/${v.volunteerId}`)).body;
    const twice = await staff.post(`/api/v1/volunteers/${v.volunteerId}/review`, { version: current.version, action: 'approve' });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('invalid_transition');
    const suspended = await staff.post(`/api/v1/volunteers/${v.volunteerId}/review`, { version: current.version, action: 'suspend', note: '长期未参加' });
    expect(suspended.body.status).toBe('suspended');
    expect((await v.client.get('/api/v1/me/volunteer-signups')).status).toBe(403);
    const stale = await staff.post(`/api/v1/volunteers/${v.volunteerId}/review`, { version: current.version, action: 'reinstate' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
  });

  it('staff register a resident directly (approved at once) into a team', async () => {
    const staff = await signedIn(ctx, [['community_staff', tree.communityA1]]);
    const team = (await staff.post('/api/v1/volunteer-teams', { communityId: tree.communityA1.id, name: '老乡长志愿服务队', description: '护学岗' })).body;
    const home = await createHousehold(ctx.database, places);
    const r = await createResident(ctx.database, tree.communityA1.id, home, { name: '胡光甫', gender: 'male', birthDate: '1950-01-01' });
    const reg = await staff.post('/api/v1/volunteers', { communityId: tree.communityA1.id, residentId: r.id, teamId: team.id, skills: ['driving'] });
    expect(reg.status).toBe(201);
    expect(reg.body).toMatchObject({ status: 'approved', origin: 'staff', name: '胡光甫', teams: [{ id: team.id, name: '老乡长志愿服务队', role: 'member' }] });
    expect((await staff.post('/api/v1/volunteers', { communityId: tree.communityA1.id, residentId: r.id })).status).toBe(409);
    const byTeam = await staff.get(`/api/v1/volunteers?teamId=${team.id}`);
    expect(byTeam.body.items.map((v: { id: string }) => v.id)).toEqual([reg.body.id]);
  });

  it('staff of another community neither see nor review a volunteer (404); a resident cannot review (403)', async () => {
    const v = await approvedVolunteer(ctx, tree.communityA1);
    const other = await signedIn(ctx, [['community_staff', tree.communityB1]]);
    expect((await other.get(`/api/v1/volunteers/${v.volunteerId}`)).status).toBe(404);
    expect((await other.post(`/api/v1/volunteers/${v.volunteerId}/review`, { version: 1, action: 'suspend' })).status).toBe(404);
    expect((await other.get('/api/v1/volunteers')).body.items.map((x: { id: string }) => x.id)).not.toContain(v.volunteerId);
    expect((await other.post('/api/v1/volunteers', { communityId: tree.communityA1.id, name: '越界', phone: '13900000000' })).status).toBe(404);
    const resident = await signedIn(ctx, [['resident', tree.communityA1]]);
    expect((await resident.post(`/api/v1/volunteers/${v.volunteerId}/review`, { version: 1, action: 'suspend' })).status).toBe(403);
    expect((await resident.get('/api/v1/volunteers')).status).toBe(403);
    // A volunteer reads their own record, not someone else's.
    const peer = await approvedVolunteer(ctx, tree.communityA1);
    expect((await v.client.get(`/api/v1/volunteers/${v.volunteerId}`)).status).toBe(200);
    expect((await v.client.get(`/api/v1/volunteers/${peer.volunteerId}`)).status).toBe(404);
  });

  it('street staff read the volunteers of their street but cannot register anyone (403)', async () => {
    const v = await approvedVolunteer(ctx, tree.communityA2);
    const street = await signedIn(ctx, [['street_staff', tree.streetA]]);
    expect((await street.get(`/api/v1/volunteers/${v.volunteerId}`)).status).toBe(200);
    expect((await street.post('/api/v1/volunteers', { communityId: tree.communityA2.id, name: '某某', phone: '13900000001' })).status).toBe(403);
    const otherStreet = await signedIn(ctx, [['street_staff', tree.streetB]]);
    expect((await otherStreet.get(`/api/v1/volunteers/${v.volunteerId}`)).status).toBe(404);
  });

  it('refuses unknown fields and unknown skills (400)', async () => {
    const { client } = await residentWithAccount('钱玉兰');
    expect((await client.post('/api/v1/me/volunteer', { communityId: tree.communityA1.id, skills: ['flying'] })).status).toBe(400);
    expect((await client.post('/api/v1/me/volunteer', { communityId: tree.communityA1.id, admin: true })).status).toBe(400);
  });
});

describe('volunteer teams (志愿队)', () => {
  it('staff create a team of a partner unit, name a leader and add members; names are unique per community', async () => {
    const staff = await signedIn(ctx, [['community_staff', tree.communityA1]]);
    const unit = (await staff.post('/api/v1/partner-units', { communityId: tree.communityA1.id, name: '永新路小学', kind: 'school' })).body;
    const team = await staff.post('/api/v1/volunteer-teams', { communityId: tree.communityA1.id, name: '益路同行', ownerKind: 'partner_unit', partnerUnitId: unit.id });
    expect(team.status).toBe(201);
    expect(team.body).toMatchObject({ ownerKind: 'partner_unit', partnerUnitName: '永新路小学', memberCount: 0, leaders: [], confirmedHours: 0 });
    expect((await staff.post('/api/v1/volunteer-teams', { communityId: tree.communityA1.id, name: '益路同行' })).status).toBe(409);
    expect((await staff.post('/api/v1/volunteer-teams', { communityId: tree.communityA1.id, name: '无主队', ownerKind: 'partner_unit' })).status).toBe(400);

    const leader = await approvedVolunteer(ctx, tree.communityA1, { name: '胡队长' });
    const member = await approvedVolunteer(ctx, tree.communityA1, { name: '王队员' });
    await staff.post(`/api/v1/volunteer-teams/${team.body.id}/members`, { volunteerId: member.volunteerId });
    const withLeader = await staff.post(`/api/v1/volunteer-teams/${team.body.id}/members`, { volunteerId: leader.volunteerId, role: 'leader' });
    expect(withLeader.body).toMatchObject({ memberCount: 2, leaders: [{ volunteerId: leader.volunteerId, name: '胡队长' }] });
    const members = await staff.get(`/api/v1/volunteer-teams/${team.body.id}/members`);
    expect(members.body.items.map((m: { name: string; role: string }) => [m.name, m.role])).toEqual([['胡队长', 'leader'], ['王队员', 'member']]);
    const removed = await staff.delete(`/api/v1/volunteer-teams/${team.body.id}/members/${member.volunteerId}`);
    expect(removed.body.memberCount).toBe(1);
  });

  it('only approved volunteers of the same community join a team; other communities get 404', async () => {
    const staff = await signedIn(ctx, [['community_staff', tree.communityA1]]);
    const team = (await staff.post('/api/v1/volunteer-teams', { communityId: tree.communityA1.id, name: '衣旧传情' })).body;
    const stranger = await approvedVolunteer(ctx, tree.communityB1);
    const add = await staff.post(`/api/v1/volunteer-teams/${team.id}/members`, { volunteerId: stranger.volunteerId });
    expect(add.status).toBe(400);
    const other = await signedIn(ctx, [['community_staff', tree.communityB1]]);
    expect((await other.get(`/api/v1/volunteer-teams/${team.id}`)).status).toBe(404);
    expect((await other.patch(`/api/v1/volunteer-teams/${team.id}`, { version: 1, name: 'x' })).status).toBe(404);
    const volunteer = await approvedVolunteer(ctx, tree.communityA1);
    expect((await volunteer.client.post('/api/v1/volunteer-teams', { communityId: tree.communityA1.id, name: '私建队' })).status).toBe(403);
    expect((await volunteer.client.get(`/api/v1/volunteer-teams/${team.id}`)).status).toBe(200);
  });
});
