/**
 * Who is served, and by whom. Staff operating a center act for any resident of its community
 * (at the counter); a resident acts from the app for themselves or a member of their household
 * (a parent enrolls a child in the 4:30 school, a daughter orders lunch for her father).
 */
import type { Actor, PermissionRef } from '../../platform/auth/actor';
import type { Queryable } from '../../platform/db/client';
import { AppError } from '../../platform/errors';
import { pathInScope } from '../../platform/scope';
import type { ResidentBasic } from '../places/places.duty';
import { centerRepository as repo, type CommunityInfo } from './center.repository';

export interface Beneficiary {
  resident: ResidentBasic;
  channel: 'app' | 'counter';
}

/** True when the actor's grants for `permission` cover the whole community (not just one grid). */
export function operates(actor: Actor, permission: PermissionRef, community: CommunityInfo): boolean {
  return pathInScope(actor, permission, community.path);
}

export async function beneficiary(q: Queryable, actor: Actor, community: CommunityInfo, operatorPermission: PermissionRef, residentId?: string): Promise<Beneficiary> {
  if (operates(actor, operatorPermission, community)) {
    if (!residentId) throw new AppError('validation_failed', [{ field: 'body.residentId', code: 'required', message: 'required' }]);
    const r = await repo.activeResident(q, residentId);
    if (!r || r.communityId !== community.id) throw new AppError('not_found');
    return { resident: r, channel: 'counter' };
  }
  const own = actor.residentId ? await repo.activeResident(q, actor.residentId) : undefined;
  if (!own) throw new AppError('resident_link_required');
  let target = own;
  if (residentId && residentId !== own.id) {
    const other = await repo.activeResident(q, residentId);
    if (!other || !own.householdId || other.householdId !== own.householdId) throw new AppError('not_found');
    target = other;
  }
  if (target.communityId !== community.id) throw new AppError('not_found');
  return { resident: target, channel: 'app' };
}

/** The SQLSTATE of a database error, looking through driver and ORM wrappers. */
export function sqlState(err: unknown): string | undefined {
  let cur: unknown = err;
  for (let i = 0; i < 6 && cur && typeof cur === 'object'; i++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Runs `fn`, turning a given constraint violation into an AppError (the transaction has rolled back by then). */
export async function mapViolation<T>(fn: () => Promise<T>, map: Record<string, () => AppError>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const state = sqlState(err);
    const make = state ? map[state] : undefined;
    if (make) throw make();
    throw err;
  }
}
