/**
 * Demo care data, after the places seeder (it picks that seeder's neediest households and adds
 * what is missing). Every figure the screens show is a count or sum of these rows:
 * 惠民社区 — 268 care files, 453 dibao/tekun applications across the steps, 32 temporary reliefs,
 * 11 people with severe mental disorders followed (restricted), 17 students funded, a Spring
 * Festival campaign of 140 households totalling ¥122,000; 紫荆路社区 — 12 fulfilled micro-wishes
 * claimed by the CDC's contact. Demo accounts (password Demo2026!): `hm_care` (care officer of
 * 惠民社区), `zs_street` (芝山镇 street staff, the street review step), `zjl_care` (care officer of
 * 紫荆路社区) and `zjl_wisher1` (a resident of 紫荆路社区 with a care file, who posts wishes).
 */
import { sql } from 'drizzle-orm';
import type { AppContext } from '../../context';
import { rows, type Tx } from '../../platform/db/client';
import { createDemoAccounts, orgIdByCode } from '../../seed/demo-district';
import type { Seeder } from '../../seed/runner';
import { createPartnersService } from '../partners/partners.service';
import { seedAssistance } from './care.seed-assistance';
import { seedConditions, seedFiles, seedServices, type SeedPerson } from './care.seed-files';
import { seedConsolations, seedWishes } from './care.seed-giving';
import { careHomes, needyMembers, type MemberSpec } from './care.seed-world';

export const careSeedSizes = (small: boolean) =>
  small
    ? { files: 12, dibao: 6, tekun: 2, recurring: 16, temporary: 3, severeMental: 2, services: 10, festivalHouseholds: 6, students: 2, fulfilledWishes: 3, openWishes: 2 }
    : { files: 268, dibao: 185, tekun: 25, recurring: 453, temporary: 32, severeMental: 11, services: 400, festivalHouseholds: 140, students: 17, fulfilledWishes: 12, openWishes: 3 };

async function person(tx: Tx, username: string): Promise<SeedPerson | null> {
  const [row] = await rows<{ id: string; display_name: string }>(tx, sql`SELECT id, display_name FROM account WHERE username = ${username}`);
  return row ? { id: row.id, name: row.display_name } : null;
}

/** Accounts holding a role in a community (grid workers live on its grids). */
async function roleHolders(tx: Tx, communityId: string, role: string, limit: number): Promise<SeedPerson[]> {
  const found = await rows<{ id: string; display_name: string }>(
    tx,
    sql`SELECT DISTINCT a.id, a.display_name FROM role_assignment ra JOIN account a ON a.id = ra.account_id JOIN org_node o ON o.id = ra.org_id
         WHERE ra.role_key = ${role} AND (o.id = ${communityId} OR o.community_id = ${communityId}) ORDER BY a.display_name LIMIT ${limit}`,
  );
  return found.map((r) => ({ id: r.id, name: r.display_name }));
}

/** 紫荆路's wishers: lonely elderly, needy households and single parents (seed 003). */
const wisherMembers = (rng: Parameters<typeof needyMembers>[0], i: number): MemberSpec[] =>
  i % 3 === 2
    ? [{ age: rng.int(30, 45), gender: 'female', tags: ['single_parent'], relation: '户主' }, { age: rng.int(4, 12), gender: rng.chance(0.5) ? 'male' : 'female', tags: [], relation: '子女' }]
    : needyMembers(rng, i * 3);

export const careSeeder: Seeder = {
  name: 'care.demo',
  async run(tx, ctx) {
    const sizes = careSeedSizes(!!ctx.options.small);
    const hm = await orgIdByCode(tx, 'HM01');
    const zj = await orgIdByCode(tx, 'ZJL01');
    const made = await createDemoAccounts(tx, [
      ['hm_care', '惠民社区帮扶专干 林晓红', 'care_officer', 'HM01'],
      ['zs_street', '芝山镇社会事务办 黄志明', 'street_staff', 'ZS'],
      ['zjl_care', '紫荆路社区帮扶专干 王静', 'care_officer', 'ZJL01'],
    ]);
    const hmCare = { id: made.get('hm_care')!, name: '惠民社区帮扶专干 林晓红' };
    const street = { id: made.get('zs_street')!, name: '芝山镇社会事务办 黄志明' };
    const zjCare = { id: made.get('zjl_care')!, name: '紫荆路社区帮扶专干 王静' };
    const gridWorkers = await roleHolders(tx, hm, 'grid_worker', 8);
    const secretary = await person(tx, 'hm_secretary');
    const drafters = gridWorkers.length ? gridWorkers : [secretary ?? { id: null, name: '惠民社区网格员' }];
    const [center] = await rows<{ id: string }>(tx, sql`SELECT id FROM center WHERE community_id = ${hm} ORDER BY created_at LIMIT 1`);

    const homes = await careHomes(tx, ctx.rng, ctx.now, { communityId: hm, count: sizes.files, tags: ['dibao', 'tekun', 'elderly_alone', 'disabled', 'empty_nest', 'left_behind_child'], estateName: '惠民花园', spec: needyMembers });
    const filed = await seedFiles(tx, ctx, hm, homes, { dibao: sizes.dibao, tekun: sizes.tekun }, hmCare);
    const followed = await seedConditions(tx, ctx, hm, filed, sizes.severeMental);
    const services = await seedServices(tx, ctx, { communityId: hm, centerId: center?.id ?? null, homes: filed, count: sizes.services, followed, staff: hmCare, socialWorkers: ['社工 王恒超', '社工 尹佳佳', '社工 荆延敏'], volunteers: ['志愿者 刘敬州', '志愿者 张书芬', '志愿者 王素芳', '志愿者 陈国庆'] });
    const assistance = await seedAssistance(tx, ctx, hm, filed, { drafters, community: hmCare, street }, { recurring: sizes.recurring, temporary: sizes.temporary });
    const consolations = await seedConsolations(tx, ctx, hm, filed, { staff: hmCare, deliverers: [hmCare, ...drafters] }, { households: sizes.festivalHouseholds, students: sizes.students });

    const zjHomes = await careHomes(tx, ctx.rng, ctx.now, { communityId: zj, count: sizes.fulfilledWishes + sizes.openWishes + 2, tags: ['elderly_alone', 'dibao', 'tekun', 'disabled'], estateName: '鸿运嘉苑', spec: wisherMembers });
    const zjFiled = await seedFiles(tx, ctx, zj, zjHomes, { dibao: 4, tekun: 1 }, zjCare);
    const donor = await person(tx, 'zjl_partner1');
    const units = donor?.id ? await createPartnersService({ db: tx } as unknown as AppContext).unitsOfAccount(tx, donor.id) : [];
    const wishes = await seedWishes(tx, ctx, zj, zjFiled.slice(1), { donor: donor ?? zjCare, unit: units.find((u) => u.communityId === zj) ?? null, reviewer: zjCare }, { fulfilled: sizes.fulfilledWishes, open: sizes.openWishes });
    const wisher = zjFiled[0]!.members[0]!;
    await createDemoAccounts(tx, [['zjl_wisher1', `紫荆路社区居民 ${wisher.name}`, 'resident', 'ZJL01']], () => ({ residentId: wisher.id }));

    return { careFiles: filed.length + zjFiled.length, restrictedFollowed: followed.length, services, ...assistance, ...consolations, ...wishes };
  },
};
