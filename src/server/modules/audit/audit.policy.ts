import type { ModulePolicy } from '../../platform/auth/roles';

/** Only the audit administrator reads the audit log — and that is all the audit administrator can do. */
export const auditPolicy: ModulePolicy = {
  module: 'audit',
  permissions: ['audit.read'],
  grants: { audit_admin: ['audit.read'] },
};
