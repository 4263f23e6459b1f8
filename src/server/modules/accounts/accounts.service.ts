/**
 * Accounts and role assignments. 三员分立 is enforced here, not in the UI: an account that holds
 * one of the three admin roles holds nothing else (so no admin reads resident data, and no account
 * is two admins). Changing an account's roles ends its sessions, so new rights need a new sign-in.
 */
import type { AppContext } from '../../context';
import type { Actor } from '../../platform/auth/actor';
import { checkPasswordPolicy, hashPassword } from '../../platform/auth/password';
import { revokeAccountSessions } from '../../platform/auth/sessions';
import { diffForAudit } from '../../platform/audit';
import { account } from '../../platform/db/tables/auth';
import { updateVersioned } from '../../platform/db/versioned';
import { AppError } from '../../platform/errors';
import { decodeCursor, pageFrom } from '../../platform/pagination';
import { pathInScope } from '../../platform/scope';
import { z } from 'zod';
import type { OrgsService } from '../orgs/orgs.service';
import { accountReadAccess } from './accounts.policy';
import { accountsRepository as repo, type AccountRow } from './accounts.repository';
import type { AccountView } from './accounts.schemas';

type Assignment = Awaited<ReturnType<typeof repo.assignmentsOf>>[number];

function toView(row: AccountRow, assignments: Assignment[]): AccountView {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    status: row.status,
    locked: !!row.lockedUntil && row.lockedUntil.getTime() > Date.now(),
    lastLoginAt: row.lastLoginAt,
    createdAt: row.createdAt,
    version: row.version,
    roles: assignments
      .filter((a) => a.accountId === row.id)
      .map((a) => ({ id: a.id, role: a.role, orgId: a.orgId, orgName: a.orgName, orgKind: a.orgKind, createdAt: a.createdAt })),
  };
}

