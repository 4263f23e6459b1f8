/**
 * Demo people of the party seed who must also be residents: taken from the places seed when it ran
 * (an adult resident no account is linked to yet), otherwise created here with places-factory-like
 * inserts into a demo estate of the community. Nothing else in the party seed writes places tables.
 */
import { sql } from 'drizzle-orm';
import { newId } from '../../platform/db/columns';
import { rows, type Tx } from '../../platform/db/client';
import { namePinyin } from '../places/places.pinyin';
import { building, estate, household, householdMembership, resident } from '../places/places.tables';

export interface DemoResident {
  residentId: string;
  name: string;
  gender: 'male' | 'female';
  buildingId: string | null;
}

/** The `nth` unlinked adult resident of the community, or a new one named `fallback` in a demo building. */
export async function demoResident(tx: Tx, communityId: string, nth: number, fallback: { name: string; gender: 'male' | 'female'; birthDate: string }): Promise<DemoResident> {
  const [found] = await rows<{ id: string; name: string; gender: 'male' | 'female'; building_id: string | null }>(
    tx,
    sql`SELECT r.id, r.name, r.gender, h.building_id FROM resident r JOIN household h ON h.id = r.household_id
         WHERE r.community_id = ${communityId} AND r.status = 'active' AND r.birth_date BETWEEN '1960-01-01' AND '1995-12-31'
           AND NOT EXISTS (SELECT 1 FROM account a WHERE a.resident_id = r.id)
         ORDER BY r.id LIMIT 1 OFFSET ${nth}`,
  );
  if (found) return { residentId: found.id, name: found.name, gender: found.gender, buildingId: found.building_id };

  const [existing] = await rows<{ id: string; estate_id: string; grid_id: string | null }>(tx, sql`SELECT id, estate_id, grid_id FROM building WHERE community_id = ${communityId} ORDER BY name LIMIT 1`);
  let buildingId = existing?.id;
  const gridId = existing?.grid_id ?? null;
  if (!buildingId) {
    const estateId = newId();
    buildingId = newId();
    await tx.insert(estate).values({ id: estateId, communityId, name: '党员之家示范小区' });
    await tx.insert(building).values({ id: buildingId, communityId, estateId, name: '1号楼', floors: 6 });
  }
  const householdId = newId();
  await tx.insert(household).values({ id: householdId, communityId, gridId, buildingId, room: `党员户${nth + 1}` });
  const py = namePinyin(fallback.name);
  const residentId = newId();
  await tx.insert(resident).values({ id: residentId, communityId, gridId, householdId, buildingId, relationToHead: '户主', name: fallback.name, namePinyin: py.full, nameInitials: py.initials, gender: fallback.gender, birthDate: fallback.birthDate, politicalStatus: '中共党员' });
  await tx.insert(householdMembership).values({ communityId, householdId, residentId, relationToHead: '户主' });
  return { residentId, ...fallback, buildingId };
}
