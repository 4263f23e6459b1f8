import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/db/tables/audit';
import { createTestApp, createTree, login, signedIn, type TestContext, type TestTree } from '../../test/harness';
import { createPlaces, type TestPlaces } from '../../test/places-factory';
import { careCondition } from './care.tables';
import { count, needyHousehold } from './care.testing';

let ctx: TestContext;
let tree: TestTree;
let places: TestPlaces;
beforeAll(async () => {
  ctx = await createTestApp({ config: { loginRateLimit: 10_000 } });
  tree = await createTree(ctx.database);
  places = await createPlaces(ctx.database, tree.communityA1);
});
afterAll(() => ctx.close());

const officer = () => signedIn(ctx, [['care_officer', tree.communityA1]]);

async function openFile(as: Awaited<ReturnType<typeof officer>>, householdId: string): Promise<string> {
  const res = await as.post('/api/v1/care-files', { householdId });
  expect(res.status).toBe(201);
  return res.body.id;
}

async function xlsxText(body: Buffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  const cells: string[] = [];
  wb.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((c) => cells.push(String(c.value)))));
  return cells.join('|');
}

describe('opening and keeping a care file (一户一档)', () => {
  it('the care officer opens a suggested household; categories come from the members’ tags; every change leaves a version', async () => {
    const co = await officer();
    const { home, head, spouse } = await needyHousehold(ctx, places);
    const suggested = await co.get('/api/v1/care-files/suggestions');
    expect(suggested.body.find((s: { householdId: string }) => s.householdId === home.id)).toMatchObject({ matchedTags: ['dibao', 'disabled', 'elderly_alone'], memberCount: 2 });
    const id = await openFile(co, home.id);
    expect((await co.get('/api/v1/care-files/suggestions')).body.map((s: { householdId: string }) => s.householdId)).not.toContain(home.id);

    const file = (await co.get(`/api/v1/care-files/${id}`)).body;
    expect(file).toMatchObject({ householdId: home.id, categories: ['elderly_alone', 'disabled', 'dibao'], status: 'active', version: 1 });
    expect(file.members.map((m: { name: string }) => m.name)).toEqual([head.name, spouse.name]);
    expect(file.members[0].phone).toMatch(/^\d{3}\*{4}\d{4}$/);

    const updated = await co.patch(`/api/v1/care-files/${id}`, { version: 1, monthlyIncomeFen: 120000, housingKind: 'public_rental', needs: ['daily_care', 'medical'] });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ version: 2, monthlyIncomeFen: 120000, perCapitaIncomeFen: 60000, housingKind: 'public_rental' });
    expect((await co.patch(`/api/v1/care-files/${id}`, { version: 1, summary: 'stale' })).status).toBe(409);

    const versions = (await co.get(`/api/v1/care-files/${id}/versions`)).body;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(versions[0].changes).toMatchObject({ monthlyIncomeFen: { before: null, after: 120000 }, housingKind: { after: 'public_rental' } });
    expect(updated.body.timeline.some((t: { kind: string; label: string }) => t.kind === 'file_version' && t.label === 'v2')).toBe(true);
    const audit = await ctx.database.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audit.map((a) => a.action)).toEqual(['care_file.open', 'care_file.update']);
  });

  it('a second file for the same household is refused (409) and nothing is written', async () => {
    const co = await officer();
    const { home } = await needyHousehold(ctx, places);
    await openFile(co, home.id);
    const again = await co.post('/api/v1/care-files', { householdId: home.id });
    expect(again.status).toBe(409);
    expect(again.body.error.details[0].code).toBe('care_file_exists');
    expect(await count(ctx, 'care_file', 'household_id = $1', [home.id])).toBe(1);
  });

  it('a care officer of another community finds neither the household nor the file (404)', async () => {
    const co = await officer();
    const { home } = await needyHousehold(ctx, places);
    const id = await openFile(co, home.id);
    const other = await signedIn(ctx, [['care_officer', tree.communityA2]]);
    expect((await other.get(`/api/v1/care-files/${id}`)).status).toBe(404);
    expect((await other.post('/api/v1/care-files', { householdId: home.id })).status).toBe(404);
    expect((await other.get('/api/v1/care-files')).body.items).toEqual([]);
  });
});

describe('who sees care files', () => {
  it('grid workers see their grid’s files only; another grid’s file is 404', async () => {
    const co = await officer();
    const inA = await openFile(co, (await needyHousehold(ctx, places, 0)).home.id);
    const inB = await openFile(co, (await needyHousehold(ctx, places, 2)).home.id);
    const workerA = await login(ctx.app, places.workers.primaryA.username);
    expect((await workerA.get(`/api/v1/care-files/${inA}`)).status).toBe(200);
    expect((await workerA.get(`/api/v1/care-files/${inB}`)).status).toBe(404);
    const ids = (await workerA.get('/api/v1/care-files?limit=200')).body.items.map((f: { id: string }) => f.id);
    expect(ids).toContain(inA);
    expect(ids).not.toContain(inB);
  });

  it.each(['street_staff', 'community_staff', 'social_worker', 'resident'] as const)('%s cannot read care files (403)', async (role) => {
    const c = await signedIn(ctx, [[role, role === 'street_staff' ? tree.streetA : tree.communityA1]]);
    expect((await c.get('/api/v1/care-files')).status).toBe(403);
    expect((await c.get('/api/v1/care-files/export')).status).toBe(403);
  });

  it('street staff see aggregates only: counts per category, no restricted figure', async () => {
    await openFile(await officer(), (await needyHousehold(ctx, places)).home.id);
    const street = await signedIn(ctx, [['street_staff', tree.streetA]]);
    const stats = await street.get('/api/v1/care/stats');
    expect(stats.status).toBe(200);
    expect(stats.body.careFiles.total).toBeGreaterThan(0);
    expect(stats.body.careFiles.byCategory).toEqual(expect.arrayContaining([expect.objectContaining({ key: 'dibao' })]));
    expect(stats.body).not.toHaveProperty('restricted');
    const otherStreet = await signedIn(ctx, [['street_staff', tree.streetB]]);
    expect((await otherStreet.get('/api/v1/care/stats')).body.careFiles.total).toBe(0);
  });
});

