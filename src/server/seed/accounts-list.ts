import { builtinRoles, type RoleKey } from '../platform/auth/roles';

/** Lines like "yw_secretary    社区书记 · 杨文社区" for the start banner. */
export function demoAccountsList(specs: ReadonlyArray<readonly [string, string, RoleKey, string]>): string[] {
  const width = Math.max(...specs.map(([u]) => u.length)) + 2;
  return specs.map(([username, displayName, role]) => `${username.padEnd(width)}${builtinRoles[role].zh} · ${displayName}`);
}
