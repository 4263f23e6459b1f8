import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTree, client, signedIn, type TestContext, type TestTree } from '../test/harness';
import { auditLog } from './db/tables/audit';
import { center } from './db/tables/org';

let ctx: TestContext;
let tree: TestTree;

beforeAll(async () => {
  ctx = await createTestApp();
  tree = await createTree(ctx.database);
});
afterAll(() => ctx.close());

describe('health and API description', () => {
  it('health answers ok with the database kind and version', async () => {
    const res = await client(ctx.app).get('/api/v1/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', db: ctx.database.kind, version: ctx.config.version });
  });

  it('serves the OpenAPI document built from the route schemas', async () => {
    const res = await client(ctx.app).get('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(res.body.paths['/api/v1/auth/login'].post.requestBody).toBeTruthy();
    expect(res.body.paths['/api/v1/accounts/{id}/role-assignments'].post).toBeTruthy();
  });

  it('serves browsable docs at /api/docs', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger');
  });
});

describe('every route declares who may call it', () => {
  it('each /api/v1 route has a permission, and each permission is a declared one', () => {
    const api = ctx.app.routeTable.filter((r) => r.url.startsWith('/api/v1') && r.method !== 'HEAD');
    expect(api.length).toBeGreaterThan(15);
    const declared = new Set(ctx.app.ctx.catalog.permissions.keys());
    for (const r of api) {
      expect(r.permission, `${r.method} ${r.url}`).toBeTruthy();
      const keys = [r.permission].flat().filter((p) => p !== 'public' && p !== 'authenticated');
      for (const k of keys) expect(declared.has(k as string), `${r.method} ${r.url} uses undeclared ${String(k)}`).toBe(true);
    }
  });

  it('non-API routes are only the docs and static files', () => {
    const others = ctx.app.routeTable.filter((r) => !r.url.startsWith('/api/v1'));
    for (const r of others) expect(r.url.startsWith('/api/docs') || r.url === '/' || r.url === '/*', r.url).toBe(true);
  });

  it('registering a route without a permission fails at build time', async () => {
    const { buildApp } = await import('../app');
    const app = await buildApp({ config: ctx.config, database: ctx.database, startJobs: false });
    expect(() => app.get('/api/v1/oops', () => 'x')).toThrow(/does not declare config.permission/);
    await app.close();
  });
});

describe('one error shape, localized', () => {
  it('malformed JSON → 400 validation_failed naming the body', async () => {
    const res = await client(ctx.app).post('/api/v1/auth/login', '{"username": ');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details[0].field).toBe('body');
  });

  it('unknown fields are refused by name (no mass assignment)', async () => {
    const res = await client(ctx.app).post('/api/v1/auth/login', { username: 'a', password: 'b', isAdmin: true });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toContainEqual(expect.objectContaining({ field: 'body.isAdmin', code: 'unrecognized_key' }));
  });

  it('wrong types name each failing field, in the caller’s language', async () => {
    const zh = await client(ctx.app).post('/api/v1/auth/login', { username: 5 });
    expect(zh.status).toBe(400);
    expect(zh.body.error.message).toMatch(/提交的内容有误/);
    const fields = zh.body.error.details.map((d: { field: string }) => d.field).sort();
    expect(fields).toEqual(['body.password', 'body.username']);
    const en = await client(ctx.app).post('/api/v1/auth/login', { username: 5 }, { 'accept-language': 'en-US,en;q=0.9' });
    expect(en.body.error.message).toBe('The request is invalid; see the fields listed');
    expect(en.body.error.details.find((d: { field: string }) => d.field === 'body.password').message).toBe('Required');
  });

  it('a body over the limit → 413', async () => {
    const res = await client(ctx.app).post('/api/v1/auth/login', { username: 'x'.repeat(ctx.config.bodyLimit + 10), password: 'y' });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
  });

  it('unknown route → 404 JSON', async () => {
    const res = await client(ctx.app).get('/api/v1/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: { code: 'not_found', message: '未找到该记录' } });
  });

  it('an id that is not a UUID → 400, never a database error', async () => {
    const admin = await signedIn(ctx, [['sys_admin', tree.district]]);
    const res = await admin.get('/api/v1/orgs/not-a-uuid');
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].field).toBe('params.id');
  });

  it('unsupported content type → 415', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'text/csv' }, payload: 'a,b' });
    expect(res.statusCode).toBe(415);
  });
});

