/**
 * Data scope: the one helper every repository uses to restrict tenant rows to what the caller's
 * grants for a permission cover (CiviCRM's ACL clauses, Primero's record scopes). A grant at a
 * district or street covers its communities; at a community, that community; at a grid, the rows
 * of that grid (or, for rows without a grid column, the grid's community).
 *
 * Out-of-scope records are simply not found: callers turn "no row" into 404, never 403.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { grantsFor, type Actor, type Grant, type PermissionRef } from './auth/actor';

type Col = AnyPgColumn | SQL;

export interface ScopeColumns {
  /** The row's community id column (every tenant row has one). */
  community: Col;
  /** The row's grid id column, where the row belongs to a grid (residents, households…). */
  grid?: Col;
}

const likePrefix = (path: string) => `${path.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function grantCondition(grant: Grant, cols: ScopeColumns): SQL {
  switch (grant.orgKind) {
    case 'district':
    case 'street':
      return sql`${cols.community} IN (SELECT o.id FROM org_node o WHERE o.kind = 'community' AND o.path LIKE ${likePrefix(grant.path)})`;
    case 'community':
      return sql`${cols.community} = ${grant.orgId}`;
    case 'grid':
      return cols.grid
        ? sql`${cols.grid} IN (SELECT o.id FROM org_node o WHERE o.kind = 'grid' AND o.path LIKE ${likePrefix(grant.path)})`
        : sql`${cols.community} = ${grant.communityId}`;
    default: {
      const never: never = grant.orgKind;
      throw new Error(`unknown org kind ${String(never)}`);
    }
  }
}

/** SQL condition: rows the actor may touch with `permission`. `false` when it holds the permission nowhere. */
export function scopeWhere(actor: Actor, permission: PermissionRef, cols: ScopeColumns): SQL {
  const grants = grantsFor(actor, permission);
  if (grants.length === 0) return sql`false`;
  const parts = grants.map((g) => grantCondition(g, cols));
  return parts.length === 1 ? parts[0]! : sql`(${sql.join(parts, sql` OR `)})`;
}

/** Condition on `org_node` rows (alias given by the columns) lying in the subtree of a grant. */
export function orgSubtreeWhere(actor: Actor, permission: PermissionRef, pathCol: Col): SQL {
  const grants = grantsFor(actor, permission);
  if (grants.length === 0) return sql`false`;
  return sql`(${sql.join(
    grants.map((g) => sql`${pathCol} LIKE ${likePrefix(g.path)}`),
    sql` OR `,
  )})`;
}

/** True when an org node path lies inside one of the grants for a permission (checked in memory). */
export function pathInScope(actor: Actor, permission: PermissionRef, path: string): boolean {
  return grantsFor(actor, permission).some((g) => path.startsWith(g.path));
}

/** Communities an actor's grants for a permission name explicitly (community or grid level); null when wider. */
export function explicitCommunityIds(actor: Actor, permission: PermissionRef): string[] | null {
  const ids = new Set<string>();
  for (const g of grantsFor(actor, permission)) {
    if (!g.communityId) return null;
    ids.add(g.communityId);
  }
  return [...ids];
}
