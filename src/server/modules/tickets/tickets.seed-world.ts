/**
 * The places a demo community's tickets hang on. The places seeder normally created grids with AB
 * duty, buildings and residents already; when it has not (or not for this community), a small
 * three-level grid with duty workers and a few estates is created here so that tickets can be routed.
 */
import { sql } from 'drizzle-orm';
import { newId } from '../../platform/db/columns';
import { rows, type Tx } from '../../platform/db/client';
import { account, roleAssignment } from '../../platform/db/tables/auth';
import { orgNode } from '../../platform/db/tables/org';
import { chineseName, type Rng } from '../../seed/random';
import { demoPasswordHash } from '../../seed/demo-district';
import { namePinyin } from '../places/places.pinyin';
import { building, estate, grid, gridDuty, household, householdMembership, resident } from '../places/places.tables';

export interface Person {
  id: string;
  name: string;
}

export interface World {
  communityId: string;
  buildings: Array<{ id: string; gridId: string; label: string }>;
  /** Per level-3 grid: the primary worker and the grid leader above it. */
  duty: Map<string, { primary: Person | null; leader: string | null }>;
  residents: Array<{ id: string; name: string; accountId: string | null }>;
}

export interface FallbackSpec {
  /** Username prefix of the duty workers created when none exist (`yw` → yw_grid1, yw_grid2 …). */
  prefix: string;
  estates: readonly string[];
  buildingsPerEstate: number;
  grids: number;
}

async function load(tx: Tx, communityId: string): Promise<World> {
  const buildings = await rows<{ id: string; grid_id: string; label: string }>(
    tx,
    sql`SELECT b.id, b.grid_id, e.name || ' ' || b.name AS label FROM building b JOIN estate e ON e.id = b.estate_id
         WHERE b.community_id = ${communityId} AND b.grid_id IS NOT NULL ORDER BY e.name, length(b.name), b.name`,
  );
  const duty = await rows<{ grid_id: string; primary_id: string | null; primary_name: string | null; leader_id: string | null }>(
    tx,
    sql`SELECT g.id AS grid_id, p.account_id AS primary_id, pa.display_name AS primary_name,
               COALESCE(l.account_id, pl.account_id) AS leader_id
          FROM org_node g
          LEFT JOIN grid_duty p ON p.grid_id = g.id AND p.duty = 'primary'
          LEFT JOIN account pa ON pa.id = p.account_id
          LEFT JOIN grid_duty l ON l.grid_id = g.id AND l.duty = 'leader'
          LEFT JOIN grid_duty pl ON pl.grid_id = g.parent_id AND pl.duty = 'leader'
         WHERE g.kind = 'grid' AND g.community_id = ${communityId}`,
  );
  const residents = await rows<{ id: string; name: string; account_id: string | null }>(
    tx,
    sql`SELECT r.id, r.name, a.id AS account_id FROM resident r LEFT JOIN account a ON a.resident_id = r.id
         WHERE r.community_id = ${communityId} AND r.status = 'active' ORDER BY r.id LIMIT 3000`,
  );
  return {
    communityId,
    buildings: buildings.map((b) => ({ id: b.id, gridId: b.grid_id, label: b.label })),
    duty: new Map(duty.map((d) => [d.grid_id, { primary: d.primary_id ? { id: d.primary_id, name: d.primary_name ?? '' } : null, leader: d.leader_id }])),
    residents: residents.map((r) => ({ id: r.id, name: r.name, accountId: r.account_id })),
  };
}

async function demoAccount(tx: Tx, username: string, displayName: string, role: 'grid_worker' | 'resident', orgId: string): Promise<string> {
  const [existing] = await rows<{ id: string }>(tx, sql`SELECT id FROM account WHERE username = ${username}`);
  const id = existing?.id ?? newId();
  if (!existing) await tx.insert(account).values({ id, username, displayName, passwordHash: await demoPasswordHash(), isDemo: true });
  await tx.insert(roleAssignment).values({ accountId: id, roleKey: role, orgId }).onConflictDoNothing();
  return id;
}

async function gridNode(tx: Tx, parent: { id: string; path: string; depth: number }, communityId: string, name: string, level: number) {
  const id = newId();
  const node = { id, path: `${parent.path}${id}/`, depth: parent.depth + 1 };
  await tx.insert(orgNode).values({ id, parentId: parent.id, kind: 'grid', name, path: node.path, depth: node.depth, communityId });
  await tx.insert(grid).values({ id, communityId, level });
  return node;
}

