import type { ModulePolicy } from '../../platform/auth/roles';

export const orgsPolicy: ModulePolicy = {
  module: 'orgs',
  permissions: ['org.read', 'org.manage', 'center.read', 'center.manage'],
  grants: {
    sys_admin: ['org.read', 'org.manage', 'center.read', 'center.manage'],
    street_staff: ['org.read', 'center.read'],
    community_secretary: ['org.read', 'center.read', 'center.manage'],
    community_staff: ['org.read', 'center.read'],
    care_officer: ['org.read', 'center.read'],
    // Social workers run the center's rooms, courses and events day to day (seed 004).
    social_worker: ['org.read', 'center.read'],
    party_member: ['org.read', 'center.read'],
    grid_worker: ['org.read', 'center.read'],
    volunteer: ['org.read', 'center.read'],
    partner_contact: ['org.read', 'center.read'],
    resident: ['org.read', 'center.read'],
  },
};

/** Listing the org tree: staff read it, and the security admin needs it to place role assignments. */
export const orgListAccess = ['org.read', 'role_assignment.manage'] as const;
