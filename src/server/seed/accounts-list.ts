import { sql } from 'drizzle-orm';
import { builtinRoles, type RoleKey } from '../platform/auth/roles';
import { rows, type Db } from '../platform/db/client';

/**
 * The demo accounts the start banner shows, one per part of the product worth trying (the demo
 * district holds some 400 accounts: every grid worker, member and applicant of the seed reports).
 */
export const showcaseAccounts: ReadonlyArray<readonly [username: string, tryThis: string]> = [
  ['sysadmin', '账号与角色 accounts'],
  ['secadmin', '授权、安全告警 roles, security alerts'],
  ['auditor', '审计日志 audit log'],
  ['street_zjl', '街道：社区排名、垃圾分类看板 street rankings, waste dashboard'],
  ['yw_secretary', '杨文社区：党建、微党课、邻里中心 party, lectures, center'],
  ['yw_staff', '杨文社区：居民、诉求、活动 residents, tickets, events'],
  ['yw_grid1', 'A岗网格员：待走访、工单 grid worker (primary)'],
  ['yw_grid2', 'B岗网格员 grid worker (backup)'],
  ['yw_resident1', '居民 H5：随手拍、报名、志愿 resident app'],
  ['hm_secretary', '惠民社区：一户一档、食堂 care files, canteen'],
  ['hm_care', '帮扶专干：救助申请、慰问、微心愿 care officer'],
  ['hm_resident1', '惠民社区居民 resident'],
  ['bh_secretary', '滨湖世纪社区：志愿者 volunteers'],
  ['zjl_partner1', '共建单位：认领微心愿 partner unit'],
  ['zt_supervisor1', '政通路社区：垃圾分类督导 waste supervisor'],
  ['ymh_sw1', '雁鸣湖：社工、场地预约 social worker, venues'],
];

/** Lines like "yw_secretary    社区书记 · 杨文社区书记 王建华 — party, lectures" for accounts that exist. */
export async function demoAccountsList(db: Db): Promise<string[]> {
  const names = showcaseAccounts.map(([u]) => u);
  const found = await rows<{ username: string; display_name: string; role_key: RoleKey | null }>(
    db,
    sql`SELECT a.username, a.display_name, (SELECT r.role_key FROM role_assignment r WHERE r.account_id = a.id ORDER BY r.created_at LIMIT 1) AS role_key
          FROM account a WHERE a.is_demo AND a.username = ANY(${`{${names.join(',')}}`}::text[])`,
  );
  const byName = new Map(found.map((r) => [r.username, r]));
  const width = Math.max(...names.map((u) => u.length)) + 2;
  return showcaseAccounts.flatMap(([username, tryThis]) => {
    const a = byName.get(username);
    if (!a) return [];
    const role = a.role_key && builtinRoles[a.role_key] ? builtinRoles[a.role_key].zh : '';
    return [`${username.padEnd(width)}${role} · ${a.display_name} — ${tryThis}`];
  });
}