describe('restricted health data (severe mental disorder)', () => {
  it('is stored encrypted with no clear kind, shown only to the care officer (each read audited), absent for everyone else — file, search and export', async () => {
    const co = await officer();
    const { home, head } = await needyHousehold(ctx, places, 0);
    const id = await openFile(co, home.id);
    const added = await co.post(`/api/v1/care-files/${id}/conditions`, { residentId: head.id, kind: 'severe_mental_disorder', detail: '长效针剂每月一次' });
    expect(added.status).toBe(201);
    expect((await co.post(`/api/v1/care-files/${id}/conditions`, { residentId: head.id, kind: 'chronic_illness', detail: '高血压' })).status).toBe(201);

    const [row] = await ctx.database.db.select().from(careCondition).where(and(eq(careCondition.careFileId, id), eq(careCondition.restricted, true)));
    expect(row!.kind).toBeNull();
    expect(row!.detailEnc).not.toContain('长效');
    const auditText = JSON.stringify(await ctx.database.db.select().from(auditLog).where(eq(auditLog.entityId, id)));
    expect(auditText).not.toContain('severe_mental_disorder');
    expect(auditText).not.toContain('长效');

    const seen = (await co.get(`/api/v1/care-files/${id}`)).body;
    expect(seen.members[0].conditions.map((c: { kind: string }) => c.kind).sort()).toEqual(['chronic_illness', 'severe_mental_disorder']);
    const reads = await ctx.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'care_condition.read_restricted')));
    expect(reads).toHaveLength(1);
    expect(reads[0]!.actorId).toBe(co.user.id);

    const secretary = await signedIn(ctx, [['community_secretary', tree.communityA1]]);
    const workerA = await login(ctx.app, places.workers.primaryA.username);
    for (const other of [secretary, workerA]) {
      const res = await other.get(`/api/v1/care-files/${id}`);
      expect(res.status).toBe(200);
      expect(res.body.members[0].conditions.map((c: { kind: string }) => c.kind)).toEqual(['chronic_illness']);
      expect(JSON.stringify(res.body)).not.toMatch(/severe_mental_disorder|长效|restricted/);
      expect((await other.get('/api/v1/care-files?condition=severe_mental_disorder&limit=200')).body.items).toEqual([]);
      const exported = await other.get('/api/v1/care-files/export?condition=chronic_illness');
      expect(exported.status).toBe(200);
      const text = await xlsxText(exported.raw.rawPayload);
      expect(text).toContain('慢性病');
      expect(text).not.toContain('严重精神障碍');
    }
    const found = (await co.get('/api/v1/care-files?condition=severe_mental_disorder&limit=200')).body.items.map((f: { id: string }) => f.id);
    expect(found).toContain(id);
    const officerExport = await xlsxText((await co.get('/api/v1/care-files/export?condition=severe_mental_disorder')).raw.rawPayload);
    expect(officerExport).toContain('严重精神障碍');
    expect((await co.get('/api/v1/care/stats')).body.restricted.severeMentalDisorder).toBeGreaterThanOrEqual(1);
  });

  it('a grid worker or secretary cannot record a restricted condition (403) and nothing is written', async () => {
    const co = await officer();
    const { home, head } = await needyHousehold(ctx, places, 0);
    const id = await openFile(co, home.id);
    const secretary = await signedIn(ctx, [['community_secretary', tree.communityA1]]);
    const workerA = await login(ctx.app, places.workers.primaryA.username);
    for (const other of [secretary, workerA]) {
      expect((await other.post(`/api/v1/care-files/${id}/conditions`, { residentId: head.id, kind: 'severe_mental_disorder' })).status).toBe(403);
    }
    expect(await count(ctx, 'care_condition', 'care_file_id = $1', [id])).toBe(0);
  });

  it('a restricted condition cannot be changed by someone who cannot see it (404)', async () => {
    const co = await officer();
    const { home, head } = await needyHousehold(ctx, places, 0);
    const id = await openFile(co, home.id);
    const cond = (await co.post(`/api/v1/care-files/${id}/conditions`, { residentId: head.id, kind: 'severe_mental_disorder' })).body;
    const secretary = await signedIn(ctx, [['community_secretary', tree.communityA1]]);
    expect((await secretary.patch(`/api/v1/care-files/${id}/conditions/${cond.id}`, { version: 1, status: 'resolved' })).status).toBe(404);
    const resolved = await co.patch(`/api/v1/care-files/${id}/conditions/${cond.id}`, { version: 1, status: 'resolved', detail: '病情稳定' });
    expect(resolved.body).toMatchObject({ status: 'resolved', detail: '病情稳定', kind: 'severe_mental_disorder' });
  });

  it('a condition for someone outside the household is refused (400)', async () => {
    const co = await officer();
    const id = await openFile(co, (await needyHousehold(ctx, places, 0)).home.id);
    const stranger = (await needyHousehold(ctx, places, 1)).head;
    const res = await co.post(`/api/v1/care-files/${id}/conditions`, { residentId: stranger.id, kind: 'chronic_illness' });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].code).toBe('not_a_member');
  });
});
