import { z } from 'zod';
import { Created, IdParams, Ok, pageOf } from '../../../contracts/common';
import { actorOf } from '../../platform/http/auth-plugin';
import type { App } from '../../platform/http/types';
import { accountReadAccess } from './accounts.policy';
import { AccountListQuery, AccountView, CreateAccountBody, CreateRoleAssignmentBody, RoleAssignmentParams, RoleView, UpdateAccountBody } from './accounts.schemas';
import type { AccountsService } from './accounts.service';

export function accountsRoutes(app: App, accounts: AccountsService): void {
  const tags = ['accounts'];
  app.get('/accounts', { schema: { tags, querystring: AccountListQuery, response: { 200: pageOf(AccountView) } }, config: { permission: accountReadAccess } },
    (req) => accounts.list(actorOf(req), req.query));
  app.post('/accounts', { schema: { tags, body: CreateAccountBody, response: { 201: Created } }, config: { permission: 'account.create' } },
    async (req, reply) => reply.status(201).send(await accounts.create(actorOf(req), req.body)));
  app.get('/accounts/:id', { schema: { tags, params: IdParams, response: { 200: AccountView } }, config: { permission: accountReadAccess } },
    (req) => accounts.get(actorOf(req), req.params.id));
  app.patch('/accounts/:id', { schema: { tags, params: IdParams, body: UpdateAccountBody, response: { 200: AccountView } }, config: { permission: 'account.update' } },
    (req) => accounts.update(actorOf(req), req.params.id, req.body));
  app.post('/accounts/:id/role-assignments', { schema: { tags, params: IdParams, body: CreateRoleAssignmentBody, response: { 201: Created } }, config: { permission: 'role_assignment.manage' } },
    async (req, reply) => reply.status(201).send(await accounts.assignRole(actorOf(req), req.params.id, req.body)));
  app.delete('/accounts/:id/role-assignments/:assignmentId', { schema: { tags, params: RoleAssignmentParams, response: { 200: Ok } }, config: { permission: 'role_assignment.manage' } },
    async (req) => {
      await accounts.removeRole(actorOf(req), req.params.id, req.params.assignmentId);
      return { ok: true as const };
    });
  app.post('/accounts/:id/unlock', { schema: { tags, params: IdParams, response: { 200: Ok } }, config: { permission: 'account.unlock' } },
    async (req) => {
      await accounts.unlock(actorOf(req), req.params.id);
      return { ok: true as const };
    });
  app.get('/roles', { schema: { tags, response: { 200: z.array(RoleView) } }, config: { permission: ['role.read', 'role_assignment.manage'] } },
    () => accounts.roles());
}
