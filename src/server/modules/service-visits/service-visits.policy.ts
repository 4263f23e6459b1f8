import type { ModulePolicy } from '../../platform/auth/roles';

export const serviceVisitsPolicy: ModulePolicy = {
  module: 'service-visits',
  permissions: ['service_visit.read'],
  grants: {
    street_staff: ['service_visit.read'],
    community_secretary: ['service_visit.read'],
    community_staff: ['service_visit.read'],
    care_officer: ['service_visit.read'],
    social_worker: ['service_visit.read'],
  },
};
