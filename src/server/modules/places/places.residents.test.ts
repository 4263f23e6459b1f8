import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/db/tables/audit';
import { createTestApp, createTree, signedIn, type TestContext, type TestTree } from '../../test/harness';
import { createHousehold, createPlaces, createResident, type TestPlaces } from '../../test/places-factory';
import { createRng, idNumber } from '../../seed/random';
import { resident } from './places.tables';

let ctx: TestContext;
let tree: TestTree;
let places: TestPlaces;
const rng = createRng('residents-test');
const newId = (birth = '1950-03-15', gender: 'male' | 'female' = 'male') => idNumber(rng, '410302', new Date(`${birth}T00:00:00Z`), gender);

beforeAll(async () => {
  ctx = await createTestApp();
  tree = await createTree(ctx.database);
  places = await createPlaces(ctx.database, tree.communityA1);
});
afterAll(() => ctx.close());

async function countResidents() {
  return (await ctx.database.query<{ n: number }>('SELECT count(*)::int AS n FROM resident'))[0]!.n;
}

describe('registering a resident', () => {
  it('staff add a resident: birth date and gender come from the ID number; ID and phone are masked everywhere', async () => {
    const staff = await signedIn(ctx, [['community_staff', tree.communityA1]]);
    const home = (await staff.post('/api/v1/households', { buildingId: places.buildings[0]!.id, entranceId: places.buildings[0]!.entranceId, room: '301' })).body;
    const id = newId('1948-07-01', 'male');
    const res = await staff.post('/api/v1/residents', { householdId: home.id, relationToHead: 'head', name: '张三', idNumber: id, phone: '138 0000 1234', tags: ['elderly_alone'], ethnicity: '汉族', politicalStatus: 'party_member' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: '张三', gender: 'male', birthDate: '1948-07-01', phone: '138****1234', idNumber: `${id.slice(0, 3)}***********${id.slice(-4)}`, gridId: places.gridA.id, buildingId: places.buildings[0]!.id });
    expect(res.body.history).toHaveLength(1);
    const household = (await staff.get(`/api/v1/households/${home.id}`)).body;
    expect(household).toMatchObject({ headResidentId: res.body.id, headName: '张三', memberCount: 1 });
    expect(household.members[0].phone).toBe('138****1234');
    const audit = await ctx.database.db.select().from(auditLog).where(eq(auditLog.entityId, res.body.id));
    const text = JSON.stringify(audit);
    expect(text).not.toContain(id);
    expect(text).not.toContain('13800001234');
    expect(text).not.toContain('张三');
    const [row] = await ctx.database.db.select().from(resident).where(eq(resident.id, res.body.id));
    expect(row!.idNumberEnc).not.toContain(id);
  });

  it('refuses a bad check digit, a birth date that contradicts the ID, and a bad phone — writing nothing', async () => {
    const staff = await signedIn(ctx, [['community_staff', tree.communityA1]]);
    const home = await createHousehold(ctx.database, places, 0);
    const before = await countResidents();
    const good = newId('1960-01-02', 'female');
    const badCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const r1 = await staff.post('/api/v1/residents', { householdId: home.id, relationToHead: 'spouse', name: '李四', idNumber: badCheck });
    expect(r1.status).toBe(400);
    expect(r1.body.error.details[0]).toMatchObject({ field: 'body.idNumber', code: 'id_number_checksum', message: '身份证号码校验位不正确' });
    const r2 = await staff.post('/api/v1/residents', { householdId: home.id, relationToHead: 'spouse', name: '李四', idNumber: good, birthDate: '1960-01-03' });
    expect(r2.body.error.details[0]).toMatchObject({ field: 'body.birthDate', code: 'birth_date_mismatch' });
    const r3 = await staff.post('/api/v1/residents', { householdId: home.id, relationToHead: 'spouse', name: '李四', idNumber: good, phone: '12345' });
    expect(r3.body.error.details[0]).toMatchObject({ field: 'body.phone', code: 'phone_format' });
    const r4 = await staff.post('/api/v1/residents', { householdId: home.id, relationToHead: 'spouse', name: '李四' });
    expect(r4.body.error.details[0].code).toBe('gender_birth_required');
    expect(await countResidents()).toBe(before);
  });

  it('one ID number is one person in a community (409), and a household has one head', async () => {
    const staff = await signedIn(ctx, [['community_staff', tree.communityA1]]);
    const home = await createHousehold(ctx.database, places, 1);
    const id = newId('1970-05-05', 'female');
    expect((await staff.post('/api/v1/residents', { householdId: home.id, relationToHead: 'head', name: '王芳', idNumber: id })).status).toBe(201);
    const dup = await staff.post('/api/v1/residents', { householdId: home.id, relationToHead: 'child', name: '王芳', idNumber: id.toLowerCase() });
    expect(dup.status).toBe(409);
    expect(dup.body.error.details[0].code).toBe('id_number_taken');
    const second = await staff.post('/api/v1/residents', { householdId: home.id, relationToHead: 'head', name: '王强', gender: 'male', birthDate: '1969-01-01' });
    expect(second.status).toBe(400);
    expect(second.body.error.details[0].code).toBe('household_has_head');
  });

  it('editing checks the version and re-derives birth date from a corrected ID number', async () => {
    const staff = await signedIn(ctx, [['community_staff', tree.communityA1]]);
    const home = await createHousehold(ctx.database, places, 0);
    const created = (await staff.post('/api/v1/residents', { householdId: home.id, relationToHead: 'head', name: '赵敏', gender: 'female', birthDate: '1980-01-01' })).body;
    const id = newId('1981-02-03', 'female');
    const res = await staff.patch(`/api/v1/residents/${created.id}`, { version: created.version, idNumber: id, tags: ['disabled'] });
    expect(res.body).toMatchObject({ birthDate: '1981-02-03', tags: ['disabled'], version: created.version + 1 });
    expect((await staff.patch(`/api/v1/residents/${created.id}`, { version: created.version, notes: 'x' })).status).toBe(409);
  });
});

