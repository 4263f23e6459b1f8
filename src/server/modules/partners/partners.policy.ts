import type { ModulePolicy } from '../../platform/auth/roles';

export const partnersPolicy: ModulePolicy = {
  module: 'partners',
  permissions: ['partner_unit.read', 'partner_unit.manage'],
  grants: {
    street_staff: ['partner_unit.read'],
    community_secretary: ['partner_unit.read', 'partner_unit.manage'],
    community_staff: ['partner_unit.read', 'partner_unit.manage'],
    care_officer: ['partner_unit.read'],
    social_worker: ['partner_unit.read'],
    partner_contact: ['partner_unit.read'],
    party_member: ['partner_unit.read'],
    resident: ['partner_unit.read'],
  },
};
