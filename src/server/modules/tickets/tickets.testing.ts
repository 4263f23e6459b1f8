/** Test world for tickets: a community with grids on AB duty, residents with app accounts, staff. */
import { createHousehold, createPlaces, createResident, linkAccount, type TestPlaces } from '../../test/places-factory';
import { login, signedIn, createUser, type Client, type OrgRef, type TestContext, type TestUser } from '../../test/harness';

export interface ResidentClient extends Client {
  user: TestUser;
  residentId: string;
  name: string;
  phone: string;
}

/** A resident living in one of the community's buildings, with an app account linked to the record. */
export async function residentClient(ctx: TestContext, places: TestPlaces, buildingIndex = 0, name?: string): Promise<ResidentClient> {
  const home = await createHousehold(ctx.database, places, buildingIndex);
  const person = await createResident(ctx.database, places.community.id, home, name ? { name } : {});
  const user = await createUser(ctx.database, [['resident', places.community]]);
  await linkAccount(ctx.database, user.id, person.id);
  const c = await login(ctx.app, user.username);
  return Object.assign(c, { user, residentId: person.id, name: person.name, phone: person.phone });
}

export interface TicketWorld {
  places: TestPlaces;
  primaryA: Client;
  backupA: Client;
  primaryB: Client;
  leader: Client;
  secretary: Client & { user: TestUser };
  staff: Client & { user: TestUser };
}

export async function ticketWorld(ctx: TestContext, community: OrgRef): Promise<TicketWorld> {
  const places = await createPlaces(ctx.database, community);
  const w = places.workers;
  return {
    places,
    primaryA: await login(ctx.app, w.primaryA.username),
    backupA: await login(ctx.app, w.backupA.username),
    primaryB: await login(ctx.app, w.primaryB.username),
    leader: await login(ctx.app, w.leader.username),
    secretary: await signedIn(ctx, [['community_secretary', community]]),
    staff: await signedIn(ctx, [['community_staff', community]]),
  };
}

export const report = (c: Client, body: Record<string, unknown>, headers?: Record<string, string>) =>
  c.post('/api/v1/tickets', { kind: 'appeal', category: 'sanitation', description: '楼道里堆满了杂物，没人清理', ...body }, headers);

export const act = (c: Client, id: string, action: string, body: Record<string, unknown> = {}) => c.post(`/api/v1/tickets/${id}/${action}`, body);

export async function count(ctx: TestContext, sqlText: string, params: unknown[] = []): Promise<number> {
  const [row] = await ctx.database.query<{ n: number }>(sqlText, params);
  return row!.n;
}
