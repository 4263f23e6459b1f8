/**
 * Test data for the party module, built through the API where that is what a test is about and
 * directly otherwise: a community with places, a secretary, an org tree (committee → branch → two
 * building groups) and members who can sign in on the resident app.
 */
import { randomBytes } from 'node:crypto';
import type { RoleKey } from '../../platform/auth/roles';
import { createUser, login, signedIn, type Client, type OrgRef, type TestContext } from '../../test/harness';
import { createHousehold, createPlaces, createResident, linkAccount, type TestPlaces } from '../../test/places-factory';

export interface PartyWorld {
  community: OrgRef;
  places: TestPlaces;
  secretary: Client;
  committeeId: string;
  branchId: string;
  /** Covers buildings 1 and 2 (grid A). */
  groupA: string;
  /** Covers building 3 (grid B). */
  groupB: string;
}

export interface TestMember {
  id: string;
  accountId: string;
  client: Client;
  name: string;
}

async function ok<T = any>(res: { status: number; body: T }, expected = 201): Promise<T> {
  if (res.status !== expected) throw new Error(`expected ${expected}, got ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function partyWorld(ctx: TestContext, community: OrgRef): Promise<PartyWorld> {
  const tag = randomBytes(2).toString('hex');
  const places = await createPlaces(ctx.database, community);
  const secretary = await signedIn(ctx, [['community_secretary', community]]);
  const committee = await ok(await secretary.post('/api/v1/party-orgs', { communityId: community.id, kind: 'committee', name: `社区党委${tag}` }));
  const branch = await ok(await secretary.post('/api/v1/party-orgs', { communityId: community.id, parentId: committee.id, kind: 'branch', name: `第一党支部${tag}` }));
  const groupA = await ok(
    await secretary.post('/api/v1/party-orgs', { communityId: community.id, parentId: branch.id, kind: 'group', name: `1-2号楼党小组${tag}`, buildingIds: [places.buildings[0]!.id, places.buildings[1]!.id] }),
  );
  const groupB = await ok(await secretary.post('/api/v1/party-orgs', { communityId: community.id, parentId: branch.id, kind: 'group', name: `3号楼党小组${tag}`, buildingIds: [places.buildings[2]!.id] }));
  return { community, places, secretary, committeeId: committee.id, branchId: branch.id, groupA: groupA.id, groupB: groupB.id };
}

let seq = 0;

/** A member with an app account (role party_member at the community), signed in. */
export async function addMember(
  ctx: TestContext,
  world: PartyWorld,
  opts: { orgId?: string; membership?: 'registered' | 'reporting' | 'mobile'; role?: RoleKey; name?: string; tags?: string[] } = {},
): Promise<TestMember> {
  const user = await createUser(ctx.database, [[opts.role ?? 'party_member', world.community]]);
  const name = opts.name ?? `党员${String.fromCharCode(0x4e00 + ((seq += 7) % 2000))}${String.fromCharCode(0x4e00 + ((seq * 13) % 2000))}`;
  const member = await ok(
    await world.secretary.post('/api/v1/party-members', {
      communityId: world.community.id,
      orgId: opts.orgId ?? world.groupA,
      name,
      status: 'full',
      joinedOn: '2010-07-01',
      fullOn: '2011-07-01',
      membership: opts.membership ?? 'registered',
      workplace: opts.membership === 'reporting' ? '市民政局' : null,
      tags: opts.tags ?? [],
      accountId: user.id,
    }),
  );
  return { id: member.id, accountId: user.id, client: await login(ctx.app, user.username), name };
}

/** Many members at once (direct inserts: faster than the API when the test is about something else). */
export async function addMembers(ctx: TestContext, world: PartyWorld, count: number, orgId = world.groupA): Promise<TestMember[]> {
  const out: TestMember[] = [];
  for (let i = 0; i < count; i++) out.push(await addMember(ctx, world, { orgId }));
  return out;
}

/** A resident living in a building of the world, with a resident app account linked to the record. */
export async function residentWithAccount(ctx: TestContext, world: PartyWorld, buildingIndex = 0, roles: Array<[RoleKey, OrgRef]> = [['resident', world.community]]) {
  const home = await createHousehold(ctx.database, world.places, buildingIndex);
  const resident = await createResident(ctx.database, world.community.id, home, { birthDate: '1985-05-05', gender: 'male' });
  const user = await createUser(ctx.database, roles);
  await linkAccount(ctx.database, user.id, resident.id);
  return { resident, user, client: await login(ctx.app, user.username), buildingId: home.buildingId };
}

/** A lecture whose check-in window is open now (it starts in five minutes). */
export async function openLecture(world: PartyWorld, extra: Record<string, unknown> = {}) {
  return ok(await world.secretary.post('/api/v1/micro-lectures', { communityId: world.community.id, title: '学习党章', scheduledAt: new Date(Date.now() + 5 * 60_000).toISOString(), ...extra }));
}

export { ok };
