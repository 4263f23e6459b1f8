import { z } from 'zod';
import { pageQuery, Uuid } from '../../../contracts/common';
import { roleKeys } from '../../platform/auth/roles';

export const Username = z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9._-]{2,31}$/, { message: 'username_format' });

export const CreateAccountBody = z.strictObject({
  username: Username,
  displayName: z.string().trim().min(1).max(50),
  password: z.string().min(1).max(256),
});

export const UpdateAccountBody = z.strictObject({
  version: z.number().int().min(1),
  displayName: z.string().trim().min(1).max(50).optional(),
  status: z.enum(['active', 'disabled']).optional(),
});

export const RoleKey = z.enum(roleKeys);

export const RoleAssignmentView = z.object({
  id: z.string(),
  role: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  orgKind: z.string(),
  createdAt: z.date(),
});

export const AccountView = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  status: z.enum(['active', 'disabled']),
  locked: z.boolean(),
  lastLoginAt: z.date().nullable(),
  createdAt: z.date(),
  version: z.number().int(),
  roles: z.array(RoleAssignmentView),
});
export type AccountView = z.infer<typeof AccountView>;

export const AccountListQuery = z.strictObject({
  ...pageQuery,
  q: z.string().trim().max(50).optional(),
  role: RoleKey.optional(),
});

export const CreateRoleAssignmentBody = z.strictObject({ role: RoleKey, orgId: Uuid });
export const RoleAssignmentParams = z.strictObject({ id: Uuid, assignmentId: Uuid });

export const RoleView = z.object({
  key: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  adminKind: z.string().nullable(),
  permissions: z.array(z.string()),
});
