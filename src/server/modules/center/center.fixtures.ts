/** Test fixtures for the center's tests: a community's center, residents with app accounts, dates in its zone. */
import { newId } from '../../platform/db/columns';
import { center } from '../../platform/db/tables/org';
import { signedIn, type OrgRef, type TestContext } from '../../test/harness';
import { createHousehold, createPlaces, createResident, linkAccount, type ResidentInput, type TestPlaces } from '../../test/places-factory';
import { addDays, localParts, zonedInstant } from './center.time';

const TZ = 'Asia/Shanghai';

export async function centerOf(ctx: TestContext, community: OrgRef): Promise<string> {
  const [row] = await ctx.database.query<{ id: string }>('SELECT id FROM center WHERE community_id = $1 ORDER BY created_at LIMIT 1', [community.id]);
  if (row) return row.id;
  const id = newId();
  await ctx.database.db.insert(center).values({ id, communityId: community.id, name: `${community.name}中心` });
  return id;
}

/** A resident with a signed-in app account linked to them, in a household of their own (or the given one). */
let born = 0;
/** Distinct default birth dates (1946–1955), so generated ID numbers do not collide. */
const nextBirthDate = () => addDays('1946-01-01', (born++ * 13) % 3650);

export async function residentUser(ctx: TestContext, places: TestPlaces, input: ResidentInput = {}, home?: { id: string; gridId: string }) {
  const household = home ?? (await createHousehold(ctx.database, places));
  const person = await createResident(ctx.database, places.community.id, household, { birthDate: nextBirthDate(), ...input });
  const app = await signedIn(ctx, [['resident', places.community]]);
  await linkAccount(ctx.database, app.user.id, person.id);
  return Object.assign(app, { person, household });
}

export async function placesFor(ctx: TestContext, community: OrgRef): Promise<TestPlaces> {
  return createPlaces(ctx.database, community);
}

/** An ISO instant `days` from today at a local wall-clock time in Asia/Shanghai. */
export function localAt(days: number, time: string): string {
  const today = localParts(new Date(), TZ).date;
  return zonedInstant(addDays(today, days), time, TZ).toISOString();
}

export function localDate(days: number): string {
  return addDays(localParts(new Date(), TZ).date, days);
}

/** Birth date for someone turning `age` years old this year (already had their birthday on Jan 1). */
export function bornYearsAgo(age: number): string {
  return `${new Date().getUTCFullYear() - age}-01-01`;
}