/** Grids (one level-1, one level-2 with its leader, N level-3 with primary and backup), estates and buildings. */
async function create(tx: Tx, rng: Rng, communityId: string, spec: FallbackSpec): Promise<void> {
  const [community] = await rows<{ path: string; depth: number; name: string }>(tx, sql`SELECT path, depth, name FROM org_node WHERE id = ${communityId}`);
  const top = await gridNode(tx, { id: communityId, path: community!.path, depth: community!.depth }, communityId, `${community!.name}一级网格`, 1);
  const mid = await gridNode(tx, top, communityId, `${community!.name}二级网格`, 2);
  const leaderId = await demoAccount(tx, `${spec.prefix}_leader`, chineseName(rng, 'male'), 'grid_worker', mid.id);
  await tx.insert(gridDuty).values({ communityId, gridId: mid.id, accountId: leaderId, duty: 'leader' });
  const leaves: string[] = [];
  for (let i = 1; i <= spec.grids; i++) {
    const leaf = await gridNode(tx, mid, communityId, `第${i}网格`, 3);
    const primary = await demoAccount(tx, `${spec.prefix}_grid${i * 2 - 1}`, chineseName(rng, rng.chance(0.6) ? 'female' : 'male'), 'grid_worker', leaf.id);
    const backup = await demoAccount(tx, `${spec.prefix}_grid${i * 2}`, chineseName(rng, rng.chance(0.6) ? 'female' : 'male'), 'grid_worker', leaf.id);
    await tx.insert(gridDuty).values([
      { communityId, gridId: leaf.id, accountId: primary, duty: 'primary' },
      { communityId, gridId: leaf.id, accountId: backup, duty: 'backup' },
    ]);
    leaves.push(leaf.id);
  }
  let n = 0;
  for (const name of spec.estates) {
    const estateId = newId();
    await tx.insert(estate).values({ id: estateId, communityId, name }).onConflictDoNothing();
    const [e] = await rows<{ id: string }>(tx, sql`SELECT id FROM estate WHERE community_id = ${communityId} AND name = ${name}`);
    const values = Array.from({ length: spec.buildingsPerEstate }, (_, i) => ({ id: newId(), communityId, estateId: e!.id, gridId: leaves[n++ % leaves.length]!, name: `${i + 1}号楼`, floors: rng.int(6, 18) }));
    await tx.insert(building).values(values).onConflictDoNothing();
  }
}

/** The community's world for tickets, creating fallback places when the community has no gridded buildings. */
export async function worldOf(tx: Tx, rng: Rng, communityId: string, spec: FallbackSpec): Promise<World> {
  const existing = await load(tx, communityId);
  if (existing.buildings.length > 0 && [...existing.duty.values()].some((d) => d.primary)) return existing;
  await create(tx, rng, communityId, spec);
  return load(tx, communityId);
}

/** A demo resident account living in a building (linked to a resident record), unless it exists. */
export async function demoResident(tx: Tx, world: World, username: string, name: string, buildingId: string): Promise<{ accountId: string; residentId: string }> {
  const [existing] = await rows<{ id: string; resident_id: string | null }>(tx, sql`SELECT id, resident_id FROM account WHERE username = ${username}`);
  if (existing?.resident_id) return { accountId: existing.id, residentId: existing.resident_id };
  const accountId = await demoAccount(tx, username, name, 'resident', world.communityId);
  const b = world.buildings.find((x) => x.id === buildingId)!;
  const householdId = newId();
  await tx.insert(household).values({ id: householdId, communityId: world.communityId, gridId: b.gridId, buildingId, room: `${username}-101` });
  const residentId = newId();
  const py = namePinyin(name);
  await tx.insert(resident).values({ id: residentId, communityId: world.communityId, gridId: b.gridId, householdId, buildingId, relationToHead: '户主', name, namePinyin: py.full, nameInitials: py.initials, gender: 'female', birthDate: '1956-04-12' });
  await tx.insert(householdMembership).values({ communityId: world.communityId, householdId, residentId, relationToHead: '户主' });
  await tx.update(account).set({ residentId }).where(sql`id = ${accountId}`);
  return { accountId, residentId };
}
