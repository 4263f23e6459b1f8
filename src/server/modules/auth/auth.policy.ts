import type { ModulePolicy } from '../../platform/auth/roles';

/** Signing in and one's own profile need no permission beyond being signed in (routes say 'public' / 'authenticated'). */
export const authPolicy: ModulePolicy = { module: 'auth', permissions: [], grants: {} };

export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_MINUTES = 15;
