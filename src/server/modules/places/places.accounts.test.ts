import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createTestApp, createTree, login, signedIn, type TestContext, type TestTree } from '../../test/harness';
import { createHousehold, createPlaces, createResident, type TestPlaces } from '../../test/places-factory';
import { createRng, mobilePhone } from '../../seed/random';

let ctx: TestContext;
let tree: TestTree;
let places: TestPlaces;
const logLines: string[] = [];
const rng = createRng('accounts-test');
const PASSWORD = 'Green-Teapot-77';

beforeAll(async () => {
  // Demo mode: verification codes go to the server log, which this test reads.
  const stream = new Writable({ write: (chunk, _enc, done) => (logLines.push(String(chunk)), done()) });
  ctx = await createTestApp({ config: { demo: true, logLevel: 'info' }, logger: { level: 'info', stream } });
  tree = await createTree(ctx.database);
  places = await createPlaces(ctx.database, tree.communityA1);
});
afterAll(() => ctx.close());

const codeFromLog = () => {
  const line = [...logLines].reverse().find((l) => l.includes('verification code'));
  return /: (\d{6}) /.exec(line ?? '')?.[1];
};

describe('staff create a resident’s app account with an activation code', () => {
  it('the resident activates it once, signs in, and /me shows their resident record', async () => {
    const staff = await signedIn(ctx, [['community_staff', tree.communityA1]]);
    const r = await createResident(ctx.database, tree.communityA1.id, await createHousehold(ctx.database, places, 0), { name: '刘桂英' });
    const issued = await staff.post(`/api/v1/residents/${r.id}/account`, {});
    expect(issued.status).toBe(201);
    expect(issued.body.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect((await client(ctx.app).post('/api/v1/auth/login', { username: issued.body.username, password: PASSWORD })).status).toBe(401);
    const wrong = await client(ctx.app).post('/api/v1/resident-accounts/activate', { username: issued.body.username, code: 'AAAA-BBBB', password: PASSWORD });
    expect(wrong.body.error.details[0].code).toBe('activation_invalid');
    const ok = await client(ctx.app).post('/api/v1/resident-accounts/activate', { username: issued.body.username, code: issued.body.code.toLowerCase(), password: PASSWORD });
    expect(ok.status).toBe(200);
    const again = await client(ctx.app).post('/api/v1/resident-accounts/activate', { username: issued.body.username, code: issued.body.code, password: 'Other-Teapot-88' });
    expect(again.status).toBe(400);
    const me = await login(ctx.app, issued.body.username, PASSWORD);
    expect((await me.get('/api/v1/me')).body).toMatchObject({ residentId: r.id, roles: [{ role: 'resident', orgId: tree.communityA1.id }] });
    expect((await staff.post(`/api/v1/residents/${r.id}/account`, {})).status).toBe(409);
    const audit = await ctx.database.query<{ changes: unknown }>(`SELECT changes FROM audit_log WHERE action LIKE 'resident_account.%'`);
    expect(JSON.stringify(audit)).not.toContain(issued.body.code);
  });

  it('five staff clicking at once make one account', async () => {
    const staff = await signedIn(ctx, [['community_staff', tree.communityA1]]);
    const r = await createResident(ctx.database, tree.communityA1.id, await createHousehold(ctx.database, places, 0));
    const results = await Promise.all(Array.from({ length: 5 }, () => staff.post(`/api/v1/residents/${r.id}/account`, {})));
    expect(results.map((x) => `${x.status}${x.status === 201 ? '' : JSON.stringify(x.body)}`)).toEqual(Array(5).fill('201'));
    const accounts = await ctx.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM account WHERE resident_id = $1`, [r.id]);
    expect(accounts[0]!.n).toBe(1);
    // Only the last code works: each issue replaces the pending one.
    const codes = await ctx.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM activation_code WHERE resident_id = $1 AND used_at IS NULL AND expires_at > now()`, [r.id]);
    expect(codes[0]!.n).toBe(1);
  });

  it('grid workers issue codes in their grid only; street staff cannot', async () => {
    const r = await createResident(ctx.database, tree.communityA1.id, await createHousehold(ctx.database, places, 2));
    const workerA = await login(ctx.app, places.workers.primaryA.username);
    expect((await workerA.post(`/api/v1/residents/${r.id}/account`, {})).status).toBe(404);
    const street = await signedIn(ctx, [['street_staff', tree.streetA]]);
    expect((await street.post(`/api/v1/residents/${r.id}/account`, {})).status).toBe(403);
  });

  it('the contact card prints pending codes only when asked by someone who may issue them', async () => {
    const staff = await signedIn(ctx, [['community_staff', tree.communityA1]]);
    const home = await createHousehold(ctx.database, places, 1);
    const r = await createResident(ctx.database, tree.communityA1.id, home, { name: '黄秀兰' });
    const issued = (await staff.post(`/api/v1/residents/${r.id}/account`, {})).body;
    const card = await staff.get(`/api/v1/households/${home.id}/contact-card?withCodes=true`);
    expect(card.body).toContain(issued.code);
    expect(card.body).toContain('黄*兰');
    expect((await staff.get(`/api/v1/households/${home.id}/contact-card`)).body).not.toContain(issued.code);
    const street = await signedIn(ctx, [['street_staff', tree.streetA]]);
    expect((await street.get(`/api/v1/households/${home.id}/contact-card?withCodes=true`)).status).toBe(403);
  });
});

