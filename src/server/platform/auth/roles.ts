/**
 * Roles and permissions as data. Each module declares its permissions and which built-in roles hold
 * them (`ModulePolicy`); at start the union is written to the `permission`, `role` and
 * `role_permission` tables, and every request reads the caller's grants from there.
 */
export const roleKeys = [
  'sys_admin',
  'security_admin',
  'audit_admin',
  'street_staff',
  'community_secretary',
  'community_staff',
  'care_officer',
  'social_worker',
  'grid_worker',
  'property_staff',
  'party_member',
  'volunteer',
  'partner_contact',
  'resident',
] as const;
export type RoleKey = (typeof roleKeys)[number];

export type AdminKind = 'system' | 'security' | 'audit';

export interface RoleSpec {
  zh: string;
  en: string;
  /** 三员分立: an account may hold at most one role that has an admin kind. */
  adminKind?: AdminKind;
}

export const builtinRoles: Record<RoleKey, RoleSpec> = {
  sys_admin: { zh: '系统管理员', en: 'System administrator', adminKind: 'system' },
  security_admin: { zh: '安全管理员', en: 'Security administrator', adminKind: 'security' },
  audit_admin: { zh: '审计管理员', en: 'Audit administrator', adminKind: 'audit' },
  street_staff: { zh: '街道工作人员', en: 'Street staff' },
  community_secretary: { zh: '社区书记', en: 'Community party secretary' },
  community_staff: { zh: '社区工作人员', en: 'Community staff' },
  care_officer: { zh: '帮扶专干', en: 'Care officer' },
  social_worker: { zh: '社工', en: 'Social worker' },
  grid_worker: { zh: '网格员', en: 'Grid worker' },
  property_staff: { zh: '物业人员', en: 'Property company staff' },
  party_member: { zh: '党员', en: 'Party member' },
  volunteer: { zh: '志愿者', en: 'Volunteer' },
  partner_contact: { zh: '共建单位联络人', en: 'Partner unit contact' },
  resident: { zh: '居民', en: 'Resident' },
};

export const adminRoles: readonly RoleKey[] = roleKeys.filter((r) => builtinRoles[r].adminKind);

/** Route-level access: a permission key (or several: any of them), or one of the two markers. */
export type RouteAccess = 'public' | 'authenticated' | (string & {}) | readonly string[];

export interface ModulePolicy {
  module: string;
  permissions: readonly string[];
  grants: Partial<Record<RoleKey, readonly string[]>>;
}

export interface PolicyCatalog {
  permissions: Map<string, string>;
  grants: Map<RoleKey, Set<string>>;
}

/** Folds module policies into one catalog; refuses grants of undeclared permissions and admin roles that mix duties. */
export function buildCatalog(policies: readonly ModulePolicy[]): PolicyCatalog {
  const permissions = new Map<string, string>();
  for (const p of policies) {
    for (const key of p.permissions) {
      if (permissions.has(key)) throw new Error(`Permission ${key} declared twice (${permissions.get(key)}, ${p.module})`);
      permissions.set(key, p.module);
    }
  }
  const grants = new Map<RoleKey, Set<string>>(roleKeys.map((r) => [r, new Set<string>()]));
  for (const p of policies) {
    for (const [roleKey, keys] of Object.entries(p.grants) as [RoleKey, readonly string[]][]) {
      for (const key of keys) {
        if (!permissions.has(key)) throw new Error(`Module ${p.module} grants undeclared permission ${key} to ${roleKey}`);
        grants.get(roleKey)!.add(key);
      }
    }
  }
  // The three admins' permission sets must be disjoint (三员分立), so no role can stand for two of them.
  const [a, b, c] = adminRoles.map((r) => grants.get(r)!);
  for (const [x, y] of [[a, b], [a, c], [b, c]] as const) {
    for (const key of x!) if (y!.has(key)) throw new Error(`Permission ${key} is granted to two admin roles`);
  }
  return { permissions, grants };
}
