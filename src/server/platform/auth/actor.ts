import type { RoleKey } from './roles';

export type OrgKind = 'district' | 'street' | 'community' | 'grid';

/**
 * A session that may do one thing only until it is done: enroll a second factor (MFA is required
 * for this account and it has none) or change an expired admin password. Routes that stay open
 * to such a session say `config.allowRestricted: true`.
 */
export type SessionRestriction = 'mfa_enrollment' | 'password_change';

/** One role assignment of the caller, with what it allows and where. */
export interface Grant {
  role: RoleKey;
  orgId: string;
  orgName: string;
  orgKind: OrgKind;
  /** Materialized path of the assignment node ("/district/street/community/"). */
  path: string;
  /** The community of the node (itself for a community, the parent community for a grid), else null. */
  communityId: string | null;
  permissions: ReadonlySet<string>;
}

/**
 * Who is calling and from where. Services receive it instead of the HTTP request: it carries the
 * grants that scope every query, plus the origin details the audit log records.
 */
export interface Actor {
  kind: 'account' | 'system';
  accountId: string | null;
  username: string;
  displayName: string;
  sessionId: string | null;
  residentId: string | null;
  grants: readonly Grant[];
  ip: string | null;
  requestId: string | null;
  /** Set when the session is limited (see SessionRestriction); absent or null means a full session. */
  restriction?: SessionRestriction | null;
}

/** A permission key, or several meaning "any of these". */
export type PermissionRef = string | readonly string[];

const holds = (g: Grant, permission: PermissionRef) =>
  typeof permission === 'string' ? g.permissions.has(permission) : permission.some((p) => g.permissions.has(p));

export function can(actor: Actor, permission: PermissionRef): boolean {
  return actor.grants.some((g) => holds(g, permission));
}

export function grantsFor(actor: Actor, permission: PermissionRef): Grant[] {
  return actor.grants.filter((g) => holds(g, permission));
}

export function allPermissions(actor: Actor): string[] {
  const set = new Set<string>();
  for (const g of actor.grants) for (const p of g.permissions) set.add(p);
  return [...set].sort();
}

/** Actor used by scheduled jobs and seeders: no grants, so it passes no permission check. */
export function systemActor(name = 'system'): Actor {
  return {
    kind: 'system',
    accountId: null,
    username: name,
    displayName: name,
    sessionId: null,
    residentId: null,
    grants: [],
    ip: null,
    requestId: null,
  };
}