export function createAccountsService(ctx: AppContext, deps: { orgs: OrgsService }) {
  const { db, audit } = ctx;

  async function view(row: AccountRow): Promise<AccountView> {
    return toView(row, await repo.assignmentsOf(db, [row.id]));
  }

  return {
    async list(actor: Actor, q: { q?: string; role?: string; cursor?: string; limit: number }) {
      const after = decodeCursor(q.cursor, z.tuple([z.string()]));
      const rows = await repo.list(db, actor, accountReadAccess, { q: q.q, role: q.role, after: after?.[0], limit: q.limit });
      const assignments = await repo.assignmentsOf(db, rows.map((r) => r.id));
      return pageFrom(rows, q.limit, (r) => [r.username], (r) => toView(r, assignments));
    },

    async get(actor: Actor, id: string): Promise<AccountView> {
      const row = await repo.findInScope(db, actor, accountReadAccess, id);
      if (!row) throw new AppError('not_found');
      return view(row);
    },

    async create(actor: Actor, input: { username: string; displayName: string; password: string }): Promise<{ id: string }> {
      const problem = checkPasswordPolicy(input.password, input.username);
      if (problem) throw new AppError('validation_failed', [{ field: 'body.password', code: `password_${problem}`, message: `password_${problem}` }]);
      const passwordHash = await hashPassword(input.password);
      return db.transaction(async (tx) => {
        if (await repo.usernameTaken(tx, input.username)) throw new AppError('already_exists', [{ field: 'body.username', code: 'username_taken' }]);
        const row = await repo.insert(tx, { username: input.username, displayName: input.displayName, passwordHash });
        await audit.record(tx, actor, { action: 'account.create', entity: 'account', entityId: row.id, changes: diffForAudit(null, { username: row.username, displayName: row.displayName }) });
        return { id: row.id };
      });
    },

    async update(actor: Actor, id: string, input: { version: number; displayName?: string; status?: 'active' | 'disabled' }): Promise<AccountView> {
      const after = await db.transaction(async (tx) => {
        const before = await repo.findInScope(tx, actor, 'account.update', id);
        if (!before) throw new AppError('not_found');
        if (input.status === 'disabled' && id === actor.accountId) throw new AppError('conflict', [{ field: 'body.status', code: 'cannot_disable_self' }]);
        const { version, ...values } = input;
        const updated = await updateVersioned(tx, account, { id, version, values });
        if (before.status !== updated.status && updated.status === 'disabled') await revokeAccountSessions(tx, id);
        await audit.record(tx, actor, { action: 'account.update', entity: 'account', entityId: id, changes: diffForAudit(before, updated, { fields: ['displayName', 'status'] }) });
        return updated;
      });
      return view(after);
    },

    async assignRole(actor: Actor, accountId: string, input: { role: string; orgId: string }): Promise<{ id: string }> {
      const org = await deps.orgs.findById(input.orgId);
      if (!org || !pathInScope(actor, 'role_assignment.manage', org.path)) throw new AppError('not_found');
      return db.transaction(async (tx) => {
        const target = await repo.findInScope(tx, actor, 'role_assignment.manage', accountId);
        if (!target) throw new AppError('not_found');
        const newRole = await repo.roleByKey(tx, input.role);
        if (!newRole) throw new AppError('validation_failed', [{ field: 'body.role', code: 'unknown_role' }]);
        // Serialize concurrent assignments to one account so two admin roles cannot slip in together.
        await repo.lockAccountRow(tx, accountId);
        const existing = await repo.assignmentsOf(tx, [accountId]);
        const mixesAdmin = existing.some((a) => a.role !== newRole.key && (a.adminKind !== null || newRole.adminKind !== null));
        if (mixesAdmin) {
          throw new AppError('separation_of_duties', { held: existing.map((a) => a.role), requested: newRole.key });
        }
        const row = await repo.insertAssignment(tx, { accountId, roleKey: newRole.key, orgId: org.id, createdBy: actor.accountId });
        if (!row) throw new AppError('already_exists');
        await revokeAccountSessions(tx, accountId);
        await audit.record(tx, actor, { action: 'role_assignment.create', entity: 'account', entityId: accountId, communityId: org.communityId, changes: { role: { after: newRole.key }, org: { after: org.name } } });
        return { id: row.id };
      });
    },

    async removeRole(actor: Actor, accountId: string, assignmentId: string): Promise<void> {
      await db.transaction(async (tx) => {
        const target = await repo.findInScope(tx, actor, 'role_assignment.manage', accountId);
        if (!target) throw new AppError('not_found');
        const [existing] = (await repo.assignmentsOf(tx, [accountId])).filter((a) => a.id === assignmentId);
        const org = existing && (await deps.orgs.findById(existing.orgId, tx));
        if (!existing || !org || !pathInScope(actor, 'role_assignment.manage', org.path)) throw new AppError('not_found');
        await repo.deleteAssignment(tx, accountId, assignmentId);
        await revokeAccountSessions(tx, accountId);
        await audit.record(tx, actor, { action: 'role_assignment.delete', entity: 'account', entityId: accountId, communityId: org.communityId, changes: { role: { before: existing.role }, org: { before: org.name } } });
      });
    },

    async unlock(actor: Actor, accountId: string): Promise<void> {
      await db.transaction(async (tx) => {
        const target = await repo.findInScope(tx, actor, 'account.unlock', accountId);
        if (!target) throw new AppError('not_found');
        await repo.unlock(tx, accountId);
        await audit.record(tx, actor, { action: 'account.unlock', entity: 'account', entityId: accountId });
      });
    },

    async roles() {
      const rows = await repo.roles(db);
      const byKey = new Map<string, { key: string; nameZh: string; nameEn: string; adminKind: string | null; permissions: string[] }>();
      for (const r of rows) {
        const entry = byKey.get(r.key) ?? { key: r.key, nameZh: r.nameZh, nameEn: r.nameEn, adminKind: r.adminKind, permissions: [] };
        if (r.permission) entry.permissions.push(r.permission);
        byKey.set(r.key, entry);
      }
      return [...byKey.values()];
    },
  };
}

export type AccountsService = ReturnType<typeof createAccountsService>;