describe('moving house keeps one identity', () => {
  it('a resident moves to another household: same id, old membership closed, history of both', async () => {
    const staff = await signedIn(ctx, [['community_staff', tree.communityA1]]);
    const from = await createHousehold(ctx.database, places, 0);
    const to = await createHousehold(ctx.database, places, 2);
    const r = await createResident(ctx.database, tree.communityA1.id, from, { name: '孙悦', relationToHead: 'head' });
    const v = (await staff.get(`/api/v1/residents/${r.id}`)).body.version;
    const moved = await staff.post(`/api/v1/residents/${r.id}/move`, { version: v, householdId: to.id, relationToHead: 'tenant' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ id: r.id, householdId: to.id, gridId: places.gridB.id, relationToHead: 'tenant' });
    expect(moved.body.history).toHaveLength(2);
    expect(moved.body.history[1].leftAt).not.toBeNull();
    const old = (await staff.get(`/api/v1/households/${from.id}`)).body;
    expect(old.members).toHaveLength(0);
    expect(old.formerMembers.map((m: { id: string }) => m.id)).toEqual([r.id]);
    // The grid worker of the old grid no longer sees them; the new grid's worker does.
    const workerA = await signedIn(ctx, [['grid_worker', places.gridA]]);
    const workerB = await signedIn(ctx, [['grid_worker', places.gridB]]);
    expect((await workerA.get(`/api/v1/residents/${r.id}`)).status).toBe(404);
    expect((await workerB.get(`/api/v1/residents/${r.id}`)).status).toBe(200);
  });
});

