import type { ModulePolicy } from '../../platform/auth/roles';

export const wastePolicy: ModulePolicy = {
  module: 'waste',
  permissions: ['waste.read', 'waste.manage', 'waste.record', 'waste.apply'],
  grants: {
    street_staff: ['waste.read'],
    community_secretary: ['waste.read', 'waste.manage', 'waste.record'],
    community_staff: ['waste.read', 'waste.manage', 'waste.record'],
    grid_worker: ['waste.read'],
    // Supervisors are volunteers; the service checks they were selected for the drop point.
    volunteer: ['waste.record', 'waste.apply'],
    party_member: ['waste.apply'],
    resident: ['waste.apply'],
  },
};
