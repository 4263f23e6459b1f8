import type { ModulePolicy } from '../../platform/auth/roles';

export const accountsPolicy: ModulePolicy = {
  module: 'accounts',
  permissions: ['account.read', 'account.create', 'account.update', 'role.read', 'role_assignment.manage', 'account.unlock'],
  grants: {
    // 三员分立: the system admin manages accounts, the security admin manages who holds which role.
    sys_admin: ['account.read', 'account.create', 'account.update', 'role.read'],
    security_admin: ['role_assignment.manage', 'account.unlock'],
  },
};

/** Reading accounts: the system admin, and the security admin (to assign roles). */
export const accountReadAccess = ['account.read', 'role_assignment.manage'] as const;
