import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTree, login, signedIn, type TestContext, type TestTree } from '../../test/harness';
import { createHousehold, createPlaces, createResident, type TestPlaces } from '../../test/places-factory';

let ctx: TestContext;
let tree: TestTree;
let places: TestPlaces;
const people: Record<string, { id: string; name: string }> = {};

beforeAll(async () => {
  ctx = await createTestApp({ config: { loginRateLimit: 10_000 } });
  tree = await createTree(ctx.database);
  places = await createPlaces(ctx.database, tree.communityA1);
  const homeA = await createHousehold(ctx.database, places, 0);
  const homeB = await createHousehold(ctx.database, places, 2);
  const add = async (key: string, home: typeof homeA, birthDate: string, tags: string[]) => {
    people[key] = await createResident(ctx.database, tree.communityA1.id, home, { name: `${key}生日`, birthDate, tags });
  };
  await add('留守甲', homeA, '2016-12-05', ['left_behind_child']);
  await add('独居乙', homeA, '1950-12-20', ['elderly_alone']);
  await add('高龄丙', homeB, '1941-12-01', []);
  await add('成年丁', homeA, '1985-12-10', []);
  await add('留守戊', homeB, '2015-11-30', ['left_behind_child']);
  await add('六十不独居', homeB, '1960-12-15', []);
  const elsewhere = await createPlaces(ctx.database, tree.communityA2);
  await createResident(ctx.database, tree.communityA2.id, await createHousehold(ctx.database, elsewhere, 0), { name: '外社区生日', birthDate: '2016-12-06', tags: ['left_behind_child'] });
});
afterAll(() => ctx.close());

describe('the monthly group birthday (集体生日)', () => {
  it('lists left-behind children and elderly born in the month, by day, with the age they turn', async () => {
    const sw = await signedIn(ctx, [['social_worker', tree.communityA1]]);
    const res = await sw.get('/api/v1/care/birthdays?month=2026-12');
    expect(res.status).toBe(200);
    expect(res.body.items.map((p: { name: string; group: string; ageTurning: number }) => [p.name, p.group, p.ageTurning])).toEqual([
      ['高龄丙生日', 'elderly', 85],
      ['留守甲生日', 'left_behind_child', 10],
      ['独居乙生日', 'elderly', 76],
    ]);
    const children = (await sw.get('/api/v1/care/birthdays?month=2026-12&group=left_behind_child')).body.items;
    expect(children.map((p: { name: string }) => p.name)).toEqual(['留守甲生日']);
  });

  it('defaults to this month in the community’s zone', async () => {
    const sw = await signedIn(ctx, [['social_worker', tree.communityA1]]);
    const month = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date());
    expect((await sw.get('/api/v1/care/birthdays')).body.month).toBe(month);
  });

  it('a grid worker sees their grid only; residents cannot read the list (403); a bad month is 400', async () => {
    const workerB = await login(ctx.app, places.workers.primaryB.username);
    const names = (await workerB.get('/api/v1/care/birthdays?month=2026-12')).body.items.map((p: { name: string }) => p.name);
    expect(names).toEqual(['高龄丙生日']);
    const resident = await signedIn(ctx, [['resident', tree.communityA1]]);
    expect((await resident.get('/api/v1/care/birthdays?month=2026-12')).status).toBe(403);
    const bad = await (await signedIn(ctx, [['social_worker', tree.communityA1]])).get('/api/v1/care/birthdays?month=2026-13');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].code).toBe('month_format');
  });

  it('exports the invitation list as a spreadsheet', async () => {
    const sw = await signedIn(ctx, [['social_worker', tree.communityA1]]);
    const res = await sw.get('/api/v1/care/birthdays/export?month=2026-12');
    expect(res.status).toBe(200);
    expect(String(res.headers['content-disposition'])).toContain('filename*=UTF-8');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual(expect.arrayContaining(['姓名', '生日', '周岁', '签到']));
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getRow(2).getCell(1).value).toBe('高龄丙生日');
    expect(sheet.getRow(2).getCell(3).value).toBe('12-01');
  });
});
