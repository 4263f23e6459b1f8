import type { ModulePolicy } from '../../platform/auth/roles';

/** The inbox is one's own: routes say 'authenticated' and queries are bound to the caller's account. */
export const notificationsPolicy: ModulePolicy = { module: 'notifications', permissions: [], grants: {} };
