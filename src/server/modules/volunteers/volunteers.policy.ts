import type { ModulePolicy, RoleKey } from '../../platform/auth/roles';

/**
 * `volunteer.self` is what an approved volunteer does from the resident app (sign up, scan in and
 * out, read their own hours, print their certificate). Approval grants the account the
 * `volunteer` role at the community, so the scope of every self action is that community.
 */
const staff = ['volunteer.read', 'volunteer.manage', 'volunteer_team.read', 'volunteer_team.manage', 'volunteer_activity.read', 'volunteer_activity.manage', 'volunteer_attendance.manage', 'volunteer_hours.read', 'volunteer_certificate.issue'];
const registrant = ['volunteer.register', 'volunteer_activity.read', 'volunteer_team.read'];

export const volunteersPolicy: ModulePolicy = {
  module: 'volunteers',
  permissions: [
    'volunteer.register',
    'volunteer.self',
    'volunteer.read',
    'volunteer.manage',
    'volunteer_team.read',
    'volunteer_team.manage',
    'volunteer_activity.read',
    'volunteer_activity.manage',
    'volunteer_attendance.manage',
    'volunteer_hours.read',
    'volunteer_certificate.issue',
  ],
  grants: {
    street_staff: ['volunteer.read', 'volunteer_team.read', 'volunteer_activity.read', 'volunteer_hours.read'],
    community_secretary: staff,
    community_staff: staff,
    social_worker: staff,
    care_officer: ['volunteer.read', 'volunteer_team.read', 'volunteer_activity.read', 'volunteer_hours.read'],
    resident: registrant,
    party_member: registrant,
    partner_contact: registrant,
    volunteer: [...registrant, 'volunteer.self'],
  } satisfies Partial<Record<RoleKey, readonly string[]>>,
};

/** Reading one volunteer's record, hours and certificates: staff in scope, or the volunteer themself. */
export const volunteerRecordAccess = ['volunteer.read', 'volunteer.self'] as const;
/** Cancelling a signup: the volunteer, or the organizers. */
export const signupCancelAccess = ['volunteer.self', 'volunteer_attendance.manage'] as const;
