/**
 * Fuzzing every /api/v1 route (from app.routeTable, shapes from /api/v1/openapi.json) as every
 * role, with bad input generated from the route's own schema (fuzz.inputs.ts). The demo district
 * is seeded as "another district": the fuzzing accounts sit in a district of their own, so any id
 * of a demo record in a successful answer is a cross-scope leak. Asserted for every input:
 * no 5xx, no foreign record returned, nothing written on a 4xx (row counts of every table and the
 * audit log compared), no internals in error bodies, security headers on every answer.
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../config';
import { roleKeys, type RoleKey } from '../../platform/auth/roles';
import { testDbKind } from '../../test/databases';
import { createTestApp, createTree, createUser, login, type Client, type TestContext } from '../../test/harness';
import { createHousehold, createPlaces, createResident, linkAccount } from '../../test/places-factory';
import { recordFigures, table } from './figures';
import { inputsFor, operationsOf, type FuzzInput, type IdPools, type Operation } from './fuzz.inputs';

/** Routes that would end the fuzzing account's own session (tested elsewhere). */
const skipped = new Set(['POST /auth/logout', 'POST /me/sessions/sign-out-everywhere', 'GET /openapi.json']);
const uuidRe = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
/** Who goes first for a route: the narrowest scope that may use it. */
const preference: readonly RoleKey[] = ['resident', 'grid_worker', 'volunteer', 'party_member', 'partner_contact', 'property_staff', 'care_officer', 'social_worker', 'community_staff', 'community_secretary', 'street_staff', 'sys_admin', 'security_admin', 'audit_admin'];

interface Caller {
  role: RoleKey | 'anonymous';
  username: string | null;
  client: Client | null;
  permissions: Set<string>;
}

let ctx: TestContext;
let callers: Caller[];
let ids: IdPools;
let foreign: Set<string>;
let fingerprintSql: string;

