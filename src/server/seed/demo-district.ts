/**
 * The demo district 同心示范区: streets and communities named after the five seed reports, each
 * community with its service center, and the foundation's demo accounts (password Demo2026!).
 */
import { eq } from 'drizzle-orm';
import { hashPassword } from '../platform/auth/password';
import type { RoleKey } from '../platform/auth/roles';
import { newId } from '../platform/db/columns';
import type { Queryable } from '../platform/db/client';
import { account, roleAssignment } from '../platform/db/tables/auth';
import { center, orgNode } from '../platform/db/tables/org';
import type { Seeder } from './runner';

export const DEMO_PASSWORD = 'Demo2026!';

interface CommunitySpec {
  code: string;
  name: string;
  phone: string;
  address: string;
  center: { name: string; areaM2: number; openingHours: string };
}

interface StreetSpec {
  code: string;
  name: string;
  phone: string;
  communities: CommunitySpec[];
}

/** Codes are the stable handles later seeders use to find these nodes. */
export const demoDistrict = {
  code: 'TX',
  name: '同心示范区',
  streets: [
    {
      code: 'YW', name: '杨文街道', phone: '0379-63900000',
      communities: [{ code: 'YW01', name: '杨文社区', phone: '0379-63912345', address: '瀍河回族区杨文路18号', center: { name: '杨文社区邻里中心', areaM2: 1500, openingHours: '08:30-20:30' } }],
    },
    {
      code: 'BH', name: '滨湖街道', phone: '0551-63600000',
      communities: [{ code: 'BH01', name: '滨湖世纪社区', phone: '0551-63612345', address: '包河区徽州大道与南京路交口', center: { name: '滨湖世纪社区党群服务中心', areaM2: 3000, openingHours: '08:00-20:00' } }],
    },
    {
      code: 'ZS', name: '芝山镇', phone: '0596-26300000',
      communities: [{ code: 'HM01', name: '惠民社区', phone: '0596-26312345', address: '芗城区芝山镇惠民路66号', center: { name: '惠民社区党群服务中心', areaM2: 900, openingHours: '08:00-18:00' } }],
    },
    {
      code: 'ZJL', name: '紫荆路街道', phone: '0371-64300000',
      communities: [
        { code: 'ZJL01', name: '紫荆路社区', phone: '0371-64312345', address: '巩义市紫荆路88号', center: { name: '紫荆路社区党群服务中心', areaM2: 800, openingHours: '08:30-18:00' } },
        { code: 'ZJL02', name: '政通路社区', phone: '0371-64322345', address: '巩义市政通路21号', center: { name: '政通路社区党群服务中心', areaM2: 600, openingHours: '08:30-18:00' } },
        { code: 'ZJL03', name: '安泰街社区', phone: '0371-64332345', address: '巩义市安泰街9号', center: { name: '安泰街社区党群服务中心', areaM2: 500, openingHours: '08:30-18:00' } },
        { code: 'ZJL04', name: '永新路社区', phone: '0371-64342345', address: '巩义市永新路36号', center: { name: '永新路社区党群服务中心', areaM2: 700, openingHours: '08:30-18:00' } },
      ],
    },
    {
      code: 'YMH', name: '雁鸣湖镇', phone: '0371-62400000',
      communities: [{ code: 'YMH01', name: '雁鸣湖镇镇区社区', phone: '0371-62412345', address: '中牟县雁鸣湖镇东村社区', center: { name: '雁鸣湖镇镇区社区党群服务中心', areaM2: 1200, openingHours: '08:00-20:00' } }],
    },
  ] satisfies StreetSpec[],
};

/** Demo accounts of the foundation: [username, display name, role, org code]. */
export const foundationAccounts: ReadonlyArray<readonly [string, string, RoleKey, string]> = [
  ['sysadmin', '系统管理员', 'sys_admin', 'TX'],
  ['secadmin', '安全管理员', 'security_admin', 'TX'],
  ['auditor', '审计管理员', 'audit_admin', 'TX'],
  ['street_zjl', '紫荆路街道 李红', 'street_staff', 'ZJL'],
  ['yw_secretary', '杨文社区书记 王建华', 'community_secretary', 'YW01'],
  ['yw_staff', '杨文社区 刘敏', 'community_staff', 'YW01'],
  ['bh_secretary', '滨湖世纪社区书记 束红英', 'community_secretary', 'BH01'],
  ['hm_secretary', '惠民社区书记 陈丽娟', 'community_secretary', 'HM01'],
];

export async function orgIdByCode(tx: Queryable, code: string): Promise<string> {
  const [row] = await tx.select({ id: orgNode.id }).from(orgNode).where(eq(orgNode.code, code));
  if (!row) throw new Error(`demo org ${code} missing`);
  return row.id;
}

let demoHash: Promise<string> | undefined;
/** One argon2 hash of the demo password, shared by all demo accounts of a run. */
export const demoPasswordHash = (): Promise<string> => (demoHash ??= hashPassword(DEMO_PASSWORD));

/** Creates demo accounts with their role assignments; skips usernames that exist. */
export async function createDemoAccounts(tx: Queryable, specs: ReadonlyArray<readonly [string, string, RoleKey, string]>, extra: (username: string) => Partial<typeof account.$inferInsert> = () => ({})): Promise<Map<string, string>> {
  const passwordHash = await demoPasswordHash();
  const ids = new Map<string, string>();
  for (const [username, displayName, role, orgCode] of specs) {
    const orgId = await orgIdByCode(tx, orgCode);
    const [existing] = await tx.select({ id: account.id }).from(account).where(eq(account.username, username));
    const id = existing?.id ?? newId();
    if (!existing) await tx.insert(account).values({ id, username, displayName, passwordHash, isDemo: true, ...extra(username) });
    await tx.insert(roleAssignment).values({ accountId: id, roleKey: role, orgId }).onConflictDoNothing();
    ids.set(username, id);
  }
  return ids;
}

export const demoDistrictSeeder: Seeder = {
  name: 'foundation.demo-district',
  async run(tx) {
    const districtId = newId();
    await tx.insert(orgNode).values({ id: districtId, kind: 'district', name: demoDistrict.name, code: demoDistrict.code, path: `/${districtId}/`, depth: 0, phone: '12345' });
    let communities = 0;
    for (const street of demoDistrict.streets) {
      const streetId = newId();
      const streetPath = `/${districtId}/${streetId}/`;
      await tx.insert(orgNode).values({ id: streetId, parentId: districtId, kind: 'street', name: street.name, code: street.code, path: streetPath, depth: 1, phone: street.phone });
      for (const c of street.communities) {
        const id = newId();
        await tx.insert(orgNode).values({ id, parentId: streetId, kind: 'community', name: c.name, code: c.code, path: `${streetPath}${id}/`, depth: 2, communityId: id, phone: c.phone, address: c.address });
        await tx.insert(center).values({ communityId: id, name: c.center.name, areaM2: c.center.areaM2, address: c.address, phone: c.phone, openingHours: c.center.openingHours });
        communities++;
      }
    }
    const accounts = await createDemoAccounts(tx, foundationAccounts);
    return { streets: demoDistrict.streets.length, communities, accounts: accounts.size };
  },
};
