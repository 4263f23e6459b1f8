import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTree, signedIn, type TestContext, type TestTree } from '../../test/harness';
import { createHousehold, createPlaces, createResident, type TestPlaces } from '../../test/places-factory';
import { createRng, idNumber, mobilePhone } from '../../seed/random';
import { multipart, xlsxParts, zipOf } from './places.testing';
import { importColumns } from './residents.xlsx';

let ctx: TestContext;
let tree: TestTree;
let places: TestPlaces;
const rng = createRng('import-test');
const heads = importColumns.map((c) => c.head);

beforeAll(async () => {
  ctx = await createTestApp();
  tree = await createTree(ctx.database);
  places = await createPlaces(ctx.database, tree.communityA1);
});
afterAll(() => ctx.close());

async function xlsx(rows: unknown[][], head: string[] = heads): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('居民信息');
  ws.addRow(head);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const person = (room: string, relation: string, name: string, birth = '1950-03-15', gender: 'male' | 'female' = 'female', extra: Partial<Record<'phone' | 'tags' | 'birthDate', unknown>> = {}) => {
  const id = idNumber(rng, '350602', new Date(`${birth}T00:00:00Z`), gender);
  return { id, row: [places.estateName, '1号楼', '1单元', room, relation, name, id, gender === 'male' ? '男' : '女', extra.birthDate ?? null, extra.phone ?? mobilePhone(rng), '汉族', '群众', '常住', extra.tags ?? '', ''] };
};

async function upload(c: { cookie: string | null }, file: Buffer, query: string) {
  const body = multipart(file);
  const res = await ctx.app.inject({ method: 'POST', url: `/api/v1/residents/import?${query}`, headers: { ...body.headers, cookie: c.cookie! }, payload: body.payload });
  return { status: res.statusCode, body: JSON.parse(res.body) };
}

