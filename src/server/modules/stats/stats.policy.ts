import type { ModulePolicy } from '../../platform/auth/roles';

export const statsPolicy: ModulePolicy = {
  module: 'stats',
  permissions: ['stats.rankings.read'],
  grants: {
    street_staff: ['stats.rankings.read'],
    community_secretary: ['stats.rankings.read'],
    community_staff: ['stats.rankings.read'],
  },
};