describe('web hardening', () => {
  it('sends CSP without inline scripts, frame-ancestors none, nosniff and a referrer policy', async () => {
    const res = await client(ctx.app).get('/api/v1/health');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('HSTS only over https', async () => {
    const app2 = await (await import('../app')).buildApp({ config: { ...ctx.config, trustProxy: true }, database: ctx.database, startJobs: false });
    const res = await app2.inject({ method: 'GET', url: '/api/v1/health', headers: { 'x-forwarded-proto': 'https' } });
    expect(res.headers['strict-transport-security']).toContain('max-age=');
    await app2.close();
  });

  it('refuses a state-changing request from a foreign origin (CSRF)', async () => {
    const res = await client(ctx.app).post('/api/v1/auth/login', { username: 'a', password: 'b' }, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('csrf_rejected');
    const same = await client(ctx.app).post('/api/v1/auth/login', { username: 'a', password: 'b' }, { origin: 'http://localhost:80', host: 'localhost:80' });
    expect(same.status).toBe(401);
  });
});

describe('idempotent creates', () => {
  it('same key + same body → the first response again and no second row', async () => {
    const admin = await signedIn(ctx, [['sys_admin', tree.district]]);
    const body = { communityId: tree.communityA1.id, name: '幂等中心' };
    const first = await admin.post('/api/v1/centers', body, { 'idempotency-key': 'k-1' });
    const second = await admin.post('/api/v1/centers', body, { 'idempotency-key': 'k-1' });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers['idempotent-replayed']).toBe('true');
    const rows = await ctx.database.db.select().from(center).where(sql`${center.name} = '幂等中心'`);
    expect(rows).toHaveLength(1);
  });

  it('same key + other body → 422 idempotency_mismatch', async () => {
    const admin = await signedIn(ctx, [['sys_admin', tree.district]]);
    await admin.post('/api/v1/centers', { communityId: tree.communityA1.id, name: '甲' }, { 'idempotency-key': 'k-2' });
    const res = await admin.post('/api/v1/centers', { communityId: tree.communityA1.id, name: '乙' }, { 'idempotency-key': 'k-2' });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('idempotency_mismatch');
  });

  it('same key while the first is in flight → 409', async () => {
    const admin = await signedIn(ctx, [['sys_admin', tree.district]]);
    const body = { communityId: tree.communityA1.id, name: '并发中心' };
    const results = await Promise.all([1, 2, 3].map(() => admin.post('/api/v1/centers', body, { 'idempotency-key': 'k-3' })));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
    for (const s of statuses) expect([201, 409]).toContain(s);
    const rows = await ctx.database.db.select().from(center).where(sql`${center.name} = '并发中心'`);
    expect(rows).toHaveLength(1);
  });

  it('keys are per account: another user with the same key gets their own result', async () => {
    const a = await signedIn(ctx, [['sys_admin', tree.district]]);
    const b = await signedIn(ctx, [['sys_admin', tree.district]]);
    const ra = await a.post('/api/v1/centers', { communityId: tree.communityA1.id, name: 'A的中心' }, { 'idempotency-key': 'shared' });
    const rb = await b.post('/api/v1/centers', { communityId: tree.communityA1.id, name: 'B的中心' }, { 'idempotency-key': 'shared' });
    expect(ra.status).toBe(201);
    expect(rb.status).toBe(201);
    expect(rb.body.id).not.toBe(ra.body.id);
  });

  it('a malformed key → 400', async () => {
    const admin = await signedIn(ctx, [['sys_admin', tree.district]]);
    const res = await admin.post('/api/v1/centers', { communityId: tree.communityA1.id, name: 'x' }, { 'idempotency-key': 'x'.repeat(300) });
    expect(res.status).toBe(400);
  });
});

describe('optimistic concurrency', () => {
  it('an update with a stale version → 409 version_conflict, and nothing changes', async () => {
    const admin = await signedIn(ctx, [['sys_admin', tree.district]]);
    const org = (await admin.get(`/api/v1/orgs/${tree.communityA2.id}`)).body;
    const ok = await admin.patch(`/api/v1/orgs/${org.id}`, { version: org.version, name: '改名一次' });
    expect(ok.status).toBe(200);
    expect(ok.body.version).toBe(org.version + 1);
    const stale = await admin.patch(`/api/v1/orgs/${org.id}`, { version: org.version, name: '改名两次' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    expect((await admin.get(`/api/v1/orgs/${org.id}`)).body.name).toBe('改名一次');
  });
});

describe('audit log', () => {
  it('is written for every write, chained, and verifies', async () => {
    const admin = await signedIn(ctx, [['sys_admin', tree.district]]);
    await admin.post('/api/v1/centers', { communityId: tree.communityA1.id, name: '审计中心' });
    const rows = await ctx.database.db.select().from(auditLog).where(sql`${auditLog.action} = 'center.create'`);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.at(-1)!.actorId).toBe(admin.user.id);
    expect(await ctx.app.ctx.audit.verify()).toMatchObject({ ok: true });
  });

  it('refuses UPDATE, DELETE and TRUNCATE by trigger', async () => {
    await expect(ctx.database.query(`UPDATE audit_log SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(ctx.database.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    await expect(ctx.database.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
  });
});
