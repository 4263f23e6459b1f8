/**
 * Integration-test harness: a fresh app on a private database copy, plus helpers to create org
 * nodes and accounts and to call the API as a given user — so that each test builds its own data.
 */
import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app';
import { loadConfig, type Config } from '../config';
import { hashPassword } from '../platform/auth/password';
import type { RoleKey } from '../platform/auth/roles';
import { SESSION_COOKIE } from '../platform/auth/sessions';
import { createCrypto } from '../platform/crypto';
import { newId } from '../platform/db/columns';
import type { Database } from '../platform/db/client';
import { account, roleAssignment } from '../platform/db/tables/auth';
import { center, orgNode } from '../platform/db/tables/org';
import type { App } from '../platform/http/types';
import { runSeeders } from '../seed/runner';
import { demoSeeders } from '../seed';
import { openTestDatabase } from './databases';

export const TEST_PASSWORD = 'Test-Passw0rd!';
let testHash: Promise<string> | undefined;
const passwordHash = () => (testHash ??= hashPassword(TEST_PASSWORD));

export const testCrypto = createCrypto(Buffer.alloc(32, 7));

export interface TestContext {
  app: App;
  database: Database;
  config: Config;
  close(): Promise<void>;
}

export async function createTestApp(opts: { seed?: boolean; config?: Partial<Config>; logger?: unknown } = {}): Promise<TestContext> {
  const database = await openTestDatabase();
  const config: Config = {
    ...loadConfig({ NODE_ENV: 'test' } as NodeJS.ProcessEnv, []),
    demo: false,
    jobs: false,
    webDir: '/nonexistent',
    logLevel: 'silent',
    ...opts.config,
  };
  if (opts.seed) await runSeeders(database.db, demoSeeders, { crypto: testCrypto, options: { small: true }, now: new Date(), log: { info: () => {} } });
  const app = await buildApp({ config, database, crypto: testCrypto, startJobs: false, ...(opts.logger ? { logger: opts.logger as never } : {}) });
  await app.ready();
  return {
    app,
    database,
    config,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

// ---- org tree -------------------------------------------------------------------------------

export interface OrgRef {
  id: string;
  path: string;
  name: string;
}

export interface TestTree {
  district: OrgRef;
  streetA: OrgRef;
  streetB: OrgRef;
  /** Two communities in street A, one in street B. */
  communityA1: OrgRef;
  communityA2: OrgRef;
  communityB1: OrgRef;
}

async function insertOrg(database: Database, parent: OrgRef | null, kind: 'district' | 'street' | 'community' | 'grid', name: string, communityId?: string): Promise<OrgRef> {
  const id = newId();
  const path = `${parent?.path ?? '/'}${id}/`;
  await database.db.insert(orgNode).values({
    id,
    parentId: parent?.id ?? null,
    kind,
    name,
    path,
    depth: path.split('/').length - 3,
    communityId: kind === 'community' ? id : kind === 'grid' ? (communityId ?? null) : null,
  });
  return { id, path, name };
}

export async function createTree(database: Database, label = randomBytes(3).toString('hex')): Promise<TestTree> {
  const district = await insertOrg(database, null, 'district', `测试区${label}`);
  const streetA = await insertOrg(database, district, 'street', `甲街道${label}`);
  const streetB = await insertOrg(database, district, 'street', `乙街道${label}`);
  const communityA1 = await insertOrg(database, streetA, 'community', `甲一社区${label}`);
  const communityA2 = await insertOrg(database, streetA, 'community', `甲二社区${label}`);
  const communityB1 = await insertOrg(database, streetB, 'community', `乙一社区${label}`);
  for (const c of [communityA1, communityA2, communityB1]) {
    await database.db.insert(center).values({ communityId: c.id, name: `${c.name}服务中心` });
  }
  return { district, streetA, streetB, communityA1, communityA2, communityB1 };
}

/** A grid org node under a community or another grid; `communityId` defaults to the parent (a community). */
export async function createGrid(database: Database, parent: OrgRef, name = `网格${randomBytes(2).toString('hex')}`, communityId = parent.id): Promise<OrgRef> {
  return insertOrg(database, parent, 'grid', name, communityId);
}

// ---- accounts and calls ---------------------------------------------------------------------

export interface TestUser {
  id: string;
  username: string;
}

export async function createUser(database: Database, roles: Array<[RoleKey, OrgRef]>, username = `u_${randomBytes(5).toString('hex')}`): Promise<TestUser> {
  const id = newId();
  await database.db.insert(account).values({ id, username, displayName: username, passwordHash: await passwordHash() });
  for (const [role, org] of roles) await database.db.insert(roleAssignment).values({ accountId: id, roleKey: role, orgId: org.id });
  return { id, username };
}

export interface Response<T = any> {
  status: number;
  body: T;
  headers: LightMyRequestResponse['headers'];
  raw: LightMyRequestResponse;
}

export interface Client {
  cookie: string | null;
  get<T = any>(url: string, headers?: Record<string, string>): Promise<Response<T>>;
  post<T = any>(url: string, body?: unknown, headers?: Record<string, string>): Promise<Response<T>>;
  patch<T = any>(url: string, body?: unknown, headers?: Record<string, string>): Promise<Response<T>>;
  delete<T = any>(url: string, headers?: Record<string, string>): Promise<Response<T>>;
}

export function client(app: App, cookie: string | null = null): Client {
  const call = async (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await app.inject({
      method,
      url,
      headers: { ...(cookie ? { cookie } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body !== undefined ? { payload: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    let parsed: unknown = res.body;
    if ((res.headers['content-type'] ?? '').toString().includes('json') && res.body) parsed = JSON.parse(res.body);
    return { status: res.statusCode, body: parsed as any, headers: res.headers, raw: res };
  };
  return {
    cookie,
    get: (url, h) => call('GET', url, undefined, h),
    post: (url, body, h) => call('POST', url, body ?? {}, h),
    patch: (url, body, h) => call('PATCH', url, body ?? {}, h),
    delete: (url, h) => call('DELETE', url, undefined, h),
  };
}

/** Signs in through the API and returns a client carrying the session cookie. */
export async function login(app: App, username: string, password = TEST_PASSWORD): Promise<Client> {
  const res = await client(app).post('/api/v1/auth/login', { username, password });
  if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  const setCookie = [res.headers['set-cookie']].flat().find((c) => c?.startsWith(`${SESSION_COOKIE}=`));
  if (!setCookie) throw new Error('no session cookie');
  return client(app, setCookie.split(';')[0]!);
}

/** Creates a user with roles and signs in. */
export async function signedIn(ctx: TestContext, roles: Array<[RoleKey, OrgRef]>): Promise<Client & { user: TestUser }> {
  const user = await createUser(ctx.database, roles);
  return Object.assign(await login(ctx.app, user.username), { user });
}