describe('self-registration with a phone and a verification code', () => {
  it('matches the resident by ID number and name, then the app shows their household', async () => {
    const home = await createHousehold(ctx.database, places, 0);
    const r = await createResident(ctx.database, tree.communityA1.id, home, { name: '郭春梅', relationToHead: 'head' });
    await createResident(ctx.database, tree.communityA1.id, home, { name: '郭小宝', relationToHead: 'child' });
    const phone = mobilePhone(rng);
    const anon = client(ctx.app);
    const sent = await anon.post('/api/v1/registration/code', { phone });
    expect(sent.body).toEqual({ sent: true, expiresInSeconds: 600 });
    const code = codeFromLog()!;
    expect(code).toMatch(/^\d{6}$/);
    expect(logLines.join('')).not.toContain(phone);
    const base = { phone, name: '郭春梅', idNumber: r.idNumber, username: 'guochunmei', password: PASSWORD };
    const wrongCode = await anon.post('/api/v1/registration', { ...base, code: code === '000000' ? '111111' : '000000' });
    expect(wrongCode.body.error.details[0].code).toBe('verification_invalid');
    const wrongName = await anon.post('/api/v1/registration', { ...base, code, name: '郭春花' });
    expect(wrongName.status).toBe(422);
    expect(wrongName.body.error.code).toBe('registration_unmatched');
    expect(JSON.stringify(wrongName.body)).not.toContain(home.id);
    const res = await anon.post('/api/v1/registration', { ...base, code });
    expect(res.status).toBe(201);
    expect((await anon.post('/api/v1/registration', { ...base, username: 'guochunmei2', code })).body.error.details[0].code).toBe('verification_invalid');
    const me = await login(ctx.app, 'guochunmei', PASSWORD);
    expect((await me.get('/api/v1/me')).body.residentId).toBe(r.id);
    const mine = (await me.get('/api/v1/me/household')).body;
    expect(mine).toMatchObject({ primary: { name: places.workers.primaryA.username }, backup: { name: places.workers.backupA.username } });
    expect(mine.members.map((m: { name: string }) => m.name).sort()).toEqual(['郭小宝', '郭春梅']);
    expect(mine.reportUrl).toContain(`/m/report?building=${places.buildings[0]!.id}`);
  });

  it('refuses a second account for the same resident, bad phones, and more than one code a minute', async () => {
    const r = await createResident(ctx.database, tree.communityA1.id, await createHousehold(ctx.database, places, 0), { name: '马丽' });
    const staff = await signedIn(ctx, [['community_staff', tree.communityA1]]);
    const issued = (await staff.post(`/api/v1/residents/${r.id}/account`, {})).body;
    await client(ctx.app).post('/api/v1/resident-accounts/activate', { username: issued.username, code: issued.code, password: PASSWORD });
    const phone = mobilePhone(rng);
    const anon = client(ctx.app);
    await anon.post('/api/v1/registration/code', { phone });
    expect((await anon.post('/api/v1/registration/code', { phone })).status).toBe(429);
    const dup = await anon.post('/api/v1/registration', { phone, code: codeFromLog(), name: '马丽', idNumber: r.idNumber, username: 'mali2026', password: PASSWORD });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('resident_account_exists');
    expect((await anon.post('/api/v1/registration/code', { phone: '0596-26312345' })).status).toBe(400);
  });

  it('five wrong tries use up a code, even the right one fails after that', async () => {
    const r = await createResident(ctx.database, tree.communityA1.id, await createHousehold(ctx.database, places, 0), { name: '冯娟' });
    const phone = mobilePhone(rng);
    const anon = client(ctx.app);
    await anon.post('/api/v1/registration/code', { phone });
    const code = codeFromLog()!;
    const base = { phone, name: '冯娟', idNumber: r.idNumber, username: 'fengjuan', password: PASSWORD };
    for (let i = 0; i < 5; i++) await anon.post("/api/v1/registration", { ...base, code, name: `冯${i}` });
    const late = await anon.post('/api/v1/registration', { ...base, code });
    expect(late.body.error.details[0].code).toBe('verification_invalid');
  });

  it('a resident without a record linked sees no household (404)', async () => {
    const lonely = await signedIn(ctx, [['resident', tree.communityA1]]);
    expect((await lonely.get('/api/v1/me/household')).status).toBe(404);
  });
});