async function setup(): Promise<void> {
  // Demo mode as shipped (an SMS log channel stands in for the SMS gateway), one district seeded.
  ctx = await createTestApp({ seed: true, config: { loginRateLimit: 1_000_000_000, demo: true } });
  const home = await createTree(ctx.database, 'FZ');
  const places = await createPlaces(ctx.database, home.communityA1);
  const household = await createHousehold(ctx.database, places);
  const self = await createResident(ctx.database, home.communityA1.id, household);
  callers = [{ role: 'anonymous', username: null, client: null, permissions: new Set() }];
  for (const role of roleKeys) {
    const org = role.endsWith('_admin') ? home.district : role === 'street_staff' ? home.streetA : role === 'grid_worker' ? places.gridA : home.communityA1;
    const user = await createUser(ctx.database, [[role, org]]);
    if (role === 'resident') await linkAccount(ctx.database, user.id, self.id);
    const c = await login(ctx.app, user.username);
    callers.push({ role, username: user.username, client: c, permissions: new Set((await c.get('/api/v1/me')).body.permissions) });
  }
  const [demo] = await ctx.database.query<{ path: string }>(`SELECT path FROM org_node WHERE code = 'TX'`);
  const tables = await ctx.database.query<{ t: string }>(
    `SELECT c.table_name AS t FROM information_schema.columns c
      WHERE c.table_schema = 'public' AND c.column_name = 'community_id'
        AND EXISTS (SELECT 1 FROM information_schema.columns i WHERE i.table_schema = 'public' AND i.table_name = c.table_name AND i.column_name = 'id' AND i.data_type = 'uuid')`,
  );
  const demoCommunities = `(SELECT id FROM org_node WHERE path LIKE '${demo!.path}%')`;
  const foreignRows = await ctx.database.query<{ id: string }>(
    [
      `SELECT id::text FROM org_node WHERE path LIKE '${demo!.path}%'`,
      `SELECT DISTINCT account_id::text FROM role_assignment WHERE org_id IN ${demoCommunities}`,
      ...tables.map(({ t }) => `(SELECT id::text FROM "${t}" WHERE community_id IN ${demoCommunities} LIMIT 300)`),
    ].join(' UNION '),
  );
  foreign = new Set(foreignRows.map((r) => r.id));
  ids = { home: { community: home.communityA1.id, org: home.communityA1.id }, foreign: [...foreign] };
  const all = await ctx.database.query<{ t: string }>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'audit_log'`);
  // Failed sign-ins are audited on purpose (auth.*); every other row counts.
  fingerprintSql = `SELECT ${[...all.map(({ t }) => `(SELECT count(*) FROM "${t}")`), `(SELECT count(*) FROM audit_log WHERE action NOT LIKE 'auth.%')`].join(' + ')} AS n`;
}

let fingerprintMs = 0;
/** Row counts of every table (and of the audit log minus sign-in events), summed: compared when something may have written. */
const fingerprint = async () => {
  const t = performance.now();
  const n = String((await ctx.database.query<{ n: string }>(fingerprintSql))[0]!.n);
  fingerprintMs += performance.now() - t;
  return n;
};
/** The next transaction id: it moves only when some transaction wrote (or tried to), so counting is needed only then. */
const nextXid = async () => String((await ctx.database.query<{ x: string }>(`SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS x`))[0]!.x);

interface Finding {
  route: string;
  role: string;
  input: string;
  detail: string;
}

describe('fuzzing every route with bad input, as every role', () => {
  beforeAll(setup, 600_000);
  afterAll(() => ctx?.close());

  it('no 5xx, no record of another scope, nothing written on a 4xx', async () => {
    const started = Date.now();
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const ops = operationsOf(doc);
    const routes = [...new Map(ctx.app.routeTable.filter((r) => r.url.startsWith('/api/v1') && r.method !== 'HEAD').map((r) => [`${r.method} ${r.url.slice(7)}`, r])).values()];
    const found = { errors5xx: [] as Finding[], leaks: [] as Finding[], writes: [] as Finding[], internals: [] as Finding[], headers: [] as Finding[] };
    let tried = 0;
    let relogins = 0;
    let walked = 0;
    let last = await fingerprint();
    let lastXid = await nextXid();

    const send = async (caller: Caller, op: Operation, input: FuzzInput) => {
      const key = `${op.method} ${op.url}`;
      const res = await ctx.app.inject({
        method: op.method as 'GET',
        url: input.url,
        headers: { ...(caller.client?.cookie ? { cookie: caller.client.cookie } : {}), ...(input.payload !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(input.payload !== undefined ? { payload: input.payload } : {}),
      });
      tried++;
      const f = (detail: string): Finding => ({ route: key, role: caller.role, input: input.label, detail });
      const body = res.body;
      if (res.statusCode >= 500) found.errors5xx.push(f(`${res.statusCode} ${body.slice(0, 200)}`));
      if (res.statusCode < 300) {
        const leaked = (body.match(uuidRe) ?? []).filter((id) => foreign.has(id.toLowerCase()));
        if (leaked.length) found.leaks.push(f(`${res.statusCode}, ${leaked.length} foreign id(s), e.g. ${leaked[0]}`));
      } else if (/\n\s+at |Failed query|SELECT |INSERT |syntax error|violates/i.test(body)) {
        found.internals.push(f(body.slice(0, 200)));
      }
      const csp = String(res.headers['content-security-policy'] ?? '');
      const missing = [!csp.includes("frame-ancestors 'none'") && 'csp', res.headers['x-content-type-options'] !== 'nosniff' && 'nosniff', res.headers['cache-control'] !== 'no-store' && 'no-store'].filter(Boolean);
      if (missing.length) found.headers.push(f(`${res.statusCode} without ${missing.join(', ')}: ${body.slice(0, 120)}`));
      const xid = await nextXid();
      if (xid !== lastXid) {
        const now = await fingerprint();
        if (now !== last && res.statusCode >= 400) found.writes.push(f(`${res.statusCode}: rows ${last} → ${now}`));
        last = now;
        lastXid = xid;
      }
      if (caller.client && res.statusCode === 401 && /"(session_expired|unauthenticated)"/.test(body) && op.url !== '/auth/login/mfa') {
        await ctx.database.query('UPDATE account SET locked_until = NULL, failed_logins = 0 WHERE username = $1', [caller.username]);
        caller.client = await login(ctx.app, caller.username!);
        relogins++;
        last = await fingerprint();
        lastXid = await nextXid();
      }
    };

    const progress = path.join(projectRoot, '.tmp', `fuzz-progress-${testDbKind()}.log`);
    writeFileSync(progress, '');
    for (const route of routes) {
      appendFileSync(progress, `${((Date.now() - started) / 1000).toFixed(1)}s ${tried} ${route.method} ${route.url}\n`);
      const key = `${route.method} ${route.url.slice(7)}`;
      const op = ops.get(key);
      if (skipped.has(key) || !op) continue;
      walked++;
      const access = route.permission;
      const allowed = (c: Caller) =>
        access === 'public' || (access === 'authenticated' ? c.client !== null : c.client !== null && [access].flat().some((p) => c.permissions.has(p as string)));
      const permitted = callers.filter(allowed).sort((a, b) => (a.role === 'anonymous' ? -1 : preference.indexOf(a.role as RoleKey)) - (b.role === 'anonymous' ? -1 : preference.indexOf(b.role as RoleKey)));
      const forbidden = callers.filter((c) => !allowed(c));
      const seed = `fuzz:${testDbKind()}`;
      // The narrowest role gets every mutation; up to three others (spread over the scopes) probe scope and permission.
      const others = permitted.slice(1);
      const probing = [...new Set([others[0], others[Math.floor(others.length / 2)], others[others.length - 1]])].filter((c): c is Caller => !!c);
      if (permitted[0]) for (const input of inputsFor(op, ids, 'full', seed)) await send(permitted[0], op, input);
      for (const caller of probing) for (const input of inputsFor(op, ids, 'probe', seed)) await send(caller, op, input);
      for (const caller of [forbidden[0], forbidden[Math.floor(forbidden.length / 2)]].filter((c): c is Caller => !!c)) {
        for (const input of inputsFor(op, ids, 'one', seed)) await send(caller, op, input);
      }
    }

    const seconds = (Date.now() - started) / 1000;
    const rows: Array<[string, string | number]> = [
      ['routes walked (method + path)', walked],
      ['roles (incl. anonymous)', callers.length],
      ['inputs tried', tried],
      ['5xx answers', found.errors5xx.length],
      ['cross-scope leaks (another district’s ids in a 2xx)', found.leaks.length],
      ['4xx answers that wrote anything', found.writes.length],
      ['error bodies with stack / SQL', found.internals.length],
      ['answers without CSP frame-ancestors / nosniff / no-store', found.headers.length],
      ['foreign record ids watched', foreign.size],
      ['sessions re-opened after a route ended one', relogins],
      ['duration', `${seconds.toFixed(0)} s`],
    ];
    writeFileSync(path.join(projectRoot, '.tmp', `fuzz-findings-${testDbKind()}.json`), JSON.stringify(found, null, 1));
    console.log(`\nfuzz (${testDbKind()}), ${(fingerprintMs / 1000).toFixed(0)} s of it counting rows:\n${rows.map(([k, v]) => `  ${k}: ${v}`).join('\n')}`);
    const sample = (list: Finding[]) => list.slice(0, 10).map((x) => `${x.route} as ${x.role} [${x.input}]: ${x.detail}`).join('\n');
    await recordFigures(`fuzz-${testDbKind()}`, 'Fuzzing every route', table(['figure', 'value'], rows) + (found.errors5xx.length + found.leaks.length + found.writes.length ? `\n\nFirst findings:\n\n\`\`\`\n${sample([...found.errors5xx, ...found.leaks, ...found.writes])}\n\`\`\`` : ''));
    expect(walked).toBeGreaterThan(20);
    expect(sample(found.errors5xx)).toBe('');
    expect(sample(found.leaks)).toBe('');
    expect(sample(found.writes)).toBe('');
    expect(sample(found.internals)).toBe('');
    expect(sample(found.headers)).toBe('');
  }, 900_000);
});
