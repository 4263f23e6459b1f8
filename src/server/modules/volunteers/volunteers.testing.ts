/**
 * Test helpers of the volunteer module: approved volunteers signed in (inserted directly, fast),
 * activities created through the API, and a code signer with the test key.
 */
import { randomBytes } from 'node:crypto';
import { SESSION_COOKIE, createSession } from '../../platform/auth/sessions';
import { client, createUser, testCrypto, type Client, type OrgRef, type TestContext, type TestUser } from '../../test/harness';
import { volunteer } from './volunteers.tables';
import { createQrSigner } from './volunteers.qr';

export const testSigner = createQrSigner(testCrypto);

export interface TestVolunteer {
  client: Client;
  user: TestUser;
  volunteerId: string;
}

/** An approved volunteer of a community with an account holding the volunteer role there. */
export async function approvedVolunteer(
  ctx: TestContext,
  community: OrgRef,
  opts: { skills?: string[]; birthDate?: string; name?: string; residentId?: string } = {},
): Promise<TestVolunteer> {
  const user = await createUser(ctx.database, [['resident', community], ['volunteer', community]]);
  const [row] = await ctx.database.db
    .insert(volunteer)
    .values({
      communityId: community.id,
      accountId: user.id,
      residentId: opts.residentId ?? null,
      origin: 'resident',
      name: opts.name ?? `志愿者${randomBytes(2).toString('hex')}`,
      birthDate: opts.birthDate ?? '1980-05-01',
      skills: opts.skills ?? [],
      status: 'approved',
      reviewedAt: new Date(),
    })
    .returning({ id: volunteer.id });
  return { client: await sessionClient(ctx, user.id), user, volunteerId: row!.id };
}

/** A signed-in client without the password round trip (fast; not subject to the sign-in rate limit). */
export async function sessionClient(ctx: TestContext, accountId: string): Promise<Client> {
  const { token } = await createSession(ctx.database.db, accountId, { idleMinutes: 60, absoluteHours: 12 }, { ip: null, userAgent: null });
  return client(ctx.app, `${SESSION_COOKIE}=${token}`);
}

export const minutesFromNow = (m: number) => new Date(Date.now() + m * 60_000).toISOString();

/** A published activity (one slot unless given) starting `startIn` minutes from now. */
export async function createActivity(
  staff: Client,
  communityId: string,
  opts: { capacity?: number; slots?: Array<{ role: string; capacity: number }>; startIn?: number; minutes?: number; publish?: boolean; extra?: Record<string, unknown> } = {},
): Promise<{ id: string; slots: Array<{ id: string; role: string }>; version: number }> {
  const startIn = opts.startIn ?? 24 * 60;
  const res = await staff.post('/api/v1/volunteer-activities', {
    communityId,
    title: `活动${randomBytes(2).toString('hex')}`,
    category: 'civility',
    place: '社区广场',
    startsAt: minutesFromNow(startIn),
    endsAt: minutesFromNow(startIn + (opts.minutes ?? 120)),
    slots: opts.slots ?? [{ role: '服务', capacity: opts.capacity ?? 10 }],
    publish: opts.publish ?? true,
    ...opts.extra,
  });
  if (res.status !== 201) throw new Error(`create activity: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