describe('contact cards', () => {
  it('one household: grid, A and B workers with service phones, hotline, property, and a QR code to the report page', async () => {
    await ctx.database.query(`UPDATE grid_duty SET service_phone = '0371-64310001' WHERE account_id = $1`, [places.workers.primaryA.id]);
    await ctx.database.query(`UPDATE org_node SET phone = '0371-64312345' WHERE id = $1`, [tree.communityA1.id]);
    await ctx.database.query(`UPDATE account SET display_name = '<script>x</script>' WHERE id = $1`, [places.workers.backupA.id]);
    const home = await createHousehold(ctx.database, places, 0);
    const worker = await login(ctx.app, places.workers.primaryA.username);
    const res = await worker.get(`/api/v1/households/${home.id}/contact-card`);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('便民服务连心卡');
    expect(res.body).toContain('0371-64310001');
    expect(res.body).toContain('0371-64312345');
    expect(res.body).toContain('安居物业');
    expect(res.body).toContain('&lt;script&gt;');
    expect(res.body).not.toContain('<script>x');
    expect(res.body).toContain('<svg');
    const pdf = await worker.get(`/api/v1/households/${home.id}/contact-card?format=pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.raw.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const workerB = await login(ctx.app, places.workers.primaryB.username);
    expect((await workerB.get(`/api/v1/households/${home.id}/contact-card`)).status).toBe(404);
  });

  it('a whole building prints four cards to an A4 page', async () => {
    const staff = await signedIn(ctx, [['community_staff', tree.communityA1]]);
    const estate = (await staff.post('/api/v1/estates', { communityId: tree.communityA1.id, name: '连心小区' })).body;
    const b = (await staff.post('/api/v1/buildings', { estateId: estate.id, name: '5号楼', gridId: places.gridA.id })).body;
    for (let i = 1; i <= 6; i++) await staff.post('/api/v1/households', { buildingId: b.id, room: `${i}01` });
    const html = await staff.get(`/api/v1/buildings/${b.id}/contact-cards`);
    expect(html.body.match(/class="card"/g)).toHaveLength(6);
    expect(html.body.match(/class="sheet"/g)).toHaveLength(2);
    const pdf = await staff.get(`/api/v1/buildings/${b.id}/contact-cards?format=pdf`);
    expect(pdf.raw.rawPayload.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(2);
    const other = await signedIn(ctx, [['community_staff', tree.communityB1]]);
    expect((await other.get(`/api/v1/buildings/${b.id}/contact-cards`)).status).toBe(404);
  });
});
