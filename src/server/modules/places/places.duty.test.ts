import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTree, type TestContext, type TestTree } from '../../test/harness';
import { createHousehold, createPlaces, createResident, linkAccount, putOnLeave, type TestPlaces } from '../../test/places-factory';
import { createUser } from '../../test/harness';
import { buildingInfo, dutyWorkerForGrid, gridLeaderFor, residentOfAccount } from './places.duty';

let ctx: TestContext;
let tree: TestTree;
let places: TestPlaces;
beforeAll(async () => {
  ctx = await createTestApp();
  tree = await createTree(ctx.database);
  places = await createPlaces(ctx.database, tree.communityA1);
});
afterAll(() => ctx.close());

const day = (iso: string) => new Date(`${iso}T04:00:00Z`); // noon in Asia/Shanghai

describe('AB岗: who is on duty for a grid', () => {
  it('the primary, normally', async () => {
    expect(await dutyWorkerForGrid(ctx.database.db, places.gridA.id, day('2026-12-01'))).toEqual({ accountId: places.workers.primaryA.id, duty: 'primary', standIn: false });
  });

  it('the backup while the primary is on leave (dates in the community’s zone, inclusive)', async () => {
    await putOnLeave(ctx.database, tree.communityA1.id, places.workers.primaryB.id, '2026-12-10', '2026-12-12');
    expect((await dutyWorkerForGrid(ctx.database.db, places.gridB.id, day('2026-12-09')))?.accountId).toBe(places.workers.primaryB.id);
    expect(await dutyWorkerForGrid(ctx.database.db, places.gridB.id, day('2026-12-10'))).toEqual({ accountId: places.workers.backupB.id, duty: 'backup', standIn: true });
    expect((await dutyWorkerForGrid(ctx.database.db, places.gridB.id, day('2026-12-12')))?.accountId).toBe(places.workers.backupB.id);
    // 2026-12-12 23:30 in Shanghai is still the 12th.
    expect((await dutyWorkerForGrid(ctx.database.db, places.gridB.id, new Date('2026-12-12T15:30:00Z')))?.accountId).toBe(places.workers.backupB.id);
    expect((await dutyWorkerForGrid(ctx.database.db, places.gridB.id, new Date('2026-12-12T16:30:00Z')))?.accountId).toBe(places.workers.primaryB.id);
  });

  it('the grid leader when both are away', async () => {
    await putOnLeave(ctx.database, tree.communityA1.id, places.workers.primaryA.id, '2027-01-05', '2027-01-06');
    await putOnLeave(ctx.database, tree.communityA1.id, places.workers.backupA.id, '2027-01-05', '2027-01-05');
    expect(await dutyWorkerForGrid(ctx.database.db, places.gridA.id, day('2027-01-05'))).toEqual({ accountId: places.workers.leader.id, duty: 'leader', standIn: true });
    expect((await dutyWorkerForGrid(ctx.database.db, places.gridA.id, day('2027-01-06')))?.accountId).toBe(places.workers.backupA.id);
    expect(await gridLeaderFor(ctx.database.db, places.gridA.id)).toBe(places.workers.leader.id);
  });
});

describe('buildings and residents', () => {
  it('a building knows its grid and community; an account finds its resident record', async () => {
    const info = await buildingInfo(ctx.database.db, places.buildings[2]!.id);
    expect(info).toMatchObject({ communityId: tree.communityA1.id, gridId: places.gridB.id, name: '3号楼' });
    const home = await createHousehold(ctx.database, places, 2);
    const r = await createResident(ctx.database, tree.communityA1.id, home, { name: '张三', tags: ['elderly_alone'] });
    const user = await createUser(ctx.database, [['resident', tree.communityA1]]);
    await linkAccount(ctx.database, user.id, r.id);
    expect(await residentOfAccount(ctx.database.db, user.id)).toMatchObject({ id: r.id, buildingId: places.buildings[2]!.id, gridId: places.gridB.id, tags: ['elderly_alone'] });
  });
});
