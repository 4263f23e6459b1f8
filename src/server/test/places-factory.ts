/**
 * Test data for places and people, inserted directly (fast, no HTTP): grids with AB-post duty,
 * an estate with buildings, households and residents with encrypted personal data. Every module's
 * tests use these to build their own world; see harness.ts for org trees and users.
 */
import { randomBytes } from 'node:crypto';
import { newId } from '../platform/db/columns';
import type { Database } from '../platform/db/client';
import { maskName } from '../platform/crypto';
import { building, dutyLeave, entrance, estate, grid, gridDuty, household, householdMembership, resident } from '../modules/places/places.tables';
import { namePinyin } from '../modules/places/places.pinyin';
import { createGrid, createUser, testCrypto, type OrgRef, type TestUser } from './harness';
import { idNumber, createRng, mobilePhone } from '../seed/random';

export interface TestPlaces {
  community: OrgRef;
  grid1: OrgRef;
  grid2: OrgRef;
  /** Two level-3 grids under grid2. */
  gridA: OrgRef;
  gridB: OrgRef;
  estateId: string;
  estateName: string;
  /** Buildings 1–2 in gridA, 3 in gridB. */
  buildings: { id: string; name: string; gridId: string; entranceId: string }[];
  workers: { primaryA: TestUser; backupA: TestUser; primaryB: TestUser; backupB: TestUser; leader: TestUser };
}

async function gridRow(database: Database, org: OrgRef, community: OrgRef, level: number) {
  await database.db.insert(grid).values({ id: org.id, communityId: community.id, level });
}

/** A community's three-level grid, an estate with three buildings, and grid workers on duty. */
export async function createPlaces(database: Database, community: OrgRef): Promise<TestPlaces> {
  const tag = randomBytes(2).toString('hex');
  const grid1 = await createGrid(database, community, `一级网格${tag}`);
  await gridRow(database, grid1, community, 1);
  const grid2 = await createGrid(database, grid1, `二级网格${tag}`, community.id);
  await gridRow(database, grid2, community, 2);
  const gridA = await createGrid(database, grid2, `三级网格A${tag}`, community.id);
  const gridB = await createGrid(database, grid2, `三级网格B${tag}`, community.id);
  for (const g of [gridA, gridB]) await gridRow(database, g, community, 3);
  const workers = {
    primaryA: await createUser(database, [['grid_worker', gridA]]),
    backupA: await createUser(database, [['grid_worker', gridA]]),
    primaryB: await createUser(database, [['grid_worker', gridB]]),
    backupB: await createUser(database, [['grid_worker', gridB]]),
    leader: await createUser(database, [['grid_worker', grid2]]),
  };
  await database.db.insert(gridDuty).values([
    { communityId: community.id, gridId: gridA.id, accountId: workers.primaryA.id, duty: 'primary' },
    { communityId: community.id, gridId: gridA.id, accountId: workers.backupA.id, duty: 'backup' },
    { communityId: community.id, gridId: gridB.id, accountId: workers.primaryB.id, duty: 'primary' },
    { communityId: community.id, gridId: gridB.id, accountId: workers.backupB.id, duty: 'backup' },
    { communityId: community.id, gridId: grid2.id, accountId: workers.leader.id, duty: 'leader' },
  ]);
  const estateId = newId();
  const estateName = `幸福小区${tag}`;
  await database.db.insert(estate).values({ id: estateId, communityId: community.id, name: estateName, propertyCompany: '安居物业', propertyPhone: '0371-12345678' });
  const buildings = [];
  for (const [name, g] of [['1号楼', gridA], ['2号楼', gridA], ['3号楼', gridB]] as const) {
    const id = newId();
    await database.db.insert(building).values({ id, communityId: community.id, estateId, gridId: g.id, name, floors: 6 });
    const entranceId = newId();
    await database.db.insert(entrance).values({ id: entranceId, communityId: community.id, buildingId: id, name: '1单元' });
    buildings.push({ id, name, gridId: g.id, entranceId });
  }
  return { community, grid1, grid2, gridA, gridB, estateId, estateName, buildings, workers };
}

export async function putOnLeave(database: Database, communityId: string, accountId: string, startsOn: string, endsOn: string) {
  await database.db.insert(dutyLeave).values({ communityId, accountId, startsOn, endsOn, reason: '休假' });
}

export async function createHousehold(database: Database, places: TestPlaces, buildingIndex = 0, room = `${randomBytes(1)[0]! % 6 + 1}0${randomBytes(1)[0]! % 4 + 1}`): Promise<{ id: string; buildingId: string; gridId: string }> {
  const b = places.buildings[buildingIndex]!;
  const id = newId();
  const fullRoom = `${room}-${randomBytes(2).toString('hex')}`;
  await database.db.insert(household).values({ id, communityId: places.community.id, gridId: b.gridId, buildingId: b.id, entranceId: b.entranceId, room: fullRoom, addressText: `${places.estateName} ${b.name} 1单元 ${fullRoom}` });
  return { id, buildingId: b.id, gridId: b.gridId };
}

export interface ResidentInput {
  name?: string;
  gender?: 'male' | 'female';
  birthDate?: string;
  tags?: string[];
  idNumber?: string;
  phone?: string;
  relationToHead?: string;
  residency?: 'permanent' | 'floating';
}

const rng = createRng(`test:${process.pid}:${Date.now()}`);

/** A resident in a household (personal data encrypted and indexed as the product stores it). */
export async function createResident(database: Database, communityId: string, home: { id: string; gridId: string; buildingId?: string } | null, input: ResidentInput = {}) {
  const gender = input.gender ?? 'female';
  const birthDate = input.birthDate ?? '1950-03-15';
  const name = input.name ?? `测试${String.fromCharCode(0x4e00 + rng.int(0, 2000))}`;
  // A random county code per person, so that thousands of test residents born on one day rarely share an ID number.
  const region = `${rng.pick(['11', '31', '32', '33', '35', '37', '41', '42', '44', '51'])}${String(rng.int(1, 20)).padStart(2, '0')}${String(rng.int(1, 30)).padStart(2, '0')}`;
  const id = input.idNumber ?? idNumber(rng, region, new Date(`${birthDate}T00:00:00Z`), gender);
  const phone = input.phone ?? mobilePhone(rng);
  const py = namePinyin(name);
  const rid = newId();
  await database.db.insert(resident).values({
    id: rid,
    communityId,
    gridId: home?.gridId ?? null,
    householdId: home?.id ?? null,
    buildingId: home?.buildingId ?? null,
    relationToHead: input.relationToHead ?? '户主',
    name,
    namePinyin: py.full,
    nameInitials: py.initials,
    gender,
    birthDate,
    idNumberEnc: testCrypto.encrypt(id),
    idNumberIdx: testCrypto.blindIndex('id_number', id),
    idNumberLast4: id.slice(-4),
    phoneEnc: testCrypto.encrypt(phone),
    phoneIdx: testCrypto.blindIndex('phone', phone),
    phoneLast4: phone.slice(-4),
    residency: input.residency ?? 'permanent',
    tags: input.tags ?? [],
  });
  if (home) await database.db.insert(householdMembership).values({ communityId, householdId: home.id, residentId: rid, relationToHead: input.relationToHead ?? '户主' });
  return { id: rid, name, maskedName: maskName(name)!, idNumber: id, phone, communityId, gridId: home?.gridId ?? null, householdId: home?.id ?? null };
}

/** Links an app account to a resident record (what account matching does). */
export async function linkAccount(database: Database, accountId: string, residentId: string) {
  await database.query('UPDATE account SET resident_id = $1 WHERE id = $2', [residentId, accountId]);
}