const countResidents = async () => (await ctx.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM resident WHERE community_id = $1`, [tree.communityA1.id]))[0]!.n;

describe('the import template', () => {
  it('has the Chinese column heads and a sheet of allowed values', async () => {
    const staff = await signedIn(ctx, [['community_staff', tree.communityA1]]);
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/residents/import-template', headers: { cookie: staff.cookie! } });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect((wb.getWorksheet('居民信息')!.getRow(1).values as unknown[]).slice(1)).toEqual(heads);
    const values = wb.getWorksheet('可选值')!;
    expect((values.getColumn(1).values as unknown[]).slice(1)).toContain('户主');
    expect((values.getRow(1).values as unknown[]).slice(1)).toContain('重点人群');
  });
});

describe('importing residents from Excel', () => {
  it('a dry run reports a clean file and writes nothing; applying it creates households with their heads', async () => {
    const staff = await signedIn(ctx, [['community_staff', tree.communityA1]]);
    const a = person('601', '户主', '陈美玲', '1945-02-03', 'female', { tags: '独居老人、低保' });
    const b = person('602', '户主', '林建国', '1952-11-30', 'male', { birthDate: '1952-11-30' });
    const c = person('602', '配偶', '黄秀英', '1954-01-20', 'female', { birthDate: new Date(Date.UTC(1954, 0, 20)) });
    const file = await xlsx([a.row, b.row, c.row]);
    const before = await countResidents();
    const dry = await upload(staff, file, `communityId=${tree.communityA1.id}&dryRun=true`);
    expect(dry).toEqual({ status: 200, body: { total: 3, valid: 3, errors: [] } });
    expect(await countResidents()).toBe(before);
    const applied = await upload(staff, file, `communityId=${tree.communityA1.id}`);
    expect(applied.status).toBe(200);
    expect(applied.body).toMatchObject({ total: 3, valid: 3, imported: 3 });
    expect(await countResidents()).toBe(before + 3);
    const found = (await staff.get(`/api/v1/residents?q=${b.id}`)).body.items;
    expect(found).toHaveLength(1);
    const household = (await staff.get(`/api/v1/households/${found[0].householdId}`)).body;
    expect(household).toMatchObject({ headName: '林建国', memberCount: 2, room: '602' });
    const chen = (await staff.get(`/api/v1/residents?q=${a.id}`)).body.items[0];
    expect(chen).toMatchObject({ gender: 'female', birthDate: '1945-02-03', tags: ['elderly_alone', 'dibao'] });
    expect(chen.idNumber).toBe(`350***********${a.id.slice(-4)}`);
  });

  it('lists every bad row with its column and reason; applying refuses with 422 and writes nothing', async () => {
    const staff = await signedIn(ctx, [['community_staff', tree.communityA1]]);
    const existing = await createResident(ctx.database, tree.communityA1.id, await createHousehold(ctx.database, places, 0));
    const ok = person('701', '户主', '周杰');
    const badCheck = person('702', '户主', '吴磊');
    badCheck.row[6] = String(badCheck.row[6]).slice(0, 17) + (String(badCheck.row[6]).endsWith('0') ? '1' : '0');
    const dupInFile = person('703', '户主', '郑爽');
    dupInFile.row[6] = ok.id;
    const dupInDb = person('704', '户主', '王伟');
    dupInDb.row[6] = existing.idNumber;
    const unknownBuilding = person('705', '户主', '冯军');
    unknownBuilding.row[1] = '99号楼';
    const badDate = person('706', '户主', '何平', '1960-01-01', 'female', { birthDate: '1960-13-45' });
    const missingName = person('707', '户主', '');
    const formula = person('708', '户主', '罗兰');
    formula.row[9] = { formula: '1+1', result: 2 };
    const badTag = person('709', '户主', '梁静', '1950-03-15', 'female', { tags: '独居老人、富豪' });
    const twoHeads = person('701', '户主', '周杰伦');
    const rows = [ok, badCheck, dupInFile, dupInDb, unknownBuilding, badDate, missingName, formula, badTag, twoHeads].map((p) => p.row);
    const before = await countResidents();
    const dry = await upload(staff, await xlsx(rows), `communityId=${tree.communityA1.id}&dryRun=true`);
    expect(dry.status).toBe(200);
    const byRow = Object.fromEntries(dry.body.errors.map((e: { row: number; column: string; code: string }) => [`${e.row}`, `${e.column}:${e.code}`]));
    expect(byRow).toEqual({
      3: '身份证号码:id_number_checksum',
      4: '身份证号码:duplicate_in_file',
      5: '身份证号码:id_number_taken',
      6: '楼栋:unknown_building',
      7: '出生日期:invalid_date',
      8: '姓名:required',
      9: '联系电话:formula_not_allowed',
      10: '重点人群:unknown_value',
      11: '与户主关系:household_has_head',
    });
    expect(dry.body).toMatchObject({ total: 10, valid: 1 });
    expect(dry.body.errors[0].message).toBe('身份证号码校验位不正确');
    const applied = await upload(staff, await xlsx(rows), `communityId=${tree.communityA1.id}`);
    expect(applied.status).toBe(422);
    expect(applied.body.error.code).toBe('import_invalid');
    expect(applied.body.error.details.errors).toEqual(dry.body.errors);
    expect(await countResidents()).toBe(before);
  });

  it('refuses wrong column heads', async () => {
    const staff = await signedIn(ctx, [['community_staff', tree.communityA1]]);
    const res = await upload(staff, await xlsx([person('801', '户主', '甲').row], ['姓名', ...heads.slice(1)]), `communityId=${tree.communityA1.id}&dryRun=true`);
    expect(res.body.errors).toEqual([{ row: 1, column: null, code: 'wrong_heads', message: '表头与模板不一致，请使用下载的模板' }]);
  });

  it('refuses files that are not xlsx, too large, zip bombs and lying zips — never a 500', async () => {
    const staff = await signedIn(ctx, [['community_staff', tree.communityA1]]);
    const q = `communityId=${tree.communityA1.id}&dryRun=true`;
    const notXlsx = await upload(staff, Buffer.from('姓名,身份证号\n张三,1\n'), q);
    expect(notXlsx.status).toBe(400);
    expect(notXlsx.body.error.details[0].code).toBe('not_xlsx');
    const big = await upload(staff, Buffer.alloc(21 * 1024 * 1024, 1), q);
    expect(big.status).toBe(413);
    const spaces = Buffer.alloc(60 * 1024 * 1024, 0x20);
    const bomb = await upload(staff, zipOf(xlsxParts(spaces)), q);
    expect(bomb.body.error.details[0].code).toBe('file_unsafe');
    const liar = await upload(staff, zipOf(xlsxParts(spaces).map((e) => (e.name.includes('sheet1') ? { ...e, declaredSize: 1000 } : e))), q);
    expect(liar.body.error.details[0].code).toBe('file_unsafe');
    const broken = await upload(staff, zipOf(xlsxParts(Buffer.from('<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>x'))), q);
    expect([200, 400]).toContain(broken.status);
  });

  it('a sheet with 1,048,576 rows is refused as too many rows', async () => {
    const staff = await signedIn(ctx, [['community_staff', tree.communityA1]]);
    const parts: string[] = ['<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'];
    parts.push(`<row r="1">${heads.map((h, i) => `<c r="${String.fromCharCode(65 + i)}1" t="inlineStr"><is><t>${h}</t></is></c>`).join('')}</row>`);
    for (let r = 2; r <= 1_048_576; r++) parts.push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>x</t></is></c></row>`);
    parts.push('</sheetData></worksheet>');
    const file = zipOf(xlsxParts(Buffer.from(parts.join(''))));
    expect(file.length).toBeLessThan(20 * 1024 * 1024);
    const res = await upload(staff, file, `communityId=${tree.communityA1.id}&dryRun=true`);
    expect(res.status).toBe(200);
    expect(res.body.errors.map((e: { code: string }) => e.code)).toEqual(['too_many_rows']);
  }, 180_000);

  it('a failure while applying leaves nothing behind (one transaction)', async () => {
    const staff = await signedIn(ctx, [['community_staff', tree.communityA1]]);
    const audit = ctx.app.ctx.audit;
    const original = audit.record;
    audit.record = async (tx, actor, entry) => {
      if (entry.action === 'resident.import') throw new Error('process killed');
      return original(tx, actor, entry);
    };
    const before = await countResidents();
    try {
      const res = await upload(staff, await xlsx([person('901', '户主', '甲乙').row, person('902', '户主', '丙丁').row]), `communityId=${tree.communityA1.id}`);
      expect(res.status).toBe(500);
    } finally {
      audit.record = original;
    }
    expect(await countResidents()).toBe(before);
    expect((await ctx.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM household WHERE room IN ('901', '902')`))[0]!.n).toBe(0);
  });

  it('only those who may import can (grid worker, street staff → 403; another community → 404)', async () => {
    const file = await xlsx([person('1001', '户主', '甲').row]);
    for (const [role, org] of [['grid_worker', places.gridA], ['street_staff', tree.streetA]] as const) {
      const c = await signedIn(ctx, [[role, org]]);
      expect((await upload(c, file, `communityId=${tree.communityA1.id}&dryRun=true`)).status).toBe(403);
    }
    const other = await signedIn(ctx, [['community_staff', tree.communityB1]]);
    expect((await upload(other, file, `communityId=${tree.communityA1.id}&dryRun=true`)).status).toBe(404);
  });
});

describe('exporting residents', () => {
  async function download(c: { cookie: string | null }, query: string) {
    const res = await ctx.app.inject({ method: 'GET', url: `/api/v1/residents/export?${query}`, headers: { cookie: c.cookie! } });
    if (res.statusCode !== 200) return { status: res.statusCode, rows: [] as unknown[][], body: JSON.parse(res.body) };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    wb.worksheets[0]!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    return { status: res.statusCode, rows, body: null };
  }

  it('exports the filtered list masked, with formula-looking text escaped', async () => {
    const home = await createHousehold(ctx.database, places, 2);
    const r = await createResident(ctx.database, tree.communityA1.id, home, { name: '=HYPERLINK("x")', tags: ['veteran'] });
    const staff = await signedIn(ctx, [['community_staff', tree.communityA1]]);
    const res = await download(staff, `buildingId=${places.buildings[2]!.id}&tags=veteran`);
    expect(res.status).toBe(200);
    expect(res.rows[0]).toContain('身份证号码');
    const row = res.rows.find((x) => String(x[1]).includes('HYPERLINK'))!;
    expect(row[1]).toBe(`'=HYPERLINK("x")`);
    expect(row[5]).toBe(`${r.idNumber.slice(0, 3)}***********${r.idNumber.slice(-4)}`);
    expect(String(row[6])).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(row[9]).toBe('退役军人');
  });

  it('reveals clear values only with the permission and a reason, and audits the export', async () => {
    const home = await createHousehold(ctx.database, places, 2);
    const r = await createResident(ctx.database, tree.communityA1.id, home, { name: '秦明', tags: ['disabled'] });
    const staff = await signedIn(ctx, [['community_staff', tree.communityA1]]);
    expect((await download(staff, `householdId=${home.id}&reveal=true`)).status).toBe(400);
    const res = await download(staff, `householdId=${home.id}&reveal=true&reason=${encodeURIComponent('残联核对名单')}`);
    expect(res.rows[1]![5]).toBe(r.idNumber);
    expect(res.rows[1]![6]).toBe(r.phone);
    const [entry] = await ctx.database.query<{ reason: string; changes: { revealed: boolean } }>(`SELECT reason, changes FROM audit_log WHERE action = 'resident.export' AND actor_id = $1`, [staff.user.id]);
    expect(entry).toMatchObject({ reason: '残联核对名单', changes: { revealed: true } });
    const street = await signedIn(ctx, [['street_staff', tree.streetA]]);
    expect((await download(street, `householdId=${home.id}`)).rows).toHaveLength(2);
    expect((await download(street, `householdId=${home.id}&reveal=true&reason=${encodeURIComponent('核对')}`)).status).toBe(403);
    const worker = await signedIn(ctx, [['grid_worker', places.gridB]]);
    expect((await download(worker, `householdId=${home.id}`)).status).toBe(403);
  });
});
