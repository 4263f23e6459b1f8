import type { ModulePolicy } from '../../platform/auth/roles';

/**
 * Who may do what with places and people. Scope narrows every grant: a grid worker's grants sit at
 * their grid (its residents only), community staff at the community, street staff at the street.
 * The three admins hold nothing here except the security admin's reveal alerts (三员分立: no admin
 * reads resident data). Street staff read and export masked data but cannot reveal.
 */
const read = ['grid.read', 'building.read', 'household.read', 'resident.read', 'visit.read'] as const;

export const placesPolicy: ModulePolicy = {
  module: 'places',
  permissions: [
    'grid.read',
    'grid.manage',
    'duty.manage',
    'building.read',
    'building.manage',
    'household.read',
    'household.manage',
    'resident.read',
    'resident.manage',
    'resident.reveal',
    'resident.import',
    'resident.export',
    'resident_account.manage',
    'visit.read',
    'visit.create',
    'visit_rule.manage',
    'reveal_alert.read',
  ],
  grants: {
    street_staff: [...read, 'resident.export'],
    community_secretary: [
      ...read,
      'grid.manage',
      'duty.manage',
      'building.manage',
      'household.manage',
      'resident.manage',
      'resident.reveal',
      'resident.import',
      'resident.export',
      'resident_account.manage',
      'visit.create',
      'visit_rule.manage',
    ],
    community_staff: [
      ...read,
      'duty.manage',
      'building.manage',
      'household.manage',
      'resident.manage',
      'resident.reveal',
      'resident.import',
      'resident.export',
      'resident_account.manage',
      'visit.create',
    ],
    grid_worker: [...read, 'household.manage', 'resident.manage', 'resident.reveal', 'resident_account.manage', 'visit.create'],
    care_officer: [...read, 'visit.create'],
    social_worker: [...read, 'visit.create'],
    property_staff: ['grid.read', 'building.read'],
    security_admin: ['reveal_alert.read'],
  },
};

/** Reveals by one account within one clock hour above which security admins are alerted. */
export const REVEAL_ALERT_THRESHOLD = 20;
