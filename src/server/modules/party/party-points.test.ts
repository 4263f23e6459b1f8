import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTree, signedIn, type TestContext, type TestTree } from '../../test/harness';
import { createHousehold, createResident } from '../../test/places-factory';
import { addMember, ok, partyWorld, type PartyWorld } from './party.fixtures';

let ctx: TestContext;
let tree: TestTree;
let world: PartyWorld;
beforeAll(async () => {
  ctx = await createTestApp({ config: { loginRateLimit: 10_000 } });
  tree = await createTree(ctx.database);
  world = await partyWorld(ctx, tree.communityA1);
});
afterAll(() => ctx.close());

/** A member linked to a resident record, as the volunteers module would know them. */
async function residentMember() {
  const home = await createHousehold(ctx.database, world.places, 0);
  const resident = await createResident(ctx.database, tree.communityA1.id, home, { birthDate: '1980-01-01' });
  const member = await ok(
    await world.secretary.post('/api/v1/party-members', { orgId: world.groupA, name: resident.name, status: 'full', joinedOn: '2005-07-01', membership: 'registered', residentId: resident.id }),
  );
  return { resident, member };
}

const record = (input: { residentId: string; sourceId: string; quantity: number; source?: string; communityId?: string }) =>
  ctx.database.db.transaction((tx) =>
    ctx.app.services.party.recordPoints(tx, { communityId: input.communityId ?? tree.communityA1.id, residentId: input.residentId, source: input.source ?? 'volunteer_hours', sourceId: input.sourceId, quantity: input.quantity, occurredAt: new Date() }),
  );

describe('recordPoints (the volunteers module’s entry point)', () => {
  it('adds points by the community’s rule, once per source record', async () => {
    const { resident, member } = await residentMember();
    await record({ residentId: resident.id, sourceId: 'signup-1', quantity: 2.5 });
    await record({ residentId: resident.id, sourceId: 'signup-1', quantity: 2.5 });
    const ledger = (await world.secretary.get(`/api/v1/party-members/${member.id}/points`)).body;
    expect(ledger.items).toHaveLength(1);
    expect(ledger.items[0]).toMatchObject({ source: 'volunteer_hours', sourceId: 'signup-1', quantity: 2.5, points: 2.5 });
    expect(ledger.total).toBe(2.5);
  });

  it('uses the rule the community configured', async () => {
    const settings = (await world.secretary.get('/api/v1/party-settings')).body;
    expect(settings.pointRules.find((r: any) => r.source === 'volunteer_hours')).toMatchObject({ pointsPerUnit: 1, configured: false });
    const saved = await world.secretary.patch('/api/v1/party-settings', { version: settings.version, pointRules: [{ source: 'volunteer_hours', pointsPerUnit: 2 }] });
    expect(saved.body.pointRules.find((r: any) => r.source === 'volunteer_hours')).toMatchObject({ pointsPerUnit: 2, configured: true });
    const { resident, member } = await residentMember();
    await record({ residentId: resident.id, sourceId: 'signup-2', quantity: 3 });
    expect((await world.secretary.get(`/api/v1/party-members/${member.id}/points`)).body.total).toBe(6);
    expect((await world.secretary.patch('/api/v1/party-settings', { version: saved.body.version, pointRules: [{ source: 'Bad Source', pointsPerUnit: 2 }] })).status).toBe(400);
  });

  it('is a no-op for a resident who is not a member of that community', async () => {
    const home = await createHousehold(ctx.database, world.places, 1);
    const stranger = await createResident(ctx.database, tree.communityA1.id, home);
    await record({ residentId: stranger.id, sourceId: 'signup-3', quantity: 4 });
    const { resident } = await residentMember();
    await record({ residentId: resident.id, sourceId: 'signup-4', quantity: 4, communityId: tree.communityA2.id });
    const [{ n }] = (await ctx.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM party_point_entry WHERE source_id IN ('signup-3', 'signup-4')`)) as [{ n: number }];
    expect(n).toBe(0);
  });
});

describe('rankings per group', () => {
  it('ranks members by the sum of their ledger within their group; ties share a place', async () => {
    const own = await partyWorld(ctx, tree.communityA2);
    const ids: string[] = [];
    for (const hours of [5, 9, 9, 1]) {
      const home = await createHousehold(ctx.database, own.places, 0);
      const resident = await createResident(ctx.database, tree.communityA2.id, home);
      const m = await ok(await own.secretary.post('/api/v1/party-members', { orgId: own.groupA, name: resident.name, status: 'full', joinedOn: '2005-07-01', membership: 'registered', residentId: resident.id }));
      await ctx.database.db.transaction((tx) => ctx.app.services.party.recordPoints(tx, { communityId: tree.communityA2.id, residentId: resident.id, source: 'volunteer_hours', sourceId: `r-${m.id}`, quantity: hours, occurredAt: new Date() }));
      ids.push(m.id);
    }
    const ranking = (await own.secretary.get(`/api/v1/party-points/rankings?orgId=${own.groupA}`)).body;
    expect(ranking.groups).toHaveLength(1);
    const list = ranking.groups[0].ranking;
    expect(list.map((r: any) => r.rank)).toEqual([1, 1, 3, 4]);
    expect(list.map((r: any) => r.points)).toEqual([9, 9, 5, 1]);
    expect(list[3].memberId).toBe(ids[3]);
  });

  it('a group leader sees their group’s ranking, a plain member sees none (404), street staff none (403)', async () => {
    const leader = await addMember(ctx, world, { orgId: world.groupB });
    await world.secretary.post(`/api/v1/party-orgs/${world.groupB}/officers`, { memberId: leader.id, role: 'group_leader', termStart: '2021-01-01' });
    expect((await leader.client.get(`/api/v1/party-points/rankings?orgId=${world.groupB}`)).status).toBe(200);
    expect((await leader.client.get(`/api/v1/party-points/rankings?orgId=${world.groupA}`)).status).toBe(404);
    expect((await leader.client.get('/api/v1/party-points/rankings')).status).toBe(404);
    const plain = await addMember(ctx, world, { orgId: world.groupB });
    expect((await plain.client.get(`/api/v1/party-points/rankings?orgId=${world.groupB}`)).status).toBe(404);
    const street = await signedIn(ctx, [['street_staff', tree.streetA]]);
    expect((await street.get(`/api/v1/party-points/rankings?communityId=${tree.communityA1.id}`)).status).toBe(403);
  });

  it('a member sees their own points, rank and ledger on the phone', async () => {
    const m = await addMember(ctx, world, { orgId: world.groupB });
    const me = (await m.client.get('/api/v1/party/me')).body.memberships[0];
    expect(me).toMatchObject({ points: 0, member: { id: m.id, name: m.name, orgId: world.groupB } });
    expect(me.rankInGroup).toBeGreaterThanOrEqual(1);
    expect((await m.client.get('/api/v1/party/me/points')).body).toMatchObject({ items: [], total: 0 });
  });
});