describe('who sees which residents', () => {
  it('grid worker: residents of their grid only (another grid or community → 404)', async () => {
    const mine = await createResident(ctx.database, tree.communityA1.id, await createHousehold(ctx.database, places, 0));
    const theirs = await createResident(ctx.database, tree.communityA1.id, await createHousehold(ctx.database, places, 2));
    const worker = await signedIn(ctx, [['grid_worker', places.gridA]]);
    expect((await worker.get(`/api/v1/residents/${mine.id}`)).status).toBe(200);
    expect((await worker.get(`/api/v1/residents/${theirs.id}`)).status).toBe(404);
    const list = (await worker.get('/api/v1/residents?limit=200')).body.items;
    expect(list.every((r: { gridId: string }) => r.gridId === places.gridA.id)).toBe(true);
    const other = await signedIn(ctx, [['community_staff', tree.communityB1]]);
    expect((await other.get(`/api/v1/residents/${mine.id}`)).status).toBe(404);
    expect((await other.post(`/api/v1/residents/${mine.id}/reveal`, { field: 'phone', reason: '回访' })).status).toBe(404);
  });

  it('street staff see their street (masked) but cannot reveal (403)', async () => {
    const r = await createResident(ctx.database, tree.communityA1.id, await createHousehold(ctx.database, places, 0));
    const street = await signedIn(ctx, [['street_staff', tree.streetA]]);
    const got = await street.get(`/api/v1/residents/${r.id}`);
    expect(got.status).toBe(200);
    expect(got.body.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect((await street.post(`/api/v1/residents/${r.id}/reveal`, { field: 'phone', reason: '核实' })).status).toBe(403);
    const otherStreet = await signedIn(ctx, [['street_staff', tree.streetB]]);
    expect((await otherStreet.get(`/api/v1/residents/${r.id}`)).status).toBe(404);
  });

  it.each(['sys_admin', 'security_admin', 'audit_admin'] as const)('%s reads no resident data at all (403)', async (role) => {
    const admin = await signedIn(ctx, [[role, tree.district]]);
    expect((await admin.get('/api/v1/residents')).status).toBe(403);
    expect((await admin.get('/api/v1/households')).status).toBe(403);
    expect((await admin.get('/api/v1/residents/export')).status).toBe(403);
  });
});

describe('revealing an ID number or phone', () => {
  it('needs a reason; returns the clear value and audits who, whom, which field and why', async () => {
    const r = await createResident(ctx.database, tree.communityA1.id, await createHousehold(ctx.database, places, 0));
    const worker = await signedIn(ctx, [['grid_worker', places.gridA]]);
    expect((await worker.post(`/api/v1/residents/${r.id}/reveal`, { field: 'phone' })).status).toBe(400);
    const res = await worker.post(`/api/v1/residents/${r.id}/reveal`, { field: 'idNumber', reason: '办理高龄补贴' });
    expect(res.body).toEqual({ field: 'idNumber', value: r.idNumber });
    const [entry] = await ctx.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'resident.reveal'), eq(auditLog.entityId, r.id)));
    expect(entry).toMatchObject({ actorId: worker.user.id, reason: '办理高龄补贴', changes: { field: 'idNumber' } });
    expect(JSON.stringify(entry)).not.toContain(r.idNumber);
  });

  it('too many reveals in an hour raise one alert that the security admin sees', async () => {
    const sec = await signedIn(ctx, [['security_admin', tree.district]]);
    const r = await createResident(ctx.database, tree.communityA1.id, await createHousehold(ctx.database, places, 0));
    const curious = await signedIn(ctx, [['community_staff', tree.communityA1]]);
    for (let i = 0; i < 22; i++) expect((await curious.post(`/api/v1/residents/${r.id}/reveal`, { field: 'phone', reason: `核对${i}` })).status).toBe(200);
    const alerts = (await sec.get('/api/v1/reveal-alerts')).body.items.filter((a: { accountId: string }) => a.accountId === curious.user.id);
    expect(alerts).toHaveLength(1);
    expect(alerts[0].reveals).toBeGreaterThan(20);
    const inbox = (await sec.get('/api/v1/notifications')).body.items;
    expect(inbox.some((n: { kind: string }) => n.kind === 'places.reveal_alert')).toBe(true);
    expect((await curious.get('/api/v1/reveal-alerts')).status).toBe(403);
  });
});

