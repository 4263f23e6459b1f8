/**
 * Writes the code-declared catalog (permissions, built-in roles, their grants) into the tables
 * the request path reads. Runs at start under an advisory lock; idempotent.
 */
import { inArray, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { permission, role, rolePermission } from '../db/tables/auth';
import { builtinRoles, roleKeys, type PolicyCatalog } from './roles';

const SYNC_LOCK_KEY = 7_262_011_003;

export async function syncPolicies(db: Db, catalog: PolicyCatalog): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql.raw(`SELECT pg_advisory_xact_lock(${SYNC_LOCK_KEY})`));
    const perms = [...catalog.permissions].map(([key, module]) => ({ key, module }));
    if (perms.length) {
      await tx.insert(permission).values(perms).onConflictDoUpdate({ target: permission.key, set: { module: sql`excluded.module` } });
      await tx.delete(permission).where(notInArray(permission.key, perms.map((p) => p.key)));
    } else {
      await tx.delete(permission);
    }
    await tx
      .insert(role)
      .values(roleKeys.map((key) => ({ key, nameZh: builtinRoles[key].zh, nameEn: builtinRoles[key].en, builtin: true, adminKind: builtinRoles[key].adminKind ?? null })))
      .onConflictDoUpdate({
        target: role.key,
        set: { nameZh: sql`excluded.name_zh`, nameEn: sql`excluded.name_en`, adminKind: sql`excluded.admin_kind`, builtin: sql`true` },
      });
    await tx.delete(rolePermission).where(inArray(rolePermission.roleKey, [...roleKeys]));
    const grants = [...catalog.grants].flatMap(([roleKey, keys]) => [...keys].map((permissionKey) => ({ roleKey, permissionKey })));
    if (grants.length) await tx.insert(rolePermission).values(grants);
  });
}
