import type { ModulePolicy } from '../../platform/auth/roles';

/**
 * Who may do what in care. Care files: the care officer and the secretary of the community, grid
 * workers for their grid's households; restricted health data only with `care_condition.restricted`
 * (care officer). Street staff see aggregates and take the street review step.
 */
export const carePolicy: ModulePolicy = {
  module: 'care',
  permissions: [
    'care_file.read',
    'care_file.manage',
    'care_condition.restricted',
    'care_stats.read',
    'assistance.read',
    'assistance.create',
    'assistance.community_review',
    'assistance.street_review',
    /** A resident following their own (household's) applications in the resident app. */
    'assistance.follow',
    'care_service.read',
    'care_service.record',
    'consolation.read',
    'consolation.manage',
    'consolation.handover',
    'wish.read',
    'wish.manage',
    'wish.post',
    'wish.claim',
    'care_birthday.read',
  ],
  grants: {
    care_officer: [
      'care_file.read', 'care_file.manage', 'care_condition.restricted', 'care_stats.read',
      'assistance.read', 'assistance.create', 'assistance.community_review',
      'care_service.read', 'care_service.record',
      'consolation.read', 'consolation.manage', 'consolation.handover',
      'wish.read', 'wish.manage', 'care_birthday.read',
    ],
    community_secretary: [
      'care_file.read', 'care_file.manage', 'care_stats.read',
      'assistance.read', 'assistance.create', 'assistance.community_review',
      'care_service.read', 'care_service.record',
      'consolation.read', 'consolation.manage', 'consolation.handover',
      'wish.read', 'wish.manage', 'care_birthday.read',
    ],
    community_staff: [
      'care_stats.read', 'assistance.read', 'assistance.create', 'assistance.community_review',
      'care_service.read', 'care_service.record', 'consolation.read', 'consolation.handover',
      'wish.read', 'wish.manage', 'care_birthday.read',
    ],
    grid_worker: [
      'care_file.read', 'care_file.manage', 'assistance.read', 'assistance.create',
      'care_service.record', 'consolation.read', 'consolation.handover', 'wish.read', 'wish.manage', 'care_birthday.read',
    ],
    social_worker: ['care_service.read', 'care_service.record', 'consolation.read', 'consolation.handover', 'wish.read', 'care_birthday.read'],
    street_staff: ['care_stats.read', 'assistance.read', 'assistance.street_review'],
    volunteer: ['care_service.record', 'wish.read', 'wish.claim'],
    party_member: ['wish.read', 'wish.claim'],
    partner_contact: ['wish.read', 'wish.claim'],
    resident: ['wish.post', 'assistance.follow'],
  },
};

/** Staff who see every wish of their scope (review, post on behalf). */
export const wishStaffAccess = ['wish.manage'] as const;