describe('searching residents', () => {
  let staff: Awaited<ReturnType<typeof signedIn>>;
  let zhang: Awaited<ReturnType<typeof createResident>>;
  beforeAll(async () => {
    const c = await createTree(ctx.database);
    tree = { ...tree, communityA2: c.communityA2 };
    const p = await createPlaces(ctx.database, c.communityA2);
    staff = await signedIn(ctx, [['community_staff', c.communityA2]]);
    const h1 = await createHousehold(ctx.database, p, 0, '201');
    const h2 = await createHousehold(ctx.database, p, 2, '502');
    zhang = await createResident(ctx.database, c.communityA2.id, h1, { name: '张三', birthDate: '1940-01-01', gender: 'male', tags: ['elderly_alone'] });
    await createResident(ctx.database, c.communityA2.id, h1, { name: '张三丰', birthDate: '1990-06-01', gender: 'male', relationToHead: '子' });
    await createResident(ctx.database, c.communityA2.id, h2, { name: '李小红', birthDate: '2015-06-01', tags: ['left_behind_child'], residency: 'floating' });
    await createResident(ctx.database, c.communityA2.id, h2, { name: '欧阳明', birthDate: '1958-09-09', gender: 'male', tags: ['empty_nest', 'veteran'] });
  });
  const names = (res: { body: { items: { name: string }[] } }) => res.body.items.map((r) => r.name).sort();

  it('by Chinese name, full pinyin and initials (zs finds 张三)', async () => {
    expect(names(await staff.get(`/api/v1/residents?q=${encodeURIComponent('张三')}`))).toEqual(['张三', '张三丰']);
    expect(names(await staff.get('/api/v1/residents?q=zs'))).toEqual(['张三', '张三丰']);
    expect(names(await staff.get('/api/v1/residents?q=zhangsanf'))).toEqual(['张三丰']);
    expect(names(await staff.get(`/api/v1/residents?q=${encodeURIComponent('阳明')}`))).toEqual([]);
    expect(names(await staff.get(`/api/v1/residents?q=${encodeURIComponent('欧阳明')}`))).toEqual(['欧阳明']);
  });

  it('by the exact full ID number or phone (blind index), and by address', async () => {
    expect(names(await staff.get(`/api/v1/residents?q=${zhang.idNumber}`))).toEqual(['张三']);
    expect(names(await staff.get(`/api/v1/residents?q=${zhang.idNumber.slice(0, 17)}`))).toEqual([]);
    expect(names(await staff.get(`/api/v1/residents?q=${zhang.phone}`))).toEqual(['张三']);
    expect(names(await staff.get(`/api/v1/residents?q=${encodeURIComponent('3号楼 502')}`))).toEqual(['李小红', '欧阳明']);
  });

  it('filters by tags, age range, residency and building', async () => {
    expect(names(await staff.get('/api/v1/residents?tags=elderly_alone,empty_nest'))).toEqual(['张三', '欧阳明']);
    expect(names(await staff.get('/api/v1/residents?ageMin=60'))).toEqual(['张三', '欧阳明']);
    expect(names(await staff.get('/api/v1/residents?ageMax=17'))).toEqual(['李小红']);
    expect(names(await staff.get('/api/v1/residents?residency=floating'))).toEqual(['李小红']);
    expect((await staff.get('/api/v1/residents?tags=unknown_tag')).status).toBe(400);
    expect((await staff.get('/api/v1/residents?ageMin=70&ageMax=60')).status).toBe(400);
    expect((await staff.get('/api/v1/residents?sort=name')).status).toBe(400);
  });

  it('pages by cursor without repeating anyone', async () => {
    const first = await staff.get('/api/v1/residents?limit=3');
    expect(first.body.items).toHaveLength(3);
    const second = await staff.get(`/api/v1/residents?limit=3&cursor=${first.body.nextCursor}`);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    expect(new Set([...first.body.items, ...second.body.items].map((r: { id: string }) => r.id)).size).toBe(4);
    expect((await staff.get('/api/v1/residents?cursor=garbage')).status).toBe(400);
    expect((await staff.get('/api/v1/residents?limit=201')).status).toBe(400);
  });
});
